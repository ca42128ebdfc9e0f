"""Occurrence expansion against a day-by-day oracle."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.model import Activity, Move
from scheduler.recurrence import check_rule, expand, planned_dates


def _weekly(**kw) -> Activity:
    base = dict(
        id="a",
        title="t",
        start=datetime(2026, 12, 3, 18),
        end=datetime(2026, 12, 3, 21),
        rrule="FREQ=WEEKLY;BYDAY=TH;COUNT=10",
    )
    base.update(kw)
    return Activity(**base)


def test_count_before_exdates_and_moves_keep_identity() -> None:
    a = _weekly(
        exdates=(date(2026, 12, 31),),
        moved=(Move(date(2026, 12, 10), datetime(2026, 12, 11, 18), datetime(2026, 12, 11, 21)),),
    )
    occ = expand(a)
    assert len(occ) == 9
    assert occ[-1].date == date(2027, 2, 4)
    moved = [o for o in occ if o.moved]
    assert moved[0].date == date(2026, 12, 10) and moved[0].start.date() == date(2026, 12, 11)
    assert date(2026, 12, 11) not in planned_dates(a)


def test_window_is_half_open() -> None:
    a = _weekly()
    assert [o.date for o in expand(a, datetime(2026, 12, 3, 21), datetime(2026, 12, 10, 18))] == []
    assert [o.date for o in expand(a, datetime(2026, 12, 3, 20), datetime(2026, 12, 10, 19))] == [
        date(2026, 12, 3),
        date(2026, 12, 10),
    ]


def test_moved_into_window_from_outside() -> None:
    a = _weekly(moved=(Move(date(2027, 1, 7), datetime(2026, 12, 5, 9), datetime(2026, 12, 5, 11)),))
    got = expand(a, datetime(2026, 12, 5), datetime(2026, 12, 6))
    assert [o.date for o in got] == [date(2027, 1, 7)]


def test_bad_rules_are_named() -> None:
    assert check_rule("FREQ=WEEKLY;BYDAY=XX", datetime(2026, 1, 1)) is not None
    assert check_rule("FREQ=DAILY;COUNT=3", datetime(2026, 1, 1)) is None
    assert check_rule("FREQ=DAILY;UNTIL=20250101", datetime(2026, 1, 1)) is not None


_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@settings(max_examples=60, deadline=None)
@given(
    days=st.sets(st.integers(0, 6), min_size=1),
    interval=st.integers(1, 3),
    count=st.integers(1, 30),
    offset=st.integers(0, 400),
    ex_picks=st.lists(st.integers(0, 40), max_size=5),
)
def test_weekly_expansion_matches_day_by_day_oracle(days, interval, count, offset, ex_picks) -> None:
    start_day = date(2026, 1, 1) + timedelta(days=offset)
    # Start on a chosen weekday so that the first instance is part of the rule.
    while start_day.weekday() not in days:
        start_day += timedelta(days=1)
    start = datetime.combine(start_day, datetime.min.time()).replace(hour=9)
    rule = f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={','.join(_DAYS[d] for d in sorted(days))};COUNT={count}"
    # Oracle: walk day by day; a day belongs if its weekday is chosen and its week
    # (weeks start on Monday, RFC 5545 default WKST) is a multiple of INTERVAL from the first.
    week0 = start_day - timedelta(days=start_day.weekday())
    oracle: list[date] = []
    d = start_day
    while len(oracle) < count:
        week = (d - timedelta(days=d.weekday()) - week0).days // 7
        if d.weekday() in days and week % interval == 0:
            oracle.append(d)
        d += timedelta(days=1)
    exdates = tuple(sorted({oracle[i % len(oracle)] for i in ex_picks}))
    a = Activity(id="x", title="x", start=start, end=start + timedelta(hours=2), rrule=rule, exdates=exdates)
    got = [o.date for o in expand(a)]
    assert got == [x for x in oracle if x not in exdates]
