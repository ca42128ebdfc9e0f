"""The SQLite store: schema, migrations, operations, and rows to scheduler objects."""

from __future__ import annotations

import sys


def _sqlite_utils_without_pandas() -> None:
    """sqlite-utils imports pandas and numpy whenever they are installed (OR-Tools brings them)
    only to recognise their types in data to store, which this app never hands it: well over a
    second before the first window or command. It is imported here with the two hidden; the
    solver imports them itself when it runs."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # importing it raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_sqlite_utils_without_pandas()


def _server_store() -> type[Store]:
    """The office server's store (db/pg_store.py), loaded the first time a connection string is
    opened: whoever opens a database may be given one, and a window or command on a SQLite file
    never loads it."""
    from db.pg_store import PgStore

    return PgStore


from db.store import Store  # noqa: E402

Store.server_store = _server_store
