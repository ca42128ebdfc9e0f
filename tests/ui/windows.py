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


def main_window(
    qtbot,
    path,
    doc: dict | None = None,
    *,
    as_is: bool = False,
    section: str = "calendar_view",
    role: str | None = None,
    size: tuple[int, int] = (1600, 1000),
    checked: bool = True,
) -> MainWindow:
    """The main window as a user meets it, on the database at `path` after importing `doc` (the
    sample plan unless given; `as_is`: the database as it already is): `size` pixels, shown on
    `section`, its first conflict check done (`checked=False`: maybe still running). `role`: what
    the office server's login would report (planner, recorder, viewer; None: everything)."""
    if not as_is:
        import_plan_doc(path, sample() if doc is None else doc)
    session = Session(path)
    session.store.role = role
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.show_section(section)
    qtbot.waitExposed(w)
    if checked:  # the first check runs beside the window
        qtbot.waitUntil(lambda: w.watch.checker is not None, timeout=60_000)
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
