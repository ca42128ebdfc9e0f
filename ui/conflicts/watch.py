"""The conflicts of the whole plan, kept up to date by re-checking what each change touched;
says which conflicts came and went, and the worst one per occurrence (the calendar's badges).

A full check (the first one, and after a change of the hospital, the calendar or the response
times) runs beside the window on a copy of the plan (seconds for a hospital group); changes made
meanwhile are re-checked incrementally when it is back. Re-checking what one edit touched stays
on the GUI thread: it takes milliseconds (bench/bench_conflicts.py). A check under way stops at
once when the watch goes (its window closed) or the application quits (ui/tasks.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, QThreadPool, Signal

from db import operations as ops
from db.planio import load_acknowledgements
from db.sections import SECTION
from scheduler.conflicts.checker import CheckContext
from scheduler.conflicts.conflict import Conflict, OccKey, key_text
from scheduler.conflicts.incremental import IncrementalChecker
from scheduler.conflicts.kinds import ERROR
from scheduler.plan.model import Plan
from ui import tasks
from ui.session import EVERY, Session, keys_of

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
    checking = Signal()  # a full check has started (its result comes by `updated`)
    failed = Signal(str)  # a full check ended in an error (the text of it)

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
        # The full check under way: its number (a later one makes its result stale), the
        # sections changed since its copy of the plan was taken, and whether a change since
        # calls for another full check.
        self.running: int | None = None
        self._started = 0
        self._since: dict[str, set] = {}
        self._again = False
        # The job of the check under way (no Qt object: it holds nothing Qt may delete). It
        # stops when this watch is destroyed; quitting stops and waits for it (ui/tasks.py).
        self._job: tasks.Handle | None = None
        self.pool = QThreadPool.globalInstance()
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

    @property
    def checking_now(self) -> bool:
        """A full check is under way (the panel says so)."""
        return self.running is not None

    def _context(self) -> CheckContext:
        catalog = self.session.catalog
        response = ops.response_times(self.session.store)
        return CheckContext(catalog.plan(), catalog.work_calendar, datetime.now(), response=response)

    def check_all(self) -> None:
        """Check the whole plan beside the window (the first time, and when the hospital,
        calendar or response times changed); the result comes by `updated`."""
        if self.session.closed:
            return
        self.full_checks += 1
        self._started += 1
        number = self._started
        ctx = self._context()
        # A copy of the sections: the window goes on editing the catalog's own dicts meanwhile.
        ctx.plan = Plan(**{f: _copy(getattr(ctx.plan, f)) for f in Plan.__slots__})
        self.running, self._since, self._again = number, {}, False
        self.checking.emit()
        if self._job is not None:
            self._job.abandon()  # an older check's result would be stale anyway
        self._job = tasks.run_quietly(
            self.pool,
            lambda progress: IncrementalChecker(ctx, progress),
            lambda checker: self._checked(number, checker),
            lambda exc: self._check_failed(number, exc),
            owner=self,
        )

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a full check under way and take its result (tests, benchmarks)."""
        from PySide6.QtCore import QCoreApplication

        while self._job is not None and self.running is not None:
            job = self._job
            if not job.wait(msecs):
                return False
            QCoreApplication.sendPostedEvents()
            tasks.deliver()  # its result, handed to this thread: may start another full check
            if self._job is job:
                break
        QCoreApplication.processEvents()
        return True

    def stop(self, msecs: int = tasks.QUIT_WAIT_MS) -> bool:
        """Stop a full check under way and drop its result (the window closing); True when its
        thread is done with it."""
        job, self._job, self.running = self._job, None, None
        if job is None:
            return True
        job.abandon()
        return job.wait(msecs)

    def _checked(self, number: int, checker: IncrementalChecker) -> None:
        if number != self.running or self.session.closed:
            return  # a later check is under way, or the session is gone
        if self._again:
            self.check_all()
            return
        self.running = None
        since, self._since = self._since, {}
        checker.ctx.today = datetime.now()
        plan = self.session.catalog.plan()
        if since:  # edits made while it ran, re-checked where they touched
            self.partial_checks += 1
            checker.update(plan, since)
        else:
            checker.ctx.plan = plan
        self.checker = checker
        self._keys.clear()
        self._show(checker.conflicts, whole=True)

    def _check_failed(self, number: int, exc: BaseException) -> None:
        if number != self.running:
            return
        self.running = None
        self.failed.emit(str(exc) or type(exc).__name__)

    def first_check(self) -> None:
        if self.checker is None and self.running is None:
            self.check_all()

    def on_changed(self, changes: ops.Changes, _initiator: object) -> None:
        self.last = None
        acked: frozenset[str] | None = frozenset()
        if "acknowledgements" in changes.keys:
            self.acks = load_acknowledgements(self.session.store)
            acked = keys_of(changes, "acknowledgements")
        sections = {s: k for s, k in changes.keys.items() if s in SECTION and k}
        settings = getattr(changes, "settings", frozenset())
        whole = bool(
            changes.hospital
            or settings & CHECKED_SETTINGS
            or "calendar" in sections
            or any(EVERY in k for k in sections.values())
        )
        if self.running is not None:  # the check under way has an older copy of the plan
            if whole:
                self._again = True
            for s, keys in sections.items():
                self._since.setdefault(s, set()).update(keys)
            return
        if self.checker is None:  # the first check, still to come, will see this change
            return
        if whole:
            self.check_all()
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


def _copy(value: object) -> object:
    """A shallow copy of one section of a plan (the records themselves are frozen values)."""
    return dict(value) if isinstance(value, dict) else value
