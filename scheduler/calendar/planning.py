"""The calendar's questions: which occurrences fall in a window, narrowed by branch,
department, partner or kind; who is on turn at a station."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from scheduler.calendar.recurrence import Occurrence, expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.plan.model import Activity, Branch, RotationEntry


@dataclass(frozen=True, slots=True)
class CalendarFilter:
    branch: str | None = None
    department: str | None = None
    partner: str | None = None
    kind: str | None = None


def departments_of(activity: Activity, branches: dict[str, Branch]) -> set[str]:
    """The departments an activity draws on: its organizer's, its needs', its rotation's."""
    out: set[str] = set()
    if activity.organizer and activity.organizer in branches:
        out.update(branches[activity.organizer].departments)
    for station in activity.stations:
        out.update(n.department for n in station.needs if n.department)
    out.update(r.department for r in activity.rotation)
    return out


def matches(activity: Activity, f: CalendarFilter, branches: dict[str, Branch]) -> bool:
    if f.kind and activity.kind != f.kind:
        return False
    if f.partner and activity.partner != f.partner:
        return False
    if f.branch and activity.organizer != f.branch:
        return False
    return not (f.department and f.department not in departments_of(activity, branches))


def occurrences_between(
    activities: Iterable[Activity],
    start: datetime,
    end: datetime,
    calendar: WorkCalendar | None = None,
    flt: CalendarFilter | None = None,
    branches: dict[str, Branch] | None = None,
) -> list[Occurrence]:
    """Every occurrence overlapping [start, end), sorted by start time."""
    out: list[Occurrence] = []
    for a in activities:
        if flt is not None and not matches(a, flt, branches or {}):
            continue
        # A single activity far from the window needs no expansion at all.
        if not a.rrule and not a.moved and (a.end <= start or a.start >= end):
            continue
        out.extend(expand(a, start, end, calendar))
    out.sort(key=lambda o: (o.start, o.activity, o.date))
    return out


def department_on_turn(activity: Activity, day: date, station: str | None) -> str | None:
    """The department on turn (轮值) for a station at one occurrence: the most specific entry
    wins (this occurrence and station, then this occurrence, then this station, then any)."""
    best: tuple[int, RotationEntry] | None = None
    for r in activity.rotation:
        if r.occurrence is not None and r.occurrence != day:
            continue
        if r.station is not None and r.station != station:
            continue
        score = (2 if r.occurrence is not None else 0) + (1 if r.station is not None else 0)
        if best is None or score > best[0]:
            best = (score, r)
    return best[1].department if best else None


def rotation_from_order(
    activity: Activity,
    departments: list[str],
    stations: list[str | None],
    calendar: WorkCalendar | None = None,
) -> tuple[RotationEntry, ...]:
    """Departments take turns week by week in the given order, at each chosen station; every
    station starts one place further along the list, so that no department holds two at once."""
    if not departments:
        return ()
    out = []
    for w, occ in enumerate(expand(activity, calendar=calendar)):
        for k, station in enumerate(stations):
            out.append(RotationEntry(departments[(w + k) % len(departments)], occ.date, station))
    return tuple(out)
