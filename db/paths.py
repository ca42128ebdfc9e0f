"""Where the user's own files live by default: the database, and the settings (the one place
that says so: the preferences file and the window's Qt settings both live in `settings_dir()`)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "outreach-scheduler"
# Points the settings folder elsewhere: tests, tools and benchmarks set it to a temp folder so
# that they never read or write the user's own settings.
SETTINGS_ENV = "OUTREACH_SETTINGS_DIR"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "outreach.sqlite3"


def error_log_path() -> Path:
    """Where the details of a programming error are written (the window's "Something went
    wrong", the command line's internal error): beside the user's database; in the settings
    folder when $OUTREACH_SETTINGS_DIR points tests and tools there, so that they never write
    into the user's data folder."""
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override) / "errors.log"
    return default_db_path().parent / "errors.log"


def settings_dir() -> Path:
    """The folder of the user's own settings: $OUTREACH_SETTINGS_DIR when set, else the
    system's configuration folder for the application."""
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    return Path(user_config_dir(APP_NAME, appauthor=False))


def preferences_path() -> Path:
    """The user's own settings that are not the plan's (the language), kept as JSON so the
    window and the command line read the same file."""
    return settings_dir() / "preferences.json"


def qt_settings_root() -> Path:
    """The folder given to Qt for its settings (recent databases, the user's name): Qt writes
    <root>/<organisation>/<application>.ini there."""
    return settings_dir() / "window"


def load_preferences() -> dict[str, Any]:
    """The saved preferences; none when the file is missing or unreadable (never an error)."""
    try:
        value = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def save_preference(key: str, value: Any) -> None:
    """Save one preference (written whole, atomically)."""
    from db.files import write_atomically

    prefs = {**load_preferences(), key: value}
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(prefs, ensure_ascii=False, indent=1).encode("utf-8"))
