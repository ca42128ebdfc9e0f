"""Choosing a backup to restore: when each was taken and how big it is, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db.backup import Backup
from ui.i18n import tr, trf
from ui.widgets import ok_cancel


class RestoreDialog(QDialog):
    def __init__(self, backups: list[Backup], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from backup"))
        self.backups = backups
        self.list = QListWidget()
        self.list.setObjectName("backups")
        for b in backups:
            item = QListWidgetItem(trf("%1 · %2 KB", f"{b.taken:%Y-%m-%d %H:%M:%S}", f"{b.size // 1024:,}"))
            item.setToolTip(str(b.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        note = QLabel(
            tr("Backups are taken when the app starts and every day, and with File ▸ Back up now.")
            if backups
            else tr("There is no backup of this database yet.")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        buttons = ok_cancel(self, tr("Restore"))
        buttons.button(buttons.StandardButton.Ok).setEnabled(bool(backups))
        layout.addWidget(buttons)
        self.resize(460, 360)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None
