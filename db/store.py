"""Opening the SQLite store: connection settings, migrations, transactions, user errors."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from .schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000

# A file that opened but turns out damaged while being read: callers outside db/ catch this.
DatabaseError = sqlite3.DatabaseError


class StoreError(Exception):
    """A problem with the database file a user can act on (locked, damaged, too new)."""


class Store:
    """One connection to one database file, migrated to the current schema."""

    def __init__(self, path: str | Path, *, migrate: bool = True):
        self.path = Path(path)
        self.user: str | None = None  # who is working: recorded with time bank entries
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.conn = conn
        self.db = Database(conn, execute_plugins=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            with self.db.ensure_autocommit_on():
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and str(self.path) != ":memory:":
                raise StoreError(f"database {self.path} cannot use write-ahead logging")
            conn.execute("PRAGMA synchronous = FULL")  # a committed record survives a power cut
            self.version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{self.path} is not a usable database: {exc}") from exc
        if self.version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"database {self.path} was written by a newer version of the app "
                f"(schema {self.version}, this app knows up to {SCHEMA_VERSION})"
            )
        if migrate:
            self.migrate()

    def migrate(self, up_to: int = SCHEMA_VERSION) -> None:
        """Apply the migrations not yet applied, each in a transaction of its own."""
        while self.version < up_to:
            n = self.version + 1
            script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[n - 1]}\nPRAGMA user_version = {n};\nCOMMIT;"
            try:
                self.conn.executescript(script)
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"cannot upgrade database {self.path} to schema {n}: {exc}") from exc
            self.version = n

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested). The outermost one takes the write lock
        at once, so two copies of the app wait for each other instead of failing."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"database {self.path} is busy: {exc}") from exc
        try:
            with self.db.atomic():
                yield self.db
            # Deferred foreign keys are checked here, so a failing COMMIT must roll back too.
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def data_version(self) -> int:
        """Changes when another connection commits (not this one): how a window notices."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
