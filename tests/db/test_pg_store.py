"""The store on PostgreSQL (a throwaway cluster of the test session, tests/pg.py): the schema made
from the same migrations, round trip and idempotence, the export byte-identical with SQLite's,
the write core's revision check across connections and processes, the append-only tables."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from db.operations import Stale, import_document, save
from db.pg_sql import pg_migration, pg_sql
from db.pg_store import PgStore
from db.planio import load_plan, revision
from db.schema import MIGRATIONS
from db.store import Store, StoreError
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo, demo_today
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from tests.helpers import sample_text

ROOT = Path(__file__).resolve().parents[2]


def _export(store: Store) -> str:
    return dump_document(plan_to_document(load_plan(store)))


def test_sql_spelling() -> None:
    assert pg_sql("SELECT a FROM t WHERE b = ? AND c LIKE '%?%'") == (
        "SELECT a FROM t WHERE b = %s AND c LIKE '%?%'"
    )
    assert (
        pg_sql("INSERT OR IGNORE INTO t (a) VALUES (?)")
        == "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"
    )


def test_migrations_translate_without_forward_references() -> None:
    for script in MIGRATIONS:
        for statement in pg_migration(script):
            if statement.startswith("CREATE TABLE"):
                assert "REFERENCES" not in statement and "INTEGER" not in statement
    first = pg_migration(MIGRATIONS[0])
    assert any(
        s.startswith("ALTER TABLE branches ADD FOREIGN KEY (secretary) REFERENCES staff(id)") for s in first
    )


def test_sample_round_trip_idempotent_and_identical_to_sqlite(pg_url: str, tmp_path: Path) -> None:
    with Store(tmp_path / "a.sqlite3") as lite:
        import_document(lite, sample_text())
        from_sqlite = _export(lite)
    with Store(pg_url) as pg:
        assert isinstance(pg, PgStore)
        changes = import_document(pg, from_sqlite)
        assert changes
        again = import_document(pg, from_sqlite)  # twice = once
        assert not again
        assert _export(pg) == from_sqlite


def test_demo_export_byte_identical_sqlite_to_server(pg_url: str, tmp_path: Path) -> None:
    """SQLite export -> PostgreSQL import -> export: the same bytes (the small demo: every section)."""
    plan = build_demo(
        demo_recipe(),
        "small",
        3,
        2026,
        demo_today(2026, date(2026, 12, 6)),
        WorkCalendar(official_calendar()),
    )
    with Store(tmp_path / "a.sqlite3") as lite:
        from db.operations import import_plan

        import_plan(lite, plan)
        text = _export(lite)
    with Store(pg_url) as pg:
        import_document(pg, text)
    with Store(pg_url, readonly=True) as pg:
        assert _export(pg) == text


def test_revision_check_holds_across_connections(pg_url: str) -> None:
    with Store(pg_url) as a:
        import_document(a, sample_text())
    a, b = Store(pg_url), Store(pg_url)
    try:
        seen = revision(a)
        staff = next(iter(load_plan(b).staff.values()))
        save(b, "staff", [replace(staff, name=staff.name + "乙")])
        with pytest.raises(Stale):
            save(a, "staff", [replace(staff, name=staff.name + "甲")], expect_revision=seen)
        assert load_plan(a).staff[staff.id].name == staff.name + "乙"  # nothing lost, nothing overwritten
    finally:
        a.close()
        b.close()


_WRITER = """
import sys
sys.path.insert(0, {root!r})
from dataclasses import replace
from db.operations import save, Stale
from db.planio import load_plan, revision
from db.store import Store
s = Store({url!r})
done = stale = 0
for i in range(15):
    v = revision(s)
    plan = load_plan(s)
    items = sorted(plan.staff.values(), key=lambda x: x.id)
    one = items[{k}]
    try:
        save(s, "staff", [replace(one, phone="{k}-" + str(i))], expect_revision=v)
        done += 1
    except Stale:
        stale += 1
print(done, stale)
"""


def test_two_processes_writing_at_once(pg_url: str) -> None:
    """Two processes save at once: every write either lands or is refused as stale; none is lost."""
    with Store(pg_url) as s:
        import_document(s, sample_text())
        before = revision(s)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER.format(root=str(ROOT), url=pg_url, k=k)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in (0, 1)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(tuple(int(x) for x in out.split()))
    done = sum(r[0] for r in results)
    assert done + sum(r[1] for r in results) == 30
    with Store(pg_url) as s:
        assert revision(s) == before + done  # every landed write is there, one revision each
        staff = sorted(load_plan(s).staff.values(), key=lambda x: x.id)
        assert staff[0].phone.startswith("0-") and staff[1].phone.startswith("1-")


def test_append_only_tables_refuse_update_and_delete_even_for_the_owner(pg_url: str) -> None:
    with Store(pg_url) as s:
        import_document(s, sample_text())
        for table in ("audit", "time_bank"):
            for statement in (f"UPDATE {table} SET by = 'x'", f"DELETE FROM {table}"):
                with pytest.raises(Exception, match="append-only"), s.atomic():
                    s.conn.execute(statement)


def test_unreachable_server_is_one_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        Store("postgresql://nobody@/nothing?host=/nonexistent-folder&port=1")


def test_delete_refused_while_referenced_and_hash_on_the_server(pg_url: str) -> None:
    """The write core's reference guard reads the catalogue: the server's answers in SQLite's shape."""
    from db.operations import StillReferenced, database_hash, delete

    with Store(pg_url) as s:
        import_document(s, sample_text())
        with pytest.raises(StillReferenced):
            delete(s, "departments", ["ortho"])
        first = database_hash(s, skip=("audit", "time_bank"))
        assert first == database_hash(s, skip=("audit", "time_bank"))


def test_another_connection_hears_a_change_within_two_seconds(pg_url: str) -> None:
    """LISTEN/NOTIFY: a commit on one connection reaches the watcher of another, not by polling."""
    import threading
    import time

    with Store(pg_url) as a:
        import_document(a, sample_text())
    heard = threading.Event()
    with Store(pg_url) as a, Store(pg_url) as b:
        assert isinstance(b, PgStore)
        watcher = b.watch(heard.set)
        try:
            staff = next(iter(load_plan(a).staff.values()))
            t0 = time.perf_counter()
            save(a, "staff", [replace(staff, phone="139")])
            assert heard.wait(2.0)
            assert time.perf_counter() - t0 < 2.0
        finally:
            watcher.stop()


def test_a_login_with_a_password(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without its password the server says so (the GUI then asks); PGPASSWORD or the password
    typed in the GUI (kept in memory only) opens it."""
    from cli.commands import run
    from db.pg import ServerPasswordNeeded, forget_password, remember_password
    from tests.pg import PASSWORD_LOGIN

    with Store(pg_url) as s:
        import_document(s, sample_text())
    monkeypatch.setenv("OUTREACH_NEW_PASSWORD", "s3cret")
    assert run(["server", "init", "--db", pg_url]) == 0
    assert run(["server", "user", "add", PASSWORD_LOGIN, "--role", "viewer", "--db", pg_url]) == 0
    url = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}@", 1)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(ServerPasswordNeeded):
        Store(url, readonly=True)
    remember_password(url, "wrong")
    with pytest.raises(ServerPasswordNeeded):
        Store(url, readonly=True)
    remember_password(url, "s3cret")
    with Store(url, readonly=True) as s:
        assert s.role == "viewer" and s.user == PASSWORD_LOGIN
    forget_password(url)
    monkeypatch.setenv("PGPASSWORD", "s3cret")
    with Store(url, readonly=True) as s:
        assert load_plan(s).staff


def test_a_server_database_of_another_application_is_refused(pg_url: str) -> None:
    import psycopg

    from db.store import ForeignDatabase

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(ForeignDatabase, match="invoices"):
        Store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:  # nothing was made beside it
        names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert names == ["invoices"]


def test_a_connection_the_server_dropped_is_made_again_between_transactions(pg_url: str) -> None:
    import psycopg

    with Store(pg_url) as s:
        import_document(s, sample_text())
        pid = s.conn.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert load_plan(s).staff  # read again on a new connection
        staff = next(iter(load_plan(s).staff.values()))
        save(s, "staff", [replace(staff, phone="137")])  # and written
        assert load_plan(s).staff[staff.id].phone == "137"


def test_the_watcher_listens_again_after_the_server_dropped_it(pg_url: str) -> None:
    import threading

    import psycopg

    with Store(pg_url) as a:
        import_document(a, sample_text())
    heard = threading.Event()
    with Store(pg_url) as a, Store(pg_url) as b:
        assert isinstance(b, PgStore)
        watcher = b.watch(heard.set)
        try:
            with psycopg.connect(pg_url, autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%%'"
                )
            assert heard.wait(5.0)  # it looked once on listening again
            heard.clear()
            staff = next(iter(load_plan(a).staff.values()))
            save(a, "staff", [replace(staff, phone="136")])
            assert heard.wait(2.0)
        finally:
            watcher.stop()
