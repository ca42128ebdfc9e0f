"""The agenda: every occurrence of the range as a list, one row each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from scheduler.calendar.workdays import DayKind, WorkCalendar
from ui.calendar.periods import WEEKDAY_NAMES
from ui.calendar.shown import DONE_COLOUR, STATE_MARKS, Shown, kind_colour, state_text
from ui.i18n import tr
from ui.labels import ACTIVITY_KINDS, holiday_label, label


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
            item.setForeground(2, kind_colour(a, s.cancelled))
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
