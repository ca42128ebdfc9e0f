"""Two computers on one office server: a change committed on another connection reaches this
window's session within 2 s through LISTEN/NOTIFY, as one `changed` signal (everything re-read)."""

from __future__ import annotations

import time
from dataclasses import replace

from db.operations import import_document, save
from db.planio import load_plan
from db.store import Store
from tests.helpers import sample_text
from ui.session import Session


def test_change_from_another_computer_arrives_within_two_seconds(qtbot, pg_url: str) -> None:
    with Store(pg_url) as other:
        import_document(other, sample_text())
    session = Session(pg_url)
    try:
        session._watch.stop()  # no polling: only the server's announcement may bring it
        seen: list[object] = []
        session.changed.connect(lambda changes, initiator: seen.append(changes))
        with Store(pg_url) as other:
            staff = next(iter(load_plan(other).staff.values()))
            t0 = time.perf_counter()
            save(other, "staff", [replace(staff, name="新名字")])
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
        assert time.perf_counter() - t0 < 2.0
        assert session.catalog.section("staff")[staff.id].name == "新名字"
    finally:
        session.close()
