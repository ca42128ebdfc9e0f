"""Calendar figures: expanding the demo year's occurrences, and the busiest month on screen."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path


def run(small: bool = False) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from db.operations import import_plan
    from resources import demo_recipe
    from scheduler.calendar.planning import occurrences_between
    from scheduler.calendar.recurrence import _parse_rule
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.demo.hospital import build_demo

    scale = "small" if small else "hospital"
    year = date.today().year
    print(f"== calendar benchmark (demo scale: {scale}, year {year}) ==")
    plan = build_demo(demo_recipe(), scale, 1, year)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    _parse_rule.cache_clear()
    t0 = time.perf_counter()
    occ = occurrences_between(plan.activities.values(), start, end, cal)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    occurrences_between(plan.activities.values(), start, end, cal)
    warm = time.perf_counter() - t0
    print(
        f"expand the year           {cold:7.3f} s  ({len(occ)} occurrences of {len(plan.activities)} activities; "
        f"again {warm:.3f} s)   aim < 0.2 s"
    )
    months = Counter((o.start.year, o.start.month) for o in occ)
    (by, bm), n = months.most_common(1)[0]

    from PySide6.QtWidgets import QApplication

    from db.paths import SETTINGS_ENV
    from ui.session import Session
    from ui.window.app import make_app
    from ui.window.mainwindow import MainWindow

    # Never the user's own settings (kept for the benchmarks after this one in the process).
    os.environ.setdefault(SETTINGS_ENV, tempfile.mkdtemp(prefix="outreach-bench-settings-"))
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app()
        db = Path(tmp) / "demo.sqlite3"
        session = Session(db)
        import_plan(session.store, plan)
        window = MainWindow(session)
        window.resize(1400, 860)
        window.show()
        window.show_section("calendar_view")
        page = window.current_page()
        QApplication.processEvents()
        t0 = time.perf_counter()
        page.go_to(date(by, bm, 1))
        page.month.repaint()
        QApplication.processEvents()
        took = time.perf_counter() - t0
        print(f"month view, busiest month {took:7.3f} s  ({by}-{bm:02d}: {n} occurrences)   aim < 0.3 s")
        page.set_view(page.WEEK)
        t0 = time.perf_counter()
        page.go_to(date(by, bm, 15))
        page.week.repaint()
        QApplication.processEvents()
        print(f"week view                 {time.perf_counter() - t0:7.3f} s")
        window.close()
        session.close()
    app.processEvents()
