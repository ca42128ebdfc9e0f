"""File ▸ Import from spreadsheet: staff, departments, partners or service requests (choose the
sheet, check the guessed column for each field, match unknown partner and service names by hand,
look at every row with its problems marked). Nothing is written until Import; the good rows go in
as one undoable step. The fields and their names come from the declaration
(scheduler/plan/fields.py) through scheduler.exchange.spreadsheet.columns; see docs/sheets.md."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

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

from scheduler.exchange.spreadsheet.columns import MANY, SYNONYMS, field_label, ref_section
from scheduler.exchange.spreadsheet.forms import form_columns, unmatched_names
from scheduler.exchange.spreadsheet.headers import ambiguous, find_header, guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.row import RowResult
from scheduler.exchange.spreadsheet.sheet import Sheet, columns_not_read
from scheduler.plan.model import Plan
from ui.i18n import N_, tr, trf
from ui.widgets import ok_cancel

TARGET_NAMES = {
    "staff": N_("Staff"),
    "departments": N_("Departments"),
    "partners": N_("Partners"),
    "requests": N_("Service requests"),
}
BAD = "#fde2e1"
BAD_CELL = "#f6a9a3"  # a refused cell in a row that is taken
REFUSE = "\x00refuse"  # the names box's choice: leave the rows of this name out


class SheetImportDialog(QDialog):
    """`records()` gives what to save once accepted; nothing is written before."""

    def __init__(
        self,
        path: Path,
        sheets: list[Sheet],
        plan: Plan,
        parent: QWidget | None = None,
        target: str = "staff",
        now: datetime | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(trf("Import from spreadsheet – %1", path.name))
        self.path = path
        self.sheets = sheets
        self.plan = plan
        self.now = now or datetime.now()
        self.results: list[RowResult] = []
        self.choices: dict[str, dict[str, str]] = {"partner": {}, "service": {}}
        self._make_widgets(target)
        self._lay_out()
        self.target.currentIndexChanged.connect(self._sheet_changed)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.header_row.valueChanged.connect(self._header_changed)
        self._sheet_changed()
        self.resize(1360, 760)

    def _make_widgets(self, target: str) -> None:
        self.target = QComboBox()
        self.target.setObjectName("target")
        for k, v in TARGET_NAMES.items():
            self.target.addItem(tr(v), k)
        self.target.setCurrentIndex(max(0, self.target.findData(target)))
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for s in self.sheets:
            self.sheet.addItem(s.name)
        self.header_row = QSpinBox()
        self.header_row.setObjectName("header_row")
        self.header_row.setMinimum(1)
        self.columns = QTableWidget(0, 2)
        self.columns.setObjectName("columns")
        self.columns.setHorizontalHeaderLabels([tr("Column in the file"), tr("Field")])
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.setMinimumWidth(460)
        # How the file's columns were read: the form platform's own, the service question's split.
        self.read_as = QLabel()
        self.read_as.setObjectName("read_as")
        self.read_as.setWordWrap(True)
        self.read_as.setStyleSheet("color: #1a56c4;")
        self.preview = QTableWidget()
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        # Requests: partner and service names the file gives that match none, matched by hand.
        self.names_box = QGroupBox(tr("Names not found: choose what each one means"))
        self.names = QTableWidget(0, 3)
        self.names.setObjectName("names")
        self.names.setHorizontalHeaderLabels([tr("Field"), tr("Name in the file"), tr("Means")])
        self.names.verticalHeader().hide()
        self.names.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.names.horizontalHeader().setStretchLastSection(True)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Import as"), self.target)
        form.addRow(tr("Sheet"), self.sheet)
        form.addRow(tr("Header row"), self.header_row)
        left = QVBoxLayout()
        left.addLayout(form)
        box = QGroupBox(tr("Which column is which field"))
        inside = QVBoxLayout(box)
        inside.addWidget(self.columns, 1)
        inside.addWidget(self.read_as)
        left.addWidget(box, 3)
        QVBoxLayout(self.names_box).addWidget(self.names)
        left.addWidget(self.names_box, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Every row, with its problems (rows with problems are not imported):")))
        right.addWidget(self.preview, 1)
        right.addWidget(self.summary)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)

    def label(self, field: str) -> str:
        """A field's name on screen, as the declaration (or the form's columns) says it."""
        return tr(field_label(self.target.currentData(), field))

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
        guessed = guess_mapping(target, header, rows[self.header_row.value() :])
        self.columns.setRowCount(len(header))
        for i, cell in enumerate(header):
            item = QTableWidgetItem("" if cell is None else str(cell))
            item.setToolTip(item.text())
            self.columns.setItem(i, 0, item)
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.addItem(tr("(not imported)"), None)
            for f in SYNONYMS[target]:
                combo.addItem(self.label(f), f)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(i))))
            combo.currentIndexChanged.connect(self.update_preview)
            self.columns.setCellWidget(i, 1, combo)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(0, min(self.columns.columnWidth(0), 200))
        self.update_preview()

    def _fill_names(self) -> None:
        """The names box: each unknown partner or service name with the closest records first."""
        requests = self.target.currentData() == "requests"
        self.names_box.setVisible(requests)
        self.names.setRowCount(0)
        if not requests:
            return
        found = unmatched_names(self.rows(), self.header_row.value() - 1, self.mapping(), self.plan)
        items: dict[str, dict[str, Any]] = {"partner": self.plan.partners, "service": self.plan.services}
        for f, names in found.items():
            for name, candidates in names.items():
                r = self.names.rowCount()
                self.names.insertRow(r)
                self.names.setItem(r, 0, QTableWidgetItem(self.label(f)))
                self.names.setItem(r, 1, QTableWidgetItem(name))
                combo = QComboBox()
                combo.addItem(tr("(leave these rows out)"), REFUSE)
                for k in candidates:
                    combo.addItem(f"{items[f][k].name} [{k}]", k)
                if candidates:
                    combo.insertSeparator(combo.count())
                for k, v in sorted(items[f].items(), key=lambda kv: (kv[1].name, kv[0])):
                    if k not in candidates:
                        combo.addItem(f"{v.name} [{k}]", k)
                chosen = self.choices[f].get(name)
                combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
                combo.currentIndexChanged.connect(
                    lambda _i, f=f, name=name, c=combo: self.choose(f, name, c.currentData())
                )
                self.names.setCellWidget(r, 2, combo)

    def choose(self, field: str, name: str, key: str | None) -> None:
        """Match a name of the file to a record (None or REFUSE: leave its rows out)."""
        if key is None or key == REFUSE:
            self.choices[field].pop(name, None)
        else:
            self.choices[field][name] = key
        self._show_rows()

    def name_combo(self, field: str, name: str) -> QComboBox | None:
        for r in range(self.names.rowCount()):
            if self.names.item(r, 1).text() == name and self.names.item(r, 0).text() == self.label(field):
                return self.names.cellWidget(r, 2)
        return None

    def mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(self.columns.rowCount()):
            f = self.columns.cellWidget(i, 1).currentData()
            if f is not None and (f in MANY or f not in out.values()):
                out[i] = f
        return out

    def _say_read_as(self, mapping: dict[int, str]) -> None:
        """The columns the form platform added (recognised, never read as answers), where the
        services come from and how a cell of several is split; two staff-number columns."""
        rows = self.rows()
        header = rows[self.header_row.value() - 1] if rows else []

        def named(i: int) -> str:
            return "" if i >= len(header) or header[i] is None else str(header[i])

        lines = []
        if self.target.currentData() == "requests":
            cols = form_columns(header, mapping)
            if cols.platform:
                lines.append(
                    trf(
                        "Columns of the form platform, not read as answers: %1",
                        "、".join(
                            named(i) + (f" → {self.label(f)}" if f != "platform" else "")
                            for i, f in cols.platform
                        ),
                    )
                )
            if cols.service_kind == "0/1":
                lines.append(
                    trf(
                        "Services: one 0/1 column per choice (%1); each service chosen is a request of its own.",
                        "、".join(c for _i, c in cols.service),
                    )
                )
            elif cols.service_kind == "text":
                lines.append(
                    trf(
                        "Services: column %1; several in one cell (joined by ┋ ; , 、) are a request each.",
                        named(cols.service[0][0]),
                    )
                )
        for f, cols_ in ambiguous(self.target.currentData(), header).items():
            lines.append(
                trf(
                    "Columns %1 could each be the %2: the file can be read two ways, so neither is taken; choose one.",
                    "、".join(named(i) for i in cols_),
                    self.label(f),
                )
            )
        sheet = self.sheets[self.sheet.currentIndex()] if self.sheets else None
        if sheet is not None and sheet.cut:  # columns past the 256th: said, never dropped in silence
            lines.append(columns_not_read(sheet.name, sheet.cut, trf))
        self.read_as.setText("\n".join(lines))
        self.read_as.setVisible(bool(lines))

    def set_field(self, column: int, field: str | None) -> None:
        combo = self.columns.cellWidget(column, 1)
        combo.setCurrentIndex(max(0, combo.findData(field)))

    # -- the rows

    def update_preview(self, *_args: object) -> None:
        self._fill_names()
        self._show_rows()

    def _show_rows(self) -> None:
        mapping = self.mapping()
        self.results = convert(
            self.target.currentData(),
            self.rows(),
            self.header_row.value() - 1,
            mapping,
            self.plan,
            now=self.now,
            source=self.path.name,
            choices=self.choices,
        )
        self._say_read_as(mapping)
        fields = list(dict.fromkeys(f for f in mapping.values() if f not in ("platform", "other")))
        if "other" in mapping.values() and "notes" not in fields:
            fields.append("notes")  # the text beside 其他 is the note
        self._fill_preview(fields)
        self._say_counts()

    def _fill_preview(self, fields: list[str]) -> None:
        """A line per result (a row of a submission of two services is two), problems in red."""
        requests = self.target.currentData() == "requests"
        self.preview.clear()
        self.preview.setColumnCount(len(fields) + 3)
        self.preview.setHorizontalHeaderLabels(
            [tr("Row"), *(self.label(f) for f in fields), tr("New or update"), tr("Problems")]
        )
        self.preview.setRowCount(len(self.results))
        bad = QBrush(QColor(BAD))
        skipped = QBrush(QColor("#ececec"))
        per_row = self._per_row()
        k = 0
        for r, res in enumerate(self.results):
            k = k + 1 if r and self.results[r - 1].line == res.line else 1
            line = str(res.line) if per_row[res.line] == 1 else f"{res.line} ({k}/{per_row[res.line]})"
            cells = [line, *(res.values.get(f, "") for f in fields)]
            if res.skip is not None:
                cells.append(tr(res.skip[0]).format(value=res.skip[1]))
            elif requests:
                cells.append(tr("New request"))
            else:
                cells.append(tr("Update") if res.update else tr("New record"))
            cells.append("; ".join(self._problem(res, f, t, v) for f, t, v in res.problems))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if res.problems or (res.record is None and res.skip is None):
                    item.setBackground(bad)
                elif res.skip is not None:
                    item.setBackground(skipped)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setStretchLastSection(True)

    def _per_row(self) -> dict[int, int]:
        """Results per row of the sheet."""
        per_row: dict[int, int] = {}
        for res in self.results:
            per_row[res.line] = per_row.get(res.line, 0) + 1
        return per_row

    def _say_counts(self) -> None:
        """The summary under the rows and the Import button's count."""
        good = [r for r in self.results if r.ok]
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        if self.target.currentData() == "requests":
            again = sum(1 for r in self.results if r.skip is not None and not r.problems)
            bad = {r.line for r in self.results if r.problems or (r.record is None and r.skip is None)}
            self.summary.setText(
                trf(
                    "%1 rows: %2 new requests, %3 already there (repeated, or imported before), %4 with problems (not imported).",
                    len(self._per_row()),
                    len(good),
                    again,
                    len(bad),
                )
            )
            ok.setText(trf("Import %1 requests", len(good)))
        else:
            self.summary.setText(
                trf(
                    "%1 rows: %2 new, %3 updates, %4 with problems (not imported).",
                    len(self.results),
                    sum(1 for r in good if not r.update),
                    sum(1 for r in good if r.update),
                    len(self.results) - len(good),
                )
            )
            ok.setText(trf("Import %1 rows", len(good)))
        ok.setEnabled(bool(good))

    def _problem(self, res: RowResult, field: str, template: str, value: str) -> str:
        text = f"{self.label(field)}: {tr(template).format(value=value)}"
        candidates = res.candidates.get(field)
        if candidates:
            items = getattr(self.plan, ref_section(self.target.currentData(), field))
            text += "; " + trf("closest: %1", "、".join(items[k].name for k in candidates if k in items))
        return text

    def records(self) -> tuple[str, list]:
        return self.target.currentData(), [r.record for r in self.results if r.ok]
