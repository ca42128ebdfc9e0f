"""Starting the GUI: the application, font, language, first-start choice, database swaps."""

from __future__ import annotations

import os
import sys
import threading
import traceback
from datetime import timedelta
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from db.backup import backup_due, damage, list_backups, make_backup, restore
from db.field import open_package
from db.paths import SETTINGS_ENV, default_db_path, error_log_path, qt_settings_root
from db.planio import is_empty
from db.store import StoreError
from resources import FONT_FILE
from scheduler.exchange.field import PackageError
from scheduler.exchange.planfile.problems import PlanError
from scheduler.plan.model import Hospital
from ui.edits import attempt, describe_error
from ui.exchange.file_actions import remember_database
from ui.i18n import current_language, install_language, set_language_setting, tr, trf
from ui.session import Session
from ui.widgets import ok_cancel
from ui.window.help import app_icon
from ui.window.mainwindow import MainWindow

ORG = "outreach-scheduler"
APP = "Outreach Scheduler"


def register_font() -> str | None:
    """Load the shipped CJK font and make it the application's; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(10)
    QApplication.setFont(font)
    return families[0]


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    use_settings_folder()
    register_font()
    app.setWindowIcon(app_icon())  # type: ignore[union-attr]
    install_language(current_language())
    return app  # type: ignore[return-value]


def use_settings_folder() -> None:
    """Qt's settings as an INI file in the settings folder of db.paths, beside the preferences
    (and in the temp folder that tests and tools point it at). The first time, what an earlier
    version kept in the system's own place (recent databases, the user's name) is carried over;
    never from a folder given by $OUTREACH_SETTINGS_DIR."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(qt_settings_root()))
    if not os.environ.get(SETTINGS_ENV):
        new = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)
        if not new.allKeys():
            old = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORG, APP)
            for key in old.allKeys():
                new.setValue(key, old.value(key))
            new.sync()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def is_new_database(session: Session) -> bool:
    """No hospital and no departments: nothing a user has entered yet."""
    return is_empty(session.store)


class FirstStartDialog(QDialog):
    """Offered on an empty database: the demo hospital, an empty hospital, or a plan file."""

    DEMO, EMPTY, IMPORT = 0, 1, 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Welcome"))
        self.choice = QButtonGroup(self)
        demo = QRadioButton(tr("Start with the demo hospital (made-up people, to look around)"))
        empty = QRadioButton(tr("Start an empty hospital"))
        imp = QRadioButton(tr("Import a plan file…"))
        demo.setObjectName("choice_demo")
        empty.setObjectName("choice_empty")
        imp.setObjectName("choice_import")
        for i, b in enumerate((demo, empty, imp)):
            self.choice.addButton(b, i)
        demo.setChecked(True)
        self.name = QLineEdit()
        self.name.setObjectName("hospital_name")
        self.name.setPlaceholderText(tr("Hospital name"))
        self.name.setEnabled(False)
        empty.toggled.connect(self.name.setEnabled)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        buttons = ok_cancel(self, tr("Start"), tr("Later"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{tr('This database is empty. How would you like to begin?')}</h3>"))
        layout.addWidget(demo)
        layout.addWidget(empty)
        layout.addWidget(self.name)
        layout.addWidget(imp)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.choice.checkedId() == self.EMPTY and not self.name.text().strip():
            self.message.setText(trf("“%1” is required.", tr("Hospital name")))
            return
        super().accept()


class Controller:
    """Owns the session and the window; swaps both when another database is opened."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self.window: MainWindow | None = None

    def open(self, path: str | Path, first_start: bool = True) -> bool:
        if not self.check_sound(Path(path)):
            return False
        try:
            session = Session(path)
        except StoreError as exc:
            QMessageBox.critical(self.window, tr("Cannot open database"), describe_error(exc))
            return False
        old_window, old_session = self.window, self.session
        self.session = session
        remember_database(session.path)
        self._show_window()
        if old_window is not None:
            old_window.deleteLater()
        if old_session is not None:
            old_session.close()
        self.window.drawn.connect(lambda: self.back_up(session))  # once the window is up
        if first_start and is_new_database(session):
            self.first_start()
        return True

    def open_field(self, package: str | Path) -> bool:
        """Work on a field package: its own working database (made once) in field mode; every
        record is written back into the package file."""
        try:
            work = open_package(Path(package), default_db_path().parent / "field")
        except (PackageError, PlanError, OSError, StoreError) as exc:
            QMessageBox.critical(
                self.window,
                tr("Open field package"),
                trf("The package cannot be opened: %1", exc),
            )
            return False
        return self.open(work, first_start=False)

    def check_sound(self, path: Path) -> bool:
        """A damaged database is not opened: the latest good backup is offered in its place."""
        problem = damage(path)
        if problem is None:
            return True
        good = next((b for b in list_backups(path) if damage(b.path) is None), None)
        if good is None:
            QMessageBox.critical(
                self.window,
                tr("Database damaged"),
                trf("%1 is damaged (%2) and there is no backup of it.", path, problem),
            )
            return False
        answer = QMessageBox.question(
            self.window,
            tr("Database damaged"),
            trf(
                "%1 is damaged (%2).\n\nRestore the latest good backup, taken %3? The damaged file is kept aside.",
                path,
                problem,
                f"{good.taken:%Y-%m-%d %H:%M}",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            restore(good.path, path)
        except StoreError as exc:
            QMessageBox.critical(self.window, tr("Database damaged"), describe_error(exc))
            return False
        return True

    def back_up(self, session: Session) -> None:
        """A backup when the app starts (at most one an hour) and then every day it runs."""
        if session.closed or self.session is not session:
            return
        keep = ops.backup_keep(session.store)
        if backup_due(session.path, every=timedelta(hours=1)):
            try:
                make_backup(session.store, keep)
            except StoreError as exc:
                assert self.window is not None
                self.window.statusBar().showMessage(describe_error(exc), 10000)
        timer = QTimer(self.window)
        timer.setInterval(60 * 60 * 1000)

        def daily() -> None:
            if self.session is session and not session.closed and backup_due(session.path):
                try:
                    make_backup(session.store, ops.backup_keep(session.store))
                except StoreError as exc:
                    if self.window is not None:
                        self.window.statusBar().showMessage(describe_error(exc), 15000)

        timer.timeout.connect(daily)
        timer.start()

    def restore(self, backup: str) -> None:
        """Close the database, put the backup in its place (the current file kept aside), reopen."""
        assert self.session is not None
        path = self.session.path
        old_window, old_session = self.window, self.session
        old_session.close()
        try:
            aside = restore(Path(backup), path)
        except StoreError as exc:
            QMessageBox.critical(old_window, tr("Restore from backup"), describe_error(exc))
            aside = None
        self.window = old_window
        self.session = None
        if self.open(path, first_start=False) and aside is not None:
            assert self.window is not None
            self.window.statusBar().showMessage(
                trf("Restored; the replaced file is kept as %1.", aside.name), 15000
            )

    def close(self) -> None:
        """On quitting: the database closed (a result still to come is then dropped), and the
        work running beside the window (the first conflict check, a job started by ui.tasks)
        waited for. A thread still running Python when the interpreter exits hung the process."""
        if self.session is not None:
            self.session.close()
        if self.window is not None:
            self.window.watch.pool.waitForDone()
        QThreadPool.globalInstance().waitForDone()

    def _show_window(self) -> None:
        assert self.session is not None
        geometry = self.window.saveGeometry() if self.window is not None else None
        if self.window is not None:
            self.window.hide()
        window = MainWindow(self.session)
        window.open_requested.connect(lambda p: self.open(p))
        window.language_changed.connect(self.change_language)
        window.restore_requested.connect(self.restore)
        window.field_requested.connect(self.open_field)
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.show()
        self.window = window

    def change_language(self, lang: str) -> None:
        """Every text anew in the other language: a new window, on the screen the user was on."""
        old = self.window
        if old is not None:
            # A full check under way is stopped (not waited out: seconds for a hospital group);
            # its result never comes back to the old watch, about to be deleted.
            old.watch.stop()
        set_language_setting(lang)
        install_language(lang)
        place = old.where() if old is not None else None
        self._show_window()
        if place is not None:
            assert self.window is not None
            self.window.go_back_to(place)
        if old is not None:
            old.deleteLater()

    def first_start(self) -> None:
        assert self.window is not None and self.session is not None
        dialog = FirstStartDialog(self.window)
        if not dialog.exec():
            return
        choice = dialog.choice.checkedId()
        if choice == FirstStartDialog.DEMO:
            self.window.files.fill_demo("small")
        elif choice == FirstStartDialog.EMPTY:
            hospital = Hospital(name=dialog.name.text().strip())
            session = self.session
            attempt(
                self.window,
                lambda: session.run(tr("Empty hospital"), lambda: ops.save_hospital(session.store, hospital)),
            )
        else:
            path, _ = QFileDialog.getOpenFileName(
                self.window, tr("Import plan file"), "", tr("Plan files (*.json)")
            )
            if path:
                self.window.files.import_plan_file(path)


def install_excepthook() -> None:
    """A programming error shows a short message and is logged; the window stays usable."""
    log_path = error_log_path()

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(text + "\n")
        except OSError:
            pass
        if threading.current_thread() is not threading.main_thread():
            # A window shown from a worker thread never returns (and blocks the quit that waits
            # for that thread): such an error is only logged.
            print(text, file=sys.stderr, flush=True)
            return
        QMessageBox.critical(
            QApplication.activeWindow(),
            tr("Something went wrong"),
            trf(
                "The action could not be completed: %1\nDetails were written to %2.",
                f"{kind.__name__}: {exc}",
                log_path,
            ),
        )

    sys.excepthook = hook


def run_gui(db_path: str | None = None, field: str | None = None) -> int:
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = make_app()
    install_excepthook()
    controller = Controller()
    if field is not None:
        if not controller.open_field(field):
            return 2
        try:
            return app.exec()
        finally:
            controller.close()
    path = Path(db_path) if db_path else default_db_path()
    if not controller.open(path):
        return 2
    try:
        return app.exec()
    finally:
        controller.close()
