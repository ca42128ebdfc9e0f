"""Expanding an activity into its dated occurrences (RFC 5545 RRULE via python-dateutil)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from .model import Activity
from .workdays import WorkCalendar

# An open-ended rule is expanded this far past its first occurrence at the most.
OPEN_ENDED_HORIZON = timedelta(days=366 * 5)


class RuleError(ValueError):
    """An RRULE that cannot be read."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One dated instance of an activity; `date` is its identity (the date first planned)."""

    activity: str
    date: date
    start: datetime
    end: datetime
    moved: bool = False


@lru_cache(maxsize=4096)
def _parse_rule(text: str, dtstart: datetime) -> rrule:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body or "\n" in body:
        raise RuleError("not a single RRULE")
    try:
        rule = rrulestr(body, dtstart=dtstart, forceset=False, unfold=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise RuleError(str(exc) or "not a valid RRULE") from exc
    if not isinstance(rule, rrule):
        raise RuleError("not a single RRULE")
    return rule


def check_rule(text: str, dtstart: datetime) -> str | None:
    """The reason a rule cannot be used from `dtstart`, or None when it can."""
    try:
        rule = _parse_rule(text, dtstart)
    except RuleError as exc:
        return str(exc)
    if rule.after(dtstart, inc=True) is None:
        return "the rule produces no occurrence"
    return None


def first_planned_starts(activity: Activity, until: datetime | None = None) -> list[datetime]:
    """Start times of the activity as first planned, COUNT applied before exdates go."""
    if not activity.rrule:
        return [activity.start]
    rule = _parse_rule(activity.rrule, activity.start)
    limit = activity.start + OPEN_ENDED_HORIZON
    if until is not None and until < limit:
        limit = until
    return list(rule.between(activity.start, limit, inc=True))


def planned_dates(activity: Activity) -> set[date]:
    """The identity dates of every occurrence the activity has (exdates removed)."""
    excluded = set(activity.exdates)
    return {s.date() for s in first_planned_starts(activity)} - excluded


def expand(
    activity: Activity,
    window_from: datetime | None = None,
    window_to: datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Occurrence]:
    """The activity's occurrences that overlap [window_from, window_to), sorted by start.

    With a calendar, the series' holiday policy applies: an occurrence falling on a statutory
    holiday is left out ("skip") or held on the next working day ("next_working_day"); one the
    planner moved by hand stays where it was put."""
    duration = activity.end - activity.start
    moves = {m.from_date: m for m in activity.moved}
    excluded = set(activity.exdates)
    # A moved occurrence may land inside the window from a first-planned date outside it,
    # so the rule is only cut where no move can reach back.
    policy = activity.holiday_policy if calendar is not None else "keep"
    until = None
    if window_to is not None and not moves and policy != "next_working_day":
        until = window_to
    result: list[Occurrence] = []
    for start in first_planned_starts(activity, until):
        day = start.date()
        if day in excluded:
            continue
        move = moves.get(day)
        if move is not None:
            occ = Occurrence(activity.id, day, move.start, move.end, True)
        elif policy != "keep" and calendar is not None and calendar.is_holiday(day):
            if policy == "skip":
                continue
            shifted = datetime.combine(calendar.next_working_day(day), start.time())
            occ = Occurrence(activity.id, day, shifted, shifted + duration, True)
        else:
            occ = Occurrence(activity.id, day, start, start + duration, False)
        if window_from is not None and occ.end <= window_from:
            continue
        if window_to is not None and occ.start >= window_to:
            continue
        result.append(occ)
    result.sort(key=lambda o: (o.start, o.date))
    return result
