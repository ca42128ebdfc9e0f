"""The Settings menu: the hospital, response times, the solver, backups, the user's name and
the language. Saved settings are undoable steps through the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QMenuBar, QWidget

from db import operations as ops
from db.planio import load_hospital
from scheduler.plan.model import Hospital
from ui.assign.autoassign import SolverSettingsDialog
from ui.edits import attempt
from ui.i18n import LANGUAGES, current_language, tr
from ui.masterdata.hospital_dialog import HospitalDialog
from ui.office.requests_page import ResponseTimesDialog
from ui.session import user_name
from ui.widgets import add_action

if TYPE_CHECKING:
    from ui.session import Session


class SettingsActions(QObject):
    """The Settings menu of one window. A language chosen is asked for by a signal (the app
    makes the window again in that language)."""

    language_changed = Signal(str)

    def __init__(self, window: QWidget, session: Session):
        super().__init__(window)
        self.window = window
        self.session = session

    def build_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu(tr("&Settings"))
        # On the office server ui/window/roles.py leaves the plan's settings to a planner; backups are
        # the server's and the history names the database login, so neither is set here.
        store = self.session.store
        add_action(menu, tr("&Hospital…"), self.edit_hospital)
        add_action(menu, tr("&Response times…"), self.edit_response_times)
        add_action(menu, tr("&Auto-assign…"), self.edit_solver_settings)
        add_action(menu, tr("&Shift codes…"), self.edit_shift_codes)
        add_action(menu, tr("&Notice…"), self.edit_notice_settings)
        if store.engine == "sqlite":
            add_action(menu, tr("&Backups…"), self.edit_backup_keep)
            add_action(menu, tr("&User name…"), self.edit_user_name)
        languages = menu.addMenu(tr("&Language"))
        languages.menuAction().setObjectName("language")
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == current_language())
            act.triggered.connect(lambda _checked=False, c=code: self.language_changed.emit(c))
            group.addAction(act)
            languages.addAction(act)
        return menu

    def _save(self, text: str, save: Callable[[Any], ops.Changes], old: Any, new: Any) -> bool:
        """One setting saved as an undoable step (a refusal is shown, nothing saved)."""
        store = self.session.store
        return attempt(
            self.window,
            lambda: self.session.run(text, lambda: save(store, new), lambda: save(store, old)),
        )

    def edit_hospital(self) -> None:
        old = load_hospital(self.session.store) or Hospital()
        dialog = HospitalDialog(old, self.window)
        if dialog.exec() and dialog.result_hospital() != old:
            self._save(tr("Edit hospital"), ops.save_hospital, old, dialog.result_hospital())

    def edit_response_times(self) -> None:
        old = ops.response_times(self.session.store)
        dialog = ResponseTimesDialog(old, self.window)
        if dialog.exec() and dialog.times() != old:
            self._save(tr("Response times"), ops.save_response_times, old, dialog.times())

    def edit_solver_settings(self) -> None:
        old = ops.solver_settings(self.session.store)
        dialog = SolverSettingsDialog(old, self.window)
        if dialog.exec() and dialog.settings() != old:
            self._save(tr("Auto-assign settings"), ops.save_solver_settings, old, dialog.settings())

    def edit_shift_codes(self) -> None:
        """What the codes of the departments' duty rosters mean (kept with the hospital)."""
        from ui.exchange.shift_codes_dialog import ShiftCodesDialog

        old = ops.shift_codes(self.session.store)
        dialog = ShiftCodesDialog(old, self.window)
        self.shift_codes_dialog = dialog
        if dialog.exec() and dialog.codes() != old:
            self._save(tr("Shift codes"), ops.save_shift_codes, old, dialog.codes())

    def edit_notice_settings(self) -> None:
        """The notice for a WeChat group: gathering time before the start, what to always bring."""
        from ui.office.notice_dialog import NoticeSettingsDialog

        old = ops.notice_settings(self.session.store)
        dialog = NoticeSettingsDialog(old, self.window)
        if dialog.exec() and dialog.settings() != old:
            self._save(tr("Notice settings"), ops.save_notice_settings, old, dialog.settings())

    def edit_backup_keep(self) -> None:
        old = ops.backup_keep(self.session.store)
        keep, ok = QInputDialog.getInt(
            self.window, tr("Backups"), tr("How many backups to keep:"), old, 1, 365
        )
        if ok and keep != old:
            self._save(tr("Backups"), ops.save_backup_keep, old, keep)

    def edit_user_name(self) -> None:
        """Kept on this computer (not in the database): recorded with what this user enters."""
        name, ok = QInputDialog.getText(
            self.window, tr("User name"), tr("Your name, recorded with what you enter:"), text=user_name()
        )
        if ok and name.strip():
            QSettings().setValue("user_name", name.strip())
            self.session.store.user = name.strip()
