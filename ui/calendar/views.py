"""The calendar's three views of occurrences: a month grid, a week with a time grid, an agenda.

The views only draw and report what the user did (selected, opened, dragged); the page decides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QToolTip, QTreeWidget, QTreeWidgetItem, QWidget

from scheduler.calendar.recurrence import Occurrence
from scheduler.calendar.workdays import DayKind, WorkCalendar
from scheduler.plan.model import Activity
from ui.i18n import N_, tr, trf
from ui.labels import ACTIVITY_KINDS, MAKEUP_SUFFIX, holiday_label, label

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
    done: bool = False  # a record says it was held
    served: int | None = None  # people served, as recorded
    reason: str | None = None  # why it was called off

    @property
    def key(self) -> tuple[str, date]:
        return (self.occurrence.activity, self.occurrence.date)

    @property
    def state(self) -> str:
        """What became of it: "cancelled", "done", "moved" or "" (as planned)."""
        if self.cancelled or self.activity.status == "cancelled":
            return "cancelled"
        if self.done or self.activity.status == "done":
            return "done"
        return "moved" if self.occurrence.moved else ""


# A mark before the title on chips and in the agenda: what became of the occurrence.
STATE_MARKS = {"done": "✓", "moved": "↪", "cancelled": "✕"}
DONE_COLOUR = QColor("#2e7d32")


def state_text(shown: Shown) -> str:
    """The state in words: "Done · 120 served", "Called off: rain", "Moved from 2026-11-20"."""
    state = shown.state
    if state == "done":
        if shown.served is not None:
            return trf("Done · %1 served", shown.served)
        return tr("Done")
    if state == "cancelled":
        return trf("Called off: %1", shown.reason) if shown.reason else tr("Called off")
    if state == "moved":
        return trf("Moved from %1", shown.occurrence.date.isoformat())
    return ""


def tooltip_text(shown: Shown) -> str:
    """The whole of an occurrence in a few lines, for a chip too small to show it (plain text)."""
    o, a = shown.occurrence, shown.activity
    lines = [a.title, f"{o.start:%Y-%m-%d %H:%M}–{o.end:%H:%M}"]
    if a.venue:
        lines.append(a.venue)
    if shown.state:
        lines.append(state_text(shown))
    if shown.badge == "error":
        lines.append(tr("Has errors: see the conflicts panel"))
    elif shown.badge == "warning":
        lines.append(tr("Has warnings: see the conflicts panel"))
    return "\n".join(lines)


def _colour(activity: Activity, cancelled: bool = False) -> QColor:
    if cancelled or activity.status == "cancelled":
        return QColor("#9e9e9e")
    return QColor(KIND_COLOURS.get(activity.kind, "#546e7a"))


def text_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """`text` broken into at most `max_lines` lines of `width` pixels: words kept whole where the
    script has spaces, Chinese broken between characters; the last line elided when text is
    left over. A newline in `text` starts a new line."""
    if max_lines <= 0 or width <= 0:
        return []
    metrics = QFontMetrics(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    out: list[str] = []
    paragraphs = text.split("\n")
    for i, para in enumerate(paragraphs):
        layout = QTextLayout(para, font)
        layout.setTextOption(option)
        layout.beginLayout()
        try:
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                begin, length = line.textStart(), line.textLength()
                if len(out) == max_lines - 1:
                    rest = para[begin:]
                    last_of_all = begin + length >= len(para) and i == len(paragraphs) - 1
                    whole = begin + length >= len(para)
                    if whole and (last_of_all or metrics.horizontalAdvance(rest) <= width):
                        out.append(rest.rstrip())
                    else:
                        out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                    return out
                out.append(para[begin : begin + length].rstrip())
        finally:
            layout.endLayout()
    return out


def needed_lines(text: str, font: QFont, width: int, cap: int) -> int:
    """How many lines `text` takes at `width` (at most `cap`)."""
    lines = text_lines(text, font, width, cap + 1)
    return max(1, min(cap, len(lines)))


class _GridView(QWidget):
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
        colour = _colour(shown.activity, state == "cancelled")
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


def _overlapping_runs(items: list[Shown]) -> list[list[Shown]]:
    """The items in order of start, cut where nothing earlier is still going on."""
    runs: list[list[Shown]] = []
    until: datetime | None = None
    for s in sorted(items, key=lambda s: (s.occurrence.start, s.activity.title)):
        if until is None or s.occurrence.start >= until:
            runs.append([])
            until = s.occurrence.end
        runs[-1].append(s)
        until = max(until, s.occurrence.end)
    return runs


class MonthView(_GridView):
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


class WeekView(_GridView):
    """Seven days side by side, in one of two layouts:

    - the time grid: 07:00 to 22:00 down the side, each occurrence as tall as it lasts;
      occurrences that overlap stand side by side, each at least a readable width;
    - the compact week (chosen by itself when the grid would hide any occurrence, or by the
      user): each day a list of one-line rows "08:00 大丰村义诊 · 大丰村党群服务中心" in order
      of start, morning, afternoon and evening a little apart; a day wider the more it holds,
      a day with more rows than the height holds in two or more lanes of rows. Every
      occurrence is one click away (the grid's "+N" lists a day in the agenda).

    Dragging snaps to 15 minutes on the grid, and moves to another day at the same time in
    the compact week."""

    FIRST_HOUR, LAST_HOUR = 7, 22
    HEADER, GUTTER = 34, 46
    ROW_GAP = 2  # between rows of the compact week
    PART_GAP = 6  # between its morning, afternoon and evening

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.compact_choice: bool | None = None  # None: compact when the grid would hide some
        self._cache: tuple[tuple, dict[str, Any]] | None = None
        self.setObjectName("week_view")

    def set_week(self, day: date) -> None:
        self.monday = day - timedelta(days=day.weekday())
        self._cache = None
        self.update()

    def set_items(self, items: list[Shown], calendar: WorkCalendar, today: date) -> None:
        self._cache = None
        super().set_items(items, calendar, today)

    def set_compact(self, choice: bool | None) -> None:
        """True: the compact week, False: the time grid, None: whichever shows everything."""
        self.compact_choice = choice
        self._cache = None
        self.update()

    def range(self) -> tuple[date, date]:
        return self.monday, self.monday + timedelta(days=7)

    # -- geometry shared by both layouts

    def _memo(self, name: str, make: Any) -> Any:
        """Layouts computed once per items, week, size, font and choice (a paint and every
        mouse event ask for them)."""
        key = (self.monday, self.width(), self.height(), self.font().key(), self.compact_choice)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, {})
        found = self._cache[1]
        if name not in found:
            found[name] = make()
        return found[name]

    def is_compact(self) -> bool:
        if self.compact_choice is not None:
            return self.compact_choice
        return self._memo("grid_falls_short", self._grid_falls_short)

    def _grid_falls_short(self) -> bool:
        """The time grid would hide an occurrence behind a "+N", or leave one too small to show
        its start and the first characters of its title (eight; all of a shorter one)."""
        chips, crowds = self._memo("grid", self._grid_layout)
        if crowds:
            return True
        metrics = QFontMetrics(self.font())
        for rect, s in chips:
            lines = self.chip_lines(
                rect, s, self.chip_text(s, metrics, rect.width() - 8 - (9 if s.badge else 0))
            )
            text = "".join("".join(lines).split())
            if f"{s.occurrence.start:%H:%M}" not in text or "".join(s.activity.title[:8].split()) not in text:
                return True
        return False

    def columns(self) -> list[tuple[int, int]]:
        """The left edge and width of each day."""
        if self.is_compact():
            return self._memo("compact", self._compact_layout)[2]
        cw = self._col_width()
        return [
            (int(self.GUTTER + i * cw), int(self.GUTTER + (i + 1) * cw) - int(self.GUTTER + i * cw))
            for i in range(7)
        ]

    def _col_width(self) -> float:
        return (self.width() - self.GUTTER) / 7

    def min_lane_width(self) -> int:
        """The narrowest a chip may be: a start time, or three characters of a title, a line."""
        metrics = QFontMetrics(self.font())
        return max(metrics.horizontalAdvance("00:00"), metrics.horizontalAdvance("汉字汉")) + 12

    def row_height(self) -> int:
        return QFontMetrics(self.font()).lineSpacing() + 4

    def _crowd_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("+99") + 6

    def max_lanes(self) -> int:
        """How many chips fit side by side in a day of the time grid at the readable width."""
        return max(1, int(self._col_width() - 2) // self.min_lane_width())

    def _y(self, t: time) -> float:
        hours = self.LAST_HOUR - self.FIRST_HOUR
        frac = (t.hour + t.minute / 60 - self.FIRST_HOUR) / hours
        return self.HEADER + max(0.0, min(1.0, frac)) * (self.height() - self.HEADER - 2)

    def date_at(self, pos: QPoint) -> date | None:
        for i, (x, w) in enumerate(self.columns()):
            if x <= pos.x() < x + w:
                return self.monday + timedelta(days=i)
        return None

    def time_at(self, pos: QPoint, item: Shown) -> datetime | None:
        day = self.date_at(pos)
        if day is None:
            return None
        if self.is_compact():  # rows stand in order, not at their time: another day, same time
            return datetime.combine(day, item.occurrence.start.time())
        hours = self.LAST_HOUR - self.FIRST_HOUR
        frac = (pos.y() - self.HEADER) / max(1, self.height() - self.HEADER - 2)
        minutes = int(round((self.FIRST_HOUR + frac * hours) * 4)) * 15
        minutes = max(0, min(24 * 60 - 15, minutes))
        return datetime.combine(day, time(minutes // 60, minutes % 60))

    def _by_day(self) -> dict[int, list[Shown]]:
        by_day: dict[int, list[Shown]] = {}
        for s in self.items:
            i = (s.occurrence.start.date() - self.monday).days
            if 0 <= i < 7:
                by_day.setdefault(i, []).append(s)
        for shown in by_day.values():
            shown.sort(key=lambda s: (s.occurrence.start, s.activity.title))
        return by_day

    def _layout(self) -> tuple[list[tuple[QRect, Shown]], list[tuple[QRect, date, int]]]:
        if self.is_compact():
            out, more, _cols, _wrapped = self._memo("compact", self._compact_layout)
            return out, more
        return self._memo("grid", self._grid_layout)

    # -- the time grid

    def _grid_layout(self) -> tuple[list[tuple[QRect, Shown]], list[tuple[QRect, date, int]]]:
        """Chips side by side where they overlap, as many lanes as the readable width allows;
        beyond that, the occurrences of the lanes that do not fit go into one "+N" block. Each
        run of overlapping occurrences is laid out on its own: one alone has the whole width."""
        cw = self._col_width()
        out: list[tuple[QRect, Shown]] = []
        more: list[tuple[QRect, date, int]] = []
        for i, shown in self._by_day().items():
            for run in _overlapping_runs(shown):
                self._lay_out_run(i, cw, run, out, more)
        return out, more

    def _lay_out_run(
        self,
        i: int,
        cw: float,
        run: list[Shown],
        out: list[tuple[QRect, Shown]],
        more: list[tuple[QRect, date, int]],
    ) -> None:
        lanes: list[datetime] = []
        placed = []
        for s in run:
            lane = next((k for k, end in enumerate(lanes) if end <= s.occurrence.start), None)
            if lane is None:
                lanes.append(s.occurrence.end)
                lane = len(lanes) - 1
            else:
                lanes[lane] = s.occurrence.end
            placed.append((lane, s))
        x0 = self.GUTTER + i * cw
        if len(lanes) <= self.max_lanes():
            n, width = len(lanes), cw
        else:  # the lanes that fit beside a narrow "+N" block
            width = cw - self._crowd_width()
            n = max(1, int(width - 2) // self.min_lane_width())
        hidden = [s for lane, s in placed if lane >= n]
        for lane, s in placed:
            if lane >= n:
                continue
            y0 = self._y(s.occurrence.start.time())
            end = s.occurrence.end
            y1 = self._y(end.time()) if end.date() == s.occurrence.start.date() else self.height() - 2
            x = x0 + lane * width / n
            out.append((QRect(int(x) + 1, int(y0), int(width / n) - 2, max(14, int(y1 - y0))), s))
        if hidden:
            y0 = self._y(min(s.occurrence.start for s in hidden).time())
            y1 = self._y(max(s.occurrence.end for s in hidden).time())
            rect = QRect(int(x0 + width) + 1, int(y0), int(cw - width) - 2, max(30, int(y1 - y0)))
            more.append((rect, self.monday + timedelta(days=i), len(hidden)))

    # -- the compact week

    @staticmethod
    def _part(s: Shown) -> int:
        """Morning, afternoon or evening."""
        hour = s.occurrence.start.hour
        return 0 if hour < 12 else 1 if hour < 18 else 2

    def _row_px(self, lines: int) -> int:
        return lines * QFontMetrics(self.font()).lineSpacing() + 4

    def _height_of(self, shown: list[Shown], lines: int) -> int:
        """The height `shown` takes in one lane, `lines` lines a row, gaps between parts counted."""
        gaps = sum(1 for k in range(1, len(shown)) if self._part(shown[k]) != self._part(shown[k - 1]))
        return len(shown) * (self._row_px(lines) + self.ROW_GAP) + gaps * self.PART_GAP

    def _rows_held(self, shown: list[Shown], height: int) -> int:
        """How many of `shown` (in order) one lane of one-line rows holds in `height`."""
        n = 0
        while n < len(shown) and self._height_of(shown[: n + 1], 1) <= height:
            n += 1
        return n

    def wrap_min_width(self) -> int:
        """The narrowest a day of two-line rows may be: eight characters of a title a line."""
        metrics = QFontMetrics(self.font())
        return metrics.horizontalAdvance("汉" * 8 + "…") + 8 + 10

    def min_row_width(self) -> int:
        """The narrowest a one-line row may be: its mark, its time and eight characters of a title."""
        metrics = QFontMetrics(self.font())
        return (
            6 + metrics.horizontalAdvance("✓00:00 ") + 3 + metrics.horizontalAdvance("汉" * 8 + "…") + 3 + 9
        )

    @staticmethod
    def wrap_text(s: Shown) -> str:
        """A row of several lines: the time, then the title and the venue."""
        o = s.occurrence
        text = f"{o.start:%H:%M}–{o.end:%H:%M}\n{s.activity.title}"
        return text + (f" · {s.activity.venue}" if s.activity.venue else "")

    def _compact_layout(
        self,
    ) -> tuple[list[tuple[QRect, Shown]], list[tuple[QRect, date, int]], list[tuple[int, int]], set]:
        """Each day a list from the top, in order of start. A day whose rows fit at two lines
        each shows them so (time, then title; more lines to the titles that need them); a
        fuller day has one-line rows, in lanes side by side when one lane is not tall enough.
        Widths: an empty day as wide as its header, every other day at least what eight
        characters of a title need and what is left by that need.
        Lanes narrower than a readable row are not made: their rows are counted in a "+N"."""
        by_day = self._by_day()
        height = self.height() - self.HEADER - 4
        metrics = QFontMetrics(self.font())
        wrap: set[int] = set()
        lanes_of: dict[int, int] = {}
        for i, shown in by_day.items():
            if self._height_of(shown, 2) <= height:
                wrap.add(i)
                lanes_of[i] = 1
                continue
            rest, lanes = shown, 0
            while rest:
                rest = rest[max(1, self._rows_held(rest, height)) :]
                lanes += 1
            lanes_of[i] = lanes
        narrow = [
            max(
                metrics.horizontalAdvance(t)
                for t in self.day_title(self.monday + timedelta(days=i), 0).split("\n")
            )
            + 12
            for i in range(7)
        ]
        base = [
            float(
                narrow[i]
                if i not in lanes_of
                else self.wrap_min_width()
                if i in wrap
                else lanes_of[i] * self.min_row_width()
            )
            for i in range(7)
        ]
        total = sum(base)
        if total >= self.width() or not lanes_of:
            widths = [b * self.width() / total for b in base]
        else:  # what is left to the days that hold something, by what they need
            spare = self.width() - total
            weight = sum(base[i] for i in lanes_of)
            widths = [b + (spare * b / weight if i in lanes_of else 0.0) for i, b in enumerate(base)]
        cols: list[tuple[int, int]] = []
        x = 0.0
        for w in widths:
            cols.append((int(x), int(x + w) - int(x)))
            x += w
        out: list[tuple[QRect, Shown]] = []
        more: list[tuple[QRect, date, int]] = []
        wrapped: set = set()
        for i, shown in by_day.items():
            left, width = cols[i]
            if i in wrap:
                self._lay_out_wrapped(shown, left, width, height, out)
                wrapped.update(s.key for s in shown)
                continue
            n_lanes = min(lanes_of[i], max(1, width // self.min_row_width()))
            lw = width / n_lanes
            rest = shown
            rh = self._row_px(1)
            for lane in range(n_lanes):
                last = lane == n_lanes - 1
                cut = last and lane + 1 < lanes_of[i]  # room for the "+N" at the bottom
                held = max(1, self._rows_held(rest, height - (rh + self.ROW_GAP if cut else 0)))
                y = self.HEADER + 2
                for k, s in enumerate(rest[:held]):
                    if k and self._part(s) != self._part(rest[k - 1]):
                        y += self.PART_GAP
                    out.append((QRect(int(left + lane * lw) + 2, y, int(lw) - 4, rh), s))
                    y += rh + self.ROW_GAP
                rest = rest[held:]
                if last and rest:
                    rect = QRect(int(left + lane * lw) + 2, y, int(lw) - 4, rh)
                    more.append((rect, self.monday + timedelta(days=i), len(rest)))
        return out, more, cols, wrapped

    def _lay_out_wrapped(
        self, shown: list[Shown], left: int, width: int, height: int, out: list[tuple[QRect, Shown]]
    ) -> None:
        """Two lines a row, the lines to spare given in order to the rows whose text needs them."""
        ls = QFontMetrics(self.font()).lineSpacing()
        lines = [2] * len(shown)
        spare = (height - self._height_of(shown, 2)) // ls
        inner = width - 4 - 8
        for k, s in enumerate(shown):
            if spare <= 0:
                break
            mark = "\u2003" if s.state in STATE_MARKS else ""
            need = needed_lines(mark + self.wrap_text(s), self.font(), inner - (9 if s.badge else 0), 4)
            extra = min(spare, max(0, need - 2))
            lines[k] += extra
            spare -= extra
        y = self.HEADER + 2
        for k, s in enumerate(shown):
            if k and self._part(s) != self._part(shown[k - 1]):
                y += self.PART_GAP
            rect = QRect(left + 2, y, width - 4, self._row_px(lines[k]))
            out.append((rect, s))
            y += rect.height() + self.ROW_GAP

    def is_wrapped(self, s: Shown) -> bool:
        return self.is_compact() and s.key in self._memo("compact", self._compact_layout)[3]

    def shown_lines(self, rect: QRect, s: Shown) -> list[str]:
        """The lines of text an item shows in `rect` (what a test or a reader sees)."""
        if not self.is_compact():
            metrics = QFontMetrics(self.font())
            return self.chip_lines(
                rect, s, self.chip_text(s, metrics, rect.width() - 8 - (9 if s.badge else 0))
            )
        if self.is_wrapped(s):
            return self.chip_lines(rect, s, self.wrap_text(s))
        return [self.visible_text(rect, s)]

    @staticmethod
    def row_text(s: Shown) -> str:
        """A one-line row's words: the start, the title, the venue."""
        text = f"{s.occurrence.start:%H:%M} {s.activity.title}"
        return text + (f" · {s.activity.venue}" if s.activity.venue else "")

    def visible_text(self, rect: QRect, s: Shown) -> str:
        """What a one-line row shows of `row_text` in `rect` (elided at the right)."""
        inner = self._row_inner(rect, s)
        return QFontMetrics(self.font()).elidedText(
            self.row_text(s), Qt.TextElideMode.ElideRight, inner.width()
        )

    def _row_inner(self, rect: QRect, s: Shown) -> QRect:
        inner = rect.adjusted(6, 0, -3, 0)
        if s.badge:
            inner.setRight(inner.right() - 9)
        mark = STATE_MARKS.get(s.state)
        if mark:
            inner.setLeft(inner.left() + QFontMetrics(self.font()).horizontalAdvance(mark) + 3)
        return inner

    def _row(self, p: QPainter, rect: QRect, s: Shown) -> None:
        """One compact row: the kind's colour at the left, the state's mark, time and title in
        one line; the checker's dot at the right."""
        state = s.state
        colour = _colour(s.activity, state == "cancelled")
        fill = QColor(colour)
        fill.setAlpha(18 if state in ("done", "cancelled") else 34)
        p.fillRect(rect, fill)
        p.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colour)
        if state == "moved":
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
        if s.key == self.current:
            p.setPen(QPen(colour, 2))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        metrics = QFontMetrics(self.font())
        mark = STATE_MARKS.get(state)
        if mark:
            box = QRect(rect.left() + 6, rect.top(), metrics.horizontalAdvance(mark), rect.height())
            p.setPen(DONE_COLOUR if state == "done" else colour)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
        if s.badge:
            dot = QColor("#d32f2f") if s.badge == "error" else QColor("#f9a825")
            p.setBrush(dot)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QRectF(rect.right() - 9, rect.center().y() - 3, 7, 7))
            p.setBrush(Qt.BrushStyle.NoBrush)
        inner = self._row_inner(rect, s)
        text = self.visible_text(rect, s)
        when = f"{s.occurrence.start:%H:%M}"
        font = QFont(self.font())
        font.setStrikeOut(state == "cancelled")
        p.setFont(font)
        grey = QColor("#808080")
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.setPen(grey if state == "cancelled" else QColor("#505050"))
        p.drawText(inner, align, when)
        rest = text[len(when) :]
        title_end = len(s.activity.title) + 1
        x = inner.left() + metrics.horizontalAdvance(when)
        p.setPen(grey if state == "cancelled" else QColor("#202020"))
        head = rest[:title_end]
        p.drawText(QRect(x, inner.top(), inner.right() - x, inner.height()), align, head)
        if len(rest) > title_end:  # the venue, quieter
            x += metrics.horizontalAdvance(head)
            p.setPen(QColor("#707070"))
            p.drawText(QRect(x, inner.top(), inner.right() - x + 1, inner.height()), align, rest[title_end:])
        font.setStrikeOut(False)
        p.setFont(font)

    # -- both

    def item_rects(self) -> list[tuple[QRect, Shown]]:
        return self._layout()[0]

    def crowd_rects(self) -> list[tuple[QRect, date, int]]:
        return self._layout()[1]

    @staticmethod
    def chip_text(s: Shown, metrics: QFontMetrics, width: int) -> str:
        o = s.occurrence
        when = f"{o.start:%H:%M}–{o.end:%H:%M}"
        if metrics.horizontalAdvance("\u2003" + when) > width:
            when = f"{o.start:%H:%M}"
        text = f"{when}\n{s.activity.title}"
        return text + (f"\n{s.activity.venue}" if s.activity.venue else "")

    def day_title(self, day: date, count: int) -> str:
        """The day's header: weekday and date, and the holiday or workday beneath; in the
        compact week the number of occurrences beside the date."""
        info = self.calendar.info(day) if self.calendar else None
        title = f"{tr(WEEKDAY_NAMES[day.weekday()])} {day.month}/{day.day}"
        if count and self.is_compact():
            title += f" · {count}"
        if info and info.kind is DayKind.HOLIDAY and info.name:
            title += f"\n{holiday_label(info.name)}"
        elif info and info.kind is DayKind.MAKEUP:
            title += "\n" + tr("Workday")
        return title

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        compact = self.is_compact()
        cols = self.columns()
        counts = {i: len(v) for i, v in self._by_day().items()}
        for i, (x, w) in enumerate(cols):
            day = self.monday + timedelta(days=i)
            col = QRect(x, 0, w, self.height())
            info = self.calendar.info(day) if self.calendar else None
            if info and info.kind is DayKind.HOLIDAY:
                p.fillRect(col, HOLIDAY_BG)
            elif info and info.kind is DayKind.MAKEUP:
                p.fillRect(col, MAKEUP_BG)
            elif day.weekday() >= 5:
                p.fillRect(col, WEEKEND_BG)
            head = QRect(col.left(), 0, col.width(), self.HEADER)
            p.setPen(TODAY_PEN if day == self.today else QColor("#202020"))
            p.drawText(head, Qt.AlignmentFlag.AlignCenter, self.day_title(day, counts.get(i, 0)))
            p.setPen(QColor("#d0d0d0"))
            p.drawLine(col.left(), 0, col.left(), self.height())
        if compact:
            p.setPen(QColor("#d0d0d0"))
            p.drawLine(0, self.HEADER, self.width(), self.HEADER)
        else:
            for hour in range(self.FIRST_HOUR, self.LAST_HOUR + 1):
                y = int(self._y(time(hour % 24, 0))) if hour < 24 else self.height()
                p.setPen(QColor("#e0e0e0"))
                p.drawLine(self.GUTTER, y, self.width(), y)
                p.setPen(QColor("#707070"))
                p.drawText(
                    QRect(0, y - 8, self.GUTTER - 4, 16), Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00"
                )
        chips, crowds = self._layout()
        metrics = QFontMetrics(self.font())
        for rect, s in chips:
            if compact and self.is_wrapped(s):
                self._chip(p, rect, s, self.wrap_text(s))
            elif compact:
                self._row(p, rect, s)
            else:
                self._chip(p, rect, s, self.chip_text(s, metrics, rect.width() - 8 - (9 if s.badge else 0)))
        for rect, _day, n in crowds:
            p.fillRect(rect, QColor("#eceff1"))
            p.setPen(QColor("#455a64"))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            flags = Qt.AlignmentFlag.AlignHCenter | (
                Qt.AlignmentFlag.AlignVCenter if compact else Qt.AlignmentFlag.AlignTop
            )
            p.drawText(
                rect.adjusted(0, 0 if compact else 4, 0, 0), flags, trf("+%1 more", n) if compact else f"+{n}"
            )
        if self._press is not None and self._drag_to is not None:
            self._paint_drag(p, cols, compact)
        p.end()

    def _paint_drag(self, p: QPainter, cols: list[tuple[int, int]], compact: bool) -> None:
        assert self._press is not None and self._drag_to is not None
        shown = self._press[0]
        i = (self._drag_to.date() - self.monday).days
        if not 0 <= i < 7:
            return
        x, w = cols[i]
        p.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
        if compact:
            p.drawRect(QRect(x + 2, self.HEADER + 2, w - 4, self.height() - self.HEADER - 4))
            return
        length = shown.occurrence.end - shown.occurrence.start
        y0 = self._y(self._drag_to.time())
        y1 = self._y((self._drag_to + length).time())
        p.drawRect(QRect(x + 2, int(y0), w - 4, max(14, int(y1 - y0))))
        p.drawText(QRect(x + 4, int(y0) + 2, w - 8, 16), Qt.AlignmentFlag.AlignLeft, f"{self._drag_to:%H:%M}")


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
            [
                tr("Date"),
                tr("Time"),
                tr("Activity"),
                tr("Status"),
                tr("Kind"),
                tr("Venue"),
                tr("Organizer"),
                tr("Partner"),
            ]
        )
        # Columns sized to their contents once per fill, not at every layout (a month of a
        # hospital is hundreds of rows); all rows one line high, so the view need not ask each.
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setUniformRowHeights(True)
        self.itemSelectionChanged.connect(self._selection)
        self.itemDoubleClicked.connect(
            lambda item, _c: self.opened.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

    def set_items(self, items: list[Shown], calendar: WorkCalendar, names: Any, key: Any = None) -> None:
        """The rows again, the occurrence of `key` (else the one chosen before) chosen. Without a
        word to the page: clearing would tell it once per row that the choice changed (each time
        rebuilding the details); the page shows the details of what it had chosen itself."""
        if key is None:
            chosen = self.selectedItems()
            key = chosen[0].data(0, Qt.ItemDataRole.UserRole).key if chosen else None
        self.blockSignals(True)
        self.setUpdatesEnabled(False)
        try:
            self._fill(items, calendar, names, key)
        finally:
            self.setUpdatesEnabled(True)
            self.blockSignals(False)

    def _fill(self, items: list[Shown], calendar: WorkCalendar, names: Any, key: Any) -> None:
        self.clear()
        rows = []
        again = None
        for s in items:
            o, a = s.occurrence, s.activity
            info = calendar.info(o.start.date())
            day = f"{o.start:%Y-%m-%d} {tr(WEEKDAY_NAMES[o.start.weekday()])}"
            if info.kind is DayKind.HOLIDAY:
                day += f"（{holiday_label(info.name)}）"
            mark = STATE_MARKS.get(s.state)
            item = QTreeWidgetItem(
                [
                    day,
                    f"{o.start:%H:%M}–{o.end:%H:%M}",
                    (f"{mark} " if mark else "") + a.title,
                    state_text(s),
                    label(ACTIVITY_KINDS, a.kind),
                    a.venue or "",
                    names("branches", a.organizer),
                    names("partners", a.partner),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, s)
            item.setForeground(2, _colour(a, s.cancelled))
            if s.state == "cancelled":
                font = item.font(2)
                font.setStrikeOut(True)
                item.setFont(2, font)
            elif s.state == "done":
                item.setForeground(3, DONE_COLOUR)
            if s.key == key:
                again = item
            rows.append(item)
        self.addTopLevelItems(rows)
        self.header().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        if again is not None:
            self.setCurrentItem(again)

    def _selection(self) -> None:
        items = self.selectedItems()
        self.selected.emit(items[0].data(0, Qt.ItemDataRole.UserRole) if items else None)
