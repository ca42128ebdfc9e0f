"""The forecast page's first visit is light: the page is drawn before the forecast is worked
out (the job's Python shares the GIL with the drawing), the chart and its library come with the
first figures, the workbook's libraries with the first export; a page left before its figures
stops its job and works them out when shown again."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from tests.ui.office.test_forecast_page import _doc
from tests.ui.windows import main_window

ROOT = Path(__file__).resolve().parents[3]


def test_the_page_module_loads_no_chart_or_workbook_library() -> None:
    code = (
        "import sys; import ui.office.forecast_page; "
        "print(sorted(m for m in ('openpyxl', 'reportlab', 'PySide6.QtCharts') if m in sys.modules))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_drawn_first_then_worked_out_then_the_chart(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path, _doc())
    w.show_section("forecast")
    page = w.current_page()
    assert page.task is None and page.chart is None  # nothing started while the page is made
    assert page.chart_place.isVisibleTo(page)  # "working out…" where the chart will be
    qtbot.waitUntil(lambda: page.drawn)  # drawn first
    qtbot.waitUntil(lambda: page.result is not None and page.task is None, timeout=20_000)
    assert page.chart is not None and page.chart_view.isVisibleTo(page)
    assert page.chart.series() and page.pool.count() > 0
    w.session.close()


def test_a_page_left_before_its_figures_works_them_out_when_shown_again(qtbot, db_path, monkeypatch) -> None:
    import ui.office.forecast_page as forecast_page

    # The job waits at its start until the page is left, so the small plan's forecast cannot be
    # done before the test leaves (on an idle machine it took less than one wait's poll).
    gate = threading.Event()
    real = forecast_page.forecast

    def held(*args, **kwargs):
        gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(forecast_page, "forecast", held)
    w = main_window(qtbot, db_path, _doc())
    w.show_section("forecast")
    page = w.current_page()
    qtbot.waitUntil(lambda: page.task is not None)  # the job started once drawn
    w.show_section("staff")  # left before the figures
    assert page.leaving.is_set() and page.result is None  # told to stop
    gate.set()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    w.show_section("forecast")
    qtbot.waitUntil(lambda: page.result is not None and page.task is None, timeout=20_000)
    assert page.chart is not None and page.chart.series()
    w.session.close()
