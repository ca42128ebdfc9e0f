"""What would close each gap: the visits not yet planned moved to other months of their
pairing's year (CP-SAT finds the spread with the fewest hours short, then the fewest visits
moved), and what is still short after that in people of the pool (the hours over what one person
of it gives in a month, rounded up; at least the places no one is free for at once). Pure."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from scheduler.office.forecast.figures import (
    ALL,
    CLINICAL,
    DEFAULT_CAP,
    QUARTERS,
    Fix,
    Hours,
    Key,
    Pool,
    PoolMonth,
    VisitMove,
)


def rebalance(
    keys: list[Key],
    planned: Hours,
    available: Hours,
    visits: dict[str, list[int]],
    allowed: dict[str, list[int]],
    cost: dict[str, dict[Key, float]],
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


def fixes(
    short: list[PoolMonth],
    months: list[date],
    planned: Hours,
    visits: dict[str, list[int]],
    proposed: dict[str, list[int]],
    cost: dict[str, dict[Key, float]],
    capacity: dict[str, list[float]],
    members: dict[Pool, list[str]],
) -> list[Fix]:
    """A fix for each pool-month short: the visits moved out of it, what is short after the
    moves, and the people of the pool needed."""
    out: list[Fix] = []
    for r in short:
        i = r.month.month - 1
        after = 0.0
        for kind, room in ((ALL, r.available_hours), (CLINICAL, r.clinical_available_hours)):
            load = planned.get(((r.pool, kind), i), 0.0) + sum(
                n[i] * cost[pid].get((r.pool, kind), 0.0) for pid, n in proposed.items()
            )
            after = max(after, round(load - room, 2))
        moves = _moves(r.pool, i, months, visits, proposed, cost)
        caps = [capacity[sid][i] for sid in members.get(r.pool, ()) if capacity[sid][i] > 0]
        each = max(caps) if caps else DEFAULT_CAP
        by_hours = math.ceil(after / each - 1e-9) if after > 0 else 0
        out.append(
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
    return out


def _moves(
    pool: Pool,
    i: int,
    months: list[date],
    visits: dict[str, list[int]],
    proposed: dict[str, list[int]],
    cost: dict[str, dict[Key, float]],
) -> list[VisitMove]:
    """The visits of pairings needing the pool moved out of month `i`, and where to."""
    moves = []
    for pid in sorted(visits):
        out = visits[pid][i] - proposed[pid][i]
        if out <= 0 or cost[pid].get((pool, ALL), 0.0) <= 0:
            continue
        for j in range(12):
            n = min(out, proposed[pid][j] - visits[pid][j])
            if n > 0:
                moves.append(VisitMove(pid, months[i], months[j], n))
                out -= n
    return moves
