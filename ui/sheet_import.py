"""Import staff, departments or partners from a spreadsheet: choose the sheet, check the guessed
column for each field, look at every row with its problems marked, and import the good rows as
one undoable step (existing records updated by their key, not duplicated)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.model import Plan
from scheduler.spreadsheet import SYNONYMS, RowResult, Sheet, convert, find_header, guess_mapping

from .i18n import N_, tr, trf
from .widgets import ok_cancel

TARGET_NAMES = {"staff": N_("Staff"), "departments": N_("Departments"), "partners": N_("Partners")}
FIELD_NAMES = {
    "id": N_("Key (staff number / code)"),
    "name": N_("Name"),
    "department": N_("Department"),
    "title": N_("Title"),
    "phone": N_("Phone"),
    "qualifications": N_("Qualifications"),
    "party_member": N_("Party member"),
    "branch": N_("Party branch"),
    "max_hours_month": N_("Max hours a month"),
    "volunteer_no": N_("Volunteer number"),
    "active": N_("Active"),
    "campus": N_("Campus"),
    "min_on_duty": N_("Minimum on duty"),
    "kind": N_("Kind"),
    "district": N_("District"),
    "address": N_("Address"),
    "population": N_("Population"),
    "contact_name": N_("Contact name"),
    "contact_phone": N_("Contact phone"),
}


class SheetImportDialog(QDialog):
    """`records()` gives what to save once accepted; nothing is written before."""

    def __init__(self, path: Path, sheets: list[Sheet], plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(trf("Import from spreadsheet – %1", path.name))
        self.sheets = sheets
        self.plan = plan
        self.results: list[RowResult] = []
        self.target = QComboBox()
        self.target.setObjectName("target")
        for k, v in TARGET_NAMES.items():
            self.target.addItem(tr(v), k)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for s in sheets:
            self.sheet.addItem(s.name)
        self.header_row = QSpinBox()
        self.header_row.setObjectName("header_row")
        self.header_row.setMinimum(1)
        self.columns = QTableWidget(0, 2)
        self.columns.setObjectName("columns")
        self.columns.setHorizontalHeaderLabels([tr("Column in the file"), tr("Field")])
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview = QTableWidget()
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("Import as"), self.target)
        form.addRow(tr("Sheet"), self.sheet)
        form.addRow(tr("Header row"), self.header_row)
        left = QVBoxLayout()
        left.addLayout(form)
        box = QGroupBox(tr("Which column is which field"))
        QVBoxLayout(box).addWidget(self.columns)
        left.addWidget(box, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Every row, with its problems (rows with problems are not imported):")))
        right.addWidget(self.preview, 1)
        right.addWidget(self.summary)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.target.currentIndexChanged.connect(self._sheet_changed)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.header_row.valueChanged.connect(self._header_changed)
        self._sheet_changed()
        self.resize(1180, 640)

    # -- the file and the mapping

    def rows(self) -> list[list]:
        return self.sheets[self.sheet.currentIndex()].rows if self.sheets else []

    def _sheet_changed(self, *_args: object) -> None:
        rows = self.rows()
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(rows)))
        self.header_row.setValue(find_header(self.target.currentData(), rows) + 1)
        self.header_row.blockSignals(False)
        self._header_changed()

    def _header_changed(self, *_args: object) -> None:
        rows = self.rows()
        target = self.target.currentData()
        header = rows[self.header_row.value() - 1] if rows else []
        guessed = guess_mapping(target, header)
        self.columns.setRowCount(len(header))
        for i, cell in enumerate(header):
            self.columns.setItem(i, 0, QTableWidgetItem("" if cell is None else str(cell)))
            combo = QComboBox()
            combo.addItem(tr("(not imported)"), None)
            for f in SYNONYMS[target]:
                combo.addItem(tr(FIELD_NAMES[f]), f)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(i))))
            combo.currentIndexChanged.connect(self.update_preview)
            self.columns.setCellWidget(i, 1, combo)
        self.update_preview()

    def mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(self.columns.rowCount()):
            f = self.columns.cellWidget(i, 1).currentData()
            if f is not None and f not in out.values():
                out[i] = f
        return out

    def set_field(self, column: int, field: str | None) -> None:
        combo = self.columns.cellWidget(column, 1)
        combo.setCurrentIndex(max(0, combo.findData(field)))

    # -- the rows

    def update_preview(self, *_args: object) -> None:
        target = self.target.currentData()
        mapping = self.mapping()
        self.results = convert(target, self.rows(), self.header_row.value() - 1, mapping, self.plan)
        fields = list(mapping.values())
        self.preview.clear()
        self.preview.setColumnCount(len(fields) + 3)
        self.preview.setHorizontalHeaderLabels(
            [tr("Row"), *(tr(FIELD_NAMES[f]) for f in fields), tr("New or update"), tr("Problems")]
        )
        self.preview.setRowCount(len(self.results))
        bad = QBrush(QColor("#fde2e1"))
        for r, res in enumerate(self.results):
            cells = [str(res.line), *(res.values.get(f, "") for f in fields)]
            cells.append(tr("Update") if res.update else tr("New record"))
            cells.append(
                "; ".join(f"{tr(FIELD_NAMES.get(f, f))}: {tr(t).format(value=v)}" for f, t, v in res.problems)
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not res.ok:
                    item.setBackground(bad)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setStretchLastSection(True)
        good = [r for r in self.results if r.ok]
        self.summary.setText(
            trf(
                "%1 rows: %2 new, %3 updates, %4 with problems (not imported).",
                len(self.results),
                sum(1 for r in good if not r.update),
                sum(1 for r in good if r.update),
                len(self.results) - len(good),
            )
        )
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setText(trf("Import %1 rows", len(good)))
        ok.setEnabled(bool(good))

    def records(self) -> tuple[str, list]:
        return self.target.currentData(), [r.record for r in self.results if r.ok]
