"""The plan's domain objects: plain frozen dataclasses named with the office's words (each
section is described in docs/plan-file.md; each field is declared in scheduler/plan/fields.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

STAFF_UNAVAILABILITY_REASONS = ("leave", "duty", "rest", "other")
PARTNER_KINDS = (
    "community",
    "subdistrict",
    "village",
    "enterprise",
    "school",
    "station",
    "agency",
    "mall",
    "other",
)
ACTIVITY_KINDS = (
    "pairing_visit",
    "service_request",
    "night_market",
    "market",
    "free_clinic",
    "lecture",
    "home_visit",
    "training",
    "other",
)
ACTIVITY_STATUSES = ("planned", "confirmed", "done", "cancelled")
HOLIDAY_POLICIES = ("keep", "skip", "next_working_day")
ASSIGNMENT_ROLES = ("lead", "member")
REQUEST_PRIORITIES = ("normal", "urgent")
REQUEST_STATUSES = ("new", "accepted", "scheduled", "done", "declined")
RECORD_STATUSES = ("done", "cancelled")
CALENDAR_KINDS = ("holiday", "workday")

# Qualifications the app knows by name; plan files may use others, which are kept as written.
KNOWN_QUALIFICATIONS = (
    "physician",
    "nurse",
    "tcm_physician",
    "acupuncture",
    "massage",
    "moxibustion",
    "ecg",
    "first_aid_instructor",
    "pharmacist",
    "rehab_therapist",
    "dietitian",
    "psychologist",
    "lab_technician",
    "ultrasound",
)

Extra = dict[str, Any]

# The hours a department's clinic runs when the hospital has not said (Settings ▸ Hospital).
CLINICAL_HOURS = ("08:00", "17:30")


@dataclass(frozen=True, slots=True)
class Hospital:
    name: str = ""
    timezone: str = "Asia/Shanghai"
    clinical_hours: tuple[str, str] = CLINICAL_HOURS
    extra: Extra = field(default_factory=dict)


def clinical_hours_of(hospital: Hospital | None) -> tuple[str, str]:
    """The hospital's clinical hours, or the default when no hospital is set."""
    return hospital.clinical_hours if hospital is not None else CLINICAL_HOURS


@dataclass(frozen=True, slots=True)
class Campus:
    id: str
    name: str
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Department:
    id: str
    name: str
    campus: str | None = None
    min_on_duty: int = 0
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Branch:
    id: str
    name: str
    departments: tuple[str, ...] = ()
    secretary: str | None = None
    contact: str | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Staff:
    id: str
    name: str
    department: str
    branch: str | None = None
    party_member: bool = False
    title: str | None = None
    qualifications: tuple[str, ...] = ()
    phone: str | None = None
    max_hours_month: float | None = None
    active: bool = True
    volunteer_no: str | None = None  # number on the national volunteer service platform
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Unavailability:
    staff: str
    start: datetime
    end: datetime
    reason: str = "leave"
    extra: Extra = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, datetime, datetime]:
        return (self.staff, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Partner:
    id: str
    name: str
    kind: str = "community"
    district: str | None = None
    address: str | None = None
    population: int | None = None
    share_60_plus: float | None = None
    contact: Contact = field(default_factory=Contact)
    wechat_group: str | None = None  # the WeChat group (微信群) the office posts in for the partner
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pairing:
    id: str
    branch: str
    partner: str
    start: date | None = None
    end: date | None = None
    visits_per_year: int = 0
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Need:
    """One line of staffing need: `count` people each matching every filter it names."""

    department: str | None = None
    qualification: str | None = None
    count: int = 1
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name: str
    needs: tuple[Need, ...] = ()
    duration_minutes: int | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Station:
    id: str
    name: str
    needs: tuple[Need, ...] = ()
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RotationEntry:
    department: str
    occurrence: date | None = None
    station: str | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Move:
    """One occurrence moved: it keeps the identity of the date it was first planned on."""

    from_date: date
    start: datetime
    end: datetime
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    title: str
    start: datetime
    end: datetime
    kind: str = "other"
    partner: str | None = None
    venue: str | None = None
    rrule: str | None = None
    exdates: tuple[date, ...] = ()
    organizer: str | None = None
    request: str | None = None
    status: str = "planned"
    stations: tuple[Station, ...] = ()
    rotation: tuple[RotationEntry, ...] = ()
    moved: tuple[Move, ...] = ()
    # What a recurring series does on a statutory holiday: keep it, skip it, or hold it on the
    # next working day. An app key of the plan file ("holiday_policy").
    holiday_policy: str = "keep"
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Assignment:
    activity: str
    staff: str
    occurrence: date | None = None
    station: str | None = None
    role: str = "member"
    extra: Extra = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, date | None, str | None, str]:
        return (self.activity, self.occurrence, self.station, self.staff)


@dataclass(frozen=True, slots=True)
class Slot:
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class ServiceRequest:
    id: str
    partner: str
    service: str
    received: datetime
    priority: str = "normal"
    preferred: tuple[Slot, ...] = ()
    audience: int | None = None
    status: str = "new"
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Attendance:
    staff: str
    hours: float


@dataclass(frozen=True, slots=True)
class Record:
    activity: str
    occurrence: date
    status: str = "done"
    reason: str | None = None
    served: int | None = None
    services: tuple[tuple[str, int], ...] = ()
    attended: tuple[Attendance, ...] = ()
    notes: str | None = None
    recorded_at: datetime | None = None
    recorded_by: str | None = None
    extra: Extra = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, date]:
        return (self.activity, self.occurrence)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    date: date
    kind: str
    name: str | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Plan:
    """A whole plan or a part of one, keyed the way the plan file identifies each record."""

    hospital: Hospital | None = None
    campuses: dict[str, Campus] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    branches: dict[str, Branch] = field(default_factory=dict)
    staff: dict[str, Staff] = field(default_factory=dict)
    unavailability: dict[tuple[str, datetime, datetime], Unavailability] = field(default_factory=dict)
    partners: dict[str, Partner] = field(default_factory=dict)
    pairings: dict[str, Pairing] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    activities: dict[str, Activity] = field(default_factory=dict)
    assignments: dict[tuple[str, date | None, str | None, str], Assignment] = field(default_factory=dict)
    requests: dict[str, ServiceRequest] = field(default_factory=dict)
    records: dict[tuple[str, date], Record] = field(default_factory=dict)
    calendar: dict[date, CalendarEntry] = field(default_factory=dict)
    # Top-level sections this version does not know; kept so they are not dropped.
    extra: Extra = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in SECTIONS}


# Sections in the order the plan file lists them (and the order they must be written in,
# since later ones refer to earlier ones).
SECTIONS = (
    "campuses",
    "departments",
    "branches",
    "staff",
    "unavailability",
    "partners",
    "pairings",
    "services",
    "activities",
    "assignments",
    "requests",
    "records",
    "calendar",
)


def key_of(section: str, item: Any) -> Any:
    """The key a record of a section is identified by (its id, or its natural key)."""
    if section in ("unavailability", "assignments", "records"):
        return item.key
    if section == "calendar":
        return item.date
    return item.id
