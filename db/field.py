"""Field packages on the database side: export a window for a laptop, bring back what was
recorded there (all or nothing, twice = once), keep conflicts until chosen; and the laptop's
own working database made from a package, whose records are written back into the package."""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from scheduler.field import Package, build_package, merge, read_package, record_json, with_records
from scheduler.model import Plan, Record
from scheduler.planfile import parse_plan
from scheduler.workdays import WorkCalendar, official_calendar

from .operations import Changes, import_plan
from .planio import get_setting, load_plan, load_records, set_setting
from .store import Store


def office_id(store: Store, create: bool = True) -> str:
    """This database's identity (made once, when a package is first exported), so a package
    finds its way home only. Without `create`, a database with no identity yet gives ""."""
    value = get_setting(store, "database_id")
    if not value and not create:
        return ""
    if not value:
        value = uuid.uuid4().hex
        with store.atomic():
            set_setting(store, "database_id", value)
    return str(value)


def export_package(store: Store, d_from: date, d_to: date, now: datetime | None = None) -> str:
    plan = load_plan(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    doc = build_package(
        plan,
        calendar,
        d_from,
        d_to,
        office_id(store),
        uuid.uuid4().hex,
        (now or datetime.now()).replace(microsecond=0),
    )
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass(frozen=True, slots=True)
class FieldImport:
    taken: int  # records saved from the field
    conflicts: int  # changed on both sides: kept for a choice
    same: int  # nothing new
    already: bool  # this very package was imported before: nothing done
    changes: Changes


def import_package(store: Store, data: bytes | str) -> FieldImport:
    """Bring a package's records back. A package that does not check out raises PackageError
    (or PlanError) before anything is written."""
    pkg = read_package(data, office_id(store, create=False))
    seen = store.conn.execute(
        "SELECT 1 FROM field_imports WHERE package = ? AND checksum = ?", (pkg.id, pkg.doc["checksum"])
    ).fetchone()
    if seen:
        return FieldImport(0, 0, len(pkg.records), True, Changes())
    result = merge(pkg, load_records(store))
    at = datetime.now().replace(microsecond=0).isoformat()
    with store.atomic():
        changes = (
            import_plan(store, Plan(records={r.key: r for r in result.take})) if result.take else Changes()
        )
        for _office, rec in result.conflicts:
            store.conn.execute(
                "INSERT INTO field_conflicts (package, activity, occurrence, field, at) VALUES (?, ?, ?, ?, ?)",
                (
                    pkg.id,
                    rec.activity,
                    rec.occurrence.isoformat(),
                    json.dumps(record_json(rec), ensure_ascii=False),
                    at,
                ),
            )
        store.conn.execute(
            "INSERT INTO field_imports (package, checksum, at) VALUES (?, ?, ?)",
            (pkg.id, pkg.doc["checksum"], at),
        )
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
    """Keep the office's version or take the field's; the conflict is then settled."""
    found = next((c for c in field_conflicts(store) if c.id == conflict_id), None)
    if found is None:
        return Changes()
    with store.atomic():
        changes = Changes()
        if keep == "field":
            changes = import_plan(store, Plan(records={found.field.key: found.field}))
        store.conn.execute("DELETE FROM field_conflicts WHERE id = ?", (conflict_id,))
    return changes


# ---- the laptop side


def open_package(path: Path, work_folder: Path) -> Path:
    """The working database for a package (made the first time; the package's own records on
    top of the plan it carries). Raises PackageError for a package that does not check out."""
    pkg = read_package(path.read_bytes())
    work = work_folder / f"field-{pkg.id}.sqlite3"
    if not work.exists():
        tmp = work.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        with Store(tmp) as store:
            plan = pkg.plan
            plan.records.update(pkg.records)
            import_plan(store, plan)
            with store.atomic():
                set_setting(
                    store,
                    "field_package",
                    {
                        "path": str(path.resolve()),
                        "package": pkg.id,
                        "from": pkg.doc["from"],
                        "to": pkg.doc["to"],
                        "occurrences": pkg.doc["occurrences"],
                    },
                )
        os.replace(tmp, work)
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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path
