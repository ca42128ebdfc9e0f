"""What the solver reads a window into, beside the window itself: the occurrences it may add
people to (targets), the needs with room for more (openings), and the small counting helpers the
greedy stage and the CP-SAT formulation share (docs/solver.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from scheduler.conflicts.candidates import PoolKey
from scheduler.conflicts.held import Booked
from scheduler.plan.model import CLINICAL_HOURS, Assignment
from scheduler.solver.proposal import OccKey

# An occurrence ending after the default clinical day (17:30) is an evening one.
EVENING = time.fromisoformat(CLINICAL_HOURS[1])


@dataclass(slots=True)
class Target:
    """One occurrence in the window that the solver may add people to."""

    booked: Booked
    start: datetime
    end: datetime
    minutes: int
    month: date
    present: set[str]  # people already assigned (and kept)
    has_lead: bool
    organizer_depts: frozenset[str]
    organizer: str | None
    clinical: list[tuple[datetime, datetime]]
    # People with an activity-level assignment already (they cannot get a second one as lead).
    activity_level: set[str] = field(default_factory=set)
    key: OccKey = ("", date.min)  # the occurrence: (activity id, date)

    def __post_init__(self) -> None:
        self.key = self.booked.key

    @property
    def evening(self) -> bool:
        return self.end.time() > EVENING or self.end.date() > self.start.date()


@dataclass(slots=True)
class Opening:
    """One need of one station at one target with room for more people."""

    target: int  # index into StaffingWindow.targets
    station: str
    need: int
    room: int
    department: str | None
    qualification: str | None
    turn: str | None
    candidates: list[str]  # free of every hard rule taken alone, best first (not pruned)
    counts: tuple[int, int, int, int]  # qualified, free, cover allows, cap allows
    blocked: dict[str, int] = field(default_factory=dict)  # free but kept out: reason -> people
    pool: PoolKey | None = None  # the people who meet the need (StaffIndex.pool)
    own: frozenset[str] = frozenset()  # the candidates of the organizing branch


def month_start(d: datetime) -> date:
    return d.date().replace(day=1)


def next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def minutes_between(a: datetime, b: datetime) -> int:
    return int((b - a).total_seconds() // 60)


def overlaps(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> bool:
    return a0 < b1 and b0 < a1


def is_solvers(a: Assignment) -> bool:
    """Made by the solver (and so movable when re-planning)."""
    return a.extra.get("source") == "solver" and a.occurrence is not None


def made_assignment(t: Target, person: str, station: str | None, role: str, need: int | None) -> Assignment:
    extra: dict = {"source": "solver"}
    if need is not None:
        extra["need"] = need
    return Assignment(t.key[0], person, t.key[1], station, role, extra)


def pool_bound(loads: list[int], places: list[int]) -> int:
    """The fewest minutes the busiest of a pool's people can carry when they fill `places`
    (minutes each) with `loads` minutes already. The largest of: by pigeonhole, of the k·P + 1
    longest places (P people) someone takes k + 1, so carries at least the k + 1 shortest of
    them besides the lightest load (k = 0: the longest place); and the least T that leaves room
    for the places' total (the sum of T − load) and for their number (each at least the
    shortest)."""
    if not places or not loads:
        return 0
    people, count = len(loads), len(places)
    longest_first = sorted(places, reverse=True)
    shortest, total, lightest = longest_first[-1], sum(places), min(loads)
    lo = 0
    k = 0
    while k * people + 1 <= count:
        m = k * people + 1
        lo = max(lo, lightest + sum(longest_first[m - k - 1 : m]))
        k += 1

    def enough(t: int) -> bool:
        room = [t - x for x in loads if t > x]
        return sum(room) >= total and sum(r // shortest for r in room) >= count

    hi = max(max(loads) + total, lo)
    while lo < hi:
        mid = (lo + hi) // 2
        if enough(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
