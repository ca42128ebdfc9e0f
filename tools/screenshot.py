"""Grab the main window on a database as a PNG (offscreen), to look at what users see.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshot.py DB OUT.png [SECTION] [--lang en|zh_CN]
       [--size 1600x1000] [--view month|week|agenda] [--date 2026-10-05] [--click-crowd]

The user's own settings are never read or written: the window's settings live in a temp folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _option(argv: list[str], name: str, default: str | None = None) -> str | None:
    if name in argv:
        i = argv.index(name)
        value = argv[i + 1]
        del argv[i : i + 2]
        return value
    return default


def main(argv: list[str]) -> int:
    argv = list(argv)
    lang = _option(argv, "--lang", "zh_CN") or "zh_CN"
    size = _option(argv, "--size", "1400x820") or "1400x820"
    view = _option(argv, "--view")
    day = _option(argv, "--date")
    db, out = argv[0], argv[1]
    section = argv[2] if len(argv) > 2 else "staff"
    from db.paths import SETTINGS_ENV

    # Before Qt or the preferences are touched: this tool's language choice stays its own.
    os.environ[SETTINGS_ENV] = tempfile.mkdtemp(prefix="outreach-screenshot-")
    from datetime import date

    from ui.i18n import install_language, set_language_setting
    from ui.session import Session
    from ui.window.app import make_app
    from ui.window.mainwindow import MainWindow

    app = make_app()
    set_language_setting(lang)
    install_language(lang)
    window = MainWindow(Session(db))
    width, height = (int(v) for v in size.split("x"))
    window.resize(width, height)
    window.show()
    window.show_section(section)
    page = window.current_page()
    if view is not None:
        page.set_view({"month": 0, "week": 1, "agenda": 2}[view])
    if day is not None:
        page.go_to(date.fromisoformat(day))
    import time

    watch = getattr(window, "watch", None)
    deadline = time.monotonic() + 30
    while watch is not None and watch.checker is None and time.monotonic() < deadline:
        app.processEvents()  # the first check runs beside the window: wait for its badges
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    window.grab().save(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
