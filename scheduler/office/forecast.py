"""The capacity forecast: for every qualification pool and month of a year, the hours the plan
needs against the hours the pool can give; the months and pools short; the lower bound on the most
hours one person must give in a month; and what would close each gap (visits moved within their
pairing's year to months with room, computed with CP-SAT, or the people of that pool needed).

Readings:
- A pool is the people who can meet a kind of need: (department, qualification) as the need names
  them (a station's department on turn standing for a need's missing department). The pools are
  checked one by one, each with every need only its people can meet (a pool of a qualification
  carries its needs of every department), so a month a pool is short in is a month no assignment
  fills (Hall's condition): places of that pool stay open.
- Demand: the occurrences planned in the year (not called off), each station's needs × its hours;
  plus, for each pairing, the visits its yearly target (pro rata to the days it runs in the year)
  still lacks beyond those planned, spread evenly over its months still to come, each visit
  needing what the pairing's past visits needed on average (its activities' stations and needs
  before the year; else those planned in it; else DEFAULT_VISIT).
- Supply: each active person gives at most their monthly cap (DEFAULT_CAP where none is set),
  and never more than the hours of the month they are not unavailable (the duty rosters' leave,
  duty, rest); in clinical time of working days (the official calendar) only the people of
  departments with more people than their minimum cover. Each is a bound no assignment can
  pass, so that a month flagged short is one no assignment fills; what the rosters say about a
  given moment is read by the check "at once" below.
- At once: for the occurrences already planned, the moment a pool's places outnumber its people
  free then (not unavailable; in clinical time of a working day, no more of a department than it
  keeps above its minimum cover) makes its month short too, whatever the hours: no assignment
  seats more people at one moment than are free (the visits not yet planned have no time yet).
- The bound: a pool's hours in a month shared equally among its people who can give any: the
  most one of them must give; the year's bound is the largest.
- Fixes: the visits not yet planned may move to other months of the pairing's year (those still
  to come while it runs); CP-SAT finds the spread with the fewest hours short, then the fewest
  visits moved. What is still short after that needs people: the hours over what one person of
  the pool gives in a month, rounded up."""

from __future__ import annotations

import calendar as _cal
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.checker import Booked, held_occurrences
from scheduler.plan.model import Activity, Need, Pairing, Plan, clinical_hours_of

Pool = tuple[str | None, str | None]  # (department, qualification)
Source = tuple[str, str]  # ("pairing", id) or ("activity", id)

DEFAULT_CAP = 16.0  # hours a month for a person with no cap of their own
# A pairing with no visits to learn from: a physician and a nurse for two hours.
DEFAULT_VISIT: tuple[tuple[Need, ...], float] = (
    (Need(qualification="physician"), Need(qualification="nurse")),
    2.0,
)
ALL, CLINICAL = "all", "clinical"
QUARTERS = 4  # the solver counts quarter hours


@dataclass(frozen=True, slots=True)
class PoolMonth:
    department: str | None
    qualification: str | None
    month: date  # the first of the month
    needed_hours: float
    available_hours: float
    planned_hours: float  # of the needed hours, those of occurrences already planned
    people: int  # people of the pool who can give hours that month
    clinical_needed_hours: float = 0.0  # of the needed hours, those in clinical time
    clinical_available_hours: float = 0.0  # what departments with people to spare can give then
    # At once: the most places of the pool its planned occurrences leave unfillable at one moment
    # (places then against its people free then, in clinical time only as many as each
    # department can spare), the places and people at that moment, and when.
    short_places: int = 0
    peak_places: int = 0
    peak_people: int = 0
    peak_at: datetime | None = None
    # The planned occurrences (activity, occurrence date) needing the pool at that moment.
    peak_occurrences: tuple[tuple[str, date], ...] = ()

    @property
    def pool(self) -> Pool:
        return (self.department, self.qualification)

    @property
    def is_short(self) -> bool:
        return self.short_hours > 0 or self.short_places > 0

    @property
    def short_hours(self) -> float:
        """The hours the pool cannot give: over all its hours, or over clinical time."""
        return round(
            max(
                0.0,
                self.needed_hours - self.available_hours,
                self.clinical_needed_hours - self.clinical_available_hours,
            ),
            2,
        )


@dataclass(frozen=True, slots=True)
class VisitMove:
    pairing: str
    from_month: date
    to_month: date
    visits: int


@dataclass(frozen=True, slots=True)
class Fix:
    department: str | None
    qualification: str | None
    month: date
    short_hours: float
    moves: tuple[VisitMove, ...]  # visits moved out of this month (their pairing needs this pool)
    short_after_moves: float
    people_needed: int  # of this pool, for what moves cannot close
    short_places: int = 0  # places at once no one of the pool is free for (moves cannot help)
    peak_at: datetime | None = None
    peak_places: int = 0
    peak_people: int = 0
    hours_each: float = 0.0  # the most one person of the pool gives that month (people_needed counts at it)
    peak_occurrences: tuple[tuple[str, date], ...] = ()  # those at the moment of short_places


@dataclass(slots=True)
class Forecast:
    year: int
    pools: list[PoolMonth]
    bound_hours: float
    bound_pool: PoolMonth | None
    fixes: list[Fix]
    # What makes up each pool-month's need: source -> hours (pairings' visits, other activities).
    behind: dict[tuple[Pool, date], dict[Source, float]] = field(default_factory=dict)
    visits: dict[str, list[int]] = field(default_factory=dict)  # pairing -> unplanned visits a month
    proposed: dict[str, list[int]] = field(default_factory=dict)  # the same after the moves
    solver_status: str = ""
    # What each pool can give in every month (the rows hold only months with a need).
    available: dict[tuple[Pool, date], float] = field(default_factory=dict)

    def short(self) -> list[PoolMonth]:
        return [p for p in self.pools if p.is_short]


def _months(year: int) -> list[date]:
    return [date(year, m, 1) for m in range(1, 13)]


def _month_end(m: date) -> date:
    return m.replace(day=_cal.monthrange(m.year, m.month)[1])


def pools_of_need(department: str | None, qualification: str | None) -> list[Pool]:
    """The pools whose people alone can meet a need: its own, and the wider pool of its
    qualification (or department) across departments."""
    if department is None and qualification is None:
        return []
    out: list[Pool] = [(department, qualification)]
    if department is not None and qualification is not None:
        out += [(None, qualification), (department, None)]
    return out


def _needs_by_pool(
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


def _pairing_of(a: Activity, by_key: dict[tuple[str, str], list[Pairing]], day: date) -> Pairing | None:
    for p in by_key.get((a.organizer or "", a.partner or ""), ()):
        if (p.start is None or p.start <= day) and (p.end is None or day <= p.end):
            return p
    return None


def _spread(n: int, months: list[int]) -> dict[int, int]:
    """n visits over the months given, as evenly as whole visits allow."""
    k = len(months)
    return {m: (n * (i + 1)) // k - (n * i) // k for i, m in enumerate(months)}


def forecast(
    plan: Plan,
    calendar: WorkCalendar,
    year: int,
    today: date | None = None,
    time_limit: float = 5.0,
    progress: Callable[[int, int], bool] | None = None,
) -> Forecast | None:
    """The forecast for `year`, judged at `today` (visits not planned go to months not over yet);
    None when `progress` returned False (cancelled)."""
    months = _months(year)
    y0, y1 = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    hours = clinical_hours_of(plan.hospital)
    by_key: dict[tuple[str, str], list[Pairing]] = defaultdict(list)
    for p in sorted(plan.pairings.values(), key=lambda p: p.id):
        by_key[(p.branch, p.partner)].append(p)

    def needs(b: Booked) -> dict[tuple[Pool, str], float]:
        return _needs_by_pool(b.activity, b.occ.date, b.occ.start, b.occ.end, calendar, hours)

    # Demand of what is planned (key: (pool, ALL or CLINICAL), month index).
    needed: dict[tuple[tuple[Pool, str], int], float] = defaultdict(float)
    planned_h: dict[tuple[tuple[Pool, str], int], float] = defaultdict(float)
    behind: dict[tuple[Pool, int], dict[Source, float]] = defaultdict(lambda: defaultdict(float))
    planned_visits: dict[str, int] = defaultdict(int)
    booked: list[Booked] = []
    profiles: dict[str, list[dict[tuple[Pool, str], float]]] = defaultdict(list)
    this_year: dict[str, list[dict[tuple[Pool, str], float]]] = defaultdict(list)
    for n, b in enumerate(held_occurrences(plan, calendar, datetime(year - 2, 1, 1), y1)):
        # Asked now and then whether to go on (the same step again: a caller may show only a
        # change): a page left at once stops its job within milliseconds.
        if n % 100 == 99 and progress is not None and not progress(0, 4):
            return None
        paired = _pairing_of(b.activity, by_key, b.occ.start.date())
        one = needs(b)
        if b.occ.start < y0:
            if paired is not None:
                profiles[paired.id].append(one)
            continue
        m = b.occ.start.month - 1
        booked.append(b)
        source: Source = ("pairing", paired.id) if paired else ("activity", b.activity.id)
        if paired is not None:
            planned_visits[paired.id] += 1
            this_year[paired.id].append(one)
        for key, h in one.items():
            needed[(key, m)] += h
            planned_h[(key, m)] += h
            if key[1] == ALL:
                behind[(key[0], m)][source] += h
    if progress is not None and not progress(1, 4):
        return None

    # What each pairing's visit usually needs: its visits before the year, else those in it.
    default: dict[tuple[Pool, str], float] = defaultdict(float)
    for need in DEFAULT_VISIT[0]:
        for pool in pools_of_need(need.department, need.qualification):
            default[(pool, ALL)] += need.count * DEFAULT_VISIT[1]
    cost: dict[str, dict[tuple[Pool, str], float]] = {}
    for p in plan.pairings.values():
        seen = profiles.get(p.id) or this_year.get(p.id)
        if not seen:
            cost[p.id] = dict(default)
            continue
        avg: dict[tuple[Pool, str], float] = defaultdict(float)
        for one in seen:
            for key, h in one.items():
                avg[key] += h / len(seen)
        cost[p.id] = dict(avg)

    # Visits the targets still lack, spread over the months to come.
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
        lacking = max(0, target - planned_visits.get(p.id, 0))
        ok = [i for i in range(first_open, 12) if months[i] <= end and _month_end(months[i]) >= start]
        if not lacking or not ok:
            continue
        spread = _spread(lacking, ok)
        visits[p.id] = [spread.get(i, 0) for i in range(12)]
        allowed[p.id] = ok
        for i, n in spread.items():
            for key, h in cost[p.id].items() if n else ():
                needed[(key, i)] += n * h
                if key[1] == ALL:
                    behind[(key[0], i)][("pairing", p.id)] += n * h
    if progress is not None and not progress(2, 4):
        return None

    # Supply: every person's hours, and in clinical time those of departments with people to spare.
    pools = sorted({key[0] for key, _m in needed}, key=lambda x: (x[1] or "", x[0] or ""))
    capacity = _capacities(plan, calendar, year)
    spare = _spare_departments(plan)
    members: dict[Pool, list[str]] = defaultdict(list)
    wanted = set(pools)
    for s in plan.staff.values():
        if not s.active:
            continue
        mine = {(s.department, q) for q in s.qualifications} | {(None, q) for q in s.qualifications}
        for pool in mine | {(s.department, None)}:
            if pool in wanted:
                members[pool].append(s.id)
    available: dict[tuple[tuple[Pool, str], int], float] = {}
    people: dict[tuple[Pool, int], int] = {}
    for pool in pools:
        if progress is not None and not progress(2, 4):
            return None
        for i in range(12):
            lent = [(capacity[sid][i], plan.staff[sid].department in spare) for sid in members.get(pool, ())]
            available[((pool, ALL), i)] = round(sum(c for c, _ in lent), 2)
            available[((pool, CLINICAL), i)] = round(sum(c for c, ok in lent if ok), 2)
            people[(pool, i)] = sum(1 for c, _ in lent if c > 0)

    peaks = _peaks(plan, calendar, booked, members, hours)
    rows: list[PoolMonth] = []
    for pool in pools:
        for i in range(12):
            hours_needed = round(needed.get(((pool, ALL), i), 0.0), 2)
            if hours_needed <= 0:
                continue
            rows.append(
                PoolMonth(
                    pool[0],
                    pool[1],
                    months[i],
                    hours_needed,
                    available[((pool, ALL), i)],
                    round(planned_h.get(((pool, ALL), i), 0.0), 2),
                    people[(pool, i)],
                    round(needed.get(((pool, CLINICAL), i), 0.0), 2),
                    available[((pool, CLINICAL), i)],
                    *peaks.get((pool, i), (0, 0, 0, None, ())),
                )
            )
    bound, bound_row = 0.0, None
    for r in rows:
        if r.people and round(r.needed_hours / r.people, 2) > bound:
            bound, bound_row = round(r.needed_hours / r.people, 2), r

    # Fixes.
    short = [r for r in rows if r.is_short]
    proposed = {k: list(v) for k, v in visits.items()}
    status = "not needed"
    if any(r.short_hours > 0 for r in short) and visits:
        keys = [(pool, kind) for pool in pools for kind in (ALL, CLINICAL)]
        proposed, status = _rebalance(keys, planned_h, available, visits, allowed, cost, time_limit)
    if progress is not None and not progress(3, 4):
        return None
    fixes: list[Fix] = []
    for r in short:
        i = r.month.month - 1
        after = 0.0
        for kind, room in ((ALL, r.available_hours), (CLINICAL, r.clinical_available_hours)):
            load = planned_h.get(((r.pool, kind), i), 0.0) + sum(
                n[i] * cost[pid].get((r.pool, kind), 0.0) for pid, n in proposed.items()
            )
            after = max(after, round(load - room, 2))
        moves = []
        for pid in sorted(visits):
            out = visits[pid][i] - proposed[pid][i]
            if out <= 0 or cost[pid].get((r.pool, ALL), 0.0) <= 0:
                continue
            for j in range(12):
                n = min(out, proposed[pid][j] - visits[pid][j])
                if n > 0:
                    moves.append(VisitMove(pid, months[i], months[j], n))
                    out -= n
        caps = [capacity[sid][i] for sid in members.get(r.pool, ()) if capacity[sid][i] > 0]
        each = max(caps) if caps else DEFAULT_CAP
        by_hours = math.ceil(after / each - 1e-9) if after > 0 else 0
        fixes.append(
            Fix(
                r.department,
                r.qualification,
                r.month,
                r.short_hours,
                tuple(moves) if r.short_hours > 0 else (),
                after,
                max(by_hours, r.short_places),
                r.short_places,
                r.peak_at,
                r.peak_places,
                r.peak_people,
                round(each, 2),
                r.peak_occurrences,
            )
        )
    if progress is not None:
        progress(4, 4)
    return Forecast(
        year,
        rows,
        bound,
        bound_row,
        fixes,
        {(pool, months[i]): dict(v) for (pool, i), v in behind.items()},
        visits,
        proposed,
        status,
        {(key[0], months[i]): v for (key, i), v in available.items() if key[1] == ALL},
    )


def _peaks(
    plan: Plan,
    calendar: WorkCalendar,
    booked: list[Booked],
    members: dict[Pool, list[str]],
    hours: tuple[str, str],
) -> dict[tuple[Pool, int], tuple[int, int, int, datetime, tuple[tuple[str, date], ...]]]:
    """Per pool and month, the moment its planned occurrences need the most places beyond the
    people free then (else the most places): (places short, places, people free, when). Free:
    active, not unavailable then; in clinical time of a working day, at most as many of a
    department as it keeps above its minimum cover (those away on leave, rest or other counted
    out). The moments looked at: every start, and the start of clinical hours inside one."""
    t0, t1 = time.fromisoformat(hours[0]), time.fromisoformat(hours[1])
    occs: list[tuple[datetime, datetime, dict[Pool, int], tuple[str, date]]] = []
    for b in booked:
        places: dict[Pool, int] = defaultdict(int)
        for st in b.activity.stations:
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            for n in st.needs:
                for pool in pools_of_need(n.department or turn, n.qualification):
                    places[pool] += n.count
        if places:
            occs.append((b.occ.start, b.occ.end, dict(places), (b.activity.id, b.occ.date)))
    if not occs:
        return {}
    occs.sort(key=lambda o: o[0])
    points: set[datetime] = set()
    for start, end, _p, _k in occs:
        points.add(start)
        day = start.date()
        while datetime.combine(day, t0) < end:
            at = datetime.combine(day, t0)
            if start < at:
                points.add(at)
            day += timedelta(days=1)
    dept_of = {s.id: s.department for s in plan.staff.values() if s.active}
    active_in: dict[str, int] = defaultdict(int)
    for d in dept_of.values():
        active_in[d] += 1
    minimum = {d.id: d.min_on_duty for d in plan.departments.values()}
    by_day: dict[date, list[Any]] = defaultdict(list)
    first, last = occs[0][0].date(), max(o[1] for o in occs).date()
    for u in plan.unavailability.values():
        if u.staff not in dept_of:
            continue
        day = max(u.start.date(), first)
        while day <= min(u.end.date(), last):
            by_day[day].append(u)
            day += timedelta(days=1)
    in_pool = {pool: set(ids) for pool, ids in members.items()}
    per_dept: dict[Pool, dict[str, int]] = {}
    for pool, ids in members.items():
        counts: dict[str, int] = defaultdict(int)
        for sid in ids:
            counts[dept_of[sid]] += 1
        per_dept[pool] = dict(counts)
    out: dict[tuple[Pool, int], tuple[int, int, int, datetime, tuple[tuple[str, date], ...]]] = {}
    running: list[tuple[datetime, datetime, dict[Pool, int], tuple[str, date]]] = []
    k = 0
    for t in sorted(points):
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
        now = [u for u in by_day.get(t.date(), ()) if u.start <= t < u.end]
        clinical = calendar.is_working(t.date()) and t0 <= t.time() < t1
        away: dict[str, int] = defaultdict(int)
        if clinical:
            for u in now:
                if u.reason != "duty":  # on duty is in the hospital, for the cover
                    away[dept_of[u.staff]] += 1
        busy = {u.staff for u in now}
        for pool, need in demand.items():
            counts = per_dept.get(pool, {})
            gone: dict[str, int] = defaultdict(int)
            for sid in busy & in_pool.get(pool, set()):
                gone[dept_of[sid]] += 1
            free = 0
            for d, size in counts.items():
                here = size - gone[d]
                if clinical:
                    here = min(here, max(0, active_in[d] - away[d] - minimum.get(d, 0)))
                free += here
            key = (pool, t.month - 1)
            short, best = max(0, need - free), out.get(key)
            if best is None or (short, need) > (best[0], best[1]):
                these = tuple(sorted(k for _s, _e, places, k in running if pool in places))
                out[key] = (short, need, free, t, these)
    return out


def _spare_departments(plan: Plan) -> set[str]:
    """Departments with more active people than their minimum cover: they can lend some in
    clinical hours."""
    active: dict[str, int] = defaultdict(int)
    for s in plan.staff.values():
        if s.active:
            active[s.department] += 1
    return {
        d for d, n in active.items() if n > (plan.departments[d].min_on_duty if d in plan.departments else 0)
    }


def _capacities(plan: Plan, calendar: WorkCalendar, year: int) -> dict[str, list[float]]:
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


def _rebalance(
    keys: list[tuple[Pool, str]],
    planned: dict[tuple[tuple[Pool, str], int], float],
    available: dict[tuple[tuple[Pool, str], int], float],
    visits: dict[str, list[int]],
    allowed: dict[str, list[int]],
    cost: dict[str, dict[tuple[Pool, str], float]],
    time_limit: float,
) -> tuple[dict[str, list[int]], str]:
    """The unplanned visits spread over their months so that the fewest hours fall short, then
    with the fewest visits moved (CP-SAT on quarter hours)."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    x: dict[tuple[str, int], Any] = {}
    moved = []
    for pid, row in visits.items():
        total = sum(row)
        for i in allowed[pid]:
            v = m.new_int_var(0, total, f"x_{pid}_{i}")
            x[(pid, i)] = v
            d = m.new_int_var(0, total, f"d_{pid}_{i}")
            m.add(d >= v - row[i])
            m.add(d >= row[i] - v)
            moved.append(d)
        m.add(sum(x[(pid, i)] for i in allowed[pid]) == total)
    slack: list[Any] = []
    for key in keys:
        users = {pid: round(cost[pid].get(key, 0.0) * QUARTERS) for pid in visits}
        users = {pid: c for pid, c in users.items() if c > 0}
        if not users:
            continue
        for i in range(12):
            terms = [x[(pid, i)] * c for pid, c in users.items() if (pid, i) in x]
            if not terms:
                continue
            base = round(planned.get((key, i), 0.0) * QUARTERS)
            room = math.floor(available.get((key, i), 0.0) * QUARTERS)
            upper = base + sum(c * sum(visits[pid]) for pid, c in users.items())
            s = m.new_int_var(0, max(upper, 0), f"s_{len(slack)}")
            m.add(s >= base + sum(terms) - room)
            slack.append(s)
    m.minimize(10_000 * sum(slack) + sum(moved))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 1
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {k: list(v) for k, v in visits.items()}, solver.status_name(status).lower()
    out = {pid: [solver.value(x[(pid, i)]) if (pid, i) in x else 0 for i in range(12)] for pid in visits}
    return out, solver.status_name(status).lower()


def _pool_json(r: PoolMonth) -> dict:
    return {
        "qualification": r.qualification,
        "department": r.department,
        "month": f"{r.month:%Y-%m}",
        "needed_hours": r.needed_hours,
        "available_hours": r.available_hours,
        "short_hours": r.short_hours,
        "planned_hours": r.planned_hours,
        "people": r.people,
        "clinical_needed_hours": r.clinical_needed_hours,
        "clinical_available_hours": r.clinical_available_hours,
        "short_places": r.short_places,
        "peak_places": r.peak_places,
        "peak_people": r.peak_people,
        "peak_at": r.peak_at.isoformat(timespec="minutes") if r.peak_at else None,
    }


def to_json(f: Forecast) -> dict:
    """The forecast as `forecast --json` prints it (INTERCHANGE.md), fixes without their text
    (the caller adds it in the reader's language)."""
    return {
        "year": f.year,
        # One entry per qualification and month (its people in every department), as the
        # contract says; the pools of one department (with or without a qualification) beside.
        "pools": [_pool_json(r) for r in f.pools if r.department is None and r.qualification is not None],
        "department_pools": [_pool_json(r) for r in f.pools if r.department is not None],
        "bound_hours": f.bound_hours,
        "bound_pool": None
        if f.bound_pool is None
        else {
            "qualification": f.bound_pool.qualification,
            "department": f.bound_pool.department,
            "month": f"{f.bound_pool.month:%Y-%m}",
            "people": f.bound_pool.people,
            "needed_hours": f.bound_pool.needed_hours,
        },
        "fixes": [
            {
                "qualification": x.qualification,
                "department": x.department,
                "month": f"{x.month:%Y-%m}",
                "short_hours": x.short_hours,
                "moves": [
                    {
                        "pairing": v.pairing,
                        "from": f"{v.from_month:%Y-%m}",
                        "to": f"{v.to_month:%Y-%m}",
                        "visits": v.visits,
                    }
                    for v in x.moves
                ],
                "short_after_moves": x.short_after_moves,
                "people_needed": x.people_needed,
                "short_places": x.short_places,
                "peak_at": x.peak_at.isoformat(timespec="minutes") if x.peak_at else None,
                "peak_occurrences": [
                    {"activity": a, "occurrence": d.isoformat()} for a, d in x.peak_occurrences
                ],
            }
            for x in f.fixes
        ],
    }
