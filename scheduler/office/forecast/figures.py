"""What the capacity forecast gives: a pool-month's figures, a fix with the visits it moves, the
year's forecast; the pools a need draws on. Pure."""

from __future__ import annotations

import calendar as _cal
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from scheduler.plan.model import Need

Pool = tuple[str | None, str | None]  # (department, qualification)
Source = tuple[str, str]  # ("pairing", id) or ("activity", id)

DEFAULT_CAP = 16.0  # hours a month for a person with no cap of their own
# A pairing with no visits to learn from: a physician and a nurse for two hours.
DEFAULT_VISIT: tuple[tuple[Need, ...], float] = (
    (Need(qualification="physician"), Need(qualification="nurse")),
    2.0,
)
ALL, CLINICAL = "all", "clinical"
QUARTERS = 4  # the solver counts quarter hours


@dataclass(frozen=True, slots=True)
class PoolMonth:
    department: str | None
    qualification: str | None
    month: date  # the first of the month
    needed_hours: float
    available_hours: float
    planned_hours: float  # of the needed hours, those of occurrences already planned
    people: int  # people of the pool who can give hours that month
    clinical_needed_hours: float = 0.0  # of the needed hours, those in clinical time
    clinical_available_hours: float = 0.0  # what departments with people to spare can give then
    # At once: the most places of the pool its planned occurrences leave unfillable at one moment
    # (places then against its people free then, in clinical time only as many as each
    # department can spare), the places and people at that moment, and when.
    short_places: int = 0
    peak_places: int = 0
    peak_people: int = 0
    peak_at: datetime | None = None
    # The planned occurrences (activity, occurrence date) needing the pool at that moment.
    peak_occurrences: tuple[tuple[str, date], ...] = ()

    @property
    def pool(self) -> Pool:
        return (self.department, self.qualification)

    @property
    def is_short(self) -> bool:
        return self.short_hours > 0 or self.short_places > 0

    @property
    def short_hours(self) -> float:
        """The hours the pool cannot give: over all its hours, or over clinical time."""
        return round(
            max(
                0.0,
                self.needed_hours - self.available_hours,
                self.clinical_needed_hours - self.clinical_available_hours,
            ),
            2,
        )


@dataclass(frozen=True, slots=True)
class VisitMove:
    pairing: str
    from_month: date
    to_month: date
    visits: int


@dataclass(frozen=True, slots=True)
class Fix:
    department: str | None
    qualification: str | None
    month: date
    short_hours: float
    moves: tuple[VisitMove, ...]  # visits moved out of this month (their pairing needs this pool)
    short_after_moves: float
    people_needed: int  # of this pool, for what moves cannot close
    short_places: int = 0  # places at once no one of the pool is free for (moves cannot help)
    peak_at: datetime | None = None
    peak_places: int = 0
    peak_people: int = 0
    hours_each: float = 0.0  # the most one person of the pool gives that month (people_needed counts at it)
    peak_occurrences: tuple[tuple[str, date], ...] = ()  # those at the moment of short_places


@dataclass(slots=True)
class Forecast:
    year: int
    pools: list[PoolMonth]
    bound_hours: float
    bound_pool: PoolMonth | None
    fixes: list[Fix]
    # What makes up each pool-month's need: source -> hours (pairings' visits, other activities).
    behind: dict[tuple[Pool, date], dict[Source, float]] = field(default_factory=dict)
    visits: dict[str, list[int]] = field(default_factory=dict)  # pairing -> unplanned visits a month
    proposed: dict[str, list[int]] = field(default_factory=dict)  # the same after the moves
    solver_status: str = ""
    # What each pool can give in every month (the rows hold only months with a need).
    available: dict[tuple[Pool, date], float] = field(default_factory=dict)

    def short(self) -> list[PoolMonth]:
        return [p for p in self.pools if p.is_short]


def pools_of_need(department: str | None, qualification: str | None) -> list[Pool]:
    """The pools whose people alone can meet a need: its own, and the wider pool of its
    qualification (or department) across departments."""
    if department is None and qualification is None:
        return []
    out: list[Pool] = [(department, qualification)]
    if department is not None and qualification is not None:
        out += [(None, qualification), (department, None)]
    return out


Key = tuple[Pool, str]  # a pool and ALL or CLINICAL hours
Hours = dict[tuple[Key, int], float]  # by key and month index (0: January)
Progress = Callable[[int, int], bool] | None  # (step, of 4): False stops the forecast


class Cancelled(Exception):
    """The caller's progress said to stop."""


def ask(progress: Progress, step: int) -> None:
    """Asks the caller whether to go on at `step` of 4; raises Cancelled when not."""
    if progress is not None and not progress(step, 4):
        raise Cancelled


def months_of(year: int) -> list[date]:
    """The first day of each month of the year."""
    return [date(year, m, 1) for m in range(1, 13)]


def month_end(m: date) -> date:
    return m.replace(day=_cal.monthrange(m.year, m.month)[1])
