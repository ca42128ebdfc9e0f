"""Work beside the window (ui/tasks.py, the conflict watch's full check): results come back on the
GUI thread, nothing comes back to a window that is gone, a check stops when told, and the
process ends promptly with exit code 0 when windows are closed or the app quits while a check
runs (it crashed with signal 11 now and then, or hung in the interpreter's exit). The process
tests run in a subprocess with a timeout, so that a hang or a crash fails them with its code."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest

from tests.helpers import sample
from tests.ui.windows import import_plan_doc

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# A full check that goes on until told to stop: the real check of the plan, again and again,
# reading the stop flag as the real one does (a plan far bigger than the sample, in effect).
ENDLESS_CHECK = """
import sys, time
sys.path.insert(0, {root!r})
import ui.conflicts.watch
from scheduler.conflicts.incremental import IncrementalChecker

class Endless(IncrementalChecker):
    def __init__(self, ctx, progress=None):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            super().__init__(ctx, progress)

ui.conflicts.watch.IncrementalChecker = Endless
"""

# Windows opened and closed while their check runs, then the app quits with one still running.
OPEN_CLOSE = (
    ENDLESS_CHECK
    + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
app.setQuitOnLastWindowClosed(False)  # windows come and go; the script quits
from ui.window.mainwindow import MainWindow
from ui.session import Session
ROUNDS = {rounds}

def open_window(i):
    w = MainWindow(Session({db!r}))
    drawn = []
    w.drawn.connect(lambda: drawn.append(True))  # the first check starts once drawn
    w.show()

    def close():
        if not (drawn and w.watch.checking_now):
            QTimer.singleShot(5, close)
            return
        print("closed while checking", flush=True)
        if i == ROUNDS - 1:
            app.quit()  # the last one's check still running
            return
        w.close()
        w.session.close()
        w.deleteLater()
        QTimer.singleShot(0, lambda: open_window(i + 1))

    QTimer.singleShot(0, close)

QTimer.singleShot(0, lambda: open_window(0))
code = app.exec()
print("event loop left", flush=True)
sys.exit(code)
"""
)

# The app as main.py runs it; its window closed by the user while the first check runs.
QUIT_WHILE_CHECKING = (
    ENDLESS_CHECK
    + """
from pathlib import Path
from PySide6.QtCore import QTimer
import ui.window.app
ui.window.app.default_db_path = lambda: Path({data!r}) / "outreach.sqlite3"  # errors.log goes beside it
shown = ui.window.app.Controller._show_window

def show(self):
    shown(self)
    window = self.window

    def close():
        if not window.watch.checking_now:
            QTimer.singleShot(5, close)
            return
        print("closed while checking", flush=True)
        window.close()

    QTimer.singleShot(0, close)

ui.window.app.Controller._show_window = show
sys.exit(ui.window.app.run_gui({db!r}))
"""
)


def _run(tmp_path: Path, code: str, timeout: float) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_SETTINGS_DIR": str(tmp_path / "settings")}
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"hung: still running after {timeout} s; output: {exc.stdout!r} {exc.stderr!r}")
    return done, time.monotonic() - started


def _clean(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 0, (
        f"exit code {done.returncode} (negative: killed by that signal)\n{done.stderr}"
    )
    for bad in ("Error calling Python override", "Traceback", "has been deleted", "Qt Concurrent has caught"):
        assert bad not in done.stderr, done.stderr


def test_windows_opened_and_closed_while_their_check_runs(tmp_path, db_path) -> None:
    import_plan_doc(db_path, sample())
    rounds = 5
    code = OPEN_CLOSE.format(root=str(ROOT), db=str(db_path), rounds=rounds)
    done, took = _run(tmp_path, code, timeout=60)
    _clean(done)
    assert done.stdout.count("closed while checking") == rounds
    assert "event loop left" in done.stdout
    # Every check stopped when its window went: nothing waits for a 60-second check.
    assert took < 30, took


def test_closing_the_window_while_the_first_check_runs_quits_promptly(tmp_path, db_path) -> None:
    import_plan_doc(db_path, sample())
    data = tmp_path / "data"
    code = QUIT_WHILE_CHECKING.format(root=str(ROOT), db=str(db_path), data=str(data))
    done, took = _run(tmp_path, code, timeout=60)
    _clean(done)
    assert "closed while checking" in done.stdout
    assert not (data / "errors.log").exists()
    assert took < 30, took  # the check (60 s if let run) was told to stop, not waited out


# -- in the test process


def _until(qtbot, flag: threading.Event) -> None:
    qtbot.waitUntil(flag.is_set, timeout=10_000)


def test_a_result_comes_back_on_the_gui_thread_and_is_let_go(qtbot) -> None:
    from ui import tasks

    class Result:
        pass

    got: list = []
    handle = tasks.start(lambda progress: Result(), got.append, got.append)
    assert handle.wait(10_000)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert isinstance(got[0], Result)
    gone = weakref.ref(got.pop())
    gc.collect()
    assert gone() is None  # nothing of the job keeps its result (it kept the plan copy)


def test_nothing_comes_back_to_an_owner_that_is_gone_and_its_job_is_told_to_stop(qtbot) -> None:
    from PySide6.QtCore import QObject

    from ui import tasks

    owner = QObject()
    started, stopped = threading.Event(), threading.Event()
    got: list = []

    def job(progress):
        started.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if not progress(0, 1):
                stopped.set()
                raise tasks.Cancelled()
            time.sleep(0.005)
        return "ran out"

    handle = tasks.start(job, got.append, got.append, owner=owner)
    _until(qtbot, started)
    owner.deleteLater()
    _until(qtbot, stopped)
    assert handle.wait(5_000)
    qtbot.wait(50)
    assert got == []


def test_cancel_reaches_the_job_and_its_error_comes_back(qtbot) -> None:
    from ui import tasks

    got: list = []

    def job(progress):
        while progress(0, 1):
            time.sleep(0.005)
        raise tasks.Cancelled()

    handle = tasks.start(job, got.append, got.append)
    handle.stop()
    assert handle.wait(5_000)
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    assert isinstance(got[0], tasks.Cancelled)


def test_the_check_stops_when_its_progress_says_so() -> None:
    from scheduler.conflicts.checker import CheckContext, check
    from scheduler.conflicts.incremental import IncrementalChecker, Stopped
    from tests.scheduler.conflicts.test_conflicts_kinds import TODAY, every_kind
    from tests.scheduler.conflicts.test_conflicts_oracle import CAL

    plan = every_kind()
    calls: list[tuple[int, int]] = []
    with pytest.raises(Stopped):
        IncrementalChecker(
            CheckContext(plan, CAL, TODAY), lambda done, total: calls.append((done, total)) or False
        )
    assert len(calls) == 1
    # Told to go on, it finds what a full check finds.
    kept = IncrementalChecker(CheckContext(plan, CAL, TODAY), lambda done, total: True)
    assert kept.conflicts and kept.conflicts == check(CheckContext(plan, CAL, TODAY))
