"""Grab the main window on a database as a PNG (offscreen), to look at what users see.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshot.py DB OUT.png [SECTION] [--lang en|zh_CN]"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    lang = "zh_CN"
    if "--lang" in argv:
        i = argv.index("--lang")
        lang = argv[i + 1]
        del argv[i : i + 2]
    db, out = argv[0], argv[1]
    section = argv[2] if len(argv) > 2 else "staff"
    from PySide6.QtCore import QSettings

    from ui.app import make_app
    from ui.i18n import install_language
    from ui.mainwindow import MainWindow
    from ui.session import Session

    app = make_app()
    QSettings().setValue("language", lang)
    install_language(lang)
    window = MainWindow(Session(db))
    window.resize(1400, 820)
    window.show()
    window.show_section(section)
    for _ in range(5):
        app.processEvents()
    window.grab().save(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
