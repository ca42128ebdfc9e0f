"""What the ids of a document refer to: each must name a record of the document or of the
database (`base`). The references of the flat sections follow from the declaration (a field of
kind ref or refs names its section); those inside nested parts and those to an activity's
occurrences and stations are checked by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.calendar.recurrence import planned_dates
from scheduler.exchange.planfile.activities import NOT_AN_OCCURRENCE
from scheduler.exchange.planfile.reader import Reader
from scheduler.plan.fields import FIELDS
from scheduler.plan.model import SECTIONS, Activity, Need, Plan, key_of
from scheduler.plan.wording import N_


class _Ids:
    """Looks an id up in the document first, then in what the database holds."""

    def __init__(self, plan: Plan, base: Plan, refused: set[tuple[str, str]]):
        self.plan = plan
        self.base = base
        self.refused = refused

    def has(self, section: str, key: Any) -> bool:
        """Known, or refused already (and reported there)."""
        return (
            key in getattr(self.plan, section)
            or key in getattr(self.base, section)
            or (section, key) in self.refused
        )

    def get(self, section: str, key: Any) -> Any:
        """The record (None when unknown, or refused in the document)."""
        if (section, key) in self.refused:
            return None
        got = getattr(self.plan, section).get(key)
        return got if got is not None else getattr(self.base, section).get(key)


# What an id that names nothing is said to name, by the section it should name.
_UNKNOWN_REFERENCE = {
    "departments": N_("names no known department"),
    "campuses": N_("names no known campus"),
    "staff": N_("names no known staff member"),
    "branches": N_("names no known branch"),
    "partners": N_("names no known partner"),
    "requests": N_("names no known service request"),
    "services": N_("names no known service"),
}
# The fields naming another section's records, by section (assignments and records by hand).
_REFS = {
    s: tuple((f.key, f.ref, f.kind == "refs") for f in FIELDS[s] if f.kind in ("ref", "refs") and f.ref)
    for s in SECTIONS
    if s not in ("assignments", "records")
}


def check_references(r: Reader, plan: Plan, paths: dict, base: Plan, refused: set[tuple[str, str]]) -> None:
    ids = _Ids(plan, base, refused)

    def ref(section: str, at: str, value: Any) -> None:
        if value is not None and not ids.has(section, value):
            r.bad(at, value, _UNKNOWN_REFERENCE[section])

    def needs(ns: tuple[Need, ...], at: str) -> None:
        for i, n in enumerate(ns):
            ref("departments", f"{at}.needs[{i}].department", n.department)

    for section, fields in _REFS.items():
        for item in getattr(plan, section).values():
            at = paths[(section, key_of(section, item))]
            for key, named, many in fields:
                if many:
                    for i, value in enumerate(getattr(item, key)):
                        ref(named, f"{at}.{key}[{i}]", value)
                else:
                    ref(named, f"{at}.{key}", getattr(item, key))
            if section == "services":
                needs(item.needs, at)
            elif section == "activities":
                for i, st in enumerate(item.stations):
                    needs(st.needs, f"{at}.stations[{i}]")
                for i, rot in enumerate(item.rotation):
                    ref("departments", f"{at}.rotation[{i}].department", rot.department)
    _check_occurrences(r, plan, paths, ids, ref)


def _check_occurrences(r: Reader, plan: Plan, paths: dict, ids: _Ids, ref: Any) -> None:
    """Assignments and records: the occurrence of an activity they name, and whom."""
    dates_cache: dict[str, set[date]] = {}

    def occurrence(activity_id: str, day: date | None, at: str) -> Activity | None:
        activity = ids.get("activities", activity_id)
        if activity is None:
            if not ids.has("activities", activity_id):
                r.bad(f"{at}.activity", activity_id, N_("names no known activity"))
            return None
        if day is not None:
            have = dates_cache.get(activity_id)
            if have is None:
                have = dates_cache[activity_id] = planned_dates(activity)
            if day not in have:
                r.bad(f"{at}.occurrence", day.isoformat(), NOT_AN_OCCURRENCE)
        return activity

    for asg in plan.assignments.values():
        at = paths[("assignments", asg.key)]
        ref("staff", f"{at}.staff", asg.staff)
        activity = occurrence(asg.activity, asg.occurrence, at)
        stations = {s.id for s in activity.stations} if activity is not None else set()
        if activity is not None and asg.station is not None and asg.station not in stations:
            r.bad(f"{at}.station", asg.station, N_("is not a station of this activity"))
    for rec in plan.records.values():
        at = paths[("records", rec.key)]
        occurrence(rec.activity, rec.occurrence, at)
        for i, att in enumerate(rec.attended):
            ref("staff", f"{at}.attended[{i}].staff", att.staff)
