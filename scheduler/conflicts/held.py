"""The occurrences that are held, each with the people it draws: what every finder of conflicts
reads. Times are half-open [start, end); an assignment with no occurrence applies to every
occurrence; cancelled occurrences (the activity cancelled, or a record calling that occurrence
off) are not held and do not count (docs/check.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from scheduler.calendar.recurrence import Occurrence, expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.conflict import OccKey
from scheduler.plan.model import Activity, Assignment, Plan


@dataclass(frozen=True, slots=True)
class Booked:
    """One occurrence that is held, with the people it draws."""

    occ: Occurrence
    activity: Activity
    assignments: tuple[Assignment, ...]

    @property
    def key(self) -> OccKey:
        return (self.occ.activity, self.occ.date)

    @property
    def people(self) -> set[str]:
        return {a.staff for a in self.assignments}


def window_bounds(d_from: date | None, d_to: date | None) -> tuple[datetime | None, datetime | None]:
    """The moments a window of dates [from, to] (inclusive, either open) runs between."""
    start = datetime.combine(d_from, time.min) if d_from else None
    end = datetime.combine(d_to + timedelta(days=1), time.min) if d_to else None
    return start, end


def held_occurrences(
    plan: Plan,
    calendar: WorkCalendar,
    start: datetime | None,
    end: datetime | None,
    activities: Iterable[Activity] | None = None,
) -> list[Booked]:
    """The occurrences overlapping [start, end) that are held, each with its assignments."""
    by_activity: dict[str, list[Assignment]] = defaultdict(list)
    for x in plan.assignments.values():
        by_activity[x.activity].append(x)
    called_off = {k for k, r in plan.records.items() if r.status == "cancelled"}
    out = []
    for a in activities if activities is not None else plan.activities.values():
        if a.status == "cancelled":
            continue
        if not a.rrule and not a.moved and ((end and a.start >= end) or (start and a.end <= start)):
            continue
        mine = by_activity.get(a.id, [])
        for o in expand(a, start, end, calendar):
            if (a.id, o.date) in called_off:
                continue
            asg = tuple(x for x in mine if x.occurrence is None or x.occurrence == o.date)
            out.append(Booked(o, a, asg))
    out.sort(key=lambda b: (b.occ.start, b.key))
    return out
