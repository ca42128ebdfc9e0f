"""Re-checking only what an edit touched. The whole plan's conflicts are kept per unit (an
occurrence, a person, a department, a venue, a person's month, the judgement-day kinds); an edit
marks the units it can change and only those are recomputed. Agrees with a full check (tested)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from .conflicts import (
    Booked,
    CheckContext,
    Conflict,
    _venue,
    department_cover,
    double_bookings,
    holidays,
    hours_cap,
    no_lead,
    pairings_behind,
    requests_overdue,
    sort_conflicts,
    station_conflicts,
    unavailable,
    venue_double_bookings,
)
from .model import Plan
from .recurrence import expand

Unit = tuple[Any, ...]


def _month(d: datetime) -> date:
    return d.date().replace(day=1)


class IncrementalChecker:
    """Holds the conflicts of a whole plan (no window) and updates them after an edit."""

    def __init__(self, ctx: CheckContext):
        if ctx.window_from is not None or ctx.window_to is not None:
            raise ValueError("the incremental checker checks the whole plan")
        self.ctx = ctx
        self.rebuild(ctx.plan)

    # -- state

    def rebuild(self, plan: Plan) -> None:
        self.ctx.plan = plan
        self._index_assignments(plan)
        self.booked: dict[str, list[Booked]] = {a: self._held(plan, a) for a in plan.activities}
        self.units: dict[Unit, list[Conflict]] = {}
        self._index()
        self._recompute(
            occs={b.key for items in self.booked.values() for b in items},
            persons=set(self.by_person),
            depts=set(plan.departments),
            venues=set(self.by_venue),
            months={(p, m) for p, keys in self.by_person.items() for m in self._months_of(keys)},
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
        v = _venue(b.activity)
        if v:
            self.by_venue[v].add(b.key)

    def _remove(self, b: Booked) -> None:
        self.by_key.pop(b.key, None)
        for p in b.people:
            self.by_person[p].discard(b.key)
        v = _venue(b.activity)
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
        occs: set[tuple[str, date]] = set()
        persons: set[str] = set(staff)
        venues: set[str] = set()
        months: set[tuple[str, date]] = set()
        for aid in activities:
            for b in self.booked.get(aid, []):
                self._remove(b)
                occs.add(b.key)
                persons |= b.people
                months |= {(p, _month(b.occ.start)) for p in b.people}
                if _venue(b.activity):
                    venues.add(_venue(b.activity))
            new = self._held(plan, aid)
            self.booked[aid] = new
            for b in new:
                self._add(b)
                occs.add(b.key)
                persons |= b.people
                months |= {(p, _month(b.occ.start)) for p in b.people}
                if _venue(b.activity):
                    venues.add(_venue(b.activity))
        for sid in staff:
            # A person's qualifications, party membership or cap touch every occurrence they serve.
            keys = self.by_person.get(sid, set())
            occs |= keys
            months |= {(sid, m) for m in self._months_of(keys)}
        depts = set(changed.get("departments", ()))
        for sid in persons:
            for p in (old, plan):
                s = p.staff.get(sid)
                if s is not None:
                    depts.add(s.department)
        self._recompute(occs, persons, depts, venues, months)
        return self.conflicts

    def _recompute(
        self,
        occs: set[tuple[str, date]],
        persons: set[str],
        depts: set[str],
        venues: set[str],
        months: set[tuple[str, date]],
    ) -> None:
        plan, cal = self.ctx.plan, self.ctx.calendar
        for k in occs:
            self.units.pop(("occ", *k), None)
            b = self.by_key.get(k)
            if b is not None:
                self.units[("occ", *k)] = (
                    station_conflicts(b, plan.staff) + no_lead([b], plan.staff) + holidays([b], cal)
                )
        for p in persons:
            items = [self.by_key[k] for k in self.by_person.get(p, ()) if k in self.by_key]
            found = [c for c in double_bookings(items) if c.staff == p]
            found += [c for c in unavailable(items, plan) if c.staff == p]
            self.units[("person", p)] = found
        members: dict[str, set[str]] = defaultdict(set)
        for s in plan.staff.values():
            members[s.department].add(s.id)
        for d in depts:
            keys = {k for sid in members.get(d, ()) for k in self.by_person.get(sid, ())}
            items = [self.by_key[k] for k in keys if k in self.by_key]
            self.units[("dept", d)] = [
                c for c in department_cover(items, plan, cal, self.ctx.clinical_hours) if c.department == d
            ]
        for v in venues:
            items = [self.by_key[k] for k in self.by_venue.get(v, ()) if k in self.by_key]
            self.units[("venue", v)] = venue_double_bookings(items)
        for p, m in months:
            items = [
                self.by_key[k]
                for k in self.by_person.get(p, ())
                if k in self.by_key and _month(self.by_key[k].occ.start) == m
            ]
            self.units[("month", p, m)] = [
                c for c in hours_cap(plan, cal, None, None, None, None, items) if c.staff == p
            ]
        self.units[("global",)] = pairings_behind(plan, cal, self.ctx.today) + requests_overdue(
            plan, self.ctx.response, self.ctx.today
        )
