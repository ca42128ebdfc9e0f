"""What the month grid and the week share: a widget of occurrences the user selects, opens and
drags to another time, with a tooltip for each and a chip to draw it. The views only draw and
report what the user did (selected, opened, dragged); the page decides."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from scheduler.calendar.workdays import WorkCalendar
from ui.calendar.shown import DONE_COLOUR, STATE_MARKS, Shown, kind_colour, text_lines, tooltip_text
from ui.i18n import tr


class GridView(QWidget):
    """What the month and week grids share: selection, drag-and-drop, tooltips, the signals."""

    selected = Signal(object)  # Shown | None
    opened = Signal(object)  # Shown
    moved = Signal(object, object)  # Shown, new start datetime
    day_opened = Signal(object)  # date (double-click on empty space)
    crowd_opened = Signal(object)  # date: a day with more occurrences than the grid shows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[Shown] = []
        self.calendar: WorkCalendar | None = None
        self.today: date = date.today()
        self.current: tuple[str, date] | None = None
        self._press: tuple[Shown, QPoint] | None = None
        self._drag_to: datetime | None = None
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(600, 400)

    def set_items(self, items: list[Shown], calendar: WorkCalendar, today: date) -> None:
        self.items = items
        self.calendar = calendar
        self.today = today
        self.update()

    # subclasses: the rectangle of each item, the "+N" blocks, and the time a point stands for
    def item_rects(self) -> list[tuple[QRect, Shown]]:
        raise NotImplementedError

    def crowd_rects(self) -> list[tuple[QRect, date, int]]:
        raise NotImplementedError

    def time_at(self, pos: QPoint, item: Shown) -> datetime | None:
        raise NotImplementedError

    def date_at(self, pos: QPoint) -> date | None:
        raise NotImplementedError

    def hit(self, pos: QPoint) -> Shown | None:
        for rect, shown in reversed(self.item_rects()):
            if rect.contains(pos):
                return shown
        return None

    def crowd_at(self, pos: QPoint) -> date | None:
        return next((day for rect, day, _n in self.crowd_rects() if rect.contains(pos)), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            shown = self.hit(event.pos())
            if shown is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(shown), self)
            elif self.crowd_at(event.pos()) is not None:
                QToolTip.showText(event.globalPos(), tr("Click to list every occurrence of the day"), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        shown = self.hit(pos)
        if shown is None:
            crowd = self.crowd_at(pos)
            if crowd is not None:
                self.crowd_opened.emit(crowd)
                return
        self.current = shown.key if shown else None
        self.selected.emit(shown)
        self._press = (shown, pos) if shown else None
        self._drag_to = None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        shown, origin = self._press
        if (event.position().toPoint() - origin).manhattanLength() < 8:
            return
        self._drag_to = self.time_at(event.position().toPoint(), shown)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._drag_to is not None:
            shown = self._press[0]
            if self._drag_to != shown.occurrence.start:
                self.moved.emit(shown, self._drag_to)
        self._press = None
        self._drag_to = None
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        shown = self.hit(pos)
        if shown is not None:
            self.opened.emit(shown)
        elif self.crowd_at(pos) is None:
            day = self.date_at(pos)
            if day is not None:
                self.day_opened.emit(day)

    def _chip(self, p: QPainter, rect: QRect, shown: Shown, text: str) -> None:
        """One occurrence: its kind's colour; done ones paler with a tick, called-off ones grey and
        struck through, moved ones with a dashed edge; a dot when the checker has a word."""
        state = shown.state
        colour = kind_colour(shown.activity, state == "cancelled")
        fill = QColor(colour)
        fill.setAlpha(22 if state in ("done", "cancelled") else 40)
        p.fillRect(rect, fill)
        p.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colour)
        if state == "moved":
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
        if shown.key == self.current:
            p.setPen(QPen(colour, 2))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        inner = rect.adjusted(6, 1, -2, -1)
        if shown.badge:
            dot = QColor("#d32f2f") if shown.badge == "error" else QColor("#f9a825")
            p.setBrush(dot)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QRectF(rect.right() - 9, rect.top() + 4, 7, 7))
            p.setBrush(Qt.BrushStyle.NoBrush)
            inner = inner.adjusted(0, 0, -9, 0)
        font = QFont(p.font())
        font.setStrikeOut(state == "cancelled")
        metrics = QFontMetrics(font)
        mark = STATE_MARKS.get(state)
        line = metrics.lineSpacing()
        rows = max(1, inner.height() // line)
        top = inner.top() + (0 if rows > 1 else (inner.height() - line) // 2)
        if mark:
            box = QRect(inner.left(), top, metrics.horizontalAdvance("\u2003"), line)
            p.setPen(DONE_COLOUR if state == "done" else colour)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
        p.setFont(font)
        p.setPen(QColor("#808080") if state == "cancelled" else QColor("#202020"))
        for k, part in enumerate(self.chip_lines(rect, shown, text)):
            p.drawText(
                QRect(inner.left(), top + k * line, inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                part,
            )
        font.setStrikeOut(False)
        p.setFont(font)

    def chip_lines(self, rect: QRect, shown: Shown, text: str) -> list[str]:
        """The lines a chip of `rect` shows of `text`: room for the state's mark on the first
        line (a line of its own when the first word would not fit beside it)."""
        inner = rect.adjusted(6, 1, -2, -1)
        if shown.badge:
            inner = inner.adjusted(0, 0, -9, 0)
        metrics = QFontMetrics(self.font())
        rows = max(1, inner.height() // metrics.lineSpacing())
        if STATE_MARKS.get(shown.state):
            first = text.split("\n", 1)[0].split(" ", 1)[0]
            wide = metrics.horizontalAdvance("\u2003" + first) > inner.width()
            text = ("\u2003\n" if wide else "\u2003") + text
        return text_lines(text, self.font(), inner.width(), rows)
