"""Conflicts of people, places and times: a person booked twice or booked while away, a venue
booked twice, a person over their monthly hours cap, an occurrence on a statutory holiday
(docs/check.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.conflict import Conflict
from scheduler.conflicts.held import Booked, held_occurrences
from scheduler.conflicts.kinds import (
    HOLIDAY,
    HOURS_CAP,
    STAFF_DOUBLE_BOOKED,
    STAFF_UNAVAILABLE,
    VENUE_DOUBLE_BOOKED,
)
from scheduler.plan.model import Activity, Plan


def away_by_person(plan: Plan) -> dict[str, list[tuple[datetime, datetime, str]]]:
    """Every person's unavailability: (start, end, reason), sorted."""
    away: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    for u in plan.unavailability.values():
        away[u.staff].append((u.start, u.end, u.reason))
    for items in away.values():
        items.sort()
    return away


def _overlap(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> bool:
    return a0 < b1 and b0 < a1


def double_bookings(booked: list[Booked]) -> list[Conflict]:
    """One conflict per person and pair of overlapping occurrences."""
    by_person: dict[str, list[Booked]] = defaultdict(list)
    for b in booked:
        for p in b.people:
            by_person[p].append(b)
    return [
        Conflict(
            STAFF_DOUBLE_BOOKED.code,
            (a.key, b.key),
            staff=person,
            start=max(a.occ.start, b.occ.start),
            end=min(a.occ.end, b.occ.end),
        )
        for person, items in by_person.items()
        for a, b in _overlapping_pairs(items)
    ]


def _overlapping_pairs(items: list[Booked]) -> Iterator[tuple[Booked, Booked]]:
    """Every pair of occurrences whose times overlap, earlier one first."""
    items = sorted(items, key=lambda b: (b.occ.start, b.key))
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if b.occ.start >= a.occ.end:
                break  # sorted by start: no later one can overlap a either
            if _overlap(a.occ.start, a.occ.end, b.occ.start, b.occ.end):
                yield a, b


def unavailable(
    booked: list[Booked], plan: Plan, away: dict[str, list[tuple[datetime, datetime, str]]] | None = None
) -> list[Conflict]:
    """A person assigned while on leave, on duty, resting or otherwise away: one per person and
    occurrence, naming every reason that overlaps."""
    if away is None:
        away = away_by_person(plan)
    out = []
    for b in booked:
        for person in sorted(b.people):
            hits = [(s, e, r) for s, e, r in away.get(person, ()) if _overlap(s, e, b.occ.start, b.occ.end)]
            if hits:
                reasons = tuple(sorted({r for _s, _e, r in hits}))
                out.append(
                    Conflict(
                        STAFF_UNAVAILABLE.code,
                        (b.key,),
                        staff=person,
                        start=b.occ.start,
                        end=b.occ.end,
                        detail=(("reasons", reasons),),
                    )
                )
    return out


def venue_key(a: Activity) -> str:
    """A venue as venues are told apart: spaces collapsed, case folded ("" when none)."""
    return " ".join((a.venue or "").split()).casefold()


def venue_double_bookings(booked: list[Booked]) -> list[Conflict]:
    by_venue: dict[str, list[Booked]] = defaultdict(list)
    for b in booked:
        v = venue_key(b.activity)
        if v:
            by_venue[v].append(b)
    return [
        Conflict(
            VENUE_DOUBLE_BOOKED.code,
            (a.key, b.key),
            start=max(a.occ.start, b.occ.start),
            end=min(a.occ.end, b.occ.end),
        )
        for items in by_venue.values()
        for a, b in _overlapping_pairs(items)
    ]


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def hours_cap(
    plan: Plan,
    calendar: WorkCalendar,
    d_from: date | None,
    d_to: date | None,
    start: datetime | None,
    end: datetime | None,
    booked: list[Booked],
) -> list[Conflict]:
    """Planned outreach hours of a person in a calendar month over the cap; the months are
    every whole month the window touches."""
    if d_from is not None or d_to is not None:
        m_start = datetime.combine(_month_start(d_from), time.min) if d_from else None
        m_end = datetime.combine(_next_month(d_to), time.min) if d_to else None
        if m_start != start or m_end != end:
            booked = held_occurrences(plan, calendar, m_start, m_end)
    per: dict[tuple[str, date], list[Booked]] = defaultdict(list)
    for b in booked:
        for p in b.people:
            per[(p, _month_start(b.occ.start.date()))].append(b)
    out = []
    for (person, month), items in per.items():
        s = plan.staff.get(person)
        if s is None or s.max_hours_month is None:
            continue
        total = sum((b.occ.end - b.occ.start).total_seconds() for b in items) / 3600
        if total > s.max_hours_month + 1e-9:
            out.append(
                Conflict(
                    HOURS_CAP.code,
                    tuple(sorted(b.key for b in items)),
                    staff=person,
                    start=datetime.combine(month, time.min),
                    end=datetime.combine(_next_month(month), time.min),
                    detail=(("hours", round(total, 2)), ("cap", s.max_hours_month)),
                )
            )
    return out


def holidays(booked: list[Booked], calendar: WorkCalendar) -> list[Conflict]:
    out = []
    for b in booked:
        info = calendar.info(b.occ.start.date())
        if calendar.is_holiday(b.occ.start.date()):
            out.append(
                Conflict(
                    HOLIDAY.code,
                    (b.key,),
                    start=b.occ.start,
                    end=b.occ.end,
                    detail=(("holiday", info.name or ""),),
                )
            )
    return out
