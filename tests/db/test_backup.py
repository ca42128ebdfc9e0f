"""Backups: consistent copies while working, the last N kept, damage detected, and a restore
that keeps the replaced file aside."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db.backup import backup_due, damage, list_backups, make_backup, restore
from db.operations import database_hash, import_document
from db.planio import load_plan
from db.store import Store, StoreError
from tests.helpers import sample_text


def test_backup_keeps_the_last_n_and_restores(tmp_path) -> None:
    path = tmp_path / "office.sqlite3"
    store = Store(path)
    import_document(store, sample_text())
    expected = database_hash(store)
    t0 = datetime(2026, 11, 1, 8, 0)
    assert backup_due(path, t0)
    for k in range(4):
        make_backup(store, keep=3, now=t0 + timedelta(hours=k))
    found = list_backups(path)
    assert [b.taken for b in found] == [t0 + timedelta(hours=k) for k in (3, 2, 1)]  # newest first, 3 kept
    assert not backup_due(path, t0 + timedelta(hours=5)) and backup_due(path, t0 + timedelta(days=2))
    # Work goes on after the backup; then the database is damaged.
    store.conn.execute("DELETE FROM staff_qualifications")
    store.close()
    with open(path, "r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * 8192)
    assert damage(path) is not None
    aside = restore(found[0].path, path)
    assert aside is not None and aside.exists()  # the damaged file is kept, renamed
    assert damage(path) is None
    with Store(path) as again:
        assert database_hash(again) == expected
        assert load_plan(again).staff["s001"].name == "金伟"


def test_damaged_backup_is_refused(tmp_path) -> None:
    path = tmp_path / "a.sqlite3"
    with Store(path) as s:
        import_document(s, sample_text())
        b = make_backup(s)
    b.path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        restore(b.path, path)
    with Store(path) as s:  # the database is untouched
        assert "s001" in load_plan(s).staff


def test_a_sound_database_has_no_damage(tmp_path) -> None:
    assert damage(tmp_path / "none.sqlite3") is None
    with Store(tmp_path / "ok.sqlite3") as s:
        import_document(s, sample_text())
    assert damage(tmp_path / "ok.sqlite3") is None
