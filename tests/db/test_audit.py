"""The audit history: every change through the operations, with old and new values, when and
by whom; nothing for a change that changes nothing; append-only."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from db.audit import audit_key
from db.operations import (
    acknowledge,
    apply,
    delete,
    import_document,
    save,
    save_response_times,
)
from db.planio import load_audit, load_plan
from db.store import Store
from scheduler.office.requests import ResponseTimes
from scheduler.plan.history import changed_fields
from scheduler.plan.model import Staff
from tests.helpers import sample_text


def test_history_of_a_record_create_change_delete(store: Store) -> None:
    store.user = "王老师"
    import_document(store, sample_text())
    import_document(store, sample_text())  # the same again: no history, nothing changed
    assert [e.action for e in load_audit(store, "staff", "s002")] == ["created"]
    s = load_plan(store).staff["s002"]
    save(
        store,
        "staff",
        [Staff(**{**{f: getattr(s, f) for f in s.__slots__}, "phone": "13900000000", "title": "护师"})],
    )
    [_, change] = load_audit(store, "staff", "s002")
    assert change.action == "changed" and change.by == "王老师"
    assert {f for f, _a, _b in changed_fields(change.old, change.new)} == {"phone", "title"}
    save(store, "staff", [Staff("s900", "新人", "ortho")])
    delete(store, "staff", ["s900"])
    assert [e.action for e in load_audit(store, "staff", "s900")] == ["created", "deleted"]
    assert load_audit(store, "staff", "s900")[-1].old["name"] == "新人"


def test_history_covers_assignments_settings_and_acknowledgements(store: Store) -> None:
    import_document(store, sample_text())
    plan = load_plan(store)
    x = next(iter(plan.assignments.values()))
    apply(store, deletes={"assignments": [x.key]})
    assert load_audit(store, "assignments", audit_key(x.key))[-1].action == "deleted"
    save_response_times(store, ResponseTimes())
    save_response_times(store, ResponseTimes())  # the same again: nothing changed
    save_response_times(store, ResponseTimes(urgent=timedelta(hours=12)))
    [first, entry] = load_audit(store, "settings", "response_times")
    assert (
        first.old == {"value": None}
        and entry.old["value"]["urgent_hours"] == 24
        and entry.new["value"]["urgent_hours"] == 12
    )
    acknowledge(store, "k1", "holiday", "社区同意", "王", "2026-12-01T08:00")
    assert load_audit(store, "acknowledgements", "k1")[0].new["reason"] == "社区同意"


def test_history_is_append_only(store: Store) -> None:
    import_document(store, sample_text())
    with pytest.raises(sqlite3.DatabaseError):
        store.conn.execute("UPDATE audit SET by = 'x'")
    with pytest.raises(sqlite3.DatabaseError):
        store.conn.execute("DELETE FROM audit")
