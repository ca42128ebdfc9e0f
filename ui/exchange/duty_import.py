"""File ▸ Import from spreadsheet ▸ duty roster: a department's duty roster of a month previewed
as `sheet duty` reads it (the grid as read, unknown codes and people in red, what the import
writes, keeps and replaces). Nothing is written until Import; the rosters go in as one undoable
step. See docs/sheets.md and docs/duty-rosters.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.exchange.duty.codes import legend_groups
from scheduler.exchange.duty.grid import SheetRead, read_duty_grid, read_duty_sheets
from scheduler.exchange.duty.legend import sheet_legend, workbook_legend
from scheduler.exchange.duty.merge import merge_roster, roster_index
from scheduler.exchange.duty.roster import DutyError, DutyRoster, column_runs
from scheduler.exchange.duty.shifts import cell_meanings, cell_shifts
from scheduler.exchange.spreadsheet.sheet import Sheet, column_index, column_letter, columns_not_read
from scheduler.plan.model import Plan, Unavailability
from ui.exchange.sheet_import import BAD, BAD_CELL
from ui.exchange.shift_codes_dialog import shift_text
from ui.i18n import N_, tr, trf
from ui.widgets import ok_cancel

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
        self._make_widgets(today)
        self._lay_out()
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.department.currentIndexChanged.connect(self.update_preview)
        self.month.currentIndexChanged.connect(self.update_preview)
        first = next((i for i, s in enumerate(sheets) if (r := self.reads.get(s.name)) and r.roster), 0)
        self.sheet.blockSignals(True)
        self.sheet.setCurrentIndex(first)
        self.sheet.blockSignals(False)
        self._sheet_changed()
        self.resize(1280, 720)

    def _make_widgets(self, today: date) -> None:
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for s in self.sheets:
            self.sheet.addItem(self._sheet_label(s.name), s.name)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.addItem(tr("(as the sheet says)"), AS_THE_SHEET_SAYS)
        for d in sorted(self.plan.departments.values(), key=lambda d: (d.name, d.id)):
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

    def _lay_out(self) -> None:
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
        used = [f"{c} {shift_text(e.shift)}" for c, e in groups if e.used and e.shift is not None]
        other = [f"{c} {shift_text(e.shift)}" for c, e in groups if not e.used and e.shift is not None]
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
            self._show_unread()
            return
        self.summary.setStyleSheet("")
        self.read_as.setText(self._read_as_text(roster))
        self.legend.setText(self._legend_text(roster))
        why: dict[tuple[int, str], list[str]] = {}
        for f in roster.refusals:
            why.setdefault((f.row, f.column), []).append(f.text(tr))
        self._list_refusals(roster)
        self.skipped.setText(
            trf(
                "Rows skipped, not people: %1",
                "; ".join(f"{k.row} {k.text[:24]} ({tr(k.reason)})" for k in roster.skipped),
            )
            if roster.skipped
            else ""
        )
        self.skipped.setVisible(bool(roster.skipped))
        self._fill_grid(roster, why)
        self.summary.setText(self._summary_text(roster))
        self._import_button()

    def _show_unread(self) -> None:
        """A sheet that is no roster: nothing shown but why."""
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.read_as.setText("")
        self.legend.setText("")
        self.skipped.setText("")
        self.summary.setText(trf("This sheet cannot be read as a duty roster: %1", self.error))
        self.summary.setStyleSheet("color: #b00020;")
        self.problems.hide()
        self._import_button()

    def _read_as_text(self, roster: DutyRoster) -> str:
        """The dates the day columns were read as, block by block."""
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
        return trf(
            "Read as %1 – %2, %3 day(s) in %4 block(s): %5",
            dates[0],
            dates[-1],
            len(dates),
            len(roster.blocks),
            blocks,
        )

    def _list_refusals(self, roster: DutyRoster) -> None:
        """Each refused row or cell, where it is (with the column's header) and why."""
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

    def _fill_grid(self, roster: DutyRoster, why: dict[tuple[int, str], list[str]]) -> None:
        """The grid as read: a line per person (found as whom, or why not), a column per day."""
        days = roster.days
        labels = [tr("Row"), tr("Staff number"), tr("Name in the roster"), tr("Found as")]
        labels += [f"{column_letter(c)}\n{d:%m-%d}\n{tr(WEEKDAYS[d.weekday()])}" for c, d in days]
        self.preview.setColumnCount(len(labels))
        self.preview.setHorizontalHeaderLabels(labels)
        self.preview.setRowCount(len(roster.people))
        bad_row = QBrush(QColor(BAD))
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
                self.preview.setItem(r, k, self._day_cell(roster, person, columns[d], d, why))
        self.preview.resizeColumnsToContents()
        self.preview.setColumnWidth(3, min(self.preview.columnWidth(3), 200))

    def _day_cell(
        self, roster: DutyRoster, person: Any, col: int, d: date, why: dict[tuple[int, str], list[str]]
    ) -> QTableWidgetItem:
        """A person's cell of a day: refused in red with why, a night or leave coloured, the
        shifts it means as its tooltip."""
        text = person.cells.get(d, "")
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if d in person.refused_days:
            item.setBackground(QBrush(QColor(BAD_CELL)))
            item.setForeground(QBrush(QColor("#8a0010")))
            item.setToolTip("; ".join(why.get((person.row, column_letter(col)), [])))
        elif person.staff is None:
            item.setBackground(QBrush(QColor(BAD)))
        else:
            meanings = cell_meanings(text, roster.codes) or set()
            colour = next((MEANING_COLOURS[m] for m in ("leave", "night") if m in meanings), None)
            if colour:
                item.setBackground(QBrush(QColor(colour)))
            shifts = cell_shifts(text, roster.codes) if text else None
            if shifts:
                item.setToolTip(", ".join(shift_text(x) for x in shifts))
        return item

    def _summary_text(self, roster: DutyRoster) -> str:
        """Who was found, the entries by reason, what is not imported, and what the import
        writes, keeps and replaces."""
        dates = roster.dates
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
        return text

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
