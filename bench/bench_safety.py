"""Staying safe: kills survived during imports and recording, records lost (must be 0), and
recording throughput through the same path the form uses."""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path


def run(small: bool = False) -> None:
    from bench.killloop import run as kill_loop
    from db.operations import import_plan
    from db.planio import load_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.conflicts import held_occurrences
    from scheduler.demo import build_demo
    from scheduler.model import Plan
    from scheduler.recording import default_record
    from scheduler.workdays import WorkCalendar, official_calendar

    scale = "small" if small else "hospital"
    print(f"== safety benchmark (demo scale: {scale}) ==")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "rec.sqlite3"
        with Store(db) as store:
            import_plan(store, build_demo(demo_recipe(), scale, 1, 2026))
            plan = load_plan(store)
            cal = WorkCalendar(official_calendar(), plan.calendar.values())
            booked = [b for b in held_occurrences(plan, cal, None, None) if b.people][:300]
            t0 = time.perf_counter()
            for b in booked:
                rec = default_record(b, datetime(2026, 12, 1, 9, 0), "bench")
                import_plan(store, Plan(records={rec.key: rec}))
            took = time.perf_counter() - t0
        print(
            f"recording, one record a transaction (fsync'd)  {len(booked) / took:7.1f} records/s ({len(booked)} records)"
        )
    kills = 10 if small else 60
    t0 = time.perf_counter()
    tally = kill_loop(kills, scale, quiet=True)
    print(
        f"kill loop: {tally['survived']} of {tally['tried']} kills survived ({tally['killed_mid_import']} in the middle of "
        f"an import of {tally['import_seconds_ms']} ms); records lost {tally['lost']}, unsound {tally['unsound']}, "
        f"half-done {tally['mixed']}; {tally['records_committed']} records committed; {time.perf_counter() - t0:.1f} s   "
        f"aim: lost 0"
    )
