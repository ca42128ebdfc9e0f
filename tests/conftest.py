"""Fixtures on real SQLite files in temp folders."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's own preferences (the language) never come from, or go to, the real user folder.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="outreach-tests-config-")
# The one place settings live (db/paths.settings_dir), pointed at a temp folder for every test.
os.environ["OUTREACH_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="outreach-tests-settings-")
# The system's language, for the app's one rule (db/language.py): English, so that the command
# line's tests read English unless they ask (--lang); the GUI's tests choose Chinese in Settings
# (tests/ui/conftest.py). LC_MESSAGES names only the language of messages, not the encoding.
if "LC_ALL" in os.environ:
    os.environ.setdefault("LANG", os.environ["LC_ALL"])
    del os.environ["LC_ALL"]
os.environ["LC_MESSAGES"] = "en_US.UTF-8"

from db.store import Store  # noqa: E402
from tests.pg import pg_url  # noqa: E402, F401  # a fresh database on the session's PostgreSQL cluster


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def store(db_path: Path):
    s = Store(db_path)
    yield s
    s.close()
