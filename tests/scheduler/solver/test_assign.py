"""The assignment solvers: hand-made cases with a known best answer, the reasons for open needs,
and on random small plans: nothing the checker calls an error appears, nothing made is changed,
a second run adds nothing, and CP-SAT fills at least what the greedy baseline fills."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.conflicts.checker import CheckContext, check
from scheduler.plan.model import (
    Assignment,
    Branch,
    Department,
    Need,
    Plan,
    RotationEntry,
    Staff,
    Station,
    Unavailability,
)
from scheduler.solver.cpsat import solve
from scheduler.solver.greedy import greedy
from scheduler.solver.proposal import SolverSettings
from scheduler.solver.window import StaffingWindow
from tests.scheduler.conflicts.test_conflicts import CAL, MON, SAT, act, at, base, put
from tests.scheduler.conflicts.test_conflicts_oracle import DAYS, plans

FAST = SolverSettings(time_limit=5)
SOLVERS = [pytest.param(solve, id="cpsat"), pytest.param(greedy, id="greedy")]


def run(p: Plan, fn=solve, d0: date = MON, d1: date | None = None, cfg: SolverSettings = FAST):
    return fn(StaffingWindow(p, CAL, d0, d1 or d0, settings=cfg))


def errors(p: Plan, d0: date | None = None, d1: date | None = None) -> set:
    ctx = CheckContext(p, CAL, datetime(2026, 11, 23), d0, d1)
    return {c.key for c in check(ctx) if c.severity == "error"}


def added(p: Plan, proposal) -> Plan:
    q = copy.copy(p)
    q.assignments = dict(p.assignments)
    for a in proposal.assignments:
        assert a.key not in q.assignments  # only adds
        q.assignments[a.key] = a
    return q


def test_known_best_fill_across_overlapping_occurrences() -> None:
    """x (physician and ECG, of the organizing branch) is wanted by two overlapping occurrences;
    y (physician only) can serve one. Best: y at the clinic, x at the ECG screening. Greedy,
    taking the branch's own person first, gives x to the clinic and leaves the ECG open."""
    p = Plan()
    p.departments["d"] = Department("d", "D")
    p.departments["e"] = Department("e", "E")
    p.branches["b"] = Branch("b", "B", ("d",))
    p.staff["x"] = Staff("x", "X", "d", branch="b", party_member=True, qualifications=("physician", "ecg"))
    p.staff["y"] = Staff("y", "Y", "e", qualifications=("physician",))
    act(
        p,
        "clinic",
        at(SAT, 9),
        at(SAT, 11),
        organizer="b",
        stations=(Station("s", "S", (Need(None, "physician"),)),),
    )
    act(
        p, "ecg", at(SAT, 10), at(SAT, 12), organizer="c", stations=(Station("s", "S", (Need(None, "ecg"),)),)
    )
    best = run(p, solve, SAT)
    got = {(a.activity, a.staff) for a in best.assignments if a.station}
    assert got == {("clinic", "y"), ("ecg", "x")} and best.filled == 2 and not best.unfilled
    base_line = run(p, greedy, SAT)
    assert base_line.filled == 1 and base_line.unfilled[0].activity == "ecg"
    assert base_line.unfilled[0].reason == "taken_elsewhere"


def test_lead_is_a_party_member_of_the_organizing_branch() -> None:
    p = base()  # o1 is the party member of branch b (ortho)
    p.branches["b"] = Branch("b", "B", ("ortho",))
    p.staff["m"] = Staff("m", "M", "acu", party_member=True, branch="other", qualifications=("physician",))
    act(
        p,
        "v",
        at(SAT, 9),
        at(SAT, 11),
        organizer="b",
        stations=(Station("s", "S", (Need(None, "physician", 1),)),),
    )
    for fn in (solve, greedy):
        r = run(p, fn, SAT)
        assert [(a.staff, a.role, a.station) for a in r.assignments] == [("o1", "lead", "s")], fn.__name__
        assert r.leads_added == 1


def test_lead_named_from_someone_already_there() -> None:
    p = base()
    p.branches["b"] = Branch("b", "B", ("ortho",))
    act(
        p,
        "v",
        at(SAT, 9),
        at(SAT, 11),
        organizer="b",
        stations=(Station("s", "S", (Need(None, "physician", 1),)),),
    )
    put(p, "v", "o1", "s")  # a party member, already there as a member
    for fn in (solve, greedy):
        r = run(p, fn, SAT)
        assert [(a.staff, a.role, a.station) for a in r.assignments] == [("o1", "lead", None)], fn.__name__
        q = added(p, r)
        ctx = CheckContext(q, CAL, datetime(2026, 11, 23), SAT, SAT)
        assert not [c for c in check(ctx) if c.kind in ("no_lead", "staff_double_booked", "understaffed")]


def test_fair_spread_and_evenings() -> None:
    """Four evenings in a row, one nurse each, two equal nurses: each takes two, never two
    evenings in a row (the greedy baseline alternates too, by load, but the solver must)."""
    p = Plan()
    p.departments["d"] = Department("d", "D")
    for s in ("n1", "n2"):
        p.staff[s] = Staff(s, s, "d", qualifications=("nurse",))
    days = [date(2026, 11, 23 + k) for k in range(4)]
    for k, day in enumerate(days):
        act(p, f"e{k}", at(day, 18), at(day, 21), stations=(Station("s", "S", (Need(None, "nurse"),)),))
    r = run(p, solve, days[0], days[-1])
    who = {a.activity: a.staff for a in r.assignments}
    assert len(who) == 4 and sorted(who.values()) == ["n1", "n1", "n2", "n2"]
    assert all(who[f"e{k}"] != who[f"e{k + 1}"] for k in range(3))
    assert (r.max_hours, r.people_at_max) == (6.0, 2)


def test_department_cover_is_never_broken() -> None:
    p = base()  # ortho: o1..o4, minimum 2 in clinical hours
    act(p, "v", at(MON, 9), at(MON, 11), stations=(Station("s", "S", (Need("ortho", "physician", 3),)),))
    for fn in (solve, greedy):
        r = run(p, fn)
        assert len([a for a in r.assignments if a.station]) == 2, fn.__name__
        assert r.unfilled[0].missing == 1 and r.unfilled[0].reason == "department_cover"
        assert not errors(added(p, r)) - errors(p)
    # On a Saturday (no clinical hours) all three may go.
    act(p, "w", at(SAT, 9), at(SAT, 11), stations=(Station("s", "S", (Need("ortho", "physician", 3),)),))
    sat = run(p, solve, SAT)
    assert sat.filled == 3 and len([a for a in sat.assignments if a.station]) == 3  # no more than needed


def test_reasons_for_open_needs() -> None:
    p = base()
    p.departments["rehab"] = Department("rehab", "康复科")
    p.staff["r1"] = Staff("r1", "康1", "rehab", qualifications=("massage",))
    st = Station("s", "S", (Need(None, "nurse"),))
    act(p, "none", at(SAT, 8), at(SAT, 9), stations=(st,))  # nobody is a nurse
    rot = Station("t", "T", (Need(None, "physician"),))
    act(p, "turn", at(SAT, 9), at(SAT, 10), stations=(rot,), rotation=(RotationEntry("rehab"),))
    acu = Station("u", "U", (Need(None, "acupuncture", 2),))
    act(p, "busy", at(SAT, 14), at(SAT, 16), stations=(acu,))
    u = Unavailability("a1", at(SAT, 8), at(SAT, 20), "leave")
    p.unavailability[u.key] = u
    act(p, "other", at(SAT, 13), at(SAT, 17))
    put(p, "other", "a2")
    got = {x.activity: x.reason for x in run(p, solve, SAT).unfilled}
    assert got == {
        "none": "no_qualified_person",
        "turn": "no_qualified_on_rotation",
        "busy": "all_busy_or_away",
    }


def test_hours_cap_hard_or_soft() -> None:
    p = base()  # o1..o4 have a cap of 16 h
    for s in ("o2", "o3", "o4"):
        p.staff[s] = Staff(s, s, "ortho", qualifications=("nurse",))
    act(p, "long", at(SAT, 0), at(SAT, 15), stations=(Station("s", "S", (Need(None, "physician"),)),))
    act(p, "more", at(SAT, 16), at(SAT, 18), stations=(Station("s", "S", (Need(None, "physician", 2),)),))
    put(p, "long", "o1", "s")
    r = run(p, solve, SAT)  # a2 takes one place; o1 (15 h of 16) cannot take 2 more
    assert r.filled == 1 and r.unfilled[0].reason == "hours_cap"
    soft = run(p, solve, SAT, cfg=SolverSettings(time_limit=5, cap_is_hard=False))
    assert soft.filled == 2


@pytest.mark.parametrize("fn", SOLVERS)
def test_existing_assignments_kept_and_second_run_adds_nothing(fn) -> None:
    p = base()
    p.branches["b"] = Branch("b", "B", ("ortho",))
    act(
        p,
        "v",
        at(SAT, 9),
        at(SAT, 11),
        organizer="b",
        stations=(Station("s", "S", (Need(None, "physician", 3),)),),
    )
    put(p, "v", "a1", "s")  # not qualified; kept anyway
    put(p, "v", "o2", "s")
    first = run(p, fn, SAT)
    q = added(p, first)
    assert all(q.assignments[k] == v for k, v in p.assignments.items())
    assert first.filled == 2 and first.leads_added == 1
    second = run(q, fn, SAT)
    assert second.assignments == [] and second.filled == 0


def test_progress_reports_and_cancels() -> None:
    p = base()
    act(p, "v", at(SAT, 9), at(SAT, 11), stations=(Station("s", "S", (Need(None, "physician", 2),)),))
    seen: list[tuple[int, int]] = []
    r = run(p, solve, SAT)
    problem = StaffingWindow(p, CAL, SAT, SAT, settings=FAST)
    done = solve(problem, lambda d, t: seen.append((d, t)) or True)
    assert done.filled == r.filled and seen and seen[-1][0] == seen[-1][1]
    cancelled = greedy(StaffingWindow(p, CAL, SAT, SAT, settings=FAST), lambda d, t: False)
    assert cancelled.status == "cancelled" and cancelled.assignments == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.sampled_from(["solve", "greedy"]))
def test_no_new_error_nothing_changed_and_idempotent(p: Plan, which: str) -> None:
    fn = solve if which == "solve" else greedy
    d0, d1 = DAYS[0], DAYS[-1]
    cfg = SolverSettings(time_limit=2)
    r = run(p, fn, d0, d1, cfg)
    q = added(p, r)
    assert all(q.assignments[k] == v for k, v in p.assignments.items())
    # Never more people at a station than its open places, each meeting a need.
    assert r.filled == len([a for a in r.assignments if a.station]) <= r.needs_open
    assert r.filled + sum(u.missing for u in r.unfilled) == r.needs_open
    new = errors(q, d0, d1) - errors(p, d0, d1)
    assert not new, new
    again = run(q, fn, d0, d1, cfg)
    assert again.filled == 0
    if fn is solve:
        assert r.filled >= run(p, greedy, d0, d1, cfg).filled
        assert again.assignments == []


def test_assignment_made_records_its_source() -> None:
    p = base()
    act(p, "v", at(SAT, 9), at(SAT, 11), stations=(Station("s", "S", (Need(None, "physician"),)),))
    r = run(p, solve, SAT)
    assert r.assignments and all(a.extra == {"source": "solver"} for a in r.assignments)
    assert isinstance(r.assignments[0], Assignment)
