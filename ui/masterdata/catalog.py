"""The master data the screens show: one dict per section of the plan, kept current by the
session (ui/session.py) section by section, and read by every screen."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.plan.model import (
    Activity,
    Assignment,
    Branch,
    CalendarEntry,
    Campus,
    Department,
    Hospital,
    Pairing,
    Partner,
    Plan,
    Record,
    Service,
    ServiceRequest,
    Staff,
    Unavailability,
)


class Catalog:
    """The master data the screens show, one dict per section, refreshed per section."""

    def __init__(self) -> None:
        self.campuses: dict[str, Campus] = {}
        self.departments: dict[str, Department] = {}
        self.branches: dict[str, Branch] = {}
        self.staff: dict[str, Staff] = {}
        self.partners: dict[str, Partner] = {}
        self.pairings: dict[str, Pairing] = {}
        self.services: dict[str, Service] = {}
        self.activities: dict[str, Activity] = {}
        self.requests: dict[str, ServiceRequest] = {}
        self.assignments: dict[tuple, Assignment] = {}
        self.records: dict[tuple, Record] = {}
        self.calendar: dict[date, CalendarEntry] = {}
        self.unavailability: dict[tuple, Unavailability] = {}
        self.hospital: Hospital | None = None
        self._work_calendar: WorkCalendar | None = None

    def section(self, name: str) -> dict[Any, Any]:
        return getattr(self, name)

    def set_section(self, name: str, items: dict[Any, Any]) -> None:
        setattr(self, name, items)
        if name == "calendar":
            self._work_calendar = None

    def plan(self) -> Plan:
        """The catalog as a Plan, for the checks (the dicts are shared, not copied)."""
        return Plan(
            hospital=self.hospital,
            campuses=self.campuses,
            departments=self.departments,
            branches=self.branches,
            staff=self.staff,
            unavailability=self.unavailability,
            partners=self.partners,
            pairings=self.pairings,
            services=self.services,
            activities=self.activities,
            assignments=self.assignments,
            requests=self.requests,
            records=self.records,
            calendar=self.calendar,
        )

    @property
    def work_calendar(self) -> WorkCalendar:
        if self._work_calendar is None:
            self._work_calendar = WorkCalendar(official_calendar(), self.calendar.values())
        return self._work_calendar

    def name_of(self, section: str, key: str | None) -> str:
        if key is None:
            return ""
        item = self.section(section).get(key)
        if item is None:
            return key
        return getattr(item, "name", None) or key
