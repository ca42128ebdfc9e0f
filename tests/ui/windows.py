"""Shared GUI test helpers: a main window on a real database holding a plan, and activities to
add to a plan document."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from db.operations import import_document
from db.store import Store
from tests.helpers import sample
from ui.session import Session
from ui.window.mainwindow import MainWindow

CHANGED_ELSEWHERE = "The database was changed elsewhere; what you see is up to date."


def import_plan_doc(path, doc: dict) -> None:
    with Store(path) as s:
        import_document(s, json.dumps(doc, ensure_ascii=False))


def calendar_window(qtbot, path, doc: dict | None = None) -> MainWindow:
    """A 1600×1000 main window on the calendar, its first check done."""
    import_plan_doc(path, doc or sample())
    w = MainWindow(Session(path))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    w.show_section("calendar_view")
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.watch.checker is not None)
    return w


def activity_doc(aid: str, title: str, start: str, minutes: int = 120, **more) -> dict:
    begin = datetime.fromisoformat(start)
    return {
        "id": aid,
        "title": title,
        "kind": "free_clinic",
        "start": begin.isoformat(timespec="minutes"),
        "end": (begin + timedelta(minutes=minutes)).isoformat(timespec="minutes"),
        "organizer": "b-ortho",
        **more,
    }
