"""An occurrence as the calendar's views show it (`Shown`), and what the month, the week and the
agenda say of it alike: its state in a mark and in words, its tooltip, its kind's colour, the
colours of holidays and make-up workdays, its text broken into lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextLayout, QTextOption

from scheduler.calendar.recurrence import Occurrence
from scheduler.plan.model import Activity
from ui.i18n import tr, trf

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


def kind_colour(activity: Activity, cancelled: bool = False) -> QColor:
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
