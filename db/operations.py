"""Operations: every change to the store goes through one of these, in one transaction,
and returns a Changes value saying what changed."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from scheduler.assign import SolverSettings, Weights
from scheduler.history import AuditEntry
from scheduler.model import SECTIONS, Hospital, Plan, Record, key_of
from scheduler.planfile import PlanError, Problem, parse_document, plan_to_document
from scheduler.recording import ledger_changes, record_problems
from scheduler.requests import ResponseTimes, requests_done

from .planio import (
    LOADERS,
    TABLES,
    WRITERS,
    credited,
    delete_rows,
    get_setting,
    key_params,
    load_activities,
    load_hospital,
    load_plan,
    load_requests,
    set_setting,
    write_audit,
    write_hospital,
    write_ledger,
)
from .store import Store, StoreError


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed: the keys touched, per plan section."""

    keys: Mapping[str, frozenset[Any]] = field(default_factory=dict)
    hospital: bool = False

    def __bool__(self) -> bool:
        return self.hospital or any(self.keys.values())

    def touches(self, *sections: str) -> bool:
        return any(self.keys.get(s) for s in sections)

    def merge(self, other: Changes) -> Changes:
        keys = {
            s: self.keys.get(s, frozenset()) | other.keys.get(s, frozenset())
            for s in {*self.keys, *other.keys}
        }
        return Changes(keys, self.hospital or other.hospital)

    @classmethod
    def of(cls, section: str, *keys: Any) -> Changes:
        return cls({section: frozenset(keys)})


class OperationError(Exception):
    """An operation refused: the message says why, in terms a user can act on."""


@dataclass(frozen=True, slots=True)
class Referrer:
    section: str
    key: Any
    label: str


class StillReferenced(OperationError):
    def __init__(self, section: str, key: Any, referrers: list[Referrer]):
        self.section = section
        self.key = key
        self.referrers = referrers
        super().__init__(f"{section} {key} is still referred to by {len(referrers)} record(s)")


def _integrity(exc: sqlite3.IntegrityError) -> OperationError:
    text = str(exc)
    if "FOREIGN KEY" in text:
        return OperationError("a record names another record that does not exist")
    if "UNIQUE" in text:
        return OperationError("a record with this id already exists")
    if "CHECK" in text:
        return OperationError("a value is out of its allowed range")
    return OperationError(text)


def import_plan(store: Store, plan: Plan) -> Changes:
    """Add or update every record the plan holds, by id; all or nothing."""
    keys: dict[str, frozenset[Any]] = {}
    try:
        with store.atomic():
            if plan.hospital is not None:
                _audit(store, "hospital", {"hospital": load_hospital(store)}, {"hospital": plan.hospital})
                write_hospital(store, plan.hospital)
            if plan.extra:
                merged = {**get_setting(store, "plan_extra", {}), **plan.extra}
                set_setting(store, "plan_extra", merged)
            for section in SECTIONS:
                items: dict = getattr(plan, section)
                if items:
                    before = LOADERS[section](store)
                    WRITERS[section](store, items.values())
                    _audit(store, section, before, items)
                    keys[section] = frozenset(items)
            if plan.records:
                _bank(store, [(k, r) for k, r in plan.records.items()])
                # A request is done once the activity answering it is recorded as done.
                done = requests_done(plan.records.values(), load_activities(store), load_requests(store))
                if done:
                    before = LOADERS["requests"](store)
                    WRITERS["requests"](store, done)
                    _audit(store, "requests", before, {q.id: q for q in done})
                    keys["requests"] = keys.get("requests", frozenset()) | {q.id for q in done}
    except sqlite3.IntegrityError as exc:
        raise _integrity(exc) from exc
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot write to {store.path}: {exc}") from exc
    return Changes(keys, plan.hospital is not None)


def audit_key(key: Any) -> str:
    """A record's key as the audit history stores it."""
    return key if isinstance(key, str) else json.dumps(key, ensure_ascii=False, default=str)


def _as_json(section: str, item: Any) -> dict[str, Any]:
    """A record as the plan file writes it (what the history shows)."""
    if section == "hospital":
        return plan_to_document(Plan(hospital=item))["hospital"]
    return plan_to_document(Plan(**{section: {key_of(section, item): item}}))[section][0]  # type: ignore[arg-type]


def _audit(store: Store, section: str, before: Any, after: Mapping[Any, Any]) -> None:
    """History entries for the records written (None: deleted), where anything changed."""
    at = datetime.now().replace(microsecond=0)
    entries = []
    for key, item in after.items():
        old = before.get(key)
        a = _as_json(section, old) if old is not None else None
        b = _as_json(section, item) if item is not None else None
        if a != b:
            entries.append(AuditEntry(at, store.user, section, audit_key(key), a, b))
    if entries:
        write_audit(store, entries)


def _audit_setting(store: Store, name: str, value: Any) -> None:
    old = get_setting(store, name)
    set_setting(store, name, value)
    if old != value:
        at = datetime.now().replace(microsecond=0)
        write_audit(store, [AuditEntry(at, store.user, "settings", name, {"value": old}, {"value": value})])


def _bank(store: Store, records: list[tuple[tuple[str, date], Record | None]]) -> None:
    """Bring the time bank in line with records just written (None: deleted), in the same
    transaction: correction entries for every difference, nothing rewritten."""
    before = credited(store, [k for k, _r in records])
    entries = ledger_changes(before, records, datetime.now().replace(microsecond=0), store.user)
    if entries:
        write_ledger(store, entries)


def import_document(
    store: Store, data: str | bytes, progress: Callable[[int, int], bool] | None = None
) -> Changes:
    """Read a plan file's text against what the store holds and import it, all or nothing.
    Raises PlanError with every problem; the store is then untouched."""
    step = progress or (lambda done, total: True)
    step(0, 3)
    base = load_plan(store)
    if not step(1, 3):
        raise OperationError("cancelled, nothing was imported")
    parsed = parse_document(data, base)
    if not step(2, 3):
        raise OperationError("cancelled, nothing was imported")
    changes = import_plan(store, parsed.plan)
    step(3, 3)
    return changes


def import_records(store: Store, data: str | bytes) -> Changes:
    """Completion records from a plan file's `records` section, all or nothing. A file with other
    sections, or a record that cannot be saved (a cancellation without reason, negative counts),
    raises PlanError listing every problem; the store is then untouched."""
    base = load_plan(store)
    parsed = parse_document(data, base)
    plan = parsed.plan
    others = [name for name in SECTIONS if name != "records" and getattr(plan, name)]
    problems = []
    if others or plan.hospital is not None:
        found = ", ".join(others + (["hospital"] if plan.hospital is not None else []))
        problems.append(
            Problem("$", found, "a records file holds only the records section (use import for the rest)")
        )
    for key, rec in plan.records.items():
        at = parsed.paths[("records", key)]
        for where, reason in record_problems(rec, base):
            problems.append(Problem(f"{at}.{where}", None, reason))
    if problems:
        raise PlanError(problems)
    return import_plan(store, Plan(records=plan.records))


def save(store: Store, section: str, items: Iterable[Any]) -> Changes:
    """Add or update records of one section."""
    items = list(items)
    plan = Plan()
    target = getattr(plan, section)
    for item in items:
        target[key_of(section, item)] = item
    return import_plan(store, plan)


def apply(
    store: Store,
    saves: Mapping[str, Iterable[Any]] | None = None,
    deletes: Mapping[str, Iterable[Any]] | None = None,
) -> Changes:
    """Delete and save records of several sections as one step (a split series, a scheduled
    request): all or nothing. Deletes go first; nothing is refused for being referred to,
    since the same step may save what takes the deleted record's place."""
    keys: dict[str, frozenset[Any]] = {}
    try:
        with store.atomic():
            for section, gone in (deletes or {}).items():
                gone = list(gone)
                if gone:
                    before = LOADERS[section](store)
                    delete_rows(store, section, gone)
                    _audit(store, section, before, dict.fromkeys(gone))
                    if section == "records":
                        _bank(store, [(k, None) for k in gone])
                    keys[section] = keys.get(section, frozenset()) | frozenset(gone)
            for section, items in (saves or {}).items():
                items = list(items)
                if items:
                    before = LOADERS[section](store)
                    WRITERS[section](store, items)
                    _audit(store, section, before, {key_of(section, i): i for i in items})
                    if section == "records":
                        _bank(store, [(i.key, i) for i in items])
                    keys[section] = keys.get(section, frozenset()) | frozenset(
                        key_of(section, i) for i in items
                    )
    except sqlite3.IntegrityError as exc:
        raise _integrity(exc) from exc
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot write to {store.path}: {exc}") from exc
    return Changes(keys)


def response_times(store: Store) -> ResponseTimes:
    value = get_setting(store, "response_times", None)
    if not value:
        return ResponseTimes()
    return ResponseTimes(timedelta(hours=value["urgent_hours"]), timedelta(hours=value["normal_hours"]))


def save_response_times(store: Store, times: ResponseTimes) -> Changes:
    value = {
        "urgent_hours": times.urgent.total_seconds() / 3600,
        "normal_hours": times.normal.total_seconds() / 3600,
    }
    with store.atomic():
        _audit_setting(store, "response_times", value)
    return Changes(hospital=True)


def solver_settings(store: Store) -> SolverSettings:
    """The solver's settings (weights of the soft rules, time limit, the cap's hardness)."""
    value = get_setting(store, "solver", None)
    if not value:
        return SolverSettings()
    known = set(Weights.__slots__)
    weights = Weights(**{k: int(v) for k, v in value.get("weights", {}).items() if k in known})
    return SolverSettings(
        weights=weights,
        time_limit=float(value.get("time_limit", SolverSettings().time_limit)),
        cap_is_hard=bool(value.get("cap_is_hard", True)),
    )


def save_solver_settings(store: Store, settings: SolverSettings) -> Changes:
    value = {
        "weights": settings.weights.as_dict(),
        "time_limit": settings.time_limit,
        "cap_is_hard": settings.cap_is_hard,
    }
    with store.atomic():
        _audit_setting(store, "solver", value)
    return Changes(hospital=True)


def backup_keep(store: Store) -> int:
    """How many backups to keep (a setting; default 10)."""
    return int(get_setting(store, "backup_keep", 10))


def save_backup_keep(store: Store, keep: int) -> Changes:
    if keep < 1:
        raise OperationError("keep at least one backup")
    with store.atomic():
        _audit_setting(store, "backup_keep", keep)
    return Changes(hospital=True)


def acknowledge(store: Store, key: str, kind: str, reason: str, by: str | None, at: str) -> Changes:
    """Accept a warning with a reason, so that it is shown as looked at."""
    if not reason.strip():
        raise OperationError("an acknowledgement needs a reason")
    with store.atomic():
        _audit_ack(store, key, {"kind": kind, "reason": reason.strip(), "by": by})
        store.conn.execute(
            "INSERT INTO acknowledgements (key, kind, reason, by, at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET reason = excluded.reason, by = excluded.by, at = excluded.at",
            (key, kind, reason.strip(), by, at),
        )
    return Changes.of("acknowledgements", key)


def withdraw_acknowledgement(store: Store, key: str) -> Changes:
    with store.atomic():
        _audit_ack(store, key, None)
        store.conn.execute("DELETE FROM acknowledgements WHERE key = ?", (key,))
    return Changes.of("acknowledgements", key)


def _audit_ack(store: Store, key: str, new: dict[str, Any] | None) -> None:
    row = store.conn.execute("SELECT kind, reason, by FROM acknowledgements WHERE key = ?", (key,)).fetchone()
    old = {"kind": row[0], "reason": row[1], "by": row[2]} if row else None
    if old != new:
        at = datetime.now().replace(microsecond=0)
        write_audit(store, [AuditEntry(at, store.user, "acknowledgements", key, old, new)])


def save_hospital(store: Store, hospital: Hospital) -> Changes:
    return import_plan(store, Plan(hospital=hospital))


# Child tables whose rows belong to a record of another section: a reference from one of
# these is shown as a reference from its owner.
_OWNERS: dict[str, tuple[str, str]] = {
    "branch_departments": ("branches", "branch"),
    "service_needs": ("services", "service"),
    "station_needs": ("activities", "activity"),
    "rotations": ("activities", "activity"),
    "assignments": ("activities", "activity"),
    "record_attendance": ("activities", "activity"),
    "staff_qualifications": ("staff", "staff"),
}
_LABELS = {
    "campuses": "name",
    "departments": "name",
    "branches": "name",
    "staff": "name",
    "partners": "name",
    "pairings": "id",
    "services": "name",
    "requests": "id",
    "activities": "title",
}
_TABLE_SECTION = {table: section for section, (table, _cols) in TABLES.items()}


def referrers(store: Store, section: str, key: Any) -> list[Referrer]:
    """The records that would lose their target if this one went (owned children excluded)."""
    table, cols = TABLES[section]
    if len(cols) != 1:
        return []
    found: dict[tuple[str, Any], Referrer] = {}
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for child in tables:
        for fk in store.conn.execute(f'PRAGMA foreign_key_list("{child}")').fetchall():
            # id, seq, table, from, to, on_update, on_delete, match
            if fk[2] != table or fk[6] == "CASCADE":
                continue
            owner = _OWNERS.get(child)
            if owner is not None:
                o_section, o_col = owner
                o_table = TABLES[o_section][0]
                label = _LABELS.get(o_section, "id")
                sql = (
                    f'SELECT DISTINCT o.id, o."{label}" FROM "{child}" c JOIN "{o_table}" o '
                    f'ON o.id = c."{o_col}" WHERE c."{fk[3]}" = ?'
                )
                rows = store.conn.execute(sql, key_params(key)).fetchall()
                for r in rows:
                    found[(o_section, r[0])] = Referrer(o_section, r[0], str(r[1]))
                continue
            c_section = _TABLE_SECTION.get(child, child)
            label = _LABELS.get(c_section, "id")
            sql = f'SELECT id, "{label}" FROM "{child}" WHERE "{fk[3]}" = ?'
            for r in store.conn.execute(sql, key_params(key)).fetchall():
                found[(c_section, r[0])] = Referrer(c_section, r[0], str(r[1]))
    found.pop((section, key), None)
    return sorted(found.values(), key=lambda r: (r.section, str(r.key)))


def delete(store: Store, section: str, keys: Iterable[Any]) -> Changes:
    """Delete records; refused, naming what refers to them, while anything still does."""
    keys = list(keys)
    for key in keys:
        refs = [r for r in referrers(store, section, key) if not (r.section == section and r.key in keys)]
        if refs:
            raise StillReferenced(section, key, refs)
    try:
        with store.atomic():
            before = LOADERS[section](store)
            delete_rows(store, section, keys)
            _audit(store, section, before, dict.fromkeys(keys))
    except sqlite3.IntegrityError as exc:
        raise _integrity(exc) from exc
    return Changes({section: frozenset(keys)})


def database_hash(store: Store, skip: Iterable[str] = ()) -> str:
    """A digest of every row of every table (but those in `skip`): equal hashes, equal contents."""
    h = hashlib.sha256()
    tables = [
        r[0]
        for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if r[0] not in skip
    ]
    for t in tables:
        h.update(t.encode())
        for row in store.conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2'):
            h.update(repr(row).encode())
    h.update(str(store.conn.execute("PRAGMA user_version").fetchone()[0]).encode())
    return h.hexdigest()
