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
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.conflicts.held import held_occurrences
    from scheduler.demo.hospital import build_demo
    from scheduler.office.recording import default_record
    from scheduler.plan.model import Plan

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
    _field(scale)
    kills = 10 if small else 60
    t0 = time.perf_counter()
    tally = kill_loop(kills, scale, quiet=True)
    print(
        f"kill loop: {tally['survived']} of {tally['tried']} kills survived ({tally['killed_mid_import']} in the middle of "
        f"an import of {tally['import_seconds_ms']} ms); records lost {tally['lost']}, unsound {tally['unsound']}, "
        f"half-done {tally['mixed']}; {tally['records_committed']} records committed; {time.perf_counter() - t0:.1f} s   "
        f"aim: lost 0"
    )


def _field(scale: str) -> None:
    """A month's field package: export, open on the laptop, record every occurrence the way the
    form does (save, write the package back), import in the office."""
    from db.field import export_package, import_package, open_package, write_back
    from db.operations import apply, import_plan
    from db.planio import load_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.conflicts.held import held_occurrences
    from scheduler.demo.hospital import build_demo
    from scheduler.office.recording import default_record

    with tempfile.TemporaryDirectory() as tmp:
        office = Store(Path(tmp) / "office.sqlite3")
        import_plan(office, build_demo(demo_recipe(), scale, 1, 2026))
        t0 = time.perf_counter()
        text = export_package(office, datetime(2026, 10, 1).date(), datetime(2026, 10, 31).date())
        exported = time.perf_counter() - t0
        pkg = Path(tmp) / "oct.outreach-field"
        pkg.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        work = open_package(pkg, Path(tmp))
        opened = time.perf_counter() - t0
        with Store(work) as laptop:
            plan = load_plan(laptop)
            cal = WorkCalendar(official_calendar(), plan.calendar.values())
            booked = held_occurrences(plan, cal, datetime(2026, 10, 1), datetime(2026, 11, 1))
            t0 = time.perf_counter()
            for b in booked:
                apply(laptop, saves={"records": [default_record(b, datetime(2026, 10, 31, 20, 0), "bench")]})
                write_back(laptop)
            recorded = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = import_package(office, pkg.read_bytes())
        imported = time.perf_counter() - t0
        office.close()
    print(
        f"field package, October: export {exported:.2f} s ({len(text) // 1024} KB), open on the laptop {opened:.2f} s, "
        f"record {len(booked)} occurrences {recorded:.1f} s ({len(booked) / recorded:.1f}/s, package written each time), "
        f"import {imported:.2f} s ({result.taken} taken, {result.conflicts} conflicts)"
    )
