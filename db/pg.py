"""The office server: the same store on PostgreSQL (psycopg 3), a thin dialect layer.

Everything above db/ talks to a store through `store.conn.execute(sql, params)` with SQLite's
`?` placeholders and through `store.atomic()`. A `PgStore` offers the same: its connection
translates the few spellings that differ (placeholders, `INSERT OR IGNORE`) once per statement
text (cached), and turns the server's errors into the DB-API errors the write core already
handles. The schema is the one of db/schema.py: its migrations are turned into PostgreSQL DDL by
`pg_migration` (types, identities, foreign keys made after the tables, the append-only
triggers), so no statement is kept twice. See docs/server.md for the choice and its figures."""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from scheduler.plan.wording import N_, Phrase

from .schema import MIGRATIONS, SCHEMA_VERSION
from .store import OUR_TABLES, ForeignDatabase, Store, StoreError

SERVER_PREFIXES = ("postgresql://", "postgres://")
CHANNEL = "outreach_changes"  # LISTEN/NOTIFY: every commit that raised the revision
ROLES = ("planner", "recorder", "viewer")
WHO = {"planner": N_("%1 (planner)"), "recorder": N_("%1 (recorder)"), "viewer": N_("%1 (viewer)")}


def is_server_url(target: object) -> bool:
    """Whether a --db value names a PostgreSQL database (a libpq connection URL)."""
    return isinstance(target, str) and target.lower().startswith(SERVER_PREFIXES)


_PASSWORD_PARAM = re.compile(r"([?&])password=[^&]*&?", re.IGNORECASE)


def split_password(url: str) -> tuple[str, str | None]:
    """The connection string without its password, and the password (percent-decoded) if it held
    one: in the user part (`user:secret@host`, even typed raw with @ / ? # in it) or as
    `?password=`. libpq is given the password apart, so no message of it can quote it."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url, None
    password = None
    found = _PASSWORD_PARAM.search(rest)
    if found:
        password = unquote(found.group(0).split("=", 1)[1].rstrip("&"))
        rest = (
            rest[: found.start()]
            + (found.group(1) if found.group(0).endswith("&") else "")
            + rest[found.end() :]
        )
        rest = rest.rstrip("?&")
    at = rest.rfind("@")
    if at >= 0:
        user, colon, secret = rest[:at].partition(":")
        if colon and not re.search(r"[/@?#]", user):
            password = unquote(secret)
            rest = f"{user}@{rest[at + 1 :]}" if user else rest[at + 1 :]
    return f"{scheme}{sep}{rest}", password


def shown_url(url: str) -> str:
    """The connection string as it may be shown and kept (never a password)."""
    return split_password(url)[0]


class ServerPath(str):
    """Where a server database is, as the windows show and remember it (never a password):
    a string, with the few things a window asks of a database file's path."""

    @property
    def parent(self) -> Path:  # where file dialogs start
        return Path.home()

    @property
    def name(self) -> str:
        return str(self)

    @property
    def stem(self) -> str:
        return str(self)


# Passwords typed in the GUI for a server (by the shown connection string), in this process's
# memory only: the window's background jobs open connections of their own.
_PASSWORDS: dict[str, str] = {}


def remember_password(url: str, password: str) -> None:
    _PASSWORDS[shown_url(url)] = password


def forget_password(url: str) -> None:
    _PASSWORDS.pop(shown_url(url), None)


def connect(url: str, **kwargs: Any) -> Any:
    """A psycopg connection to the server (with the password typed in the GUI, if any)."""
    psycopg = _psycopg()
    url, given = split_password(url)
    password = _PASSWORDS.get(url, given)
    if password is not None:
        kwargs["password"] = password
    return psycopg.connect(url, connect_timeout=10, **kwargs)


def needs_password(exc: BaseException) -> bool:
    """Whether a refused connection asked for a password (none given, or a wrong one)."""
    text = str(exc).lower()
    return "password" in text and ("no password supplied" in text or "authentication failed" in text)


class ServerPasswordNeeded(StoreError):
    """The server wants a password (none was given, or it was wrong)."""


PASSWORD_REFUSED = N_(
    "the server %1 did not accept the password of the login %2 (none was given, or it is not the right one)"
)


def _login_of(url: str) -> str:
    """The login a connection string names (its user part), as a message may say it."""
    rest = split_password(url)[0].partition("://")[2]
    user = rest.rpartition("@")[0] if "@" in rest.split("/", 1)[0] else ""
    found = re.search(r"[?&]user=([^&]*)", rest)
    if found or user:
        return unquote(found.group(1) if found else user)
    import getpass  # libpq's own default: the computer's user name

    return getpass.getuser()


class ServerGone(StoreError):
    """The server stopped answering (restarted, the network gone): what was being written was
    not kept (the server rolls back a transaction it lost)."""

    def __init__(self, detail: str):
        super().__init__(
            N_(
                "the server does not answer (the connection was lost); nothing half-done was kept, "
                "try again once it answers: %1"
            ),
            detail,
        )


class ServerRefused(StoreError):
    """The server refused what the user's login may not do (GRANTs, row-level security)."""


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # requirements.txt pins it; an incomplete install says so
        raise StoreError(N_("the PostgreSQL driver psycopg is not installed: %1"), exc) from exc
    return psycopg


# ---------------------------------------------------------------- SQL spelling


_QUOTED = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")")


# SQLite's catalogue as the write core reads it (the tables, a table's foreign keys, the schema
# version), answered from PostgreSQL's catalogue in the same shape.
_CATALOGUE = {
    "tables": "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
    "AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_version', 'login_branches')",
    "user_version": "SELECT coalesce(max(n), 0) FROM schema_version",
    # id, seq, table, from, to, on_update, on_delete, match: as PRAGMA foreign_key_list gives them
    "foreign_keys": "SELECT c.oid::bigint, k.n - 1, f.relname::text, a.attname::text, af.attname::text, "
    "'NO ACTION', CASE c.confdeltype WHEN 'c' THEN 'CASCADE' ELSE 'NO ACTION' END, 'NONE' "
    "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid "
    "CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(a, af, n) "
    "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.a "
    "JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.af "
    "WHERE c.contype = 'f' AND t.relname = '{table}' AND t.relnamespace = current_schema()::regnamespace "
    "ORDER BY c.oid, k.n",
}
_MASTER = re.compile(r"^\s*SELECT name FROM sqlite_master WHERE type = 'table'(\s+ORDER BY name)?\s*$", re.I)
_FK_LIST = re.compile(r'^\s*PRAGMA foreign_key_list\("?(\w+)"?\)\s*$', re.I)


@functools.lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """A statement of the SQLite spelling the app uses, as PostgreSQL reads it."""
    if m := _MASTER.match(sql):
        return _CATALOGUE["tables"] + (" ORDER BY table_name" if m.group(1) else "")
    if m := _FK_LIST.match(sql):
        return _CATALOGUE["foreign_keys"].format(table=m.group(1))
    if re.match(r"^\s*PRAGMA user_version\s*$", sql, re.I):
        return _CATALOGUE["user_version"]
    parts = _QUOTED.split(sql)
    for i in range(0, len(parts), 2):  # outside quotes: placeholders, and % kept literal
        parts[i] = parts[i].replace("%", "%%").replace("?", "%s")
    out = "".join(parts)
    if re.match(r"\s*INSERT OR IGNORE INTO", out, re.IGNORECASE):
        out = re.sub(r"INSERT OR IGNORE INTO", "INSERT INTO", out, count=1, flags=re.IGNORECASE)
        out += " ON CONFLICT DO NOTHING"
    return out


def _translated(exc: Exception, who: str = "") -> Exception:
    """A server error as the DB-API error of sqlite3 the layers above handle, or a refusal."""
    state = getattr(exc, "sqlstate", None) or ""
    diag = getattr(exc, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(exc)).strip()
    if state == "42501" and who:
        # Said in the user's words, the server's own (English, naming tables) kept in brackets.
        if "row-level security" in text:
            return ServerRefused(
                N_(
                    "the server refused it for %1: a recorder records only for the activities of their own branches (%2)"
                ),
                who,
                text,
            )
        return ServerRefused(
            N_("the server refused it for %1: the login's role does not allow this change (%2)"), who, text
        )
    if state == "42501" or state.startswith("28"):
        if who:
            return ServerRefused(N_("the server refused it for %1: %2"), who, text)
        return ServerRefused(N_("the server refused it: %1"), text)
    if state == "23503":
        return sqlite3.IntegrityError(f"FOREIGN KEY constraint failed: {text}")
    if state == "23505":
        return sqlite3.IntegrityError(f"UNIQUE constraint failed: {text}")
    if state in ("23514", "23502"):
        return sqlite3.IntegrityError(f"CHECK constraint failed: {text}")
    if state == "P0001":  # raised by a trigger: the append-only tables
        return sqlite3.IntegrityError(text)
    if state.startswith(("08", "57")):
        return ServerGone(text.splitlines()[0] if text else state)
    if state.startswith("40"):
        return sqlite3.OperationalError(f"database is busy: {text}")
    return sqlite3.OperationalError(text)


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
        psycopg = _psycopg()
        return bool(self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        psycopg = _psycopg()
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
                        raise ServerGone(_first_line(exc)) from exc
                    raise _translated(exc, self.who) from exc
                except psycopg.Error as exc:
                    raise _translated(exc, self.who) from exc
            raise AssertionError("unreachable")

    def executemany(self, sql: str, rows: Any) -> PgCursor:
        psycopg = _psycopg()
        rows = [tuple(r) for r in rows]
        try:
            with self.lock:
                cur = self.raw.cursor()
                if rows:
                    cur.executemany(pg_sql(sql), rows)
                return PgCursor(cur)
        except psycopg.Error as exc:
            if self._lost():
                raise ServerGone(_first_line(exc)) from exc
            raise _translated(exc, self.who) from exc

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


# ---------------------------------------------------------------- the schema, once


def split_statements(script: str) -> list[str]:
    """The statements of a migration (a trigger's body keeps its own semicolons)."""
    out, current, depth = [], [], 0
    for line in script.splitlines():
        current.append(line)
        if re.search(r"\bBEGIN\b", line) and "CREATE TRIGGER" in "\n".join(current).upper():
            depth = 1
        if depth and re.search(r"\bEND;\s*$", line):
            depth = 0
            out.append("\n".join(current).strip().rstrip(";"))
            current = []
        elif not depth and line.rstrip().endswith(";"):
            out.append("\n".join(current).strip().rstrip(";"))
            current = []
    rest = "\n".join(current).strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def _top_level(body: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


_REF = re.compile(
    r"\s+REFERENCES\s+(\w+)\s*\(([^)]*)\)((?:\s+ON\s+DELETE\s+\w+)?)((?:\s+DEFERRABLE\s+INITIALLY\s+DEFERRED)?)",
    re.IGNORECASE,
)
_TABLE_FK = re.compile(r"FOREIGN\s+KEY\s*\(([^)]*)\)(.*)$", re.IGNORECASE | re.DOTALL)


def _types(text: str) -> str:
    text = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
    text = re.sub(r"\bINTEGER\b", "BIGINT", text)
    text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
    # Text compares and sorts by its bytes, as in SQLite: the same order, the same export.
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', text)


def _create_table(statement: str, later: list[str]) -> str:
    m = re.match(r"CREATE TABLE\s+(\w+)\s*\((.*)\)\s*$", statement, re.DOTALL | re.IGNORECASE)
    if m is None:
        raise ValueError(statement)
    table, body = m.group(1), m.group(2)
    kept = []
    for part in _top_level(body):
        fk = _TABLE_FK.match(part)
        if fk:
            later.append(f"ALTER TABLE {table} ADD FOREIGN KEY ({fk.group(1)}){fk.group(2)}")
            continue
        ref = _REF.search(part)
        if ref:
            column = part.split()[0]
            later.append(
                f"ALTER TABLE {table} ADD FOREIGN KEY ({column}) REFERENCES {ref.group(1)}({ref.group(2)})"
                f"{ref.group(3)}{ref.group(4)}"
            )
            part = part[: ref.start()] + part[ref.end() :]
        kept.append(_types(part))
    return f"CREATE TABLE {table} (\n    " + ",\n    ".join(kept) + "\n)"


_TRIGGER = re.compile(
    r"CREATE TRIGGER\s+(\w+)\s+BEFORE\s+(UPDATE|DELETE)\s+ON\s+(\w+)\s+BEGIN\s+SELECT\s+RAISE\(ABORT,\s*'([^']*)'\);\s*END",
    re.IGNORECASE | re.DOTALL,
)


def pg_migration(script: str) -> list[str]:
    """One migration of db/schema.py as PostgreSQL statements, in an order PostgreSQL takes."""
    out: list[str] = []
    later: list[str] = []
    for statement in split_statements(script):
        head = statement.lstrip().upper()
        if head.startswith("CREATE TABLE"):
            out.append(_create_table(statement, later))
        elif head.startswith("CREATE TRIGGER"):
            m = _TRIGGER.match(statement.strip())
            if m is None:
                raise ValueError(statement)
            name, event, table, message = m.groups()
            out.append(
                f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION outreach_refuse('{message}')"
            )
        elif head.startswith("ALTER TABLE"):
            out.append(_types(statement))
        else:
            out.append(statement)
    return out + later


PG_PREAMBLE = [
    "CREATE TABLE IF NOT EXISTS schema_version (n BIGINT NOT NULL)",
    """CREATE OR REPLACE FUNCTION outreach_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$""",
    # Every commit that changes the plan tells the other computers (LISTEN outreach_changes).
    f"""CREATE OR REPLACE FUNCTION outreach_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('{CHANNEL}', NEW.n::text); RETURN NULL; END $$""",
]


# ---------------------------------------------------------------- the store


class PgStore(Store):
    """One connection to a PostgreSQL database of the app: the interface of `Store`."""

    engine = "postgresql"

    def __init__(self, path: Any, *, migrate: bool = True, readonly: bool = False):
        psycopg = _psycopg()
        self.url = str(path)
        self.path = ServerPath(shown_url(self.url))  # type: ignore[assignment]  # shown in messages
        self.readonly = readonly
        try:
            raw = connect(self.url, autocommit=True)
        except psycopg.Error as exc:
            if needs_password(exc):
                raise ServerPasswordNeeded(PASSWORD_REFUSED, self.path, _login_of(self.url)) from exc
            raise StoreError(N_("cannot connect to the server %1: %2"), self.path, _first_line(exc)) from exc
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
                    from .pg_server import init_server

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
        psycopg = _psycopg()
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


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["OUR_TABLES", "PgStore", "ServerRefused", "is_server_url", "pg_migration", "pg_sql", "shown_url"]


def probe(url: str) -> None:
    """Connect once and go: raises StoreError (ServerPasswordNeeded when a password is wanted)
    saying why the server cannot be used."""
    psycopg = _psycopg()
    try:
        connect(url, autocommit=True).close()
    except psycopg.Error as exc:
        shown = shown_url(url)
        if needs_password(exc):
            raise ServerPasswordNeeded(PASSWORD_REFUSED, shown, _login_of(shown)) from exc
        raise StoreError(N_("cannot connect to the server %1: %2"), shown, _first_line(exc)) from exc
