"""The working-day calendar: weekends, statutory holidays and make-up workdays (调休补班)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache

from scheduler.plan.model import CLINICAL_HOURS, CalendarEntry


class DayKind(StrEnum):
    WORKING = "working"  # an ordinary weekday
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a day of an official holiday period, weekend days inside it included
    MAKEUP = "makeup"  # a weekend day that is a working day because of a holiday swap


@dataclass(frozen=True, slots=True)
class DayInfo:
    day: date
    kind: DayKind
    name: str | None = None

    @property
    def is_working(self) -> bool:
        return self.kind in (DayKind.WORKING, DayKind.MAKEUP)


# The official calendar names holidays in English; offices know them by these names.
HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


@dataclass(frozen=True, slots=True)
class OfficialCalendar:
    """What the State Council published: holiday days and make-up workdays, per known year."""

    holidays: Mapping[date, str]
    workdays: Mapping[date, str]
    years: frozenset[int]


@cache
def official_calendar() -> OfficialCalendar:
    """The calendar of the chinese-calendar package (a data package: no files, no network)."""
    from chinese_calendar import constants

    holidays = {d: HOLIDAY_NAMES_ZH.get(n, n) for d, n in constants.holidays.items()}
    workdays = {d: HOLIDAY_NAMES_ZH.get(n, n) + "调休" for d, n in constants.workdays.items()}
    years = frozenset(d.year for d in holidays)
    return OfficialCalendar(holidays, workdays, years)


class WorkCalendar:
    """Answers for any date: working day, weekend, holiday (named) or make-up workday.

    The user's own entries (the plan file's `calendar` section) override the official ones and
    make a year known; a year with neither is reported by `unknown_years`, never guessed."""

    def __init__(self, official: OfficialCalendar | None = None, entries: Iterable[CalendarEntry] = ()):
        self.official = official or OfficialCalendar({}, {}, frozenset())
        self.entries = {e.date: e for e in entries}
        self.user_years = frozenset(d.year for d in self.entries)

    def info(self, day: date) -> DayInfo:
        entry = self.entries.get(day)
        if entry is not None:
            kind = DayKind.HOLIDAY if entry.kind == "holiday" else DayKind.MAKEUP
            if kind is DayKind.MAKEUP and day.weekday() < 5:
                kind = DayKind.WORKING  # a "workday" entry on a weekday changes nothing
            return DayInfo(day, kind, entry.name)
        name = self.official.holidays.get(day)
        if name is not None:
            return DayInfo(day, DayKind.HOLIDAY, name)
        name = self.official.workdays.get(day)
        if name is not None and day.weekday() >= 5:
            return DayInfo(day, DayKind.MAKEUP, name)
        return DayInfo(day, DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKING)

    def is_holiday(self, day: date) -> bool:
        return self.info(day).kind is DayKind.HOLIDAY

    def is_working(self, day: date) -> bool:
        return self.info(day).is_working

    def knows(self, year: int) -> bool:
        return year in self.official.years or year in self.user_years

    def unknown_years(self, years: Iterable[int]) -> list[int]:
        return sorted({y for y in years if not self.knows(y)})

    def next_working_day(self, day: date) -> date:
        d = day + timedelta(days=1)
        while not self.is_working(d):
            d += timedelta(days=1)
        return d

    def clinical_intervals(
        self, start: datetime, end: datetime, hours: tuple[str, str] = CLINICAL_HOURS
    ) -> list[tuple[datetime, datetime]]:
        """The parts of [start, end) that fall in clinical hours of working days."""
        t0, t1 = time.fromisoformat(hours[0]), time.fromisoformat(hours[1])
        out = []
        d = start.date()
        while datetime.combine(d, time.min) < end:
            if self.is_working(d):
                a = max(start, datetime.combine(d, t0))
                b = min(end, datetime.combine(d, t1))
                if a < b:
                    out.append((a, b))
            d += timedelta(days=1)
        return out
