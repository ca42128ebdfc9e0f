"""Small widget helpers the dialogs share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMenu, QWidget


def ok_cancel(
    dialog: QDialog, ok_text: str | None = None, cancel_text: str | None = None
) -> QDialogButtonBox:
    """An OK / Cancel row wired to the dialog's accept and reject, with the texts given."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    if cancel_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def add_action(
    menu: QMenu, text: str, slot: Callable[..., Any], shortcut: Any = None, name: str = ""
) -> QAction:
    """A menu entry calling `slot` (with no arguments), with an optional shortcut; named `name`
    or after the method it calls (the name ui/window/roles.py gives the roles that may use it)."""
    act = QAction(text, menu)
    slot_name = getattr(slot, "__name__", "")
    act.setObjectName(name or ("" if slot_name == "<lambda>" else slot_name))
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(lambda _checked=False: slot())
    menu.addAction(act)
    return act


class ChangeFollower(QObject):
    """Keeps a screen that is costly to draw in step with the session: redrawn at once when it
    is on screen and a change touches what it shows, otherwise when it is next shown."""

    def __init__(
        self,
        page: QWidget,
        session: Any,
        touches: Callable[[Any], bool],
        refresh: Callable[[], None],
    ):
        super().__init__(page)
        self.page, self.touches, self.refresh = page, touches, refresh
        self.stale = False
        session.changed.connect(self._changed)
        page.installEventFilter(self)

    def _changed(self, changes: Any, _initiator: object) -> None:
        if not self.touches(changes):
            return
        if self.page.isVisible():
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False


def ask_save_path(parent: QWidget, title: str, start: str, filter_: str, suffix: str) -> str | None:
    """Where the user wants a file saved, ending in `suffix` (added when left out); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filter_)
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix
