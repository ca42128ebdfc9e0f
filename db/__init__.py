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

# The office server's store registers itself with db.store.Store (a PostgreSQL connection string
# opens it), so that every opener of a database can open one; psycopg is loaded only on connecting.
import db.pg_store  # noqa: E402, F401
