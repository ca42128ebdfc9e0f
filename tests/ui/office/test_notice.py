"""The notice from the GUI: "Copy notice" on an occurrence puts the text on the clipboard and
shows it; its gathering time is a setting (undoable)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from db.operations import notice_settings
from tests.reports.test_notice import ZH
from tests.ui.windows import main_window
from ui.office.notice_dialog import NoticeDialog, NoticeSettingsDialog

pytestmark = pytest.mark.gui


def _choose(page, day: date):
    page.go_to(day)
    shown = next(s for s in page.shown if s.activity.id == "a1" and s.occurrence.date == day)
    page.show_details(shown)
    return shown


def test_copy_notice_puts_the_text_on_the_clipboard_and_shows_it(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()
    QGuiApplication.clipboard().setText("something else")
    _choose(page, date(2026, 12, 3))
    assert page.notice_button.isEnabled() and page.notice_button.text() == "复制通知"
    page.notice_button.click()
    assert QGuiApplication.clipboard().text() == ZH
    dialog = page.edits.notice_dialog
    assert isinstance(dialog, NoticeDialog) and dialog.isVisible()
    assert dialog.view.toPlainText() == ZH and dialog.view.isReadOnly()
    assert "已复制到剪贴板" in dialog.said.text()
    QGuiApplication.clipboard().setText("overwritten")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == ZH
    dialog.close()
    w.session.close()


def test_a_called_off_occurrence_has_no_notice_button(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()
    shown = _choose(page, date(2026, 12, 17))
    from scheduler.plan.model import Record

    w.session.edit("call off", saves={"records": [Record("a1", shown.occurrence.date, "cancelled", "雨")]})
    _choose(page, date(2026, 12, 17))
    assert not page.notice_button.isEnabled()
    # Asked all the same (a stale window): a word why, nothing copied.
    QGuiApplication.clipboard().setText("kept")
    said = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_box)
    assert page.edits.copy_notice() is None
    assert said and "2026-12-17" in said[0] and QGuiApplication.clipboard().text() == "kept"
    w.session.close()


def test_gathering_time_setting_is_undoable_and_used_by_the_notice(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoticeSettingsDialog)
        assert dialog.gather.value() == 30
        dialog.gather.setValue(45)
        dialog.bring.setText("横幅")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    w.settings.edit_notice_settings()
    assert notice_settings(w.session.store).gather_minutes == 45
    _choose(page, date(2026, 12, 3))
    page.notice_button.click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert "【集合】17:15（提前45分钟）" in lines and lines[10].endswith("、听诊器、横幅")
    page.edits.notice_dialog.close()
    w.undo_action.trigger()
    assert notice_settings(w.session.store).gather_minutes == 30
    page.notice_button.click()
    assert QGuiApplication.clipboard().text() == ZH
    page.edits.notice_dialog.close()
    w.session.close()
