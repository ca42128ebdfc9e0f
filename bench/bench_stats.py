"""Statistics figures: a year of the demo hospital with a year of records made up, the figures
computed and written as an Excel workbook; `stats` on a hospital group of 1, 2 and 5 copies of the
demo hospital with the growth factor; and the first visit to the Statistics and time bank pages
(the real widgets on the demo hospital)."""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def run(small: bool = False) -> None:
    from reports.document import translator
    from reports.stats_xlsx import write_workbook
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.conflicts.held import held_occurrences
    from scheduler.demo.hospital import build_demo
    from scheduler.office.recording import default_record
    from scheduler.office.stats import compute
    from scheduler.solver.greedy import greedy
    from scheduler.solver.window import StaffingWindow

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
    scaling(small)
    pages(small)


def scaling(small: bool = False) -> None:
    """`stats` of the year on a hospital group (×1 and ×2 of the small demo in the small mode)."""
    from bench.bench_conflicts import _timed, demo_group, growth, python_calls
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.office.stats import compute, to_json

    year, today = 2026, date(2026, 12, 6)
    sizes = (1, 2) if small else (1, 2, 5)
    print(f"== statistics by plan size (demo scale: {'small' if small else 'hospital'} × {sizes}) ==")
    figures: dict[int, float] = {}
    cpus: dict[int, float] = {}
    calls: dict[int, float] = {}
    for n in sizes:
        plan = demo_group(small, n, year, today)
        cal = WorkCalendar(official_calendar(), plan.calendar.values())
        wall, cpu, st = _timed(
            lambda plan=plan, cal=cal: to_json(
                compute(plan, cal, date(year, 1, 1), date(year, 12, 31), today), plan
            )
        )
        figures[n], cpus[n] = wall, cpu
        calls[n] = python_calls(
            lambda plan=plan, cal=cal: compute(plan, cal, date(year, 1, 1), date(year, 12, 31), today)
        )
        print(
            f"  ×{n}: {len(plan.staff)} staff, {len(plan.records)} records; stats of the year {wall:.3f} s "
            f"({cpu:.3f} s CPU; {st['totals']['occurrences']} held)"
        )
    growth("stats of the year", figures)
    growth("stats of the year, CPU", cpus)
    growth("stats of the year, Python calls", calls, "k")


# The child opens the demo in the real main window and times the first visit to each page, until
# the event queue is empty (the page built, filled and painted).
_PAGES = r"""
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from ui.window.app import make_app
from ui.window.mainwindow import MainWindow
from ui.session import Session

app = make_app()
session = Session({db!r})
window = MainWindow(session)
window.resize(1600, 1000)
window.show()
for _ in range(5):
    app.processEvents()
window.watch.first_check()
getattr(window.watch, "wait", lambda: None)()  # the first check beside the window: done before timing
for _ in range(5):
    app.processEvents()
for page in {pages!r}:
    before = set(sys.modules)
    t0, c0 = time.perf_counter(), time.process_time()
    window.show_section(page)
    for _ in range(3):
        app.processEvents()
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    heavy = ",".join(m for m in ("openpyxl", "numpy", "reportlab") if m in sys.modules and m not in before) or "-"
    print("PAGE", page, took, cpu, heavy, flush=True)
window.close()
session.close()
"""


def pages(small: bool = False, db: Path | None = None) -> dict[str, tuple[float, float, str]]:
    """First visit to the Statistics and time bank pages, in a fresh process each (imports
    count): wall and CPU seconds (the machine may be shared: CPU time is what the page costs)
    and the heavy libraries the visit imported."""
    import os
    import subprocess
    import sys

    from db.operations import import_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo

    root = Path(__file__).resolve().parent.parent
    scale = "small" if small else "hospital"
    print(f"== first visit to a page (demo scale: {scale}, 1600×1000) ==")
    out: dict[str, tuple[float, float, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            db = Path(tmp) / "demo.sqlite3"
            with Store(db) as store:
                import_plan(store, build_demo(demo_recipe(), scale, 1, 2026, date(2026, 12, 6)))
        # Compiled modules kept (in the temp folder) as an installed app has them; one visit
        # first to compile them, not counted.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_SETTINGS_DIR": tmp}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        warm = _PAGES.format(root=str(root), db=str(db), pages=["stats", "time_bank"])
        subprocess.run([sys.executable, "-c", warm], capture_output=True, text=True, env=env, timeout=300)
        for page in ("stats", "time_bank"):
            runs = []
            for _ in range(1 if small else 5):
                code = _PAGES.format(root=str(root), db=str(db), pages=[page])
                done = subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
                )
                line = next((x for x in done.stdout.splitlines() if x.startswith("PAGE")), None)
                if line is None:
                    raise RuntimeError(f"page benchmark failed ({done.returncode}): {done.stderr[-800:]}")
                _, _name, took, cpu, heavy = line.split()
                runs.append((float(took), float(cpu), heavy))
            took, cpu, heavy = sorted(runs)[len(runs) // 2]
            out[page] = (took, cpu, heavy)
            print(
                f"first visit to {page:<10} {took * 1000:7.1f} ms median of {len(runs)} ({cpu * 1000:.1f} ms CPU)  "
                f"(heavy libraries it imported: {heavy})   aim < 100 ms"
            )
    return out


if __name__ == "__main__":
    if "--pages" in sys.argv:
        pages(small="--small" in sys.argv)
    elif "--scaling" in sys.argv:
        scaling(small="--small" in sys.argv)
    else:
        run(small="--small" in sys.argv)
