"""Recording what was done at an occurrence, and the volunteer time bank (志愿服务时间银行).

A record starts from the plan: done, every planned person attending for the occurrence's length;
the recorder changes only what differed. Hours credited to the time bank follow the records:
a record saved or changed adds ledger entries for the difference per person (a correction is a
new entry, never an edit of an old one), so the ledger's sum per person and occurrence always
equals what the current record says."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from scheduler.conflicts.held import Booked
from scheduler.plan.model import Attendance, Plan, Record
from scheduler.plan.validation import MAX_ATTENDED_HOURS, MAX_PEOPLE_SERVED

# What a record counts per service, in the order the recording form lists them. A plan file,
# records file or field package naming another key is refused (see planfile's docstring); a
# record an older version stored with another key keeps it.
SERVICE_COUNTS = (
    "blood_pressure",
    "blood_sugar",
    "consultation",
    "tcm_constitution",
    "acupuncture",
    "massage",
    "moxibustion",
    "ecg",
    "cognitive_screening",
    "report_reading",
    "first_aid_training",
    "lecture",
    "herbal_tea",
    "home_visit",
)


def N_(text: str) -> str:
    """Marks a reason for translation (the GUI shows it in the user's language)."""
    return text


def round_hours(hours: float) -> float:
    """Volunteer hours go by the quarter hour."""
    return round(hours * 4) / 4


def planned_hours(b: Booked) -> float:
    return round_hours((b.occ.end - b.occ.start).total_seconds() / 3600)


def default_record(b: Booked, recorded_at: datetime | None = None, recorded_by: str | None = None) -> Record:
    """Done, with every planned person attending for the whole occurrence."""
    hours = planned_hours(b)
    people = sorted(b.people)
    return Record(
        activity=b.activity.id,
        occurrence=b.occ.date,
        status="done",
        attended=tuple(Attendance(p, hours) for p in people),
        recorded_at=recorded_at,
        recorded_by=recorded_by,
    )


def record_problems(rec: Record, plan: Plan) -> list[tuple[str, str]]:
    """What is wrong with a record as (field, reason); empty when it can be saved."""
    out: list[tuple[str, str]] = []
    if rec.status == "cancelled" and not (rec.reason or "").strip():
        out.append(("reason", N_("a cancelled occurrence needs a reason")))
    if rec.served is not None and rec.served < 0:
        out.append(("served", N_("cannot be negative")))
    if rec.served is not None and rec.served > MAX_PEOPLE_SERVED:
        out.append(("served", N_("is more people than one occurrence can serve")))
    for k, n in rec.services:
        if n < 0:
            out.append((f"services.{k}", N_("cannot be negative")))
        elif n > MAX_PEOPLE_SERVED:
            out.append((f"services.{k}", N_("is more people than one occurrence can serve")))
    seen: set[str] = set()
    for a in rec.attended:
        if a.staff not in plan.staff:
            out.append((f"attended.{a.staff}", N_("is not a staff member")))
        if a.staff in seen:
            out.append((f"attended.{a.staff}", N_("is listed twice")))
        seen.add(a.staff)
        # Written so that NaN fails too.
        if not 0 < a.hours <= MAX_ATTENDED_HOURS:
            out.append((f"attended.{a.staff}", N_("hours must be above 0 and at most 24")))
    return out


def credits(rec: Record | None) -> dict[str, float]:
    """Hours a record credits per person: attended hours when done, nothing when cancelled."""
    if rec is None or rec.status != "done":
        return {}
    return {a.staff: a.hours for a in rec.attended}


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One line of the time bank: hours added (or, for a correction, taken away)."""

    staff: str
    activity: str
    occurrence: date
    hours: float
    at: datetime
    kind: str  # "credit" (first hours of an occurrence) or "correction"
    by: str | None = None


def ledger_changes(
    credited: dict[tuple[str, str, date], float],
    records: Iterable[tuple[tuple[str, date], Record | None]],
    at: datetime,
    by: str | None,
) -> list[LedgerEntry]:
    """The entries that bring the ledger in line with the records given (None: the record was
    deleted). `credited` is the ledger's current sum per (staff, activity, occurrence)."""
    out = []
    for (activity, occurrence), rec in records:
        now = credits(rec)
        before = {s: h for (s, a, o), h in credited.items() if a == activity and o == occurrence}
        for person in sorted(set(now) | set(before)):
            delta = round(now.get(person, 0.0) - before.get(person, 0.0), 4)
            if delta:
                kind = "credit" if person not in before or before[person] == 0 else "correction"
                out.append(LedgerEntry(person, activity, occurrence, delta, at, kind, by))
    return out


def person_totals(entries: Iterable[LedgerEntry], year: int) -> dict[str, dict[int, float]]:
    """Hours per person per month (1–12) of one year, by the occurrence's date."""
    out: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for e in entries:
        if e.occurrence.year == year:
            out[e.staff][e.occurrence.month] += e.hours
    return {p: {m: round(h, 4) for m, h in months.items() if round(h, 4)} for p, months in out.items()}


def branch_of(plan: Plan, staff_id: str) -> str | None:
    """The branch a person's hours count for: their own party branch, else the branch built on
    their department."""
    s = plan.staff.get(staff_id)
    if s is None:
        return None
    if s.branch:
        return s.branch
    return next((b.id for b in plan.branches.values() if s.department in b.departments), None)


def branch_totals(entries: Iterable[LedgerEntry], plan: Plan, year: int) -> dict[str, dict[int, float]]:
    out: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for person, months in person_totals(entries, year).items():
        branch = branch_of(plan, person)
        if branch is None:
            continue
        for m, h in months.items():
            out[branch][m] += h
    return {b: {m: round(h, 4) for m, h in months.items()} for b, months in out.items()}
