"""The figures the hospital reports from: occurrences held, people served and volunteer hours by
month, branch, department, partner and kind; each pairing against its yearly target; requests by
status and how fast they were answered; the busiest people and departments.

Readings: an occurrence counts as held when its record says done; it falls in the month of the
day it took place (a moved occurrence, on its new day). People served are the record's `served`;
volunteer hours are the attended hours of done records. A department's figures are those of the
occurrences its people attended (an occurrence counts once per department). A pairing's progress
is judged by the one rule of the conflict checker (`scheduler/conflicts/progress.pairing_progress`,
docs/check.md `pairing_behind_plan`) at the judgement day, which lies in the window (a later day is the
window's last, an earlier one its first)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import held_occurrences
from scheduler.conflicts.progress import PairingProgress, pairing_progress
from scheduler.office.leads import BranchMonth, by_branch_and_month
from scheduler.office.requests import ResponseTimes, deadline
from scheduler.plan.model import Plan

OccKey = tuple[str, date]


@dataclass(slots=True)
class Row:
    """One line of a breakdown, with the occurrences behind it (to open them)."""

    key: str
    occurrences: int = 0
    served: int = 0
    hours: float = 0.0
    keys: list[OccKey] = field(default_factory=list)

    def add(self, key: OccKey, served: int, hours: float) -> None:
        self.occurrences += 1
        self.served += served
        self.hours = round(self.hours + hours, 4)
        self.keys.append(key)


@dataclass(frozen=True, slots=True)
class RequestLine:
    request: str
    partner: str
    service: str
    status: str
    received: datetime
    first_occurrence: datetime | None  # when the activity answering it is (first) held
    days_to_answer: float | None
    within_response_time: bool | None


@dataclass(slots=True)
class Statistics:
    start: date
    end: date  # inclusive
    totals: Row
    by_month: dict[str, Row]  # "2026-01" …
    by_branch: dict[str, Row]
    by_department: dict[str, Row]
    by_partner: dict[str, Row]
    by_kind: dict[str, Row]
    people: dict[str, Row]  # staff id -> what they attended
    pairings: list[PairingProgress]
    requests: list[RequestLine]
    # Per branch and month, its planned and held occurrences and those led by the branch itself.
    own_leads: list[BranchMonth] = field(default_factory=list)

    def requests_by_status(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for r in self.requests:
            out[r.status] += 1
        return dict(out)

    def median_days_to_answer(self) -> float | None:
        days = [r.days_to_answer for r in self.requests if r.days_to_answer is not None]
        return round(median(days), 2) if days else None

    def busiest_people(self, n: int = 20) -> list[Row]:
        return sorted(self.people.values(), key=lambda r: (-r.hours, -r.occurrences, r.key))[:n]

    def busiest_departments(self, n: int = 10) -> list[Row]:
        return sorted(self.by_department.values(), key=lambda r: (-r.hours, -r.occurrences, r.key))[:n]


def compute(
    plan: Plan,
    calendar: WorkCalendar,
    start: date,
    end: date,
    today: date | None = None,
    response: ResponseTimes | None = None,
) -> Statistics:
    """Every figure for [start, end]; pairings are judged at `today` (default: the end)."""
    w0 = datetime.combine(start, time.min)
    w1 = datetime.combine(end + timedelta(days=1), time.min)
    booked = {b.key: b for b in held_occurrences(plan, calendar, w0, w1)}
    totals = Row("total")
    months: dict[str, Row] = {}
    d = start.replace(day=1)
    while d <= end:
        months[_month(d)] = Row(_month(d))
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    branches: dict[str, Row] = {}
    departments: dict[str, Row] = {}
    partners: dict[str, Row] = {}
    kinds: dict[str, Row] = {}
    people: dict[str, Row] = {}
    for key, rec in sorted(plan.records.items()):
        b = booked.get(key)
        if rec.status != "done" or b is None or b.occ.start < w0:  # one begun before: its own year's
            continue
        served = rec.served or 0
        hours = sum(a.hours for a in rec.attended)
        a = b.activity
        totals.add(key, served, hours)
        months[_month(b.occ.start)].add(key, served, hours)
        if a.organizer:
            _row(branches, a.organizer).add(key, served, hours)
        if a.partner:
            _row(partners, a.partner).add(key, served, hours)
        _row(kinds, a.kind).add(key, served, hours)
        by_dept: dict[str, float] = defaultdict(float)
        for att in rec.attended:
            s = plan.staff.get(att.staff)
            if s is not None:
                by_dept[s.department] += att.hours
            _row(people, att.staff).add(key, 0, att.hours)
        for dept, h in by_dept.items():
            _row(departments, dept).add(key, served, h)
    judged = min(max(today or end, start), end)
    return Statistics(
        start,
        end,
        totals,
        months,
        branches,
        departments,
        partners,
        kinds,
        people,
        # The window's held occurrences serve the pairings when it holds their span of the year.
        pairing_progress(
            plan, calendar, judged, list(booked.values()) if start <= date(judged.year, 1, 1) else None
        ),
        request_lines(plan, calendar, start, end, response or ResponseTimes()),
        by_branch_and_month(
            ((b.activity, b.occ.start.date(), b.assignments) for b in booked.values() if b.occ.start >= w0),
            plan.staff,
        ),
    )


def _row(rows: dict[str, Row], key: str) -> Row:
    """The row of `key`, made the first time (not once per record, as `setdefault` would)."""
    row = rows.get(key)
    if row is None:
        row = rows[key] = Row(key)
    return row


def _month(d: date) -> str:
    """ "2026-01": strftime costs an import per call under PySide's import hook."""
    return f"{d.year:04d}-{d.month:02d}"


def request_lines(
    plan: Plan, calendar: WorkCalendar, start: date, end: date, response: ResponseTimes
) -> list[RequestLine]:
    # The first held occurrence of each request's activities: one pass over the plan (regrouping
    # every assignment for each request made the figures grow with the square of the plan).
    called_off = {k for k, r in plan.records.items() if r.status == "cancelled"}
    first_held: dict[str, datetime] = {}
    for a in plan.activities.values():
        if a.request and a.status != "cancelled":
            when = next(
                (o.start for o in expand(a, None, None, calendar) if (a.id, o.date) not in called_off), None
            )
            if when is not None:
                first_held[a.request] = min(when, first_held.get(a.request, when))
    out = []
    for q in sorted(plan.requests.values(), key=lambda q: (q.received, q.id)):
        if not start <= q.received.date() <= end:
            continue
        held_at = first_held.get(q.id)
        days = round((held_at - q.received).total_seconds() / 86400, 2) if held_at else None
        out.append(
            RequestLine(
                q.id,
                q.partner,
                q.service,
                q.status,
                q.received,
                held_at,
                days,
                None if held_at is None else held_at <= deadline(q, response),
            )
        )
    return out


def to_json(st: Statistics, plan: Plan) -> dict:
    """The figures as JSON (names beside ids), for `stats --json`."""

    def rows(rows: dict[str, Row], section: str | None) -> list[dict]:
        out = []
        for r in rows.values():
            item = getattr(plan, section).get(r.key) if section else None
            out.append(
                {
                    "key": r.key,
                    **(
                        {"name": getattr(item, "name", None) or getattr(item, "title", r.key)}
                        if section
                        else {}
                    ),
                    "occurrences": r.occurrences,
                    "served": r.served,
                    "hours": r.hours,
                }
            )
        return out

    return {
        "from": st.start.isoformat(),
        "to": st.end.isoformat(),
        "totals": {
            "occurrences": st.totals.occurrences,
            "served": st.totals.served,
            "hours": st.totals.hours,
        },
        "by_month": rows(st.by_month, None),
        "by_branch": rows(st.by_branch, "branches"),
        "by_department": rows(st.by_department, "departments"),
        "by_partner": rows(st.by_partner, "partners"),
        "by_kind": rows(st.by_kind, None),
        "pairings": [
            {
                "pairing": p.pairing,
                "branch": p.branch,
                "partner": p.partner,
                "target": p.target,
                "held": p.held,
                "expected": p.expected,
                "on_track": p.on_track,
            }
            for p in st.pairings
        ],
        "requests": {
            "by_status": st.requests_by_status(),
            "median_days_to_answer": st.median_days_to_answer(),
            "answered_in_time": sum(1 for r in st.requests if r.within_response_time),
            "answered_late": sum(1 for r in st.requests if r.within_response_time is False),
        },
        "busiest_people": [
            {
                "staff": r.key,
                "name": plan.staff[r.key].name if r.key in plan.staff else r.key,
                "volunteer_no": plan.staff[r.key].volunteer_no if r.key in plan.staff else None,
                "occurrences": r.occurrences,
                "hours": r.hours,
            }
            for r in st.busiest_people()
        ],
        "busiest_departments": rows({r.key: r for r in st.busiest_departments()}, "departments"),
        "own_branch_leads": [asdict(r) for r in st.own_leads],
    }
