"""The staged objective of auto-assign, on plans with a known best answer: a scarce pool forces
the smallest maximum of hours, a branch preference loses to fairness, the same plan solved twice
gives the same assignments (in a fresh process too), a stage that finds nothing keeps the answer
before it, and re-planning moves exactly what broke (or what fills a place), never a manual
assignment; and the counting bound itself."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.conflicts.checker import CheckContext, check
from scheduler.plan.model import Assignment, Branch, Department, Need, Plan, Staff, Station, Unavailability
from scheduler.solver.cpsat import solve
from scheduler.solver.greedy import greedy
from scheduler.solver.proposal import SolverSettings
from scheduler.solver.targets import pool_bound
from scheduler.solver.window import StaffingWindow
from tests.scheduler.conflicts.test_conflicts import CAL, SAT, act, at, base, put
from tests.scheduler.conflicts.test_conflicts_oracle import DAYS, plans

SUN = SAT + timedelta(days=1)
CFG = SolverSettings(time_limit=5)


def window(p: Plan, d0: date = SAT, d1: date = SUN, cfg: SolverSettings = CFG, replan: bool = False):
    return StaffingWindow(p, CAL, d0, d1, settings=cfg, replan=replan)


def applied(p: Plan, proposal) -> Plan:
    """The plan with the proposal saved: the removed records go, the new ones come."""
    q = copy.copy(p)
    q.assignments = dict(p.assignments)
    for a in proposal.removed:
        del q.assignments[a.key]
    for a in proposal.assignments:
        q.assignments[a.key] = a
    return q


def errors(p: Plan) -> set:
    ctx = CheckContext(p, CAL, datetime(2026, 11, 23), SAT, SUN)
    return {c.key for c in check(ctx) if c.severity == "error"}


def one_need(qualification: str, count: int = 1) -> tuple[Station, ...]:
    return (Station("s", "S", (Need(None, qualification, count),)),)


def scarce_ecg() -> Plan:
    """Two ECG people (also physicians, of the cardiology branch) for three ECG places of 2 h;
    the branch's clinic wants two physicians too, and four general physicians are free."""
    p = Plan()
    p.departments["card"] = Department("card", "Cardiology")
    p.departments["gen"] = Department("gen", "General")
    p.branches["b"] = Branch("b", "B", ("card",))
    for e in ("e1", "e2"):
        p.staff[e] = Staff(e, e, "card", branch="b", party_member=True, qualifications=("physician", "ecg"))
    for k in range(1, 5):
        p.staff[f"g{k}"] = Staff(f"g{k}", f"g{k}", "gen", party_member=k == 1, qualifications=("physician",))
    act(p, "ecg1", at(SAT, 9), at(SAT, 11), stations=one_need("ecg"))
    act(p, "ecg2", at(SAT, 14), at(SAT, 16), stations=one_need("ecg"))
    act(p, "ecg3", at(SUN, 9), at(SUN, 11), stations=one_need("ecg"))
    act(p, "clinic", at(SAT, 12), at(SAT, 14), organizer="b", stations=one_need("physician", 2))
    return p


def test_scarce_pool_forces_the_smallest_maximum() -> None:
    """No plan can keep everyone under 4 h: the ECG pool has 3 places of 2 h and 2 people.
    The solver reaches it and says why; the greedy baseline, taking the branch's own people for
    its clinic first, piles 6 h on one of them. The clinic's lead comes from its own branch
    (e1 or e2, a stage before the people at the maximum), so both of them carry 4 h."""
    p = scarce_ecg()
    r = solve(window(p))
    assert r.filled == r.needs_open == 5 and not r.unfilled
    assert (r.max_hours, r.people_at_max) == (4.0, 2)
    lead = next(a.staff for a in r.assignments if a.activity == "clinic" and a.role == "lead")
    assert lead in ("e1", "e2") and r.own_leads.count == r.own_leads.of == 1
    b = r.bound
    assert b is not None and (b.hours, b.qualification, b.department, b.places, b.people) == (
        4.0,
        "ecg",
        None,
        3,
        2,
    )
    top = next(s for s in r.stages if s.name == "max_hours")
    assert top.status == "optimal" and top.value == 4.0 and top.bound == 4.0
    clinic = {a.staff for a in r.assignments if a.activity == "clinic" and a.station}
    assert clinic - {lead} <= {"g1", "g2", "g3", "g4"}
    g = greedy(window(p))
    assert g.filled == 5 and g.max_hours == 6.0
    assert not errors(applied(p, r)) - errors(p)


def test_a_branch_preference_loses_to_fairness() -> None:
    """The ortho branch organizes three visits; its only physician o1 would, by preference, go
    to all three (6 h). Fairness comes first: one visit each for o1, x1 and x2 (2 h), and among
    the fair answers the preference still gets what it can: o1 leads the visit it goes to."""
    p = Plan()
    p.departments["ortho"] = Department("ortho", "Ortho")
    p.departments["other"] = Department("other", "Other")
    p.branches["b"] = Branch("b", "B", ("ortho",))
    p.staff["o1"] = Staff("o1", "o1", "ortho", branch="b", party_member=True, qualifications=("physician",))
    for x in ("x1", "x2"):
        p.staff[x] = Staff(x, x, "other", branch="c", party_member=True, qualifications=("physician",))
    act(p, "v1", at(SAT, 9), at(SAT, 11), organizer="b", stations=one_need("physician"))
    act(p, "v2", at(SAT, 13), at(SAT, 15), organizer="b", stations=one_need("physician"))
    act(p, "v3", at(SUN, 9), at(SUN, 11), organizer="b", stations=one_need("physician"))
    g = greedy(window(p))
    assert sorted(a.staff for a in g.assignments) == ["o1", "o1", "o1"] and g.max_hours == 6.0
    r = solve(window(p))
    assert r.max_hours == 2.0 and r.people_at_max == 3
    assert sorted(a.staff for a in r.assignments) == ["o1", "x1", "x2"]
    assert all(a.role == "lead" for a in r.assignments)  # each the lead of their visit
    branch_leads = next(s for s in r.stages if s.name == "own_branch")
    assert (branch_leads.value, branch_leads.bound, branch_leads.status) == (1, 1, "optimal")
    assert r.own_leads.to_json() == {"count": 1, "of": 3, "bound": 1}


def test_the_same_plan_solved_twice_gives_the_same_assignments() -> None:
    """The small demo hospital's month, twice here and once in a fresh process with another
    hash seed: the same assignments every time."""
    from bench.bench_assign import _setup, fingerprint

    plan, cal = _setup("small", 2026)
    d0, d1 = date(2026, 10, 1), date(2026, 10, 31)
    cfg = SolverSettings(time_limit=1)
    first = solve(StaffingWindow(plan, cal, d0, d1, settings=cfg))
    second = solve(StaffingWindow(plan, cal, d0, d1, settings=cfg))
    assert first.assignments and first.assignments == second.assignments
    assert [(s.name, s.status, s.value) for s in first.stages] == [
        (s.name, s.status, s.value) for s in second.stages
    ]
    root = Path(__file__).resolve().parents[3]
    args = [sys.executable, "-m", "bench.bench_assign", "small", "2026", d0.isoformat(), d1.isoformat(), "1"]
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    other = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, check=True, timeout=300)
    assert other.stdout.strip() == fingerprint(first)


def test_a_stage_that_finds_nothing_keeps_the_answer_before_it() -> None:
    """With almost no budget the searches find nothing: every stage keeps the answer it was
    given (the greedy start), which fills every place greedy fills and is never worse than it."""
    from bench.bench_assign import _setup
    from scheduler.solver.start import Start

    plan, cal = _setup("small", 2026)
    d0, d1 = date(2026, 10, 1), date(2026, 10, 31)
    tiny = StaffingWindow(plan, cal, d0, d1, settings=SolverSettings(time_limit=1e-4))
    r = solve(tiny)
    searched = [s for s in r.stages if s.work > 0]
    assert searched and all(s.status == "kept" for s in searched)
    assert all(s.status in ("kept", "optimal") for s in r.stages)
    start = Start.best(tiny)
    assert {(a.key, a.role) for a in r.assignments} == {
        (a.key, a.role) for a in tiny.result(start.made, 0, "").assignments
    }
    g = greedy(StaffingWindow(plan, cal, d0, d1))
    assert r.filled == g.filled == r.needs_open
    assert (r.leads_added, -r.max_hours) >= (g.leads_added, -g.max_hours)


def solved_saturday() -> Plan:
    """Two Saturday visits of two physicians each, o1 the manual lead of both; the solver has
    staffed the stations (its assignments saved as such); a1 was put on v2 by hand."""
    p = base()
    act(p, "v1", at(SAT, 9), at(SAT, 11), stations=one_need("physician", 2))
    act(p, "v2", at(SAT, 13), at(SAT, 15), stations=one_need("physician", 2))
    put(p, "v1", "o1", None, "lead", SAT)
    put(p, "v2", "o1", None, "lead", SAT)
    put(p, "v2", "a1", "s", "member", SAT)  # by hand, and not a physician: stays as it is
    first = solve(window(p, SAT, SAT))
    assert first.filled == 4 and all(a.extra == {"source": "solver"} for a in first.assignments)
    return applied(p, first)


def test_replan_after_a_leave_moves_exactly_the_broken_assignment() -> None:
    p = solved_saturday()
    before = dict(p.assignments)
    broken = next(a for a in before.values() if a.activity == "v1" and a.station == "s")
    u = Unavailability(broken.staff, at(SAT, 8), at(SAT, 12), "leave")
    p.unavailability[u.key] = u
    assert errors(p)  # the leave makes the solver's earlier assignment an error
    plain = solve(window(p, SAT, SAT))
    assert plain.assignments == [] and plain.removed == []  # without re-plan nothing moves
    r = solve(window(p, SAT, SAT, replan=True))
    assert r.removed == [broken]
    assert len(r.assignments) == 1
    new = r.assignments[0]
    assert (new.activity, new.occurrence, new.station, new.role) == ("v1", SAT, "s", "member")
    assert new.staff != broken.staff and new.extra == {"source": "solver"}
    assert r.changes() == {("v1", SAT): ([broken.staff], [new.staff], [])}
    q = applied(p, r)
    assert not errors(q)
    assert all(
        q.assignments[k] == a for k, a in before.items() if k != broken.key
    )  # the rest, manual included
    again = solve(window(q, SAT, SAT, replan=True))
    assert again.assignments == [] and again.removed == []  # nothing left to change


def test_replan_moves_the_solvers_assignment_when_that_fills_a_place() -> None:
    """x (physician and ECG) was put at the clinic by the solver; an ECG screening at the same
    time is added later and only x can do it. Re-planning moves x there and brings y to the
    clinic: three changes fill the place; without re-plan it stays open."""
    p = Plan()
    p.departments["d"] = Department("d", "D")
    p.staff["x"] = Staff("x", "X", "d", qualifications=("physician", "ecg"))
    p.staff["y"] = Staff("y", "Y", "d", qualifications=("physician",))
    act(p, "clinic", at(SAT, 9), at(SAT, 11), stations=one_need("physician"))
    earlier = Assignment("clinic", "x", SAT, "s", "member", {"source": "solver"})
    p.assignments[earlier.key] = earlier
    act(p, "ecg", at(SAT, 10), at(SAT, 12), stations=one_need("ecg"))
    plain = solve(window(p, SAT, SAT))
    assert plain.filled == 0 and plain.unfilled[0].activity == "ecg"
    r = solve(window(p, SAT, SAT, replan=True))
    assert r.filled == 2 and not r.unfilled
    assert r.removed == [earlier]
    assert {(a.activity, a.staff) for a in r.assignments} == {("clinic", "y"), ("ecg", "x")}
    changes = next(s for s in r.stages if s.name == "changes")
    assert changes.value == 3 and changes.status == "optimal"
    manual = Assignment("clinic", "x", SAT, "s", "member")  # the same, made by hand: never moved
    p.assignments[manual.key] = manual
    kept = solve(window(p, SAT, SAT, replan=True))
    assert kept.removed == [] and kept.filled == 0


def test_pool_bound_by_counting() -> None:
    # 42 places of 2 h for 39 people: three people take two.
    assert pool_bound([0] * 39, [120] * 42) == 240
    # 47 places (43 of 2 h, 4 of 1.5 h) for 21 people: someone takes three of the 43 longest.
    assert pool_bound([0] * 21, [120] * 43 + [90] * 4) == 360
    # Enough people: one place each, the longest decides.
    assert pool_bound([0] * 10, [90, 120, 180]) == 180
    # Hours already carried count: two people, one with 3 h already, two places of 2 h.
    assert pool_bound([180, 0], [120, 120]) == 240
    assert pool_bound([], [120]) == 0 and pool_bound([0], []) == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.randoms(use_true_random=False))
def test_replan_on_random_plans_touches_only_the_solvers_and_settles(p: Plan, rng) -> None:
    """Some assignments of a random plan marked the solver's: re-planning removes only those,
    adds no error but an understaffed station (where a wrong one went and nobody could take its
    place), and a second re-plan changes nothing."""
    for k, a in sorted(p.assignments.items(), key=lambda kv: repr(kv[0])):
        if a.occurrence is not None and rng.random() < 0.6:
            p.assignments[k] = Assignment(
                a.activity, a.staff, a.occurrence, a.station, a.role, {"source": "solver"}
            )
    manual = {k: a for k, a in p.assignments.items() if a.extra.get("source") != "solver"}
    cfg = SolverSettings(time_limit=1)
    d0, d1 = DAYS[0], DAYS[-1]
    r = solve(StaffingWindow(p, CAL, d0, d1, settings=cfg, replan=True))
    assert all(a.extra.get("source") == "solver" for a in r.removed + r.assignments)
    q = applied(p, r)
    assert all(q.assignments.get(k) == a for k, a in manual.items())
    before = window_errors(p, d0, d1)
    new = {e for e in window_errors(q, d0, d1) - before if e[0] != "understaffed"}
    assert not new, new
    again = solve(StaffingWindow(q, CAL, d0, d1, settings=cfg, replan=True))
    assert again.assignments == [] and again.removed == []


def window_errors(p: Plan, d0: date, d1: date) -> set:
    ctx = CheckContext(p, CAL, datetime(2026, 11, 23), d0, d1)
    return {c.key for c in check(ctx) if c.severity == "error"}
