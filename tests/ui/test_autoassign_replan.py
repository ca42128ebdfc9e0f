"""Auto-assign from the calendar as a planner uses it: an apply onto a plan changed meanwhile is
refused with a clear message and nothing saved; the preview says how busy the busiest person is
against the bound and how each stage ended; after a leave, re-planning shows the person removed
from the occurrence, applies as one step and undoes as one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from db import operations as ops
from db.planio import load_plan
from db.store import Store
from reports.messages import describe_bound
from scheduler.model import Unavailability
from tests.ui.test_calendar import _window
from ui.i18n import tr

pytestmark = pytest.mark.gui

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


def _solvers(db_path) -> dict:
    with Store(db_path) as s:
        return {k: a for k, a in load_plan(s).assignments.items() if a.extra.get("source") == "solver"}


def _run(qtbot, page, monkeypatch, *, replan: bool, on_preview) -> object:
    """Click Auto-assign for December (re-planning or not); `on_preview(preview)` decides."""
    from ui import autoassign

    def window_exec(self) -> int:
        self.replan.setChecked(replan)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(autoassign.WindowDialog, "exec", window_exec)
    monkeypatch.setattr(autoassign.WindowDialog, "window", lambda self: DECEMBER)
    shown: list = []

    def preview_exec(self) -> int:
        shown.append(self)
        return on_preview(self)

    monkeypatch.setattr(autoassign.PreviewDialog, "exec", preview_exec)
    page.auto_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    return shown[0]


def test_stale_apply_refused_then_replan_after_a_leave(qtbot, db_path, monkeypatch) -> None:
    w = _window(qtbot, db_path)
    page = w.current_page()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text) or 0)

    # 1. Someone else saves while the preview is open: the apply is refused, nothing saved.
    def other_window_saves(preview) -> int:
        with Store(db_path) as other:
            u = Unavailability("s003", datetime(2026, 12, 30, 8), datetime(2026, 12, 30, 12), "duty")
            ops.save(other, "unavailability", [u])
        return QDialog.DialogCode.Accepted

    stale = _run(qtbot, page, monkeypatch, replan=False, on_preview=other_window_saves)
    assert stale.proposal.assignments
    said = tr("The plan was changed while the solver worked, so nothing was saved. Run auto-assign again.")
    assert warnings and warnings[-1] == said
    assert _solvers(db_path) == {}

    # 2. Applied: the preview says who carries most against the bound, and how each stage ended.
    first = _run(qtbot, page, monkeypatch, replan=False, on_preview=lambda p: QDialog.DialogCode.Accepted)
    bound = first.findChild(QLabel, "bound").text()
    p = first.proposal
    assert bound == describe_bound(p.bound, p.max_hours, page.catalog.plan(), tr)
    assert tr("The busiest person carries {hours} h").format(hours=f"{p.max_hours:g}") in bound
    assert first.stages.topLevelItemCount() == len(first.proposal.stages) >= 4
    made = _solvers(db_path)
    assert set(made) == {a.key for a in first.proposal.assignments}

    # 3. A leave for someone the solver placed; re-plan removes exactly that assignment.
    victim = sorted(made.values(), key=lambda a: (a.occurrence, a.staff))[0]
    day = victim.occurrence
    start = datetime(day.year, day.month, day.day)
    # Two days: the occurrence of 12-10 is held on 12-11 (moved), and keeps its date as its name.
    leave = Unavailability(victim.staff, start, start + timedelta(days=2), "leave")
    w.session.save("unavailability", leave, None, "Leave")
    replanned = _run(qtbot, page, monkeypatch, replan=True, on_preview=lambda p: QDialog.DialogCode.Accepted)
    proposal = replanned.proposal
    assert proposal.replan and made[victim.key] in proposal.removed
    # Anyone else touched stays at the occurrence in another role (the new lead, as the lead
    # went on leave): moved, not removed.
    gone, _came, moved = proposal.changes()[(victim.activity, victim.occurrence)]
    assert gone == [victim.staff] and set(moved) == {a.staff for a in proposal.removed} - {victim.staff}
    changes = replanned.added
    texts = [changes.topLevelItem(0).child(k).text(4) for k in range(changes.topLevelItem(0).childCount())]
    assert any(t in ("removed", "移除") for t in texts), texts
    after = _solvers(db_path)
    assert victim.key not in after
    w.undo_action.trigger()  # one step back: the re-plan undone as a whole
    assert _solvers(db_path) == made
    w.session.close()
