"""Statistics ▸ Capacity forecast as a user meets it: under Statistics, the pool short first, its
chart (needed against can give, the short month marked), a bar's pairings and activities, the gaps
with their fixes, the workbook; the forecast follows an edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.helpers import sample
from tests.ui.windows import main_window


def _doc() -> dict:
    doc = sample()
    doc["departments"].append({"id": "ecgroom", "name": "心电图室", "min_on_duty": 0})
    doc["staff"] += [
        {
            "id": f"e{i}",
            "name": f"技师{i}",
            "department": "ecgroom",
            "qualifications": ["ecg"],
            "max_hours_month": 2,
        }
        for i in (1, 2)
    ]
    doc["activities"].append(
        {
            "id": "ecg",
            "title": "心电图筛查",
            "start": "2027-03-06T09:00",
            "end": "2027-03-06T11:00",
            "rrule": "FREQ=WEEKLY;COUNT=4",
            "stations": [{"id": "s", "name": "筛查", "needs": [{"qualification": "ecg"}]}],
        }
    )
    return doc


def test_forecast_page(qtbot, db_path, tmp_path) -> None:
    w = main_window(qtbot, db_path, _doc())
    labels = [w.nav.item(i).text().strip() for i in range(w.nav.count())]
    assert labels.index("人力预测") == labels.index("周复盘") + 1
    w.show_section("forecast")
    page = w.current_page()
    page.today = date(2026, 12, 1)
    page.year.setValue(2028)
    page.year.setValue(2027)  # worked out off the GUI thread: the last year asked for is shown
    qtbot.waitUntil(lambda: page.task is None and page.result is not None and page.result.year == 2027)
    assert page.pool.currentText().startswith("心电图（全院）") and "⚠" in page.pool.currentText()
    needed, available = page.chart.series()[0].barSets()
    assert needed.at(2) == 8.0 and available.at(2) == 4.0 and needed.at(3) == 0.0
    assert "1 个不足" in page.summary.text()
    # The red bars explained (the legend has only needed and can give), the axis in hours; the
    # title is the pool's name, without the list's ⚠.
    assert page.chart.title() == "心电图（全院） · 2027（红色：不足的月份）"
    assert [a.titleText() for a in page.chart.axes(Qt.Orientation.Vertical)] == ["时长（小时）"]
    dialog = page.open_month(2)
    assert dialog.list.count() == 1 and "心电图筛查" in dialog.list.item(0).text()
    dialog.close()
    assert page.fixes.rowCount() == 1 and "2 人" in page.fixes.item(0, 3).text()
    out = page.export_xlsx(str(tmp_path / "f.xlsx"))
    assert out is not None and "缺口与对策" in load_workbook(out).sheetnames
    # A third technician joins: March is no longer short.
    third = replace(w.catalog.staff["e1"], id="e3", name="技师3", max_hours_month=4.0)
    w.session.save("staff", third, None, "staff")
    qtbot.waitUntil(lambda: "0 个不足" in page.summary.text())
    assert page.fixes.item(0, 0).text() == "本年没有资质池不足。"
    assert page.chart.title() == "心电图（全院） · 2027"
    w.session.close()
