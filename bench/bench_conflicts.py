"""Conflict figures: a full check of the demo year, and re-checking after one assignment changes."""

from __future__ import annotations

import time
from datetime import date, datetime


def run(small: bool = False) -> None:
    from resources import demo_recipe
    from scheduler.conflicts import CheckContext, check, counts
    from scheduler.demo import build_demo
    from scheduler.incremental import IncrementalChecker
    from scheduler.model import Assignment, Plan
    from scheduler.workdays import WorkCalendar, official_calendar

    scale = "small" if small else "hospital"
    year = date.today().year
    print(f"== conflict benchmark (demo scale: {scale}, year {year}) ==")
    plan = build_demo(demo_recipe(), scale, 1, year)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    today = datetime(year, 11, 23)
    t0 = time.perf_counter()
    found = check(CheckContext(plan, cal, today))
    full = time.perf_counter() - t0
    tally = counts(found)
    print(
        f"full check of the year    {full:7.3f} s  ({tally['error']} errors, {tally['warning']} warnings)   aim < 1 s"
    )
    t0 = time.perf_counter()
    checker = IncrementalChecker(CheckContext(plan, cal, today))
    print(f"incremental checker built {time.perf_counter() - t0:7.3f} s")
    # One more person on a staffed visit, then taken off again.
    visit = next(a for a in plan.activities.values() if a.kind == "pairing_visit")
    person = next(s.id for s in plan.staff.values() if s.active)
    timings = []
    for _ in range(5):
        for add in (True, False):
            x = Assignment(visit.id, person, None, visit.stations[0].id if visit.stations else None, "member")
            assignments = dict(plan.assignments)
            if add:
                assignments[x.key] = x
            else:
                assignments.pop(x.key, None)
            plan = Plan(
                **{f: getattr(plan, f) for f in plan.__slots__ if f != "assignments"}, assignments=assignments
            )
            t0 = time.perf_counter()
            got = checker.update(plan, {"assignments": [x.key]})
            timings.append(time.perf_counter() - t0)
    assert got == check(CheckContext(plan, cal, today)), "incremental and full check disagree"
    timings.sort()
    print(
        f"re-check one assignment   {timings[len(timings) // 2] * 1000:7.1f} ms median, "
        f"{timings[-1] * 1000:.1f} ms worst of {len(timings)}   aim < 50 ms"
    )
