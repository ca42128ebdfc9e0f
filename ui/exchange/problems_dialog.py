"""Every problem of a rejected plan file, one per line, with its place in the file."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.i18n import tr, trf


class ProblemsDialog(QDialog):
    def __init__(self, path: str, problems: list[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Plan file not imported"))
        text = QPlainTextEdit("\n".join(str(p) for p in problems))
        text.setObjectName("problems")
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                trf("%1 was not imported; the database is unchanged. Problems found: %2", path, len(problems))
            )
        )
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(720, 420)
