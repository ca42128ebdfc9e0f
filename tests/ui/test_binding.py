"""Guards the pinned Qt binding: PySide6 6.12.0 drops a reference to None on every call that
returns nothing, which crashes Python 3.11 after a few thousand calls (see requirements.txt)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton


def test_calls_returning_nothing_keep_none_alive(qapp) -> None:
    label, button = QLabel(), QPushButton()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        button.setEnabled(True)
    # On Python 3.12+ None is immortal and its count means nothing; on 3.11 it must not fall.
    assert sys.version_info >= (3, 12) or sys.getrefcount(None) >= before
