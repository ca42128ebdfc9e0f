"""The step from an auto-assign proposal to the database, said once (db/proposals.py) for the
`assign` command and the window's auto-assign: saved onto the plan that was solved only, taken
back exactly, and put back again (the window's redo), against a real SQLite file."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from db import operations as ops
from db.planio import load_plan, revision
from db.proposals import proposal_edit, proposal_undo
from db.store import Store
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo
from scheduler.plan.model import Unavailability
from scheduler.solver.greedy import greedy
from scheduler.solver.window import StaffingWindow

D0, D1 = date(2026, 10, 1), date(2026, 10, 31)


def _proposal(store: Store, replan: bool = False):
    plan = load_plan(store)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    return greedy(StaffingWindow(plan, cal, D0, D1, replan=replan))


def _assignments(store: Store) -> dict:
    return dict(load_plan(store).assignments)


def test_a_replan_saved_undone_and_redone_exactly(tmp_path) -> None:
    with Store(tmp_path / "a.sqlite3") as store:
        ops.import_plan(store, build_demo(demo_recipe(), "small", 3, 2026, staffed=False))
        first = _proposal(store)
        assert first.assignments and not first.removed
        ops.write(store, proposal_edit(first, revision(store)))
        made = [a for a in _assignments(store).values() if a.extra.get("source") == "solver"]
        assert len(made) == len(first.assignments)
        # A leave on a day the solver gave someone: re-planning moves what became wrong.
        victim = min(made, key=lambda a: (a.occurrence, a.activity, a.staff))
        day = victim.occurrence
        leave = Unavailability(
            victim.staff, datetime.combine(day, time(0)), datetime.combine(day, time(23, 59))
        )
        ops.write(store, ops.Edit(saves={"unavailability": [leave]}))
        before = _assignments(store)
        replan = _proposal(store, replan=True)
        assert replan.removed and replan.assignments
        ops.write(store, proposal_edit(replan, revision(store)))
        after = _assignments(store)
        assert after != before
        assert not any(a.staff == victim.staff and a.occurrence == day for a in after.values())
        ops.write(store, proposal_undo(replan))
        assert _assignments(store) == before  # taken back exactly
        ops.write(store, proposal_edit(replan))
        assert _assignments(store) == after  # and put back the same


def test_a_proposal_is_saved_only_onto_the_plan_it_was_solved_from(tmp_path) -> None:
    with Store(tmp_path / "b.sqlite3") as store:
        ops.import_plan(store, build_demo(demo_recipe(), "small", 3, 2026, staffed=False))
        solved_at = revision(store)
        proposal = _proposal(store)
        someone = next(iter(load_plan(store).staff))
        leave = Unavailability(someone, datetime(2026, 12, 1, 8), datetime(2026, 12, 1, 12))
        ops.write(store, ops.Edit(saves={"unavailability": [leave]}))  # another write came first
        before = _assignments(store)
        with pytest.raises(ops.Stale):
            ops.write(store, proposal_edit(proposal, solved_at))
        assert _assignments(store) == before
