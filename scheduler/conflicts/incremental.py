"""Re-checking only what an edit touched. The whole plan's conflicts are kept per unit of a scope
(an occurrence, a person, a department, a venue, a person's month, the whole plan: see
scheduler/conflicts/kinds.py, SCOPES); an edit marks the units it can change, and only the kinds of those units'
scopes are re-run there. Agrees with a full check (tested for every registered kind)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from scheduler.calendar.recurrence import expand
from scheduler.conflicts.checker import FINDERS, CheckContext, Finder
from scheduler.conflicts.conflict import Conflict, OccKey, sort_conflicts
from scheduler.conflicts.held import Booked
from scheduler.conflicts.kinds import (
    DEPARTMENT,
    GLOBAL,
    KINDS,
    OCCURRENCE,
    SCOPES,
    STAFF,
    STAFF_MONTH,
    VENUE,
)
from scheduler.conflicts.people import venue_key
from scheduler.plan.model import Plan

Dirty = dict[str, set[Any]]  # scope -> its units to re-check

# Which conflicts of a kind's findings belong to a unit: a person's double bookings found among
# their occurrences are theirs, but a department's cover is judged on its members' occurrences
# and only that department's shortfalls are its own.
OWNS: dict[str, Callable[[Conflict, Any], bool]] = {
    OCCURRENCE: lambda c, unit: True,
    STAFF: lambda c, unit: c.staff == unit,
    DEPARTMENT: lambda c, unit: c.department == unit,
    VENUE: lambda c, unit: True,
    STAFF_MONTH: lambda c, unit: c.staff == unit[0],
    GLOBAL: lambda c, unit: True,
}


def _month(d: datetime) -> date:
    return d.date().replace(day=1)


# A full check's progress(done, total) -> bool: False stops it (a window closed, the app quitting).
Progress = Callable[[int, int], bool]
STEP = 256  # units between two calls of progress


class Stopped(Exception):
    """A full check told by its progress callback to stop."""


class IncrementalChecker:
    """Holds the conflicts of a whole plan (no window) and updates them after an edit."""

    def __init__(self, ctx: CheckContext, progress: Progress | None = None):
        """`progress`, if given, is called now and then while the whole plan is checked; when it
        returns False the check stops with Stopped (nothing half-built is kept)."""
        if ctx.window_from is not None or ctx.window_to is not None:
            raise ValueError("the incremental checker checks the whole plan")
        unknown = {k.scope for k in KINDS.values()} - set(SCOPES)
        if unknown:
            raise ValueError(f"no incremental scope {unknown}")
        self.ctx = ctx
        # The finders of each scope's kinds, in the order of KINDS.
        self.finders: dict[str, list[Finder]] = {
            s: [FINDERS[k] for k in KINDS.values() if k.scope == s] for s in SCOPES
        }
        self._progress = progress
        try:
            self.rebuild(ctx.plan)
        finally:
            self._progress = None

    # -- state

    def rebuild(self, plan: Plan) -> None:
        self.ctx.plan = plan
        self._index_assignments(plan)
        self.booked: dict[str, list[Booked]] = {}
        for n, a in enumerate(plan.activities):
            if n % STEP == 0:
                self._step(n, len(plan.activities))
            self.booked[a] = self._held(plan, a)
        self.units: dict[tuple[str, Any], list[Conflict]] = {}
        self._index()
        self._recompute(
            {
                OCCURRENCE: {b.key for items in self.booked.values() for b in items},
                STAFF: set(self.by_person),
                DEPARTMENT: set(plan.departments),
                VENUE: set(self.by_venue),
                STAFF_MONTH: {(p, m) for p, keys in self.by_person.items() for m in self._months_of(keys)},
                GLOBAL: {None},
            }
        )

    def _held(self, plan: Plan, activity_id: str) -> list[Booked]:
        a = plan.activities.get(activity_id)
        if a is None or a.status == "cancelled":
            return []
        mine = self._asg_index.get(activity_id, [])
        out = []
        for o in expand(a, None, None, self.ctx.calendar):
            rec = plan.records.get((a.id, o.date))
            if rec is not None and rec.status == "cancelled":
                continue
            out.append(Booked(o, a, tuple(x for x in mine if x.occurrence is None or x.occurrence == o.date)))
        return out

    def _index_assignments(self, plan: Plan) -> None:
        self._asg_index: dict[str, list] = defaultdict(list)
        for x in plan.assignments.values():
            self._asg_index[x.activity].append(x)

    def _index(self) -> None:
        self.by_key: dict[tuple[str, date], Booked] = {}
        self.by_person: dict[str, set[tuple[str, date]]] = defaultdict(set)
        self.by_venue: dict[str, set[tuple[str, date]]] = defaultdict(set)
        for items in self.booked.values():
            for b in items:
                self._add(b)

    def _add(self, b: Booked) -> None:
        self.by_key[b.key] = b
        for p in b.people:
            self.by_person[p].add(b.key)
        v = venue_key(b.activity)
        if v:
            self.by_venue[v].add(b.key)

    def _remove(self, b: Booked) -> None:
        self.by_key.pop(b.key, None)
        for p in b.people:
            self.by_person[p].discard(b.key)
        v = venue_key(b.activity)
        if v:
            self.by_venue[v].discard(b.key)

    def _months_of(self, keys: Iterable[tuple[str, date]]) -> set[date]:
        return {_month(self.by_key[k].occ.start) for k in keys if k in self.by_key}

    # -- results

    @property
    def conflicts(self) -> list[Conflict]:
        return sort_conflicts([c for items in self.units.values() for c in items])

    def update(self, plan: Plan, changed: dict[str, Iterable[Any]]) -> list[Conflict]:
        """Bring the conflicts up to date with `plan`, after the changes named (section -> keys)."""
        changed = {k: set(v) for k, v in changed.items() if v}
        if changed.keys() & {"calendar", "hospital"}:
            self.rebuild(plan)
            return self.conflicts
        old = self.ctx.plan
        self.ctx.plan = plan
        if "assignments" in changed:
            self._index_assignments(plan)
        activities = set(changed.get("activities", ()))
        activities |= {k[0] for k in changed.get("assignments", ())}
        activities |= {k[0] for k in changed.get("records", ())}
        staff = set(changed.get("staff", ())) | {k[0] for k in changed.get("unavailability", ())}
        dirty: Dirty = {scope: set() for scope in SCOPES}
        dirty[STAFF] |= staff
        dirty[GLOBAL].add(None)
        for aid in activities:
            for b in self.booked.get(aid, []):
                self._remove(b)
                self._touch(b, dirty)
            self.booked[aid] = self._held(plan, aid)
            for b in self.booked[aid]:
                self._add(b)
                self._touch(b, dirty)
        for sid in staff:
            # A person's qualifications, party membership or cap touch every occurrence they serve.
            keys = self.by_person.get(sid, set())
            dirty[OCCURRENCE] |= keys
            dirty[STAFF_MONTH] |= {(sid, m) for m in self._months_of(keys)}
        dirty[DEPARTMENT] |= set(changed.get("departments", ()))
        for sid in dirty[STAFF]:
            for p in (old, plan):
                s = p.staff.get(sid)
                if s is not None:
                    dirty[DEPARTMENT].add(s.department)
        self._recompute(dirty)
        return self.conflicts

    @staticmethod
    def _touch(b: Booked, dirty: Dirty) -> None:
        """Mark the units an occurrence belongs to (before and after an edit of its activity)."""
        dirty[OCCURRENCE].add(b.key)
        dirty[STAFF] |= b.people
        dirty[STAFF_MONTH] |= {(p, _month(b.occ.start)) for p in b.people}
        if venue_key(b.activity):
            dirty[VENUE].add(venue_key(b.activity))

    def _recompute(self, dirty: Dirty) -> None:
        """Re-run, for every marked unit, the kinds of its scope on the unit's occurrences."""
        members: dict[str, set[str]] = defaultdict(set)
        if dirty.get(DEPARTMENT):
            for s in self.ctx.plan.staff.values():
                members[s.department].add(s.id)
        # The plan's lookups (who is away, who works where) are built once for all the units.
        self.ctx.memo = {}
        done, total = 0, sum(len(units) for units in dirty.values())
        try:
            for scope, units in dirty.items():
                finders, owns = self.finders[scope], OWNS[scope]
                for unit in units:
                    done += 1
                    if done % STEP == 0:
                        self._step(done, total)
                    items = self._items(scope, unit, members)
                    self.units[(scope, unit)] = [
                        c for find in finders for c in find(items, self.ctx) if owns(c, unit)
                    ]
        finally:
            self.ctx.memo = None

    def _step(self, done: int, total: int) -> None:
        if self._progress is not None and not self._progress(done, total):
            raise Stopped()

    def _items(self, scope: str, unit: Any, members: dict[str, set[str]]) -> list[Booked]:
        """The held occurrences of one unit."""
        if scope == OCCURRENCE:
            keys: Iterable[OccKey] = (unit,)
        elif scope == STAFF:
            keys = self.by_person.get(unit, ())
        elif scope == DEPARTMENT:
            keys = {k for sid in members.get(unit, ()) for k in self.by_person.get(sid, ())}
        elif scope == VENUE:
            keys = self.by_venue.get(unit, ())
        elif scope == STAFF_MONTH:
            person, month = unit
            return [
                self.by_key[k]
                for k in self.by_person.get(person, ())
                if k in self.by_key and _month(self.by_key[k].occ.start) == month
            ]
        else:  # GLOBAL: its kinds read the plan; they get every held occurrence
            return list(self.by_key.values())
        return [self.by_key[k] for k in keys if k in self.by_key]
