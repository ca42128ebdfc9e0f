"""Assignment figures: the demo hospital's open needs for a month and for a quarter, filled by
the CP-SAT solver and by the greedy baseline side by side on the same plan."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace
from datetime import date, datetime


def _errors(plan, cal, d0: date, d1: date) -> set:
    from scheduler.conflicts import CheckContext, check

    ctx = CheckContext(plan, cal, datetime.combine(d0, datetime.min.time()), d0, d1)
    return {c.key for c in check(ctx) if c.severity == "error"}


def run(small: bool = False) -> None:
    from resources import demo_recipe
    from scheduler.assign import SolverSettings, StaffingWindow, greedy, solve
    from scheduler.demo import build_demo
    from scheduler.workdays import WorkCalendar, official_calendar

    scale = "small" if small else "hospital"
    year = date.today().year
    print(f"== assignment benchmark (demo scale: {scale}, year {year}) ==")
    # A year with nobody assigned yet: every place of the window is the solver's to fill.
    plan = build_demo(demo_recipe(), scale, 1, year, staffed=False)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    limit = 3.0 if small else SolverSettings().time_limit
    windows = [
        ("month", date(year, 10, 1), date(year, 10, 31), limit),
        ("quarter", date(year, 10, 1), date(year, 12, 31), limit * 3),
    ]
    for name, d0, d1, seconds in windows:
        settings = SolverSettings(time_limit=seconds)
        t0 = time.perf_counter()
        problem = StaffingWindow(plan, cal, d0, d1, settings=settings)
        built = time.perf_counter() - t0
        before = _errors(plan, cal, d0, d1)
        print(
            f"-- {name} {d0} – {d1}: {len(problem.targets)} occurrences, {problem.needs_open()} places open, "
            f"{problem.fillable()} fillable; reading the plan {built:.2f} s; solver time limit {seconds:g} s"
        )
        for label, fn in (("greedy", greedy), ("cp-sat", solve)):
            t0 = time.perf_counter()
            r = fn(problem)
            took = time.perf_counter() - t0
            after_plan = replace(plan, assignments={**plan.assignments, **{a.key: a for a in r.assignments}})
            introduced = len(_errors(after_plan, cal, d0, d1) - before)
            top, mean, ratio = r.hours_summary()
            reasons = Counter()
            for u in r.unfilled:
                reasons[u.reason] += u.missing
            rate = 100 * r.filled / r.fillable if r.fillable else 100.0
            heavy = sum(1 for h in r.hours.values() if mean and h > 1.5 * mean)
            print(
                f"   {label:7} filled {r.filled:5} of {r.fillable} fillable ({rate:5.1f} %), leads {r.leads_added:4}, "
                f"errors introduced {introduced}, hours/person max {top:g} mean {mean:.2f} max/mean {ratio:.2f} "
                f"(>1.5x mean: {heavy}), {took:6.2f} s ({r.status})"
            )
            if reasons:
                print(f"           unfilled: {dict(reasons)}")
            if label == "cp-sat":
                again = solve(StaffingWindow(after_plan, cal, d0, d1, settings=settings))
                print(
                    f"           second run adds {len(again.assignments)} assignment(s), fills {again.filled}"
                )
    print(
        "   aim: a month in <= 20 s, >= 99.5 % of fillable places filled, max/mean hours <= 1.3, 0 errors introduced"
    )
