"""Import from a spreadsheet: staff, departments, partners or service requests (choose the sheet,
check the guessed column for each field, match unknown partner and service names by hand, look at
every row with its problems marked) and a department's duty roster of a month (the grid as read,
unknown codes and people in red). Nothing is written until Import; the good rows go in as one
undoable step. Also the Settings dialog of the duty roster's shift codes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
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
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.exchange.duty.codes import DEFAULT_SHIFT_CODES, MEANINGS, legend_groups, shift_code_problems
from scheduler.exchange.duty.grid import SheetRead, read_duty_grid, read_duty_sheets
from scheduler.exchange.duty.legend import sheet_legend, workbook_legend
from scheduler.exchange.duty.merge import merge_roster, roster_index
from scheduler.exchange.duty.roster import DutyError, DutyRoster, column_index, column_letter, column_runs
from scheduler.exchange.duty.shifts import cell_meanings, cell_shifts
from scheduler.exchange.spreadsheet.columns import MANY, SYNONYMS
from scheduler.exchange.spreadsheet.forms import form_columns, unmatched_names
from scheduler.exchange.spreadsheet.headers import ambiguous, find_header, guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.row import RowResult
from scheduler.exchange.spreadsheet.sheet import Sheet, columns_not_read
from scheduler.plan.model import Plan, Unavailability
from ui.i18n import N_, tr, trf
from ui.widgets import ok_cancel

TARGET_NAMES = {
    "staff": N_("Staff"),
    "departments": N_("Departments"),
    "partners": N_("Partners"),
    "requests": N_("Service requests"),
}
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
    "partner": N_("Partner"),
    "service": N_("Service"),
    "date": N_("Preferred date"),
    "time": N_("Preferred time"),
    "audience": N_("Expected audience"),
    "notes": N_("Notes"),
    "received": N_("Received"),
    "priority": N_("Priority"),
    "position": N_("Position (职务)"),
    "number": N_("Submission number (form platform)"),
    "platform": N_("Form platform's column (not an answer)"),
    "other": N_("Text written beside 其他 (a note)"),
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
        self.target = QComboBox()
        self.target.setObjectName("target")
        for k, v in TARGET_NAMES.items():
            self.target.addItem(tr(v), k)
        self.target.setCurrentIndex(max(0, self.target.findData(target)))
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
        # Requests: partner and service names the file gives that match none, matched by hand.
        self.names_box = QGroupBox(tr("Names not found: choose what each one means"))
        self.names = QTableWidget(0, 3)
        self.names.setObjectName("names")
        self.names.setHorizontalHeaderLabels([tr("Field"), tr("Name in the file"), tr("Means")])
        self.names.verticalHeader().hide()
        self.names.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.names.horizontalHeader().setStretchLastSection(True)
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
        self.target.currentIndexChanged.connect(self._sheet_changed)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.header_row.valueChanged.connect(self._header_changed)
        self._sheet_changed()
        self.resize(1360, 760)

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
                combo.addItem(tr(FIELD_NAMES[f]), f)
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
                self.names.setItem(r, 0, QTableWidgetItem(tr(FIELD_NAMES[f])))
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
            if self.names.item(r, 1).text() == name and self.names.item(r, 0).text() == tr(
                FIELD_NAMES[field]
            ):
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
                            named(i) + (f" → {tr(FIELD_NAMES[f])}" if f != "platform" else "")
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
                    tr(FIELD_NAMES[f]),
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
        target = self.target.currentData()
        mapping = self.mapping()
        self.results = convert(
            target,
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
        self.preview.clear()
        self.preview.setColumnCount(len(fields) + 3)
        self.preview.setHorizontalHeaderLabels(
            [tr("Row"), *(tr(FIELD_NAMES[f]) for f in fields), tr("New or update"), tr("Problems")]
        )
        self.preview.setRowCount(len(self.results))
        bad = QBrush(QColor(BAD))
        skipped = QBrush(QColor("#ececec"))
        per_row: dict[int, int] = {}
        for res in self.results:
            per_row[res.line] = per_row.get(res.line, 0) + 1
        k = 0
        for r, res in enumerate(self.results):
            k = k + 1 if r and self.results[r - 1].line == res.line else 1
            line = str(res.line) if per_row[res.line] == 1 else f"{res.line} ({k}/{per_row[res.line]})"
            cells = [line, *(res.values.get(f, "") for f in fields)]
            if res.skip is not None:
                cells.append(tr(res.skip[0]).format(value=res.skip[1]))
            elif target == "requests":
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
        good = [r for r in self.results if r.ok]
        if target == "requests":
            again = sum(1 for r in self.results if r.skip is not None and not r.problems)
            self.summary.setText(
                trf(
                    "%1 rows: %2 new requests, %3 already there (repeated, or imported before), %4 with problems (not imported).",
                    len(per_row),
                    len(good),
                    again,
                    len(
                        {r.line for r in self.results if r.problems or (r.record is None and r.skip is None)}
                    ),
                )
            )
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
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        if target == "requests":
            ok.setText(trf("Import %1 requests", len(good)))
        else:
            ok.setText(trf("Import %1 rows", len(good)))
        ok.setEnabled(bool(good))

    def _problem(self, res: RowResult, field: str, template: str, value: str) -> str:
        text = f"{tr(FIELD_NAMES.get(field, field))}: {tr(template).format(value=value)}"
        candidates = res.candidates.get(field)
        if candidates:
            items = {"partner": self.plan.partners, "department": self.plan.departments}.get(
                field, self.plan.services
            )
            text += "; " + trf("closest: %1", "、".join(items[k].name for k in candidates if k in items))
        return text

    def records(self) -> tuple[str, list]:
        return self.target.currentData(), [r.record for r in self.results if r.ok]


# -- duty rosters

MEANING_NAMES = {
    "day": N_("Day shift: on duty in clinical hours"),
    "night": N_("Night shift: on duty overnight, resting the next day"),
    "free": N_("Free"),
    "leave": N_("Leave: away all day"),
}
MEANING_COLOURS = {"night": "#dbe7fb", "leave": "#fff3c4"}
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
AS_THE_SHEET_SAYS = None


def _months_around(today: date) -> list[date]:
    first = today.replace(day=1)
    out = []
    for k in range(-12, 13):
        y, m = divmod(first.month - 1 + k, 12)
        out.append(date(first.year + y, m + 1, 1))
    return out


class DutyImportDialog(QDialog):
    """A duty roster workbook previewed as read, as `sheet duty` reads it: every visible sheet (each
    a department's roster; hidden ones skipped and named), the legend read, the date each column was
    read as, the blocks (stacked weeks) found, the rows skipped, each person found (or why not),
    each cell's code (unknown ones red), and what the import writes, keeps and replaces. The sheet
    shown can be given its department and month by hand. `rosters()` is what to import."""

    def __init__(
        self,
        path: Path,
        sheets: list[Sheet],
        plan: Plan,
        codes: dict[str, Any],
        clinical_hours: tuple[str, str],
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(trf("Import duty roster – %1", path.name))
        self.path = path
        self.sheets = sheets
        self.plan = plan
        self.codes = codes
        self.hours = clinical_hours
        self.roster: DutyRoster | None = None
        self.error = ""
        self.reads: dict[str, SheetRead] = {
            r.name: r for r in read_duty_sheets(sheets, lambda sh: self._read(sh, None, None))
        }
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for s in sheets:
            self.sheet.addItem(self._sheet_label(s.name), s.name)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.addItem(tr("(as the sheet says)"), AS_THE_SHEET_SAYS)
        for d in sorted(plan.departments.values(), key=lambda d: (d.name, d.id)):
            self.department.addItem(d.name, d.id)
        self.month = QComboBox()
        self.month.setObjectName("month")
        self.month.addItem(tr("(as the sheet says)"), AS_THE_SHEET_SAYS)
        for m in _months_around(today):
            self.month.addItem(f"{m:%Y-%m}", m)
        self.sheets_found = QLabel()
        self.sheets_found.setObjectName("sheets_found")
        self.sheets_found.setWordWrap(True)
        self.read_as = QLabel()
        self.read_as.setObjectName("read_as")
        self.read_as.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QTableWidget()
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setMaximumHeight(110)
        self.problems.setStyleSheet("color: #b00020;")
        self.skipped = QLabel()
        self.skipped.setObjectName("skipped")
        self.skipped.setWordWrap(True)
        self.skipped.setStyleSheet("color: #606060;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        for text, widget in (
            (tr("Sheet"), self.sheet),
            (tr("Department"), self.department),
            (tr("Month"), self.month),
        ):
            top.addWidget(QLabel(text))
            top.addWidget(widget, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for label in (self.sheets_found, self.read_as, self.legend):
            label.setStyleSheet("color: #404040;")
            layout.addWidget(label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.skipped)
        layout.addWidget(self.summary)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.department.currentIndexChanged.connect(self.update_preview)
        self.month.currentIndexChanged.connect(self.update_preview)
        first = next((i for i, s in enumerate(sheets) if (r := self.reads.get(s.name)) and r.roster), 0)
        self.sheet.blockSignals(True)
        self.sheet.setCurrentIndex(first)
        self.sheet.blockSignals(False)
        self._sheet_changed()
        self.resize(1280, 720)

    def _read(self, sheet: Sheet, department: str | None, month: date | None) -> DutyRoster:
        source = self.path.name if sheet.name == self.path.name else f"{self.path.name}: {sheet.name}"
        return read_duty_grid(
            sheet.rows,
            self.plan,
            self.codes,
            self.hours,
            department=department,
            month=month,
            hints=(sheet.name, self.path.stem),
            source=source,
            legend_texts=workbook_legend(self.sheets),
        )

    def _sheet_label(self, name: str) -> str:
        r = self.reads.get(name)
        if r is None or r.roster is not None:
            return name
        if r.hidden:
            return trf("%1 (hidden: skipped)", name)
        return trf("%1 (not read)", name)

    def _sheets_text(self) -> str:
        parts = []
        for r in self.reads.values():
            if r.hidden:
                parts.append(trf("%1: hidden, skipped", r.name))
            elif r.roster is not None:
                dept = self.plan.departments[r.roster.department].name
                parts.append(trf("%1: %2, %3 people", r.name, dept, len(r.roster.people)))
            elif r.error is not None and sheet_legend(next(s.rows for s in self.sheets if s.name == r.name)):
                parts.append(trf("%1: the workbook's legend, read for every roster", r.name))
            elif r.error is not None:
                parts.append(trf("%1: not read", r.name))
        return trf("Sheets found: %1", "; ".join(parts))

    def _sheet_changed(self, *_args: object) -> None:
        """A new sheet is read as it says; the department and month found are then shown."""
        for combo in (self.department, self.month):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.update_preview()
        if self.roster is not None:
            for combo, value in ((self.department, self.roster.department), (self.month, self.roster.month)):
                combo.blockSignals(True)
                if combo.findData(value) < 0:
                    combo.addItem(f"{value:%Y-%m}" if isinstance(value, date) else str(value), value)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)

    def choose(self, department: str | None = None, month: date | None = None) -> None:
        """Set the department and month as a user would (None: as the sheet says)."""
        if department is not None:
            self.department.setCurrentIndex(self.department.findData(department))
        if month is not None:
            if self.month.findData(month) < 0:
                self.month.addItem(f"{month:%Y-%m}", month)
            self.month.setCurrentIndex(self.month.findData(month))

    def current_sheet(self) -> Sheet:
        return self.sheets[self.sheet.currentIndex()] if self.sheets else Sheet("", [])

    def update_preview(self, *_args: object) -> None:
        sheet = self.current_sheet()
        read = self.reads.get(sheet.name)
        if read is not None and read.hidden:
            self.roster = None
            self.error = tr(
                "the sheet is hidden in the workbook: it is not read (a roster kept for the record)"
            )
        else:
            try:
                self.roster = self._read(sheet, self.department.currentData(), self.month.currentData())
                self.error = ""
                self.reads[sheet.name] = SheetRead(sheet.name, roster=self.roster)
            except DutyError as exc:
                self.roster = None
                self.error = exc.text(tr)
                self.reads[sheet.name] = SheetRead(sheet.name, error=exc)
        self.sheet.setItemText(self.sheet.currentIndex(), self._sheet_label(sheet.name))
        self._show()

    def rosters(self) -> list[DutyRoster]:
        """The rosters an import takes: every visible sheet read, the one shown as chosen."""
        return [r.roster for r in self.reads.values() if r.roster is not None and r.roster.taken]

    def _legend_text(self, roster: DutyRoster) -> str:
        if not roster.legend:
            return tr("Legend: none in the sheet; the codes of Settings ▸ Shift codes are used.")
        groups = legend_groups(roster.legend)
        used = [f"{c} {_shift_text(e.shift)}" for c, e in groups if e.used and e.shift is not None]
        other = [f"{c} {_shift_text(e.shift)}" for c, e in groups if not e.used and e.shift is not None]
        unread = [e.text for _c, e in groups if e.shift is None]
        parts = [trf("Legend read: %1", ", ".join(used) or "—")]
        if other:
            parts.append(trf("not used, the office's own codes say otherwise: %1", ", ".join(other)))
        if unread:
            parts.append(trf("not understood (not used): %1", "；".join(unread)))
        return "; ".join(parts)

    def _show(self) -> None:
        self.preview.clear()
        self.problems.clear()
        cut = [columns_not_read(s.name, s.cut, trf) for s in self.sheets if s.cut and s.state == "visible"]
        listed = [self._sheets_text()] if len(self.sheets) > 1 else []
        self.sheets_found.setText("\n".join([*listed, *cut]))
        self.sheets_found.setVisible(bool(listed or cut))
        roster = self.roster
        if roster is None:
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.read_as.setText("")
            self.legend.setText("")
            self.skipped.setText("")
            self.summary.setText(trf("This sheet cannot be read as a duty roster: %1", self.error))
            self.summary.setStyleSheet("color: #b00020;")
            self.problems.hide()
            self._import_button()
            return
        self.summary.setStyleSheet("")
        days = roster.days
        dates = roster.dates
        blocks = "; ".join(
            trf(
                "row %1: columns %2",
                b.header_row + 1,
                ", ".join(
                    f"{column_letter(c0)}–{column_letter(c1)} = {d0:%m-%d} – {d1:%m-%d}"
                    if c0 != c1
                    else f"{column_letter(c0)} = {d0:%m-%d}"
                    for c0, c1, d0, d1 in column_runs(list(b.days))
                ),
            )
            for b in roster.blocks
        )
        self.read_as.setText(
            trf(
                "Read as %1 – %2, %3 day(s) in %4 block(s): %5",
                dates[0],
                dates[-1],
                len(dates),
                len(roster.blocks),
                blocks,
            )
        )
        self.legend.setText(self._legend_text(roster))
        labels = [tr("Row"), tr("Staff number"), tr("Name in the roster"), tr("Found as")]
        labels += [f"{column_letter(c)}\n{d:%m-%d}\n{tr(WEEKDAYS[d.weekday()])}" for c, d in days]
        self.preview.setColumnCount(len(labels))
        self.preview.setHorizontalHeaderLabels(labels)
        self.preview.setRowCount(len(roster.people))
        bad_row = QBrush(QColor(BAD))
        bad_cell = QBrush(QColor(BAD_CELL))
        why: dict[tuple[int, str], list[str]] = {}
        for f in roster.refusals:
            why.setdefault((f.row, f.column), []).append(f.text(tr))
        rows = self.current_sheet().rows
        for f in roster.refusals:
            where = trf("Row %1", f.row)
            if f.column:
                index = column_index(f.column)
                header = rows[f.row - 1] if 0 < f.row <= len(rows) else []
                head = header[index] if index < len(header) else ""
                where = trf("Row %1, column %2 (%3)", f.row, f.column, "" if head is None else head)
            self.problems.addItem(f"{where}: {f.text(tr)}")
        self.problems.setVisible(bool(roster.refusals))
        self.skipped.setText(
            trf(
                "Rows skipped, not people: %1",
                "; ".join(f"{k.row} {k.text[:24]} ({tr(k.reason)})" for k in roster.skipped),
            )
            if roster.skipped
            else ""
        )
        self.skipped.setVisible(bool(roster.skipped))
        columns = {d: c for c, d in days}
        for r, person in enumerate(roster.people):
            found = ""
            if person.staff is not None:
                s = self.plan.staff[person.staff]
                found = f"{s.name} [{s.id}]"
            else:
                found = "; ".join(why.get((person.row, ""), []))
            for c, text in enumerate([str(person.row), person.number, person.name, found]):
                item = QTableWidgetItem(text)
                if person.staff is None:
                    item.setBackground(bad_row)
                    item.setToolTip(found)
                self.preview.setItem(r, c, item)
            for k, (_col, d) in enumerate(days, start=4):
                text = person.cells.get(d, "")
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if d in person.refused_days:
                    item.setBackground(bad_cell)
                    item.setForeground(QBrush(QColor("#8a0010")))
                    item.setToolTip("; ".join(why.get((person.row, column_letter(columns[d])), [])))
                elif person.staff is None:
                    item.setBackground(bad_row)
                else:
                    meanings = cell_meanings(text, roster.codes) or set()
                    colour = next((MEANING_COLOURS[m] for m in ("leave", "night") if m in meanings), None)
                    if colour:
                        item.setBackground(QBrush(QColor(colour)))
                    shifts = cell_shifts(text, roster.codes) if text else None
                    if shifts:
                        item.setToolTip(", ".join(_shift_text(x) for x in shifts))
                self.preview.setItem(r, k, item)
        self.preview.resizeColumnsToContents()
        self.preview.setColumnWidth(3, min(self.preview.columnWidth(3), 200))
        merge = merge_roster(self.plan.unavailability, roster)
        reasons = {k: sum(1 for e in roster.entries if e.reason == k) for k in ("duty", "rest", "leave")}
        rows_refused = sum(1 for p in roster.people if p.staff is None)
        cells_refused = sum(len(p.refused_days) for p in roster.people)
        dept = self.plan.departments[roster.department].name
        text = trf(
            "%1, %2 – %3: %4 of %5 people found; %6 entries (%7 on duty, %8 resting after a night, %9 on leave).",
            dept,
            f"{dates[0]}",
            f"{dates[-1]}",
            len(roster.taken),
            len(roster.people),
            len(roster.entries),
            reasons["duty"],
            reasons["rest"],
            reasons["leave"],
        )
        if rows_refused or cells_refused:
            text += " " + trf("Not imported: %1 rows and %2 cells (in red).", rows_refused, cells_refused)
        text += " " + trf(
            "%1 to write, %2 already there, %3 earlier entries of these people and days replaced, "
            "%4 kept (their cell refused), %5 of people not taken left as they were.",
            len(merge.saves),
            merge.unchanged,
            merge.replaced,
            merge.kept,
            merge.untouched,
        )
        if merge.left_out:
            text += " " + trf(
                "%1 of them are left out: the same person and times are held already (typed in, or another roster).",
                len(merge.left_out),
            )
        self.summary.setText(text)
        self._import_button()

    def _import_button(self) -> None:
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        saves, deletes = self.changes(self.plan.unavailability)
        n = len(self.rosters())
        ok.setText(
            trf("Import %1 entries", len(saves))
            if n <= 1
            else trf("Import %1 entries of %2 sheets", len(saves), n)
        )
        ok.setEnabled(bool(saves) or bool(deletes))

    def changes(self, unavailability: dict[Any, Unavailability]) -> tuple[list[Unavailability], list[Any]]:
        """(entries to save, keys to delete) against the unavailability the database holds, for
        every roster read."""
        held = dict(unavailability)
        index = roster_index(held)
        saves: list[Unavailability] = []
        deletes: list[Any] = []
        for roster in self.rosters():
            merge = merge_roster(held, roster, index)
            merge.apply(held, index)
            saves.extend(merge.saves)
            deletes.extend(merge.deletes)
        return saves, deletes


def _shift_text(shift: Any) -> str:
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
