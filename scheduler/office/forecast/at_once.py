"""At once: for the occurrences already planned, the moment each pool's places outnumber its
people free then (active, not unavailable; in clinical time of a working day, no more of a
department than it keeps above its minimum cover) in each month. Pure."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import Booked
from scheduler.office.forecast.figures import Pool, pools_of_need
from scheduler.plan.model import Plan

# An occurrence's start, end, places by pool and (activity, occurrence date).
Occ = tuple[datetime, datetime, dict[Pool, int], tuple[str, date]]
# Per pool and month index: places short, places, people free, when, the occurrences then.
Peak = tuple[int, int, int, datetime, tuple[tuple[str, date], ...]]


def peaks(
    plan: Plan,
    calendar: WorkCalendar,
    booked: list[Booked],
    members: dict[Pool, list[str]],
    hours: tuple[str, str],
) -> dict[tuple[Pool, int], Peak]:
    """Per pool and month, the moment its planned occurrences need the most places beyond the
    people free then (else the most places): (places short, places, people free, when). Free:
    active, not unavailable then; in clinical time of a working day, at most as many of a
    department as it keeps above its minimum cover (those away on leave, rest or other counted
    out). The moments looked at: every start, and the start of clinical hours inside one."""
    t0, t1 = time.fromisoformat(hours[0]), time.fromisoformat(hours[1])
    occs = _occurrences(booked)
    if not occs:
        return {}
    free = _Free(plan, members, occs)
    out: dict[tuple[Pool, int], Peak] = {}
    running: list[Occ] = []
    k = 0
    for t in _moments(occs, t0):
        while k < len(occs) and occs[k][0] <= t:
            running.append(occs[k])
            k += 1
        running = [o for o in running if o[1] > t]
        demand: dict[Pool, int] = defaultdict(int)
        for _s, _e, places, _k in running:
            for pool, count in places.items():
                demand[pool] += count
        if not demand:
            continue
        clinical = calendar.is_working(t.date()) and t0 <= t.time() < t1
        free.at(t, clinical)
        for pool, need in demand.items():
            key = (pool, t.month - 1)
            short, best = max(0, need - free.of(pool)), out.get(key)
            if best is None or (short, need) > (best[0], best[1]):
                these = tuple(sorted(k for _s, _e, places, k in running if pool in places))
                out[key] = (short, need, free.of(pool), t, these)
    return out


def _occurrences(booked: list[Booked]) -> list[Occ]:
    """The planned occurrences that need places of a pool, by their start."""
    occs: list[Occ] = []
    for b in booked:
        places: dict[Pool, int] = defaultdict(int)
        for st in b.activity.stations:
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            for n in st.needs:
                for pool in pools_of_need(n.department or turn, n.qualification):
                    places[pool] += n.count
        if places:
            occs.append((b.occ.start, b.occ.end, dict(places), (b.activity.id, b.occ.date)))
    occs.sort(key=lambda o: o[0])
    return occs


def _moments(occs: list[Occ], t0: time) -> list[datetime]:
    """The moments looked at, in order: every start, and the start of clinical hours inside one."""
    points: set[datetime] = set()
    for start, end, _p, _k in occs:
        points.add(start)
        day = start.date()
        while datetime.combine(day, t0) < end:
            at = datetime.combine(day, t0)
            if start < at:
                points.add(at)
            day += timedelta(days=1)
    return sorted(points)


class _Free:
    """The people of each pool free at a moment (`at`, then `of`)."""

    def __init__(self, plan: Plan, members: dict[Pool, list[str]], occs: list[Occ]) -> None:
        self.dept_of = {s.id: s.department for s in plan.staff.values() if s.active}
        self.active_in: dict[str, int] = defaultdict(int)
        for d in self.dept_of.values():
            self.active_in[d] += 1
        self.minimum = {d.id: d.min_on_duty for d in plan.departments.values()}
        self.by_day: dict[date, list[Any]] = defaultdict(list)
        first, last = occs[0][0].date(), max(o[1] for o in occs).date()
        for u in plan.unavailability.values():
            if u.staff not in self.dept_of:
                continue
            day = max(u.start.date(), first)
            while day <= min(u.end.date(), last):
                self.by_day[day].append(u)
                day += timedelta(days=1)
        self.in_pool = {pool: set(ids) for pool, ids in members.items()}
        self.per_dept: dict[Pool, dict[str, int]] = {}
        for pool, ids in members.items():
            counts: dict[str, int] = defaultdict(int)
            for sid in ids:
                counts[self.dept_of[sid]] += 1
            self.per_dept[pool] = dict(counts)
        self.busy: set[str] = set()
        self.away: dict[str, int] = defaultdict(int)
        self.clinical = False
        self.cache: dict[Pool, int] = {}

    def at(self, t: datetime, clinical: bool) -> None:
        """Looks at the moment `t` (in clinical time of a working day or not)."""
        now = [u for u in self.by_day.get(t.date(), ()) if u.start <= t < u.end]
        self.away = defaultdict(int)
        if clinical:
            for u in now:
                if u.reason != "duty":  # on duty is in the hospital, for the cover
                    self.away[self.dept_of[u.staff]] += 1
        self.busy = {u.staff for u in now}
        self.clinical = clinical
        self.cache = {}

    def of(self, pool: Pool) -> int:
        """The people of `pool` free at the moment looked at."""
        found = self.cache.get(pool)
        if found is not None:
            return found
        counts = self.per_dept.get(pool, {})
        gone: dict[str, int] = defaultdict(int)
        for sid in self.busy & self.in_pool.get(pool, set()):
            gone[self.dept_of[sid]] += 1
        free = 0
        for d, size in counts.items():
            here = size - gone[d]
            if self.clinical:
                here = min(here, max(0, self.active_in[d] - self.away[d] - self.minimum.get(d, 0)))
            free += here
        self.cache[pool] = free
        return free
