"""The working-day calendar against the official 2026 calendar and user entries."""

from __future__ import annotations

from datetime import date, datetime

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import DayKind, WorkCalendar, official_calendar
from scheduler.plan.model import Activity, CalendarEntry


def cal(*entries: CalendarEntry) -> WorkCalendar:
    return WorkCalendar(official_calendar(), entries)


def test_kinds_of_days_2026() -> None:
    c = cal()
    assert c.info(date(2026, 10, 1)).kind is DayKind.HOLIDAY and c.info(date(2026, 10, 1)).name == "国庆节"
    assert c.info(date(2026, 10, 3)).kind is DayKind.HOLIDAY  # a Saturday inside the holiday period
    assert c.info(date(2026, 10, 8)).kind is DayKind.WORKING
    assert c.info(date(2026, 2, 14)).kind is DayKind.MAKEUP and c.is_working(date(2026, 2, 14))
    assert c.info(date(2026, 11, 28)).kind is DayKind.WEEKEND
    assert c.info(date(2026, 11, 23)).kind is DayKind.WORKING


def test_user_entries_override_and_make_a_year_known() -> None:
    c = cal()
    assert c.unknown_years([2026, 2027]) == [2027]
    c = cal(
        CalendarEntry(date(2027, 1, 1), "holiday", "元旦"),
        CalendarEntry(date(2027, 2, 7), "workday", "春节调休"),
    )
    assert c.unknown_years([2026, 2027]) == []
    assert c.info(date(2027, 1, 1)).kind is DayKind.HOLIDAY
    assert c.info(date(2027, 2, 7)).kind is DayKind.MAKEUP  # a Sunday worked
    c = cal(CalendarEntry(date(2026, 10, 8), "holiday", "院庆"))
    assert c.info(date(2026, 10, 8)).name == "院庆" and c.is_holiday(date(2026, 10, 8))


def test_clinical_intervals_skip_holidays_and_weekends_but_not_makeup_days() -> None:
    c = cal()
    got = c.clinical_intervals(datetime(2026, 2, 13, 12), datetime(2026, 2, 16, 9))
    assert got == [
        (datetime(2026, 2, 13, 12), datetime(2026, 2, 13, 17, 30)),  # Friday
        (datetime(2026, 2, 14, 8), datetime(2026, 2, 14, 17, 30)),  # Saturday, a make-up workday
    ]  # 2026-02-15 (Sunday) on, the Spring Festival holiday
    assert c.clinical_intervals(datetime(2026, 11, 23, 17, 30), datetime(2026, 11, 23, 21)) == []


def test_holiday_policy_of_a_series() -> None:
    c = cal()
    base = Activity(
        "a", "夜市", datetime(2026, 9, 24, 18), datetime(2026, 9, 24, 21), rrule="FREQ=WEEKLY;COUNT=3"
    )
    keep = [o.start.date() for o in expand(base, calendar=c)]
    assert keep == [date(2026, 9, 24), date(2026, 10, 1), date(2026, 10, 8)]
    skip = expand(Activity(**{**_d(base), "holiday_policy": "skip"}), calendar=c)
    assert [o.date for o in skip] == [date(2026, 9, 24), date(2026, 10, 8)]
    nxt = expand(Activity(**{**_d(base), "holiday_policy": "next_working_day"}), calendar=c)
    assert [(o.date, o.start) for o in nxt][1] == (
        date(2026, 10, 1),
        datetime(2026, 10, 8, 18),
    )  # the first working day after the National Day holiday
    # Without a calendar the policy cannot be applied: every occurrence stands.
    assert len(expand(Activity(**{**_d(base), "holiday_policy": "skip"}))) == 3


def _d(a: Activity) -> dict:
    return {f: getattr(a, f) for f in a.__slots__}
