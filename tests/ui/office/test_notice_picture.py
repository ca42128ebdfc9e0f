"""Pictures from the GUI: the print preview copies the document as one long picture and saves
it as a PNG, through the same reports function as `roster … -o FILE.png`."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.windows import main_window

pytestmark = pytest.mark.gui


def test_print_preview_copies_and_saves_the_roster_as_a_picture(
    qtbot, db_path, tmp_path, monkeypatch
) -> None:
    from reports.rosters import weekly_roster
    from ui.exchange import printing

    w = main_window(qtbot, db_path)
    page = w.current_page()
    plan, cal = page.catalog.plan(), page.catalog.work_calendar
    dialog = printing.save_pdf(
        page, "week-2026-11-30.pdf", lambda p, t, now: weekly_roster(p, plan, cal, date(2026, 11, 30), t, now)
    )
    assert dialog is not None  # deletes itself when closed (below)
    assert dialog.copy_picture_button.text() == "复制为图片"
    assert dialog.save_picture_button.text() == "另存为图片…"
    # Copy: the picture on the clipboard, 1080 px wide.
    QGuiApplication.clipboard().clear()
    dialog.copy_picture_button.click()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() == 1080 and image.height() > 400  # empty foot cut
    # Save: the name suggested ends in .png; the file is the picture.
    target = tmp_path / "week"
    asked = []

    def choose(*args, **kwargs):
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog.save_picture_button.click()
    saved = tmp_path / "week.png"
    assert asked and asked[0][2].endswith("week-2026-11-30.png")
    assert saved.exists() and not list(tmp_path.glob(".*"))
    with Image.open(saved) as png:
        assert png.format == "PNG" and png.size == (image.width(), image.height())
    # A folder that is not there: a warning, nothing written, no traceback.
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "x.png"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert dialog.save_picture() is None and warned and "x.png" in warned[0]
    dialog.close()
    w.session.close()
