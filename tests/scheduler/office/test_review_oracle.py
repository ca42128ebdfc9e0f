"""Property tests of the week in review and the capacity forecast on random small plans (the
conflict checker's generator), each against a slow, obviously right oracle: the fates counted
one by one, the figures of the statistics, open places by trying every way to seat the people,
and a pool's hours summed need by need and person by person."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.office.forecast.figures import DEFAULT_CAP
from scheduler.office.forecast.year import forecast
from scheduler.office.review import CALLED_OFF, HELD, NOT_RECORDED, PLANNED, week_review
from scheduler.office.stats import compute
from scheduler.plan.model import Attendance, Plan, Record
from tests.scheduler.conflicts.test_conflicts import CAL
from tests.scheduler.conflicts.test_conflicts_oracle import QUALS, plans


@st.composite
def recorded(draw) -> tuple[Plan, date]:
    p = draw(plans())
    for a in p.activities.values():
        fate = draw(st.sampled_from(["done", "cancelled", None]))
        if fate == "done":
            people = sorted(p.staff)[: draw(st.integers(0, 3))]
            r = Record(
                a.id,
                a.start.date(),
                "done",
                served=draw(st.integers(0, 300)),
                attended=tuple(Attendance(s, draw(st.sampled_from([0.5, 1.0, 2.5]))) for s in people),
            )
            p.records[r.key] = r
        elif fate == "cancelled":
            r = Record(a.id, a.start.date(), "cancelled", reason="雨")
            p.records[r.key] = r
    today = draw(st.sampled_from([date(2026, 1, 1), date(2026, 10, 1), date(2026, 12, 31)]))
    return p, today


def _best_seating(people: list[str], slots: list, fits) -> int:
    """The most places filled, trying every order of the people over the places."""
    best = 0
    for chosen in itertools.permutations(people, min(len(people), len(slots))):
        for places in itertools.permutations(range(len(slots)), len(chosen)):
            best = max(best, sum(1 for s, k in zip(chosen, places, strict=True) if fits(s, slots[k])))
    return best


def _open_places(p: Plan, activity: str) -> int:
    a = p.activities[activity]
    out = 0
    for station in a.stations:
        turn = a.rotation[0].department if a.rotation else None
        slots = [n for n in station.needs for _ in range(n.count)]
        if not slots:
            continue
        people = sorted(
            {x.staff for x in p.assignments.values() if x.activity == activity and x.station == station.id}
        )

        def fits(s: str, n, turn=turn) -> bool:
            person = p.staff[s]
            return (
                (n.department is None or person.department == n.department)
                and (turn is None or person.department == turn)
                and (n.qualification is None or n.qualification in person.qualifications)
            )

        out += len(slots) - _best_seating(people, slots, fits)
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recorded())
def test_review_against_oracle(case) -> None:
    p, today = case
    for day in sorted({a.start.date() for a in p.activities.values()}):
        monday = day - timedelta(days=day.weekday())
        r = week_review(p, CAL, monday, today)
        week = [a for a in p.activities.values() if monday <= a.start.date() < monday + timedelta(days=7)]
        fates = {}
        for a in week:
            rec = p.records.get((a.id, a.start.date()))
            if rec is not None:
                fates[a.id] = HELD if rec.status == "done" else CALLED_OFF
            else:
                fates[a.id] = NOT_RECORDED if a.end <= datetime.combine(today, time.min) else PLANNED
        assert {x.activity: x.fate for x in r.lines} == fates
        st_ = compute(p, CAL, monday, monday + timedelta(days=6), today)
        assert (r.figures.served, r.figures.hours, r.figures.held) == (
            st_.totals.served,
            st_.totals.hours,
            st_.totals.occurrences,
        )
        expected_open = {a.id: _open_places(p, a.id) for a in week if fates[a.id] != CALLED_OFF}
        assert {x.activity: x.open_places for x in r.lines if x.fate != CALLED_OFF} == expected_open
        assert r.figures.open_places == sum(expected_open.values())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_forecast_pools_against_oracle(p: Plan) -> None:
    f = forecast(p, CAL, 2026)
    assert f is not None
    for q in QUALS:
        for month in sorted({a.start.month for a in p.activities.values()}):
            need = sum(
                n.count * (a.end - a.start).total_seconds() / 3600
                for a in p.activities.values()
                if a.start.month == month
                for st_ in a.stations
                for n in st_.needs
                if n.qualification == q
            )
            # The plans' unavailability never covers a whole day: every cap counts in full.
            can = sum(
                s.max_hours_month if s.max_hours_month is not None else DEFAULT_CAP
                for s in p.staff.values()
                if s.active and q in s.qualifications
            )
            rows = [r for r in f.pools if r.pool == (None, q) and r.month == date(2026, month, 1)]
            if need == 0:
                assert rows == []
                continue
            [row] = rows
            assert abs(row.needed_hours - need) < 0.01 and abs(row.available_hours - can) < 0.01
            assert row.short_hours >= round(max(0.0, need - can), 2)
