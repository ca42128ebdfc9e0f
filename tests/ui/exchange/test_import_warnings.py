"""The GUI's plan-file import says what the command line says as warnings (issue 20): a rule cut
at the horizon, a start off its rule; the file is imported all the same."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from db.planio import load_plan
from db.store import Store
from tests.helpers import sample
from ui.session import Session
from ui.window.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def test_import_shows_the_warnings_and_imports(qtbot, db_path, tmp_path, monkeypatch) -> None:
    doc = sample()
    a = dict(doc["activities"][0], id="long", start="2026-12-03T18:00", end="2026-12-03T21:00")
    a["rrule"] = "FREQ=WEEKLY;COUNT=400"
    for key in ("exdates", "moved", "rotation"):
        a.pop(key, None)
    doc["activities"].append(a)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    window = MainWindow(Session(db_path))
    qtbot.addWidget(window)
    window.files.import_plan_file(str(plan))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "plan.json" in shown[0] and f"$.activities[{len(doc['activities']) - 1}].rrule" in shown[0]
    assert "262" in shown[0] and "2031-12-04" in shown[0]
    with Store(db_path, readonly=True) as s:
        assert "long" in load_plan(s).activities
    window.session.close()
