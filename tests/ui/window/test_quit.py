"""Quitting, or switching the language, while the first conflict check still runs beside the window:
the process ends (it hung: the check's thread ran into the interpreter's exit, its error went to
the error hook, which opened a message box on that thread) and no error reaches the user."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import sample
from tests.ui.windows import import_plan_doc

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[3]

# The GUI as `main.py` starts it, with a check slow enough to be under way when the window closes.
QUIT_WHILE_CHECKING = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
import ui.window.app, ui.conflicts.watch

class Slow(ui.conflicts.watch.IncrementalChecker):
    def __init__(self, *args, **kwargs):
        time.sleep(2)
        super().__init__(*args, **kwargs)

ui.conflicts.watch.IncrementalChecker = Slow
shown = ui.window.app.Controller._show_window

def show(self):
    shown(self)
    window = self.window

    def close():
        if not window.watch.checking_now:
            QTimer.singleShot(50, close)
            return
        print("closed while checking", flush=True)
        window.close()

    QTimer.singleShot(0, close)

ui.window.app.Controller._show_window = show
sys.exit(ui.window.app.run_gui({db!r}))
"""


def test_closing_the_window_while_the_first_check_runs_ends_the_process(tmp_path, db_path) -> None:
    import_plan_doc(db_path, sample())
    code = QUIT_WHILE_CHECKING.format(root=str(ROOT), db=str(db_path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_SETTINGS_DIR": str(tmp_path / "settings")}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=90)
    assert "closed while checking" in done.stdout
    assert done.returncode == 0, done.stderr
    assert "Error calling Python override" not in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "settings" / "errors.log").exists()  # no error at all
    assert time.monotonic() - started < 60


def test_switching_the_language_while_the_first_check_runs(qtbot, db_path, monkeypatch) -> None:
    """The old window goes while its check is under way: its result must not arrive at a deleted
    watch (it raised 'Signal source has been deleted', shown as 'Something went wrong')."""
    import ui.conflicts.watch
    from ui.window.app import Controller

    class Slow(ui.conflicts.watch.IncrementalChecker):
        def __init__(self, *args, **kwargs):
            time.sleep(0.5)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ui.conflicts.watch, "IncrementalChecker", Slow)
    import_plan_doc(db_path, sample())
    controller = Controller()
    try:
        assert controller.open(db_path, first_start=False)
        old = controller.window
        assert old is not None
        old.watch.first_check()
        assert old.watch.checking_now
        controller.change_language("en")
        new = controller.window
        assert new is not None and new is not old
        new.watch.first_check()
        qtbot.waitUntil(lambda: new.watch.checker is not None, timeout=20_000)
        for _ in range(5):
            qtbot.wait(20)  # the old window's deletion and anything queued for it
    finally:
        from ui.i18n import install_language, set_language_setting

        set_language_setting("zh_CN")
        install_language("zh_CN")
        controller.close()
        if controller.window is not None:
            controller.window.deleteLater()


def test_an_error_on_a_worker_thread_is_logged_never_shown_there(tmp_path, monkeypatch) -> None:
    """A message box opened on a worker thread never returns (it is what hung the quit)."""
    import threading

    import ui.window.app

    monkeypatch.setenv("OUTREACH_SETTINGS_DIR", str(tmp_path / "settings"))  # errors.log goes there
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    ui.window.app.install_excepthook()
    hook = sys.excepthook

    def fail() -> None:
        try:
            raise RuntimeError("Signal source has been deleted")
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)

    worker = threading.Thread(target=fail, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert "Signal source has been deleted" in (tmp_path / "settings" / "errors.log").read_text(
        encoding="utf-8"
    )
