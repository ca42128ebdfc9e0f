"""The main window: navigation between areas, File / Edit / Settings menus, status bar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from db.backup import list_backups, make_backup
from db.field import export_package, field_package, import_package, write_back
from db.planio import LOADERS, load_acknowledgements, load_hospital, load_plan
from db.store import Store, StoreError
from reports.ics import calendar_file
from reports.rosters import branch_month_plan, personal_duty_list
from resources import demo_recipe
from scheduler.conflicts import CheckContext, Conflict, key_text
from scheduler.demo import build_demo
from scheduler.field import PackageError
from scheduler.incremental import IncrementalChecker
from scheduler.model import Hospital
from scheduler.planfile import PlanError, dump_document, plan_to_document
from scheduler.spreadsheet import SheetError, read_workbook

from .autoassign import SolverSettingsDialog
from .backups import RestoreDialog
from .calendar_page import CalendarPage
from .conflicts_panel import ConflictsPanel
from .entities import ALL_SPECS, Catalog
from .field_dialogs import FieldConflictsDialog, RangeDialog
from .i18n import LANGUAGES, N_, current_language, tr, trf
from .printing import save_pdf
from .requests_page import RequestsPage, ResponseTimesDialog
from .session import Session, user_name
from .sheet_import import SheetImportDialog
from .stats_page import StatsPage
from .table import EntityPage
from .tasks import run_task
from .timebank_page import TimeBankPage
from .widgets import ok_cancel

MAX_RECENT = 8

# The areas of the navigation, each a heading over the screens it holds.
# On a laptop with a field package: record, see the people and their hours; no planning.
FIELD_AREAS: list[tuple[str, list[str]]] = [
    (N_("Planning"), ["calendar_view"]),
    (N_("People"), ["staff", "time_bank"]),
]
AREAS: list[tuple[str, list[str]]] = [
    (N_("Planning"), ["calendar_view", "requests_view"]),
    (N_("People"), ["staff", "time_bank"]),
    (N_("Organisation"), ["departments", "branches", "campuses", "calendar"]),
    (N_("Pairings"), ["partners", "pairings"]),
    (N_("Services"), ["services"]),
    (N_("Statistics"), ["stats"]),
]


def recent_databases() -> list[str]:
    value = QSettings().value("recent_databases", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if isinstance(v, str)]


def remember_database(path: Path) -> None:
    items = [str(path)] + [p for p in recent_databases() if p != str(path)]
    QSettings().setValue("recent_databases", items[:MAX_RECENT])


def describe_error(exc: BaseException) -> str:
    """A user-facing sentence for an error a job raised (never a traceback)."""
    if isinstance(exc, PlanError):
        return trf("The file has %1 problem(s); nothing was imported.", len(exc.problems))
    if isinstance(exc, (StoreError, ops.OperationError, OSError)):
        return str(exc)
    return trf("Unexpected error: %1", f"{type(exc).__name__}: {exc}")


class ProblemsDialog(QDialog):
    """Every problem of a rejected plan file, one per line, with its place in the file."""

    def __init__(self, path: str, problems: list[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Plan file not imported"))
        text = QPlainTextEdit("\n".join(str(p) for p in problems))
        text.setObjectName("problems")
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                trf("%1 was not imported; the database is unchanged. Problems found: %2", path, len(problems))
            )
        )
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(720, 420)


class HospitalDialog(QDialog):
    """The hospital's name and clinical hours."""

    def __init__(self, hospital: Hospital, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Hospital"))
        self.hospital = hospital
        self.name = QLineEdit(hospital.name)
        self.name.setObjectName("hospital_name")
        self.start = QTimeEdit(QTime.fromString(hospital.clinical_hours[0], "HH:mm"))
        self.end = QTimeEdit(QTime.fromString(hospital.clinical_hours[1], "HH:mm"))
        for t in (self.start, self.end):
            t.setDisplayFormat("HH:mm")
        form = QFormLayout()
        form.addRow(tr("Hospital name"), self.name)
        form.addRow(tr("Clinical hours from"), self.start)
        form.addRow(tr("Clinical hours until"), self.end)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def result_hospital(self) -> Hospital:
        return Hospital(
            self.name.text().strip(),
            self.hospital.timezone,
            (self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm")),
            self.hospital.extra,
        )

    def accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(trf("“%1” is required.", tr("Hospital name")))
            return
        if self.start.time() >= self.end.time():
            self.message.setText(tr("Clinical hours must end after they start."))
            return
        super().accept()


class MainWindow(QMainWindow):
    """One window on one open database."""

    open_requested = Signal(str)  # another database to open (the app swaps sessions)
    restore_requested = Signal(str)  # a backup to put in the database's place
    field_requested = Signal(str)  # a field package to work on (on a laptop)
    language_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = Catalog()
        self.pages: dict[str, Any] = {}
        self.dirty: set[str] = set()
        self.setObjectName("main_window")
        self.resize(1280, 800)
        # A working database made from a field package: recording only, no planning.
        self.field = field_package(session.store)

        for section, loader in LOADERS.items():
            if section != "acknowledgements":
                self.catalog.set_section(section, loader(session.store))
        self.catalog.hospital = load_hospital(session.store)
        self.acks = load_acknowledgements(session.store)
        # The first full check runs once the window is on screen, so start-up stays quick.
        self.checker: IncrementalChecker | None = None

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.by_section = {s.section: s for s in ALL_SPECS}
        areas = FIELD_AREAS if self.field else AREAS
        for heading, sections in areas:
            head = QListWidgetItem(tr(heading))
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            head.setForeground(QColor("#2f4a6d"))
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.nav.addItem(head)
            for name in sections:
                if name == "calendar_view":
                    title = tr("Calendar")
                elif name == "requests_view":
                    title = tr("Service requests")
                elif name == "time_bank":
                    title = tr("Volunteer time bank")
                elif name == "stats":
                    title = tr("Statistics")
                else:
                    title = tr(self.by_section[name].title)
                item = QListWidgetItem("    " + title)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setData(Qt.ItemDataRole.UserRole + 1, name)
                self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._nav_changed)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1080])
        self.setCentralWidget(splitter)
        self.nav.setCurrentRow(1)

        self.conflicts_panel = ConflictsPanel()
        self.conflicts_dock = QDockWidget(tr("Conflicts"), self)
        self.conflicts_dock.setObjectName("conflicts_dock")
        self.conflicts_dock.setWidget(self.conflicts_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts_dock)
        self.resizeDocks([self.conflicts_dock], [170], Qt.Orientation.Vertical)
        self.conflicts_panel.open_conflict.connect(self.open_conflict)
        self.conflicts_panel.acknowledge.connect(self.acknowledge_conflict)
        self.conflicts_panel.withdraw.connect(self.withdraw_acknowledgement)
        if self.field:  # conflicts are the office's business; on site only recording matters
            self.conflicts_dock.hide()
        self._build_menus()
        QTimer.singleShot(0, self.first_check)
        session.changed.connect(self.on_changed)
        session.failed.connect(self._step_failed)
        session.external.connect(self.on_external)
        if self.field:
            session.changed.connect(self._write_back)
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._update_title()

    # -- menus

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        self._action(file_menu, tr("&New database…"), self.new_database, QKeySequence.StandardKey.New)
        self._action(file_menu, tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(tr("&Recent databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, tr("&Import plan file…"), self.import_plan_file, "Ctrl+I")
        self._action(file_menu, tr("&Export plan file…"), self.export_plan_file, "Ctrl+E")
        if not self.field:
            self._action(file_menu, tr("Import from &spreadsheet…"), self.import_spreadsheet)
        file_menu.addSeparator()
        self._action(file_menu, tr("Open field package (on the laptop)…"), self.open_field_package)
        if not self.field:
            self._action(file_menu, tr("Export &field package…"), self.export_field_package)
            self._action(file_menu, tr("Import field pac&kage…"), self.import_field_package)
            self._action(file_menu, tr("Field &conflicts…"), self.show_field_conflicts)
            file_menu.addSeparator()
        self._action(file_menu, tr("Back up &now"), self.back_up_now)
        self._action(file_menu, tr("Restore from &backup…"), self.restore_backup)
        file_menu.addSeparator()
        self._action(file_menu, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.session.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        undo.setObjectName("undo")
        redo.setObjectName("redo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        view_menu = bar.addMenu(tr("&View"))
        toggle = self.conflicts_dock.toggleViewAction()
        toggle.setText(tr("&Conflicts panel"))
        toggle.setShortcut(QKeySequence("F8"))
        view_menu.addAction(toggle)
        self.undo_action, self.redo_action = undo, redo

        settings_menu = bar.addMenu(tr("&Settings"))
        self._action(settings_menu, tr("&Hospital…"), self.edit_hospital)
        self._action(settings_menu, tr("&Response times…"), self.edit_response_times)
        self._action(settings_menu, tr("&Auto-assign…"), self.edit_solver_settings)
        self._action(settings_menu, tr("&Backups…"), self.edit_backup_keep)
        self._action(settings_menu, tr("&User name…"), self.edit_user_name)
        lang_menu = settings_menu.addMenu(tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == current_language())
            act.setData(code)
            act.triggered.connect(lambda _checked=False, c=code: self.language_changed.emit(c))
            group.addAction(act)
            lang_menu.addAction(act)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = [p for p in recent_databases() if p != str(self.session.path)]
        if not items:
            act = self.recent_menu.addAction(tr("(none)"))
            act.setEnabled(False)
        for p in items:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _c=False, path=p: self.open_requested.emit(path))

    # -- navigation and refresh

    def page(self, name: str) -> Any:
        """The screen of that name, built the first time it is wanted (start-up stays quick)."""
        page = self.pages.get(name)
        if page is None:
            if name == "calendar_view":
                page = CalendarPage(self.session, self.catalog)
                page.badges = getattr(self, "badges", {})
                if self.field:
                    page.set_field_mode(self.field)
            elif name == "requests_view":
                page = RequestsPage(self.session, self.catalog)
            elif name == "time_bank":
                page = TimeBankPage(self.session, self.catalog)
            elif name == "stats":
                page = StatsPage(self.session, self.catalog)
                page.open_occurrence.connect(self._open_occurrence)
            else:
                page = EntityPage(self.by_section[name], self.session, self.catalog)
                if self.field:
                    page.set_read_only()
                if name == "staff":
                    page.add_action_button(tr("Print duty list…"), "print", lambda: self.print_for(name))
                if name in ("staff", "branches"):
                    page.add_action_button(
                        tr("Calendar file (.ics)…"), "ics", lambda n=name: self.save_ics(n)
                    )
                elif name == "branches":
                    page.add_action_button(tr("Print month plan…"), "print", lambda: self.print_for(name))
            page.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self.pages[name] = page
            self.stack.addWidget(page)
        return page

    def print_for(self, name: str) -> None:
        """The personal duty list or branch month plan of the selected record, this month."""
        page = self.pages[name]
        items = page.selected_items()
        if not items:
            QMessageBox.information(self, tr("Print"), tr("Choose a row first."))
            return
        item = items[0]
        first = date.today().replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        cal = self.catalog.work_calendar
        if name == "staff":
            save_pdf(
                self,
                f"{item.name}-{first:%Y-%m}.pdf",
                lambda p, t, now: personal_duty_list(
                    p, self.catalog.plan(), cal, item.id, first, last, t, now
                ),
            )
        else:
            save_pdf(
                self,
                f"{item.name}-{first:%Y-%m}.pdf",
                lambda p, t, now: branch_month_plan(p, self.catalog.plan(), cal, item.id, first, t, now),
            )

    def _nav_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is None or current.data(Qt.ItemDataRole.UserRole) is None:
            return
        section = current.data(Qt.ItemDataRole.UserRole + 1)
        self.stack.setCurrentWidget(self.page(section))
        if section in self.dirty:
            self.dirty.discard(section)
            self._refresh_page(section, set(LOADERS))

    def show_section(self, section: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole + 1) == section:
                self.nav.setCurrentRow(row)
                return

    def current_page(self) -> Any:
        return self.stack.currentWidget()

    def _refresh_page(self, name: str, sections: set[str]) -> None:
        page = self.pages[name]
        if isinstance(page, CalendarPage):
            page.on_catalog_changed(sections)
        else:
            page.refresh()

    def _check_context(self) -> CheckContext:
        return CheckContext(
            self.catalog.plan(),
            self.catalog.work_calendar,
            datetime.now(),
            response=ops.response_times(self.session.store),
        )

    def first_check(self) -> None:
        if self.checker is None and not self.session.closed:
            self.checker = IncrementalChecker(self._check_context())
            self.show_conflicts()

    def show_conflicts(self) -> None:
        """Hand the checker's results to the panel and the calendar's badges."""
        if self.checker is None:
            return
        conflicts = self.checker.conflicts
        self.conflicts_panel.set_conflicts(conflicts, self.catalog.plan(), self.acks)
        worst: dict[tuple, str] = {}
        for c in conflicts:
            if c.severity != "error" and key_text(c) in self.acks:
                continue
            for k in c.occurrences:
                if worst.get(k) != "error":
                    worst[k] = c.severity
        page = self.pages.get("calendar_view")
        self.badges = worst
        if page is not None:
            page.badges = worst
            page.refresh()

    def recheck(self, changes: ops.Changes) -> None:
        if self.checker is None:
            self.first_check()
            return
        if changes.hospital or "calendar" in changes.keys:
            self.checker = IncrementalChecker(self._check_context())
        else:
            sections = {k: v for k, v in changes.keys.items() if k != "acknowledgements"}
            if sections:
                self.checker.ctx.today = datetime.now()
                self.checker.update(self.catalog.plan(), sections)
        if "acknowledgements" in changes.keys:
            self.acks = load_acknowledgements(self.session.store)
        self.show_conflicts()

    def open_conflict(self, conflict: Conflict) -> None:
        """Show what a conflict concerns: its first occurrence, its pairing or its request."""
        if conflict.occurrences:
            self.show_section("calendar_view")
            self.current_page().show_occurrence(*conflict.occurrences[0])
        elif conflict.pairing:
            self.show_section("pairings")
            self.current_page().select_keys({conflict.pairing})
        elif conflict.request:
            self.show_section("requests_view")
            page = self.current_page()
            page.show_combo.setCurrentIndex(1)
            page.select(conflict.request)

    def acknowledge_conflict(self, conflict: Conflict, reason: str) -> None:
        key = key_text(conflict)
        by = QSettings().value("user_name", "") or None
        at = datetime.now().strftime("%Y-%m-%dT%H:%M")
        self.session.push(
            tr("Acknowledge warning"),
            lambda: ops.acknowledge(self.session.store, key, conflict.kind, reason, by, at),
            lambda: ops.withdraw_acknowledgement(self.session.store, key),
        )

    def withdraw_acknowledgement(self, conflict: Conflict) -> None:
        key = key_text(conflict)
        old = self.acks.get(key)
        if old is None:
            return
        self.session.push(
            tr("Withdraw acknowledgement"),
            lambda: ops.withdraw_acknowledgement(self.session.store, key),
            lambda: ops.acknowledge(self.session.store, key, conflict.kind, old[0], old[1], old[2]),
        )

    def on_changed(self, changes: ops.Changes, initiator: object) -> None:
        """Reload the sections that changed; refresh the page on screen, mark the others;
        re-check what the change touched."""
        touched = [s for s in changes.keys if changes.keys[s] and s in LOADERS and s != "acknowledgements"]
        for section in touched:
            self.catalog.set_section(section, LOADERS[section](self.session.store))
        if changes.hospital:
            self.catalog.hospital = load_hospital(self.session.store)
        if touched:
            # Pages show names from other sections (a staff member's department), so every
            # page may need redrawing; the one on screen now, the others when next shown.
            current = self.current_page()
            for name, page in self.pages.items():
                if page is current:
                    self._refresh_page(name, set(touched))
                else:
                    self.dirty.add(name)
        self.recheck(changes)
        if changes.hospital:
            self._update_title()
            if "requests_view" in self.pages:
                self.pages["requests_view"].refresh()

    def save_ics(self, name: str, path: str | None = None, today: date | None = None) -> Path | None:
        """The selected person's or branch's occurrences as an .ics file for phones."""
        items = self.pages[name].selected_items()
        if not items:
            QMessageBox.information(self, tr("Calendar file"), tr("Choose a row first."))
            return None
        item = items[0]
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Calendar file"), str(Path.home() / f"{item.name}.ics"), tr("Calendar files (*.ics)")
            )
        if not path:
            return None
        if not path.lower().endswith(".ics"):
            path += ".ics"
        start = (today or date.today()) - timedelta(days=90)
        kw = {"staff": item.id} if name == "staff" else {"branch": item.id}
        try:
            data = calendar_file(
                self.catalog.plan(), self.catalog.work_calendar, start, start + timedelta(days=455), tr, **kw
            )
            tmp = Path(path + ".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            QMessageBox.warning(self, tr("Calendar file"), describe_error(exc))
            return None
        self.statusBar().showMessage(trf("Exported to %1.", path), 6000)
        return Path(path)

    def _open_occurrence(self, activity_id: str, day: date) -> None:
        self.show_section("calendar_view")
        self.current_page().show_occurrence(activity_id, day)

    def on_external(self) -> None:
        """Another window or computer changed the database: load everything again, re-check,
        and drop the undo history (undoing now could overwrite their work)."""
        keys = {section: frozenset({"*"}) for section in LOADERS}  # every section, reloaded whole
        self.checker = None  # and checked whole
        self.on_changed(ops.Changes(keys, hospital=True), None)
        if self.session.undo_stack.count():
            self.session.undo_stack.clear()
        self.statusBar().showMessage(
            tr("The database was changed elsewhere; what you see is up to date."), 8000
        )

    def _step_failed(self, step: str, reason: str) -> None:
        QMessageBox.warning(self, tr("Could not undo or redo"), f"{step}\n\n{reason}")

    def _update_title(self) -> None:
        hospital = load_hospital(self.session.store)
        name = hospital.name if hospital and hospital.name else tr("Outreach scheduler")
        self.setWindowTitle(f"{name} — {tr('Community outreach scheduler')}")
        if self.field:
            self.setWindowTitle(trf("Field mode: %1", Path(self.field["path"]).name) + f" — {name}")
        self.db_label.setText(str(self.session.path))

    # -- files

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("New database"), str(Path.home() / "outreach.sqlite3"), tr("Databases (*.sqlite3 *.db)")
        )
        if path:
            if Path(path).exists():
                QMessageBox.warning(self, tr("New database"), trf("%1 exists already.", path))
                return
            self.open_requested.emit(path)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Open database"),
            str(self.session.path.parent),
            tr("Databases (*.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.open_requested.emit(path)

    def import_plan_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import plan file"), "", tr("Plan files (*.json)"))
        if not path:
            return
        db_path = self.session.path
        file_path = Path(path)

        def job(progress: Any) -> ops.Changes:
            data = file_path.read_bytes()
            with Store(db_path) as store:  # its own connection, on its own thread
                return ops.import_document(store, data, progress)

        def done(changes: ops.Changes) -> None:
            # Records changed underneath the undo history: its steps no longer apply safely.
            self.session.undo_stack.clear()
            self.on_changed(changes, None)
            self._update_title()
            self.statusBar().showMessage(trf("Imported %1.", file_path), 6000)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PlanError):
                ProblemsDialog(str(file_path), exc.problems, self).exec()
            else:
                QMessageBox.warning(self, tr("Import plan file"), describe_error(exc))

        run_task(self, trf("Importing %1…", file_path.name), job, done, failed)

    def export_plan_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export plan file"),
            str(Path.home() / f"plan-{date.today().isoformat()}.json"),
            tr("Plan files (*.json)"),
        )
        if not path:
            return
        try:
            text = dump_document(plan_to_document(load_plan(self.session.store)))
            tmp = Path(path + ".part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            QMessageBox.warning(self, tr("Export plan file"), describe_error(exc))
            return
        self.statusBar().showMessage(trf("Exported to %1.", path), 6000)

    def fill_demo(self, scale: str = "small") -> None:
        db_path = self.session.path

        def job(progress: Any) -> ops.Changes:
            progress(0, 2)
            plan = build_demo(demo_recipe(), scale, 1, date.today().year)
            progress(1, 2)
            with Store(db_path) as store:
                changes = ops.import_plan(store, plan)
            progress(2, 2)
            return changes

        def done(changes: ops.Changes) -> None:
            self.session.undo_stack.clear()
            self.on_changed(changes, None)
            self._update_title()

        run_task(
            self,
            tr("Creating the demo hospital…"),
            job,
            done,
            lambda exc: QMessageBox.warning(self, tr("Demo hospital"), describe_error(exc)),
        )

    def edit_response_times(self) -> None:
        old = ops.response_times(self.session.store)
        dialog = ResponseTimesDialog(old, self)
        if dialog.exec() and dialog.times() != old:
            new = dialog.times()
            self.session.push(
                tr("Response times"),
                lambda: ops.save_response_times(self.session.store, new),
                lambda: ops.save_response_times(self.session.store, old),
            )

    def _write_back(self, *_args: Any) -> None:
        """Field mode: every change goes into the package at once (the file carried home)."""
        try:
            path = write_back(self.session.store)
        except (OSError, PackageError, PlanError, ValueError) as exc:
            QMessageBox.warning(self, tr("Field package"), trf("Could not write the package: %1", exc))
            return
        self.statusBar().showMessage(trf("Saved into the package %1.", path.name), 4000)

    def import_spreadsheet(self, path: str | None = None) -> SheetImportDialog | None:
        """Staff, departments or partners from an HR export (.xlsx / .csv), as one undoable step."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Import from spreadsheet"), str(Path.home()), tr("Spreadsheets (*.xlsx *.csv)")
            )
        if not path:
            return None
        try:
            sheets = read_workbook(Path(path).read_bytes(), Path(path).name)
        except (SheetError, OSError) as exc:
            QMessageBox.warning(
                self,
                tr("Import from spreadsheet"),
                trf("Cannot read %1: %2", path, exc),
            )
            return None
        dialog = SheetImportDialog(Path(path), sheets, self.catalog.plan(), self)
        self.sheet_dialog = dialog
        if dialog.exec():
            section, records = dialog.records()
            text = trf("Import %1 rows from %2", len(records), Path(path).name)
            try:
                self.session.edit(
                    text, lambda sec, key: self.catalog.section(sec).get(key), saves={section: records}
                )
            except (ops.OperationError, StoreError) as exc:
                QMessageBox.warning(self, tr("Import from spreadsheet"), describe_error(exc))
        return dialog

    def open_field_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open field package"), str(Path.home()), tr("Field packages (*.outreach-field)")
        )
        if path:
            self.field_requested.emit(path)

    def export_field_package(self) -> None:
        first = date.today()
        dialog = RangeDialog(first, first + timedelta(days=6), tr("Export field package"), self)
        if not dialog.exec():
            return
        d0, d1 = dialog.window()
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export field package"),
            str(Path.home() / f"field-{d0}-{d1}.outreach-field"),
            tr("Field packages (*.outreach-field)"),
        )
        if not path:
            return
        try:
            text = export_package(self.session.store, d0, d1)
            tmp = Path(path + ".part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except (OSError, StoreError) as exc:
            QMessageBox.warning(self, tr("Export field package"), describe_error(exc))
            return
        self.statusBar().showMessage(trf("Exported to %1.", path), 6000)

    def import_field_package(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Import field package"), str(Path.home()), tr("Field packages (*.outreach-field)")
            )
        if not path:
            return
        try:
            result = import_package(self.session.store, Path(path).read_bytes())
        except (PackageError, PlanError, OSError, StoreError) as exc:
            text = str(exc) if not isinstance(exc, PlanError) else describe_error(exc)
            QMessageBox.warning(
                self,
                tr("Import field package"),
                tr("The package was refused; nothing changed.") + "\n\n" + text,
            )
            return
        if result.already:
            QMessageBox.information(
                self, tr("Import field package"), tr("This package was imported before; nothing changed.")
            )
            return
        self.session.undo_stack.clear()
        self.on_changed(result.changes, None)
        QMessageBox.information(
            self,
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
        dialog = FieldConflictsDialog(self.session.store, self.catalog, self)
        dialog.resolved.connect(lambda changes: self.on_changed(changes, None))
        dialog.exec()

    def back_up_now(self) -> None:
        try:
            made = make_backup(self.session.store, ops.backup_keep(self.session.store))
        except StoreError as exc:
            QMessageBox.warning(self, tr("Back up now"), describe_error(exc))
            return
        self.statusBar().showMessage(trf("Backed up to %1.", made.path), 8000)

    def restore_backup(self) -> None:
        dialog = RestoreDialog(list_backups(self.session.path), self)
        if dialog.exec() and dialog.chosen() is not None:
            answer = QMessageBox.question(
                self,
                tr("Restore from backup"),
                trf(
                    "Replace the database with the backup of %1? The current file is kept aside, renamed.",
                    f"{dialog.chosen().taken:%Y-%m-%d %H:%M}",
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore_requested.emit(str(dialog.chosen().path))

    def edit_backup_keep(self) -> None:
        old = ops.backup_keep(self.session.store)
        keep, ok = QInputDialog.getInt(self, tr("Backups"), tr("How many backups to keep:"), old, 1, 365)
        if ok and keep != old:
            self.session.push(
                tr("Backups"),
                lambda: ops.save_backup_keep(self.session.store, keep),
                lambda: ops.save_backup_keep(self.session.store, old),
            )

    def edit_user_name(self) -> None:
        name, ok = QInputDialog.getText(
            self, tr("User name"), tr("Your name, recorded with what you enter:"), text=user_name()
        )
        if ok and name.strip():
            QSettings().setValue("user_name", name.strip())
            self.session.store.user = name.strip()

    def edit_solver_settings(self) -> None:
        old = ops.solver_settings(self.session.store)
        dialog = SolverSettingsDialog(old, self)
        if dialog.exec() and dialog.settings() != old:
            new = dialog.settings()
            self.session.push(
                tr("Auto-assign settings"),
                lambda: ops.save_solver_settings(self.session.store, new),
                lambda: ops.save_solver_settings(self.session.store, old),
            )

    def edit_hospital(self) -> None:
        old = load_hospital(self.session.store) or Hospital()
        dialog = HospitalDialog(old, self)
        if dialog.exec():
            new = dialog.result_hospital()
            if new != old:
                self.session.push(
                    tr("Edit hospital"),
                    lambda: ops.save_hospital(self.session.store, new),
                    lambda: ops.save_hospital(self.session.store, old),
                )
