"""Editing a series: one occurrence, or this and following (a split that leaves the past as it was)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.calendar.recurrence import expand
from scheduler.plan.editing import exclude_occurrence, move_occurrence, split_series
from scheduler.plan.model import Activity, Assignment, Record

NM = Activity(
    "nm",
    "中医夜市",
    datetime(2026, 12, 3, 18),
    datetime(2026, 12, 3, 21),
    rrule="FREQ=WEEKLY;BYDAY=TH;COUNT=10",
)


def test_exclude_and_move() -> None:
    a = exclude_occurrence(NM, date(2026, 12, 31))
    assert len(expand(a)) == 9
    a = move_occurrence(a, date(2026, 12, 10), datetime(2026, 12, 11, 18), datetime(2026, 12, 11, 21))
    occ = {o.date: o for o in expand(a)}
    assert occ[date(2026, 12, 10)].start == datetime(2026, 12, 11, 18)
    back = move_occurrence(a, date(2026, 12, 10), datetime(2026, 12, 10, 18), datetime(2026, 12, 10, 21))
    assert back.moved == ()
    with pytest.raises(ValueError):
        move_occurrence(a, date(2026, 12, 10), datetime(2026, 12, 11, 21), datetime(2026, 12, 11, 18))


def test_split_keeps_past_and_rekeys_future() -> None:
    asg = [
        Assignment("nm", "s1", date(2026, 12, 3), None, "lead"),
        Assignment("nm", "s2", date(2026, 12, 24), None, "lead"),
        Assignment("nm", "s3", None, None, "member"),
    ]
    recs = [Record("nm", date(2026, 12, 3), "done", served=100)]
    sp = split_series(NM, date(2026, 12, 17), "nm-2", asg, recs)
    assert [o.date for o in expand(sp.head)] == [date(2026, 12, 3), date(2026, 12, 10)]
    assert [o.date for o in expand(sp.tail)][0] == date(2026, 12, 17) and len(expand(sp.tail)) == 8
    assert sp.remove_assignments == (asg[1],)
    assert {(a.activity, a.staff) for a in sp.add_assignments} == {("nm-2", "s2"), ("nm-2", "s3")}
    assert sp.remove_records == ()  # the record of 12-03 stays with the past


_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@settings(max_examples=80, deadline=None)
@given(
    day=st.integers(0, 6),
    interval=st.integers(1, 3),
    count=st.integers(2, 25),
    use_until=st.booleans(),
    ex=st.lists(st.integers(0, 30), max_size=4),
    mv=st.lists(st.tuples(st.integers(0, 30), st.integers(-2, 2)), max_size=3),
    cut=st.integers(1, 24),
)
def test_split_matches_the_original_series(day, interval, count, use_until, ex, mv, cut) -> None:
    start = datetime(2026, 1, 5, 9) + timedelta(days=day)
    rule = f"FREQ=WEEKLY;INTERVAL={interval}"
    if use_until:
        rule += f";UNTIL={(start + timedelta(weeks=interval * (count - 1))).strftime('%Y%m%dT%H%M%S')}"
    else:
        rule += f";COUNT={count}"
    a = Activity("a", "t", start, start + timedelta(hours=2), rrule=rule)
    dates = [o.date for o in expand(a)]
    for i in ex:
        a = exclude_occurrence(a, dates[i % len(dates)])
    for i, shift in mv:
        d = dates[i % len(dates)]
        if d not in a.exdates:
            s = datetime.combine(d, start.time()) + timedelta(days=shift)
            a = move_occurrence(a, d, s, s + timedelta(hours=2))
    all_dates = [datetime.combine(d, start.time()).date() for d in dates]
    at = all_dates[cut % (len(all_dates) - 1) + 1]
    asg = [Assignment("a", f"s{i}", d, None, "member") for i, d in enumerate(all_dates) if d not in a.exdates]
    sp = split_series(a, at, "b", asg, [])
    original = expand(a)
    assert expand(sp.head) == [o for o in original if o.date < at]
    assert expand(sp.tail) == [replace(o, activity="b") for o in original if o.date >= at]
    kept = [x for x in asg if x not in sp.remove_assignments]
    assert kept == [x for x in asg if x.occurrence < at]
    assert {x.occurrence for x in sp.add_assignments} == {x.occurrence for x in asg if x.occurrence >= at}
