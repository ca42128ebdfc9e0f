"""The year's capacity forecast, step by step: what the plan needs (demand), what the pools can
give (supply), the moments too many places fall at once (at_once), the rows short and the bound,
and what would close each gap (fixes). Pure."""

from __future__ import annotations

from datetime import date

from scheduler.calendar.workdays import WorkCalendar
from scheduler.office.forecast.at_once import Peak, peaks
from scheduler.office.forecast.demand import lacking_visits, planned_demand, visit_costs
from scheduler.office.forecast.figures import (
    ALL,
    CLINICAL,
    Cancelled,
    Forecast,
    Hours,
    Pool,
    PoolMonth,
    Progress,
    ask,
    months_of,
)
from scheduler.office.forecast.fixes import fixes, rebalance
from scheduler.office.forecast.supply import available_hours, capacities, pool_members
from scheduler.plan.model import Plan, clinical_hours_of


def forecast(
    plan: Plan,
    calendar: WorkCalendar,
    year: int,
    today: date | None = None,
    time_limit: float = 5.0,
    progress: Progress = None,
) -> Forecast | None:
    """The forecast for `year`, judged at `today` (visits not planned go to months not over yet);
    None when `progress` returned False (cancelled)."""
    try:
        return _forecast(plan, calendar, year, today, time_limit, progress)
    except Cancelled:
        return None


def _forecast(
    plan: Plan, calendar: WorkCalendar, year: int, today: date | None, time_limit: float, progress: Progress
) -> Forecast:
    months = months_of(year)
    hours = clinical_hours_of(plan.hospital)
    demand = planned_demand(plan, calendar, year, hours, progress)
    ask(progress, 1)
    cost = visit_costs(plan, demand)
    visits, allowed = lacking_visits(plan, year, today, demand, cost)
    ask(progress, 2)
    needed, planned = demand.needed, demand.planned
    # Supply: every person's hours, and in clinical time those of departments with people to spare.
    pools = sorted({key[0] for key, _m in needed}, key=lambda x: (x[1] or "", x[0] or ""))
    capacity = capacities(plan, calendar, year)
    members = pool_members(plan, pools)
    available, people = available_hours(plan, pools, capacity, members, progress)
    at_once = peaks(plan, calendar, demand.booked, members, hours)
    rows = _rows(pools, months, needed, planned, available, people, at_once)
    bound, bound_row = 0.0, None
    for r in rows:
        if r.people and round(r.needed_hours / r.people, 2) > bound:
            bound, bound_row = round(r.needed_hours / r.people, 2), r
    short = [r for r in rows if r.is_short]
    proposed = {k: list(v) for k, v in visits.items()}
    status = "not needed"
    if any(r.short_hours > 0 for r in short) and visits:
        keys = [(pool, kind) for pool in pools for kind in (ALL, CLINICAL)]
        proposed, status = rebalance(keys, planned, available, visits, allowed, cost, time_limit)
    ask(progress, 3)
    found = fixes(short, months, planned, visits, proposed, cost, capacity, members)
    if progress is not None:
        progress(4, 4)
    return Forecast(
        year,
        rows,
        bound,
        bound_row,
        found,
        {(pool, months[i]): dict(v) for (pool, i), v in demand.behind.items()},
        visits,
        proposed,
        status,
        {(key[0], months[i]): v for (key, i), v in available.items() if key[1] == ALL},
    )


def _rows(
    pools: list[Pool],
    months: list[date],
    needed: Hours,
    planned: Hours,
    available: Hours,
    people: dict[tuple[Pool, int], int],
    at_once: dict[tuple[Pool, int], Peak],
) -> list[PoolMonth]:
    """A row for each pool and month with a need."""
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
                    round(planned.get(((pool, ALL), i), 0.0), 2),
                    people[(pool, i)],
                    round(needed.get(((pool, CLINICAL), i), 0.0), 2),
                    available[((pool, CLINICAL), i)],
                    *at_once.get((pool, i), (0, 0, 0, None, ())),
                )
            )
    return rows
