"""What each pool can give in each month: every active person their monthly cap (DEFAULT_CAP
where none is set), never more than the hours of the month they are not unavailable; in clinical
time only the people of departments with more people than their minimum cover. Pure."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from scheduler.calendar.workdays import WorkCalendar
from scheduler.office.forecast.figures import ALL, CLINICAL, DEFAULT_CAP, Hours, Pool, Progress, ask
from scheduler.plan.model import Plan


def spare_departments(plan: Plan) -> set[str]:
    """Departments with more active people than their minimum cover: they can lend some in
    clinical hours."""
    active: dict[str, int] = defaultdict(int)
    for s in plan.staff.values():
        if s.active:
            active[s.department] += 1
    return {
        d for d, n in active.items() if n > (plan.departments[d].min_on_duty if d in plan.departments else 0)
    }


def capacities(plan: Plan, calendar: WorkCalendar, year: int) -> dict[str, list[float]]:
    """The hours each active person can give in each month: their cap, and never more than the
    hours of the month they are not unavailable (see the module's note)."""
    by_staff: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    y0, y1 = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    for u in plan.unavailability.values():
        if u.end > y0 and u.start < y1:
            by_staff[u.staff].append((max(u.start, y0), min(u.end, y1)))
    bounds = [datetime(year, m, 1) for m in range(1, 13)] + [y1]
    out: dict[str, list[float]] = {}
    for s in plan.staff.values():
        if not s.active:
            continue
        cap = s.max_hours_month if s.max_hours_month is not None else DEFAULT_CAP
        away = [0.0] * 12
        merged: list[list[datetime]] = []
        for a, b in sorted(by_staff.get(s.id, ())):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for a, b in merged:
            for i in range(a.month - 1, 12):
                lo, hi = max(a, bounds[i]), min(b, bounds[i + 1])
                if lo >= hi:
                    break
                away[i] += (hi - lo).total_seconds() / 3600
        out[s.id] = [
            round(min(cap, (bounds[i + 1] - bounds[i]).total_seconds() / 3600 - away[i]), 2)
            for i in range(12)
        ]
    return out


def pool_members(plan: Plan, pools: list[Pool]) -> dict[Pool, list[str]]:
    """The active people of each pool: of its department and qualification, of the
    qualification in any department, of the department whatever their qualifications."""
    members: dict[Pool, list[str]] = defaultdict(list)
    wanted = set(pools)
    for s in plan.staff.values():
        if not s.active:
            continue
        mine = {(s.department, q) for q in s.qualifications} | {(None, q) for q in s.qualifications}
        for pool in mine | {(s.department, None)}:
            if pool in wanted:
                members[pool].append(s.id)
    return members


def available_hours(
    plan: Plan,
    pools: list[Pool],
    capacity: dict[str, list[float]],
    members: dict[Pool, list[str]],
    progress: Progress,
) -> tuple[Hours, dict[tuple[Pool, int], int]]:
    """What each pool can give in each month, all of it and in clinical time, and its people who
    can give any. Raises Cancelled when `progress` says so."""
    spare = spare_departments(plan)
    available: Hours = {}
    people: dict[tuple[Pool, int], int] = {}
    for pool in pools:
        ask(progress, 2)
        for i in range(12):
            lent = [(capacity[sid][i], plan.staff[sid].department in spare) for sid in members.get(pool, ())]
            available[((pool, ALL), i)] = round(sum(c for c, _ in lent), 2)
            available[((pool, CLINICAL), i)] = round(sum(c for c, ok in lent if ok), 2)
            people[(pool, i)] = sum(1 for c, _ in lent if c > 0)
    return available, people
