"""Settings ▸ Shift codes: what each code of the departments' duty rosters means, and how a
shift is said on screen (the duty import's tooltips and legend use it too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.exchange.duty.codes import DEFAULT_SHIFT_CODES, MEANINGS, shift_code_problems
from ui.i18n import N_, tr, trf
from ui.widgets import ok_cancel

MEANING_NAMES = {
    "day": N_("Day shift: on duty in clinical hours"),
    "night": N_("Night shift: on duty overnight, resting the next day"),
    "free": N_("Free"),
    "leave": N_("Leave: away all day"),
}


def shift_text(shift: Any) -> str:
    if not shift.timed:
        return tr(MEANING_NAMES[shift.kind]) if shift.kind in MEANING_NAMES else shift.kind
    off = "24:00" if shift.off == "00:00" else shift.off
    text = f"{shift.on}–{off}"
    if shift.overnight and shift.off != "00:00":
        text += " " + tr("(next day)")
    if shift.rest_until:
        text += " " + trf("rest until %1", shift.rest_until)
    if shift.kind == "leave":
        text += " " + tr("away")
    return text


class ShiftCodesDialog(QDialog):
    """Settings ▸ Shift codes: what each code of the departments' duty rosters means: a kind, or a
    shift with its own hours (on, off, optional rest until a time of the day it ends)."""

    COLUMNS = 5  # code, means, on, off, rest until

    def __init__(self, codes: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Shift codes"))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("codes")
        self.table.setHorizontalHeaderLabels(
            [tr("Code in the roster"), tr("Means"), tr("Starts at"), tr("Ends at"), tr("Rest until")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        add = QPushButton(tr("Add a code"))
        add.clicked.connect(lambda: self.add_code("", "day"))
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        defaults = QPushButton(tr("Restore the defaults"))
        defaults.clicked.connect(lambda: self.set_codes(DEFAULT_SHIFT_CODES))
        row = QHBoxLayout()
        for b in (add, remove, defaults):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "How a cell of a department's duty roster is read. An empty cell is a free day. A shift "
                "with its own hours (Starts at, Ends at as HH:MM) ends the next day when it ends not after it starts "
                "(16:00 to 00:00 ends at midnight); Rest until: a rest after it, to that time of the day it ends. "
                "A roster's own legend is used for the codes it states, except where a code here says otherwise."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.set_codes(codes)
        self.table.itemChanged.connect(self._check)
        self.resize(760, 560)

    def set_codes(self, codes: dict[str, Any]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for code, meaning in codes.items():
            self.add_code(code, meaning)
        self.table.blockSignals(False)
        self._check()

    def add_code(self, code: str, meaning: Any) -> None:
        """A row: `meaning` is a kind (day, night, free, leave) or the hours {"on", "off", …}."""
        r = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(code))
        combo = QComboBox()
        for m in MEANINGS:
            combo.addItem(tr(MEANING_NAMES[m]), m)
        combo.addItem(tr("On duty at its own hours"), "hours")
        combo.addItem(tr("Away (leave) at its own hours"), "hours-leave")
        timed = isinstance(meaning, dict)
        kind = ("hours-leave" if meaning.get("kind") == "leave" else "hours") if timed else meaning
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        combo.currentIndexChanged.connect(self._check)
        self.table.setCellWidget(r, 1, combo)
        for c, key in ((2, "on"), (3, "off"), (4, "rest_until")):
            self.table.setItem(r, c, QTableWidgetItem(str(meaning.get(key) or "") if timed else ""))
        self.table.blockSignals(False)
        if not code:
            self.table.setCurrentCell(r, 0)
            self.table.editItem(self.table.item(r, 0))
        self._check()

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
        self._check()

    def _cell(self, r: int, c: int) -> str:
        item = self.table.item(r, c)
        return item.text().strip() if item is not None else ""

    def codes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for r in range(self.table.rowCount()):
            code = self._cell(r, 0)
            if not code:
                continue
            kind = self.table.cellWidget(r, 1).currentData()
            if kind in ("hours", "hours-leave"):
                value: dict[str, str] = {
                    "on": self._cell(r, 2),
                    "off": "00:00" if self._cell(r, 3) == "24:00" else self._cell(r, 3),
                }
                if self._cell(r, 4):
                    value["rest_until"] = self._cell(r, 4)
                if kind == "hours-leave":
                    value["kind"] = "leave"
                out[code] = value
            else:
                out[code] = kind
        return out

    def _check(self, *_args: object) -> None:
        for r in range(self.table.rowCount()):
            widget = self.table.cellWidget(r, 1)
            timed = widget is not None and widget.currentData() in ("hours", "hours-leave")
            for c in (2, 3, 4):
                item = self.table.item(r, c)
                if item is not None:
                    flags = item.flags()
                    editable = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled
                    self.table.blockSignals(True)
                    item.setFlags(flags | editable if timed else flags & ~editable)
                    self.table.blockSignals(False)
        problems = shift_code_problems(self.codes())
        self.message.setText(
            "\n".join(
                trf("%1: %2", where.lstrip(".") or value, tr(reason)) for where, value, reason in problems[:5]
            )
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(not problems)
