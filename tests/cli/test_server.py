"""The office server's roles, enforced by PostgreSQL (GRANTs, row-level security), through the
command line as users run it: each role × import, edit, record for its own branch, record for
another branch, read, field import; the server's refusal is one line and exit 2. The time bank and
the audit are append-only for every role and name the database login."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from cli.commands import run
from db.operations import save
from db.pg import ServerRefused
from db.planio import load_plan
from db.store import Store
from tests.helpers import sample_text

LOGINS = {"planner": "plan_a", "recorder": "rec_a", "viewer": "view_a"}


def _as(url: str, login: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://{login}@", 1)


def _plan(tmp: Path) -> Path:
    doc = json.loads(sample_text())
    doc["branches"].append({"id": "b-other", "name": "其他支部"})
    a2 = {k: v for k, v in doc["activities"][0].items() if k not in ("rrule", "rotation", "exdates", "moved")}
    a2.update(id="a2", title="义诊", organizer="b-other", start="2026-12-04T18:00", end="2026-12-04T21:00")
    doc["activities"].append(a2)
    path = tmp / "plan.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _records(tmp: Path, name: str, activity: str, day: str, notes: str) -> Path:
    rec = {
        "activity": activity,
        "occurrence": day,
        "status": "done",
        "served": 50,
        "attended": [{"staff": "s001", "hours": 2.0}],
        "notes": notes,
    }
    path = tmp / name
    path.write_text(json.dumps({"format": "outreach-plan", "version": 1, "records": [rec]}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    from tests.pg import cluster

    url = cluster().new_database()
    tmp = tmp_path_factory.mktemp("office")
    assert run(["server", "init", "--db", url, "--lang", "en"]) == 0
    assert run(["import", str(_plan(tmp)), "--db", url, "--lang", "en"]) == 0
    add = ["server", "user", "add", "--no-password", "--db", url]  # the test cluster trusts its socket
    assert run([*add, "plan_a", "--role", "planner"]) == 0
    assert run([*add, "rec_a", "--role", "recorder", "--branch", "b-ortho"]) == 0
    assert run([*add, "view_a", "--role", "viewer"]) == 0
    pkg = tmp / "field.json"
    assert (
        run(["field", "export", "--from", "2026-12-01", "--to", "2026-12-31", "-o", str(pkg), "--db", url])
        == 0
    )
    return url, tmp


# role -> action -> expected exit code (0 done, 2 refused by the server)
MATRIX = {
    "planner": {"import": 0, "edit": 0, "record_own": 0, "record_other": 0, "read": 0, "field_import": 0},
    "recorder": {"import": 2, "edit": 2, "record_own": 0, "record_other": 2, "read": 0, "field_import": 2},
    "viewer": {"import": 2, "edit": 2, "record_own": 2, "record_other": 2, "read": 0, "field_import": 2},
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_role_matrix(office: tuple[str, Path], role: str, capsys: pytest.CaptureFixture[str]) -> None:
    url, tmp = office
    db = _as(url, LOGINS[role])
    got: dict[str, int] = {}
    said: dict[str, str] = {}

    def cli(action: str, *argv: str) -> None:
        capsys.readouterr()
        got[action] = run([*argv, "--db", db, "--lang", "en"])
        err = capsys.readouterr().err.strip()
        said[action] = err
        if got[action] == 2:
            assert len(err.splitlines()) == 1 and "Traceback" not in err, err

    cli("import", "import", str(_plan(tmp)))
    with Store(db) as store:
        activity = load_plan(store).activities["a1"]
        try:
            save(store, "activities", [replace(activity, title=f"改名 {role}")])
            got["edit"] = 0
        except ServerRefused as exc:
            got["edit"] = 2
            said["edit"] = str(exc)
    cli("record_own", "record", str(_records(tmp, f"own-{role}.json", "a1", "2026-12-10", role)))
    cli("record_other", "record", str(_records(tmp, f"other-{role}.json", "a2", "2026-12-04", role)))
    cli("read", "export", "-o", str(tmp / f"read-{role}.json"))
    cli("field_import", "field", "import", str(tmp / "field.json"))
    assert got == MATRIX[role], said
    if role != "planner":
        assert "planners" in said["field_import"], said["field_import"]
    for action, code in got.items():
        if code == 2 and action not in ("field_import",):
            assert "the server refused it for " + LOGINS[role] in said[action], said[action]


def test_recorded_entries_name_the_login(office: tuple[str, Path]) -> None:
    url, tmp = office
    db = _as(url, "rec_a")
    assert (
        run(["record", str(_records(tmp, "by.json", "a1", "2026-12-17", "by")), "--db", db, "--lang", "en"])
        == 0
    )
    with Store(url) as store:
        by = store.conn.execute("SELECT by FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        bank = store.conn.execute("SELECT by FROM time_bank ORDER BY id DESC LIMIT 1").fetchone()
    assert by == ("rec_a",) and bank == ("rec_a",)


@pytest.mark.parametrize("role", [*MATRIX, "owner"])
def test_append_only_for_every_role(office: tuple[str, Path], role: str) -> None:
    url, _tmp = office
    db = url if role == "owner" else _as(url, LOGINS[role])
    with Store(db) as store:
        for table in ("audit", "time_bank"):
            for statement in (f"UPDATE {table} SET by = 'x'", f"DELETE FROM {table}", f"TRUNCATE {table}"):
                with (
                    pytest.raises(Exception, match="append-only|permission denied|refused"),
                    store.atomic(lock=False),
                ):  # type: ignore[call-arg]
                    store.conn.execute(statement)
        assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] > 0


def test_field_secret_for_planners_only(office: tuple[str, Path]) -> None:
    url, _tmp = office
    sql = "SELECT count(*) FROM settings WHERE key = 'field_secret'"
    seen = {}
    for role, login in LOGINS.items():
        with Store(_as(url, login)) as store:
            seen[role] = store.conn.execute(sql).fetchone()[0]
    assert seen == {"planner": 1, "recorder": 0, "viewer": 0}


def test_server_commands_need_a_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["server", "init", "--db", str(tmp_path / "x.sqlite3"), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert "postgresql://" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x.sqlite3").exists()


def test_an_upgrade_keeps_the_roles_rights_on_new_tables(tmp_path: Path) -> None:
    """A server made at an older schema, its roles set up, then upgraded by the app: the rights
    on what the upgrade made are granted at once (the recorder records again)."""
    from db.pg_server import add_login, init_server
    from tests.pg import cluster

    url = cluster().new_database()
    s = Store(url, migrate=False)
    try:
        s.migrate(up_to=7)  # before the revision table
        init_server(s)
        s.migrate()  # the upgrade, as the administrator's app does it
        assert s.version == 9  # every migration ran (9: partners.wechat_group)
    finally:
        s.close()
    assert run(["import", str(_plan(tmp_path)), "--db", url]) == 0
    with Store(url) as s:
        add_login(s, "rec_up", "recorder", ["b-ortho"], None)
    rec = _records(tmp_path, "up.json", "a1", "2026-12-10", "after the upgrade")
    assert run(["record", str(rec), "--db", _as(url, "rec_up")]) == 0


def test_cli_sqlite_export_server_import_export_byte_identical(tmp_path: Path) -> None:
    """Moving a plan to the server is export then import: the server's export is the same bytes."""
    from tests.pg import cluster

    url = cluster().new_database()
    lite = tmp_path / "office.sqlite3"
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    assert run(["demo", "--scale", "small", "--seed", "7", "--db", str(lite)]) == 0
    assert run(["export", "-o", str(one), "--db", str(lite)]) == 0
    assert run(["import", str(one), "--db", url]) == 0
    assert run(["import", str(one), "--db", url]) == 0  # twice = once
    assert run(["export", "-o", str(two), "--db", url]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_spreadsheets_on_both_engines_give_the_same_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sheet duty, staff and requests through the one write core: the same messages, exit codes
    and exported plan on SQLite and on the server."""
    from tests.pg import cluster
    from tests.scheduler.exchange.test_duty import messy_xlsx, plan_doc
    from tests.scheduler.exchange.test_spreadsheet import _messy_xlsx, form_csv

    files = {"duty.xlsx": messy_xlsx(), "staff.xlsx": _messy_xlsx(), "form.csv": form_csv()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(plan_doc(), ensure_ascii=False), encoding="utf-8")
    said = {}
    for engine, db in (
        ("sqlite", str(tmp_path / "office.sqlite3")),
        ("postgresql", cluster().new_database()),
    ):
        assert run(["import", str(plan), "--db", db]) == 0
        out = []
        for argv in (
            ["sheet", "duty", str(tmp_path / "duty.xlsx"), "--department", "ortho"],
            ["sheet", "staff", str(tmp_path / "staff.xlsx")],
            ["sheet", "requests", str(tmp_path / "form.csv")],
        ):
            capsys.readouterr()
            code = run([*argv, "--db", db, "--lang", "en"])
            o, e = capsys.readouterr()
            out.append((code, o.replace(db, "DB"), e.replace(db, "DB")))
        assert run(["export", "-o", str(tmp_path / f"{engine}.json"), "--db", db]) == 0
        said[engine] = out
    assert said["sqlite"] == said["postgresql"]
    assert all(code in (0, 1) for code, _o, _e in said["sqlite"])  # taken (the messy rows refused)
    assert "unavailability" in (tmp_path / "sqlite.json").read_text(encoding="utf-8")
    assert (tmp_path / "sqlite.json").read_bytes() == (tmp_path / "postgresql.json").read_bytes()


def test_a_recorder_marks_the_request_of_their_activity_done(tmp_path: Path) -> None:
    """Recording an occurrence as held marks the request it answers done (the write core does it):
    the recorder's rights cover that request, and no other."""
    from db.pg_server import add_login
    from tests.pg import cluster

    url = cluster().new_database()
    doc = json.loads(_plan(tmp_path).read_text(encoding="utf-8"))
    doc["records"] = []  # nothing held yet: the request is still scheduled
    plan = tmp_path / "open.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run(["server", "init", "--db", url]) == 0
    assert run(["import", str(plan), "--db", url]) == 0
    with Store(url) as s:
        add_login(s, "rec_r", "recorder", ["b-ortho"], None)
        assert load_plan(s).requests["r1"].status == "scheduled"
    rec = _records(tmp_path, "held.json", "a1", "2026-12-03", "held")
    assert run(["record", str(rec), "--db", _as(url, "rec_r")]) == 0
    with Store(url) as s:
        assert load_plan(s).requests["r1"].status == "done"


def test_user_add_with_hostile_or_chinese_names(
    office: tuple[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names and branch ids reach SQL only as identifiers and parameters: a quote, a statement, a
    role's or the administrator's name is one line and exit 2, nothing changed; 王芳 is a login."""
    url, _tmp = office
    monkeypatch.setenv("OUTREACH_NEW_PASSWORD", "pw'\"; --")

    def roles() -> list[tuple[object, ...]]:
        with Store(url) as s:
            return s.conn.execute("SELECT rolname, rolsuper, rolcanlogin FROM pg_roles ORDER BY 1").fetchall()

    before = roles()
    for argv in (
        ['x"; DROP ROLE planner; --', "--role", "viewer"],
        ["planner", "--role", "viewer"],
        ["postgres", "--role", "viewer"],
        ["li", "--role", "recorder", "--branch", "b'; DROP TABLE records; --"],
    ):
        capsys.readouterr()
        assert run(["server", "user", "add", *argv, "--db", url, "--lang", "en"]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert roles() == before
    assert (
        run(["server", "user", "add", "王芳", "--role", "recorder", "--branch", "b-ortho", "--db", url]) == 0
    )
    rec = _records(_tmp, "wang.json", "a1", "2026-12-24", "王芳")
    assert run(["record", str(rec), "--db", _as(url, "王芳")]) == 0
    with Store(url) as store:
        assert store.conn.execute("SELECT by FROM time_bank ORDER BY id DESC LIMIT 1").fetchone() == ("王芳",)
