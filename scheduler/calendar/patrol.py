"""The annual patrol plan (全年巡诊计划): pairing visits for a year, from each pairing's target
and its partner's population and age structure, spread over the months on allowed days."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.plan.model import Activity, Pairing, Partner, Service, Station


@dataclass(frozen=True, slots=True)
class PatrolSettings:
    year: int
    on_weekends: bool = True  # weekends (staff's rest time) or working days
    start: time = time(9, 0)
    minutes: int = 120
    per_day: int = 8  # at most this many visits of the whole hospital on one day
    elder_boost: float = 2.0  # extra visits per share of residents over 60 above 20 %


@dataclass(frozen=True, slots=True)
class Proposal:
    pairing: str
    branch: str
    partner: str
    start: datetime
    end: datetime


def visits_wanted(pairing: Pairing, partner: Partner, boost: float) -> int:
    """The yearly target, raised where more residents are elderly."""
    share = partner.share_60_plus or 0.0
    return round(pairing.visits_per_year * (1 + boost * max(0.0, share - 0.2)))


def already_planned(
    pairing: Pairing, activities: Iterable[Activity], year: int, calendar: WorkCalendar
) -> int:
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    n = 0
    for a in activities:
        if a.organizer == pairing.branch and a.partner == pairing.partner and a.status != "cancelled":
            n += len(expand(a, start, end, calendar))
    return n


def propose(
    pairings: Iterable[Pairing],
    partners: dict[str, Partner],
    activities: list[Activity],
    calendar: WorkCalendar,
    settings: PatrolSettings,
) -> list[Proposal]:
    """Visits still needed this year, elderly partners first and earliest; each on an allowed
    day (weekend or working day as set, never a statutory holiday), no branch twice a day,
    at most `per_day` visits of the hospital on one day."""
    year = settings.year
    jan1, dec31 = date(year, 1, 1), date(year, 12, 31)
    busy_branch: set[tuple[str, date]] = set()
    per_day: Counter[date] = Counter()
    for a in activities:
        for o in expand(a, datetime(year, 1, 1), datetime(year + 1, 1, 1), calendar):
            if a.organizer:
                busy_branch.add((a.organizer, o.start.date()))
    active = [
        p
        for p in pairings
        if p.partner in partners
        and (p.start is None or p.start <= dec31)
        and (p.end is None or p.end >= jan1)
    ]
    # More elderly residents first, then more people: they get the earlier dates.
    active.sort(
        key=lambda p: (
            -(partners[p.partner].share_60_plus or 0),
            -(partners[p.partner].population or 0),
            p.id,
        )
    )
    out: list[Proposal] = []
    for p in active:
        partner = partners[p.partner]
        first = max(jan1, p.start or jan1)
        last = min(dec31, p.end or dec31)
        wanted = visits_wanted(p, partner, settings.elder_boost) - already_planned(
            p, activities, year, calendar
        )
        if wanted <= 0 or first > last:
            continue
        span = (last - first).days + 1
        share = partner.share_60_plus or 0.0
        lead_in = 0.15 if share >= 0.25 else 0.5  # elderly partners are visited early in each period
        for k in range(wanted):
            ideal = first + timedelta(days=int((k + lead_in) * span / wanted))
            day = _allowed_on_or_after(ideal, last, p.branch, calendar, settings, busy_branch, per_day)
            if day is None:
                continue
            busy_branch.add((p.branch, day))
            per_day[day] += 1
            start = datetime.combine(day, settings.start)
            out.append(
                Proposal(p.id, p.branch, p.partner, start, start + timedelta(minutes=settings.minutes))
            )
    out.sort(key=lambda x: (x.start, x.pairing))
    return out


def _allowed_on_or_after(
    day: date,
    last: date,
    branch: str,
    calendar: WorkCalendar,
    settings: PatrolSettings,
    busy_branch: set[tuple[str, date]],
    per_day: Counter[date],
) -> date | None:
    d = day
    while d <= last:
        info = calendar.info(d)
        kind_ok = (not info.is_working) if settings.on_weekends else info.is_working
        if (
            kind_ok
            and not calendar.is_holiday(d)
            and (branch, d) not in busy_branch
            and per_day[d] < settings.per_day
        ):
            return d
        d += timedelta(days=1)
    return None


def to_activities(
    proposals: Iterable[Proposal], partners: dict[str, Partner], service: Service | None, taken: set[str]
) -> list[Activity]:
    """The accepted proposals as pairing-visit activities, with the service's needs as a station."""
    out = []
    n = 1
    for p in proposals:
        while f"patrol-{p.start.year}-{n:04d}" in taken:
            n += 1
        aid = f"patrol-{p.start.year}-{n:04d}"
        taken.add(aid)
        partner = partners[p.partner]
        title = f"{partner.name}{service.name if service else '结对走访'}"
        stations = (Station("main", service.name, service.needs),) if service else ()
        out.append(
            Activity(
                id=aid,
                title=title,
                start=p.start,
                end=p.end,
                kind="pairing_visit",
                partner=p.partner,
                venue=partner.address or partner.name,
                organizer=p.branch,
                status="planned",
                stations=stations,
            )
        )
    return out
