"""The incremental re-check agrees with a full check after any sequence of random edits."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.incremental import IncrementalChecker
from scheduler.conflicts.kinds import KINDS
from scheduler.plan.model import Assignment, Hospital, Plan, Record, Unavailability
from tests.scheduler.conflicts.test_conflicts_kinds import TODAY as KINDS_TODAY
from tests.scheduler.conflicts.test_conflicts_kinds import every_kind
from tests.scheduler.conflicts.test_conflicts_oracle import CAL, DAYS, plans

TODAY = datetime(2026, 11, 23)


def copy(p: Plan) -> Plan:
    return Plan(
        p.hospital,
        dict(p.campuses),
        dict(p.departments),
        dict(p.branches),
        dict(p.staff),
        dict(p.unavailability),
        dict(p.partners),
        dict(p.pairings),
        dict(p.services),
        dict(p.activities),
        dict(p.assignments),
        dict(p.requests),
        dict(p.records),
        dict(p.calendar),
    )


@st.composite
def edits(draw, plan: Plan):
    kind = draw(st.sampled_from(["assign", "unassign", "move", "staff", "leave", "dept", "cancel", "venue"]))
    return kind, draw(st.randoms(use_true_random=False))


def apply(p: Plan, kind: str, rnd) -> dict:
    staff, acts = sorted(p.staff), sorted(p.activities)
    if kind == "assign" and acts:
        x = Assignment(
            rnd.choice(acts),
            rnd.choice(staff),
            None,
            rnd.choice([None, "st"]),
            rnd.choice(["lead", "member"]),
        )
        p.assignments[x.key] = x
        return {"assignments": [x.key]}
    if kind == "unassign" and p.assignments:
        k = rnd.choice(sorted(p.assignments, key=str))
        del p.assignments[k]
        return {"assignments": [k]}
    if kind == "move" and acts:
        a = p.activities[rnd.choice(acts)]
        shift = rnd.choice([-90, -30, 30, 60, 24 * 60])
        from datetime import timedelta

        p.activities[a.id] = replace(
            a, start=a.start + timedelta(minutes=shift), end=a.end + timedelta(minutes=shift)
        )
        return {"activities": [a.id]}
    if kind == "staff":
        s = p.staff[rnd.choice(staff)]
        p.staff[s.id] = replace(
            s,
            department=rnd.choice(["d1", "d2"]),
            party_member=not s.party_member,
            qualifications=tuple(rnd.sample(["physician", "nurse", "acupuncture"], rnd.randint(0, 2))),
            max_hours_month=rnd.choice([None, 1.0, 3.0]),
        )
        return {"staff": [s.id]}
    if kind == "leave":
        day = rnd.choice(DAYS)
        start = datetime.combine(day, datetime.min.time()).replace(hour=rnd.randint(8, 15))
        from datetime import timedelta

        u = Unavailability(
            rnd.choice(staff),
            start,
            start + timedelta(hours=rnd.randint(1, 4)),
            rnd.choice(["leave", "duty"]),
        )
        p.unavailability[u.key] = u
        return {"unavailability": [u.key]}
    if kind == "dept":
        d = p.departments[rnd.choice(["d1", "d2"])]
        p.departments[d.id] = replace(d, min_on_duty=rnd.randint(0, 4))
        return {"departments": [d.id]}
    if kind == "cancel" and acts:
        a = p.activities[rnd.choice(acts)]
        key = (a.id, a.start.date())
        if key in p.records:
            del p.records[key]
        else:
            p.records[key] = Record(a.id, a.start.date(), "cancelled", "雨")
        return {"records": [key]}
    if kind == "venue" and acts:
        a = p.activities[rnd.choice(acts)]
        p.activities[a.id] = replace(a, venue=rnd.choice(["A", "B", None]))
        return {"activities": [a.id]}
    return {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans(),
    st.lists(
        st.tuples(
            st.sampled_from(["assign", "unassign", "move", "staff", "leave", "dept", "cancel", "venue"]),
            st.randoms(use_true_random=False),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_incremental_equals_full(plan: Plan, steps) -> None:
    checker = IncrementalChecker(CheckContext(copy(plan), CAL, TODAY))
    current = plan
    for kind, rnd in steps:
        current = copy(current)
        changed = apply(current, kind, rnd)
        got = checker.update(current, changed)
        assert got == check(CheckContext(current, CAL, TODAY)), kind


# ---- every registered kind, on a plan that has them all, under edits of every section they read

KIND_EDITS = ["assign", "unassign", "move", "staff", "leave", "cancel", "venue"]
MORE_EDITS = ["department", "pairing", "request", "visit", "hospital"]


def apply_more(p: Plan, kind: str, rnd) -> dict:
    """Edits of the sections the random plans of the oracle do not have."""
    if kind == "department":
        d = p.departments[rnd.choice(sorted(p.departments))]
        p.departments[d.id] = replace(d, min_on_duty=rnd.randint(0, 4))
        return {"departments": [d.id]}
    if kind == "pairing":
        q = p.pairings["pr"]
        p.pairings["pr"] = replace(q, visits_per_year=rnd.choice([0, 1, 12, 40]))
        return {"pairings": ["pr"]}
    if kind == "request":
        q = p.requests["r"]
        p.requests["r"] = replace(
            q,
            status=rnd.choice(["new", "accepted", "scheduled", "done"]),
            priority=rnd.choice(["normal", "urgent"]),
            received=rnd.choice([datetime(2026, 11, 1, 9), datetime(2026, 11, 22, 12)]),
        )
        return {"requests": ["r"]}
    if kind == "visit":
        a = p.activities[rnd.choice(sorted(p.activities))]
        shift = timedelta(days=rnd.choice([-60, -7, 0, 7]))
        p.activities[a.id] = replace(a, organizer="b", partner="pt", start=a.start + shift, end=a.end + shift)
        return {"activities": [a.id]}
    if kind == "hospital":
        # Other clinical hours: the cover of every department is judged anew.
        p.hospital = Hospital(clinical_hours=rnd.choice([("08:00", "17:30"), ("15:00", "17:30")]))
        return {"hospital": ["hospital"]}
    return apply(p, kind, rnd)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(KIND_EDITS + MORE_EDITS), st.randoms(use_true_random=False)),
        min_size=1,
        max_size=6,
    )
)
def test_incremental_equals_full_for_every_kind(steps) -> None:
    start = every_kind()
    checker = IncrementalChecker(CheckContext(copy(start), CAL, KINDS_TODAY))
    assert {c.kind for c in checker.conflicts} == set(KINDS)  # the start has every kind
    current = start
    for kind, rnd in steps:
        current = copy(current)
        changed = apply_more(current, kind, rnd)
        got = checker.update(current, changed)
        full = check(CheckContext(current, CAL, KINDS_TODAY))
        for name in KINDS:
            assert [c for c in got if c.kind == name] == [c for c in full if c.kind == name], (name, kind)
        assert got == full
