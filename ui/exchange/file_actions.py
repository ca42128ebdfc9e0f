"""The File menu's actions: databases (new, open, recent), plan files and spreadsheets in and
out, field packages, backups. Every change they make goes through the session."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMenuBar, QMessageBox

from db import operations as ops
from db.backup import list_backups, make_backup
from db.field import export_package, import_package
from db.files import write_atomically
from db.pg import is_server_url
from db.planio import load_plan
from db.store import Store, StoreError
from scheduler.exchange.field import PackageError
from scheduler.exchange.planfile.problems import PlanError
from scheduler.plan.model import clinical_hours_of
from ui.edits import attempt, describe_error
from ui.exchange.backups import RestoreDialog
from ui.exchange.problems_dialog import ProblemsDialog
from ui.i18n import tr, trf
from ui.office.field_dialogs import FieldConflictsDialog, RangeDialog
from ui.tasks import run_task
from ui.widgets import add_action
from ui.window.server_dialog import ServerDialog

if TYPE_CHECKING:
    from ui.exchange.duty_import import DutyImportDialog
    from ui.exchange.sheet_import import SheetImportDialog
    from ui.session import Session

MAX_RECENT = 8


def recent_databases() -> list[str]:
    value = QSettings().value("recent_databases", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if isinstance(v, str)]


def remember_database(path: Path) -> None:
    items = [str(path)] + [p for p in recent_databases() if p != str(path)]
    QSettings().setValue("recent_databases", items[:MAX_RECENT])


class FileActions(QObject):
    """The File menu of one window. What only the app can do (open another database, put a
    backup in the database's place, work on a field package) it asks for by a signal."""

    open_requested = Signal(str)  # another database to open
    restore_requested = Signal(str)  # a backup to put in the database's place
    field_requested = Signal(str)  # a field package to work on

    def __init__(self, window: QMainWindow, session: Session, field: dict[str, Any] | None):
        super().__init__(window)
        self.window = window
        self.session = session
        self.field = field
        self.sheet_dialog: SheetImportDialog | None = None
        self.duty_dialog: DutyImportDialog | None = None

    def build_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu(tr("&File"))
        field = self.field
        add_action(menu, tr("&New database…"), self.new_database, QKeySequence.StandardKey.New)
        add_action(menu, tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open)
        add_action(menu, tr("Connect to office &server…"), self.connect_server)
        self.recent_menu = menu.addMenu(tr("&Recent databases"))
        self.recent_menu.menuAction().setObjectName("recent_databases")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        # On the office server ui/window/roles.py hides what the login's role may not do.
        add_action(menu, tr("&Import plan file…"), self.import_plan_file, "Ctrl+I")
        add_action(menu, tr("&Export plan file…"), self.export_plan_file, "Ctrl+E")
        if not field:
            sheets = self.sheets_menu = menu.addMenu(tr("Import from &spreadsheet"))
            sheets.menuAction().setObjectName("import_from_spreadsheet")
            add_action(sheets, tr("&Staff, departments or partners…"), self.import_spreadsheet)
            add_action(sheets, tr("&Duty roster of a department…"), self.import_duty_roster)
            add_action(sheets, tr("Service &requests (form export)…"), self.import_requests)
        menu.addSeparator()
        add_action(menu, tr("Open field package (on the laptop)…"), self.open_field_package)
        if not field:
            add_action(menu, tr("Export &field package…"), self.export_field_package)
            add_action(menu, tr("Import field pac&kage…"), self.import_field_package)
            add_action(menu, tr("Field &conflicts…"), self.show_field_conflicts)
            menu.addSeparator()
        add_action(menu, tr("Back up &now"), self.back_up_now)
        add_action(menu, tr("Restore from &backup…"), self.restore_backup)
        menu.addSeparator()
        add_action(menu, tr("&Quit"), self.window.close, QKeySequence.StandardKey.Quit, name="quit")
        return menu

    def _status(self, text: str, ms: int = 6000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # -- databases

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = [p for p in recent_databases() if p != str(self.session.path)]
        if not items:
            act = self.recent_menu.addAction(tr("(none)"))
            act.setEnabled(False)
        for p in items:
            act = self.recent_menu.addAction(p)
            if is_server_url(p):  # the password is asked again (never kept)
                act.triggered.connect(lambda _c=False, url=p: self.connect_server(url))
                continue
            act.triggered.connect(lambda _c=False, path=p: self.open_requested.emit(path))

    def connect_server(self, url: str = "") -> None:
        """File ▸ Connect to office server…: the connection string and the password."""
        dialog = ServerDialog(self.window, url)
        if dialog.exec() and dialog.url:
            self.open_requested.emit(dialog.url)

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("New database"),
            str(Path.home() / "outreach.sqlite3"),
            tr("Databases (*.sqlite3 *.db)"),
        )
        if path:
            if Path(path).exists():
                QMessageBox.warning(self.window, tr("New database"), trf("%1 exists already.", path))
                return
            self.open_requested.emit(path)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            tr("Open database"),
            str(self.session.path.parent),
            tr("Databases (*.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.open_requested.emit(path)

    # -- plan files

    def import_plan_file(self, path: str | None = None) -> None:
        """A plan file into the database, off the GUI thread; every problem listed if refused.
        Cannot be undone (the undo history is dropped)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, tr("Import plan file"), "", tr("Plan files (*.json)")
            )
        if not path:
            return
        db_path = self.session.path
        file_path = Path(path)
        text = trf("Import %1", file_path.name)

        warnings: list[Any] = []  # taken, but maybe not as meant (a rule cut at the horizon …)

        def job(progress: Any) -> ops.Changes:
            data = file_path.read_bytes()
            with Store(db_path) as store:  # its own connection, on its own thread
                return ops.import_document(store, data, progress, warnings)

        session = self.session

        def done(changes: ops.Changes) -> None:
            self._status(trf("Imported %1.", file_path))
            session.ran_elsewhere(text, changes)  # its word on the undo history comes last
            if warnings:
                QMessageBox.warning(
                    self.window,
                    tr("Import plan file"),
                    trf("%1 was imported, with %2 warning(s):", file_path.name, len(warnings))
                    + "\n\n"
                    + "\n".join(w.say(tr) for w in warnings[:20])
                    + ("\n…" if len(warnings) > 20 else ""),
                )

        def failed(exc: BaseException) -> None:
            session.write_failed()
            if isinstance(exc, PlanError):
                ProblemsDialog(str(file_path), exc.problems, self.window).exec()
            else:
                QMessageBox.warning(self.window, tr("Import plan file"), describe_error(exc))

        session.writing_elsewhere()
        run_task(self.window, trf("Importing %1…", file_path.name), job, done, failed)

    def export_plan_file(self) -> None:
        from scheduler.exchange.planfile.writer import dump_document, plan_to_document

        path, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("Export plan file"),
            str(Path.home() / f"plan-{date.today().isoformat()}.json"),
            tr("Plan files (*.json)"),
        )
        if not path:
            return
        try:
            write_atomically(path, dump_document(plan_to_document(load_plan(self.session.store))))
        except OSError as exc:
            QMessageBox.warning(self.window, tr("Export plan file"), describe_error(exc))
            return
        self._status(trf("Exported to %1.", path))

    def fill_demo(self, scale: str = "small") -> None:
        """The made-up demo hospital, written off the GUI thread (first start)."""
        db_path = self.session.path

        def job(progress: Any) -> ops.Changes:
            from resources import demo_recipe
            from scheduler.calendar.workdays import WorkCalendar, official_calendar
            from scheduler.demo.hospital import build_demo, demo_today

            progress(0, 2)
            year = date.today().year
            calendar = WorkCalendar(official_calendar())
            plan = build_demo(demo_recipe(), scale, 1, year, demo_today(year, date.today()), calendar)
            progress(1, 2)
            with Store(db_path) as store:
                changes = ops.import_plan(store, plan)
            progress(2, 2)
            return changes

        session = self.session

        def failed(exc: BaseException) -> None:
            session.write_failed()
            QMessageBox.warning(self.window, tr("Demo hospital"), describe_error(exc))

        session.writing_elsewhere()
        run_task(
            self.window,
            tr("Creating the demo hospital…"),
            job,
            lambda changes: session.ran_elsewhere(tr("Demo hospital"), changes),
            failed,
        )

    def _read_sheets(self, path: str | None) -> tuple[Path, list[Any]] | None:
        """The sheets of a spreadsheet the user names (asked for when `path` is None)."""
        from scheduler.exchange.spreadsheet.sheet import SheetError
        from scheduler.exchange.spreadsheet.workbook import read_workbook

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                tr("Import from spreadsheet"),
                str(Path.home()),
                tr("Spreadsheets (*.xlsx *.csv)"),
            )
        if not path:
            return None
        try:
            return Path(path), read_workbook(Path(path).read_bytes(), Path(path).name)
        except (SheetError, OSError) as exc:
            QMessageBox.warning(
                self.window,
                tr("Import from spreadsheet"),
                trf("Cannot read %1: %2", path, exc.text(tr) if isinstance(exc, SheetError) else exc),
            )
            return None

    def import_requests(self, path: str | None = None) -> SheetImportDialog | None:
        """Service requests from an online form's export, as one undoable step."""
        return self.import_spreadsheet(path, target="requests")

    def import_duty_roster(self, path: str | None = None) -> DutyImportDialog | None:
        """A department's duty roster of a month: its entries replace those an earlier import of
        the same department and month made, as one undoable step."""
        from scheduler.exchange.duty.codes import read_shift_codes
        from ui.exchange.duty_import import DutyImportDialog

        read = self._read_sheets(path)
        if read is None:
            return None
        file, sheets = read
        catalog = self.session.catalog
        hours = clinical_hours_of(catalog.hospital)
        codes = read_shift_codes(ops.shift_codes(self.session.store))
        dialog = DutyImportDialog(file, sheets, catalog.plan(), codes, hours, date.today(), self.window)
        self.duty_dialog = dialog
        if dialog.exec() and dialog.rosters():
            saves, deletes = dialog.changes(self.session.catalog.unavailability)
            rosters = dialog.rosters()
            roster = rosters[0]
            dept = catalog.departments[roster.department].name
            text = trf("Import the duty roster of %1 for %2", dept, f"{roster.month:%Y-%m}")
            if len(rosters) > 1:
                text = trf("Import the duty rosters of %1 (%2 sheets)", file.name, len(rosters))
            attempt(
                self.window,
                lambda: self.session.edit(
                    text,
                    saves={"unavailability": saves},
                    deletes={"unavailability": deletes},
                    audit_as={"unavailability": text},  # one history entry, not one per entry
                ),
            )
        return dialog

    def import_spreadsheet(self, path: str | None = None, target: str = "staff") -> SheetImportDialog | None:
        """Staff, departments, partners or service requests from a sheet (.xlsx / .csv), as one
        undoable step."""
        from datetime import datetime

        from ui.exchange.sheet_import import SheetImportDialog

        read = self._read_sheets(path)
        if read is None:
            return None
        file, sheets = read
        path = str(file)
        dialog = SheetImportDialog(
            file, sheets, self.session.catalog.plan(), self.window, target=target, now=datetime.now()
        )
        self.sheet_dialog = dialog
        if dialog.exec():
            section, records = dialog.records()
            text = trf("Import %1 rows from %2", len(records), Path(path).name)
            attempt(self.window, lambda: self.session.edit(text, saves={section: records}))
        return dialog

    # -- field packages

    def open_field_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            tr("Open field package"),
            str(Path.home()),
            tr("Field packages (*.outreach-field)"),
        )
        if path:
            self.field_requested.emit(path)

    def export_field_package(self) -> None:
        first = date.today()
        dialog = RangeDialog(first, first + timedelta(days=6), tr("Export field package"), self.window)
        if not dialog.exec():
            return
        d0, d1 = dialog.window()
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("Export field package"),
            str(Path.home() / f"field-{d0}-{d1}.outreach-field"),
            tr("Field packages (*.outreach-field)"),
        )
        if not path:
            return
        try:
            write_atomically(path, export_package(self.session.store, d0, d1))
        except (OSError, StoreError) as exc:
            QMessageBox.warning(self.window, tr("Export field package"), describe_error(exc))
            return
        self._status(trf("Exported to %1.", path))

    def import_field_package(self, path: str | None = None) -> None:
        """The field's records back into the office database (cannot be undone); records
        changed on both sides are offered side by side (kept aside only: the plan and the undo
        history stay as they were)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                tr("Import field package"),
                str(Path.home()),
                tr("Field packages (*.outreach-field)"),
            )
        if not path:
            return
        found: list[Any] = []

        def do() -> ops.Changes:
            found.append(import_package(self.session.store, Path(path).read_bytes()))
            return found[0].changes

        try:
            self.session.run(trf("Import %1", Path(path).name), do)
        except (PackageError, PlanError, OSError, StoreError) as exc:
            text = str(exc) if not isinstance(exc, PlanError) else describe_error(exc)
            QMessageBox.warning(
                self.window,
                tr("Import field package"),
                tr("The package was refused; nothing changed.") + "\n\n" + text,
            )
            return
        result = found[0]
        if result.already:
            QMessageBox.information(
                self.window,
                tr("Import field package"),
                tr("This package was imported before; nothing changed."),
            )
            return
        QMessageBox.information(
            self.window,
            tr("Import field package"),
            trf(
                "%1 records taken from the field, %2 unchanged, %3 changed both here and in the field.",
                result.taken,
                result.same,
                result.conflicts,
            ),
        )
        if result.conflicts:
            self.show_field_conflicts()

    def show_field_conflicts(self) -> None:
        FieldConflictsDialog(self.session, self.window).exec()

    # -- backups

    def back_up_now(self) -> None:
        try:
            made = make_backup(self.session.store, ops.backup_keep(self.session.store))
        except StoreError as exc:
            QMessageBox.warning(self.window, tr("Back up now"), describe_error(exc))
            return
        self._status(trf("Backed up to %1.", made.path), 8000)

    def restore_backup(self) -> None:
        dialog = RestoreDialog(list_backups(self.session.path), self.window)
        if dialog.exec() and dialog.chosen() is not None:
            answer = QMessageBox.question(
                self.window,
                tr("Restore from backup"),
                trf(
                    "Replace the database with the backup of %1? The current file is kept aside, renamed.",
                    f"{dialog.chosen().taken:%Y-%m-%d %H:%M}",
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore_requested.emit(str(dialog.chosen().path))
