"""The store on real SQLite files: schema, migrations, round trip, idempotence, deletes."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.operations import (
    Changes,
    OperationError,
    StillReferenced,
    database_hash,
    delete,
    import_document,
    import_plan,
    save,
)
from db.planio import load_plan
from db.references import referrers
from db.schema import MIGRATIONS, SCHEMA_VERSION
from db.sections import load_section
from db.store import Store, StoreError
from resources import demo_recipe
from scheduler.demo.hospital import build_demo
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.plan.model import PARTNER_KINDS, Contact, Department, Partner, Staff
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
    from scheduler.exchange.planfile.problems import PlanError
    from tests.scheduler.exchange.test_planfile import BAD

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


# ---- opening read-only; a database that does not exist


def test_read_only_opening_reads_and_refuses_writes(db_path) -> None:
    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
        before = database_hash(s)
    with Store(db_path, readonly=True) as ro:
        assert ro.readonly and load_plan(ro).staff["s001"].name == "金伟"
        with pytest.raises(StoreError, match="for reading only"), ro.atomic():
            pass
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.conn.execute("DELETE FROM staff")
    with Store(db_path) as s:
        assert database_hash(s) == before


def test_read_only_opening_of_a_missing_database_creates_nothing(tmp_path) -> None:
    from db.store import MissingDatabase

    typo = tmp_path / "no" / "such" / "outreach.sqlite3"
    with pytest.raises(MissingDatabase, match="no database at"):
        Store(typo, readonly=True)
    assert list(tmp_path.iterdir()) == []


def test_read_only_opening_of_an_empty_or_old_file_says_so(tmp_path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="holds no database of this app"):
        Store(empty, readonly=True)
    old = tmp_path / "old.sqlite3"
    with Store(old, migrate=False) as s:
        s.migrate(up_to=1)
    with pytest.raises(StoreError, match="older schema 1"):
        Store(old, readonly=True)
    with Store(old) as s:  # opened for writing, it is upgraded as before
        assert s.version == SCHEMA_VERSION


@contextlib.contextmanager
def _unwritable(folder: Path) -> Iterator[None]:
    """Nobody may create files in `folder`: by permissions, or (root ignores them) by the
    immutable attribute."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root, which ignores permissions, and chattr is missing")
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"running as root, which ignores permissions, and chattr +i failed: {done.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


def test_read_only_folder_uses_an_immutable_opening_only_without_pending_log(tmp_path) -> None:
    """When the -shm file cannot be made (the folder is read-only), the database is read as
    immutable, unless a write-ahead log holds changes not yet in it: then a clear refusal."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "a.sqlite3"
    with Store(db) as s:
        import_plan(s, parse_document(sample_text()).plan)
    with _unwritable(folder):
        with Store(db, readonly=True) as ro:
            assert len(load_plan(ro).staff) == 3
        assert sorted(p.name for p in folder.iterdir()) == ["a.sqlite3"]
    # A log with changes not yet in the file (a copy taken while another connection wrote).
    pending = tmp_path / "pending"
    pending.mkdir()
    with Store(db) as s:
        s.conn.execute("PRAGMA wal_autocheckpoint = 0")
        with s.atomic():
            s.conn.execute("UPDATE staff SET name = '新名' WHERE id = 's001'")
        for suffix in ("", "-wal"):
            shutil.copy(f"{db}{suffix}", f"{pending / db.name}{suffix}")
    with _unwritable(pending), pytest.raises(StoreError, match="holds changes not yet in the file"):
        Store(pending / db.name, readonly=True)


# ---- network filesystems, from the mount table's text

PROC_MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//nas.hospital.local/outreach /mnt/office\\040share cifs rw,relatime,vers=3.1.1,cache=strict 0 0
nas:/export/home /home nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /home/local ext4 rw,relatime 0 0
user@host:/srv /media/sshfs fuse.sshfs rw,nosuid,nodev,relatime 0 0
C:\\134 /mnt/c 9p rw,noatime,aname=drvfs 0 0
server:/vol /mnt/old nfs rw 0 0
/dev/sdc1 /mnt/old ext4 rw 0 0
"""

MACOS_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//office@nas._smb._tcp.local/Outreach Plans on /Volumes/Outreach Plans (smbfs, nodev, nosuid, mounted by office)
nas:/export on /Volumes/nfs (nfs, asynchronous)
/dev/disk4s1 on /Volumes/USB stick (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    "path, table, kind",
    [
        ("/home/ana/.local/share/outreach-scheduler/outreach.sqlite3", PROC_MOUNTS, "nfs4"),
        ("/home/local/outreach.sqlite3", PROC_MOUNTS, None),  # a local disk mounted inside /home
        ("/home", PROC_MOUNTS, "nfs4"),
        ("/homework/outreach.sqlite3", PROC_MOUNTS, None),  # not under /home
        ("/mnt/office share/plans/outreach.sqlite3", PROC_MOUNTS, "cifs"),  # \040 is a space
        ("/mnt/office/outreach.sqlite3", PROC_MOUNTS, None),
        ("/media/sshfs/a.sqlite3", PROC_MOUNTS, "fuse.sshfs"),
        ("/mnt/c/Users/ana/a.sqlite3", PROC_MOUNTS, "9p"),
        ("/mnt/old/a.sqlite3", PROC_MOUNTS, None),  # mounted over: the later mount is what is there
        ("/tmp/a.sqlite3", PROC_MOUNTS, None),
        ("/var/lib/a.sqlite3", PROC_MOUNTS, None),
        ("/Volumes/Outreach Plans/outreach.sqlite3", MACOS_MOUNT, "smbfs"),
        ("/Volumes/nfs/a.sqlite3", MACOS_MOUNT, "nfs"),
        ("/Volumes/USB stick/a.sqlite3", MACOS_MOUNT, None),
        ("/Users/ana/a.sqlite3", MACOS_MOUNT, None),
        ("/anything", "", None),  # no mount table read: nothing is refused
    ],
)
def test_network_filesystem_from_the_mount_table(path: str, table: str, kind: str | None) -> None:
    from db.store import network_filesystem

    assert network_filesystem(path, table) == kind


def test_linux_mount_command_output_and_types() -> None:
    from db.store import is_network_type, network_filesystem

    text = "//srv/share on /srv/share type cifs (rw,relatime)\n/dev/sda1 on / type ext4 (rw)\n"
    assert network_filesystem("/srv/share/x.db", text) == "cifs"
    assert network_filesystem("/srv/other/x.db", text) is None
    for kind in ("smb3", "nfs", "NFS4", "afs", "fuse.sshfs", "webdav", "afpfs", "ceph", "glusterfs"):
        assert is_network_type(kind), kind
    for kind in ("ext4", "xfs", "btrfs", "apfs", "tmpfs", "overlay", "ntfs", "vfat", "fuse.gvfsd-fuse"):
        assert not is_network_type(kind), kind


@pytest.mark.parametrize(
    "path, remote",
    [
        (r"\\nas\outreach\outreach.sqlite3", True),
        ("//nas/outreach/outreach.sqlite3", True),
        (r"\\?\UNC\nas\outreach\a.sqlite3", True),
        (r"\\?\C:\Users\ana\a.sqlite3", False),
        (r"C:\Users\ana\AppData\Local\outreach-scheduler\outreach.sqlite3", False),
        (r"\\.\pipe\x", False),
    ],
)
def test_windows_unc_paths_are_remote(path: str, remote: bool) -> None:
    from db.store import windows_remote_path

    assert windows_remote_path(path) is remote


def test_opening_for_writing_on_a_network_filesystem_is_refused(tmp_path, monkeypatch) -> None:
    import db.store
    from db.store import NetworkDatabase

    if os.name != "posix":
        pytest.skip("POSIX mount table")
    with Store(tmp_path / "a.sqlite3") as s:
        import_plan(s, parse_document(sample_text()).plan)
    before = (tmp_path / "a.sqlite3").read_bytes()
    monkeypatch.setattr(
        db.store, "mount_table", lambda: f"server:/x {tmp_path} nfs4 rw 0 0\n/dev/sda / ext4 rw 0 0\n"
    )
    with pytest.raises(NetworkDatabase, match=r"network filesystem \(nfs4\).*between computers") as caught:
        Store(tmp_path / "a.sqlite3")
    assert (caught.value.kind, caught.value.path) == (
        "nfs4",
        tmp_path / "a.sqlite3",
    )  # for the GUI's sentence
    with pytest.raises(NetworkDatabase):
        Store(tmp_path / "sub" / "new.sqlite3")
    assert not (tmp_path / "sub").exists()
    with Store(tmp_path / "a.sqlite3", readonly=True) as ro:  # reading is still possible
        assert len(load_plan(ro).staff) == 3
    assert (tmp_path / "a.sqlite3").read_bytes() == before


# ---- writing output files whole or not at all (db/files.py)


def test_write_atomically_text_bytes_and_writer(tmp_path) -> None:
    from db.files import write_atomically

    target = tmp_path / "out.txt"
    write_atomically(target, "一\n二\r\n")
    assert target.read_bytes() == "一\n二\r\n".encode()
    write_atomically(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    write_atomically(target, lambda f: f.write(b"by a writer"))
    assert target.read_bytes() == b"by a writer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path) -> None:
    import errno

    from db.files import WriteError, write_atomically

    target = tmp_path / "report.xlsx"
    target.write_bytes(b"the good old file")

    def half_then_full(f) -> None:
        f.write(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteError) as caught:
        write_atomically(target, half_then_full)
    assert str(caught.value) == f"disk full while writing {target}" and caught.value.disk_full
    assert isinstance(caught.value, OSError)  # callers that catch OSError still catch it

    def quota(f) -> None:
        raise OSError(errno.EDQUOT, "Disk quota exceeded")

    with pytest.raises(WriteError, match="disk full while writing"):
        write_atomically(target, quota)

    def bug(f) -> None:
        f.write(b"x")
        raise ValueError("not an OSError")

    with pytest.raises(ValueError):
        write_atomically(target, bug)
    assert target.read_bytes() == b"the good old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_atomic_path_for_libraries_that_want_a_name_and_other_errors(tmp_path) -> None:
    from db.files import WriteError, atomic_path

    target = tmp_path / "cal.ics"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.exists() and not target.exists()
        tmp.write_bytes(b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"BEGIN:VCALENDAR"
    with (
        pytest.raises(WriteError, match=r"cannot write .*missing.*: No such file or directory"),
        atomic_path(tmp_path / "missing" / "x.ics"),
    ):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cal.ics"]


def test_a_symbolic_link_is_written_through(tmp_path) -> None:
    from db.files import write_atomically

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "plan.json").write_text("old", encoding="utf-8")
    link = tmp_path / "plan.json"
    link.symlink_to(tmp_path / "real" / "plan.json")
    write_atomically(link, "new")
    assert link.is_symlink() and (tmp_path / "real" / "plan.json").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["plan.json"]


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_follow_the_umask(tmp_path, umask: int) -> None:
    import stat

    from db.files import atomic_path, write_atomically

    old = os.umask(umask)
    try:
        write_atomically(tmp_path / "a.json", "{}")
        with atomic_path(tmp_path / "b.pdf") as tmp:
            tmp.write_bytes(b"%PDF")
    finally:
        os.umask(old)
    for name in ("a.json", "b.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask


def test_a_backup_that_fills_the_disk_leaves_nothing(store: Store, monkeypatch) -> None:
    import errno

    import db.files
    from db.backup import backup_folder, list_backups, make_backup

    import_plan(store, parse_document(sample_text()).plan)
    make_backup(store)
    [kept] = list_backups(store.path)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db.files.os, "fsync", full)
    with pytest.raises(StoreError, match="cannot back up .*: disk full while writing"):
        make_backup(store, now=kept.taken.replace(year=kept.taken.year + 1))
    assert sorted(p.name for p in backup_folder(store.path).iterdir()) == [kept.path.name]


def test_opening_for_writing_on_a_read_only_folder_says_so(tmp_path) -> None:
    from db.store import ReadOnlyDatabase

    folder = tmp_path / "ro"
    folder.mkdir()
    with Store(folder / "a.sqlite3") as s:
        import_plan(s, parse_document(sample_text()).plan)
    with _unwritable(folder):
        for name in ("a.sqlite3", "new.sqlite3"):
            with pytest.raises(ReadOnlyDatabase, match="its disk or folder is read-only") as caught:
                Store(folder / name)
            assert caught.value.path == folder / name
        assert sorted(p.name for p in folder.iterdir()) == ["a.sqlite3"]


# ---------------------------------------------------------------- the positional row reader


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_OPT = st.none() | _TEXT
_EXTRA = st.dictionaries(st.text("xyz_", min_size=1, max_size=4), st.integers(-5, 5) | _TEXT, max_size=2)


@st.composite
def _partners_and_staff(draw) -> tuple[list[Partner], list[Staff]]:
    ids = draw(st.lists(st.text("abc123", min_size=1, max_size=4), min_size=1, max_size=6, unique=True))
    partners = [
        Partner(
            i,
            draw(_TEXT.filter(bool)),
            draw(st.sampled_from(PARTNER_KINDS)),
            draw(_OPT),
            draw(_OPT),
            draw(st.none() | st.integers(0, 10**8)),
            draw(st.none() | st.floats(0, 1)),
            Contact(draw(_OPT), draw(_OPT)),
            draw(_OPT),
            draw(_EXTRA),
        )
        for i in ids
    ]
    staff = [
        Staff(
            i,
            draw(_TEXT.filter(bool)),
            "d1",
            party_member=draw(st.booleans()),
            title=draw(_OPT),
            qualifications=tuple(draw(st.lists(st.sampled_from(("nurse", "ecg", "x")), unique=True))),
            max_hours_month=draw(st.none() | st.floats(0, 744)),
            active=draw(st.booleans()),
            extra=draw(_EXTRA),
        )
        for i in ids
    ]
    return partners, staff


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_partners_and_staff(), st.data())
def test_records_read_back_positionally_are_those_written(tmp_path_factory, drawn, data) -> None:
    """db/sections.py builds each object from its row by position (one compiled expression per
    query): what it reads back, all of a section or some keys of it, is what was written."""
    partners, staff = drawn
    with Store(tmp_path_factory.mktemp("rows") / "a.sqlite3") as store:
        save(store, "departments", [Department("d1", "骨伤科")])
        save(store, "partners", partners)
        save(store, "staff", staff)
        assert load_section(store, "partners") == {p.id: p for p in partners}
        assert load_section(store, "staff") == {s.id: s for s in staff}
        some = data.draw(st.lists(st.sampled_from([s.id for s in staff]), unique=True))
        assert load_section(store, "staff", some) == {s.id: s for s in staff if s.id in some}
