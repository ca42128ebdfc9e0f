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
from reports.messages import describe_bound, describe_own_leads
from scheduler.plan.model import Unavailability
from tests.ui.windows import main_window
from ui.i18n import tr

pytestmark = pytest.mark.gui

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


def _solvers(db_path) -> dict:
    with Store(db_path) as s:
        return {k: a for k, a in load_plan(s).assignments.items() if a.extra.get("source") == "solver"}


def _run(qtbot, page, monkeypatch, *, replan: bool, on_preview) -> object:
    """Click Auto-assign for December (re-planning or not); `on_preview(preview)` decides."""
    from ui.assign import autoassign

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
    w = main_window(qtbot, db_path)
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
    # The office's measure: occurrences led by a party member of their own branch, and the most possible.
    own = first.findChild(QLabel, "own_leads").text()
    assert p.own_leads.of > 0 and p.own_leads.bound is not None
    assert own == describe_own_leads(p.own_leads, tr) and str(p.own_leads.count) in own
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


def test_stage_order_shown_and_round_trip_through_settings(qtbot, db_path, monkeypatch) -> None:
    """Settings ▸ Auto-assign shows the stages in the solver's order (the own-branch lead after
    the smallest maximum, before the people at it), every rule and preference whole (no list to
    scroll); a new order of the preferences is saved through the write core, read back by the
    solver and shown again the same; undo puts the old one back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from scheduler.solver.proposal import PREFERENCES, SolverSettings
    from ui.assign import autoassign
    from ui.window import settings_actions

    w = main_window(qtbot, db_path)
    seen: list[tuple[list[str], list[str]]] = []

    def shown(dialog) -> tuple[list[str], list[str]]:
        rules = [
            dialog.findChild(QLabel, f"rule{k}").text() for k in range(1, len(autoassign.RULE_ORDER) + 1)
        ]
        order = dialog.order
        keys = [order.item(k).data(Qt.ItemDataRole.UserRole) for k in range(order.count())]
        assert not order.horizontalScrollBar().isVisible() and not order.verticalScrollBar().isVisible()
        for k in range(order.count()):
            rect = order.visualItemRect(order.item(k))
            assert order.viewport().rect().contains(rect), (k, rect)
        return rules, keys

    def move_evenings_first(self) -> int:
        self.show()
        seen.append(shown(self))
        self.order.setCurrentRow(2)
        for _ in range(2):
            self.findChild(QPushButton, "up").click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_actions.SolverSettingsDialog, "exec", move_evenings_first)
    w.settings.edit_solver_settings()
    rules, keys = seen[0]
    assert rules == [tr(r) for r in autoassign.RULE_ORDER]
    assert (
        rules.index(tr(autoassign.RULE_ORDER[4])) == 4 and "own organizing branch" in autoassign.RULE_ORDER[4]
    )
    assert tuple(keys) == PREFERENCES == SolverSettings().preferences
    saved = ops.solver_settings(w.session.store)
    assert saved.preferences == ("evenings", "hours_cap", "paired_branch")

    def look(self) -> int:
        self.show()
        seen.append(shown(self))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(settings_actions.SolverSettingsDialog, "exec", look)
    w.settings.edit_solver_settings()
    assert seen[1][1] == ["evenings", "hours_cap", "paired_branch"]
    w.undo_action.trigger()
    assert ops.solver_settings(w.session.store) == SolverSettings()
    w.session.close()
