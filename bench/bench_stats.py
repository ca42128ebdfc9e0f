"""Statistics figures: a year of the demo hospital with a year of records made up, the figures
computed and written as an Excel workbook."""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path


def run(small: bool = False) -> None:
    from reports.document import translator
    from reports.stats_xlsx import write_workbook
    from resources import demo_recipe
    from scheduler.assign import StaffingWindow, greedy
    from scheduler.conflicts import held_occurrences
    from scheduler.demo import build_demo
    from scheduler.recording import default_record
    from scheduler.stats import compute
    from scheduler.workdays import WorkCalendar, official_calendar

    scale = "small" if small else "hospital"
    year = 2026
    print(f"== statistics benchmark (demo scale: {scale}, year {year}) ==")
    plan = build_demo(demo_recipe(), scale, 1, year)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    staffed = greedy(StaffingWindow(plan, cal, date(year, 1, 1), date(year, 12, 31)))
    plan.assignments.update({a.key: a for a in staffed.assignments})
    rng = random.Random(1)
    for b in held_occurrences(plan, cal, datetime(year, 1, 1), datetime(year + 1, 1, 1)):
        rec = default_record(b, b.occ.end, "bench")
        plan.records[rec.key] = replace(
            rec, served=rng.randint(20, 250), services=(("blood_pressure", rng.randint(5, 80)),)
        )
    t0 = time.perf_counter()
    st = compute(plan, cal, date(year, 1, 1), date(year, 12, 31))
    took = time.perf_counter() - t0
    print(
        f"statistics of the year      {took:7.3f} s  ({st.totals.occurrences} occurrences held, {st.totals.served} served, "
        f"{st.totals.hours:g} h, {len(st.people)} people)   aim < 1 s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stats.xlsx"
        t0 = time.perf_counter()
        write_workbook(out, st, plan, translator("zh_CN"))
        took = time.perf_counter() - t0
        print(f"Excel workbook              {took:7.3f} s  ({out.stat().st_size // 1024} KB)   aim < 1 s")
