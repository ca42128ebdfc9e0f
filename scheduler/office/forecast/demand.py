"""What the plan needs of each pool in each month of the year: the occurrences planned (each
station's needs × its hours, all of them and those in clinical time), and the visits the
pairings' yearly targets still lack, spread over the months to come, each needing what the
pairing's past visits needed on average. Pure."""

from __future__ import annotations

import calendar as _cal
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import Booked, held_occurrences
from scheduler.office.forecast.figures import (
    ALL,
    CLINICAL,
    DEFAULT_VISIT,
    Hours,
    Key,
    Pool,
    Progress,
    Source,
    ask,
    month_end,
    months_of,
    pools_of_need,
)
from scheduler.plan.model import Activity, Pairing, Plan


def _hours() -> Hours:
    return defaultdict(float)


def _behind() -> dict[tuple[Pool, int], dict[Source, float]]:
    return defaultdict(lambda: defaultdict(float))


def _by_pairing() -> dict[str, list[dict[Key, float]]]:
    return defaultdict(list)


@dataclass(slots=True)
class Demand:
    """The year's need by key and month index: all of it (`needed`) and of that the planned
    occurrences' (`planned`); what makes up each pool-month's (`behind`); the pairings' visits
    planned in the year; the occurrences held in it; what each pairing's visits needed before
    the year (`profiles`) and in it (`this_year`)."""

    needed: Hours = field(default_factory=_hours)
    planned: Hours = field(default_factory=_hours)
    behind: dict[tuple[Pool, int], dict[Source, float]] = field(default_factory=_behind)
    planned_visits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    booked: list[Booked] = field(default_factory=list)
    profiles: dict[str, list[dict[Key, float]]] = field(default_factory=_by_pairing)
    this_year: dict[str, list[dict[Key, float]]] = field(default_factory=_by_pairing)


def needs_by_pool(
    a: Activity, day: date, start: datetime, end: datetime, calendar: WorkCalendar, hours: tuple[str, str]
) -> dict[tuple[Pool, str], float]:
    """Place-hours of one occurrence by pool: ALL of them, and those in CLINICAL time (clinical
    hours of working days, when only departments with people to spare can lend theirs)."""
    length = (end - start).total_seconds() / 3600
    clinical = (
        sum((b - a_).total_seconds() for a_, b in calendar.clinical_intervals(start, end, hours)) / 3600
    )
    out: dict[tuple[Pool, str], float] = defaultdict(float)
    for st in a.stations:
        turn = department_on_turn(a, day, st.id)
        for n in st.needs:
            for pool in pools_of_need(n.department or turn, n.qualification):
                out[(pool, ALL)] += n.count * length
                if clinical:
                    out[(pool, CLINICAL)] += n.count * clinical
    return out


def pairing_of(a: Activity, by_key: dict[tuple[str, str], list[Pairing]], day: date) -> Pairing | None:
    for p in by_key.get((a.organizer or "", a.partner or ""), ()):
        if (p.start is None or p.start <= day) and (p.end is None or day <= p.end):
            return p
    return None


def _spread(n: int, months: list[int]) -> dict[int, int]:
    """n visits over the months given, as evenly as whole visits allow."""
    k = len(months)
    return {m: (n * (i + 1)) // k - (n * i) // k for i, m in enumerate(months)}


def pairings_by_key(plan: Plan) -> dict[tuple[str, str], list[Pairing]]:
    """The pairings by (branch, partner), in the order of their ids."""
    by_key: dict[tuple[str, str], list[Pairing]] = defaultdict(list)
    for p in sorted(plan.pairings.values(), key=lambda p: p.id):
        by_key[(p.branch, p.partner)].append(p)
    return by_key


def planned_demand(
    plan: Plan, calendar: WorkCalendar, year: int, hours: tuple[str, str], progress: Progress
) -> Demand:
    """The need of the occurrences held in the year (not called off), and what the pairings'
    visits needed in the two years before it. Raises Cancelled when `progress` says so."""
    by_key = pairings_by_key(plan)
    y0, y1 = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    d = Demand()
    for n, b in enumerate(held_occurrences(plan, calendar, datetime(year - 2, 1, 1), y1)):
        # Asked now and then whether to go on (the same step again: a caller may show only a
        # change): a page left at once stops its job within milliseconds.
        if n % 100 == 99:
            ask(progress, 0)
        paired = pairing_of(b.activity, by_key, b.occ.start.date())
        one = needs_by_pool(b.activity, b.occ.date, b.occ.start, b.occ.end, calendar, hours)
        if b.occ.start < y0:
            if paired is not None:
                d.profiles[paired.id].append(one)
            continue
        m = b.occ.start.month - 1
        d.booked.append(b)
        source: Source = ("pairing", paired.id) if paired else ("activity", b.activity.id)
        if paired is not None:
            d.planned_visits[paired.id] += 1
            d.this_year[paired.id].append(one)
        for key, h in one.items():
            d.needed[(key, m)] += h
            d.planned[(key, m)] += h
            if key[1] == ALL:
                d.behind[(key[0], m)][source] += h
    return d


def visit_costs(plan: Plan, d: Demand) -> dict[str, dict[Key, float]]:
    """What each pairing's visit usually needs: its visits before the year, else those in it,
    else DEFAULT_VISIT."""
    default: dict[Key, float] = defaultdict(float)
    for need in DEFAULT_VISIT[0]:
        for pool in pools_of_need(need.department, need.qualification):
            default[(pool, ALL)] += need.count * DEFAULT_VISIT[1]
    cost: dict[str, dict[Key, float]] = {}
    for p in plan.pairings.values():
        seen = d.profiles.get(p.id) or d.this_year.get(p.id)
        if not seen:
            cost[p.id] = dict(default)
            continue
        avg: dict[Key, float] = defaultdict(float)
        for one in seen:
            for key, h in one.items():
                avg[key] += h / len(seen)
        cost[p.id] = dict(avg)
    return cost


def lacking_visits(
    plan: Plan, year: int, today: date | None, d: Demand, cost: dict[str, dict[Key, float]]
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The visits the pairings' targets (pro rata to the days each runs in the year) still lack
    beyond those planned, spread over the months still to come while it runs, added to the
    need: (visits a month, the month indexes each pairing may use)."""
    months = months_of(year)
    first_open = 0
    if today is not None and today.year >= year:
        first_open = 12 if today.year > year else today.month - 1
    days_in_year = 366 if _cal.isleap(year) else 365
    visits: dict[str, list[int]] = {}
    allowed: dict[str, list[int]] = {}
    for p in sorted(plan.pairings.values(), key=lambda p: p.id):
        start = max(p.start or date(year, 1, 1), date(year, 1, 1))
        end = min(p.end or date(year, 12, 31), date(year, 12, 31))
        if end < start or p.visits_per_year <= 0:
            continue
        target = round(p.visits_per_year * ((end - start).days + 1) / days_in_year)
        lacking = max(0, target - d.planned_visits.get(p.id, 0))
        ok = [i for i in range(first_open, 12) if months[i] <= end and month_end(months[i]) >= start]
        if not lacking or not ok:
            continue
        spread = _spread(lacking, ok)
        visits[p.id] = [spread.get(i, 0) for i in range(12)]
        allowed[p.id] = ok
        for i, n in spread.items():
            for key, h in cost[p.id].items() if n else ():
                d.needed[(key, i)] += n * h
                if key[1] == ALL:
                    d.behind[(key[0], i)][("pairing", p.id)] += n * h
    return visits, allowed
