"""Pairing behind plan: one answer everywhere. On random plans and judgement dates the full
checker, the incremental checker the GUI panel keeps, the statistics' on-track figure (and its
JSON) and a slow day-by-day oracle written from docs/check.md agree; a judgement at any time of day
equals the judgement of its date."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.incremental import IncrementalChecker
from scheduler.office.stats import compute, to_json
from scheduler.plan.model import Activity, Branch, Pairing, Partner, Plan, Record

CAL = WorkCalendar(official_calendar())
BRANCHES = ["b1", "b2"]
PARTNERS = ["p1", "p2"]
KINDS = ["pairing_visit", "free_clinic", "lecture", "night_market"]


def _day(draw, lo: date, hi: date) -> date:
    return lo + timedelta(days=draw(st.integers(0, (hi - lo).days)))


@st.composite
def plans(draw) -> tuple[Plan, date, time]:
    p = Plan()
    for b in BRANCHES:
        p.branches[b] = Branch(b, b)
    for x in PARTNERS:
        p.partners[x] = Partner(x, x)
    for i in range(draw(st.integers(1, 4))):
        start = draw(st.none() | st.dates(date(2025, 6, 1), date(2027, 2, 1)))
        end = draw(st.none() | st.dates(date(2025, 6, 1), date(2027, 6, 1)))
        p.pairings[f"pr{i}"] = Pairing(
            f"pr{i}",
            draw(st.sampled_from(BRANCHES)),
            draw(st.sampled_from(PARTNERS)),
            start,
            end,
            draw(st.integers(0, 80)),
        )
    for i in range(draw(st.integers(0, 7))):
        day = _day(draw, date(2025, 12, 1), date(2027, 1, 31))
        hour = draw(st.sampled_from([0, 8, 14, 22, 23]))
        start = datetime.combine(day, time(hour, draw(st.sampled_from([0, 30]))))
        rule = draw(
            st.sampled_from(
                [
                    None,
                    "FREQ=WEEKLY;COUNT=20",
                    "FREQ=DAILY;COUNT=40",
                    "FREQ=WEEKLY;INTERVAL=2",
                    "FREQ=MONTHLY;BYDAY=2SA",
                ]
            )
        )
        a = Activity(
            f"a{i}",
            f"a{i}",
            start,
            start + timedelta(hours=draw(st.sampled_from([1, 2, 3]))),  # 22:00 + 3 h crosses midnight
            kind=draw(st.sampled_from(KINDS)),
            partner=draw(st.sampled_from([*PARTNERS, None])),
            organizer=draw(st.sampled_from([*BRANCHES, None])),
            rrule=rule,
            status=draw(st.sampled_from(["planned", "planned", "planned", "cancelled"])),
            holiday_policy=draw(st.sampled_from(["keep", "skip", "next_working_day"])),
        )
        p.activities[a.id] = a
        for o in expand(a, None, None, CAL)[:60]:
            if draw(st.integers(0, 5)) == 0:
                status = draw(st.sampled_from(["cancelled", "done"]))
                p.records[(a.id, o.date)] = Record(
                    a.id, o.date, status, "雨" if status == "cancelled" else None
                )
    judged = _day(draw, date(2026, 1, 1), date(2027, 1, 15))
    moment = time(draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59)))
    return p, judged, moment


def oracle(plan: Plan, judged: date, calendar: WorkCalendar = CAL) -> set[str]:
    """docs/check.md read literally: walk the days from 1 January (or the start) to the day before the
    judgement date, count the non-cancelled occurrences that start on each, compare in fractions."""
    year_start = date(judged.year, 1, 1)
    days_in_year = (date(judged.year + 1, 1, 1) - year_start).days
    cancelled = {k for k, r in plan.records.items() if r.status == "cancelled"}
    behind = set()
    for p in plan.pairings.values():
        first = max(year_start, p.start) if p.start else year_start
        if first > judged or (p.end is not None and p.end < year_start):
            continue
        days = []
        d = first
        while d < judged and (p.end is None or d <= p.end):
            days.append(d)
            d += timedelta(days=1)
        held = 0
        for a in plan.activities.values():
            if a.status == "cancelled" or a.organizer != p.branch or a.partner != p.partner:
                continue
            for o in expand(a, None, None, calendar):
                if (a.id, o.date) not in cancelled and o.start.date() in days:
                    held += 1
        if held + 1 <= Fraction(p.visits_per_year * len(days), days_in_year):
            behind.add(p.id)
    return behind


def _flagged(conflicts) -> set[str]:
    return {c.pairing for c in conflicts if c.kind == "pairing_behind_plan"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_checker_stats_and_oracle_agree(case) -> None:
    plan, judged, moment = case
    expected = oracle(plan, judged)
    midnight = datetime.combine(judged, time.min)
    at_moment = datetime.combine(judged, moment)
    # `check` (the CLI judges at 00:00 of --today) and the GUI (at the current time of day).
    assert _flagged(check(CheckContext(plan, CAL, midnight))) == expected
    assert _flagged(check(CheckContext(plan, CAL, at_moment))) == expected
    # A window limits the occurrences checked, not the pairings' judgement (docs/check.md, "How the plan is read").
    week = CheckContext(plan, CAL, at_moment, window_from=judged, window_to=judged + timedelta(days=6))
    assert _flagged(check(week)) == expected
    # The conflicts panel's incremental checker.
    assert _flagged(IncrementalChecker(CheckContext(plan, CAL, at_moment)).conflicts) == expected
    # The statistics of the judgement date's year (`stats --year`, the statistics page, the workbook).
    st_ = compute(plan, CAL, date(judged.year, 1, 1), date(judged.year, 12, 31), judged)
    assert {p.pairing for p in st_.pairings if not p.on_track} == expected
    assert {p["pairing"] for p in to_json(st_, plan)["pairings"] if not p["on_track"]} == expected


def test_the_demo_hospital_gives_one_answer() -> None:
    """The demo office (small scale) judged on several days by the checker, the panel's checker
    and the statistics: one list of pairings behind plan, the oracle's."""
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo

    plan = build_demo(demo_recipe(), "small", 1, 2026, date(2026, 12, 6))
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    for judged in (date(2026, 3, 1), date(2026, 7, 15), date(2026, 12, 6)):
        expected = oracle(plan, judged, cal)
        now = datetime.combine(judged, time(15, 47))
        assert _flagged(check(CheckContext(plan, cal, now))) == expected
        assert _flagged(IncrementalChecker(CheckContext(plan, cal, now)).conflicts) == expected
        st_ = compute(plan, cal, date(2026, 1, 1), date(2026, 12, 31), judged)
        assert {p.pairing for p in st_.pairings if not p.on_track} == expected
