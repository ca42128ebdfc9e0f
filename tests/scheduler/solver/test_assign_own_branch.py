"""Own-branch leads (issue 23): the solver leads a pairing's visit by a party member of the
organizing branch itself, where greedy, looking at one need at a time, takes a party member of
another branch built on the same department; the strict measure (scheduler/office/leads.py) against
the looser one by department; the stage after the smallest maximum and before the people at it;
determinism of the whole answer on a small plan."""

from __future__ import annotations

from datetime import date

from scheduler.office.leads import (
    BranchMonth,
    OwnLeads,
    by_branch_and_month,
    is_own_lead,
    led_by_own_branch,
    of_branch,
)
from scheduler.plan.model import Assignment, Branch, Department, Need, Plan, Staff, Station
from scheduler.solver.cpsat import solve
from scheduler.solver.greedy import greedy
from scheduler.solver.proposal import STAGES, SolverSettings
from scheduler.solver.window import StaffingWindow
from tests.scheduler.conflicts.test_conflicts import CAL, SAT, act, at

CFG = SolverSettings(time_limit=5)


def physician() -> tuple[Station, ...]:
    return (Station("s", "S", (Need(None, "physician", 1),)),)


def shared_department() -> Plan:
    """Branches b and c are both built on department d. Visit v1 (c's, 9-11) and v2 (b's,
    10-12) overlap; each needs one physician. b1 (of b) and x (no party) are the physicians;
    c2 and c3, party members of c in d, are not. Greedy gives v1's place to b1 (a party member,
    so a lead without bringing anyone) and brings c2 or c3 as v1's own lead, so v2 is left with
    x and a lead from c (of b's department but not of b). Best: x to v1 (led by c2 or c3), b1 to
    v2 as its lead: both visits led by their own branch, nobody over 2 h."""
    p = Plan()
    p.departments["d"] = Department("d", "D")
    p.departments["e"] = Department("e", "E")
    p.branches["b"] = Branch("b", "B", ("d",))
    p.branches["c"] = Branch("c", "C", ("d",))
    p.staff["b1"] = Staff("b1", "b1", "d", branch="b", party_member=True, qualifications=("physician",))
    p.staff["c2"] = Staff("c2", "c2", "d", branch="c", party_member=True)
    p.staff["c3"] = Staff("c3", "c3", "d", branch="c", party_member=True)
    p.staff["x"] = Staff("x", "x", "e", qualifications=("physician",))
    act(p, "v1", at(SAT, 9), at(SAT, 11), organizer="c", stations=physician())
    act(p, "v2", at(SAT, 10), at(SAT, 12), organizer="b", stations=physician())
    return p


def leads_of(proposal) -> dict[str, str]:
    return {a.activity: a.staff for a in proposal.assignments if a.role == "lead"}


def by_department(p: Plan, proposal) -> int:
    """The looser count the solver used to optimise: a lead from any department of the branch."""
    out = 0
    for aid, person in leads_of(proposal).items():
        branch = p.branches[p.activities[aid].organizer]  # type: ignore[index]
        if p.staff[person].department in branch.departments:
            out += 1
    return out


def test_greedy_takes_a_lead_of_another_branch_the_solver_finds_the_branchs_own() -> None:
    p = shared_department()
    g = greedy(StaffingWindow(p, CAL, SAT, SAT, settings=CFG))
    assert set(leads_of(g)) == {"v1", "v2"} and set(leads_of(g).values()) == {"c2", "c3"}
    # By department both count; by the office's measure only v1 is led by its own branch.
    assert by_department(p, g) == 2
    assert g.own_leads == OwnLeads(1, 2, 2)
    r = solve(StaffingWindow(p, CAL, SAT, SAT, settings=CFG))
    assert leads_of(r)["v1"] in ("c2", "c3") and leads_of(r)["v2"] == "b1"
    assert {(a.activity, a.staff) for a in r.assignments if a.station} == {("v1", "x"), ("v2", "b1")}
    assert r.own_leads == OwnLeads(2, 2, 2)
    assert r.max_hours == 2.0 and r.filled == 2
    own = next(s for s in r.stages if s.name == "own_branch")
    assert (own.value, own.bound, own.status) == (2, 2, "optimal")


def test_the_own_branch_stage_comes_after_the_maximum_and_before_the_people_at_it() -> None:
    assert STAGES.index("max_hours") < STAGES.index("own_branch") < STAGES.index("at_max")
    r = solve(StaffingWindow(shared_department(), CAL, SAT, SAT, settings=CFG))
    names = [s.name for s in r.stages]
    assert names.index("max_hours") < names.index("own_branch") < names.index("at_max")


def test_a_lead_already_made_by_another_branch_is_kept_and_bounds_the_count() -> None:
    """A lead of another branch made by hand stays: that visit cannot count, and the bound says so."""
    p = shared_department()
    manual = Assignment("v2", "c3", SAT, None, "lead")
    p.assignments[manual.key] = manual
    r = solve(StaffingWindow(p, CAL, SAT, SAT, settings=CFG))
    assert "v2" not in leads_of(r)
    assert r.own_leads == OwnLeads(1, 2, 1)


def test_the_strict_reading() -> None:
    b_member = Staff("p", "p", "d", branch="b", party_member=True)
    c_member = Staff("q", "q", "d", branch="c", party_member=True)
    b_not_party = Staff("r", "r", "d", branch="b", party_member=False)
    nobody = Staff("s", "s", "d")
    assert is_own_lead(b_member, "b") and not is_own_lead(c_member, "b")
    assert (
        not is_own_lead(b_not_party, "b") and not is_own_lead(b_member, None) and not is_own_lead(None, "b")
    )
    # Helpers: a party member of another branch is not of the branch even in its department;
    # someone without a branch is, by their department.
    assert of_branch(b_member, "b", ("d",)) and not of_branch(c_member, "b", ("d",))
    assert of_branch(nobody, "b", ("d",)) and not of_branch(nobody, "b", ("e",))
    p = shared_department()
    v2 = p.activities["v2"]
    lead = [Assignment("v2", "b1", SAT, "s", "lead")]
    member = [Assignment("v2", "b1", SAT, "s", "member"), Assignment("v2", "c3", SAT, None, "lead")]
    assert led_by_own_branch(v2, lead, p.staff) and not led_by_own_branch(v2, member, p.staff)
    rows = by_branch_and_month(
        [(v2, SAT, lead), (v2, date(2026, 12, 5), member), (p.activities["v1"], SAT, [])], p.staff
    )
    assert rows == [
        BranchMonth("b", "2026-11", 1, 1),
        BranchMonth("b", "2026-12", 1, 0),
        BranchMonth("c", "2026-11", 1, 0),
    ]


def test_two_runs_give_the_same_answer_on_a_small_plan() -> None:
    """The small demo's October emptied: the same assignments, stages and own-branch count twice."""
    from bench.bench_assign import _setup

    plan, cal = _setup("small", 2026)
    d0, d1 = date(2026, 10, 1), date(2026, 10, 31)
    cfg = SolverSettings(time_limit=1)
    first = solve(StaffingWindow(plan, cal, d0, d1, settings=cfg))
    second = solve(StaffingWindow(plan, cal, d0, d1, settings=cfg))
    assert first.assignments and first.assignments == second.assignments
    assert first.own_leads == second.own_leads and first.own_leads.of > 0
    assert [(s.name, s.status, s.value, s.bound) for s in first.stages] == [
        (s.name, s.status, s.value, s.bound) for s in second.stages
    ]
    g = greedy(StaffingWindow(plan, cal, d0, d1, settings=cfg))
    # Never worse than greedy in the stages' order (greedy may lead more from their own branch
    # by piling hours on someone: the smallest maximum comes first).
    assert (-first.max_hours, first.own_leads.count) >= (-g.max_hours, g.own_leads.count)
    assert first.own_leads.count <= (first.own_leads.bound or 0) <= first.own_leads.of


def test_statistics_count_per_branch_and_month_the_occurrences_it_led() -> None:
    from scheduler.office.stats import compute, to_json

    p = shared_department()
    r = solve(StaffingWindow(p, CAL, SAT, SAT, settings=CFG))
    for a in r.assignments:
        p.assignments[a.key] = a
    st = compute(p, CAL, date(2026, 1, 1), date(2026, 12, 31))
    assert st.own_leads == [BranchMonth("b", "2026-11", 1, 1), BranchMonth("c", "2026-11", 1, 1)]
    assert to_json(st, p)["own_branch_leads"][0] == {
        "branch": "b",
        "month": "2026-11",
        "occurrences": 1,
        "led_by_branch": 1,
    }


def test_one_occurrence_asked_for_is_measured_alone() -> None:
    """Auto-assign of one occurrence counts that occurrence only, not the others of the day."""
    p = shared_department()
    r = solve(StaffingWindow(p, CAL, SAT, SAT, settings=CFG, only=("v2", SAT)))
    assert leads_of(r) == {"v2": "b1"} and r.own_leads == OwnLeads(1, 1, 1)
