"""The holidays screen shows the official calendar it uses (#20): read-only, a year at a time,
with where it comes from and which years it knows, beside the office's own editable days; the
calendar's banner about a missing year says why and where to enter it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView

from scheduler.calendar.workdays import official_calendar
from scheduler.plan.model import CalendarEntry
from tests.ui.windows import main_window
from ui.i18n import install_language

pytestmark = pytest.mark.gui


def _rows(panel) -> list[list[str]]:
    t = panel.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_the_official_calendar_is_shown_beside_the_offices_own_days(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    w.show_section("calendar")
    page = w.current_page()
    panel = page.official
    years = official_calendar().years
    lo, hi = min(years), max(years)
    assert panel.isVisible() and page.view.isVisible()  # side by side
    assert "国务院办公厅" in panel.source.text() and f"{lo}–{hi}" in panel.source.text()
    assert panel.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert [panel.year.itemData(i) for i in range(panel.year.count())] == sorted(years, reverse=True)
    panel.year.setCurrentIndex(panel.year.findData(2026))
    rows = _rows(panel)
    assert ["2026-10-01", "周四", "法定节假日", "国庆节"] in rows
    assert ["2026-10-07", "周三", "法定节假日", "国庆节"] in rows
    assert any(r[0] == "2026-09-20" and r[2] == "调休上班日" for r in rows)  # a Sunday worked
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    # The office enters a day of its own: the official row of that day is greyed, it applies.
    before = page.model.rowCount()
    w.session.save("calendar", CalendarEntry(date(2026, 10, 10), "holiday", "本院调整"), None, "add")
    row = next(i for i, r in enumerate(_rows(panel)) if r[0] == "2026-10-10")
    assert panel.table.item(row, 0).foreground().color() == QColor("#9e9e9e")
    assert page.model.rowCount() == before + 1
    # The next year, not yet in it, is said so, with what to do.
    if date.today().year + 1 not in years:
        assert str(date.today().year + 1) in panel.next_year.text() and panel.next_year.isVisible()
    w.session.close()


def test_the_banner_about_a_missing_year_says_why_and_where(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()
    years = official_calendar().years
    missing = next(y for y in range(max(years) + 1, 2100) if not w.catalog.work_calendar.knows(y))
    page.go_to(date(missing, 3, 1))
    text = page.banner.text()
    assert page.banner.isVisible()
    assert f"{min(years)}–{max(years)}" in text and str(missing) in text
    assert "国务院办公厅" in text or "国务院" in text
    assert "节假日与调休" in text
    page.go_to(date(max(years), 3, 1))
    assert not page.banner.isVisible()
    w.session.close()


def test_the_official_names_in_english(qtbot, db_path) -> None:
    install_language("en")
    w = main_window(qtbot, db_path)
    w.show_section("calendar")
    panel = w.current_page().official
    panel.year.setCurrentIndex(panel.year.findData(2026))
    rows = _rows(panel)
    assert ["2026-10-01", "Thu", "Statutory holiday", "National Day"] in rows
    assert not any("国庆" in c for r in rows for c in r)
    w.session.close()


def test_a_make_up_day_in_the_month_says_so_even_beside_a_full_days_count(qtbot, db_path) -> None:
    """The month's label of 2026-10-10 (the National Day make-up workday) beside '+14 more' was
    cut to 'Workd…' ('班 · 国庆…'): where the name does not fit, 'Workday' ('班') does."""
    from PySide6.QtGui import QFontMetrics

    from ui.calendar.month import MonthView

    w = main_window(qtbot, db_path)
    cal = w.catalog.work_calendar
    info = cal.info(date(2026, 10, 10))
    metrics = QFontMetrics(w.font())
    for lang, full, short in (
        ("zh_CN", "国庆节调休", "班"),
        ("en", "National Day (make-up workday)", "Workday"),
    ):
        install_language(lang)
        assert MonthView.day_label(info, metrics, 1000) == full
        narrow = metrics.horizontalAdvance(full) - 1
        assert MonthView.day_label(info, metrics, narrow) == short
        assert MonthView.day_label(info, metrics, metrics.horizontalAdvance(short) + 2) == short
    install_language("zh_CN")
    # The office's own make-up day keeps 'Workday' before its name.
    own = CalendarEntry(date(2026, 11, 7), "makeup", "院庆补班")
    w.session.save("calendar", own, None, "add")
    mine = w.catalog.work_calendar.info(date(2026, 11, 7))
    assert MonthView.day_label(mine, metrics, 1000) == "班 · 院庆补班"
    assert MonthView.day_label(mine, metrics, metrics.horizontalAdvance("班") + 2) == "班"
    w.session.close()
