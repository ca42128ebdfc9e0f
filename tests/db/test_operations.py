"""The one write core: every door (save, apply, delete, import, settings, acknowledgements) gives
the same validation, audit, time bank, request status, revision and precise Changes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from db import operations as ops
from db.planio import load_audit, load_ledger, load_plan, revision
from db.sections import SECTION, load_section
from db.store import Store, StoreError
from scheduler.office.requests import ResponseTimes
from scheduler.plan.model import SECTIONS, Attendance, Record, Staff
from tests.helpers import sample, sample_text

ROOT = Path(__file__).resolve().parents[2]
DEC10 = date(2026, 12, 10)


@pytest.fixture
def filled(store: Store) -> Store:
    doc = sample()
    doc["requests"][0]["status"] = "scheduled"
    doc["records"] = []
    import json

    ops.import_document(store, json.dumps(doc, ensure_ascii=False))
    store.user = "办公室"
    return store


def _record(day: date = DEC10, status: str = "done", hours: float = 3.0) -> Record:
    return Record("a1", day, status, served=50, attended=(Attendance("s001", hours),), recorded_by="王")


def test_a_record_saved_through_apply_marks_its_request_done(filled: Store) -> None:
    # The GUI's recording form saves through apply; the request answered by the activity is done.
    changes = ops.apply(filled, saves={"records": [_record()]})
    assert load_plan(filled).requests["r1"].status == "done"
    assert changes.keys["requests"] == {"r1"}
    assert changes.keys["records"] == {("a1", DEC10)}
    assert sum(e.hours for e in load_ledger(filled, "s001") if e.occurrence == DEC10) == 3.0


def test_a_record_for_a_day_the_activity_does_not_have_is_refused(filled: Store) -> None:
    before = ops.database_hash(filled)
    for day in (date(2026, 12, 4), date(2026, 12, 31)):  # not a Thursday; excluded
        with pytest.raises(ops.OperationError, match="no occurrence on that day"):
            ops.apply(filled, saves={"records": [_record(day)]})
    with pytest.raises(ops.OperationError, match="at most 24"):
        ops.save(filled, "records", [_record(hours=100_000)])
    assert ops.database_hash(filled) == before


def test_deleting_a_record_takes_its_hours_back_and_is_audited(filled: Store) -> None:
    ops.save(filled, "records", [_record()])
    changes = ops.delete(filled, "records", [("a1", DEC10)])
    assert changes.keys == {"records": frozenset({("a1", DEC10)})}
    assert sum(e.hours for e in load_ledger(filled, "s001") if e.occurrence == DEC10) == 0
    history = load_audit(filled, "records")
    assert history[-1].new is None and history[-1].old["served"] == 50


def test_delete_refuses_while_referred_to_and_changes_nothing(filled: Store) -> None:
    before = ops.database_hash(filled)
    with pytest.raises(ops.StillReferenced) as caught:
        ops.delete(filled, "departments", ["ortho"])
    assert {r.section for r in caught.value.referrers} >= {"staff", "branches"}
    assert ops.database_hash(filled) == before


def test_a_locked_database_is_a_store_error_for_every_door(filled: Store, db_path: Path) -> None:
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    filled.conn.execute("PRAGMA busy_timeout = 50")
    try:
        staff = load_plan(filled).staff["s003"]
        for step in (
            lambda: ops.save(filled, "staff", [replace(staff, phone="13900000000")]),
            lambda: ops.delete(filled, "calendar", [date(2027, 1, 1)]),
            lambda: ops.save_backup_keep(filled, 3),
        ):
            with pytest.raises(StoreError):
                step()
    finally:
        other.rollback()
        other.close()


def test_changes_say_what_really_changed(filled: Store) -> None:
    staff = load_plan(filled).staff["s003"]
    assert not ops.save(filled, "staff", [staff])  # saved as it was: nothing changed
    changes = ops.save(filled, "staff", [replace(staff, volunteer_no="V-1003")])
    assert changes.keys == {"staff": frozenset({"s003"})} and changes.needs_recheck
    keep = ops.save_backup_keep(filled, 4)
    assert keep.settings == {"backup_keep"} and not keep.hospital and not keep.needs_recheck
    from datetime import timedelta

    times = ops.save_response_times(filled, ResponseTimes(timedelta(hours=12), timedelta(days=7)))
    assert times.settings == {"response_times"} and times.needs_recheck
    assert not ops.save_response_times(filled, ResponseTimes(timedelta(hours=12), timedelta(days=7)))
    ack = ops.acknowledge(filled, "k1", "holiday", " looked at ", "王", "2026-11-25T10:00")
    assert ack.keys == {"acknowledgements": frozenset({"k1"})} and not ack.needs_recheck
    assert not ops.acknowledge(filled, "k1", "holiday", "looked at", "王", "2026-11-25T10:00")


def test_the_revision_rises_with_every_change_and_never_for_none(filled: Store) -> None:
    r0 = revision(filled)
    ops.import_document(filled, sample_text())  # partly the same, the sample's record is new
    r1 = revision(filled)
    assert r1 == r0 + 1
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document

    ops.import_document(filled, dump_document(plan_to_document(load_plan(filled))))  # all the same
    assert revision(filled) == r1
    ops.save_backup_keep(filled, 2)
    assert revision(filled) == r1 + 1


def test_a_save_onto_a_plan_changed_meanwhile_is_refused_whole(filled: Store, db_path: Path) -> None:
    seen = revision(filled)
    with Store(db_path) as other:  # someone else commits meanwhile
        s = load_plan(other).staff["s003"]
        ops.save(other, "staff", [replace(s, phone="13911112222")])
    before = ops.database_hash(filled)
    a = load_plan(filled).assignments
    new = replace(next(iter(a.values())), staff="s002", role="member")
    with pytest.raises(ops.Stale):
        ops.save(filled, "assignments", [new], expect_revision=seen)
    assert ops.database_hash(filled) == before
    assert ops.save(filled, "assignments", [new], expect_revision=revision(filled))


def test_volunteer_number_round_trips_through_every_section_reader(filled: Store) -> None:
    s = load_plan(filled).staff["s001"]
    ops.save(filled, "staff", [replace(s, volunteer_no="43020019880001")])
    assert load_section(filled, "staff", ["s001"])["s001"].volunteer_no == "43020019880001"
    from scheduler.exchange.planfile.document import parse_document
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document

    text = dump_document(plan_to_document(load_plan(filled)))
    assert parse_document(text).plan.staff["s001"].volunteer_no == "43020019880001"


def test_sections_load_by_key_as_they_load_whole(filled: Store) -> None:
    plan = load_plan(filled)
    for name in SECTIONS:
        whole = getattr(plan, name)
        some = list(whole)[:2]
        assert load_section(filled, name, some) == {k: whole[k] for k in some}, name
        assert load_section(filled, name) == whole, name
    assert set(SECTION) == set(SECTIONS)


def test_a_new_staff_field_needs_only_the_dataclass_and_a_column(filled: Store) -> None:
    # Every stored field of Staff comes from the dataclass: the row has a column per field.
    row = SECTION["staff"].shape.to_row(Staff("x", "X", "ortho", volunteer_no="V"))
    assert row["volunteer_no"] == "V" and "qualifications" not in row
    columns = {r[1] for r in filled.conn.execute("PRAGMA table_info(staff)")}
    assert set(row) <= columns


def test_an_assign_overtaken_by_another_solves_again_and_never_double_books(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two assign runs at once: the second to finish finds the plan changed under it, solves
    again from what is there now, and saves nothing twice. Made deterministic by letting the
    other run commit from inside the first one's progress callback."""
    import json

    from cli import assign, commands
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo

    db = tmp_path / "demo.sqlite3"
    with Store(db) as s:  # a year with nobody assigned yet: October is all open places
        ops.import_plan(s, build_demo(demo_recipe(), "small", 3, 2026, staffed=False))
    window = ["--from", "2026-10-01", "--to", "2026-10-31", "--db", str(db)]
    real = assign.Progress
    overtaken: list[int] = []

    class Overtaken(real):  # type: ignore[misc, valid-type]
        def __call__(self, done: int, total: int) -> bool:
            if not overtaken:
                overtaken.append(-1)  # the other run's own progress must not start a third
                overtaken[0] = commands.run(["assign", *window, "--method", "greedy"])
            return super().__call__(done, total)

    monkeypatch.setattr(assign, "Progress", Overtaken)
    assert commands.run(["assign", *window, "--method", "solver", "--time-limit", "2", "--json"]) in (0, 1)
    assert overtaken == [0]
    monkeypatch.setattr(assign, "Progress", real)
    with Store(db) as s:
        plan = load_plan(s)
    over = []
    for aid, activity in plan.activities.items():
        for st in activity.stations:
            people: dict = {}
            for a in plan.assignments.values():
                if a.activity == aid and a.station == st.id and a.occurrence:
                    people.setdefault(a.occurrence, set()).add(a.staff)
            over += [
                (aid, day, st.id) for day, p in people.items() if len(p) > sum(n.count for n in st.needs)
            ]
    assert over == []
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", *window, "--json"], capture_output=True, text=True
    )
    assert not [c for c in json.loads(out.stdout)["conflicts"] if c["kind"] == "staff_double_booked"]
