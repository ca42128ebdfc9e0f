"""Foundation figures: demo generation, plan import/export, the staff table, start-up time."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run(small: bool = False) -> None:
    from db.operations import import_document, import_plan
    from db.planio import load_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document

    scale = "small" if small else "hospital"
    year = date.today().year
    print(f"== foundation benchmark (demo scale: {scale}, year {year}) ==")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        t_build, plan = _timed(lambda: build_demo(demo_recipe(), scale, 1, year))
        counts = plan.counts()
        print(
            f"demo plan built           {t_build:7.3f} s  ({counts['staff']} staff, {counts['departments']} departments, "
            f"{counts['branches']} branches, {counts['partners']} partners, {counts['activities']} activities)"
        )
        with Store(tmpdir / "demo.sqlite3") as store:
            t_write, _ = _timed(lambda: import_plan(store, plan))
            print(
                f"demo written to SQLite    {t_write:7.3f} s  (total demo generation {t_build + t_write:.3f} s)"
            )
            t_load, cpu_load = _load_plan_times(store)
            print(f"load_plan (whole plan)    {t_load:7.3f} s  ({cpu_load * 1000:.0f} ms CPU, best of 5)")
            t_export, text = _timed(lambda: dump_document(plan_to_document(load_plan(store))))
            (tmpdir / "plan.json").write_text(text, encoding="utf-8")
        print(f"export plan file          {t_export:7.3f} s  ({len(text.encode()) / 1e6:.1f} MB)   aim < 3 s")
        data = (tmpdir / "plan.json").read_bytes()
        with Store(tmpdir / "fresh.sqlite3") as fresh:
            t_import, _ = _timed(lambda: import_document(fresh, data))
        print(f"import into a new db      {t_import:7.3f} s   aim < 5 s")
        with Store(tmpdir / "fresh.sqlite3") as fresh:
            t_again, _ = _timed(lambda: import_document(fresh, data))
        print(f"import again (updates)    {t_again:7.3f} s")

        t_table, rows = _staff_table(tmpdir / "demo.sqlite3")
        print(f"staff table shown         {t_table:7.3f} s  ({rows} rows)   aim < 0.5 s")
        t_start = _startup(tmpdir / "demo.sqlite3")
        print(f"start-up to first window  {t_start:7.3f} s   aim < 2 s")


def _load_plan_times(store) -> tuple[float, float]:
    """The best of five loads of the whole plan: wall time and CPU time (the machine may be shared)."""
    from db.planio import load_plan

    best = (float("inf"), float("inf"))
    for _ in range(5):
        wall, cpu = time.perf_counter(), time.process_time()
        load_plan(store)
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def _staff_table(db: Path) -> tuple[float, int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from db.planio import load_staff
    from ui.masterdata.catalog import Catalog
    from ui.masterdata.entities import STAFF
    from ui.masterdata.table import EntityPage
    from ui.session import Session
    from ui.window.app import make_app

    app = make_app()
    session = Session(db)
    start = time.perf_counter()
    catalog = Catalog()
    from db.planio import LOADERS

    for section in ("departments", "branches"):
        setattr(catalog, section, LOADERS[section](session.store))
    catalog.staff = load_staff(session.store)
    page = EntityPage(STAFF, session, catalog)
    page.resize(1200, 800)
    page.show()
    QApplication.processEvents()
    took = time.perf_counter() - start
    rows = page.proxy.rowCount()
    page.close()
    session.close()
    app.processEvents()
    return took, rows


_STARTUP = r"""
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from ui.window.app import make_app, Controller
app = make_app()
c = Controller()
c.open({db!r}, first_start=False)
def shown():
    print("SHOWN", time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def _startup(db: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = _STARTUP.format(root=str(ROOT), db=str(db))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("SHOWN"):
            return float(line.split()[1]) - start
    raise RuntimeError(f"start-up benchmark failed: {out.stderr[-500:]}")
