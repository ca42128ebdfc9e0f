"""The notice of an occurrence for a WeChat group: put on the clipboard and shown, from the
calendar's "Copy notice"; and the notice's settings (gathering time, what to always bring)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from reports.document import translator
from reports.notice import occurrence_notice
from reports.registry import RosterError
from ui.i18n import current_language, tr
from ui.widgets import ok_cancel


def copy_notice(parent: QWidget, catalog: Any, store: Any, activity: str, day: Any) -> NoticeDialog | None:
    """The notice of one occurrence on the clipboard, and a window showing it (None, with a
    word why, for an occurrence that is not held)."""
    settings = ops.notice_settings(store)
    t = translator(current_language())
    try:
        text = occurrence_notice(
            catalog.plan(), catalog.work_calendar, activity, day, t, settings.gather_minutes, settings.bring
        )
    except RosterError as exc:
        QMessageBox.information(parent, tr("Copy notice"), exc.message(t=t, title=tr("Notice")))
        return None
    QGuiApplication.clipboard().setText(text)
    dialog = NoticeDialog(text, parent)
    dialog.show()
    return dialog


class NoticeDialog(QDialog):
    """The text as it was copied, to read over (and copy again after copying something else)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Notice"))
        self.text = text
        self.said = QLabel(tr("Copied to the clipboard: paste it into the WeChat group."))
        self.view = QPlainTextEdit(text)
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.copy_button = QPushButton(tr("Copy again"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.said)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.said.setText(tr("Copied again."))


class NoticeSettingsDialog(QDialog):
    """When people gather before the start, and what they are always asked to bring."""

    def __init__(self, settings: ops.NoticeSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Notice settings"))
        self.gather = QSpinBox()
        self.gather.setRange(0, ops.MAX_GATHER_MINUTES)
        self.gather.setSingleStep(5)
        self.gather.setSuffix(tr(" min before the start"))
        self.gather.setValue(settings.gather_minutes)
        self.bring = QLineEdit(settings.bring)
        self.bring.setMaxLength(300)
        self.bring.setPlaceholderText(tr("e.g. sign-in sheet, banner"))
        form = QFormLayout(self)
        form.addRow(tr("Gathering time"), self.gather)
        form.addRow(tr("Always bring"), self.bring)
        hint = QLabel(tr("The notice adds what the stations' qualifications call for."))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(ok_cancel(self))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        # Room for a list of things to bring and for the hint on one or two lines (it opened at
        # 223×143, the line cut short).
        self.bring.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 40)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 60)
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))

    def settings(self) -> ops.NoticeSettings:
        return ops.NoticeSettings(self.gather.value(), self.bring.text().strip())
