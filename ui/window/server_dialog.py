"""File ▸ Connect to office server…: a PostgreSQL database shared by the office's computers
(docs/server.md). The password is asked here and kept in this process's memory only; the
connection string (never the password) is listed among the recent databases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from db.pg import forget_password, is_server_url, probe, remember_password, shown_url, split_password
from db.store import StoreError
from scheduler.plan.wording import N_, say
from ui.i18n import tr
from ui.widgets import ok_cancel

EXAMPLE = "postgresql://wang@192.168.1.10:5432/outreach"

# The role of the login, as the window names it.
ROLE_NAMES = {"planner": N_("Planner"), "recorder": N_("Recorder"), "viewer": N_("Viewer")}


def role_name(role: str | None) -> str:
    return tr(ROLE_NAMES[role]) if role in ROLE_NAMES else ""


class ServerDialog(QDialog):
    """The server's connection string and the login's password; accepted only once the server
    answered (the reason shown in the dialog otherwise)."""

    def __init__(self, parent: QWidget | None = None, url: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Connect to office server"))
        self.url = ""
        self.address = QLineEdit(shown_url(url) if url else "")
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setMinimumWidth(420)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("empty: PGPASSWORD or ~/.pgpass"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        note = QLabel(
            tr(
                "The plan is shared by the office's computers on a PostgreSQL server. Your login's role "
                "(planner, recorder or viewer) decides what you may change; the server enforces it. "
                "Backups are the server's (pg_dump); File ▸ Export plan file still works."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(tr("Server (connection string)"), self.address)
        form.addRow(tr("Password"), self.password)
        form.addRow(self.message)
        form.addRow(ok_cancel(self, tr("Connect")))
        (self.password if url else self.address).setFocus()

    def accept(self) -> None:
        url = self.address.text().strip()
        if not is_server_url(url):
            self.message.setText(tr("Give a connection string beginning with postgresql://, e.g. ") + EXAMPLE)
            return
        # A password typed into the connection string is taken out of it (never shown nor listed
        # among the recent databases) and kept like one typed in its own field.
        url, inline = split_password(url)
        self.address.setText(url)
        password = self.password.text() or inline or ""
        if password:
            self.password.setText(password)
            remember_password(url, password)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            probe(url)
        except StoreError as exc:
            if self.password.text():
                forget_password(url)
            self.message.setText(say(exc, tr))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.url = shown_url(url)
        super().accept()
