"""Recording an occurrence on site: one screen, keyboard all the way, starting from the plan
(done, every planned person for the whole time) so that only what differed is typed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reports.messages import SERVICE_COUNT_NAMES
from scheduler.conflicts.held import Booked
from scheduler.office.recording import SERVICE_COUNTS, default_record, planned_hours, record_problems
from scheduler.plan.model import Attendance, Plan, Record
from ui.i18n import tr, trf
from ui.widgets import ok_cancel


class RecordDialog(QDialog):
    """`record()` gives the Record to save once the dialog is accepted."""

    def __init__(
        self, plan: Plan, booked: Booked, existing: Record | None, user: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.plan = plan
        self.booked = booked
        self.user = user
        a, o = booked.activity, booked.occ
        self.setWindowTitle(trf("Record: %1 %2", a.title, f"{o.start:%Y-%m-%d %H:%M}"))
        start = existing or default_record(booked)
        self.base = start
        self.hours_default = planned_hours(booked)
        self._build_outcome(start)
        counts_box = self._build_counts(start)
        people_box = self._build_people(start)
        self._build_notes(start)
        form = QFormLayout()
        form.addRow(tr("Status"), self.status)
        form.addRow(tr("Reason"), self.reason)
        form.addRow(tr("People served"), self.served)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(counts_box)
        layout.addWidget(people_box, 1)
        layout.addWidget(QLabel(tr("Notes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.problems)
        layout.addWidget(ok_cancel(self, tr("Save record")))
        self._status_changed()
        self.served.setFocus()
        self.served.selectAll()
        self.resize(760, 720)

    def _build_outcome(self, start: Record) -> None:
        """Held or called off (with why), and how many people were served."""
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(tr("Done"), "done")
        self.status.addItem(tr("Cancelled"), "cancelled")
        self.status.setCurrentIndex(self.status.findData(start.status))
        self.reason = QLineEdit(start.reason or "")
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(tr("Why it was cancelled"))
        self.served = QSpinBox()
        self.served.setObjectName("served")
        self.served.setRange(0, 1_000_000)
        self.served.setValue(start.served or 0)
        self.status.currentIndexChanged.connect(self._status_changed)

    def _build_counts(self, start: Record) -> QGroupBox:
        """Counts per service: the usual ones as spin boxes, any other key kept as it was."""
        self.counts: dict[str, QSpinBox] = {}
        have = dict(start.services)
        grid = QGridLayout()
        for i, key in enumerate(SERVICE_COUNTS):
            spin = QSpinBox()
            spin.setObjectName(f"count_{key}")
            spin.setRange(0, 1_000_000)
            spin.setValue(have.pop(key, 0))
            self.counts[key] = spin
            label = QLabel(tr(SERVICE_COUNT_NAMES[key]))
            label.setBuddy(spin)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(spin, i // 3, (i % 3) * 2 + 1)
        self.other_counts = have
        counts_box = QGroupBox(tr("People served per service"))
        counts_box.setLayout(grid)
        return counts_box

    def _build_people(self, start: Record) -> QGroupBox:
        """Who attended: the planned people ticked with the planned hours; add anyone else."""
        plan, booked = self.plan, self.booked
        self.people = QTableWidget(0, 3)
        self.people.setObjectName("attended")
        self.people.setHorizontalHeaderLabels([tr("Attended"), tr("Department"), tr("Hours")])
        self.people.verticalHeader().hide()
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.people.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows: dict[str, QDoubleSpinBox] = {}
        planned = sorted(booked.people, key=lambda p: plan.staff[p].name if p in plan.staff else p)
        attended = {x.staff: x.hours for x in start.attended}
        for person in planned:
            self._add_row(person, attended.get(person), checked=person in attended)
        for person, hours in attended.items():
            if person not in self.rows:
                self._add_row(person, hours, checked=True)
        self.add_person = QLineEdit()
        self.add_person.setObjectName("add_person")
        self.add_person.setPlaceholderText(tr("Add someone who came: type a name, Enter"))
        self.names = {
            f"{s.name} ({plan.departments[s.department].name if s.department in plan.departments else s.department})": s.id
            for s in plan.staff.values()
            if s.active
        }
        completer = QCompleter(sorted(self.names))
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_person.setCompleter(completer)
        self.add_person.returnPressed.connect(self._add_typed)
        add_button = QPushButton(tr("Add"))
        add_button.setAutoDefault(False)
        add_button.clicked.connect(self._add_typed)
        people_box = QGroupBox(tr("Who attended (hours go to the volunteer time bank)"))
        pl = QVBoxLayout(people_box)
        pl.addWidget(self.people)
        row = QHBoxLayout()
        row.addWidget(self.add_person, 1)
        row.addWidget(add_button)
        pl.addLayout(row)
        return people_box

    def _build_notes(self, start: Record) -> None:
        self.notes = QPlainTextEdit(start.notes or "")
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)

    def _add_row(self, person: str, hours: float | None, checked: bool) -> None:
        s = self.plan.staff.get(person)
        r = self.people.rowCount()
        self.people.insertRow(r)
        item = QTableWidgetItem(s.name if s else person)
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, person)
        self.people.setItem(r, 0, item)
        dept = self.plan.departments.get(s.department) if s else None
        d = QTableWidgetItem(dept.name if dept else "")
        d.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.people.setItem(r, 1, d)
        spin = QDoubleSpinBox()
        spin.setRange(0.25, 24)
        spin.setSingleStep(0.25)
        spin.setDecimals(2)
        spin.setValue(hours if hours is not None else self.hours_default)
        self.people.setCellWidget(r, 2, spin)
        self.rows[person] = spin

    def _add_typed(self) -> None:
        person = self.names.get(self.add_person.text().strip())
        if person is None:
            self.problems.setText(tr("No one of that name: choose from the list."))
            return
        if person in self.rows:
            row = next(
                r
                for r in range(self.people.rowCount())
                if self.people.item(r, 0).data(Qt.ItemDataRole.UserRole) == person
            )
            self.people.item(row, 0).setCheckState(Qt.CheckState.Checked)
        else:
            self._add_row(person, None, checked=True)
        self.add_person.clear()
        self.problems.clear()

    def _status_changed(self) -> None:
        cancelled = self.status.currentData() == "cancelled"
        self.reason.setEnabled(cancelled)
        for w in (self.served, self.people, self.add_person, *self.counts.values()):
            w.setEnabled(not cancelled)
        if cancelled:
            self.reason.setFocus()

    def record(self) -> Record:
        cancelled = self.status.currentData() == "cancelled"
        attended = []
        if not cancelled:
            for r in range(self.people.rowCount()):
                item = self.people.item(r, 0)
                if item.checkState() == Qt.CheckState.Checked:
                    person = item.data(Qt.ItemDataRole.UserRole)
                    attended.append(Attendance(person, self.rows[person].value()))
        services = [] if cancelled else [(k, s.value()) for k, s in self.counts.items() if s.value()]
        services += list(self.other_counts.items())
        return Record(
            activity=self.booked.activity.id,
            occurrence=self.booked.occ.date,
            status="cancelled" if cancelled else "done",
            reason=self.reason.text().strip() or None if cancelled else None,
            served=None if cancelled else self.served.value(),
            services=tuple(services),
            attended=tuple(attended),
            notes=self.notes.toPlainText().strip() or None,
            recorded_at=datetime.now().replace(second=0, microsecond=0),
            recorded_by=self.user,
            extra=self.base.extra,
        )

    def accept(self) -> None:
        problems = record_problems(self.record(), self.plan)
        if problems:
            self.problems.setText("\n".join(tr(reason) for _field, reason in problems))
            return
        super().accept()
