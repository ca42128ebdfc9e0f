"""Recording and the volunteer time bank: the ledger follows the records by new entries only,
a bad records file changes nothing, and the totals per person and branch add up."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.operations import apply, database_hash, import_document, import_records
from db.planio import load_ledger, load_plan
from db.store import Store
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.held import held_occurrences
from scheduler.exchange.planfile.problems import PlanError
from scheduler.office.recording import branch_totals, credits, default_record, person_totals, record_problems
from scheduler.plan.model import Attendance, Plan, Record
from tests.helpers import sample_text

CAL = WorkCalendar(official_calendar())
DEC3 = date(2026, 12, 3)  # recorded in the sample already: s001, 3 h
DEC10 = date(2026, 12, 10)


def _records_file(*records: dict) -> str:
    return json.dumps({"format": "outreach-plan", "version": 1, "records": list(records)}, ensure_ascii=False)


@pytest.fixture
def filled(store: Store) -> Store:
    import_document(store, sample_text())
    store.user = "办公室"
    return store


def _sums(store: Store) -> dict:
    """The ledger's sum per (person, activity, occurrence), leaving out the sample's own record."""
    out: dict = {}
    for e in load_ledger(store):
        if e.occurrence == DEC3:
            continue
        out[(e.staff, e.activity, e.occurrence)] = round(
            out.get((e.staff, e.activity, e.occurrence), 0) + e.hours, 4
        )
    return {k: v for k, v in out.items() if v}


def test_default_record_is_the_plan() -> None:
    from scheduler.exchange.planfile.document import parse_document
    from tests.helpers import sample

    plan = parse_document(json.dumps(sample(), ensure_ascii=False)).plan
    b = next(x for x in held_occurrences(plan, CAL, None, None) if x.key == ("a1", DEC3))
    rec = default_record(b, recorded_by="x")
    assert rec.status == "done" and {a.staff for a in rec.attended} == b.people
    assert all(a.hours == 3.0 for a in rec.attended)  # 18:00–21:00
    assert record_problems(rec, plan) == []
    bad = Record("a1", DEC3, "cancelled", attended=(Attendance("nobody", 30),))
    fields = {f for f, _r in record_problems(bad, plan)}
    assert fields == {"reason", "attended.nobody"}


def test_ledger_credits_then_corrects_never_rewrites(filled: Store) -> None:
    import_records(
        filled,
        _records_file(
            {
                "activity": "a1",
                "occurrence": "2026-12-10",
                "attended": [{"staff": "s001", "hours": 3}, {"staff": "s003", "hours": 3}],
            }
        ),
    )
    import_records(
        filled,
        _records_file(
            {"activity": "a1", "occurrence": "2026-12-10", "attended": [{"staff": "s001", "hours": 2.5}]}
        ),
    )
    entries = [e for e in load_ledger(filled) if e.occurrence == DEC10]
    assert [(e.staff, e.hours, e.kind) for e in entries] == [
        ("s001", 3.0, "credit"),
        ("s003", 3.0, "credit"),
        ("s001", -0.5, "correction"),
        ("s003", -3.0, "correction"),
    ]
    assert all(e.by == "办公室" for e in entries)
    assert _sums(filled) == {("s001", "a1", DEC10): 2.5}
    # Called off: everything credited goes back, by new entries.
    import_records(
        filled,
        _records_file(
            {"activity": "a1", "occurrence": "2026-12-10", "status": "cancelled", "reason": "暴雨"}
        ),
    )
    assert _sums(filled) == {} and len([e for e in load_ledger(filled) if e.occurrence == DEC10]) == 5
    # The database itself refuses edits of old entries.
    with pytest.raises(sqlite3.DatabaseError):
        filled.conn.execute("UPDATE time_bank SET hours = 9")
    with pytest.raises(sqlite3.DatabaseError):
        filled.conn.execute("DELETE FROM time_bank")


def test_deleting_a_record_takes_its_hours_back(filled: Store) -> None:
    import_records(
        filled,
        _records_file(
            {"activity": "a1", "occurrence": "2026-12-10", "attended": [{"staff": "s001", "hours": 3}]}
        ),
    )
    apply(filled, deletes={"records": [("a1", DEC10)]})
    assert _sums(filled) == {} and [e.kind for e in load_ledger(filled) if e.occurrence == DEC10] == [
        "credit",
        "correction",
    ]


@pytest.mark.parametrize(
    "text",
    [
        _records_file({"activity": "a1", "occurrence": "2026-12-10", "status": "cancelled"}),  # no reason
        _records_file({"activity": "a1", "occurrence": "2026-12-04"}),  # not an occurrence
        _records_file({"activity": "a1", "occurrence": "2026-12-10", "served": -1}),
        _records_file(
            {"activity": "a1", "occurrence": "2026-12-10", "attended": [{"staff": "s001", "hours": 30}]}
        ),
        json.dumps(
            {
                "format": "outreach-plan",
                "version": 1,
                "records": [],
                "staff": [{"id": "x", "name": "x", "department": "ortho"}],
            }
        ),
        '{"format": "outreach-plan", "version": 1, "records": [',
    ],
)
def test_bad_records_file_changes_nothing(filled: Store, text: str) -> None:
    before = database_hash(filled)
    with pytest.raises(PlanError) as err:
        import_records(filled, text)
    assert err.value.problems and all(p.path.startswith("$") for p in err.value.problems)
    assert database_hash(filled) == before


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([0.5, 1.0, 2.0, 3.0, None]), min_size=3, max_size=3), min_size=1, max_size=6
    )
)
def test_ledger_sum_always_equals_the_current_record(tmp_path_factory, versions) -> None:
    """Any sequence of saves of one record (None: that person absent): the ledger's sum per
    person is what the last version says, and nothing is ever removed from it."""
    store = Store(tmp_path_factory.mktemp("tb") / "t.db")
    import_document(store, sample_text())
    people = ["s001", "s002", "s003"]
    written = 0
    for hours in versions:
        att = tuple(Attendance(p, h) for p, h in zip(people, hours, strict=True) if h is not None)
        apply(store, saves={"records": [Record("a1", DEC10, "done", attended=att)]})
        got = load_ledger(store)
        assert len(got) >= written
        written = len(got)
        expected = {(p, "a1", DEC10): h for p, h in zip(people, hours, strict=True) if h}
        assert _sums(store) == expected
    store.close()


def test_totals_per_person_and_branch(filled: Store) -> None:
    import_records(
        filled,
        _records_file(
            {
                "activity": "a1",
                "occurrence": "2026-12-10",
                "attended": [{"staff": "s001", "hours": 3}, {"staff": "s003", "hours": 2}],
            }
        ),
    )
    import_records(
        filled,
        _records_file(
            {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s001", "hours": 1.5}]}
        ),
    )
    entries = load_ledger(filled)
    assert person_totals(entries, 2026) == {"s001": {12: 7.5}, "s003": {12: 2.0}}  # with the sample's 3 h
    assert person_totals(entries, 2025) == {}
    plan: Plan = load_plan(filled)
    totals = branch_totals(entries, plan, 2026)
    assert totals == {"b-ortho": {12: 7.5}}  # s003 (acupuncture) belongs to no branch
    assert credits(None) == {}
