"""Capacity forecast: the demo hospital's forecast for the demo year and the year after (wall and
CPU time; aim < 10 s), then the same with the physicians of 老年医学科 capped at an hour a month so
that pools run short and CP-SAT moves the visits not yet planned (its time included)."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from pathlib import Path

if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    print(f"{label:34} {time.perf_counter() - w:7.3f} s wall, {time.process_time() - c:7.3f} s CPU", end="")
    return out


def run(small: bool = False) -> None:
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.demo.hospital import build_demo
    from scheduler.office.forecast.year import forecast

    scale = "small" if small else "hospital"
    year, today = 2026, date(2026, 12, 6)
    print(f"== capacity forecast benchmark (demo scale: {scale}, year {year}, today {today}; aim < 10 s) ==")
    cal = WorkCalendar(official_calendar())
    plan = build_demo(demo_recipe(), scale, 1, year, today, cal)
    for y in (year, year + 1):
        f = _timed(f"forecast {y}", lambda y=y: forecast(plan, cal, y, today))
        print(f"  ({len(f.pools)} pool-months, {len(f.short())} short, bound {f.bound_hours:g} h)")
    for s in list(plan.staff.values()):
        if s.department == "geri" and "physician" in s.qualifications:
            plan.staff[s.id] = replace(s, max_hours_month=1.0)
    f = _timed(f"forecast {year + 1}, 老年医学科 capped", lambda: forecast(plan, cal, year + 1, today))
    moved = (
        sum(sum(abs(a - b) for a, b in zip(f.visits[p], f.proposed[p], strict=True)) for p in f.visits) // 2
    )
    print(f"  ({len(f.short())} short, {len(f.fixes)} fixes, {moved} visits moved, CP-SAT {f.solver_status})")


if __name__ == "__main__":
    import sys

    run(small="--small" in sys.argv)
