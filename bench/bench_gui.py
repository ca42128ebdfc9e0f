"""GUI figures on the demo hospital: start-up to the first window shown (and how much of it is
imports), one staff edit through the session until every view is current, undone and redone,
the first visit of every page, and the calendar's redraws on its busiest month and week (wall
time and the process's CPU time: the machine may be shared). The user's settings are never
touched: the settings folder is a temp folder."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child starts the app the way main.py does and reports three moments: imports done, the
# window painted for the first time, and the first conflict check shown in the panel.
_STARTUP = r"""
import sys, time
t0 = time.time()
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject, QTimer
from ui.window.app import Controller, make_app
t_imports = time.time()
app = make_app()
c = Controller()

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.time()
        return False

painted = Painted()
app.installEventFilter(painted)
c.open({db!r}, first_start=False)

def ready():
    checks = getattr(c.window, "watch", c.window)  # the conflict watch (the window itself before it)
    if getattr(checks, "checker", None) is None or not hasattr(painted, "at"):
        QTimer.singleShot(10, ready)
        return
    heavy = ",".join(m for m in ("ortools", "reportlab", "openpyxl") if m in sys.modules) or "-"
    print("TIMES", t0, t_imports, painted.at, time.time(), heavy, flush=True)
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
"""


def _startup(db: Path) -> tuple[float, float, float, float, str]:
    """(imports, first window painted, conflicts shown) in seconds from the process start,
    and the heavy libraries already imported by then."""
    from db.paths import SETTINGS_ENV

    # The child opens a database as the app does (it remembers it among the recent ones): in a
    # temp settings folder, whoever calls this (bench_conflicts does too), never the user's.
    settings = os.environ.get(SETTINGS_ENV) or tempfile.mkdtemp(prefix="outreach-bench-settings-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", SETTINGS_ENV: settings}
    code = _STARTUP.format(root=str(ROOT), db=str(db))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    for line in out.stdout.splitlines():
        if line.startswith("TIMES"):
            _, t0, t_imp, t_paint, t_ready, heavy = line.split()
            return (
                float(t0) - start,
                float(t_imp) - start,
                float(t_paint) - start,
                float(t_ready) - start,
                heavy,
            )
    raise RuntimeError(f"start-up benchmark failed: {out.stderr[-800:]}")


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def _edits(db: Path, rounds: int) -> dict[str, list[float]]:
    """Median-worthy timings of one staff edit, its undo and its redo, each until the event
    queue is empty (every view on screen redrawn, the conflicts re-checked and shown)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.session import Session
    from ui.window.app import make_app
    from ui.window.mainwindow import MainWindow

    app = make_app()
    session = Session(db)
    window = MainWindow(session)
    window.resize(1400, 860)
    window.show()
    window.show_section("calendar_view")
    _settle(app)
    window.show_section("staff")
    _settle(app)
    getattr(window, "watch", window).first_check()  # the conflict watch (the window itself before it)
    getattr(getattr(window, "watch", None), "wait", lambda: None)()  # the check runs beside the window
    _settle(app)
    person = sorted(window.catalog.staff)[0]
    times: dict[str, list[float]] = {}
    for opened in (False, True):
        if opened:  # the conflicts panel with every group opened: all its rows are shown
            panel = window.conflicts_panel
            for i in range(panel.tree.topLevelItemCount()):
                panel.tree.topLevelItem(i).setExpanded(True)
            _settle(app)
        for what in ("edit", "undo", "redo"):
            times[f"{what}{'+panel' if opened else ''}"] = []
        _edit_rounds(app, window, person, rounds, "+panel" if opened else "", times)
    window.close()
    session.close()
    _settle(app)
    return times


def _edit_rounds(app, window, person: str, rounds: int, tag: str, times: dict[str, list[float]]) -> None:
    session = window.session
    for n in range(rounds):
        old = window.catalog.staff[person]
        new = replace(old, phone=f"139{len(tag)}000{n:04d}")
        t0 = time.perf_counter()
        session.save("staff", new, old, "bench edit")
        _settle(app)
        times["edit" + tag].append(time.perf_counter() - t0)
        assert window.catalog.staff[person].phone == new.phone, "the edit did not reach the catalog"
        t0 = time.perf_counter()
        session.undo_stack.undo()
        _settle(app)
        times["undo" + tag].append(time.perf_counter() - t0)
        assert window.catalog.staff[person].phone == old.phone, "the undo did not reach the catalog"
        t0 = time.perf_counter()
        session.undo_stack.redo()
        _settle(app)
        times["redo" + tag].append(time.perf_counter() - t0)
        assert window.catalog.staff[person].phone == new.phone, "the redo did not reach the catalog"


def _timed(app, action) -> tuple[float, float]:
    """Wall and CPU seconds of `action` until the event queue is empty (painted)."""
    t0, c0 = time.perf_counter(), time.process_time()
    action()
    _settle(app)
    return time.perf_counter() - t0, time.process_time() - c0


def _screens(db: Path, rounds: int) -> list[tuple[str, list[tuple[float, float]]]]:
    """The first visit of every page (a fresh window each round), then on the calendar: the
    agenda redrawn with a row chosen, a crowded day's "+N more" list, the busiest week."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.window.app import make_app

    app = make_app()
    out: dict[str, list[tuple[float, float]]] = {}
    for _ in range(rounds):
        _screen_round(app, db, out)
    return list(out.items())


def _screen_round(app, db: Path, out: dict[str, list[tuple[float, float]]]) -> None:
    from collections import Counter

    from ui.session import Session
    from ui.window.mainwindow import MainWindow
    from ui.window.pages import PAGES

    session = Session(db)
    window = MainWindow(session)
    window.resize(1600, 1000)
    window.show()
    window.show_section("calendar_view")
    _settle(app)
    deadline = time.monotonic() + 120
    while window.watch.checker is None and time.monotonic() < deadline:  # the first check
        app.processEvents()
        time.sleep(0.005)
    _settle(app)
    for name in PAGES:
        if name != "calendar_view":
            out.setdefault(f"first visit: {name}", []).append(
                _timed(app, lambda name=name: window.show_section(name))
            )
    window.show_section("calendar_view")
    _settle(app)
    page = window.current_page()
    year = page.anchor.year
    per_day = Counter(s.occurrence.date for s in page._occurrences(date(year, 1, 1), date(year, 12, 31)))
    day = per_day.most_common(1)[0][0] if per_day else page.anchor
    page.set_view(page.AGENDA)
    page.go_to(day.replace(day=1))
    _settle(app)
    if page.agenda.topLevelItemCount():
        page.agenda.setCurrentItem(page.agenda.topLevelItem(min(5, page.agenda.topLevelItemCount() - 1)))
        _settle(app)
    out.setdefault("agenda redraw, a row chosen", []).append(_timed(app, page.refresh))
    page.set_view(page.MONTH)
    _settle(app)
    out.setdefault("busiest day's list (+N more)", []).append(_timed(app, lambda: page.show_day_list(day)))
    page.set_view(page.WEEK)
    page.go_to(day + timedelta(days=7))
    _settle(app)
    out.setdefault(f"busiest week shown ({day})", []).append(_timed(app, lambda: page.go_to(day)))
    window.close()
    session.close()
    _settle(app)


def run(small: bool = False) -> None:
    from db.operations import import_plan
    from db.paths import SETTINGS_ENV
    from db.store import Store
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo

    # Never the user's own settings (the start-up child inherits it too).
    os.environ.setdefault(SETTINGS_ENV, tempfile.mkdtemp(prefix="outreach-bench-settings-"))
    scale = "small" if small else "hospital"
    print(f"== GUI benchmark (demo scale: {scale}) ==")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        plan = build_demo(demo_recipe(), scale, 1, date.today().year)
        with Store(db) as store:
            import_plan(store, plan)
        runs = [_startup(db) for _ in range(1 if small else 3)]
        boot, imports, painted, ready, heavy = sorted(runs, key=lambda r: r[2])[len(runs) // 2]
        print(
            f"start-up to first window  {painted:7.3f} s  (interpreter {boot:.3f} s, imports {imports - boot:.3f} s; "
            f"conflicts shown at {ready:.3f} s; heavy libraries loaded: {heavy})   aim < 2 s"
        )
        times = _edits(db, 3 if small else 7)
        labels = {
            "edit": "one staff edit, views current",
            "undo": "undo it",
            "redo": "redo it",
            "edit+panel": "the same, conflict groups open",
            "undo+panel": "undo it",
            "redo+panel": "redo it",
        }
        for what, label in labels.items():
            ms = sorted(t * 1000 for t in times[what])
            print(
                f"{label:<30} {statistics.median(ms):7.1f} ms median, {ms[-1]:.1f} ms worst of {len(ms)}   aim < 100 ms"
            )
        for label, runs in _screens(db, 1 if small else 3):
            wall = sorted(w * 1000 for w, _c in runs)
            cpu = sorted(c * 1000 for _w, c in runs)
            print(
                f"{label:<38} {statistics.median(wall):7.1f} ms median (CPU {statistics.median(cpu):.1f} ms), "
                f"{wall[-1]:.1f} ms worst of {len(wall)}   aim < 100 ms"
            )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    run(small="--small" in sys.argv)
