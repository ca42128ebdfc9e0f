"""A duty roster as read: its blocks (one header with its people each), the people with their
cells, what was refused and skipped, and the marks an imported entry carries (roster_tag,
roster_day). Spreadsheet column letters. Pure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from scheduler.exchange.duty.codes import LegendEntry, Shift
from scheduler.plan.model import Unavailability


class DutyError(ValueError):
    """A grid that cannot be read at all (no day header, month or department unknown, a weekday
    row that disagrees with the dates): nothing of it is taken. `reason` is a template with
    {value} (and the detail's keys) for the edge to translate."""

    def __init__(self, reason: str, value: str = "", detail: tuple[tuple[str, str], ...] = ()):
        self.reason = reason
        self.value = value
        self.detail = detail
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.reason).format(value=self.value, **dict(self.detail))


@dataclass(frozen=True, slots=True)
class Refusal:
    """A row or a cell not taken: where (the sheet's 1-based row, the column's letter, or ""
    for a whole row), what it held and why (a template with {value} and the detail's keys)."""

    row: int
    column: str
    value: str
    reason: str
    detail: tuple[tuple[str, str], ...] = ()

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.reason).format(value=self.value, **dict(self.detail))


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row that is not a person (a legend, a signature, totals, a week's heading): listed, not
    refused. `reason` is a template."""

    row: int
    text: str
    reason: str


@dataclass(slots=True)
class DutyPerson:
    row: int  # 1-based row in the sheet
    number: str
    name: str
    staff: str | None  # the person found, None when the row is refused
    cells: dict[date, str] = field(default_factory=dict)  # the cell's text per day (non-empty)
    refused_days: set[date] = field(default_factory=set)
    block: int = 0
    dates: tuple[date, ...] = ()  # the days of this row's block


@dataclass(frozen=True, slots=True)
class Block:
    """One header with its people: a month grid has one, stacked weeks one each."""

    header_row: int  # 0-based
    weekday_row: int | None
    name_column: int | None
    number_column: int | None
    days: tuple[tuple[int, date], ...]  # (column index, date) in the sheet's order


@dataclass(slots=True)
class DutyRoster:
    """A grid read: its blocks and days, the people with their cells, what was refused and
    skipped, the legend, and the unavailability to save (every entry marked with `source` and
    the roster's department and the day it was read from)."""

    department: str
    month: date  # the first day of the month most of its days fall in
    blocks: list[Block]
    people: list[DutyPerson]
    refusals: list[Refusal]
    entries: list[Unavailability]
    skipped: list[Skipped] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    codes: dict[str, Shift] = field(default_factory=dict)  # the codes this import read with

    @property
    def header_row(self) -> int:
        return self.blocks[0].header_row

    @property
    def weekday_row(self) -> int | None:
        return self.blocks[0].weekday_row

    @property
    def name_column(self) -> int | None:
        return self.blocks[0].name_column

    @property
    def number_column(self) -> int | None:
        return self.blocks[0].number_column

    @property
    def days(self) -> list[tuple[int, date]]:
        return [d for b in self.blocks for d in b.days]

    @property
    def dates(self) -> list[date]:
        return sorted(d for _c, d in self.days)

    @property
    def taken(self) -> list[DutyPerson]:
        return [p for p in self.people if p.staff is not None]


def roster_tag(department: str, day: date) -> dict[str, str]:
    """What marks an entry as taken from a duty roster (Unavailability.extra["roster"]): the
    department and the day of the roster it was read from (a night's rest belongs to the night)."""
    return {"department": department, "day": day.isoformat()}


def roster_day(u: Unavailability) -> date | None:
    """The roster day an imported entry was read from (None: not from a duty roster). Entries of
    the earlier format (department and month) count from their start."""
    tag = u.extra.get("roster")
    if not isinstance(tag, dict):
        return None
    day = tag.get("day")
    if isinstance(day, str):
        try:
            return date.fromisoformat(day)
        except ValueError:
            return None
    return u.start.date()


def column_runs(days: list[tuple[int, date]]) -> list[tuple[int, int, date, date]]:
    """Runs of neighbouring columns on following dates: (first column, last column, from, to)."""
    out: list[list[Any]] = []
    for col, day in days:
        last = out[-1] if out else None
        if last is not None and col == last[1] + 1 and (day - last[3]).days == 1:
            last[1], last[3] = col, day
        else:
            out.append([col, col, day, day])
    return [(a, b, d0, d1) for a, b, d0, d1 in out]
