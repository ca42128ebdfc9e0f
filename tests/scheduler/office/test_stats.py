"""Statistics against hand-counted cases (the sample plan plus a few records)."""

from __future__ import annotations

import json
from datetime import date, datetime

from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.planfile.document import parse_document
from scheduler.office.stats import compute, to_json
from scheduler.plan.model import Attendance, Record
from tests.helpers import sample

CAL = WorkCalendar(official_calendar())


def _plan():
    plan = parse_document(json.dumps(sample(), ensure_ascii=False)).plan
    # The sample records 12-03 (served 180, s001 3 h). Add 12-10 (moved to 12-11) and a call-off.
    r = Record(
        "a1", date(2026, 12, 10), "done", served=50, attended=(Attendance("s001", 2), Attendance("s003", 3))
    )
    plan.records[r.key] = r
    c = Record("a1", date(2026, 12, 17), "cancelled", reason="雨")
    plan.records[c.key] = c
    return plan


def test_totals_and_breakdowns_hand_counted() -> None:
    st = compute(_plan(), CAL, date(2026, 1, 1), date(2026, 12, 31))
    assert (st.totals.occurrences, st.totals.served, st.totals.hours) == (2, 230, 8.0)
    assert (
        len(st.by_month) == 12
        and st.by_month["2026-12"].occurrences == 2
        and st.by_month["2026-11"].occurrences == 0
    )
    assert st.by_month["2026-12"].keys == [("a1", date(2026, 12, 3)), ("a1", date(2026, 12, 10))]
    assert (st.by_branch["b-ortho"].occurrences, st.by_branch["b-ortho"].served) == (2, 230)
    assert st.by_partner["p-youyi"].hours == 8.0
    assert st.by_kind["night_market"].occurrences == 2
    # Departments: ortho (s001) at both, 5 h; acu (s003) at one, 3 h, counted once each.
    assert (st.by_department["ortho"].occurrences, st.by_department["ortho"].hours) == (2, 5.0)
    assert (
        st.by_department["acu"].occurrences,
        st.by_department["acu"].served,
        st.by_department["acu"].hours,
    ) == (1, 50, 3.0)
    assert [(r.key, r.hours) for r in st.busiest_people()] == [("s001", 5.0), ("s003", 3.0)]
    assert [r.key for r in st.busiest_departments()] == ["ortho", "acu"]


def test_window_and_pairing_progress_and_requests() -> None:
    plan = _plan()
    only_first = compute(plan, CAL, date(2026, 12, 1), date(2026, 12, 5))
    assert only_first.totals.occurrences == 1 and list(only_first.by_month) == ["2026-12"]
    st = compute(plan, CAL, date(2026, 1, 1), date(2026, 12, 31))
    [p] = st.pairings
    target = p.target
    # Judged at the window's last day, by the checker's rule: the non-cancelled occurrences up to
    # 30 December (12-03, 12-11 moved from 12-10, 12-24; 12-17 called off) against 364 days.
    assert (p.held, p.elapsed, p.expected) == (3, 364, round(target * 364 / 365, 2))
    assert p.on_track == (target * 364 < 4 * 365)
    half = compute(plan, CAL, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 7, 2))
    assert half.pairings[0].held == 0 and half.pairings[0].expected == round(target * 182 / 365, 2)
    later = compute(plan, CAL, date(2026, 1, 1), date(2026, 12, 31), today=date(2027, 3, 1))
    assert later.pairings == st.pairings  # a day after the window is judged at its last day
    [q] = st.requests
    assert q.first_occurrence == datetime(2026, 12, 3, 18, 0)
    assert q.days_to_answer == round(
        (datetime(2026, 12, 3, 18) - datetime(2026, 11, 20, 9, 30)).total_seconds() / 86400, 2
    )
    assert q.within_response_time is True  # 13.4 days, normal priority: 14 days
    doc = to_json(st, plan)
    assert doc["totals"] == {"occurrences": 2, "served": 230, "hours": 8.0}
    assert doc["requests"]["by_status"] == {"scheduled": 1} and doc["requests"]["answered_in_time"] == 1
    assert doc["by_branch"][0]["name"] == "骨伤党支部"


def test_an_occurrence_over_new_year_counts_in_the_year_it_began() -> None:
    """A night visit from New Year's Eve into the new year, recorded as done, counts once: in the
    year (and month) it began. The new year's figures left it out instead of failing (KeyError
    "2025-12"; found by the pairing-progress property test)."""
    from dataclasses import replace

    plan = _plan()
    a = next(iter(plan.activities.values()))
    night = replace(
        a, id="eve", start=datetime(2025, 12, 31, 22, 0), end=datetime(2026, 1, 1, 1, 0), rrule=None
    )
    plan.activities["eve"] = night
    plan.records[("eve", date(2025, 12, 31))] = Record("eve", date(2025, 12, 31), "done", served=40)
    new_year = compute(plan, CAL, date(2026, 1, 1), date(2026, 12, 31))
    old_year = compute(plan, CAL, date(2025, 1, 1), date(2025, 12, 31))
    assert ("eve", date(2025, 12, 31)) not in new_year.totals.keys
    assert old_year.totals.keys.count(("eve", date(2025, 12, 31))) == 1
    assert old_year.by_month["2025-12"].served >= 40
