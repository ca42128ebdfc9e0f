"""Makes the manual's screenshots from the demo hospital (never by hand): a fresh demo database in a
temp folder, the main window offscreen in Chinese and in English, one small PNG per picture into
docs/manual/shots/ (NAME.zh.png, NAME.en.png). Settings and preferences stay in the temp folder.

Usage: python tools/manual_shots.py [--out FOLDER] [--only NAME ...] [--extra FOLDER]
  --extra FOLDER also grabs the manual window and Help ▸ About there (to look at, not shipped)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHOTS = ROOT / "docs" / "manual" / "shots"
YEAR, TODAY = 2026, date(2026, 11, 12)  # the demo's "today": fixed, so the pictures are repeatable
WIDTH = 960  # pixels; the window is drawn larger and scaled down
COLOURS = 128  # a palette keeps the PNGs small
SHOWN_PATH = "~/.local/share/outreach-scheduler/outreach.sqlite3"  # the status bar's database, as a user's


def _settle(app, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget, path: Path, width: int = WIDTH) -> None:
    """Grab the widget, scale it to `width` at most, and write a palette PNG."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt

    pixmap = widget.grab()
    if pixmap.width() > width:
        pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    import io

    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    image = image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=True)
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main(argv: list[str]) -> int:
    out = SHOTS
    only: set[str] = set()
    extra: Path | None = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--out":
            out = Path(args.pop(0))
        elif arg == "--extra":
            extra = Path(args.pop(0))
        elif arg == "--only":
            only.add(args.pop(0))
        else:
            print(__doc__)
            return 2
    temp = Path(tempfile.mkdtemp(prefix="manual-shots-"))
    # The user's own settings and data folder are never read or written.
    os.environ["XDG_CONFIG_HOME"] = str(temp / "config")
    os.environ["XDG_DATA_HOME"] = str(temp / "data")
    os.environ["OUTREACH_SETTINGS_DIR"] = str(temp / "settings")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "qt"))

    from db.operations import import_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.demo.hospital import build_demo

    db = temp / "demo.sqlite3"
    plan = build_demo(demo_recipe(), "small", 1, YEAR, TODAY, WorkCalendar(official_calendar()))
    with Store(db) as store:
        import_plan(store, plan)

    from PySide6.QtCore import Qt

    from ui.i18n import install_language, set_language_setting
    from ui.session import Session
    from ui.window.app import FirstStartDialog, make_app
    from ui.window.mainwindow import MainWindow

    app = make_app(["manual-shots"])
    for lang, suffix in (("zh_CN", "zh"), ("en", "en")):
        set_language_setting(lang)
        install_language(lang)
        window = MainWindow(Session(db))
        window.resize(1400, 860)
        window.db_label.setText(SHOWN_PATH)  # not the temp folder's random name
        window.show()
        _settle(app)
        window.watch.first_check()
        window.watch.wait()  # the check runs beside the window: its conflicts in the pictures
        _settle(app)

        def calendar(w: MainWindow) -> object:
            w.show_section("calendar_view")
            page = w.current_page()
            page.go_to(TODAY)
            _settle(app)
            page.set_view(0)
            _settle(app)
            return w

        def occurrence(w: MainWindow) -> object:
            w.show_section("calendar_view")
            page = w.current_page()
            page.go_to(TODAY)
            page.set_view(1)
            _settle(app)
            held = page._occurrences(TODAY, TODAY.replace(day=28))
            if held:
                first = held[0]
                w.open_occurrence(first.activity.id, first.occurrence.start.date())
            _settle(app)
            return w

        def section(name: str) -> Callable[[MainWindow], object]:
            def show(w: MainWindow) -> object:
                w.show_section(name)
                _settle(app)
                return w

            return show

        def conflicts(w: MainWindow) -> object:
            calendar(w)
            tree = w.conflicts_panel.tree
            for row in range(min(3, tree.topLevelItemCount())):  # a few kinds opened, as a user would
                tree.topLevelItem(row).setExpanded(True)
            w.resizeDocks([w.conflicts_dock], [330], Qt.Orientation.Vertical)
            _settle(app)
            return w.conflicts_dock

        def first_start(w: MainWindow) -> object:
            dialog = FirstStartDialog(w)
            dialog.show()
            _settle(app)
            return dialog

        pictures: dict[str, Callable[[MainWindow], object]] = {
            "first-start": first_start,
            "calendar": calendar,
            "occurrence": occurrence,
            "requests": section("requests_view"),
            "staff": section("staff"),
            "conflicts": conflicts,
            "statistics": section("stats"),
            "time-bank": section("time_bank"),
        }
        for name, make in pictures.items():
            if only and name not in only:
                continue
            widget = make(window)
            _save(widget, out / f"{name}.{suffix}.png", 720 if name == "first-start" else WIDTH)
            if widget is not window and hasattr(widget, "close") and name == "first-start":
                widget.close()
        if extra is not None:
            window.show_section("calendar_view")
            manual = window.help.help_on_screen()
            manual.resize(960, 760)
            _settle(app)
            _save(manual, extra / f"manual-window.{suffix}.png", 960)
            window.show_section("staff")
            manual = window.help.help_on_screen()
            _settle(app)
            _save(manual, extra / f"manual-f1-staff.{suffix}.png", 960)
            about = window.help.about()
            _settle(app)
            _save(about, extra / f"about.{suffix}.png", 720)
            about.close()
            manual.close()
        window.close()
        window.session.close()
        window.deleteLater()
        _settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
