"""The main window: navigation between the screens, the conflicts panel, the menus (File and
Settings live in their own modules), the status bar and the title."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QWidget,
)

from db import operations as ops
from db.field import field_package, write_back
from scheduler.conflicts.conflict import Conflict
from scheduler.exchange.field import PackageError
from scheduler.exchange.planfile.problems import PlanError
from ui.conflicts.panel import ConflictsPanel
from ui.conflicts.watch import ConflictWatch
from ui.exchange.file_actions import FileActions
from ui.i18n import tr, trf
from ui.session import Session
from ui.window.help import HelpActions
from ui.window.pages import AREAS, FIELD_AREAS, PAGES
from ui.window.roles import apply_buttons, apply_menus
from ui.window.server_dialog import role_name
from ui.window.settings_actions import SettingsActions


class _AfterFirstPaint(QObject):
    """Calls `then` once the window has been drawn for the first time, then lets go of it."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self._window, self.then = window, then
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:  # drawn right after this returns
            obj.removeEventFilter(self)
            # The window as context: a window deleted before then drops the call (it was
            # "RuntimeError: Signal source has been deleted" on the terminal).
            QTimer.singleShot(0, self._window, self.then)
        return False


class MainWindow(QMainWindow):
    """One window on one open database."""

    open_requested = Signal(str)  # another database to open (the app swaps sessions)
    restore_requested = Signal(str)  # a backup to put in the database's place
    field_requested = Signal(str)  # a field package to work on (on a laptop)
    language_changed = Signal(str)
    drawn = Signal()  # the window is on screen: what can wait for that (the first check) runs

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = session.catalog
        self.pages: dict[str, Any] = {}
        self.setObjectName("main_window")
        self.resize(1280, 800)
        # A working database made from a field package: recording only, no planning.
        self.field = field_package(session.store)
        # On the office server a recorder or viewer sees no planning (the server refuses it anyway).
        self.limited = session.store.role in ("recorder", "viewer")
        # Made before any screen, so that it hears of each change first: a screen told about a
        # change finds that change's conflicts already worked out.
        self.watch = ConflictWatch(session, self)
        _AfterFirstPaint(self, self.drawn.emit)
        self.drawn.connect(self.watch.first_check)
        self._build_navigation()
        self._build_conflicts_dock()
        self.files = FileActions(self, session, self.field)
        self.files.open_requested.connect(self.open_requested)
        self.files.restore_requested.connect(self.restore_requested)
        self.files.field_requested.connect(self.field_requested)
        self.settings = SettingsActions(self, session)
        self.settings.language_changed.connect(self.language_changed)
        self._build_menus()
        session.changed.connect(self.on_changed)
        session.failed.connect(self._step_failed)
        session.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if self.field:
            session.changed.connect(self._write_back)
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._update_title()

    # -- building

    def _build_navigation(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget()
        for heading, names in FIELD_AREAS if self.field else AREAS:
            head = QListWidgetItem(tr(heading))
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            head.setForeground(QColor("#2f4a6d"))
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.nav.addItem(head)
            for name in names:
                item = QListWidgetItem("    " + tr(PAGES[name].label))
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._nav_changed)
        # As wide as its longest entry in the language shown (English ones are longer), with
        # room for a vertical scroll bar and never a horizontal one.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = (
            self.nav.sizeHintForColumn(0)
            + 2 * self.nav.frameWidth()
            + self.nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            + 8
        )
        self.nav.setMinimumWidth(width)
        self.nav.setMaximumWidth(max(width, 320))
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([width, 1280 - width])
        self.setCentralWidget(splitter)
        self.nav.setCurrentRow(1)

    def _build_conflicts_dock(self) -> None:
        self.conflicts_panel = ConflictsPanel(self.watch)
        self.conflicts_dock = QDockWidget(tr("Conflicts"), self)
        self.conflicts_dock.setObjectName("conflicts_dock")
        self.conflicts_dock.setWidget(self.conflicts_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts_dock)
        self.resizeDocks([self.conflicts_dock], [230], Qt.Orientation.Vertical)
        self.conflicts_panel.open_conflict.connect(self.open_conflict)
        if self.field:  # conflicts are the office's business; on site only recording matters
            self.conflicts_dock.hide()
        apply_buttons(self.conflicts_panel, self.session.store.role)  # acknowledging: a planner's

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.files.build_menu(bar)
        edit_menu = bar.addMenu(tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.session.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        undo.setObjectName("undo")
        redo.setObjectName("redo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        view_menu = bar.addMenu(tr("&View"))
        toggle = self.conflicts_dock.toggleViewAction()
        toggle.setText(tr("&Conflicts panel"))
        toggle.setShortcut(QKeySequence("F8"))
        toggle.setObjectName("conflicts_panel")
        view_menu.addAction(toggle)
        self.settings.build_menu(bar)
        self.help = HelpActions(self, self.session.path, self.current_section, self.conflicts_panel)
        self.help.build_menu(bar)
        apply_menus(bar, self.session.store.role)  # only what the login's role may (ui/window/roles.py)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(500, self, self.watch.first_check)  # in case the window is never drawn

    # -- screens

    def page(self, name: str) -> Any:
        """The screen of that name, made the first time it is wanted (start-up stays quick)."""
        page = self.pages.get(name)
        if page is None:
            page = PAGES[name].make(self)
            apply_buttons(page, self.session.store.role)  # only what the login's role may
            page.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self.pages[name] = page
            self.stack.addWidget(page)
        return page

    def _nav_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        name = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if name is not None:
            self.stack.setCurrentWidget(self.page(name))

    def show_section(self, name: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.nav.setCurrentRow(row)
                return

    def current_page(self) -> Any:
        return self.stack.currentWidget()

    def current_section(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def where(self) -> dict[str, Any]:
        """What the user is looking at, to be shown again by `go_back_to` in a new window (after
        a language switch): the screen, and on the calendar its view and date."""
        place: dict[str, Any] = {"section": self.current_section()}
        calendar = self.pages.get("calendar_view")
        if calendar is not None:
            place["calendar"] = (calendar.view_index(), calendar.anchor)
        return place

    def go_back_to(self, place: dict[str, Any]) -> None:
        if "calendar" in place:
            view, anchor = place["calendar"]
            calendar = self.page("calendar_view")
            calendar.anchor = anchor
            calendar.set_view(view)
        if place.get("section"):
            self.show_section(place["section"])

    def open_occurrence(self, activity_id: str, day: date) -> None:
        self.show_section("calendar_view")
        self.current_page().show_occurrence(activity_id, day)

    def open_conflict(self, conflict: Conflict) -> None:
        """Show what a conflict concerns: its first occurrence, its pairing or its request."""
        if conflict.occurrences:
            self.open_occurrence(*conflict.occurrences[0])
        elif conflict.pairing:
            self.show_section("pairings")
            self.current_page().select_keys({conflict.pairing})
        elif conflict.request:
            self.show_section("requests_view")
            page = self.current_page()
            page.show_combo.setCurrentIndex(1)
            page.select(conflict.request)

    # -- after a change

    def on_changed(self, changes: ops.Changes, _initiator: object) -> None:
        if changes.hospital:
            self._update_title()

    def _write_back(self, *_args: Any) -> None:
        """Field mode: every change goes into the package at once (the file carried home)."""
        try:
            path = write_back(self.session.store)
        except (OSError, PackageError, PlanError, ValueError) as exc:
            QMessageBox.warning(self, tr("Field package"), trf("Could not write the package: %1", exc))
            return
        self.statusBar().showMessage(trf("Saved into the package %1.", path.name), 4000)

    def _step_failed(self, step: str, reason: str) -> None:
        QMessageBox.warning(self, tr("Could not undo or redo"), f"{step}\n\n{reason}")

    def _update_title(self) -> None:
        hospital = self.catalog.hospital
        name = hospital.name if hospital and hospital.name else tr("Outreach scheduler")
        self.setWindowTitle(f"{name} — {tr('Community outreach scheduler')}")
        if self.field:
            self.setWindowTitle(trf("Field mode: %1", Path(self.field["path"]).name) + f" — {name}")
        role = role_name(self.session.store.role)  # on the office server: what this login may do
        self.db_label.setText(f"{self.session.path} — {role}" if role else str(self.session.path))
