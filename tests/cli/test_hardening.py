"""The command line against hostile files and odd places (issue 14): forged field packages,
options in any order, a missing or read-only database, a full disk, a network filesystem, and
the one-line messages that say what is wrong."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.operations import database_hash
from db.store import Store
from scheduler.exchange.field import checksum
from tests.helpers import sample_text

ROOT = Path(__file__).resolve().parents[2]
ROOTLESS = "running as root, which ignores file permissions, and mounting a filesystem failed"


def run(*args: str, umask: int = -1) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        umask=umask,
    )


def _hash(path: Path) -> str:
    with Store(path, readonly=True) as s:
        return database_hash(s)


@pytest.fixture
def office(tmp_path) -> Path:
    db = tmp_path / "office.db"
    plan = tmp_path / "plan.json"
    plan.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(db), "import", str(plan)).returncode == 0
    return db


def _one_line_error(r: subprocess.CompletedProcess, *needles: str) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stderr.startswith("error:") and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr
    for n in needles:
        assert n in r.stderr, r.stderr


# ---- options before or after the arguments, for every command

# Each command with the least it needs; --db is tried at the front, after the command, and at the end.
COMMANDS = {
    "import": ["import", "plan.json"],
    "record": ["record", "records.json"],
    "field export": ["field", "export", "-o", "p.outreach-field"],
    "field import": ["field", "import", "p.outreach-field"],
    "export": ["export", "-o", "x.json"],
    "demo": ["demo"],
    "roster": ["roster", "week", "-o", "r.pdf"],
    "notice": ["notice", "--activity", "a1", "--occurrence", "2026-12-03"],
    "assign": ["assign"],
    "stats": ["stats", "--year", "2026"],
    "ics": ["ics", "--staff", "s1", "-o", "x.ics"],
    "check": ["check"],
    "sheet": ["sheet", "duty", "roster.xlsx", "--month", "2026-12"],
    "shift-codes list": ["shift-codes", "list"],
    "shift-codes set": ["shift-codes", "set", "P", "--on", "16:00", "--off", "24:00"],
    "find": ["find", "夜市", "--json"],
    "review": ["review", "--week", "2026-W49"],
    "forecast": ["forecast", "--year", "2027"],
    "server init": ["server", "init"],
}


def _places(words: list[str]) -> list[list[str]]:
    depth = 2 if words[0] in ("field", "shift-codes", "server") else 1
    return [
        ["--db", "D.db", *words],
        [*words[:depth], "--db", "D.db", *words[depth:]],
        [*words, "--db", "D.db"],
        [*words[:depth], "--db=D.db", *words[depth:]],
    ]


def test_every_command_is_covered_by_the_option_order_test() -> None:
    from cli.commands import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    named = {c.split()[0] for c in COMMANDS}
    assert set(sub.choices) <= named, f"add the new command(s) to COMMANDS: {set(sub.choices) - named}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_db_option_before_or_after_the_arguments(name: str) -> None:
    from cli.commands import build_parser

    for argv in _places(COMMANDS[name]):
        args = build_parser().parse_args(argv)
        assert args.db == "D.db", argv
        if name == "field import":
            assert (args.action, args.package) == ("import", "p.outreach-field"), argv


def test_field_import_with_db_first_runs(office: Path, tmp_path) -> None:
    pkg = tmp_path / "p.outreach-field"
    assert run("field", "export", "--db", str(office), "--from", "2026-12-01", "--to", "2026-12-31",
               "-o", str(pkg)).returncode == 0  # fmt: skip
    r = run("field", "import", "--db", str(office), str(pkg))
    assert r.returncode == 0 and "imported" in r.stdout, r.stderr
    r = run("field", "import", str(pkg), "--db", str(office))
    assert r.returncode == 0 and "imported before" in r.stdout, r.stderr
    _one_line_error(run("field", "--db", str(office)), "required")


# ---- field packages: forged, or with records `record` would refuse


def _exported(office: Path, tmp_path: Path) -> dict:
    pkg = tmp_path / "p.outreach-field"
    r = run(
        "--db", str(office), "field", "export", "--from", "2026-12-01", "--to", "2026-12-31", "-o", str(pkg)
    )
    assert r.returncode == 0, r.stderr
    return json.loads(pkg.read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc: dict) -> Path:
    doc["checksum"] = checksum(doc)
    out = tmp_path / "forged.outreach-field"
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return out


def test_forged_package_refused_whole(office: Path, tmp_path) -> None:
    doc = _exported(office, tmp_path)
    # An occurrence outside the window (January) added, with a record, checksum recomputed.
    doc["occurrences"].append("a1|2027-01-07")
    doc["base"]["a1|2027-01-07"] = None
    doc["records"] = [
        {"activity": "a1", "occurrence": "2027-01-07", "attended": [{"staff": "s003", "hours": 3}]}
    ]
    before = _hash(office)
    r = run("--db", str(office), "field", "import", str(_write(tmp_path, doc)))
    _one_line_error(r, "refused, nothing changed", "seal does not match")
    assert _hash(office) == before


def test_hundred_thousand_hours_refused_as_record_would(office: Path, tmp_path) -> None:
    doc = _exported(office, tmp_path)
    doc["records"] = [
        {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s003", "hours": 100000}]}
    ]
    before = _hash(office)
    r = run("--db", str(office), "field", "import", str(_write(tmp_path, doc)))
    assert r.returncode == 2 and "nothing changed" in r.stderr and "Traceback" not in r.stderr
    assert "  $.records[0].attended" in r.stderr and "at most 24" in r.stderr, r.stderr
    assert _hash(office) == before


def test_a_constraint_failure_in_field_import_says_what_was_wrong(office: Path, tmp_path) -> None:
    doc = _exported(office, tmp_path)
    doc["records"] = [{"activity": "a1", "occurrence": "2026-12-17", "served": 3}]
    pkg = _write(tmp_path, doc)
    with Store(office) as s:  # stands for a row deleted by another window between check and write
        s.conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON field_imports "
            "BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END"
        )
    before = _hash(office)
    r = run("--db", str(office), "field", "import", str(pkg))
    _one_line_error(r, "names a person, activity or occurrence this database does not have")
    assert "cannot be read" not in r.stderr
    assert _hash(office) == before


# ---- a database that does not exist, or cannot be written

READ_COMMANDS = {
    "check": ["check"],
    "export": ["export", "-o", "{out}/x.json"],
    "stats": ["stats", "--year", "2026"],
    "stats -o": ["stats", "--year", "2026", "-o", "{out}/x.xlsx"],
    "ics": ["ics", "--staff", "s003", "-o", "{out}/x.ics"],
    "roster": ["roster", "week", "--from", "2026-12-03", "-o", "{out}/r.pdf"],
    "roster png": ["roster", "week", "--from", "2026-12-03", "-o", "{out}/r.png"],
    "notice": ["notice", "--activity", "a1", "--occurrence", "2026-12-03", "-o", "{out}/n.txt"],
    "field export": ["field", "export", "--from", "2026-12-01", "-o", "{out}/p.outreach-field"],
}


def _words(name: str, out: Path) -> list[str]:
    return [w.replace("{out}", str(out)) for w in READ_COMMANDS[name]]


@pytest.mark.parametrize("name", sorted(READ_COMMANDS))
def test_read_command_on_a_missing_database_creates_nothing(tmp_path, name: str) -> None:
    typo = tmp_path / "typo" / "offfice.db"
    r = run("--db", str(typo), *_words(name, tmp_path))
    _one_line_error(r, f"there is no database at {typo}", "nothing was created")
    assert not typo.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@contextlib.contextmanager
def _mounted(where: Path, options: str = "size=1m") -> Iterator[Path]:
    """A real small filesystem (tmpfs) for the test: needs root and permission to mount."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a test filesystem needs root")
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@contextlib.contextmanager
def _read_only_copy(office: Path, tmp_path: Path) -> Iterator[Path]:
    """The office database in a folder nobody can write to: on a read-only filesystem when the
    test runs as root (root ignores permissions), else in a folder and file made read-only."""
    if os.geteuid() == 0:
        with _mounted(tmp_path / "ro") as folder:
            shutil.copy(office, folder / "office.db")
            remount = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
            if remount.returncode != 0:
                pytest.skip(f"{ROOTLESS}: {remount.stderr.decode(errors='replace').strip()}")
            yield folder / "office.db"
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(office, folder / "office.db")
    (folder / "office.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder / "office.db"
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", sorted(READ_COMMANDS))
def test_read_commands_work_on_a_read_only_database(office: Path, tmp_path, name: str) -> None:
    with Store(office) as s:  # the field export needs the database's key, made by a first export
        from db.field import ensure_field_keys

        ensure_field_keys(s)
    out = tmp_path / "out"
    out.mkdir()
    with _read_only_copy(office, tmp_path) as db:
        before = db.read_bytes()
        r = run("--db", str(db), *_words(name, out))
        assert r.returncode in (0, 1), r.stderr
        assert db.read_bytes() == before
        assert sorted(p.name for p in db.parent.iterdir()) == ["office.db"]  # no -wal, no -shm left
        # A command that writes says why it cannot, in one line.
        r = run("--db", str(db), "import", str(tmp_path / "plan.json"))
        _one_line_error(r, f"database {db} cannot be written: its disk or folder is read-only")
    if "-o" in READ_COMMANDS[name]:
        assert len(list(out.iterdir())) == 1


# ---- a full disk: one line, and no file left behind


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 4096)
            f.flush()


WRITERS = {**{k: v for k, v in READ_COMMANDS.items() if "-o" in v}}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_disk_full_on_a_real_filesystem(office: Path, tmp_path, name: str) -> None:
    with _mounted(tmp_path / "small", "size=64k") as folder:
        _fill(folder)
        r = run("--db", str(office), *_words(name, folder))
        target = next(w for w in _words(name, folder) if w.startswith(str(folder)))
        _one_line_error(r, f"disk full while writing {target}")
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]  # no partial file


@pytest.mark.parametrize("name", ["export", "ics", "field export", "stats -o"])
def test_disk_full_reported_when_flushing(office: Path, tmp_path, monkeypatch, capsys, name: str) -> None:
    """Without root: the disk fills as the written file is flushed to it (as with a quota or on
    a network disk, where the error comes at fsync)."""
    import db.files
    from cli.commands import run as cli_run

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(db.files.os, "fsync", full)
    assert cli_run(["--db", str(office), *_words(name, out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: disk full while writing ") and err.count("\n") == 1, err
    assert list(out.iterdir()) == []


# ---- permissions of what is written: the umask, for every kind of file


def test_output_files_follow_the_umask(office: Path, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in sorted(WRITERS):
        r = run("--db", str(office), *_words(name, out), umask=0o027)
        assert r.returncode in (0, 1), (name, r.stderr)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes == dict.fromkeys(
        ["x.json", "x.xlsx", "x.ics", "r.pdf", "r.png", "n.txt", "p.outreach-field"], 0o640
    )


# ---- a network filesystem: not opened for writing


def test_database_on_a_network_filesystem_is_refused_for_writing(office: Path, tmp_path, monkeypatch, capsys):
    import db.store
    from cli.commands import run as cli_run

    table = f"/dev/vda / ext4 rw 0 0\n//nas/office {tmp_path} cifs rw,vers=3.1.1 0 0\n"
    if os.name != "posix":
        pytest.skip("the mount table is how POSIX systems are asked; Windows is asked by drive type")
    monkeypatch.setattr(db.store, "mount_table", lambda: table)
    before = office.read_bytes()
    plan = tmp_path / "plan.json"
    assert cli_run(["--db", str(office), "import", str(plan)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "network filesystem (cifs)" in err
    assert "do not work between computers" in err and "one computer that owns it" in err
    assert office.read_bytes() == before
    new = tmp_path / "new.db"
    assert cli_run(["--db", str(new), "demo"]) == 2 and not new.exists()
    capsys.readouterr()
    # Reading stays possible (to look, or to export the plan and move it to a local disk).
    assert cli_run(["--db", str(office), "export", "-o", str(tmp_path / "x.json")]) == 0


# ---- an internal error says where its details are


def test_internal_error_says_where_the_log_is(office: Path, tmp_path, monkeypatch, capsys) -> None:
    import cli.check
    import cli.commands
    import cli.common

    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    # The one place that says where the log is (db.paths.error_log_path): in the settings folder
    # that $OUTREACH_SETTINGS_DIR points at, never the user's own data folder.
    data = tmp_path / "userdata" / "outreach.sqlite3"
    settings = tmp_path / "settings"
    monkeypatch.setattr(cli.check, "cmd_check", broken)
    monkeypatch.setattr(cli.common, "default_db_path", lambda: data)
    monkeypatch.setattr("db.paths.default_db_path", lambda: data)
    monkeypatch.setenv("OUTREACH_SETTINGS_DIR", str(settings))
    assert cli.commands.run(["--db", str(office), "check"]) == 2
    err = capsys.readouterr().err
    log = settings / "errors.log"
    assert err == f"error: internal error (RuntimeError: a bug); the details are written to the log {log}\n"
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")
    assert not data.parent.exists()
    # Without the override it lies beside the user's database, as the window's does.
    monkeypatch.delenv("OUTREACH_SETTINGS_DIR")
    assert cli.commands.run(["--db", str(office), "check"]) == 2
    assert f"the log {data.parent / 'errors.log'}" in capsys.readouterr().err
