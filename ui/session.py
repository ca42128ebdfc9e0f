"""The open database in the GUI: the one door for every change. It runs an operation (as an
undoable step where it can be undone), keeps the catalog in step and announces the change."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db import operations as ops
from db.planio import load_hospital
from db.sections import SECTION, load_section
from db.store import Store, StoreError
from scheduler.plan.model import key_of
from ui.i18n import tr, trf
from ui.masterdata.catalog import Catalog

# A key standing for "every record of the section" (a section reloaded whole).
EVERY = "*"
# Above this many keys a section is read whole: one query beats thousands of keyed ones.
_WHOLE_ABOVE = 400

Operation = Callable[[], ops.Changes]


def everything() -> ops.Changes:
    """Changes naming every section whole: what another window or a restore may have done."""
    return ops.Changes({s: frozenset({EVERY}) for s in (*SECTION, "acknowledgements")}, hospital=True)


def keys_of(changes: ops.Changes, section: str) -> frozenset[Any] | None:
    """The keys of `section` that changed; None when the whole section is to be read again."""
    keys = changes.keys.get(section, frozenset())
    return None if EVERY in keys else keys


class OperationCommand(QUndoCommand):
    """An undoable step: `do` and `undo` are operations, each returning Changes."""

    def __init__(self, session: Session, text: str, do: Operation, undo: Operation):
        super().__init__(text)
        self.session = session
        self._do = do
        self._undo = undo
        # Session.run has run the first `do` itself, before pushing.
        self.already_done = True

    def _run(self, step: Operation) -> None:
        try:
            changes = step()
        except (ops.OperationError, StoreError) as exc:
            # The database refused (another edit made this step impossible): nothing was
            # written; the step leaves the stack so that undo and redo stay truthful.
            self.setObsolete(True)
            self.session.failed.emit(self.text(), str(exc))
            return
        # Undo and redo show a state no view drew itself: nobody initiated it.
        self.session.announce(changes, None)

    def redo(self) -> None:
        if self.already_done:
            self.already_done = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


class Session(QObject):
    """One open database: its store, its catalog (what the screens show, kept in step), the
    undo stack, and the `changed(changes, initiator)` signal every view and listener uses.

    `changed` is emitted after the catalog holds the change; `initiator` is the view that
    started the edit (None for undo, redo, imports and changes from elsewhere)."""

    changed = Signal(object, object)
    failed = Signal(str, str)  # the step's name, why it could not be done
    notice = Signal(str)  # something the status bar should say (the undo history was cleared)
    _heard = Signal()  # the office server announced a commit (LISTEN/NOTIFY, db/pg.py)

    def __init__(self, path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.store = Store(path)
        self.store.user = user_name()
        # An office server's connection string as shown (no password), else the file.
        self.path = Path(path) if self.store.engine == "sqlite" else self.store.path
        self.undo_stack = QUndoStack(self)
        self.closed = False
        self._catalog: Catalog | None = None
        # Another window or another copy of the app on this computer may write to the same file
        # (never another computer: db/store.py refuses a network filesystem):
        # look every second and a half whether someone else committed.
        self._version = self.store.data_version()
        # Our own background jobs writing on their own connections now (a plan import, the demo):
        # while one runs, a commit is ours, not another window's.
        self._own_writers = 0
        self._watch = QTimer(self)
        self._watch.setInterval(1500)
        self._watch.timeout.connect(self.poll)
        self._watch.start()
        # On the office server, other computers' commits are announced at once (LISTEN/NOTIFY).
        self._heard.connect(self.poll)
        watch = getattr(self.store, "watch", None)
        self._listener = watch(self._heard.emit) if watch is not None else None

    # -- what the screens show

    @property
    def catalog(self) -> Catalog:
        """Every section, read once when first wanted and then kept in step with each change."""
        if self._catalog is None:
            catalog = Catalog()
            for section in SECTION:
                catalog.set_section(section, load_section(self.store, section))
            catalog.hospital = load_hospital(self.store)
            self._catalog = catalog
        return self._catalog

    def _follow(self, changes: ops.Changes) -> None:
        """Bring the catalog up to date: only the keys that changed are read again. A section
        gets a new dict (not changed in place), so a plan taken before the change still shows
        what was there (the conflict checker compares the two)."""
        catalog = self._catalog
        if catalog is None:
            return
        for section, keys in changes.keys.items():
            if section not in SECTION or not keys:
                continue
            if EVERY in keys or len(keys) > _WHOLE_ABOVE:
                catalog.set_section(section, load_section(self.store, section))
                continue
            fresh = load_section(self.store, section, keys)
            items = dict(catalog.section(section))
            for key in keys:
                if key in fresh:
                    items[key] = fresh[key]
                else:
                    items.pop(key, None)
            catalog.set_section(section, items)
        if changes.hospital:
            catalog.hospital = load_hospital(self.store)

    def announce(self, changes: ops.Changes, initiator: object | None = None) -> None:
        """Every change ends here: the catalog follows it, then `changed` tells the views."""
        if not changes:
            return
        self._follow(changes)
        self.changed.emit(changes, initiator)

    # -- running operations

    def run(
        self,
        text: str,
        do: Operation,
        undo: Operation | None = None,
        initiator: object | None = None,
    ) -> ops.Changes:
        """Run an operation now. With `undo`, it becomes an undoable step named `text`;
        without, it cannot be undone, and the undo history is dropped (its steps were computed
        on the database as it was) with a word in the status bar. A change beside the plan only
        (field conflicts kept or settled) is announced and leaves the undo history as it was.
        An error from this first run propagates: nothing was written, nothing is pushed."""
        changes = do()
        if not changes:
            return changes
        if changes.beside_plan:
            pass  # the plan is as it was: the undo history stays true, and this is no step of it
        elif undo is not None:
            self.undo_stack.push(OperationCommand(self, text, do, undo))
        else:
            self._forget_history(text)
        self.announce(changes, initiator)
        return changes

    def writing_elsewhere(self) -> None:
        """Our own background job is about to write on its own connection: until it has ended
        (`ran_elsewhere` or `write_failed`), what it commits is not "changed elsewhere"."""
        self._own_writers += 1

    def _own_write_ended(self) -> None:
        self._own_writers = max(0, self._own_writers - 1)
        if not self.closed:
            self._version = self.store.data_version()  # ours, not someone else's

    def write_failed(self) -> None:
        """Our own background job ended without a change to announce (refused, cancelled)."""
        self._own_write_ended()

    def ran_elsewhere(self, text: str, changes: ops.Changes, initiator: object | None = None) -> None:
        """A change our own background job wrote on its own connection (a plan import): it
        cannot be undone here; announced like any other."""
        self._own_write_ended()
        if changes and not changes.beside_plan:
            self._forget_history(text)
        self.announce(changes, initiator)

    def _forget_history(self, text: str) -> None:
        if self.undo_stack.count():
            self.undo_stack.clear()
            self.notice.emit(trf("“%1” cannot be undone; the undo history was cleared.", text))

    def poll(self) -> bool:
        """Another connection has committed since the last look: everything is read again and
        announced, and the undo history dropped (undoing now could overwrite their work)."""
        if self.closed or self._own_writers:
            return False
        try:
            version = self.store.data_version()
        except StoreError:  # the file went away or is locked for longer: try again next time
            return False
        if version == self._version:
            return False
        self._version = version
        self.undo_stack.clear()
        self.announce(everything(), None)
        self.notice.emit(tr("The database was changed elsewhere; what you see is up to date."))
        return True

    def close(self) -> None:
        self.closed = True
        self._watch.stop()
        if self._listener is not None:
            self._listener.stop()
        self.undo_stack.clear()
        self.store.close()

    # The edits the screens make ------------------------------------------------------------

    def lookup(self, section: str, key: Any) -> Any | None:
        """A record as the catalog holds it now (what undo puts back)."""
        return self.catalog.section(section).get(key)

    def save(self, section: str, new: Any, old: Any | None, text: str, initiator: object = None) -> None:
        key = key_of(section, new)
        if old is None:
            self.run(
                text,
                lambda: ops.save(self.store, section, [new]),
                lambda: ops.delete(self.store, section, [key]),
                initiator,
            )
        else:
            self.run(
                text,
                lambda: ops.save(self.store, section, [new]),
                lambda: ops.save(self.store, section, [old]),
                initiator,
            )

    def edit(
        self,
        text: str,
        saves: dict[str, list[Any]] | None = None,
        deletes: dict[str, list[Any]] | None = None,
        initiator: object = None,
        audit_as: dict[str, str] | None = None,
    ) -> None:
        """One undoable step over several sections; undo puts back exactly what the catalog
        held before. `audit_as`: sections recorded as one history entry (a duty roster import)."""
        saves = {k: list(v) for k, v in (saves or {}).items()}
        deletes = {k: list(v) for k, v in (deletes or {}).items()}
        undo_saves: dict[str, list[Any]] = {}
        undo_deletes: dict[str, list[Any]] = {}
        for section, keys in deletes.items():
            olds = [self.lookup(section, k) for k in keys]
            undo_saves.setdefault(section, []).extend(o for o in olds if o is not None)
        for section, items in saves.items():
            for item in items:
                key = key_of(section, item)
                old = self.lookup(section, key)
                if old is None:
                    undo_deletes.setdefault(section, []).append(key)
                elif key not in deletes.get(section, []):
                    undo_saves.setdefault(section, []).append(old)
        self.run(
            text,
            lambda: ops.apply(self.store, saves, deletes, audit_as),
            lambda: ops.apply(self.store, undo_saves, undo_deletes, audit_as),
            initiator,
        )

    def delete(self, section: str, items: Sequence[Any], text: str, initiator: object = None) -> None:
        items = list(items)
        keys = [key_of(section, i) for i in items]
        self.run(
            text,
            lambda: ops.delete(self.store, section, keys),
            lambda: ops.save(self.store, section, items),
            initiator,
        )


def user_name() -> str:
    """Who is working, as set in Settings (default: the login name): goes with the time bank."""
    value = QSettings().value("user_name", "")
    return str(value) if value else getpass.getuser()
