"""Field packages: what a laptop needs to record a window of occurrences with no network, and
the merge of what was recorded there back into the office's plan.

A package is one JSON document: the plan for the window (activities, their assignments, the
people, partners, services), the records as they were at export (`base`, by hash), the records
made in the field, a seal and a checksum.

- The seal is an HMAC-SHA256, with a secret kept in the office's database, over everything the
  office wrote (the window, the occurrences it may record, the plan, the base): nobody without
  the office's database can make or change that part, so a record cannot be smuggled in for an
  occurrence the package was not made for.
- The records are written on the laptop, which holds no secret: they are not sealed, but every
  one goes through the checks `record` applies (the occurrence is one of the package's and one
  the activity has, the people exist, hours above 0 and at most 24, …) against the office's plan.
- The checksum (SHA-256 over all of it) tells a damaged file from a good one, on the laptop too.

Anything that does not check out is refused whole. Merging: a record the office has not touched
since export takes the field's version; one changed on both sides is a conflict that keeps both
until someone chooses."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import held_occurrences
from scheduler.exchange.planfile.document import parse_plan
from scheduler.exchange.planfile.guard import load_json
from scheduler.exchange.planfile.problems import PlanError, Problem
from scheduler.exchange.planfile.writer import plan_to_document
from scheduler.office.recording import record_problems
from scheduler.plan.model import Plan, Record
from scheduler.plan.wording import N_, Worded

FORMAT = "outreach-field"
VERSION = 2  # 2: sealed with the office's secret (HMAC); 1 had a plain checksum only
MAX_BYTES = 256 * 1024 * 1024  # a year of a large hospital is a few MB
UNSEALED = ("checksum", "seal", "records")  # what the seal does not cover


class PackageError(Worded, ValueError):
    """A package that cannot be taken, with the reason a user can act on (a template and its
    values, said in the reader's language where it is shown)."""


def _canonical(value: Any) -> bytes:
    # ASCII escapes: any string (a lone surrogate too) has one spelling, and encoding cannot fail.
    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")


def checksum(doc: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical({k: v for k, v in doc.items() if k != "checksum"})).hexdigest()


def seal(doc: dict[str, Any], key: bytes) -> str:
    """The HMAC of the office's part of a package (all but the records and the checksum)."""
    return hmac.new(
        key, _canonical({k: v for k, v in doc.items() if k not in UNSEALED}), "sha256"
    ).hexdigest()


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
    key: bytes,
) -> dict[str, Any]:
    """The package for the occurrences held in [d_from, d_to], sealed with `key`."""
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
    doc["seal"] = seal(doc, key)
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


def _load(data: bytes | str) -> Any:
    """The package's JSON, read as every file from outside is (scheduler.exchange.planfile.guard.load_json:
    keys named twice, NULs, lone surrogates, huge numbers, deep nesting refused)."""
    if len(data) > MAX_BYTES:
        raise PackageError(
            N_("the package is larger than %1 MB: not a field package"), MAX_BYTES // (1024 * 1024)
        )
    try:
        return load_json(data)
    except PlanError as exc:
        first = exc.problems[0]
        if len(exc.problems) > 1 or first.path != "$":
            raise  # values no package can hold, each with its place: listed like a plan file's
        if first.reason.startswith("is not UTF-8"):
            raise PackageError(
                N_("the package is not text (UTF-8): it is damaged or not a field package")
            ) from None
        if first.reason.startswith("is not valid JSON"):
            raise PackageError(N_("the package is damaged or incomplete (it %1)"), first.reason) from None
        raise PackageError(N_("the package cannot be read: it %1"), first.reason) from None
    except MemoryError:
        raise PackageError(N_("the package is too large to read: not a field package")) from None


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _check_parts(doc: dict[str, Any]) -> None:
    """Each part of the package has the type it must have (before anything relies on it)."""
    kinds: dict[str, type | tuple[type, ...]] = {
        "package": str,
        "office": str,
        "created": str,
        "from": str,
        "to": str,
        "occurrences": list,
        "plan": dict,
        "base": dict,
        "records": list,
        "seal": str,
        "checksum": str,
    }
    for name, kind in kinds.items():
        if name not in doc:
            raise PackageError(N_("the package lacks its %1 part"), repr(name))
        if not isinstance(doc[name], kind):
            raise PackageError(N_("the package's %1 part is not what it must be"), repr(name))
    if _iso_day(doc["from"]) is None or _iso_day(doc["to"]) is None:
        raise PackageError(N_("the package's window is not a pair of dates"))
    if not all(isinstance(o, str) for o in doc["occurrences"]):
        raise PackageError(N_("the package's %1 part is not what it must be"), "'occurrences'")
    if not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in doc["base"].items()):
        raise PackageError(N_("the package's %1 part is not what it must be"), "'base'")


def read_package(
    data: bytes | str,
    office: str | None = None,
    whole: bool = True,
    key: bytes | None = None,
    against: Plan | None = None,
) -> Package:
    """Check a package and read it; PackageError (or PlanError, listing every problem) says why
    it is refused.

    `office` and `key`: the package must come from that database and carry its seal (the
    office's import); without them only the checksum is checked (the laptop, which has no key).
    `against`: the office's plan, which the records must fit as `record` requires (people,
    activities and occurrences that exist, counts and hours in range); without it, the
    package's own plan. Without `whole`, only the checksum and the parts are checked."""
    doc = _load(data)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PackageError(N_("this is not a field package"))
    if doc.get("version") != VERSION:
        raise PackageError(
            N_("the package has version %1; this app reads version %2"), repr(doc.get("version")), VERSION
        )
    _check_parts(doc)
    if doc["checksum"] != checksum(doc):
        raise PackageError(N_("the package was changed outside the app: its checksum does not match"))
    if office is not None and doc["office"] != office:
        raise PackageError(N_("the package was made from another database, not this one"))
    if key is not None:
        verify_seal(doc, key)
    return read_contents(doc, against) if whole else Package(doc, Plan(), {})


def verify_seal(doc: dict[str, Any], key: bytes) -> None:
    """PackageError unless the office's part of the package carries the seal made with `key`."""
    found = doc["seal"].encode("utf-8", "replace")
    if not hmac.compare_digest(found, seal(doc, key).encode("ascii")):
        raise PackageError(
            N_("the package was changed outside the app: its seal does not match this database's")
        )


def read_contents(doc: dict[str, Any], against: Plan | None = None) -> Package:
    """The plan and records of a package whose parts were checked (see read_package)."""
    plan = parse_plan(doc["plan"]).plan
    base = against if against is not None else plan
    parsed = parse_plan({"format": "outreach-plan", "version": 1, "records": doc["records"]}, base)
    allowed = set(doc["occurrences"])
    outside = [key_text(k) for k in parsed.plan.records if key_text(k) not in allowed]
    if outside:
        raise PackageError(
            N_("the package records occurrences it was not made for: %1"), ", ".join(outside[:3])
        )
    problems = [
        Problem(f"{parsed.paths[('records', k)]}.{where}", None, reason)
        for k, rec in parsed.plan.records.items()
        for where, reason in record_problems(rec, base)
    ]
    if problems:
        raise PlanError(problems)
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
