"""Tests and tools never touch the user's own settings (#20): the settings live in one folder
(db/paths.settings_dir), pointed at a temp folder here; the window's recent databases, the
language and the user's name go there, and the real settings files stay as they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from db.paths import APP_NAME, SETTINGS_ENV, preferences_path, qt_settings_root, settings_dir
from tests.helpers import sample
from tests.ui.windows import import_plan_doc, main_window
from ui.exchange.file_actions import recent_databases, remember_database
from ui.i18n import set_language_setting

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _real_files() -> dict[Path, tuple[int, int] | None]:
    """The user's own settings files (where they would be without the tests' folder): size and
    modification time, or None when absent."""
    home = Path.home() / ".config" / APP_NAME
    files = [
        home / "preferences.json",
        home / "window" / "outreach-scheduler" / "Outreach Scheduler.ini",
        Path.home() / ".config" / "outreach-scheduler" / "Outreach Scheduler.conf",
    ]
    out: dict[Path, tuple[int, int] | None] = {}
    for f in files:
        try:
            st = f.stat()
            out[f] = (st.st_size, st.st_mtime_ns)
        except OSError:
            out[f] = None
    return out


def test_a_gui_session_writes_its_settings_in_the_tests_folder_only(qtbot, db_path) -> None:
    before = _real_files()
    folder = Path(os.environ[SETTINGS_ENV])
    assert settings_dir() == folder and str(folder) != str(Path.home() / ".config" / APP_NAME)
    w = main_window(qtbot, db_path)
    remember_database(db_path)  # what opening a database does
    set_language_setting("en")
    QSettings().setValue("user_name", "测试")
    QSettings().sync()
    assert preferences_path().parent == folder and preferences_path().exists()
    assert Path(QSettings().fileName()).is_relative_to(qt_settings_root())
    assert str(db_path) in recent_databases()
    w.session.close()
    assert _real_files() == before


def test_the_screenshot_tool_leaves_the_users_settings_alone(tmp_path) -> None:
    db = tmp_path / "plan.sqlite3"
    import_plan_doc(db, sample())
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in (SETTINGS_ENV, "XDG_CONFIG_HOME")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "screenshot.py"),
            str(db),
            str(tmp_path / "s.png"),
            "staff",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-800:]
    assert (tmp_path / "s.png").stat().st_size > 1000
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written == [], written  # nothing in the user's folders: no language, no recent list


def test_settings_of_an_earlier_version_are_carried_over_once(tmp_path) -> None:
    """A user's recent databases and name, kept by an earlier version in the system's own place,
    are found in the settings folder after the upgrade (a fresh HOME stands for the user's)."""
    home = tmp_path / "home"
    old = home / ".config" / "outreach-scheduler" / "Outreach Scheduler.conf"
    old.parent.mkdir(parents=True)
    old.write_text("[General]\nuser_name=李敏\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in (SETTINGS_ENV, "XDG_CONFIG_HOME")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from PySide6.QtCore import QSettings\n"
        "from ui.window.app import make_app\n"
        "make_app()\n"
        "print(QSettings().value('user_name'))\n"
        "print(QSettings().fileName())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-800:]
    name, path = out.stdout.splitlines()[-2:]
    assert name == "李敏"
    assert Path(path).is_relative_to(home / ".config" / APP_NAME / "window")


def test_an_error_log_follows_the_settings_folder_of_tests_and_tools(tmp_path, monkeypatch) -> None:
    """The window's error hook wrote into the user's data folder even with the settings pointed
    at a temp folder (errors of reviewers' and tests' runs in ~/.local/share/…/errors.log)."""
    from db.paths import SETTINGS_ENV, default_db_path, error_log_path

    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path))
    assert error_log_path() == tmp_path / "errors.log"
    monkeypatch.delenv(SETTINGS_ENV)
    assert error_log_path() == default_db_path().parent / "errors.log"
