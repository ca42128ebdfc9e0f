"""The window refuses a SQLite file of another application as the command line does (issue 20):
a message, the file left byte for byte as it was, never converted."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.window.app import Controller

pytestmark = pytest.mark.gui


def test_opening_another_applications_database_is_refused(qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "his.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO patients (name) VALUES ('王芳')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: said.append(text))
    controller = Controller()
    assert controller.open(path) is False
    assert len(said) == 1 and "patients" in said[0] and str(path) in said[0], said
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["his.sqlite"]
