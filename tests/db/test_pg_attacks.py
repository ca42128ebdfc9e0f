"""The office server attacked as a login would: a recorder or viewer reaching past its rights with
plain SQL (psycopg, as that login), hostile login names, passwords in connection strings. Each
test failed before its fix (review R4 of issue 24)."""

from __future__ import annotations

import json
import os

import pytest

from cli.commands import run
from db.pg import connect, shown_url, split_password
from db.store import Store, StoreError
from tests.helpers import sample_text

psycopg = pytest.importorskip("psycopg")


def _as(url: str, login: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://{login}@", 1)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A plan with a1 organized by b-ortho and a2 by b-other; rec_x records for b-ortho."""
    from db.pg_server import add_login
    from tests.pg import cluster

    url = cluster().new_database()
    doc = json.loads(sample_text())
    doc["branches"].append({"id": "b-other", "name": "其他支部"})
    a2 = {k: v for k, v in doc["activities"][0].items() if k not in ("rrule", "rotation", "exdates", "moved")}
    a2.update(id="a2", title="义诊", organizer="b-other", start="2026-12-04T18:00", end="2026-12-04T21:00")
    doc["activities"].append(a2)
    tmp = tmp_path_factory.mktemp("attacks")
    plan = tmp / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run(["server", "init", "--db", url]) == 0
    assert run(["import", str(plan), "--db", url]) == 0
    pkg = ["field", "export", "--from", "2026-12-01", "--to", "2026-12-31", "-o", str(tmp / "f.json")]
    assert run([*pkg, "--db", url]) == 0  # the field-package secret made
    with Store(url) as s:
        add_login(s, "rec_x", "recorder", ["b-ortho"], None)
        add_login(s, "plan_x", "planner", [], None)
        add_login(s, "view_x", "viewer", [], None)
    return url


def _refused(url: str, login: str, *statements: str) -> str:
    """Run the statements in one transaction as the login: the server's refusal (or '')."""
    with psycopg.connect(_as(url, login), autocommit=True) as conn:
        try:
            with conn.transaction():
                for statement in statements:
                    conn.execute(statement)
        except psycopg.Error as exc:
            return str(exc)
    return ""


def test_a_temporary_table_does_not_widen_a_recorders_branches(office: str) -> None:
    """Row-level security's condition reads login_branches; a temporary table of that name (any
    login may make one, and it is found first) named another branch: the record went in."""
    shadow = (
        "CREATE TEMP TABLE login_branches (login text, branch text)",
        "INSERT INTO login_branches VALUES (current_user, 'b-other')",
    )
    said = _refused(
        office,
        "rec_x",
        *shadow,
        "INSERT INTO records (activity, occurrence, status) VALUES ('a2', '2026-12-04', 'done')",
    )
    assert "row-level security" in said
    with Store(office) as s:
        assert s.conn.execute("SELECT count(*) FROM records WHERE activity = 'a2'").fetchone() == (0,)
    # and the recorder's own branch still records
    assert not _refused(office, "rec_x", "UPDATE records SET notes = 'ok' WHERE activity = 'a1'")


def test_another_branchs_record_cannot_be_reached(office: str) -> None:
    with Store(office) as s, s.atomic():
        s.conn.execute(
            "INSERT INTO records (activity, occurrence, status) VALUES ('a2', '2026-12-04', 'done')"
        )
    assert "row-level security" in _refused(
        office, "rec_x", "UPDATE records SET activity = 'a2' WHERE activity = 'a1'"
    )
    for statement in (
        "DELETE FROM records WHERE activity = 'a2'",
        "UPDATE records SET notes = 'x' WHERE activity = 'a2'",
    ):
        assert not _refused(office, "rec_x", statement)  # sees no such row: nothing done
    with Store(office) as s:
        got = s.conn.execute("SELECT notes FROM records WHERE activity = 'a2'").fetchall()
        assert got == [(None,)]
        s.conn.execute("DELETE FROM records WHERE activity = 'a2'")


@pytest.mark.parametrize("login", ["rec_x", "plan_x"])
def test_set_role_to_the_group_does_not_hide_who_wrote(office: str, login: str) -> None:
    """The audit and the time bank name the session's login, not a role it SET ROLE to."""
    group = "recorder" if login == "rec_x" else "planner"
    with psycopg.connect(_as(office, login), autocommit=True) as conn:
        conn.execute(f"SET ROLE {group}")
        by = conn.execute(
            "INSERT INTO audit (at, section, key, old, new) VALUES ('t', 's', 'k', NULL, NULL) RETURNING by"
        ).fetchone()
    assert by == (login,)


@pytest.mark.parametrize("login", ["rec_x", "plan_x"])
def test_the_revision_only_rises_one_step(office: str, login: str) -> None:
    """A recorder may raise the revision (its records change the plan) but not set it: a jump
    would make every other computer's save look stale, or an old one look current."""
    for statement in (
        "UPDATE revision SET n = n + 1000",
        "UPDATE revision SET n = 0",
        "UPDATE revision SET n = n - 1",
    ):
        assert "one step" in _refused(office, login, statement)
    assert not _refused(office, login, "UPDATE revision SET n = n + 1")


@pytest.mark.parametrize("login", ["rec_x", "view_x"])
def test_the_field_secret_is_nowhere_a_recorder_or_viewer_reads(office: str, login: str) -> None:
    with Store(office) as s:
        secret = s.conn.execute("SELECT value FROM settings WHERE key = 'field_secret'").fetchone()
    assert secret and secret[0]
    with psycopg.connect(_as(office, login), autocommit=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for table in tables:
            rows = conn.execute(f'SELECT t::text FROM "{table}" t').fetchall()  # noqa: S608
            assert not any(secret[0] in r[0] for r in rows), table


@pytest.mark.parametrize(
    "name",
    [
        'x"; DROP ROLE planner; --',
        "o'brien",
        "two words",
        "a" * 64,
        "王" * 22,
        "planner",
        "PUBLIC",
        "pg_x",
        "x\n",
    ],
)
def test_hostile_login_names_are_refused_and_change_nothing(office: str, name: str) -> None:
    from db.pg_server import add_login

    def roles() -> list[tuple[str, bool]]:
        with Store(office) as s:
            return s.conn.execute("SELECT rolname, rolcanlogin FROM pg_roles ORDER BY rolname").fetchall()

    before = roles()
    with Store(office) as s, pytest.raises(StoreError) as caught:
        add_login(s, name, "viewer", [], "pw")
    assert "\n" not in str(caught.value)
    assert roles() == before


def test_a_chinese_login_name(office: str) -> None:
    """王芳 is a plausible login: made (as an identifier), and it connects and reads."""
    from db.pg_server import add_login

    name = "王芳" * 10  # 60 bytes: under the server's 63
    with Store(office) as s:
        add_login(s, name, "viewer", [], None)
    with Store(_as(office, name), readonly=True) as s:
        assert s.role == "viewer" and s.user == name


def test_the_servers_administrator_is_not_made_a_login_of_a_role(office: str) -> None:
    from db.pg_server import add_login

    with Store(office) as s, pytest.raises(StoreError, match="administrator"):
        add_login(s, "postgres", "viewer", [], "taken over")
    with Store(office) as s:
        assert s.conn.execute(
            "SELECT rolsuper, rolpassword IS NULL FROM pg_authid WHERE rolname = 'postgres'"
        ).fetchone() == (
            True,
            True,
        )


def test_the_password_reaches_the_server_only_as_its_verifier(pg_url: str) -> None:
    """The statement carries a SCRAM verifier made here, not the password (a statement log would
    hold it otherwise); quotes in the password are no trouble. (The server would hash a plain
    password too: this guards the round trip, not the log.)"""
    from db.pg_server import add_login
    from tests.pg import PASSWORD_LOGIN

    with Store(pg_url) as s:
        assert run(["server", "init", "--db", pg_url]) == 0
        add_login(s, PASSWORD_LOGIN, "viewer", [], "pä'ss\"; --")
        stored = s.conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = ?", (PASSWORD_LOGIN,)
        ).fetchone()
    assert stored[0].startswith("SCRAM-SHA-256$")
    conn = connect(_as(pg_url, PASSWORD_LOGIN), password="pä'ss\"; --")
    conn.close()


def test_user_add_without_a_password_is_refused_unless_asked(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No terminal and no OUTREACH_NEW_PASSWORD: before, a login without a password was made in
    silence. Now refused (one line, nothing made); --no-password says it is meant."""
    monkeypatch.delenv("OUTREACH_NEW_PASSWORD", raising=False)
    assert run(["server", "init", "--db", pg_url]) == 0
    capsys.readouterr()
    assert run(["server", "user", "add", "nopw", "--role", "viewer", "--db", pg_url, "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert "OUTREACH_NEW_PASSWORD" in err and len(err.splitlines()) == 1
    with Store(pg_url) as s:
        assert s.conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'nopw'").fetchone() == (0,)
    assert run(["server", "user", "add", "nopw", "--role", "viewer", "--no-password", "--db", pg_url]) == 0


@pytest.mark.parametrize(
    ("url", "bare", "password"),
    [
        (
            "postgresql://wang:p@ss/w?rd#x@dbhost:5432/outreach?sslmode=require",
            "postgresql://wang@dbhost:5432/outreach?sslmode=require",
            "p@ss/w?rd#x",
        ),
        (
            "postgresql://wang@dbhost/o?password=s%26cret&sslmode=require",
            "postgresql://wang@dbhost/o?sslmode=require",
            "s&cret",
        ),
        (
            "postgresql://wang@dbhost/o?sslmode=require&password=abc",
            "postgresql://wang@dbhost/o?sslmode=require",
            "abc",
        ),
        ("postgresql://wang:p%40ss@h/db", "postgresql://wang@h/db", "p@ss"),
        ("postgresql://王芳@h/db?sslmode=verify-full", "postgresql://王芳@h/db?sslmode=verify-full", None),
    ],
)
def test_a_password_in_the_connection_string_is_never_shown(
    url: str, bare: str, password: str | None
) -> None:
    assert split_password(url) == (bare, password)
    assert shown_url(url) == bare


def test_a_wrong_password_in_the_connection_string_is_not_in_the_message(pg_url: str) -> None:
    """A raw @ in a password typed into the string made libpq read part of it as the host, and
    the message quoted it; now the password goes to libpq apart and no message holds it."""
    from db.pg_server import add_login
    from tests.pg import PASSWORD_LOGIN

    with Store(pg_url) as s:
        assert run(["server", "init", "--db", pg_url]) == 0
        add_login(s, PASSWORD_LOGIN, "viewer", [], "right@one")
    os.environ.pop("PGPASSWORD", None)
    good = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}:right@one@", 1)
    with Store(good, readonly=True) as s:
        assert s.role == "viewer" and "right" not in str(s.path)
    bad = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}:wr0ng@secret@", 1)
    with pytest.raises(StoreError) as caught:
        Store(bad, readonly=True)
    assert "wr0ng" not in str(caught.value) and "secret" not in str(caught.value)


def test_no_login_makes_things_in_the_schema(pg_url: str) -> None:
    """PostgreSQL before 15 let every login CREATE in public (made so here): a recorder's table
    named as SQL ran as the administrator at the next `server init`, and its functions could
    shadow built-ins. After `server init` no login of a role makes anything there."""
    from db.pg_server import add_login

    with Store(pg_url) as s:
        s.conn.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    assert run(["server", "init", "--db", pg_url]) == 0
    with Store(pg_url) as s:
        add_login(s, "rec_c", "viewer", [], None)
    said = _refused(pg_url, "rec_c", 'CREATE TABLE "x ON revision TO viewer; DROP ROLE planner; --" (a int)')
    assert "permission denied for schema public" in said
    with Store(pg_url) as s:  # a table of such a name made anyway (by the owner): init is not fooled
        s.conn.execute('CREATE TABLE "records DISABLE ROW LEVEL SECURITY --" (a int)')
    assert run(["server", "init", "--db", pg_url]) == 0
    with Store(pg_url) as s:
        found = s.conn.execute("SELECT relrowsecurity FROM pg_class WHERE relname = 'records'").fetchone()
    assert found == (True,)


def test_a_recorder_changes_only_the_status_of_a_request(office: str) -> None:
    """The recorder may write the request its activity answers (a record marks it done); it could
    rewrite the partner's wishes (priority, audience, partner) as well."""
    said = _refused(office, "rec_x", "UPDATE requests SET priority = 'urgent', audience = 9999")
    assert "only whether a request is done" in said
    assert not _refused(office, "rec_x", "UPDATE requests SET status = status")
    assert not _refused(office, "plan_x", "UPDATE requests SET audience = audience")


def test_a_recorder_keeps_the_wanted_dates_of_a_request(office: str) -> None:
    """Its slots (the partner's wanted dates) were the recorder's to delete or rewrite; now the
    write core's delete-and-insert of the same rows leaves them, anything else is refused."""

    def slots() -> list[tuple[object, ...]]:
        with Store(office) as s:
            return s.conn.execute("SELECT * FROM request_slots ORDER BY request, pos").fetchall()

    before = slots()
    assert before
    assert not _refused(office, "rec_x", "DELETE FROM request_slots")
    assert slots() == before
    assert not _refused(
        office,
        "rec_x",
        "CREATE TEMP TABLE k AS SELECT * FROM request_slots",
        "DELETE FROM request_slots",
        "INSERT INTO request_slots SELECT * FROM k",
    )
    assert "only whether" in _refused(office, "rec_x", "UPDATE request_slots SET start = '2020-01-01'")
    assert "only whether" in _refused(
        office,
        "rec_x",
        "DELETE FROM request_slots",
        'INSERT INTO request_slots (request, pos, start, "end") SELECT request, pos + 100, start, "end" FROM request_slots',
    )
    assert slots() == before


def test_a_save_waits_for_another_computers_open_write_then_is_stale(pg_url: str) -> None:
    """The revision check across two connections while the other's write is still open: the save
    waits for it (the revision row's lock), then sees its commit and is refused as stale."""
    import threading
    import time
    from dataclasses import replace

    from db.operations import Stale, import_document, save
    from db.planio import bump_revision, load_plan, revision

    with Store(pg_url) as s:
        import_document(s, sample_text())
    a, b = Store(pg_url), Store(pg_url)
    try:
        seen = revision(a)
        staff = next(iter(load_plan(a).staff.values()))
        outcome: list[object] = []

        def later() -> None:
            try:
                save(a, "staff", [replace(staff, name="甲")], expect_revision=seen)
                outcome.append("saved")
            except Stale as exc:
                outcome.append(exc)

        with b.atomic():
            b.conn.execute("UPDATE staff SET name = '乙' WHERE id = ?", (staff.id,))
            bump_revision(b)
            thread = threading.Thread(target=later)
            thread.start()
            time.sleep(0.5)
            assert not outcome  # waiting for b
        thread.join(10)
        assert len(outcome) == 1 and isinstance(outcome[0], Stale), outcome
        assert load_plan(a).staff[staff.id].name == "乙"
    finally:
        a.close()
        b.close()


def test_the_server_going_away_mid_write_is_one_line_and_nothing_half_done(pg_url: str) -> None:
    """The connection dropped inside a write (a restart, the network): one line saying so, the
    write not kept, and the next statement connects again."""
    from db.pg import ServerGone

    with Store(pg_url) as s:
        assert run(["demo", "--scale", "small", "--seed", "3", "--db", pg_url]) == 0
        before = s.conn.execute("SELECT count(*), min(name) FROM staff").fetchone()
        pid = s.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        with (
            psycopg.connect(pg_url, autocommit=True) as killer,
            pytest.raises(ServerGone) as caught,
            s.atomic(),
        ):
            s.conn.execute("UPDATE staff SET name = 'x'")
            killer.execute("SELECT pg_terminate_backend(%s)", (pid,))
            s.conn.execute("UPDATE staff SET name = 'y'")
        assert "\n" not in str(caught.value) and "does not answer" in str(caught.value)
        assert s.conn.execute("SELECT count(*), min(name) FROM staff").fetchone() == before


@pytest.mark.parametrize("login", ["rec_x", "view_x"])
def test_copy_neither_writes_past_the_policies_nor_reads_the_secret(office: str, login: str) -> None:
    with Store(office) as s:
        secret = s.conn.execute("SELECT value FROM settings WHERE key = 'field_secret'").fetchone()[0]
    data = b""
    with psycopg.connect(_as(office, login), autocommit=True) as conn:
        with (
            pytest.raises(psycopg.Error),
            conn.cursor().copy("COPY records (activity, occurrence, status) FROM STDIN") as copy,
        ):
            copy.write_row(("a2", "2026-12-04", "done"))
        for statement in ("COPY settings TO STDOUT", "COPY (SELECT * FROM settings) TO STDOUT"):
            with conn.cursor().copy(statement) as copy:
                data += b"".join(bytes(chunk) for chunk in copy)
    assert data and secret.encode() not in data
    with Store(office) as s:
        assert s.conn.execute("SELECT count(*) FROM records WHERE activity = 'a2'").fetchone() == (0,)


@pytest.mark.parametrize("login", ["rec_x", "view_x"])
def test_what_no_recorder_or_viewer_may_write(office: str, login: str) -> None:
    """Every table outside the recorder's few, every way: refused by the server."""
    statements = [
        f"{verb} {table}"
        for table in (
            "activities",
            "assignments",
            "settings",
            "staff",
            "branches",
            "login_branches",
            "schema_version",
        )
        for verb in ("DELETE FROM", "TRUNCATE")
    ] + [
        "UPDATE audit SET by = 'x'",
        "DELETE FROM time_bank",
        "TRUNCATE records",
        "DELETE FROM revision",
        "INSERT INTO settings (key, value) VALUES ('field_secret', 'mine')",
        "INSERT INTO login_branches VALUES (current_user, 'b-other')",
        "SET ROLE planner",
        "SELECT setval(pg_get_serial_sequence('audit', 'id'), 1)",
        "CREATE TABLE mine (a int)",
    ]
    if login == "view_x":
        statements += [
            "UPDATE revision SET n = n + 1",
            "INSERT INTO records (activity, occurrence) VALUES ('a1', 'x')",
        ]
    for statement in statements:
        said = _refused(office, login, statement)
        assert "permission denied" in said or "append-only" in said, (statement, said)


def test_a_write_that_lost_its_connection_never_goes_on_on_a_new_one(pg_url: str) -> None:
    """Inside a write whose connection was lost (a caller having caught that error), a further
    statement ran on a connection made again, alone and committed at once: half of a change
    kept. Now every statement until the write ends is refused; the next write connects again."""
    import contextlib

    from db.pg import ServerGone

    assert run(["demo", "--scale", "small", "--seed", "3", "--db", pg_url]) == 0
    with Store(pg_url) as s:
        pid = s.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(pg_url, autocommit=True) as killer, pytest.raises(ServerGone), s.atomic():
            s.conn.execute("UPDATE staff SET name = 'first half'")
            killer.execute("SELECT pg_terminate_backend(%s)", (pid,))
            with contextlib.suppress(StoreError):
                s.conn.execute("SELECT 1")
            s.conn.execute("UPDATE staff SET name = 'second half'")
        assert s.conn.execute("SELECT count(*) FROM staff WHERE name LIKE '%half'").fetchone() == (0,)
        with s.atomic():  # and the next write goes through on a new connection
            s.conn.execute("UPDATE staff SET phone = 'after' WHERE id = (SELECT min(id) FROM staff)")
        assert s.conn.execute("SELECT count(*) FROM staff WHERE phone = 'after'").fetchone() == (1,)


def test_a_write_left_open_does_not_stop_the_office(office: str) -> None:
    """A login holding the revision row's lock (a computer that hung mid-write) made every other
    write wait for ever; the server now ends a transaction idle for five minutes."""
    with psycopg.connect(_as(office, "rec_x"), autocommit=True) as conn:
        assert conn.execute("SHOW idle_in_transaction_session_timeout").fetchone() == ("5min",)
