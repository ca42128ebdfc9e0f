"""The conflict checker: every kind of DOMAIN.md, as structured results (no sentences here).

Readings (DOMAIN.md, "Precise readings"): times are half-open [start, end); an assignment with
no occurrence applies to every occurrence; cancelled occurrences (the activity cancelled, or a
record calling that occurrence off) are not checked and do not count."""

from __future__ import annotations

import calendar as _cal
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.recurrence import Occurrence, expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.matching import max_matching
from scheduler.office.requests import OPEN_STATUSES, ResponseTimes, deadline
from scheduler.plan.model import Activity, Assignment, Plan, Staff, Station, clinical_hours_of

ERROR, WARNING = "error", "warning"

# The units a kind is re-checked by after an edit (the incremental checker keeps conflicts per
# unit and re-runs a unit's kinds when an edit touches the unit).
OCCURRENCE = "occurrence"  # one occurrence: its activity, assignments, record or people changed
STAFF = "staff"  # one person: their bookings, unavailability or details changed
DEPARTMENT = "department"  # one department: its members or their bookings changed
VENUE = "venue"  # one venue: an occurrence there moved, came or went
STAFF_MONTH = "staff_month"  # one person in one calendar month
GLOBAL = "global"  # judged on the whole plan at `today`: re-run after every edit
SCOPES = (OCCURRENCE, STAFF, DEPARTMENT, VENUE, STAFF_MONTH, GLOBAL)

OccKey = tuple[str, date]


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # a key of KINDS
    occurrences: tuple[OccKey, ...] = ()
    staff: str | None = None
    department: str | None = None
    station: str | None = None
    partner: str | None = None
    pairing: str | None = None
    request: str | None = None
    start: datetime | None = None  # when it holds: a shortfall's stretch, the month of a cap …
    end: datetime | None = None
    detail: tuple[tuple[str, Any], ...] = ()  # figures for the message (hours, counts, reasons)

    @property
    def key(self) -> tuple:
        """Identifies the conflict across re-checks (for acknowledgements and updates)."""
        return (
            self.kind,
            self.occurrences,
            self.staff,
            self.department,
            self.station,
            self.pairing,
            self.request,
            self.start,
        )

    @property
    def severity(self) -> str:
        return KINDS[self.kind].severity

    def info(self) -> dict[str, Any]:
        return dict(self.detail)


@dataclass(slots=True)
class CheckContext:
    plan: Plan
    calendar: WorkCalendar
    today: datetime  # the moment "overdue" and "behind plan" are judged at
    window_from: date | None = None
    window_to: date | None = None  # inclusive
    response: ResponseTimes = field(default_factory=ResponseTimes)
    # Lookups of the whole plan (who is away, who works where) built once per check and shared by
    # every unit the incremental checker re-checks; None outside a check (the plan may change).
    memo: dict[str, Any] | None = None

    def lookup(self, name: str, build: Callable[[Plan], Any]) -> Any:
        """The lookup `name` of the plan, built once per check."""
        if self.memo is None:
            return build(self.plan)
        if name not in self.memo:
            self.memo[name] = build(self.plan)
        return self.memo[name]

    @property
    def clinical_hours(self) -> tuple[str, str]:
        h = self.plan.hospital
        return clinical_hours_of(h)


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


def _bounds(d_from: date | None, d_to: date | None) -> tuple[datetime | None, datetime | None]:
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


def check(ctx: CheckContext) -> list[Conflict]:
    """Every conflict of the plan in the window, judged at `ctx.today`."""
    start, end = _bounds(ctx.window_from, ctx.window_to)
    booked = held_occurrences(ctx.plan, ctx.calendar, start, end)
    ctx.memo = {}
    try:
        return sort_conflicts([c for kind in KINDS.values() for c in kind.find(booked, ctx)])
    finally:
        ctx.memo = None


def away_by_person(plan: Plan) -> dict[str, list[tuple[datetime, datetime, str]]]:
    """Every person's unavailability: (start, end, reason), sorted."""
    away: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    for u in plan.unavailability.values():
        away[u.staff].append((u.start, u.end, u.reason))
    for items in away.values():
        items.sort()
    return away


def members_by_department(plan: Plan) -> dict[str, list[str]]:
    """The active staff of every department."""
    members: dict[str, list[str]] = defaultdict(list)
    for s in plan.staff.values():
        if s.active:
            members[s.department].append(s.id)
    return members


def sort_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    order = {k: i for i, k in enumerate(KINDS)}

    def key(c: Conflict) -> tuple:
        first = c.start or (
            min(datetime.combine(d, time.min) for _a, d in c.occurrences) if c.occurrences else datetime.min
        )
        return (
            order[c.kind],
            first,
            c.occurrences,
            c.staff or "",
            c.department or "",
            c.station or "",
            c.pairing or "",
            c.request or "",
        )

    return sorted(conflicts, key=key)


def _overlap(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> bool:
    return a0 < b1 and b0 < a1


def double_bookings(booked: list[Booked]) -> list[Conflict]:
    """One conflict per person and pair of overlapping occurrences."""
    by_person: dict[str, list[Booked]] = defaultdict(list)
    for b in booked:
        for p in b.people:
            by_person[p].append(b)
    return [
        Conflict(
            "staff_double_booked",
            (a.key, b.key),
            staff=person,
            start=max(a.occ.start, b.occ.start),
            end=min(a.occ.end, b.occ.end),
        )
        for person, items in by_person.items()
        for a, b in _overlapping_pairs(items)
    ]


def _overlapping_pairs(items: list[Booked]) -> Iterator[tuple[Booked, Booked]]:
    """Every pair of occurrences whose times overlap, earlier one first."""
    items = sorted(items, key=lambda b: (b.occ.start, b.key))
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if b.occ.start >= a.occ.end:
                break  # sorted by start: no later one can overlap a either
            if _overlap(a.occ.start, a.occ.end, b.occ.start, b.occ.end):
                yield a, b


def unavailable(
    booked: list[Booked], plan: Plan, away: dict[str, list[tuple[datetime, datetime, str]]] | None = None
) -> list[Conflict]:
    """A person assigned while on leave, on duty, resting or otherwise away: one per person and
    occurrence, naming every reason that overlaps."""
    if away is None:
        away = away_by_person(plan)
    out = []
    for b in booked:
        for person in sorted(b.people):
            hits = [(s, e, r) for s, e, r in away.get(person, ()) if _overlap(s, e, b.occ.start, b.occ.end)]
            if hits:
                reasons = tuple(sorted({r for _s, _e, r in hits}))
                out.append(
                    Conflict(
                        "staff_unavailable",
                        (b.key,),
                        staff=person,
                        start=b.occ.start,
                        end=b.occ.end,
                        detail=(("reasons", reasons),),
                    )
                )
    return out


def department_cover(
    booked: list[Booked],
    plan: Plan,
    calendar: WorkCalendar,
    hours: tuple[str, str],
    away: dict[str, list[tuple[datetime, datetime, str]]] | None = None,
    members: dict[str, list[str]] | None = None,
) -> list[Conflict]:
    """Stretches of clinical hours in which a department keeps fewer people in the hospital than
    its minimum because of outreach: one conflict per department and contiguous stretch."""
    staff = plan.staff
    # Outreach draws, per department: (start, end, person, occurrence), clipped to clinical hours.
    draws: dict[str, list[tuple[datetime, datetime, str, OccKey]]] = defaultdict(list)
    for b in booked:
        for person in b.people:
            s = staff.get(person)
            if s is None or not s.active:
                continue
            for c0, c1 in calendar.clinical_intervals(b.occ.start, b.occ.end, hours):
                draws[s.department].append((c0, c1, person, b.key))
    if not draws:
        return []
    if away is None:
        away = away_by_person(plan)
    if members is None:
        members = members_by_department(plan)
    out: list[Conflict] = []
    for dept_id, items in draws.items():
        dept = plan.departments.get(dept_id)
        if dept is None or dept.min_on_duty <= 0:
            continue
        people = members.get(dept_id, [])
        # Cut time at every change; only moments with some outreach matter.
        points = sorted(
            {t for s0, s1, _p, _o in items for t in (s0, s1)}
            | {t for p in people for u0, u1, _r in away.get(p, ()) for t in (u0, u1)}
        )
        # Walked once in time order: the draws under way at each cut (every start and end is a
        # cut, so a draw under way at t0 lasts to t1); people never away are counted by set.
        items.sort(key=lambda x: x[0])
        never_away = {p for p in people if p not in away}
        sometimes_away = [p for p in people if p in away]
        under_way: list[tuple[datetime, datetime, str, OccKey]] = []
        i = 0
        stretch: list[Any] | None = None
        for t0, t1 in zip(points, points[1:], strict=False):
            while i < len(items) and items[i][0] <= t0:
                under_way.append(items[i])
                i += 1
            under_way = [x for x in under_way if x[1] > t0]
            drawing = [(p, o) for _s0, _s1, p, o in under_way]
            if not drawing:
                _close(stretch, out, dept_id)
                stretch = None
                continue
            out_people = {p for p, _o in drawing}
            present = len(never_away) - len(never_away & out_people)
            for p in sometimes_away:
                reasons = {r for u0, u1, r in away[p] if u0 <= t0 and t1 <= u1}
                if reasons - {"duty"}:
                    continue  # on leave, resting or away
                if "duty" in reasons or p not in out_people:
                    present += 1  # clinical duty keeps a person in the hospital
            if present < dept.min_on_duty:
                occs = {o for _p, o in drawing}
                if stretch is not None and stretch[1] == t0:
                    stretch[1] = t1
                    stretch[2] |= occs
                    stretch[3] = min(stretch[3], present)
                else:
                    _close(stretch, out, dept_id)
                    stretch = [t0, t1, set(occs), present, dept.min_on_duty]
            else:
                _close(stretch, out, dept_id)
                stretch = None
        _close(stretch, out, dept_id)
    return out


def _close(stretch: list[Any] | None, out: list[Conflict], dept: str) -> None:
    """Report a finished stretch of shortfall."""
    if stretch is not None:
        t0, t1, occs, lowest, minimum = stretch
        out.append(
            Conflict(
                "department_cover",
                tuple(sorted(occs)),
                department=dept,
                start=t0,
                end=t1,
                detail=(("present", lowest), ("minimum", minimum)),
            )
        )
    return None


def meets(
    person: Staff, need_department: str | None, need_qualification: str | None, turn: str | None
) -> bool:
    if need_department is not None and person.department != need_department:
        return False
    if turn is not None and person.department != turn:
        return False
    return need_qualification is None or need_qualification in person.qualifications


def station_people(b: Booked, station: Station) -> list[str]:
    return sorted({x.staff for x in b.assignments if x.station == station.id})


def understaffed(booked: list[Booked], staff: dict[str, Staff]) -> list[Conflict]:
    """A station whose needs the people there cannot all meet: no matching of people to places
    (one place per unit of need, a person fills one) covers every place."""
    out = []
    for b in booked:
        for st in b.activity.stations:
            if not st.needs:
                continue
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            slots = [n for n in st.needs for _ in range(n.count)]
            edges = [
                [j for j, n in enumerate(slots) if meets(staff[p], n.department, n.qualification, turn)]
                for p in station_people(b, st)
                if p in staff
            ]
            matched = max_matching(edges, len(slots))
            if matched < len(slots):
                out.append(
                    Conflict(
                        "understaffed",
                        (b.key,),
                        station=st.id,
                        start=b.occ.start,
                        end=b.occ.end,
                        detail=(("needed", len(slots)), ("met", matched)),
                    )
                )
    return out


def unqualified(booked: list[Booked], staff: dict[str, Staff]) -> list[Conflict]:
    """A person at a station who meets none of its needs."""
    out = []
    for b in booked:
        for st in b.activity.stations:
            needs = [n for n in st.needs if n.count > 0]
            if not st.needs:
                continue
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            for p in station_people(b, st):
                if p in staff and not any(
                    meets(staff[p], n.department, n.qualification, turn) for n in needs
                ):
                    out.append(
                        Conflict(
                            "unqualified", (b.key,), staff=p, station=st.id, start=b.occ.start, end=b.occ.end
                        )
                    )
    return out


def no_lead(booked: list[Booked], staff: dict[str, Staff]) -> list[Conflict]:
    out = []
    for b in booked:
        if not any(
            x.role == "lead" and x.staff in staff and staff[x.staff].party_member for x in b.assignments
        ):
            out.append(Conflict("no_lead", (b.key,), start=b.occ.start, end=b.occ.end))
    return out


def _venue(a: Activity) -> str:
    return " ".join((a.venue or "").split()).casefold()


def venue_double_bookings(booked: list[Booked]) -> list[Conflict]:
    by_venue: dict[str, list[Booked]] = defaultdict(list)
    for b in booked:
        v = _venue(b.activity)
        if v:
            by_venue[v].append(b)
    return [
        Conflict(
            "venue_double_booked",
            (a.key, b.key),
            start=max(a.occ.start, b.occ.start),
            end=min(a.occ.end, b.occ.end),
        )
        for items in by_venue.values()
        for a, b in _overlapping_pairs(items)
    ]


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def hours_cap(
    plan: Plan,
    calendar: WorkCalendar,
    d_from: date | None,
    d_to: date | None,
    start: datetime | None,
    end: datetime | None,
    booked: list[Booked],
) -> list[Conflict]:
    """Planned outreach hours of a person in a calendar month over the cap; the months are
    every whole month the window touches."""
    if d_from is not None or d_to is not None:
        m_start = datetime.combine(_month_start(d_from), time.min) if d_from else None
        m_end = datetime.combine(_next_month(d_to), time.min) if d_to else None
        if m_start != start or m_end != end:
            booked = held_occurrences(plan, calendar, m_start, m_end)
    per: dict[tuple[str, date], list[Booked]] = defaultdict(list)
    for b in booked:
        for p in b.people:
            per[(p, _month_start(b.occ.start.date()))].append(b)
    out = []
    for (person, month), items in per.items():
        s = plan.staff.get(person)
        if s is None or s.max_hours_month is None:
            continue
        total = sum((b.occ.end - b.occ.start).total_seconds() for b in items) / 3600
        if total > s.max_hours_month + 1e-9:
            out.append(
                Conflict(
                    "hours_cap",
                    tuple(sorted(b.key for b in items)),
                    staff=person,
                    start=datetime.combine(month, time.min),
                    end=datetime.combine(_next_month(month), time.min),
                    detail=(("hours", round(total, 2)), ("cap", s.max_hours_month)),
                )
            )
    return out


def holidays(booked: list[Booked], calendar: WorkCalendar) -> list[Conflict]:
    out = []
    for b in booked:
        info = calendar.info(b.occ.start.date())
        if calendar.is_holiday(b.occ.start.date()):
            out.append(
                Conflict(
                    "holiday",
                    (b.key,),
                    start=b.occ.start,
                    end=b.occ.end,
                    detail=(("holiday", info.name or ""),),
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class PairingProgress:
    """One pairing judged at a date (DOMAIN.md, "Pairing behind plan")."""

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
            "pairing_behind_plan",
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
                    "request_overdue",
                    (),
                    partner=q.partner,
                    request=q.id,
                    start=deadline(q, times),
                    detail=(("priority", q.priority),),
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class ConflictKind:
    """One kind of conflict, declared once (FET's constraint interface): its name as INTERCHANGE.md
    spells it, its severity, how to find it, and the unit the incremental checker re-checks it by.
    Its sentence and display name are declared in reports/messages.py under the same name."""

    name: str
    severity: str
    scope: str  # one of SCOPES
    # The conflicts of this kind among held occurrences: the whole window's in a full check, one
    # unit's in an incremental one (kinds of the GLOBAL scope read the plan itself).
    find: Callable[[list[Booked], CheckContext], list[Conflict]]


def _hours_cap(booked: list[Booked], ctx: CheckContext) -> list[Conflict]:
    start, end = _bounds(ctx.window_from, ctx.window_to)
    return hours_cap(ctx.plan, ctx.calendar, ctx.window_from, ctx.window_to, start, end, booked)


# Every kind, in the order a report lists them.
KINDS: dict[str, ConflictKind] = {
    k.name: k
    for k in (
        ConflictKind("staff_double_booked", ERROR, STAFF, lambda bs, ctx: double_bookings(bs)),
        ConflictKind(
            "staff_unavailable",
            ERROR,
            STAFF,
            lambda bs, ctx: unavailable(bs, ctx.plan, ctx.lookup("away", away_by_person)),
        ),
        ConflictKind(
            "department_cover",
            ERROR,
            DEPARTMENT,
            lambda bs, ctx: department_cover(
                bs,
                ctx.plan,
                ctx.calendar,
                ctx.clinical_hours,
                ctx.lookup("away", away_by_person),
                ctx.lookup("members", members_by_department),
            ),
        ),
        ConflictKind("understaffed", ERROR, OCCURRENCE, lambda bs, ctx: understaffed(bs, ctx.plan.staff)),
        ConflictKind("unqualified", WARNING, OCCURRENCE, lambda bs, ctx: unqualified(bs, ctx.plan.staff)),
        ConflictKind("no_lead", WARNING, OCCURRENCE, lambda bs, ctx: no_lead(bs, ctx.plan.staff)),
        ConflictKind("venue_double_booked", WARNING, VENUE, lambda bs, ctx: venue_double_bookings(bs)),
        ConflictKind("hours_cap", WARNING, STAFF_MONTH, _hours_cap),
        ConflictKind("holiday", WARNING, OCCURRENCE, lambda bs, ctx: holidays(bs, ctx.calendar)),
        ConflictKind(
            "pairing_behind_plan",
            WARNING,
            GLOBAL,
            # Checking the whole plan, the occurrences at hand are all there are: not expanded again.
            lambda bs, ctx: pairings_behind(
                ctx.plan,
                ctx.calendar,
                ctx.today,
                bs if ctx.window_from is None and ctx.window_to is None else None,
            ),
        ),
        ConflictKind(
            "request_overdue",
            WARNING,
            GLOBAL,
            lambda bs, ctx: requests_overdue(ctx.plan, ctx.response, ctx.today),
        ),
    )
}


def counts(conflicts: Iterable[Conflict]) -> dict[str, int]:
    c = {ERROR: 0, WARNING: 0}
    for x in conflicts:
        c[x.severity] += 1
    return c


def to_json(conflict: Conflict, message: str) -> dict[str, Any]:
    """The INTERCHANGE.md form of one conflict: kind, severity, message, occurrences, and only
    the id keys that apply."""
    out: dict[str, Any] = {
        "kind": conflict.kind,
        "severity": conflict.severity,
        "message": message,
        "occurrences": [{"activity": a, "occurrence": d.isoformat()} for a, d in conflict.occurrences],
    }
    for key in ("staff", "department", "station", "partner", "pairing", "request"):
        value = getattr(conflict, key)
        if value is not None:
            out[key] = value
    return out


def key_text(conflict: Conflict) -> str:
    """The conflict's identity as text (kept with an acknowledgement)."""

    def plain(v: Any) -> Any:
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        if isinstance(v, tuple):
            return [plain(x) for x in v]
        return v

    return json.dumps(plain(conflict.key), ensure_ascii=False, separators=(",", ":"))
