"""The calendar's three views of occurrences: a month grid, a week with a time grid, an agenda.

The views only draw and report what the user did (selected, opened, dragged); the page decides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from scheduler.model import Activity
from scheduler.recurrence import Occurrence
from scheduler.workdays import DayKind, WorkCalendar

from .i18n import N_, tr, trf
from .labels import ACTIVITY_KINDS, label

KIND_COLOURS = {
    "pairing_visit": "#2e7d32",
    "service_request": "#c62828",
    "night_market": "#6a1b9a",
    "market": "#8e24aa",
    "free_clinic": "#1565c0",
    "lecture": "#00838f",
    "home_visit": "#ef6c00",
    "training": "#5d4037",
    "other": "#546e7a",
}
HOLIDAY_BG = QColor("#fde7e7")
MAKEUP_BG = QColor("#e8f0fe")
WEEKEND_BG = QColor("#f6f6f6")
TODAY_PEN = QColor("#d32f2f")
WEEKDAY_NAMES = [N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")]


@dataclass(frozen=True)
class Shown:
    """An occurrence as a view shows it."""

    occurrence: Occurrence
    activity: Activity
    badge: str | None = None  # "error" | "warning", when the conflict checker has a word
    cancelled: bool = False  # this one occurrence was called off (a record says so)

    @property
    def key(self) -> tuple[str, date]:
        return (self.occurrence.activity, self.occurrence.date)


def _colour(activity: Activity, cancelled: bool = False) -> QColor:
    if cancelled or activity.status == "cancelled":
        return QColor("#9e9e9e")
    return QColor(KIND_COLOURS.get(activity.kind, "#546e7a"))


class _GridView(QWidget):
    """What the month and week grids share: selection, drag-and-drop, the signals."""

    selected = Signal(object)  # Shown | None
    opened = Signal(object)  # Shown
    moved = Signal(object, object)  # Shown, new start datetime
    day_opened = Signal(object)  # date (double-click on empty space)

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

    # subclasses: the rectangle of each item, and the time a point stands for
    def item_rects(self) -> list[tuple[QRect, Shown]]:
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

    def mousePressEvent(self, event: QMouseEvent) -> None:
        shown = self.hit(event.position().toPoint())
        self.current = shown.key if shown else None
        self.selected.emit(shown)
        self._press = (shown, event.position().toPoint()) if shown else None
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
        shown = self.hit(event.position().toPoint())
        if shown is not None:
            self.opened.emit(shown)
        else:
            day = self.date_at(event.position().toPoint())
            if day is not None:
                self.day_opened.emit(day)

    def _chip(self, p: QPainter, rect: QRect, shown: Shown, text: str) -> None:
        colour = _colour(shown.activity, shown.cancelled)
        fill = QColor(colour)
        fill.setAlpha(40)
        p.fillRect(rect, fill)
        p.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colour)
        if shown.key == self.current:
            p.setPen(QPen(colour, 2))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        off = shown.cancelled or shown.activity.status == "cancelled"
        p.setPen(QColor("#808080") if off else QColor("#202020"))
        if off:
            font = QFont(p.font())
            font.setStrikeOut(True)
            p.setFont(font)
        inner = rect.adjusted(6, 0, -2, 0)
        if shown.badge:
            dot = QColor("#d32f2f") if shown.badge == "error" else QColor("#f9a825")
            p.setBrush(dot)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QRectF(rect.right() - 9, rect.top() + 4, 7, 7))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("#202020"))
            inner = inner.adjusted(0, 0, -9, 0)
        metrics = QFontMetrics(p.font())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        if rect.height() < 2 * metrics.height():
            text = metrics.elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, inner.width())
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.drawText(inner, flags, text)
        if off:
            font = QFont(p.font())
            font.setStrikeOut(False)
            p.setFont(font)


class MonthView(_GridView):
    """Six weeks from the Monday on or before the 1st; holidays shaded and named."""

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
        header = 24
        w = self.width() / 7
        h = (self.height() - header) / 6
        row, col = divmod(index, 7)
        return QRect(int(col * w), int(header + row * h), int(w), int(h))

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
        return QFontMetrics(self.font()).height() + 4

    def item_rects(self) -> list[tuple[QRect, Shown]]:
        first = self.first_day()
        by_day: dict[int, list[Shown]] = {}
        for s in self.items:
            i = (s.occurrence.start.date() - first).days
            if 0 <= i < 42:
                by_day.setdefault(i, []).append(s)
        out = []
        lh = self._line_height()
        for i, shown in by_day.items():
            cell = self._cell(i)
            room = max(0, (cell.height() - lh - 4) // lh)
            visible = shown if len(shown) <= room else shown[: max(0, room - 1)]
            for k, s in enumerate(visible):
                out.append(
                    (QRect(cell.left() + 2, cell.top() + lh + 2 + k * lh, cell.width() - 4, lh - 2), s)
                )
        return out

    def hidden_counts(self) -> dict[int, int]:
        first = self.first_day()
        shown_keys = {s.key for _r, s in self.item_rects()}
        counts: dict[int, int] = {}
        for s in self.items:
            i = (s.occurrence.start.date() - first).days
            if 0 <= i < 42 and s.key not in shown_keys:
                counts[i] = counts.get(i, 0) + 1
        return counts

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        w = self.width() / 7
        for col, name in enumerate(WEEKDAY_NAMES):
            p.setPen(QColor("#404040"))
            p.drawText(QRect(int(col * w), 0, int(w), 24), Qt.AlignmentFlag.AlignCenter, tr(name))
        first = self.first_day()
        lh = self._line_height()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
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
                text = info.name or ""
                if info.kind is DayKind.MAKEUP:
                    text = tr("Workday") + (f" · {text}" if text else "")
                p.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
                p.setFont(self.font())
        for rect, s in self.item_rects():
            self._chip(p, rect, s, f"{s.occurrence.start:%H:%M} {s.activity.title}")
        hidden = self.hidden_counts()
        p.setPen(QColor("#505050"))
        for i, n in hidden.items():
            cell = self._cell(i)
            more = QRect(cell.left() + 6, cell.bottom() - lh, cell.width() - 8, lh)
            p.drawText(
                more,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                trf("+%1 more", n),
            )
        if self._press is not None and self._drag_to is not None:
            i = (self._drag_to.date() - first).days
            if 0 <= i < 42:
                p.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
                p.drawRect(self._cell(i).adjusted(2, 2, -2, -2))
        p.end()


class WeekView(_GridView):
    """Seven days side by side over a time grid from 07:00 to 22:00; drag snaps to 15 minutes."""

    crowd_opened = Signal(object)  # date: a day with more occurrences than fit side by side

    FIRST_HOUR, LAST_HOUR = 7, 22
    HEADER, GUTTER = 34, 46

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.setObjectName("week_view")

    def set_week(self, day: date) -> None:
        self.monday = day - timedelta(days=day.weekday())
        self.update()

    def range(self) -> tuple[date, date]:
        return self.monday, self.monday + timedelta(days=7)

    def _col_width(self) -> float:
        return (self.width() - self.GUTTER) / 7

    def _y(self, t: time) -> float:
        hours = self.LAST_HOUR - self.FIRST_HOUR
        frac = (t.hour + t.minute / 60 - self.FIRST_HOUR) / hours
        return self.HEADER + max(0.0, min(1.0, frac)) * (self.height() - self.HEADER - 2)

    def date_at(self, pos: QPoint) -> date | None:
        if pos.x() < self.GUTTER:
            return None
        col = int((pos.x() - self.GUTTER) // self._col_width())
        return self.monday + timedelta(days=col) if 0 <= col < 7 else None

    def time_at(self, pos: QPoint, item: Shown) -> datetime | None:
        day = self.date_at(pos)
        if day is None:
            return None
        hours = self.LAST_HOUR - self.FIRST_HOUR
        frac = (pos.y() - self.HEADER) / max(1, self.height() - self.HEADER - 2)
        minutes = int(round((self.FIRST_HOUR + frac * hours) * 4)) * 15
        minutes = max(0, min(24 * 60 - 15, minutes))
        return datetime.combine(day, time(minutes // 60, minutes % 60))

    MAX_LANES = 4

    def _layout(self) -> tuple[list[tuple[QRect, Shown]], list[tuple[QRect, date, int]]]:
        """Chips side by side where they overlap; past MAX_LANES, one "+N" block per day."""
        cw = self._col_width()
        by_day: dict[int, list[Shown]] = {}
        for s in self.items:
            i = (s.occurrence.start.date() - self.monday).days
            if 0 <= i < 7:
                by_day.setdefault(i, []).append(s)
        out: list[tuple[QRect, Shown]] = []
        more: list[tuple[QRect, date, int]] = []
        for i, shown in by_day.items():
            lanes: list[datetime] = []
            placed = []
            for s in sorted(shown, key=lambda s: s.occurrence.start):
                lane = next((k for k, end in enumerate(lanes) if end <= s.occurrence.start), None)
                if lane is None:
                    lanes.append(s.occurrence.end)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = s.occurrence.end
                placed.append((lane, s))
            n = min(max(1, len(lanes)), self.MAX_LANES)
            crowded = len(lanes) > self.MAX_LANES
            hidden = [s for lane, s in placed if crowded and lane >= n - 1]
            for lane, s in placed:
                if crowded and lane >= n - 1:
                    continue
                y0 = self._y(s.occurrence.start.time())
                end = s.occurrence.end
                y1 = self._y(end.time()) if end.date() == s.occurrence.start.date() else self.height() - 2
                x = self.GUTTER + i * cw + lane * cw / n
                out.append((QRect(int(x) + 1, int(y0), int(cw / n) - 2, max(14, int(y1 - y0))), s))
            if hidden:
                y0 = self._y(min(s.occurrence.start for s in hidden).time())
                y1 = self._y(max(s.occurrence.end for s in hidden).time())
                x = self.GUTTER + i * cw + (n - 1) * cw / n
                rect = QRect(int(x) + 1, int(y0), int(cw / n) - 2, max(30, int(y1 - y0)))
                more.append((rect, self.monday + timedelta(days=i), len(hidden)))
        return out, more

    def item_rects(self) -> list[tuple[QRect, Shown]]:
        return self._layout()[0]

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        for rect, day, _n in self._layout()[1]:
            if rect.contains(event.position().toPoint()):
                self.crowd_opened.emit(day)
                return
        super().mouseDoubleClickEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        cw = self._col_width()
        for i in range(7):
            day = self.monday + timedelta(days=i)
            col = QRect(int(self.GUTTER + i * cw), 0, int(cw), self.height())
            info = self.calendar.info(day) if self.calendar else None
            if info and info.kind is DayKind.HOLIDAY:
                p.fillRect(col, HOLIDAY_BG)
            elif info and info.kind is DayKind.MAKEUP:
                p.fillRect(col, MAKEUP_BG)
            elif day.weekday() >= 5:
                p.fillRect(col, WEEKEND_BG)
            head = QRect(col.left(), 0, col.width(), self.HEADER)
            p.setPen(TODAY_PEN if day == self.today else QColor("#202020"))
            title = f"{tr(WEEKDAY_NAMES[i])} {day.month}/{day.day}"
            if info and info.kind is DayKind.HOLIDAY and info.name:
                title += f"\n{info.name}"
            elif info and info.kind is DayKind.MAKEUP:
                title += "\n" + tr("Workday")
            p.drawText(head, Qt.AlignmentFlag.AlignCenter, title)
            p.setPen(QColor("#d0d0d0"))
            p.drawLine(col.left(), 0, col.left(), self.height())
        for hour in range(self.FIRST_HOUR, self.LAST_HOUR + 1):
            y = int(self._y(time(hour % 24, 0))) if hour < 24 else self.height()
            p.setPen(QColor("#e0e0e0"))
            p.drawLine(self.GUTTER, y, self.width(), y)
            p.setPen(QColor("#707070"))
            p.drawText(QRect(0, y - 8, self.GUTTER - 4, 16), Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
        chips, crowds = self._layout()
        for rect, s in chips:
            text = f"{s.occurrence.start:%H:%M}–{s.occurrence.end:%H:%M}\n{s.activity.title}"
            if s.activity.venue:
                text += f"\n{s.activity.venue}"
            self._chip(p, rect, s, text)
        for rect, _day, n in crowds:
            p.fillRect(rect, QColor("#eceff1"))
            p.setPen(QColor("#455a64"))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            p.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                trf("+%1 more", n),
            )
        if self._press is not None and self._drag_to is not None:
            shown = self._press[0]
            length = shown.occurrence.end - shown.occurrence.start
            i = (self._drag_to.date() - self.monday).days
            if 0 <= i < 7:
                y0 = self._y(self._drag_to.time())
                y1 = self._y((self._drag_to + length).time())
                p.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
                p.drawRect(QRect(int(self.GUTTER + i * cw) + 2, int(y0), int(cw) - 4, max(14, int(y1 - y0))))
                p.drawText(
                    QRect(int(self.GUTTER + i * cw) + 4, int(y0) + 2, int(cw) - 8, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    f"{self._drag_to:%H:%M}",
                )
        p.end()


class AgendaView(QTreeWidget):
    """Every occurrence of the range as a list: date, time, title, venue, organizer, partner."""

    selected = Signal(object)
    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agenda_view")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels(
            [tr("Date"), tr("Time"), tr("Activity"), tr("Kind"), tr("Venue"), tr("Organizer"), tr("Partner")]
        )
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.itemSelectionChanged.connect(self._selection)
        self.itemDoubleClicked.connect(
            lambda item, _c: self.opened.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

    def set_items(self, items: list[Shown], calendar: WorkCalendar, names: Any) -> None:
        self.clear()
        rows = []
        for s in items:
            o, a = s.occurrence, s.activity
            info = calendar.info(o.start.date())
            day = f"{o.start:%Y-%m-%d} {tr(WEEKDAY_NAMES[o.start.weekday()])}"
            if info.kind is DayKind.HOLIDAY:
                day += f"（{info.name}）"
            item = QTreeWidgetItem(
                [
                    day,
                    f"{o.start:%H:%M}–{o.end:%H:%M}",
                    a.title + (" " + tr("(moved)") if o.moved else ""),
                    label(ACTIVITY_KINDS, a.kind),
                    a.venue or "",
                    names("branches", a.organizer),
                    names("partners", a.partner),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, s)
            item.setForeground(2, _colour(a, s.cancelled))
            rows.append(item)
        self.addTopLevelItems(rows)

    def _selection(self) -> None:
        items = self.selectedItems()
        self.selected.emit(items[0].data(0, Qt.ItemDataRole.UserRole) if items else None)
