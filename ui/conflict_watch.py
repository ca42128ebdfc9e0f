"""The conflicts of the whole plan, kept up to date by re-checking what each change touched;
says which conflicts came and went, and the worst one per occurrence (the calendar's badges)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from db import operations as ops
from db.planio import load_acknowledgements
from db.sections import SECTION
from scheduler.conflicts import ERROR, CheckContext, Conflict, OccKey, key_text
from scheduler.incremental import IncrementalChecker

from .session import EVERY, Session, keys_of

# Settings the checker reads: a change to one of them calls for a full check.
CHECKED_SETTINGS = getattr(ops, "CHECKED_SETTINGS", frozenset({"response_times"}))


@dataclass(frozen=True)
class ConflictDiff:
    """What one check changed: conflicts that came and went, conflicts whose acknowledgement
    changed, occurrences whose badge changed. `whole` when everything was checked anew."""

    added: frozenset[Conflict] = frozenset()
    removed: frozenset[Conflict] = frozenset()
    acked: frozenset[Conflict] = frozenset()
    badges: frozenset[OccKey] = frozenset()
    whole: bool = False
    in_change: bool = False  # emitted while the session announces a change
    kinds: frozenset[str] = field(default_factory=frozenset)


class ConflictWatch(QObject):
    """Listens to the session before any view does (it is made first), so that a view told
    about a change finds the conflicts of that change already here."""

    updated = Signal(object)  # ConflictDiff

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.checker: IncrementalChecker | None = None
        self.conflicts: list[Conflict] = []
        self.acks = load_acknowledgements(session.store)
        self.badges: dict[OccKey, str] = {}
        self._by_occ: dict[OccKey, set[Conflict]] = defaultdict(set)
        self._keys: dict[int, tuple[Conflict, str]] = {}
        self.last: ConflictDiff | None = None  # what the check of the change being announced found
        # How often the whole plan was checked, and how often only what a change touched.
        self.full_checks = 0
        self.partial_checks = 0
        session.changed.connect(self.on_changed)

    # -- reading

    def key(self, conflict: Conflict) -> str:
        """The conflict's identity as text (acknowledgements are kept under it), computed once
        per conflict object (looked up by identity: hashing a conflict costs more)."""
        known = self._keys.get(id(conflict))
        if known is not None and known[0] is conflict:
            return known[1]
        text = key_text(conflict)
        self._keys[id(conflict)] = (conflict, text)
        return text

    def ack(self, conflict: Conflict) -> tuple[str, str | None, str] | None:
        """The acknowledgement of a warning (errors cannot be acknowledged)."""
        return None if conflict.severity == ERROR else self.acks.get(self.key(conflict))

    # -- checking

    def _context(self) -> CheckContext:
        catalog = self.session.catalog
        response = ops.response_times(self.session.store)
        return CheckContext(catalog.plan(), catalog.work_calendar, datetime.now(), response=response)

    def check_all(self, in_change: bool = False) -> None:
        """Check the whole plan (the first time, and when the hospital or calendar changed)."""
        if self.session.closed:
            return
        self.full_checks += 1
        self.checker = IncrementalChecker(self._context())
        self._keys.clear()
        self._show(self.checker.conflicts, whole=True, in_change=in_change)

    def first_check(self) -> None:
        if self.checker is None:
            self.check_all()

    def on_changed(self, changes: ops.Changes, _initiator: object) -> None:
        self.last = None
        acked: frozenset[str] | None = frozenset()
        if "acknowledgements" in changes.keys:
            self.acks = load_acknowledgements(self.session.store)
            acked = keys_of(changes, "acknowledgements")
        if self.checker is None:  # the first check, still to come, will see this change
            return
        sections = {s: k for s, k in changes.keys.items() if s in SECTION and k}
        settings = getattr(changes, "settings", frozenset())
        if (
            changes.hospital
            or settings & CHECKED_SETTINGS
            or "calendar" in sections
            or any(EVERY in k for k in sections.values())
        ):
            self.check_all(in_change=True)
        elif sections:
            self.partial_checks += 1
            self.checker.ctx.today = datetime.now()
            found = self.checker.update(self.session.catalog.plan(), sections)
            self._show(found, acked=acked, in_change=True)
        elif acked is None or acked:
            self._show(self.conflicts, acked=acked, in_change=True)

    def _show(
        self,
        found: list[Conflict],
        acked: frozenset[str] | None = frozenset(),
        whole: bool = False,
        in_change: bool = False,
    ) -> None:
        """Take the conflicts found, work out what changed, and tell the panel and calendar.
        The checker hands back the very objects of the units it did not re-check, so only new
        objects are compared by value."""
        old_ids, new_ids = {id(c) for c in self.conflicts}, {id(c) for c in found}
        gone = {c for c in self.conflicts if id(c) not in new_ids}
        came = {c for c in found if id(c) not in old_ids}
        added, removed = frozenset(came - gone), frozenset(gone - came)
        if acked is None:
            reacked = frozenset(found)
        elif whole or not acked:
            reacked = frozenset()
        else:
            reacked = frozenset(c for c in found if c not in added and self.key(c) in acked)
        for c in gone:
            self._keys.pop(id(c), None)
        self.conflicts = found
        if whole:
            self._by_occ = defaultdict(set)
            for c in found:
                for k in c.occurrences:
                    self._by_occ[k].add(c)
            touched = set(self._by_occ) | set(self.badges)
        else:
            touched = set()
            for c in removed:
                for k in c.occurrences:
                    self._by_occ[k].discard(c)
                    touched.add(k)
            for c in added | reacked:
                for k in c.occurrences:
                    self._by_occ[k].add(c)
                    touched.add(k)
        badges = frozenset(k for k in touched if self._badge(k) != self.badges.get(k))
        for k in badges:
            worst = self._badge(k)
            if worst is None:
                self.badges.pop(k, None)
            else:
                self.badges[k] = worst
        kinds = frozenset(c.kind for c in added | removed | reacked)
        self.last = ConflictDiff(added, removed, reacked, badges, whole, in_change, kinds)
        self.updated.emit(self.last)

    def _badge(self, key: OccKey) -> str | None:
        """The worst conflict an occurrence has; acknowledged warnings do not count."""
        worst = None
        for c in self._by_occ.get(key, ()):
            if c.severity == ERROR:
                return ERROR
            if self.ack(c) is None:
                worst = c.severity
        return worst
