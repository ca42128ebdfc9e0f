"""The annual patrol plan dialog: settings, a preview the planner can adjust, accept as one step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from scheduler.calendar.patrol import PatrolSettings, Proposal, propose, to_activities
from scheduler.plan.model import Activity
from ui.i18n import tr, trf
from ui.masterdata.catalog import Catalog
from ui.widgets import ok_cancel


class PatrolPlanDialog(QDialog):
    """Propose the year's pairing visits; the rows can be re-timed or removed before accepting."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None, year: int | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.setWindowTitle(tr("Annual patrol plan"))
        self.proposals: list[Proposal] = []
        self.result_activities: list[Activity] = []
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year)
        self.days = QComboBox()
        self.days.setObjectName("days")
        self.days.addItem(tr("Weekends (staff's rest time)"), True)
        self.days.addItem(tr("Working days"), False)
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setRange(30, 600)
        self.minutes.setSingleStep(30)
        self.minutes.setValue(120)
        self.minutes.setSuffix(tr(" min"))
        self.per_day = QSpinBox()
        self.per_day.setRange(1, 100)
        self.per_day.setValue(8)
        self.service = QComboBox()
        self.service.setObjectName("service")
        self.service.addItem(tr("(no service: plain visit)"), None)
        for s in sorted(catalog.services.values(), key=lambda s: s.name):
            self.service.addItem(s.name, s.id)
        self.service.setCurrentIndex(max(0, self.service.findData("free-clinic")))
        form = QFormLayout()
        form.addRow(tr("Year"), self.year)
        form.addRow(tr("Visit on"), self.days)
        form.addRow(tr("Starting at"), self.start)
        form.addRow(tr("Length"), self.minutes)
        form.addRow(tr("At most per day (whole hospital)"), self.per_day)
        form.addRow(tr("Service"), self.service)
        propose_button = QPushButton(tr("Propose"))
        propose_button.setObjectName("propose")
        propose_button.clicked.connect(self.make_proposal)
        remove = QPushButton(tr("Remove selected rows"))
        remove.clicked.connect(self.remove_rows)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("preview")
        self.table.setHorizontalHeaderLabels(
            [tr("When"), tr("Party branch"), tr("Partner"), tr("Aged 60+"), tr("Yearly target"), tr("Month")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        buttons = ok_cancel(self, tr("Create these visits"), tr("Cancel"))
        row = QHBoxLayout()
        row.addWidget(propose_button)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)

    def settings(self) -> PatrolSettings:
        t = self.start.time()
        return PatrolSettings(
            self.year.value(),
            self.days.currentData(),
            time(t.hour(), t.minute()),
            self.minutes.value(),
            self.per_day.value(),
        )

    def make_proposal(self) -> None:
        c = self.catalog
        self.proposals = propose(
            c.pairings.values(), c.partners, list(c.activities.values()), c.work_calendar, self.settings()
        )
        self.table.setRowCount(len(self.proposals))
        for r, p in enumerate(self.proposals):
            edit = QDateTimeEdit(
                QDateTime(
                    QDate(p.start.year, p.start.month, p.start.day), QTime(p.start.hour, p.start.minute)
                )
            )
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            self.table.setCellWidget(r, 0, edit)
            partner = c.partners[p.partner]
            pairing = c.pairings[p.pairing]
            share = "" if partner.share_60_plus is None else f"{partner.share_60_plus:.0%}"
            for col, text in (
                (1, c.name_of("branches", p.branch)),
                (2, partner.name),
                (3, share),
                (4, str(pairing.visits_per_year)),
                (5, str(p.start.month)),
            ):
                self.table.setItem(r, col, QTableWidgetItem(text))
        unknown = c.work_calendar.unknown_years([self.year.value()])
        note = trf(" (holidays of %1 not entered: check the dates)", self.year.value()) if unknown else ""
        self.summary.setText(trf("%1 visits proposed", len(self.proposals)) + note)

    def remove_rows(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)
            del self.proposals[r]
        self.summary.setText(trf("%1 visits proposed", len(self.proposals)))

    def adjusted(self) -> list[Proposal]:
        out = []
        for r, p in enumerate(self.proposals):
            q = self.table.cellWidget(r, 0).dateTime()  # type: ignore[union-attr]
            d, t = q.date(), q.time()
            start = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
            out.append(replace(p, start=start, end=start + (p.end - p.start)))
        return out

    def accept(self) -> None:
        if not self.proposals:
            self.make_proposal()
            return
        service = self.catalog.services.get(self.service.currentData() or "")
        self.result_activities = to_activities(
            self.adjusted(), self.catalog.partners, service, set(self.catalog.activities)
        )
        super().accept()
