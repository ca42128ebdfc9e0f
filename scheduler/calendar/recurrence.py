"""Expanding an activity into its dated occurrences: RFC 5545 RRULEs read by python-dateutil and
expanded here, lazily and bounded in time and count.

An outreach activity recurs at most daily: a usable rule has FREQ DAILY, WEEKLY, MONTHLY or
YEARLY, names at most one BYHOUR, BYMINUTE and BYSECOND, yields at most one occurrence per date
(a date is an occurrence's identity) and yields one within OPEN_ENDED_HORIZON of its start.
Every expansion goes through `_starts`, which stops at the horizon, after MAX_OCCURRENCES, and
after looking at MAX_EXAMINED candidate days, so no rule (not even one an older version stored,
like FREQ=SECONDLY or FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, which never matches) can run away."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from scheduler.calendar.workdays import WorkCalendar
from scheduler.plan.model import Activity
from scheduler.plan.validation import MAX_RULE_LENGTH
from scheduler.plan.wording import N_, Phrase, Worded

# A rule is expanded this far past its first occurrence at the most (open-ended or not).
OPEN_ENDED_HORIZON = timedelta(days=366 * 5)
# At most this many occurrences per activity: more than one a day over the horizon.
MAX_OCCURRENCES = 2_000
# Candidate days the expansion looks at before it gives up: enough for the horizon at any
# frequency (a YEARLY rule looks at whole years), too few to be slow.
MAX_EXAMINED = OPEN_ENDED_HORIZON.days + 3 * 366

# INTERVAL at most: every 1,000 days is already less than once in the horizon.
MAX_INTERVAL = 1_000

_FREQS = {YEARLY: "YEARLY", MONTHLY: "MONTHLY", WEEKLY: "WEEKLY", DAILY: "DAILY"}


class RuleError(Worded, ValueError):
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
    if len(text) > MAX_RULE_LENGTH:
        raise RuleError(N_("longer than %1 characters"), MAX_RULE_LENGTH)
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body or "\n" in body or "\r" in body:
        raise RuleError(N_("not a single RRULE"))
    for part in body.upper().split(";"):
        if part.startswith("UNTIL=") and part.rstrip().endswith("Z"):
            raise RuleError(N_("UNTIL must be a local time, without Z (the plan's times are local)"))
    try:
        rule = rrulestr(body, dtstart=dtstart, forceset=False, unfold=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError) as exc:
        raise RuleError(str(exc) or N_("not a valid RRULE")) from exc
    if not isinstance(rule, rrule):
        raise RuleError(N_("not a single RRULE"))
    return rule


class _Exhausted(Exception):
    """The expansion looked at MAX_EXAMINED candidate days."""


class _Budget:
    """Stands in for a rule's BYMONTH while it is expanded: dateutil tests BYMONTH's truth
    first for every candidate day, even for a rule whose filters never match (which dateutil
    would otherwise search up to the year 9999), so counting here bounds the work. It answers
    exactly as the BYMONTH it wraps (None: false, and so no filter)."""

    __slots__ = ("inner", "left")

    def __init__(self, inner: Any, left: int):
        self.inner = inner
        self.left = left

    def __bool__(self) -> bool:
        self.left -= 1
        if self.left < 0:
            raise _Exhausted
        return bool(self.inner)

    def __contains__(self, item: object) -> bool:
        return item in self.inner

    def __iter__(self) -> Iterator[Any]:
        return iter(self.inner)

    def __len__(self) -> int:
        return len(self.inner) if self.inner else 0


def _plus(moment: datetime, delta: timedelta) -> datetime:
    try:
        return moment + delta
    except OverflowError:
        return datetime.max


def _candidates(rule: rrule, dtstart: datetime, until: datetime | None) -> Iterator[datetime]:
    """The rule's starts in order as dateutil gives them, COUNT and UNTIL applied, up to `until`
    and the horizon; ends quietly once MAX_EXAMINED candidate days were looked at."""
    limit = _plus(dtstart, OPEN_ENDED_HORIZON)
    if until is not None and until < limit:
        limit = until
    it: Any = copy.copy(rule)
    it._bymonth = _Budget(it._bymonth, MAX_EXAMINED)
    if it._until is None or it._until > limit:
        it._until = limit
    try:
        yield from iter(it)
    except _Exhausted:
        return


def _starts(rule: rrule, dtstart: datetime, until: datetime | None = None) -> Iterator[datetime]:
    """The rule's starts, bounded as `_candidates`, at most MAX_OCCURRENCES of them and only
    the first of any that fall on one date (a usable rule has none such)."""
    last: date | None = None
    n = 0
    try:
        for start in _candidates(rule, dtstart, until):
            if start.date() == last:
                continue
            last = start.date()
            yield start
            n += 1
            if n >= MAX_OCCURRENCES:
                return
    except (ValueError, OverflowError):
        # Out of the calendar: only a rule an older version stored can get there.
        return


@lru_cache(maxsize=4096)
def check_rule(text: str, dtstart: datetime) -> str | None:
    """The reason a rule cannot be used from `dtstart`, or None when it can."""
    try:
        rule: Any = _parse_rule(text, dtstart)
    except RuleError as exc:
        return Phrase(exc.template, *exc.values)
    if rule._freq not in _FREQS:
        return N_("an activity recurs at most daily: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    for part, values in (
        ("BYHOUR", rule._byhour),
        ("BYMINUTE", rule._byminute),
        ("BYSECOND", rule._bysecond),
    ):
        if values is not None and len(values) > 1:
            return Phrase(N_("%1 may name one value only (an activity happens once a day at the most)"), part)
    if not 1 <= rule._interval <= MAX_INTERVAL:
        return Phrase(N_("INTERVAL must be between 1 and %1"), MAX_INTERVAL)
    seen: set[date] = set()
    try:
        for start in _candidates(rule, dtstart, None):
            if start.date() in seen:
                return Phrase(N_("the rule gives two occurrences on %1"), start.date().isoformat())
            seen.add(start.date())
            if len(seen) > MAX_OCCURRENCES:
                return Phrase(N_("the rule gives more than %1 occurrences"), MAX_OCCURRENCES)
    except (ValueError, OverflowError) as exc:
        return str(exc) or N_("not a valid RRULE")
    if not seen:
        years = OPEN_ENDED_HORIZON.days // 366
        return Phrase(N_("the rule produces no occurrence within %1 years of its start"), years)
    return None


def _rule_of(activity: Activity) -> rrule | None:
    """The activity's rule when it can be expanded; None (a single occurrence) for one that
    cannot be read (only an older version could have stored such a rule)."""
    if not activity.rrule:
        return None
    try:
        return _parse_rule(activity.rrule, activity.start)
    except RuleError:
        return None


def first_planned_starts(activity: Activity, until: datetime | None = None) -> list[datetime]:
    """Start times of the activity as first planned, COUNT applied before exdates go."""
    rule = _rule_of(activity)
    if rule is None:
        return [activity.start]
    return list(_starts(rule, activity.start, until))


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
            occ = Occurrence(activity.id, day, shifted, _plus(shifted, duration), True)
        else:
            occ = Occurrence(activity.id, day, start, _plus(start, duration), False)
        if window_from is not None and occ.end <= window_from:
            continue
        if window_to is not None and occ.start >= window_to:
            continue
        result.append(occ)
    result.sort(key=lambda o: (o.start, o.date))
    return result


def _first_after(rule: rrule, dtstart: datetime, after: datetime) -> datetime | None:
    """The rule's first start after `after` (COUNT and UNTIL applied), looking at no more
    candidate days than an expansion does; None when there is none (or none found so)."""
    it: Any = copy.copy(rule)
    it._bymonth = _Budget(it._bymonth, MAX_EXAMINED)
    try:
        for start in it:
            if start > after:
                return start
    except (_Exhausted, ValueError, OverflowError):
        return None
    return None


def rule_warnings(activity: Activity) -> list[tuple[str, str]]:
    """What the activity's rule does that its writer may not expect, as (key, reason) pairs:
    the rule asks for occurrences past the horizon (COUNT or UNTIL reaching beyond it: they are
    not planned), or `start` is not a date and time the rule gives (the series begins on the
    rule's first one after it, so `start` is no occurrence). An open-ended rule is planned up to
    the horizon by design and is no warning."""
    rule: Any = _rule_of(activity)
    if rule is None:
        return []
    said: list[tuple[str, str]] = []
    starts = first_planned_starts(activity)
    if starts and starts[0] != activity.start:
        said.append(
            (
                "start",
                Phrase(
                    N_(
                        "is not a date and time its rule gives: the series begins on %1, and %2 is no occurrence"
                    ),
                    starts[0].isoformat(timespec="minutes"),
                    activity.start.isoformat(timespec="minutes"),
                ),
            )
        )
    if (rule._count is not None or rule._until is not None) and starts:
        horizon = _plus(activity.start, OPEN_ENDED_HORIZON)
        beyond = len(starts) >= MAX_OCCURRENCES or _first_after(rule, activity.start, horizon) is not None
        if beyond:
            years = OPEN_ENDED_HORIZON.days // 366
            said.append(
                (
                    "rrule",
                    Phrase(
                        N_(
                            "asks for occurrences more than %1 years after the start: the app plans %2 of "
                            "them, up to %3 (split the series)"
                        ),
                        years,
                        len(starts),
                        starts[-1].date().isoformat(),
                    ),
                )
            )
    return said
