"""The month grid: six weeks of days, each showing as many occurrences as its cell holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from scheduler.calendar.workdays import DayKind
from ui.calendar.grid import GridView
from ui.calendar.periods import WEEKDAY_NAMES
from ui.calendar.shown import HOLIDAY_BG, MAKEUP_BG, TODAY_PEN, WEEKEND_BG, Shown, needed_lines
from ui.i18n import tr, trf
from ui.labels import MAKEUP_SUFFIX, holiday_label


class MonthView(GridView):
    """Six weeks from the Monday on or before the 1st; holidays shaded and named. A day shows as
    many occurrences as its cell holds (a title over two or three lines when there is room);
    the rest are counted beside the day's number ("+3 more"), which lists them when clicked."""

    HEADER = 24
    MAX_LINES = 3  # per chip

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.month = date.today().replace(day=1)
        self.setObjectName("month_view")

    def set_month(self, first: date) -> None:
        self.month = first.replace(day=1)
        self.update()

    def first_day(self) -> date:
        return self.month - timedelta(days=self.month.weekday())

    def range(self) -> tuple[date, date]:
        first = self.first_day()
        return first, first + timedelta(days=42)

    def _cell(self, index: int) -> QRect:
        w = self.width() / 7
        h = (self.height() - self.HEADER) / 6
        row, col = divmod(index, 7)
        return QRect(int(col * w), int(self.HEADER + row * h), int(w), int(h))

    def date_at(self, pos: QPoint) -> date | None:
        for i in range(42):
            if self._cell(i).contains(pos):
                return self.first_day() + timedelta(days=i)
        return None

    def time_at(self, pos: QPoint, item: Shown) -> datetime | None:
        day = self.date_at(pos)
        if day is None:
            return None
        return datetime.combine(day, item.occurrence.start.time())

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).lineSpacing() + 4

    @staticmethod
    def chip_text(s: Shown) -> str:
        return f"{s.occurrence.start:%H:%M} {s.activity.title}"

    def _by_day(self) -> dict[int, list[Shown]]:
        first = self.first_day()
        by_day: dict[int, list[Shown]] = {}
        for s in self.items:
            i = (s.occurrence.start.date() - first).days
            if 0 <= i < 42:
                by_day.setdefault(i, []).append(s)
        for shown in by_day.values():
            shown.sort(key=lambda s: (s.occurrence.start, s.activity.title))
        return by_day

    def _layout(self) -> tuple[list[tuple[QRect, Shown]], list[tuple[QRect, date, int]]]:
        """Each day's chips from the top of its cell, one line each, lines left over given to
        titles that need them; what does not fit is counted beside the day's number."""
        first = self.first_day()
        lh = self._line_height()
        text_width = max(1, int(self.width() / 7) - 4 - 8)
        chip_line = QFontMetrics(self.font()).lineSpacing()
        out: list[tuple[QRect, Shown]] = []
        more: list[tuple[QRect, date, int]] = []
        for i, shown in self._by_day().items():
            cell = self._cell(i)
            top = cell.top() + lh
            room = max(0, (cell.bottom() - 2 - top) // lh)
            visible = shown[:room]
            lines = [1] * len(visible)
            spare = room - len(visible)
            for k, s in enumerate(visible):  # spare lines to the titles that need them, in order
                if spare <= 0:
                    break
                need = needed_lines("\u2003" + self.chip_text(s), self.font(), text_width, self.MAX_LINES)
                extra = min(spare, need - 1)
                lines[k] += extra
                spare -= extra
            y = top
            for s, n in zip(visible, lines, strict=True):
                height = lh - 2 + (n - 1) * chip_line
                out.append((QRect(cell.left() + 2, y, cell.width() - 4, height), s))
                y += height + 2
            hidden = len(shown) - len(visible)
            if hidden:
                metrics = QFontMetrics(self.font())
                text = trf("+%1 more", hidden)
                width = metrics.horizontalAdvance(text) + 8
                rect = QRect(cell.right() - width - 2, cell.top() + 2, width, lh - 2)
                more.append((rect, first + timedelta(days=i), hidden))
        return out, more

    def item_rects(self) -> list[tuple[QRect, Shown]]:
        return self._layout()[0]

    def crowd_rects(self) -> list[tuple[QRect, date, int]]:
        return self._layout()[1]

    def hidden_counts(self) -> dict[int, int]:
        first = self.first_day()
        return {(day - first).days: n for _rect, day, n in self.crowd_rects()}

    @staticmethod
    def day_label(info: Any, metrics: QFontMetrics, width: int) -> str:
        """The holiday's or make-up workday's name beside a day's number, fitted to `width`. The
        official make-up day's name says what it is ("National Day (make-up workday)", "国庆节调休");
        where it does not fit, "Workday" ("班") does, rather than a name cut before its point."""
        text = holiday_label(info.name)
        if info.kind is DayKind.MAKEUP:
            if not (info.name or "").endswith(MAKEUP_SUFFIX):  # an office's own name says not
                text = tr("Workday") + (f" · {text}" if text else "")
            if metrics.horizontalAdvance(text) > width:
                text = tr("Workday")
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        w = self.width() / 7
        for col, name in enumerate(WEEKDAY_NAMES):
            p.setPen(QColor("#404040"))
            p.drawText(QRect(int(col * w), 0, int(w), self.HEADER), Qt.AlignmentFlag.AlignCenter, tr(name))
        first = self.first_day()
        lh = self._line_height()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        chips, crowds = self._layout()
        crowded = {(day - first).days: rect for rect, day, _n in crowds}
        for i in range(42):
            day = first + timedelta(days=i)
            cell = self._cell(i)
            info = self.calendar.info(day) if self.calendar else None
            if info and info.kind is DayKind.HOLIDAY:
                p.fillRect(cell, HOLIDAY_BG)
            elif info and info.kind is DayKind.MAKEUP:
                p.fillRect(cell, MAKEUP_BG)
            elif day.weekday() >= 5:
                p.fillRect(cell, WEEKEND_BG)
            p.setPen(QColor("#d0d0d0"))
            p.drawRect(cell)
            in_month = day.month == self.month.month
            p.setPen(QColor("#202020") if in_month else QColor("#a0a0a0"))
            number = QRect(cell.left() + 4, cell.top() + 2, cell.width() - 8, lh)
            p.drawText(number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
            if day == self.today:
                p.setPen(QPen(TODAY_PEN, 2))
                p.drawRect(cell.adjusted(1, 1, -1, -1))
            if info and info.kind in (DayKind.HOLIDAY, DayKind.MAKEUP):
                p.setFont(small)
                p.setPen(QColor("#c62828") if info.kind is DayKind.HOLIDAY else QColor("#1a56c4"))
                # Beside the number, leaving the right of the row to the "+N more" of a full day.
                label_rect = QRect(number)
                label_rect.setLeft(number.left() + QFontMetrics(self.font()).horizontalAdvance("00 "))
                if i in crowded:
                    label_rect.setRight(crowded[i].left() - 4)
                text = self.day_label(info, QFontMetrics(small), max(0, label_rect.width()))
                p.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
                p.setFont(self.font())
        for rect, s in chips:
            self._chip(p, rect, s, self.chip_text(s))
        for rect, _day, n in crowds:
            p.setPen(QColor("#1a56c4"))
            p.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, trf("+%1 more", n))
        if self._press is not None and self._drag_to is not None:
            i = (self._drag_to.date() - first).days
            if 0 <= i < 42:
                p.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
                p.drawRect(self._cell(i).adjusted(2, 2, -2, -2))
        p.end()
