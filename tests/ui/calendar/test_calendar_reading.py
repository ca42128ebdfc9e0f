"""The calendar as a new user reads it (#15): a recorded occurrence shows as done (called off and
moved ones too), month cells show as many chips as fit with whole titles where there is room,
overlapping occurrences stand side by side at a readable width, the week's title reads as
dates are written, and who is assigned shows without scrolling."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.helpers import sample
from tests.ui.windows import activity_doc as _activity
from tests.ui.windows import main_window

pytestmark = pytest.mark.gui


def _tooltip(widget, pos: QPoint) -> str:
    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    return QToolTip.text()


# -- the calendar


def test_a_recorded_occurrence_is_shown_as_done(qtbot, db_path, monkeypatch) -> None:
    from ui.calendar import actions as calendar_edits

    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    key = ("a1", date(2026, 12, 17))
    page.show_details(next(s for s in page.shown if s.key == key))
    assert "已完成" not in page.details.toPlainText() and "计划中" in page.details.toPlainText()

    def fill(self) -> int:
        self.status.setCurrentIndex(self.status.findData("done"))
        self.served.setValue(64)
        self.accept()
        return self.result()

    monkeypatch.setattr(calendar_edits.RecordDialog, "exec", fill)
    page.record_button.click()

    # The details say so at the top, the status with them; the plan's "planned" is gone.
    text = page.details.toPlainText()
    assert "✓ 已完成 · 服务 64 人次" in text and "计划中" not in text
    assert text.index("已完成") < text.index("健康咨询区")  # before the stations and people
    # The chip: a tick drawn in green, and hovering says it was done.
    rect = next(r for r, s in page.month.item_rects() if s.key == key)
    image = page.month.grab().toImage()
    greens = [
        (x, y)
        for x in range(rect.left(), rect.left() + 30)
        for y in range(rect.top(), rect.bottom())
        if (c := QColor(image.pixel(x, y))).green() > 90 and c.red() < 110 and c.blue() < 110
    ]
    assert greens, "no tick on the chip"
    assert "已完成 · 服务 64 人次" in _tooltip(page.month, rect.center())
    # The agenda lists it as done.
    page.set_view(page.AGENDA)
    item = next(
        page.agenda.topLevelItem(i)
        for i in range(page.agenda.topLevelItemCount())
        if page.agenda.topLevelItem(i).data(0, 0x0100).key == key
    )
    assert item.text(2) == "✓ 中医夜市" and item.text(3) == "已完成 · 服务 64 人次"
    # Undone: planned again, everywhere.
    w.undo_action.trigger()
    page.set_view(page.MONTH)
    assert "已完成" not in page.details.toPlainText()
    rect = next(r for r, s in page.month.item_rects() if s.key == key)
    assert "已完成" not in _tooltip(page.month, rect.center())
    w.session.close()


def test_called_off_and_moved_occurrences_say_so(qtbot, db_path) -> None:
    doc = sample()
    doc["records"].append(
        {"activity": "a1", "occurrence": "2026-12-24", "status": "cancelled", "reason": "暴雨预警"}
    )
    w = main_window(qtbot, db_path, doc)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    called_off = next(s for s in page.shown if s.key == ("a1", date(2026, 12, 24)))
    page.show_details(called_off)
    assert "✕ 已停办：暴雨预警" in page.details.toPlainText()
    moved = next(s for s in page.shown if s.key == ("a1", date(2026, 12, 10)))
    page.show_details(moved)
    assert "↪ 由 2026-12-10 改期" in page.details.toPlainText()
    rect = next(r for r, s in page.month.item_rects() if s.key == moved.key)
    assert "由 2026-12-10 改期" in _tooltip(page.month, rect.center())
    # The 3 December one was recorded done (in the sample): 180 people served.
    page.show_details(next(s for s in page.shown if s.key == ("a1", date(2026, 12, 3))))
    assert "已完成 · 服务 180 人次" in page.details.toPlainText()
    w.session.close()


def test_month_cells_show_as_many_chips_as_fit_and_whole_titles_where_there_is_room(qtbot, db_path) -> None:
    doc = sample()
    long_title = "友谊社区老年人慢性病随访与健康教育讲座"
    doc["activities"] += [_activity(f"x{i}", f"义诊{i}", f"2026-12-15T{8 + i:02d}:00") for i in range(5)]
    doc["activities"].append(_activity("long", long_title, "2026-12-16T09:00"))
    w = main_window(qtbot, db_path, doc)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    month = page.month
    lh = month._line_height()
    # Cells with room for exactly two chips under the day's number.
    month.setMinimumSize(100, 100)
    month.resize(7 * 180, month.HEADER + 6 * (3 * lh + 4))
    first = month.first_day()
    chips = [s.key for _r, s in month.item_rects() if s.key[1] == date(2026, 12, 15)]
    assert len(chips) == 2
    assert month.hidden_counts()[(date(2026, 12, 15) - first).days] == 3
    more = next(r for r, d, _n in month.crowd_rects() if d == date(2026, 12, 15))
    told: list = []
    page.month.crowd_opened.connect(told.append)
    QApplication.sendEvent(
        month,
        QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(more.center()),
            QPointF(month.mapToGlobal(more.center())),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert told == [date(2026, 12, 15)]  # "+3 more" lists the day
    # A day with one long title and room: the title over several lines, whole.
    from ui.calendar.shown import text_lines

    rect, s = next((r, s) for r, s in month.item_rects() if s.key == ("long", date(2026, 12, 16)))
    width = rect.adjusted(6, 1, -2, -1).width()
    rows = rect.adjusted(6, 1, -2, -1).height() // month.fontMetrics().lineSpacing()
    lines = text_lines("\u2003" + month.chip_text(s), month.font(), width, rows)
    assert len(lines) >= 2 and "…" not in "".join(lines) and "".join(lines).endswith(long_title[-4:])
    assert long_title in _tooltip(month, rect.center())
    w.session.close()


def test_week_view_lays_overlaps_side_by_side_at_a_readable_width(qtbot, db_path) -> None:
    doc = sample()
    doc["activities"] += [_activity(f"x{i}", f"社区义诊第{i}组", "2026-12-15T14:00") for i in range(2)]
    doc["activities"] += [_activity(f"y{i}", f"体质辨识第{i}组", "2026-12-16T09:00") for i in range(12)]
    w = main_window(qtbot, db_path, doc)
    page = w.current_page()
    page.set_view(page.WEEK)
    page.go_to(date(2026, 12, 15))
    week = page.week
    week.set_compact(False)  # the time grid (a crowded week would choose the compact one)
    assert page.period.text() == "2026年12月14日–20日"
    assert week.max_lanes() >= 2  # a day of this window holds two side by side
    on_15 = [r for r, s in week.item_rects() if s.key[1] == date(2026, 12, 15)]
    assert len(on_15) == 2 and all(r.width() >= week.min_lane_width() - 2 for r in on_15)
    assert on_15[0].right() < on_15[1].left()  # side by side, not on top of each other
    assert not [d for _r, d, _n in week.crowd_rects() if d == date(2026, 12, 15)]
    # Twelve at once do not fit: as many as do, each still readable, the rest in "+N".
    on_16 = [r for r, s in week.item_rects() if s.key[1] == date(2026, 12, 16)]
    crowd = next((r, n) for r, d, n in week.crowd_rects() if d == date(2026, 12, 16))
    assert 1 <= len(on_16) < 12 and len(on_16) + crowd[1] == 12
    assert all(r.width() >= week.min_lane_width() - 2 for r in on_16)
    # The title reads as dates are written, across a month and a year too.
    page.go_to(date(2026, 12, 1))
    assert page.period.text() == "2026年11月30日 – 12月6日"
    page.go_to(date(2026, 12, 30))
    assert page.period.text() == "2026年12月28日 – 2027年1月3日"
    w.session.close()


def test_the_side_panel_shows_who_is_assigned_without_scrolling(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    w.resize(1300, 850)
    qtbot.wait(50)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    page.show_details(next(s for s in page.shown if s.key == ("a1", date(2026, 12, 3))))
    qtbot.wait(50)
    document = page.details.document()
    assert page.details.viewport().height() >= 300
    assert document.size().height() <= page.details.viewport().height()  # no scrolling
    assert "金伟" in page.details.toPlainText() and "王强" in page.details.toPlainText()
    w.session.close()


def test_auto_assign_offers_the_command_lines_window(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.assign import autoassign

    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2027, 3, 15))  # looking at another month changes nothing
    offered: list = []

    def look(self) -> int:
        offered.append((self.first.date().toPython(), self.last.date().toPython()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(autoassign.WindowDialog, "exec", look)
    page.auto_button.click()
    today = date.today()
    assert offered == [(today, today + timedelta(days=27))]  # as `main.py assign`: from today, 28 days
    w.session.close()
