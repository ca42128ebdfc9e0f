"""Conflicts of plan progress: a pairing behind its visits a year, a point-order request not
answered in time (docs/check.md). Both are judged on the whole plan at a date; the statistics
read the same pairing progress (scheduler/office/stats.py)."""

from __future__ import annotations

import calendar as _cal
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.conflict import Conflict
from scheduler.conflicts.held import Booked
from scheduler.conflicts.kinds import PAIRING_BEHIND_PLAN, REQUEST_OVERDUE
from scheduler.office.requests import OPEN_STATUSES, ResponseTimes, deadline
from scheduler.plan.model import Plan


@dataclass(frozen=True, slots=True)
class PairingProgress:
    """One pairing judged at a date (docs/check.md, `pairing_behind_plan`)."""

    pairing: str
    branch: str
    partner: str
    target: int  # visits a year
    held: int  # non-cancelled occurrences from `first` up to the day before the judgement date
    elapsed: int  # whole days from `first` up to the day before the judgement date
    days_in_year: int
    first: date  # 1 January or the pairing's start, the later

    @property
    def expected(self) -> float:
        return round(self.target * self.elapsed / self.days_in_year, 2)

    @property
    def behind(self) -> bool:
        """At least one whole visit short: held + 1 <= target × elapsed / days in the year,
        compared in integers (no rounding can flag 13 held against 13.0 expected)."""
        return (self.held + 1) * self.days_in_year <= self.target * self.elapsed

    @property
    def on_track(self) -> bool:
        return not self.behind


def pairing_progress(
    plan: Plan, calendar: WorkCalendar, on: date | datetime, held_from: list[Booked] | None = None
) -> list[PairingProgress]:
    """Every pairing that has begun by the judgement date `on`, judged by the one rule the
    conflicts panel, `check` and the statistics share. A time of day is dropped: the answer is
    the date's. Counted: the non-cancelled occurrences (any kind) of activities the pairing's
    branch organises for its partner that start on a day from 1 January of `on`'s year or the
    pairing's start (the later) up to the day before `on` (or the pairing's last day).

    `held_from`: the held occurrences (`held_occurrences`) of a window holding 1 January of
    `on`'s year up to `on`, when the caller has them (the statistics): not expanded again."""
    day = on.date() if isinstance(on, datetime) else on
    year_start = date(day.year, 1, 1)
    days_in_year = 366 if _cal.isleap(day.year) else 365
    spans: dict[str, tuple[date, date]] = {}  # pairing -> [first, stop)
    for p in plan.pairings.values():
        first = max(year_start, p.start) if p.start else year_start
        stop = min(day, p.end + timedelta(days=1)) if p.end else day
        if first > day or stop <= year_start:
            continue  # not begun by the judgement date, or over before the year
        spans[p.id] = (first, max(first, stop))
    if not spans:
        return []
    wanted: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pid in spans:
        p = plan.pairings[pid]
        wanted[(p.branch, p.partner)].append(pid)
    called_off = {k for k, r in plan.records.items() if r.status == "cancelled"}
    begin = datetime.combine(min(f for f, _s in spans.values()), time.min)
    end = datetime.combine(max(s for _f, s in spans.values()), time.min)
    held: dict[str, int] = dict.fromkeys(spans, 0)

    def count(mine: list[str], d: date) -> None:
        for pid in mine:
            first, stop = spans[pid]
            if first <= d < stop:
                held[pid] += 1

    if held_from is not None:
        for b in held_from:
            a = b.activity
            mine = wanted.get((a.organizer, a.partner)) if a.organizer and a.partner else None
            if mine:
                count(mine, b.occ.start.date())
    else:
        for a in plan.activities.values():
            mine = wanted.get((a.organizer, a.partner)) if a.organizer and a.partner else None
            if not mine or a.status == "cancelled" or end <= begin:
                continue
            if not a.rrule and not a.moved and (a.start >= end or a.end <= begin):
                continue
            for o in expand(a, begin, end, calendar):
                if (a.id, o.date) not in called_off:
                    count(mine, o.start.date())
    out = []
    for pid, (first, stop) in sorted(spans.items()):
        p = plan.pairings[pid]
        out.append(
            PairingProgress(
                pid,
                p.branch,
                p.partner,
                p.visits_per_year,
                held[pid],
                (stop - first).days,
                days_in_year,
                first,
            )
        )
    return out


def pairings_behind(
    plan: Plan, calendar: WorkCalendar, today: date | datetime, held_from: list[Booked] | None = None
) -> list[Conflict]:
    """The pairings behind plan at the judgement date (see `pairing_progress`)."""
    return [
        Conflict(
            PAIRING_BEHIND_PLAN.code,
            (),
            partner=p.partner,
            pairing=p.pairing,
            detail=(("held", p.held), ("expected", p.expected), ("target", p.target)),
        )
        for p in pairing_progress(plan, calendar, today, held_from)
        if p.behind
    ]


def requests_overdue(plan: Plan, times: ResponseTimes, now: datetime) -> list[Conflict]:
    out = []
    for q in plan.requests.values():
        if q.status in OPEN_STATUSES and now >= deadline(q, times):
            out.append(
                Conflict(
                    REQUEST_OVERDUE.code,
                    (),
                    partner=q.partner,
                    request=q.id,
                    start=deadline(q, times),
                    detail=(("priority", q.priority),),
                )
            )
    return out
