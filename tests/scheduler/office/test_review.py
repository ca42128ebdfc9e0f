"""The week in review: ISO weeks, each occurrence's fate, figures hand-counted on the sample plan,
the week before and ahead, late fills from the audit history, and the figures the statistics give
for the same dates (on the sample and on the hospital demo)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo
from scheduler.exchange.planfile.document import parse_document
from scheduler.office.recording import LedgerEntry
from scheduler.office.review import (
    CALLED_OFF,
    HELD,
    MOVED_AWAY,
    NOT_RECORDED,
    PLANNED,
    WeekError,
    parse_week,
    to_json,
    week_name,
    week_review,
)
from scheduler.office.stats import compute
from scheduler.plan.history import AuditEntry
from scheduler.plan.model import Attendance, Move, Record
from tests.helpers import sample

CAL = WorkCalendar(official_calendar())


def _plan():
    plan = parse_document(json.dumps(sample(), ensure_ascii=False)).plan
    r = Record(
        "a1",
        date(2026, 12, 10),
        "done",
        served=50,
        services=(("blood_pressure", 20),),
        attended=(Attendance("s001", 2), Attendance("s003", 3)),
    )
    plan.records[r.key] = r
    c = Record("a1", date(2026, 12, 17), "cancelled", reason="雨")
    plan.records[c.key] = c
    return plan


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("2026-W49", date(2026, 11, 30)),
        ("2026-w01", date(2025, 12, 29)),
        ("2020-W53", date(2020, 12, 28)),
        ("2000-W01", date(2000, 1, 3)),
    ],
)
def test_parse_week(text: str, monday: date) -> None:
    assert parse_week(text) == monday
    assert week_name(monday + timedelta(days=3)) == text.upper()


@pytest.mark.parametrize(
    "text",
    [
        "2026-49",
        "2026W49",
        "2026-W54",
        "2026-W00",
        "2021-W53",
        "1999-W52",
        "2101-W01",
        "",
        "２０２６-W49",
        "2026-W4x",
    ],
)
def test_parse_week_refuses(text: str) -> None:
    with pytest.raises(WeekError):
        parse_week(text)


def test_fates_and_figures_hand_counted() -> None:
    plan = _plan()
    # W50: 12-10 moved to 12-11 and held (50 served, 5 h by two people).
    r = week_review(plan, CAL, date(2026, 12, 7), date(2026, 12, 20))
    assert r.week == "2026-W50"
    [line] = r.lines
    assert (line.fate, line.occurrence, line.moved_from, line.served, line.hours) == (
        HELD,
        date(2026, 12, 10),
        date(2026, 12, 10),
        50,
        5.0,
    )
    f = r.figures
    assert (f.held, f.called_off, f.moved, f.not_recorded, f.planned) == (1, 0, 1, 0, 0)
    assert (f.served, f.hours, f.people) == (50, 5.0, 2)
    assert f.services == {"blood_pressure": 20}
    # Three places (two physicians, one of ortho); s003 alone is there: two stay open.
    assert f.open_places == 2 and line.open_places == 2
    # The week before (W49): 12-03 held, 180 served, 3 h.
    b = r.before
    assert (b.held, b.served, b.hours, b.people) == (1, 180, 3.0, 1)
    assert {w.key: (w.people, w.hours) for w in r.by_department} == {"ortho": (1, 2.0), "acu": (1, 3.0)}
    assert {w.key: (w.people, w.hours) for w in r.by_branch} == {"b-ortho": (1, 2.0), "": (1, 3.0)}
    # The week ahead (W51): 12-17 called off, so nothing to staff.
    assert r.ahead.occurrences == 0 and r.ahead.open_places == 0


def test_called_off_not_recorded_planned_and_moved_away() -> None:
    plan = _plan()
    r = week_review(plan, CAL, date(2026, 12, 14), date(2026, 12, 20))
    [line] = r.lines
    assert (line.fate, line.reason) == (CALLED_OFF, "雨")
    assert r.figures.called_off == 1 and r.figures.open_places == 0
    # 12-24 has no record: still to come on the 20th, missing on the 28th.
    assert week_review(plan, CAL, date(2026, 12, 21), date(2026, 12, 20)).lines[0].fate == PLANNED
    late = week_review(plan, CAL, date(2026, 12, 21), date(2026, 12, 28))
    assert late.lines[0].fate == NOT_RECORDED and late.figures.not_recorded == 1
    # Moved out of the week: listed as moved, not counted as held or missing.
    a = plan.activities["a1"]
    plan.activities["a1"] = replace(
        a, moved=(*a.moved, Move(date(2026, 12, 24), datetime(2027, 1, 4, 18), datetime(2027, 1, 4, 21)))
    )
    away = week_review(plan, CAL, date(2026, 12, 21), date(2026, 12, 28))
    [line] = away.lines
    assert line.fate == MOVED_AWAY and line.moved_to == datetime(2027, 1, 4, 18)
    assert (away.figures.moved, away.figures.not_recorded, away.figures.occurrences) == (1, 0, 0)
    # …and it shows in the week it went to, as moved in.
    there = week_review(plan, CAL, date(2027, 1, 4), date(2027, 1, 10))
    assert [(x.occurrence, x.moved_from) for x in there.lines if x.fate == NOT_RECORDED] == [
        (date(2026, 12, 24), date(2026, 12, 24)),
        (date(2027, 1, 7), None),
    ]


def test_requests_and_time_bank() -> None:
    plan = _plan()
    # r1 (received 11-20, normal: due 12-04) is answered by a1, first held 12-03.
    r = week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20))
    assert r.figures.answered == 1 and [q.request for q in r.answered] == ["r1"]
    assert r.figures.median_days_to_answer == pytest.approx(13.35, abs=0.01)
    assert r.figures.answered_in_time == 1
    assert r.before.received == 0 and r.figures.received == 0
    assert week_review(plan, CAL, date(2026, 11, 16), date(2026, 12, 20)).figures.received == 1
    # An open request whose deadline fell in the week: overdue; one due the week after: ahead.
    q = plan.requests["r1"]
    plan.requests["r2"] = replace(q, id="r2", status="new", received=datetime(2026, 11, 17, 9))
    plan.requests["r3"] = replace(q, id="r3", status="accepted", received=datetime(2026, 11, 25, 9))
    r = week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20))
    assert r.figures.overdue == 1  # r2: due 12-01; r3 due 12-09
    assert r.ahead.requests_due == ["r3"]
    ledger = [
        LedgerEntry("s001", "a1", date(2026, 12, 3), 3.0, datetime(2026, 12, 4), "credit", None),
        LedgerEntry("s001", "a1", date(2026, 12, 10), 2.0, datetime(2026, 12, 12), "credit", None),
    ]
    assert (
        week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20), ledger=ledger).figures.credited == 3.0
    )


def test_late_fills_from_the_audit_history() -> None:
    plan = _plan()

    def made(at: datetime, occurrence: str | None, staff: str) -> AuditEntry:
        new = {"activity": "a1", "station": "consult", "staff": staff, "role": "member"}
        if occurrence:
            new["occurrence"] = occurrence
        return AuditEntry(at, "x", "assignments", "k", None, new)

    monday = date(2026, 11, 30)  # 12-03 18:00 is the week's occurrence
    audit = [
        made(datetime(2026, 11, 1, 9), None, "s003"),  # long before: in time
        made(datetime(2026, 12, 2, 9), "2026-12-03", "s001"),  # 33 h before: late
        made(datetime(2026, 12, 2, 9), "2026-12-10", "s002"),  # another occurrence
    ]
    assert week_review(plan, CAL, monday, date(2026, 12, 20), audit=audit).figures.filled_late == 1
    # A history that begins after the week cannot tell.
    assert week_review(plan, CAL, monday, date(2026, 12, 20), audit=audit[1:]).figures.filled_late is None
    assert week_review(plan, CAL, monday, date(2026, 12, 20)).figures.filled_late is None


def test_notes_say_what_the_figures_cannot() -> None:
    """A week not come, not over, before the plan, or whose places filled late cannot be told
    says so (the figures alone read as a week where nothing happened, or as "—" unexplained)."""
    plan = _plan()  # its one activity: 2026-12-03

    def notes(monday: date, today: date, audit=()) -> list[str]:
        return [t for t, _ in week_review(plan, CAL, monday, today, audit=audit).notes]

    late = "Places filled late (—): this database holds no history of assignments to tell them by."
    assert notes(date(2026, 11, 30), date(2026, 11, 20), [_made(datetime(2026, 11, 1))]) == [
        "This week has not come yet (today is %1): its occurrences are still to come, none held or missing."
    ]
    assert notes(date(2026, 11, 30), date(2026, 12, 2), [_made(datetime(2026, 11, 1))])[0].startswith(
        "This week is not over"
    )
    assert notes(date(2026, 11, 30), date(2026, 12, 20)) == [late]
    r = week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20), audit=[_made(datetime(2026, 12, 1))])
    assert r.notes == [
        (
            "Places filled late (—): cannot be told, the history of assignments in this database "
            "begins on %1 (kept from the day the plan was made or imported here).",
            ("2026-12-01",),
        )
    ]
    assert notes(date(2026, 11, 30), date(2026, 12, 20), [_made(datetime(2026, 11, 1))]) == []
    assert notes(date(2025, 3, 3), date(2026, 12, 20)) == [
        "This week lies before the plan: its first occurrence is on %1."
    ]


def _made(at: datetime) -> AuditEntry:
    return AuditEntry(
        at, "x", "assignments", "k", None, {"activity": "a1", "station": "consult", "staff": "s001"}
    )


def test_json_has_the_contract_keys() -> None:
    doc = to_json(week_review(_plan(), CAL, parse_week("2026-W49"), date(2026, 12, 20)))
    assert doc["week"] == "2026-W49" and doc["from"] == "2026-11-30" and doc["to"] == "2026-12-06"
    for key in ("held", "called_off", "moved", "not_recorded", "served", "people", "open_places"):
        assert isinstance(doc[key], int), key
    assert isinstance(doc["hours"], float)
    assert set(doc["requests"]) >= {"received", "answered", "overdue"}
    assert set(doc["ahead"]) >= {"occurrences", "open_places", "conflicts"}
    assert isinstance(doc["ahead"]["conflicts"], int)
    json.dumps(doc)


@pytest.fixture(scope="module")
def hospital():
    today = date(2026, 12, 6)
    return build_demo(demo_recipe(), "hospital", 1, 2026, today, CAL), today


@pytest.mark.parametrize("week", ["2026-W41", "2026-W49", "2026-W02", "2026-W50", "2026-W53"])
def test_served_and_hours_equal_stats_on_the_hospital_demo(hospital, week: str) -> None:
    plan, today = hospital
    monday = parse_week(week) if week != "2026-W53" else date(2026, 12, 28)
    r = week_review(plan, CAL, monday, today)
    # The review's figures are the statistics' (copied from them): also summed here, apart from
    # the statistics, from the week's occurrences as the review lists them (their records), so a
    # week the two read differently fails (it cannot pass by comparing stats with itself).
    held = [x for x in r.lines if x.fate == HELD]
    assert r.figures.served == sum(x.served or 0 for x in held)
    assert r.figures.served > 0 or r.figures.end >= today  # a past week of the demo served someone
    assert r.figures.hours == pytest.approx(sum(x.hours for x in held))
    assert r.figures.held == len(held)
    for figures in (r.figures, r.before):
        st = compute(plan, CAL, figures.start, figures.end, today)
        assert (figures.served, figures.hours) == (st.totals.served, st.totals.hours)
        assert figures.held == st.totals.occurrences
        assert figures.people == len(st.people)
    assert sum(w.hours for w in r.by_department) == pytest.approx(r.figures.hours)
    assert sum(w.people for w in r.by_branch) == r.figures.people


def test_the_busiest_week_of_the_hospital_demo(hospital) -> None:
    plan, today = hospital
    r = week_review(plan, CAL, parse_week("2026-W41"), today)
    assert r.figures.held >= 50 and r.figures.served > 0
    # Every held occurrence is one the checker would check, and none is missing a fate.
    assert len(r.lines) == r.figures.occurrences + sum(1 for x in r.lines if x.fate == MOVED_AWAY)
