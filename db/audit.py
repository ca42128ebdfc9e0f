"""The audit history and the time bank, kept in step by the write core (db/operations.py) with
every record it writes: a history entry for each record that really changed, and the time bank's
correction entries for each record of an occurrence."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from db.planio import credited, write_audit, write_ledger
from db.store import Store
from scheduler.exchange.planfile.writer import plan_to_document
from scheduler.office.recording import ledger_changes
from scheduler.plan.history import AuditEntry
from scheduler.plan.model import Plan, Record, key_of


def audit_key(key: Any) -> str:
    """A record's key as the audit history stores it."""
    return key if isinstance(key, str) else json.dumps(key, ensure_ascii=False, default=str)


def as_json(section: str, item: Any) -> dict[str, Any]:
    """A record as the plan file writes it (what the history shows)."""
    if section == "hospital":
        return plan_to_document(Plan(hospital=item))["hospital"]
    return plan_to_document(Plan(**{section: {key_of(section, item): item}}))[section][0]  # type: ignore[arg-type]


def audit(store: Store, section: str, before: Mapping[Any, Any], after: Mapping[Any, Any]) -> frozenset[Any]:
    """History entries for the records written (None: deleted), where anything changed;
    returns the keys of those."""
    at = datetime.now().replace(microsecond=0)
    entries = []
    changed: set[Any] = set()
    for key, item in after.items():
        old = before.get(key)
        a = as_json(section, old) if old is not None else None
        b = as_json(section, item) if item is not None else None
        if a != b:
            entries.append(AuditEntry(at, store.user, section, audit_key(key), a, b))
            changed.add(key)
    if entries:
        write_audit(store, entries)
    return frozenset(changed)


def bank(store: Store, records: list[tuple[tuple[str, date], Record | None]]) -> None:
    """Bring the time bank in line with records just written (None: deleted), in the same
    transaction: correction entries for every difference, nothing rewritten."""
    before = credited(store, [k for k, _r in records])
    entries = ledger_changes(before, records, datetime.now().replace(microsecond=0), store.user)
    if entries:
        write_ledger(store, entries)
