"""Backups with SQLite's online backup API: a consistent copy while the app keeps working, the
last N kept beside the database, a damaged database detected, and a restore that never throws
away the file it replaces (it is kept aside, renamed)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from db.files import atomic_path
from db.store import Store, StoreError, connect_readonly
from scheduler.plan.wording import N_

STAMP = "%Y%m%d-%H%M%S"
DEFAULT_KEEP = 10


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime
    size: int


def _on_server(db_path: Path) -> bool:
    return str(db_path).lower().startswith(("postgresql:/", "postgres:/"))


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Backup]:
    """This database's backups, newest first (none for an office server: its backups are the
    server's, pg_dump)."""
    if _on_server(db_path):
        return []
    folder = backup_folder(db_path)
    out = []
    for p in folder.glob(f"{db_path.stem}-*.sqlite3"):
        try:
            taken = datetime.strptime(p.stem[len(db_path.stem) + 1 :], STAMP)
        except ValueError:
            continue
        out.append(Backup(p, taken, p.stat().st_size))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def make_backup(store: Store, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Backup:
    """Copy the open database (consistently, with SQLite's backup API) and keep the newest `keep`."""
    now = (now or datetime.now()).replace(microsecond=0)
    folder = backup_folder(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{store.path.stem}-{now.strftime(STAMP)}.sqlite3"
    try:
        with atomic_path(target) as tmp:
            dest = sqlite3.connect(str(tmp))
            try:
                store.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
                if dest.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise StoreError(N_("the backup %1 did not check out"), target.name)
            finally:
                dest.close()
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(N_("cannot back up %1 to %2: %3"), store.path, folder, exc) from exc
    for old in list_backups(store.path)[max(keep, 1) :]:
        old.path.unlink(missing_ok=True)
    return Backup(target, now, target.stat().st_size)


def backup_due(db_path: Path, now: datetime | None = None, every: timedelta = timedelta(days=1)) -> bool:
    """True when there is no backup yet or the newest is older than `every` (never for an office
    server: its backups are the server's)."""
    if _on_server(db_path):
        return False
    found = list_backups(db_path)
    return not found or (now or datetime.now()) - found[0].taken >= every


def damage(db_path: Path) -> str | None:
    """None when the file is a sound database (or does not exist yet), else what is wrong."""
    if not db_path.exists():
        return None
    try:
        conn = connect_readonly(db_path)  # works on a read-only disk too
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, StoreError) as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:5])
    return None if result == "ok" else result


def restore(backup: Path, db_path: Path, now: datetime | None = None) -> Path | None:
    """Put a backup in the database's place. The database must be closed. The file replaced
    (with its -wal and -shm) is renamed aside, never deleted; returns its new name."""
    problem = damage(backup)
    if problem is not None:
        raise StoreError(N_("the backup %1 is damaged too: %2"), backup.name, problem)
    stamp = (now or datetime.now()).strftime(STAMP)
    # The file replaced goes aside with its write-ahead log, so that it stays openable as it was.
    aside = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
    moved = False
    for suffix in ("", "-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
            moved = True
    try:
        with atomic_path(db_path) as tmp:
            src = connect_readonly(backup)
            dest = sqlite3.connect(str(tmp))
            try:
                src.backup(dest)
            finally:
                src.close()
                dest.close()
    except (sqlite3.Error, OSError) as exc:
        if moved and not db_path.exists() and aside.exists():
            os.replace(aside, db_path)
        raise StoreError(N_("cannot restore %1: %2"), backup.name, exc) from exc
    return aside if moved else None
