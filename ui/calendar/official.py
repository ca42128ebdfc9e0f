"""The official holiday calendar built into this version, shown read-only beside the office's own
entries on the holidays screen: where it comes from, which years it knows, a year's days."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.calendar.workdays import OfficialCalendar
from ui.calendar.periods import WEEKDAY_NAMES
from ui.i18n import tr, trf
from ui.labels import CALENDAR_KINDS, holiday_label, label


def official_days(official: OfficialCalendar, year: int) -> list[tuple[date, str, str]]:
    """A year's official days in order: (day, "holiday" | "workday", name). A make-up workday is
    listed only on a weekend (on a weekday it changes nothing)."""
    days = [(d, "holiday", n) for d, n in official.holidays.items() if d.year == year]
    days += [(d, "workday", n) for d, n in official.workdays.items() if d.year == year and d.weekday() >= 5]
    return sorted(days)


def years_text(official: OfficialCalendar) -> str:
    """ "2004–2026", or "none" for an empty calendar."""
    if not official.years:
        return tr("none")
    return f"{min(official.years)}–{max(official.years)}"


class OfficialCalendarPanel(QWidget):
    """Read-only: the official days of one year at a time, with their source."""

    def __init__(self, official: OfficialCalendar, entries: dict[date, object], today: date, parent=None):
        super().__init__(parent)
        self.setObjectName("official_calendar")
        self.official = official
        self.entries = entries
        title = QLabel(f"<b>{tr('Official calendar (read-only)')}</b>")
        self.source = QLabel(
            trf(
                "From the State Council's notices (国务院办公厅通知), built into this version: years %1. "
                "The office's own entries take precedence on their days.",
                years_text(official),
            )
        )
        self.source.setObjectName("official_source")
        self.source.setWordWrap(True)
        self.year = QComboBox()
        self.year.setObjectName("official_year")
        for y in sorted(official.years, reverse=True):
            self.year.addItem(str(y), y)
        shown = today.year if today.year in official.years else max(official.years, default=today.year)
        self.year.setCurrentIndex(max(0, self.year.findData(shown)))
        self.year.currentIndexChanged.connect(self.fill)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("official_table")
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Weekday"), tr("Kind"), tr("Name")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.next_year = QLabel()
        self.next_year.setObjectName("official_next_year")
        self.next_year.setWordWrap(True)
        self.next_year.setStyleSheet("color: #7a5b00;")
        coming = today.year + 1
        if official.years and coming not in official.years:
            self.next_year.setText(
                trf(
                    "%1 is not in it yet. When the State Council publishes %1's holidays (usually in "
                    "November or December), enter them here on the left, or import them in a plan file.",
                    coming,
                )
            )
        self.next_year.setVisible(bool(self.next_year.text()))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Year")))
        row.addWidget(self.year)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.source)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.next_year)
        self.fill()

    def set_entries(self, entries: dict[date, object]) -> None:
        self.entries = entries
        self.fill()

    def fill(self, *_args: object) -> None:
        year = self.year.currentData()
        days = official_days(self.official, year) if year is not None else []
        self.table.setRowCount(len(days))
        for r, (day, kind, name) in enumerate(days):
            cells = [
                day.isoformat(),
                tr(WEEKDAY_NAMES[day.weekday()]),
                label(CALENDAR_KINDS, kind),
                holiday_label(name),
            ]
            overridden = day in self.entries
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if kind == "holiday":
                    item.setForeground(QColor("#c62828"))
                if overridden:  # the office's entry for that day applies instead
                    item.setForeground(QColor("#9e9e9e"))
                    item.setToolTip(tr("The office's own entry for this day applies."))
                self.table.setItem(r, c, item)
        self.table.setProperty("year", year)
