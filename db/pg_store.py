"""The same store on the office server: a `PgStore` offers what `Store` does. Everything above
db/ talks to a store through `store.conn.execute(sql, params)` with SQLite's `?` placeholders and
through `store.atomic()`; a `PgStore`'s connection reads that spelling (db/pg_sql.py) and turns the
server's errors into the DB-API errors the write core handles (db/pg.py). A connection string given
to `Store` opens one (db/__init__.py tells db/store.py where it is)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from db.pg import (
    PASSWORD_REFUSED,
    ROLES,
    WHO,
    ServerGone,
    ServerPasswordNeeded,
    ServerPath,
    ServerRefused,
    connect,
    first_line,
    login_of,
    needs_password,
    psycopg_driver,
    shown_url,
    translated,
)
from db.pg_server import init_server
from db.pg_sql import CHANNEL, PG_PREAMBLE, pg_migration, pg_sql, split_statements
from db.schema import MIGRATIONS, SCHEMA_VERSION
from db.store import ForeignDatabase, Store, StoreError
from scheduler.plan.wording import N_, Phrase


class PgCursor:
    """What the layers above use of a sqlite3 cursor."""

    def __init__(self, cur: Any):
        self._cur = cur

    @property
    def description(self) -> Any:
        return self._cur.description

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cur.fetchall() if self._cur.description else []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection that reads the app's SQLite spelling (see `pg_sql`). In autocommit
    mode between transactions, like sqlite3 with isolation_level=None."""

    def __init__(self, raw: Any, url: str = ""):
        self.raw = raw
        self.url = url  # to connect again when the server dropped the connection (a restart)
        self.lock = threading.RLock()
        self.who = ""  # the login and its role, as a refusal names them
        # A transaction of PgStore.atomic is open: a connection lost now is never made again
        # before it ends (its statements after the loss would run alone, half of a change).
        self.open = False

    def _lost(self) -> bool:
        return bool(self.raw.closed or getattr(self.raw, "broken", False))

    @property
    def in_transaction(self) -> bool:
        if self.open:
            return True
        if self._lost():  # a lost connection holds no transaction (the server rolled it back)
            return False
        psycopg = psycopg_driver()
        return bool(self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        psycopg = psycopg_driver()
        with self.lock:
            # Between transactions a connection the server dropped (restarted, idle too long) is
            # made again and the statement run on it; inside one, the loss is the caller's error.
            between = not self.open and (
                self._lost() or self.raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            )
            for attempt in (0, 1):
                try:
                    if self._lost() and between and self.url:
                        self.raw = connect(self.url, autocommit=True)
                    return PgCursor(self.raw.execute(pg_sql(sql), tuple(params) or None))
                except psycopg.OperationalError as exc:
                    if attempt == 0 and between and self.url and self._lost():
                        continue
                    if self._lost():  # gone, and not back: one line, whatever libpq said
                        raise ServerGone(first_line(exc)) from exc
                    raise translated(exc, self.who) from exc
                except psycopg.Error as exc:
                    raise translated(exc, self.who) from exc
            raise AssertionError("unreachable")

    def executemany(self, sql: str, rows: Any) -> PgCursor:
        psycopg = psycopg_driver()
        rows = [tuple(r) for r in rows]
        try:
            with self.lock:
                cur = self.raw.cursor()
                if rows:
                    cur.executemany(pg_sql(sql), rows)
                return PgCursor(cur)
        except psycopg.Error as exc:
            if self._lost():
                raise ServerGone(first_line(exc)) from exc
            raise translated(exc, self.who) from exc

    def executescript(self, script: str) -> None:
        for statement in split_statements(script):
            self.execute(statement)

    def close(self) -> None:
        self.raw.close()


class PgTable:
    """The two sqlite-utils calls of db/sections.py, in PostgreSQL's spelling."""

    def __init__(self, conn: PgConnection, name: str):
        self.conn = conn
        self.name = name

    def insert_all(self, rows: list[dict[str, Any]], alter: bool = False) -> None:
        if rows:
            cols = list(rows[0])
            names = ", ".join(f'"{c}"' for c in cols)
            self.conn.executemany(
                f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" for _ in cols)})',
                [[r[c] for c in cols] for r in rows],
            )

    def upsert_all(self, rows: list[dict[str, Any]], pk: Sequence[str], alter: bool = False) -> None:
        if not rows:
            return
        cols = list(rows[0])
        names = ", ".join(f'"{c}"' for c in cols)
        rest = [c for c in cols if c not in pk]
        action = (
            "DO UPDATE SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in rest) if rest else "DO NOTHING"
        )
        self.conn.executemany(
            f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" for _ in cols)}) '
            f"ON CONFLICT ({', '.join(chr(34) + c + chr(34) for c in pk)}) {action}",
            [[r[c] for c in cols] for r in rows],
        )


class PgDatabase:
    def __init__(self, conn: PgConnection):
        self.conn = conn

    def table(self, name: str) -> PgTable:
        return PgTable(self.conn, name)


class PgStore(Store):
    """One connection to a PostgreSQL database of the app: the interface of `Store`."""

    engine = "postgresql"

    def __init__(self, path: Any, *, migrate: bool = True, readonly: bool = False):
        psycopg = psycopg_driver()
        self.url = str(path)
        self.path = ServerPath(shown_url(self.url))  # type: ignore[assignment]  # shown in messages
        self.readonly = readonly
        try:
            raw = connect(self.url, autocommit=True)
        except psycopg.Error as exc:
            if needs_password(exc):
                raise ServerPasswordNeeded(PASSWORD_REFUSED, self.path, login_of(self.url)) from exc
            raise StoreError(N_("cannot connect to the server %1: %2"), self.path, first_line(exc)) from exc
        conn = PgConnection(raw, self.url)
        self.conn = conn  # type: ignore[assignment]
        self.db = PgDatabase(conn)  # type: ignore[assignment]
        self._login = str(self.conn.execute("SELECT current_user").fetchone()[0])  # type: ignore[index]
        self.version = self._schema_version()
        if self.version == 0 and (foreign := self._foreign_tables()):
            raw.close()
            raise ForeignDatabase(self.path, foreign)  # type: ignore[arg-type]
        if self.version > SCHEMA_VERSION:
            raw.close()
            raise StoreError(
                N_(
                    "database %1 was written by a newer version of the app (schema %2, this app knows up to %3)"
                ),
                self.path,
                self.version,
                SCHEMA_VERSION,
            )
        if self.version < SCHEMA_VERSION and readonly:
            raw.close()
            raise StoreError(
                N_("the server database %1 has no plan of this app yet (run: server init --db URL)")
                if self.version == 0
                else N_("the server database %1 has an older schema (run: server init --db URL)"),
                self.path,
            )
        if migrate and not readonly and self.version < SCHEMA_VERSION:
            self.migrate()
        self.role = self._role()
        # The login and its role, as a refusal names them (the role in the reader's language).
        self.conn.who = Phrase(WHO[self.role], self._login) if self.role else self._login  # type: ignore[attr-defined]

    # The audit history and the time bank name the database login; what a caller sets is ignored.
    @property  # type: ignore[override]
    def user(self) -> str:
        return self._login

    @user.setter
    def user(self, value: str | None) -> None:
        pass

    def _schema_version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        found = self.conn.execute("SELECT max(n) FROM schema_version").fetchone()
        return int(found[0] or 0) if found else 0

    def _foreign_tables(self) -> list[str]:
        names = [
            str(r[0])
            for r in self.conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                "ORDER BY table_name"
            ).fetchall()
        ]
        return names

    def _role(self) -> str | None:
        """planner, recorder or viewer: the group the login is in (None: an administrator, who
        may do everything)."""
        row = self.conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
        if row and row[0]:
            return None
        for role in ROLES:
            found = self.conn.execute(
                "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = ?", (role,)
            ).fetchone()
            if found and found[0]:
                return role
        return None

    def migrate(self, up_to: int = SCHEMA_VERSION) -> None:
        try:
            with self.atomic(lock=False):
                for statement in PG_PREAMBLE:
                    self.conn.execute(statement)
                while self.version < up_to:
                    n = self.version + 1
                    for statement in pg_migration(MIGRATIONS[n - 1]):
                        self.conn.execute(statement)
                    if n == 8:  # the revision table exists from schema 8 on
                        self.conn.execute(
                            "CREATE TRIGGER revision_notify AFTER UPDATE ON revision FOR EACH ROW "
                            "EXECUTE FUNCTION outreach_notify()"
                        )
                    self.conn.execute("DELETE FROM schema_version")
                    self.conn.execute("INSERT INTO schema_version (n) VALUES (?)", (n,))
                    self.version = n
                if self.conn.execute("SELECT to_regclass('login_branches') IS NOT NULL").fetchone()[0]:  # type: ignore[index]
                    init_server(self)  # the roles' rights on what the upgrade made
        except ServerRefused as exc:
            raise StoreError(
                N_(
                    "cannot make the plan's tables on the server %1 (run server init as its administrator): %2"
                ),
                self.path,
                exc.values[-1],
            ) from exc
        except sqlite3.Error as exc:
            raise StoreError(
                N_("cannot upgrade database %1 to schema %2: %3"), self.path, self.version + 1, exc
            ) from exc

    @contextlib.contextmanager
    def atomic(self, lock: bool = True) -> Iterator[Any]:  # type: ignore[override]
        """One transaction (a savepoint when nested). The outermost takes the write lock on the
        revision row at once, so two computers' writes wait for each other, one after the other,
        and the revision check of the write core holds across them."""
        if self.readonly:
            raise StoreError(N_("database %1 is open for reading only"), self.path)
        conn: PgConnection = self.conn  # type: ignore[assignment]
        with conn.lock:
            if conn.in_transaction:
                conn.execute("SAVEPOINT outreach_nested")
                try:
                    yield self.db
                except BaseException:
                    conn.execute("ROLLBACK TO SAVEPOINT outreach_nested")
                    raise
                conn.execute("RELEASE SAVEPOINT outreach_nested")
                return
            conn.execute("BEGIN")
            conn.open = True
            try:
                if lock and self.version >= 8:
                    conn.execute("SELECT n FROM revision FOR UPDATE")
                yield self.db
                conn.execute("COMMIT")
            except BaseException:
                conn.open = False
                if conn.in_transaction:
                    with contextlib.suppress(Exception):
                        conn.raw.rollback()
                raise
            finally:
                conn.open = False

    def watch(self, callback: Any) -> Watcher:
        """Call `callback()` (on a thread of its own) whenever a commit raised the revision, on
        this computer or another (LISTEN/NOTIFY, not polling); `.stop()` ends it."""
        return Watcher(self.url, callback)

    def data_version(self) -> int:
        """The revision: changes with every committed change (the GUI also LISTENs)."""
        row = self.conn.execute("SELECT n FROM revision").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()


class Watcher:
    """A connection of its own that LISTENs on the change channel, on a daemon thread."""

    def __init__(self, url: str, callback: Any):
        self._stop = threading.Event()
        self._url = url
        self._conn = self._listen()
        self._callback = callback
        self._thread = threading.Thread(target=self._run, name="outreach-listen", daemon=True)
        self._thread.start()

    def _listen(self) -> Any:
        conn = connect(self._url, autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        psycopg = psycopg_driver()
        while not self._stop.is_set():
            try:
                for _note in self._conn.notifies(timeout=0.5, stop_after=1):
                    if not self._stop.is_set():
                        self._callback()
            except psycopg.Error:
                # The server dropped the connection (a restart): listen again once it answers,
                # and look once, for what was said meanwhile.
                with contextlib.suppress(Exception):
                    self._conn.close()
                while not self._stop.wait(1.0):
                    try:
                        self._conn = self._listen()
                    except psycopg.Error:
                        continue
                    self._callback()
                    break

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        with contextlib.suppress(Exception):
            self._conn.close()
