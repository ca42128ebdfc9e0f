"""Field packages: what a laptop needs to record a window of occurrences with no network, and
the merge of what was recorded there back into the office's plan.

A package is one JSON document: the plan for the window (activities, their assignments, the
people, partners, services), the records as they were at export (`base`, by hash), the records
made in the field, and a SHA-256 checksum over all of it. Anything that does not check out is
refused whole. Merging: a record the office has not touched since export takes the field's
version; one changed on both sides is a conflict that keeps both until someone chooses."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from .conflicts import held_occurrences
from .model import Plan, Record
from .planfile import parse_plan, plan_to_document
from .workdays import WorkCalendar

FORMAT = "outreach-field"
VERSION = 1


class PackageError(ValueError):
    """A package that cannot be taken, with the reason a user can act on."""


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def checksum(doc: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical({k: v for k, v in doc.items() if k != "checksum"})).hexdigest()


def record_json(rec: Record) -> dict[str, Any]:
    return plan_to_document(Plan(records={rec.key: rec}))["records"][0]


def record_hash(rec: Record | None) -> str | None:
    """What a record says, as a hash (the time it was written down left out)."""
    if rec is None:
        return None
    data = {k: v for k, v in record_json(rec).items() if k != "recorded_at"}
    return hashlib.sha256(_canonical(data)).hexdigest()


def key_text(key: tuple[str, date]) -> str:
    return f"{key[0]}|{key[1].isoformat()}"


def build_package(
    plan: Plan,
    calendar: WorkCalendar,
    d_from: date,
    d_to: date,
    office: str,
    package: str,
    created: datetime,
) -> dict[str, Any]:
    """The package for the occurrences held in [d_from, d_to]."""
    w0 = datetime.combine(d_from, time.min)
    w1 = datetime.combine(d_to + timedelta(days=1), time.min)
    booked = held_occurrences(plan, calendar, w0, w1)
    activity_ids = {b.activity.id for b in booked}
    keys = {b.key for b in booked}
    sub = Plan(
        hospital=plan.hospital,
        campuses=dict(plan.campuses),
        departments=dict(plan.departments),
        branches=dict(plan.branches),
        staff={k: s for k, s in plan.staff.items() if s.active},
        partners={
            k: p
            for k, p in plan.partners.items()
            if any(plan.activities[a].partner == k for a in activity_ids)
        },
        services=dict(plan.services),
        activities={k: plan.activities[k] for k in activity_ids},
        assignments={k: x for k, x in plan.assignments.items() if x.activity in activity_ids},
        records={k: r for k, r in plan.records.items() if k[0] in activity_ids},
        calendar=dict(plan.calendar),
    )
    # People named by assignments or records must travel even when no longer active.
    named = {x.staff for x in sub.assignments.values()} | {
        a.staff for r in sub.records.values() for a in r.attended
    }
    named |= {b.secretary for b in sub.branches.values() if b.secretary} | {
        b.contact for b in sub.branches.values() if b.contact
    }
    for sid in named:
        if sid in plan.staff:
            sub.staff[sid] = plan.staff[sid]
    # Requests and pairings stay in the office; the activities' references to them are dropped
    # from the copy only (the field cannot plan).
    for k, a in list(sub.activities.items()):
        if a.request is not None:
            sub.activities[k] = replace(a, request=None)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "package": package,
        "office": office,
        "created": created.isoformat(timespec="seconds"),
        "from": d_from.isoformat(),
        "to": d_to.isoformat(),
        "occurrences": sorted(key_text(k) for k in keys),
        "plan": plan_to_document(sub),
        "base": {key_text(k): record_hash(plan.records.get(k)) for k in sorted(keys)},
        "records": [],
    }
    doc["checksum"] = checksum(doc)
    return doc


@dataclass(slots=True)
class Package:
    doc: dict[str, Any]
    plan: Plan  # the window's plan as exported
    records: dict[tuple[str, date], Record]  # recorded in the field

    @property
    def id(self) -> str:
        return str(self.doc["package"])


def read_package(data: bytes | str, office: str | None = None, whole: bool = True) -> Package:
    """Check a package and read it; PackageError (or PlanError) says why it is refused.
    Without `whole`, only the checksum and the parts are checked (the plan is not read)."""
    try:
        doc = json.loads(data)
    except UnicodeDecodeError:
        raise PackageError("the package is not text (UTF-8): it is damaged or not a field package") from None
    except json.JSONDecodeError as exc:
        raise PackageError(
            f"the package is damaged or incomplete (unreadable at character {exc.pos})"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PackageError("this is not a field package")
    if doc.get("version") != VERSION:
        raise PackageError(
            f"the package has version {doc.get('version')!r}; this app reads version {VERSION}"
        )
    if doc.get("checksum") != checksum(doc):
        raise PackageError("the package was changed outside the app: its checksum does not match")
    if office is not None and doc.get("office") != office:
        raise PackageError("the package was made from another database, not this one")
    for name in ("package", "plan", "base", "records", "occurrences"):
        if name not in doc:
            raise PackageError(f"the package lacks its {name!r} part")
    if not whole:
        return Package(doc, Plan(), {})
    plan = parse_plan(doc["plan"]).plan
    allowed = set(doc["occurrences"])
    parsed = parse_plan({"format": "outreach-plan", "version": 1, "records": doc["records"]}, plan)
    outside = [key_text(k) for k in parsed.plan.records if key_text(k) not in allowed]
    if outside:
        raise PackageError(f"the package records occurrences it was not made for: {', '.join(outside[:3])}")
    return Package(doc, plan, dict(parsed.plan.records))


def with_records(doc: dict[str, Any], records: dict[tuple[str, date], Record]) -> dict[str, Any]:
    """The package again, carrying the records made in the field (those that differ from the
    base), with a new checksum."""
    base = doc["base"]
    changed = [
        r for k, r in sorted(records.items()) if key_text(k) in base and record_hash(r) != base[key_text(k)]
    ]
    out = {**doc, "records": [record_json(r) for r in changed]}
    out["checksum"] = checksum(out)
    return out


@dataclass(frozen=True, slots=True)
class Merge:
    take: list[Record]  # field versions to save (the office did not touch them)
    conflicts: list[tuple[Record | None, Record]]  # (office version, field version), both changed
    same: int  # field records the office already has as they are


def merge(package: Package, office_records: dict[tuple[str, date], Record]) -> Merge:
    take, conflicts, same = [], [], 0
    for key, rec in sorted(package.records.items()):
        base = package.doc["base"].get(key_text(key))
        office = office_records.get(key)
        mine = record_hash(rec)
        theirs = record_hash(office)
        if mine == theirs:
            same += 1
        elif theirs == base:
            take.append(rec)
        elif mine == base:
            same += 1
        else:
            conflicts.append((office, rec))
    return Merge(take, conflicts, same)
