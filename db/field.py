"""Field packages on the database side: export a window for a laptop, bring back what was
recorded there (all or nothing, twice = once), keep conflicts until chosen; and the laptop's
own working database made from a package, whose records are written back into the package.

The office's database keeps a secret (32 random bytes, made with its identity on the first
export) that seals every package it exports; see scheduler/exchange/field.py for what is sealed."""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db.files import atomic_path, write_atomically
from db.operations import Changes, Edit, FieldConflictRow, OperationError, write
from db.planio import get_setting, load_plan, load_records, set_setting
from db.store import Store, StoreError
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.field import (
    Package,
    PackageError,
    build_package,
    merge,
    read_contents,
    read_package,
    record_json,
    verify_seal,
    with_records,
)
from scheduler.exchange.planfile.document import parse_plan
from scheduler.plan.model import SECTIONS, Record
from scheduler.plan.wording import N_

SECRET_SETTING = "field_secret"


def office_id(store: Store, create: bool = True) -> str:
    """This database's identity (made once, when a package is first exported), so a package
    finds its way home only. Without `create`, a database with no identity yet gives ""."""
    if create:
        ensure_field_keys(store)
    return str(get_setting(store, "database_id") or "")


def field_keys_ready(store: Store) -> bool:
    """Whether this database has its identity and its sealing secret already."""
    return bool(get_setting(store, "database_id")) and bool(get_setting(store, SECRET_SETTING))


def ensure_field_keys(store: Store) -> None:
    """Make the database's identity and secret if it has none yet (once, in one transaction;
    a second copy of the app doing the same at the same moment waits, then finds them)."""
    if field_keys_ready(store):
        return
    if store.readonly:
        raise StoreError(
            N_("database %1 is open for reading only and has no field package key yet"), store.path
        )
    with store.atomic():
        if not get_setting(store, "database_id"):
            set_setting(store, "database_id", uuid.uuid4().hex)
        if not get_setting(store, SECRET_SETTING):
            set_setting(store, SECRET_SETTING, secrets.token_hex(32))


def _secret(store: Store) -> bytes | None:
    value = get_setting(store, SECRET_SETTING)
    try:
        return bytes.fromhex(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def export_package(store: Store, d_from: date, d_to: date, now: datetime | None = None) -> str:
    ensure_field_keys(store)
    key = _secret(store)
    if key is None:
        raise StoreError(N_("the field package key in %1 is damaged"), store.path)
    plan = load_plan(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    doc = build_package(
        plan,
        calendar,
        d_from,
        d_to,
        office_id(store, create=False),
        uuid.uuid4().hex,
        (now or datetime.now()).replace(microsecond=0),
        key,
    )
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass(frozen=True, slots=True)
class FieldImport:
    taken: int  # records saved from the field
    conflicts: int  # changed on both sides: kept for a choice
    same: int  # nothing new
    already: bool  # this very package was imported before: nothing done
    changes: Changes


def _not_taken(exc: Exception) -> PackageError:
    """A constraint of the database that refused what the package brings, said as what is wrong."""
    # The write core says a constraint in general words; the database's own says which.
    cause = exc.__cause__ if isinstance(exc.__cause__, sqlite3.IntegrityError) else exc
    text = str(cause)
    if "FOREIGN KEY" in text:
        template = N_(
            "its records do not fit this database: a record names a person, activity or occurrence "
            "this database does not have (%1)"
        )
    elif "UNIQUE" in text:
        template = N_("its records do not fit this database: a record would be there twice (%1)")
    elif "CHECK" in text:
        template = N_(
            "its records do not fit this database: a value of a record is out of its allowed range (%1)"
        )
    else:
        return PackageError(N_("its records do not fit this database: %1 (%2)"), text, text)
    return PackageError(template, text)


def _imported(store: Store, pkg: Package) -> bool:
    found = store.conn.execute(
        "SELECT 1 FROM field_imports WHERE package = ? AND checksum = ?", (pkg.id, pkg.doc["checksum"])
    ).fetchone()
    return found is not None


def import_package(store: Store, data: bytes | str) -> FieldImport:
    """Bring a package's records back. A package that does not check out (not this database's,
    seal or checksum wrong, a record that `record` would refuse) raises PackageError or
    PlanError before anything is written."""
    head = read_package(data, office_id(store, create=False), whole=False)
    key = _secret(store)
    if key is None and store.role not in (None, "planner"):  # the office server hides the key
        raise PackageError(
            N_(
                "field packages are imported by planners: the key to check their seal is readable by planners only"
            )
        )
    if key is None:
        raise PackageError(N_("this database has no key to check the package's seal: it did not make it"))
    verify_seal(head.doc, key)
    if _imported(store, head):
        return FieldImport(0, 0, len(head.doc["records"]), True, Changes())
    pkg = read_contents(head.doc, against=load_plan(store))
    at = datetime.now().replace(microsecond=0).isoformat()
    try:
        with store.atomic():
            # Looked at inside the write transaction: two imports of one package at once take it once.
            if _imported(store, pkg):
                return FieldImport(0, 0, len(pkg.records), True, Changes())
            result = merge(pkg, load_records(store))
            aside = [
                FieldConflictRow(
                    pkg.id, rec.activity, rec.occurrence, json.dumps(record_json(rec), ensure_ascii=False), at
                )
                for _office, rec in result.conflicts
            ]
            changes = write(
                store,
                Edit(
                    saves={"records": result.take},
                    field_conflicts=aside,
                    field_import=(pkg.id, pkg.doc["checksum"]),
                ),
            )
    except (sqlite3.IntegrityError, OperationError) as exc:
        raise _not_taken(exc) from exc
    return FieldImport(len(result.take), len(result.conflicts), result.same, False, changes)


@dataclass(frozen=True, slots=True)
class FieldConflict:
    id: int
    package: str
    office: Record | None
    field: Record
    at: str


def field_conflicts(store: Store) -> list[FieldConflict]:
    plan = load_plan(store)
    out = []
    for cid, package, _activity, _occ, text, at in store.conn.execute(
        "SELECT id, package, activity, occurrence, field, at FROM field_conflicts ORDER BY id"
    ).fetchall():
        parsed = parse_plan(
            {"format": "outreach-plan", "version": 1, "records": [json.loads(text)]}, plan
        ).plan
        rec = next(iter(parsed.records.values()))
        out.append(FieldConflict(cid, package, plan.records.get(rec.key), rec, at))
    return out


def resolve_conflict(store: Store, conflict_id: int, keep: str) -> Changes:
    """Keep the office's version or take the field's; the conflict is then settled. Either
    choice is a change (the conflict goes), said in Changes like any other."""
    found = next((c for c in field_conflicts(store) if c.id == conflict_id), None)
    if found is None:
        return Changes()
    taken = [found.field] if keep == "field" else []
    return write(store, Edit(saves={"records": taken}, settle_field_conflicts=[conflict_id]))


# ---- the laptop side


def open_package(path: Path, work_folder: Path) -> Path:
    """The working database for a package (made the first time; the package's own records on
    top of the plan it carries). Raises PackageError for a package that does not check out."""
    pkg = read_package(path.read_bytes())
    work = work_folder / f"field-{pkg.id}.sqlite3"
    if not work.exists():
        work_folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(work) as tmp, Store(tmp) as store:
            plan = pkg.plan
            plan.records.update(pkg.records)
            where = {
                "path": str(path.resolve()),
                "package": pkg.id,
                "from": pkg.doc["from"],
                "to": pkg.doc["to"],
                "occurrences": pkg.doc["occurrences"],
            }
            write(
                store,
                Edit(
                    saves={section: list(getattr(plan, section).values()) for section in SECTIONS},
                    hospital=plan.hospital,
                    plan_extra=plan.extra,
                    settings={"field_package": where},
                ),
            )
    return work


def field_package(store: Store) -> dict | None:
    """Where this working database's package is, when the database is one (field mode)."""
    value = get_setting(store, "field_package")
    return value if isinstance(value, dict) else None


def write_back(store: Store) -> Path:
    """Write the records of the working database into its package (whole file or nothing)."""
    info = field_package(store)
    if info is None:
        raise ValueError("not a field database")
    path = Path(info["path"])
    pkg: Package = read_package(path.read_bytes(), whole=False)
    doc = with_records(pkg.doc, load_records(store))
    write_atomically(path, json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path
