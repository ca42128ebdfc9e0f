"""The week: seven days on a time grid, or the compact week of rows when the grid would hide some."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from scheduler.calendar.workdays import DayKind, WorkCalendar
from ui.calendar.grid import GridView
from ui.calendar.periods import WEEKDAY_NAMES
from ui.calendar.shown import (
    DONE_COLOUR,
    HOLIDAY_BG,
    MAKEUP_BG,
    STATE_MARKS,
    TODAY_PEN,
    WEEKEND_BG,
    Shown,
    kind_colour,
    needed_lines,
)
from ui.i18n import tr, trf
from ui.labels import holiday_label


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


class WeekView(GridView):
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
        lanes_of = {i: self._lanes_needed(shown, height) for i, shown in by_day.items()}
        cols = self._day_columns(lanes_of)
        out: list[tuple[QRect, Shown]] = []
        more: list[tuple[QRect, date, int]] = []
        wrapped: set = set()
        for i, shown in by_day.items():
            left, width = cols[i]
            if lanes_of[i] == 0:
                self._lay_out_wrapped(shown, left, width, height, out)
                wrapped.update(s.key for s in shown)
            else:
                self._lay_out_lanes(i, shown, left, width, lanes_of[i], height, out, more)
        return out, more, cols, wrapped

    def _lanes_needed(self, shown: list[Shown], height: int) -> int:
        """0 when a day's rows fit at two lines each in `height`, else how many lanes of one-line
        rows it takes to hold them all."""
        if self._height_of(shown, 2) <= height:
            return 0
        rest, lanes = shown, 0
        while rest:
            rest = rest[max(1, self._rows_held(rest, height)) :]
            lanes += 1
        return lanes

    def _day_columns(self, lanes_of: dict[int, int]) -> list[tuple[int, int]]:
        """The left edge and width of each day of the compact week: what each needs (its header
        when empty, a readable day of two-line rows, or its lanes of rows), the width left over
        shared among the days that hold something by what they need."""
        metrics = QFontMetrics(self.font())
        base: list[float] = []
        for i in range(7):
            if i not in lanes_of:
                titles = self.day_title(self.monday + timedelta(days=i), 0).split("\n")
                base.append(float(max(metrics.horizontalAdvance(t) for t in titles) + 12))
            elif lanes_of[i] == 0:
                base.append(float(self.wrap_min_width()))
            else:
                base.append(float(lanes_of[i] * self.min_row_width()))
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
        return cols

    def _lay_out_lanes(
        self,
        i: int,
        shown: list[Shown],
        left: int,
        width: int,
        lanes: int,
        height: int,
        out: list[tuple[QRect, Shown]],
        more: list[tuple[QRect, date, int]],
    ) -> None:
        """One-line rows of day `i` in as many of its `lanes` as are readable at `width`; what
        the last lane does not hold is counted in a "+N" at its bottom."""
        n_lanes = min(lanes, max(1, width // self.min_row_width()))
        lw = width / n_lanes
        rest = shown
        rh = self._row_px(1)
        for lane in range(n_lanes):
            last = lane == n_lanes - 1
            cut = last and lane + 1 < lanes  # room for the "+N" at the bottom
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
        colour = kind_colour(s.activity, state == "cancelled")
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
