"""Where the user's own database lives by default."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "outreach-scheduler"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "outreach.sqlite3"
