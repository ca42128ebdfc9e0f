"""Loading a whole Plan, and the tables beside the plan sections: settings, audit, time bank."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial
from typing import Any

from db.sections import SECTION, _d, _dt, load_section
from db.store import Store
from scheduler.office.recording import LedgerEntry
from scheduler.plan.history import AuditEntry
from scheduler.plan.model import SECTIONS, Hospital, Plan, Record, Staff


def _rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    return store.conn.execute(sql, tuple(params)).fetchall()


# ---------------------------------------------------------------- loading


def load_hospital(store: Store) -> Hospital | None:
    row = store.conn.execute("SELECT value FROM settings WHERE key = 'hospital'").fetchone()
    if row is None:
        return None
    h = json.loads(row[0])
    return Hospital(h["name"], h["timezone"], tuple(h["clinical_hours"]), h.get("extra") or {})


def revision(store: Store) -> int:
    """The write core's counter: raised by every change, so a reader can tell whether the
    plan it read is still the one in the database."""
    return int(store.conn.execute("SELECT n FROM revision").fetchone()[0])


def bump_revision(store: Store) -> None:
    store.conn.execute("UPDATE revision SET n = n + 1")


def is_empty(store: Store) -> bool:
    """Nothing entered yet: no hospital settings and no departments."""
    row = store.conn.execute("SELECT count(*) FROM departments").fetchone()
    return row[0] == 0 and load_hospital(store) is None


def load_plan(store: Store) -> Plan:
    """Everything the database holds, as one Plan."""
    plan = Plan(hospital=load_hospital(store))
    row = store.conn.execute("SELECT value FROM settings WHERE key = 'plan_extra'").fetchone()
    plan.extra = json.loads(row[0]) if row else {}
    for name in SECTIONS:
        setattr(plan, name, load_section(store, name))
    return plan


# ---------------------------------------------------------------- writing


def write_hospital(store: Store, hospital: Hospital) -> None:
    value = {
        "name": hospital.name,
        "timezone": hospital.timezone,
        "clinical_hours": list(hospital.clinical_hours),
        "extra": hospital.extra,
    }
    set_setting(store, "hospital", value)


def set_setting(store: Store, key: str, value: Any) -> None:
    store.conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def write_acknowledgement(store: Store, key: str, ack: Any) -> None:
    """Store an acknowledgement (kind, reason, by, at), or remove it when `ack` is None."""
    if ack is None:
        store.conn.execute("DELETE FROM acknowledgements WHERE key = ?", (key,))
        return
    store.conn.execute(
        "INSERT INTO acknowledgements (key, kind, reason, by, at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, "
        "by = excluded.by, at = excluded.at",
        (key, ack.kind, ack.reason, ack.by, ack.at),
    )


def load_acknowledgements(store: Store) -> dict[str, tuple[str, str | None, str]]:
    """Acknowledged warnings: conflict key -> (reason, by whom, when)."""
    return {
        r[0]: (r[1], r[2], r[3]) for r in _rows(store, "SELECT key, reason, by, at FROM acknowledgements")
    }


# Loaders of single sections, for screens that refresh one section at a time.
LOADERS: dict[str, Callable[[Store], dict[Any, Any]]] = {
    **{name: partial(load_section, name=name) for name in SECTION},
    "acknowledgements": load_acknowledgements,
}


def load_staff(store: Store) -> dict[str, Staff]:
    return load_section(store, "staff")


def load_records(store: Store) -> dict[tuple[str, date], Record]:
    return load_section(store, "records")


def load_ledger(store: Store, staff: str | None = None) -> list[LedgerEntry]:
    """The time bank in the order it was written (of one person, or everyone)."""
    sql = "SELECT staff, activity, occurrence, hours, at, kind, by FROM time_bank"
    args: tuple = ()
    if staff is not None:
        sql += " WHERE staff = ?"
        args = (staff,)
    return [
        LedgerEntry(r[0], r[1], date.fromisoformat(r[2]), r[3], datetime.fromisoformat(r[4]), r[5], r[6])
        for r in _rows(store, sql + " ORDER BY id", args)
    ]


def credited(store: Store, occurrences: Iterable[tuple[str, date]]) -> dict[tuple[str, str, date], float]:
    """The ledger's sum per (staff, activity, occurrence) for the occurrences given."""
    out: dict[tuple[str, str, date], float] = {}
    for activity, occurrence in set(occurrences):
        for r in _rows(
            store,
            "SELECT staff, sum(hours) FROM time_bank WHERE activity = ? AND occurrence = ? GROUP BY staff",
            (activity, _d(occurrence)),
        ):
            out[(r[0], activity, occurrence)] = r[1]
    return out


def write_ledger(store: Store, entries: Iterable[LedgerEntry]) -> None:
    store.conn.executemany(
        "INSERT INTO time_bank (staff, activity, occurrence, hours, at, kind, by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(e.staff, e.activity, _d(e.occurrence), e.hours, _dt(e.at), e.kind, e.by) for e in entries],
    )


def write_audit(store: Store, entries: Iterable[AuditEntry]) -> None:
    store.conn.executemany(
        "INSERT INTO audit (at, by, section, key, old, new) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                e.at.isoformat(timespec="seconds"),
                e.by,
                e.section,
                e.key,
                None if e.old is None else json.dumps(e.old, ensure_ascii=False, sort_keys=True),
                None if e.new is None else json.dumps(e.new, ensure_ascii=False, sort_keys=True),
            )
            for e in entries
        ],
    )


def load_audit(store: Store, section: str | None = None, key: str | None = None) -> list[AuditEntry]:
    """The history of one record (or a section, or everything), oldest first."""
    sql = "SELECT at, by, section, key, old, new FROM audit"
    where, args = [], []
    if section is not None:
        where.append("section = ?")
        args.append(section)
    if key is not None:
        where.append("key = ?")
        args.append(key)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [
        AuditEntry(
            datetime.fromisoformat(r[0]),
            r[1],
            r[2],
            r[3],
            None if r[4] is None else json.loads(r[4]),
            None if r[5] is None else json.loads(r[5]),
        )
        for r in _rows(store, sql + " ORDER BY id", args)
    ]
