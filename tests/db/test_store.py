"""The store on real SQLite files: schema, migrations, round trip, idempotence, deletes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from db.operations import (
    Changes,
    OperationError,
    StillReferenced,
    database_hash,
    delete,
    import_document,
    import_plan,
    referrers,
    save,
)
from db.planio import load_plan
from db.schema import MIGRATIONS, SCHEMA_VERSION
from db.store import Store, StoreError
from resources import demo_recipe
from scheduler.demo import build_demo
from scheduler.model import Department, Staff
from scheduler.planfile import dump_document, parse_document, plan_to_document
from tests.helpers import sample_text


def test_connection_settings(store: Store) -> None:
    c = store.conn
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)


def test_migration_from_version_1_keeps_data(db_path) -> None:
    # A database as the first version of the app wrote it, rows put in with that schema's SQL.
    old = Store(db_path, migrate=False)
    old.migrate(up_to=1)
    old.conn.executescript(
        """
        INSERT INTO departments (id, name, min_on_duty) VALUES ('ortho', '骨伤科', 3);
        INSERT INTO staff (id, name, department, party_member, active) VALUES ('s1', '金伟', 'ortho', 1, 1);
        INSERT INTO staff_qualifications (staff, qualification, pos) VALUES ('s1', 'physician', 0);
        INSERT INTO activities (id, title, kind, start, "end", rrule, status)
            VALUES ('a1', '中医夜市', 'night_market', '2026-12-03T18:00', '2026-12-03T21:00',
                    'FREQ=WEEKLY;COUNT=3', 'planned');
        INSERT INTO assignments (activity, occurrence, staff, role) VALUES ('a1', '2026-12-10', 's1', 'lead');
        """
    )
    assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    new = Store(db_path)
    assert new.version == SCHEMA_VERSION
    indexes = {r[0] for r in new.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "assignments_staff" in indexes
    plan = load_plan(new)
    assert plan.staff["s1"].qualifications == ("physician",) and plan.staff["s1"].party_member
    assert plan.activities["a1"].holiday_policy == "keep"
    assert plan.activities["a1"].rrule == "FREQ=WEEKLY;COUNT=3"
    assert len(plan.assignments) == 1
    new.close()


def test_newer_schema_is_refused(db_path) -> None:
    s = Store(db_path)
    s.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    s.close()
    with pytest.raises(StoreError, match="newer version"):
        Store(db_path)


def test_damaged_file_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "junk.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable database"):
        Store(bad)


def test_round_trip_and_idempotence(tmp_path) -> None:
    plan = parse_document(sample_text()).plan
    with Store(tmp_path / "a.sqlite3") as a:
        import_plan(a, plan)
        first = dump_document(plan_to_document(load_plan(a)))
        h1 = database_hash(a)
        import_plan(a, parse_document(first).plan)  # twice = once
        assert database_hash(a) == h1
    with Store(tmp_path / "b.sqlite3") as b:
        import_plan(b, parse_document(first).plan)
        assert dump_document(plan_to_document(load_plan(b))) == first


def test_demo_hospital_round_trip(tmp_path) -> None:
    plan = build_demo(demo_recipe(), "small", 3, 2026)
    with Store(tmp_path / "a.sqlite3") as a:
        import_plan(a, plan)
        text = dump_document(plan_to_document(load_plan(a)))
    assert text == dump_document(plan_to_document(plan))


def test_import_updates_by_id_and_replaces_nested_lists(store: Store) -> None:
    import_plan(store, parse_document(sample_text()).plan)
    base = load_plan(store)
    doc = (
        '{"format": "outreach-plan", "version": 1, "staff": [{"id": "s003", "name": "王强", '
        '"department": "acu", "qualifications": ["massage"]}]}'
    )
    changes = import_plan(store, parse_document(doc, base).plan)
    assert changes.keys == {"staff": frozenset({"s003"})}
    got = load_plan(store).staff["s003"]
    assert got.qualifications == ("massage",) and got.extra == {}
    assert len(load_plan(store).staff) == 3


def test_failed_write_leaves_database_unchanged(store: Store) -> None:
    import_plan(store, parse_document(sample_text()).plan)
    before = database_hash(store)
    # A staff member naming a department that does not exist: the deferred key fails at commit.
    with pytest.raises(OperationError):
        save(store, "staff", [Staff("s100", "新人", "nowhere")])
    assert database_hash(store) == before


def test_delete_refused_while_referenced(store: Store) -> None:
    import_plan(store, parse_document(sample_text()).plan)
    refs = referrers(store, "departments", "ortho")
    sections = {(r.section, r.key) for r in refs}
    assert ("staff", "s001") in sections and ("branches", "b-ortho") in sections
    assert ("services", "sports-injury") in sections and ("activities", "a1") in sections
    before = database_hash(store)
    with pytest.raises(StillReferenced) as info:
        delete(store, "departments", ["ortho"])
    assert info.value.referrers == refs
    assert database_hash(store) == before


def test_delete_and_restore(store: Store) -> None:
    save(store, "departments", [Department("x", "新科室", None, 2)])
    changes = delete(store, "departments", ["x"])
    assert changes == Changes.of("departments", "x")
    assert "x" not in load_plan(store).departments


def test_two_connections_wait_instead_of_failing(db_path) -> None:
    a = Store(db_path)
    b = Store(db_path)
    with a.atomic():
        save(a, "departments", [Department("d1", "一科")])
    save(b, "departments", [Department("d2", "二科")])
    assert set(load_plan(a).departments) == {"d1", "d2"}
    a.close()
    b.close()


def test_check_constraints_guard_the_rows(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO departments (id, name, min_on_duty) VALUES ('z', 'z', -1)")


def test_every_bad_document_leaves_database_byte_for_byte_unchanged(db_path) -> None:
    from scheduler.planfile import PlanError
    from tests.scheduler.test_planfile import BAD

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    before_bytes = None
    for _case, doc, _path in BAD:
        with Store(db_path) as s:
            s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            before = database_hash(s)
            before_bytes = db_path.read_bytes()
            with pytest.raises(PlanError):
                import_document(s, json.dumps(doc, ensure_ascii=False))
            assert database_hash(s) == before
            s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert db_path.read_bytes() == before_bytes
