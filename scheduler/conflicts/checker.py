"""The conflict checker: every kind of scheduler/conflicts/kinds.py found by its finder, as
structured results (no sentences here). What each kind means, and how times, assignments and
cancelled occurrences are read: docs/check.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts import kinds
from scheduler.conflicts.conflict import Conflict, sort_conflicts
from scheduler.conflicts.cover import (
    department_cover,
    members_by_department,
    no_lead,
    understaffed,
    unqualified,
)
from scheduler.conflicts.held import Booked, held_occurrences, window_bounds
from scheduler.conflicts.kinds import KINDS, ConflictKind
from scheduler.conflicts.people import (
    away_by_person,
    double_bookings,
    holidays,
    hours_cap,
    unavailable,
    venue_double_bookings,
)
from scheduler.conflicts.progress import pairings_behind, requests_overdue
from scheduler.office.requests import ResponseTimes
from scheduler.plan.model import Plan, clinical_hours_of


@dataclass(slots=True)
class CheckContext:
    plan: Plan
    calendar: WorkCalendar
    today: datetime  # the moment "overdue" and "behind plan" are judged at
    window_from: date | None = None
    window_to: date | None = None  # inclusive
    response: ResponseTimes = field(default_factory=ResponseTimes)
    # Lookups of the whole plan (who is away, who works where) built once per check and shared by
    # every unit the incremental checker re-checks; None outside a check (the plan may change).
    memo: dict[str, Any] | None = None

    def lookup(self, name: str, build: Callable[[Plan], Any]) -> Any:
        """The lookup `name` of the plan, built once per check."""
        if self.memo is None:
            return build(self.plan)
        if name not in self.memo:
            self.memo[name] = build(self.plan)
        return self.memo[name]

    @property
    def clinical_hours(self) -> tuple[str, str]:
        h = self.plan.hospital
        return clinical_hours_of(h)


# How a kind's conflicts are found among held occurrences: the whole window's in a full check,
# one unit's (see ConflictKind.scope) in an incremental one; kinds of the GLOBAL scope read the
# plan itself.
Finder = Callable[[list[Booked], CheckContext], list[Conflict]]


def _department_cover(bs: list[Booked], ctx: CheckContext) -> list[Conflict]:
    return department_cover(
        bs,
        ctx.plan,
        ctx.calendar,
        ctx.clinical_hours,
        ctx.lookup("away", away_by_person),
        ctx.lookup("members", members_by_department),
    )


def _hours_cap(booked: list[Booked], ctx: CheckContext) -> list[Conflict]:
    start, end = window_bounds(ctx.window_from, ctx.window_to)
    return hours_cap(ctx.plan, ctx.calendar, ctx.window_from, ctx.window_to, start, end, booked)


def _pairings_behind(bs: list[Booked], ctx: CheckContext) -> list[Conflict]:
    # Checking the whole plan, the occurrences at hand are all there are: not expanded again.
    whole = ctx.window_from is None and ctx.window_to is None
    return pairings_behind(ctx.plan, ctx.calendar, ctx.today, bs if whole else None)


# The finder of every kind of KINDS (a test holds the two to the same kinds).
FINDERS: dict[ConflictKind, Finder] = {
    kinds.STAFF_DOUBLE_BOOKED: lambda bs, ctx: double_bookings(bs),
    kinds.STAFF_UNAVAILABLE: lambda bs, ctx: unavailable(bs, ctx.plan, ctx.lookup("away", away_by_person)),
    kinds.DEPARTMENT_COVER: _department_cover,
    kinds.UNDERSTAFFED: lambda bs, ctx: understaffed(bs, ctx.plan.staff),
    kinds.UNQUALIFIED: lambda bs, ctx: unqualified(bs, ctx.plan.staff),
    kinds.NO_LEAD: lambda bs, ctx: no_lead(bs, ctx.plan.staff),
    kinds.VENUE_DOUBLE_BOOKED: lambda bs, ctx: venue_double_bookings(bs),
    kinds.HOURS_CAP: _hours_cap,
    kinds.HOLIDAY: lambda bs, ctx: holidays(bs, ctx.calendar),
    kinds.PAIRING_BEHIND_PLAN: _pairings_behind,
    kinds.REQUEST_OVERDUE: lambda bs, ctx: requests_overdue(ctx.plan, ctx.response, ctx.today),
}


def check(ctx: CheckContext) -> list[Conflict]:
    """Every conflict of the plan in the window, judged at `ctx.today`."""
    start, end = window_bounds(ctx.window_from, ctx.window_to)
    booked = held_occurrences(ctx.plan, ctx.calendar, start, end)
    ctx.memo = {}
    try:
        return sort_conflicts([c for kind in KINDS.values() for c in FINDERS[kind](booked, ctx)])
    finally:
        ctx.memo = None
