"""The hospital's name and clinical hours."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QTimeEdit, QVBoxLayout, QWidget

from scheduler.plan.model import Hospital
from ui.i18n import tr, trf
from ui.widgets import ok_cancel


class HospitalDialog(QDialog):
    def __init__(self, hospital: Hospital, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Hospital"))
        self.hospital = hospital
        self.name = QLineEdit(hospital.name)
        self.name.setObjectName("hospital_name")
        self.start = QTimeEdit(QTime.fromString(hospital.clinical_hours[0], "HH:mm"))
        self.end = QTimeEdit(QTime.fromString(hospital.clinical_hours[1], "HH:mm"))
        for t in (self.start, self.end):
            t.setDisplayFormat("HH:mm")
        form = QFormLayout()
        form.addRow(tr("Hospital name"), self.name)
        form.addRow(tr("Clinical hours from"), self.start)
        form.addRow(tr("Clinical hours until"), self.end)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def result_hospital(self) -> Hospital:
        return Hospital(
            self.name.text().strip(),
            self.hospital.timezone,
            (self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm")),
            self.hospital.extra,
        )

    def accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(trf("“%1” is required.", tr("Hospital name")))
            return
        if self.start.time() >= self.end.time():
            self.message.setText(tr("Clinical hours must end after they start."))
            return
        super().accept()
