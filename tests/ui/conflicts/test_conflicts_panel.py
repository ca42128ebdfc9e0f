"""The conflicts panel while the whole plan is checked beside the window: the window is up and
usable, the panel says it is checking, then shows the conflicts; an edit made meanwhile is in
what it shows."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from scheduler.conflicts.checker import CheckContext, check
from tests.ui.windows import main_window
from ui.i18n import tr


@pytest.fixture
def held(monkeypatch):
    """Full checks wait for `held.set()` before they start: what the window does meanwhile shows."""
    from ui.conflicts import watch as conflict_watch

    gate = threading.Event()
    real = conflict_watch.IncrementalChecker

    def slow(ctx, progress=None):
        assert gate.wait(30), "the test never let the check go"
        return real(ctx, progress)

    monkeypatch.setattr(conflict_watch, "IncrementalChecker", slow)
    yield gate
    gate.set()


def _keys(conflicts) -> list[tuple]:
    return sorted(c.key for c in conflicts)


def test_panel_says_checking_then_shows_the_conflicts(qtbot, db_path, held) -> None:
    from scheduler.plan.model import Assignment

    w = main_window(qtbot, db_path, checked=False)
    panel = w.conflicts_panel
    qtbot.waitUntil(lambda: w.watch.checking_now)
    assert panel.summary.text() == tr("Checking the whole plan…")
    assert panel.tree.topLevelItemCount() == 0 and w.watch.checker is None
    # The window is not blocked: it paints and takes an edit while the check runs.
    w.repaint()
    x = Assignment("a1", "s002", date(2026, 12, 17), "consult", "member")
    w.session.edit("assign", saves={"assignments": [x]})
    assert w.watch.checking_now
    held.set()
    qtbot.waitUntil(lambda: w.watch.checker is not None, timeout=10000)
    assert not w.watch.checking_now
    assert "%" not in panel.summary.text() and panel.summary.text() != tr("Checking the whole plan…")
    assert panel.tree.topLevelItemCount() > 0
    # What it shows is the plan as it is now, the edit made during the check included.
    c = w.catalog
    fresh = check(
        CheckContext(c.plan(), c.work_calendar, datetime.now(), response=w.watch.checker.ctx.response)
    )
    assert _keys(w.watch.conflicts) == _keys(fresh)
    assert any(x.key == key for key in c.assignments)
    w.session.close()


def test_a_full_recheck_runs_beside_the_window_too(qtbot, db_path, held) -> None:
    from dataclasses import replace

    held.set()
    w = main_window(qtbot, db_path, checked=False)
    qtbot.waitUntil(lambda: w.watch.checker is not None, timeout=10000)
    before = _keys(w.watch.conflicts)
    full = w.watch.full_checks
    held.clear()
    from db import operations as ops

    store, old = w.session.store, w.catalog.hospital
    new = replace(old, clinical_hours=("08:00", "23:00"))
    w.session.run("hours", lambda: ops.save_hospital(store, new), lambda: ops.save_hospital(store, old))
    assert w.watch.full_checks == full + 1 and w.watch.checking_now
    assert tr("checking the whole plan again…") in w.conflicts_panel.summary.text()
    held.set()
    qtbot.waitUntil(lambda: not w.watch.checking_now, timeout=10000)
    c = w.catalog
    fresh = check(
        CheckContext(c.plan(), c.work_calendar, datetime.now(), response=w.watch.checker.ctx.response)
    )
    assert _keys(w.watch.conflicts) == _keys(fresh)
    assert tr("checking the whole plan again…") not in w.conflicts_panel.summary.text()
    assert _keys(w.watch.conflicts) != before  # clinical hours into the evening: the night market draws cover
    w.session.close()


def test_the_kind_filter_and_the_groups_are_the_declared_kinds(qtbot, db_path) -> None:
    """The filter offers every kind of scheduler/conflicts/kinds.py by its translated name, in
    report order; a group's head is its kind's name and severity; choosing a kind lists it alone."""
    from scheduler.conflicts.kinds import ERROR, KINDS

    w = main_window(qtbot, db_path)
    panel = w.conflicts_panel
    offered = [(panel.kind.itemText(i), panel.kind.itemData(i)) for i in range(panel.kind.count())]
    assert offered == [(tr("All kinds"), None)] + [(tr(k.name), k.code) for k in KINDS.values()]
    heads = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    kinds = [h.data(0, Qt.ItemDataRole.UserRole) for h in heads]
    assert len(kinds) >= 2 and kinds == [k for k in KINDS if k in kinds]
    for head, code in zip(heads, kinds, strict=True):
        count = sum(1 for c in w.watch.conflicts if c.kind == code and w.watch.ack(c) is None)
        assert head.text(1) == f"{tr(KINDS[code].name)} ({count})"
        assert head.text(0) == (tr("Error") if KINDS[code].severity == ERROR else tr("Warning"))
    panel.kind.setCurrentIndex(panel.kind.findData(kinds[-1]))
    assert panel.tree.topLevelItemCount() == 1
    assert panel.tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == kinds[-1]
