"""A main window deleted before its first paint (or before the 500 ms first check) leaves
nothing behind: no "RuntimeError: Signal source has been deleted" on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db.store import Store

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.window.mainwindow import MainWindow
from ui.session import Session
drawn = []
def window():
    w = MainWindow(Session(Path(sys.argv[1])))
    w.drawn.connect(lambda: drawn.append(1))
    w.show()  # the 500 ms first check is queued
    QCoreApplication.sendEvent(w, QEvent(QEvent.Type.UpdateRequest))  # its first paint: "drawn" queued
    return w
w = window()
w.close()
w.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
del w
end = time.monotonic() + 0.8  # past the 500 ms first check
while time.monotonic() < end:
    app.processEvents()
assert not drawn, drawn
kept = window()  # a window that lives is still told it was drawn
end = time.monotonic() + 0.3
while time.monotonic() < end and not drawn:
    app.processEvents()
print("drawn", len(drawn))
"""


def test_a_window_deleted_before_its_first_paint_prints_nothing(tmp_path, db_path) -> None:
    Store(db_path).close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        OUTREACH_SETTINGS_DIR=str(tmp_path / "settings"),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "drawn 1" in done.stdout
    assert "RuntimeError" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    errors = tmp_path / "settings" / "errors.log"
    assert not errors.exists() or "Signal source" not in errors.read_text(encoding="utf-8")
