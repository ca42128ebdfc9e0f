"""The open database in the GUI: runs operations as undoable commands and announces changes."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db import operations as ops
from db.store import Store, StoreError
from scheduler.model import key_of


class OperationCommand(QUndoCommand):
    """An undoable edit: `do` and `undo` are operations, each returning Changes."""

    def __init__(
        self,
        session: Session,
        text: str,
        do: Callable[[], ops.Changes],
        undo: Callable[[], ops.Changes],
    ):
        super().__init__(text)
        self.session = session
        self._do = do
        self._undo = undo
        # Session.push has run the first `do` itself, before pushing.
        self.already_done = True

    def _run(self, step: Callable[[], ops.Changes]) -> None:
        try:
            changes = step()
        except (ops.OperationError, StoreError) as exc:
            # The database refused (another edit made this step impossible): nothing was
            # written; the step leaves the stack so that undo and redo stay truthful.
            self.setObsolete(True)
            self.session.failed.emit(self.text(), str(exc))
            return
        self.session.changed.emit(changes, None)

    def redo(self) -> None:
        if self.already_done:
            self.already_done = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


class Session(QObject):
    """One open database: its store, undo stack and the `changed(changes, initiator)` signal."""

    changed = Signal(object, object)
    failed = Signal(str, str)  # the step's name, why it could not be done
    external = Signal()  # someone else changed the database

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.store = Store(path)
        self.store.user = user_name()
        self.path = Path(path)
        self.undo_stack = QUndoStack(self)
        self.closed = False
        # Another window or another computer on the office share may write to the same file:
        # look every second and a half whether someone else committed.
        self._version = self.store.data_version()
        self._watch = QTimer(self)
        self._watch.setInterval(1500)
        self._watch.timeout.connect(self.poll)
        self._watch.start()

    def poll(self) -> bool:
        """Emit `external` when another connection has committed since the last look."""
        if self.closed:
            return False
        try:
            version = self.store.data_version()
        except StoreError:  # the file went away or is locked for longer: try again next time
            return False
        if version == self._version:
            return False
        self._version = version
        self.external.emit()
        return True

    def close(self) -> None:
        self.closed = True
        self._watch.stop()
        self.undo_stack.clear()
        self.store.close()

    def push(
        self,
        text: str,
        do: Callable[[], ops.Changes],
        undo: Callable[[], ops.Changes],
        initiator: object | None = None,
    ) -> None:
        """Run `do` now as an undoable step. An error from this first run propagates
        (nothing was written, nothing is pushed)."""
        changes = do()
        self.undo_stack.push(OperationCommand(self, text, do, undo))
        self.changed.emit(changes, initiator)

    # The edits the master-data screens make -----------------------------------------------

    def save(self, section: str, new: Any, old: Any | None, text: str, initiator: object = None) -> None:
        key = key_of(section, new)
        if old is None:
            self.push(
                text,
                lambda: ops.save(self.store, section, [new]),
                lambda: ops.delete(self.store, section, [key]),
                initiator,
            )
        else:
            self.push(
                text,
                lambda: ops.save(self.store, section, [new]),
                lambda: ops.save(self.store, section, [old]),
                initiator,
            )

    def edit(
        self,
        text: str,
        lookup: Callable[[str, Any], Any | None],
        saves: dict[str, list[Any]] | None = None,
        deletes: dict[str, list[Any]] | None = None,
        initiator: object = None,
    ) -> None:
        """One undoable step over several sections. `lookup(section, key)` gives a record as
        it is now, so that undo can put back exactly what was there."""
        saves = {k: list(v) for k, v in (saves or {}).items()}
        deletes = {k: list(v) for k, v in (deletes or {}).items()}
        undo_saves: dict[str, list[Any]] = {}
        undo_deletes: dict[str, list[Any]] = {}
        for section, keys in deletes.items():
            olds = [lookup(section, k) for k in keys]
            undo_saves.setdefault(section, []).extend(o for o in olds if o is not None)
        for section, items in saves.items():
            for item in items:
                key = key_of(section, item)
                old = lookup(section, key)
                if old is None:
                    undo_deletes.setdefault(section, []).append(key)
                elif key not in deletes.get(section, []):
                    undo_saves.setdefault(section, []).append(old)
        self.push(
            text,
            lambda: ops.apply(self.store, saves, deletes),
            lambda: ops.apply(self.store, undo_saves, undo_deletes),
            initiator,
        )

    def delete(self, section: str, items: Sequence[Any], text: str, initiator: object = None) -> None:
        items = list(items)
        keys = [key_of(section, i) for i in items]
        self.push(
            text,
            lambda: ops.delete(self.store, section, keys),
            lambda: ops.save(self.store, section, items),
            initiator,
        )


def user_name() -> str:
    """Who is working, as set in Settings (default: the login name): goes with the time bank."""
    value = QSettings().value("user_name", "")
    return str(value) if value else getpass.getuser()
