"""The office server (PostgreSQL, psycopg 3): the connection string (a password never shown or
kept), passwords typed in the GUI, connecting, and the server's errors said as the DB-API errors of
sqlite3 the write core already handles, or as a refusal in the user's words. The store on it is
db/pg_store.py, its SQL db/pg_sql.py, its roles and logins db/pg_server.py. See docs/server.md for
the choice and its figures."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from db.store import StoreError
from scheduler.plan.wording import N_

SERVER_PREFIXES = ("postgresql://", "postgres://")
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
    psycopg = psycopg_driver()
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


def login_of(url: str) -> str:
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


def psycopg_driver() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # requirements.txt pins it; an incomplete install says so
        raise StoreError(N_("the PostgreSQL driver psycopg is not installed: %1"), exc) from exc
    return psycopg


def translated(exc: Exception, who: str = "") -> Exception:
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


def first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def probe(url: str) -> None:
    """Connect once and go: raises StoreError (ServerPasswordNeeded when a password is wanted)
    saying why the server cannot be used."""
    psycopg = psycopg_driver()
    try:
        connect(url, autocommit=True).close()
    except psycopg.Error as exc:
        shown = shown_url(url)
        if needs_password(exc):
            raise ServerPasswordNeeded(PASSWORD_REFUSED, shown, login_of(shown)) from exc
        raise StoreError(N_("cannot connect to the server %1: %2"), shown, first_line(exc)) from exc
