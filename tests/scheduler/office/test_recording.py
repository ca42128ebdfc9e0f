"""Recording an occurrence and the volunteer time bank, as pure functions: the record that starts
from the plan, what makes a record refused, and ledger entries that always sum to the records."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scheduler.calendar.recurrence import expand
from scheduler.conflicts.held import Booked
from scheduler.office.recording import (
    LedgerEntry,
    branch_of,
    branch_totals,
    credits,
    default_record,
    ledger_changes,
    person_totals,
    planned_hours,
    record_problems,
    round_hours,
)
from scheduler.plan.model import Activity, Assignment, Attendance, Branch, Department, Plan, Record, Staff

DAY = date(2026, 12, 3)
AT = datetime(2026, 12, 4, 9, 0)


def booked(minutes: int, people: tuple[str, ...]) -> Booked:
    start = datetime(2026, 12, 3, 18, 0)
    a = Activity("a1", "夜市", start, start + timedelta(minutes=minutes))
    return Booked(expand(a)[0], a, tuple(Assignment("a1", p, None, None, "member") for p in people))


def plan() -> Plan:
    p = Plan()
    p.departments["d"] = Department("d", "D")
    p.departments["e"] = Department("e", "E")
    p.branches["b1"] = Branch("b1", "一支部", ("d",))
    p.branches["b2"] = Branch("b2", "二支部", ("e",))
    p.staff["s1"] = Staff("s1", "甲", "d")  # counts for b1 through the department
    p.staff["s2"] = Staff("s2", "乙", "d", branch="b2")  # own branch first
    p.staff["s3"] = Staff("s3", "丙", "x")  # no branch
    return p


# ---- the record that starts from the plan


def test_hours_go_by_the_quarter_hour() -> None:
    assert [round_hours(h) for h in (0.1, 0.13, 0.2, 1.9, 2.4, 2.63)] == [0.0, 0.25, 0.25, 2.0, 2.5, 2.75]
    assert planned_hours(booked(170, ())) == 2.75  # 2 h 50 min
    assert planned_hours(booked(180, ())) == 3.0


def test_default_record_is_done_with_everyone_planned_for_the_whole_occurrence() -> None:
    rec = default_record(booked(170, ("s2", "s1")), recorded_at=AT, recorded_by="admin")
    assert rec.key == ("a1", DAY) and rec.status == "done"
    assert rec.attended == (Attendance("s1", 2.75), Attendance("s2", 2.75))  # by id
    assert (rec.recorded_at, rec.recorded_by) == (AT, "admin")
    assert credits(rec) == {"s1": 2.75, "s2": 2.75}


def test_record_problems_name_the_field_and_the_reason() -> None:
    p = plan()
    good = Record(
        "a1", DAY, "done", served=0, services=(("blood_pressure", 0),), attended=(Attendance("s1", 24),)
    )
    assert record_problems(good, p) == []
    bad = Record(
        "a1",
        DAY,
        "cancelled",
        reason="  ",
        served=-1,
        services=(("blood_pressure", 3), ("ecg", -2)),
        attended=(Attendance("s1", 0), Attendance("s1", 2), Attendance("ghost", 2)),
    )
    assert record_problems(bad, p) == [
        ("reason", "a cancelled occurrence needs a reason"),
        ("served", "cannot be negative"),
        ("services.ecg", "cannot be negative"),
        ("attended.s1", "hours must be above 0 and at most 24"),
        ("attended.s1", "is listed twice"),
        ("attended.ghost", "is not a staff member"),
    ]
    assert record_problems(Record("a1", DAY, attended=(Attendance("s2", 24.25),)), p) == [
        ("attended.s2", "hours must be above 0 and at most 24")
    ]


def test_only_a_done_record_credits_hours() -> None:
    attended = (Attendance("s1", 2.0),)
    assert credits(Record("a1", DAY, "done", attended=attended)) == {"s1": 2.0}
    assert credits(Record("a1", DAY, "cancelled", reason="雨", attended=attended)) == {}
    assert credits(None) == {}


# ---- the ledger


def test_ledger_credits_then_corrects_then_takes_back() -> None:
    first = Record("a1", DAY, attended=(Attendance("s1", 3.0), Attendance("s2", 3.0)))
    entries = ledger_changes({}, [(first.key, first)], AT, "admin")
    assert entries == [
        LedgerEntry("s1", "a1", DAY, 3.0, AT, "credit", "admin"),
        LedgerEntry("s2", "a1", DAY, 3.0, AT, "credit", "admin"),
    ]
    credited = {("s1", "a1", DAY): 3.0, ("s2", "a1", DAY): 3.0, ("s1", "other", DAY): 5.0}
    fixed = Record("a1", DAY, attended=(Attendance("s1", 2.5), Attendance("s2", 3.0), Attendance("s3", 1.0)))
    assert ledger_changes(credited, [(fixed.key, fixed)], AT, None) == [
        LedgerEntry("s1", "a1", DAY, -0.5, AT, "correction"),
        LedgerEntry("s3", "a1", DAY, 1.0, AT, "credit"),
    ]  # s2 unchanged: no entry; the other occurrence is not touched
    assert ledger_changes(credited, [(first.key, None)], AT, None) == [
        LedgerEntry("s1", "a1", DAY, -3.0, AT, "correction"),
        LedgerEntry("s2", "a1", DAY, -3.0, AT, "correction"),
    ]
    assert ledger_changes(
        credited, [(("a1", DAY), Record("a1", DAY, "cancelled", reason="雨"))], AT, None
    ) == [
        LedgerEntry("s1", "a1", DAY, -3.0, AT, "correction"),
        LedgerEntry("s2", "a1", DAY, -3.0, AT, "correction"),
    ]
    back = {("s1", "a1", DAY): 0.0}  # once taken back, hours again are a credit
    assert ledger_changes(back, [(first.key, first)], AT, None)[0].kind == "credit"


attendance = st.lists(
    st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.sampled_from([0.25, 1.0, 2.5, 3.0, 8.0])),
    max_size=3,
    unique_by=lambda t: t[0],
)
versions = st.lists(
    st.one_of(
        st.none(),
        st.builds(
            lambda day, status, people: Record(
                "a1", day, status, reason="雨", attended=tuple(Attendance(s, h) for s, h in people)
            ),
            st.sampled_from([DAY, DAY + timedelta(days=7)]),
            st.sampled_from(["done", "cancelled"]),
            attendance,
        ),
    ),
    min_size=1,
    max_size=8,
)


@given(versions)
def test_ledger_sum_always_equals_the_current_records(steps: list) -> None:
    ledger: list[LedgerEntry] = []
    current: dict = {}
    for i, rec in enumerate(steps):
        key = rec.key if rec is not None else ("a1", DAY)
        credited: dict = {}
        for e in ledger:
            k = (e.staff, e.activity, e.occurrence)
            credited[k] = credited.get(k, 0.0) + e.hours
        new = ledger_changes(credited, [(key, rec)], AT + timedelta(minutes=i), None)
        assert all(e.hours != 0 for e in new)
        ledger += new
        current[key] = rec
        for (activity, day), r in current.items():
            want = credits(r)
            for person in ("s1", "s2", "s3"):
                got = sum(
                    e.hours for e in ledger if (e.staff, e.activity, e.occurrence) == (person, activity, day)
                )
                assert abs(got - want.get(person, 0.0)) < 1e-9


# ---- totals


def test_totals_per_person_and_branch_by_the_occurrence_date() -> None:
    p = plan()
    entries = [
        LedgerEntry("s1", "a1", date(2026, 12, 3), 3.0, AT, "credit"),
        LedgerEntry("s1", "a1", date(2026, 12, 3), -0.5, AT, "correction"),
        LedgerEntry("s1", "a2", date(2026, 1, 9), 2.0, AT, "credit"),
        LedgerEntry("s2", "a1", date(2026, 12, 3), 3.0, AT, "credit"),
        LedgerEntry("s2", "a3", date(2026, 5, 1), 1.0, AT, "credit"),
        LedgerEntry("s2", "a3", date(2026, 5, 1), -1.0, AT, "correction"),  # back to nothing
        LedgerEntry("s3", "a1", date(2026, 12, 3), 3.0, AT, "credit"),
        LedgerEntry("s1", "old", date(2025, 12, 31), 4.0, AT, "credit"),
    ]
    assert person_totals(entries, 2026) == {"s1": {12: 2.5, 1: 2.0}, "s2": {12: 3.0}, "s3": {12: 3.0}}
    assert person_totals(entries, 2025) == {"s1": {12: 4.0}}
    assert (branch_of(p, "s1"), branch_of(p, "s2"), branch_of(p, "s3"), branch_of(p, "ghost")) == (
        "b1",
        "b2",
        None,
        None,
    )
    assert branch_totals(entries, p, 2026) == {"b1": {12: 2.5, 1: 2.0}, "b2": {12: 3.0}}  # s3: no branch
