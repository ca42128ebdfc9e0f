"""The volunteer time bank (志愿服务时间银行): hours per person or party branch by month for a
year, one person's ledger with every correction, and their ledger and certificate as PDFs."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.planio import load_ledger
from reports.timebank import certificate_pdf, ledger_pdf
from scheduler.recording import LedgerEntry, branch_of, branch_totals, person_totals

from .entities import Catalog
from .i18n import N_, tr, trf
from .printing import save_pdf
from .session import Session
from .widgets import ChangeFollower

KEY = Qt.ItemDataRole.UserRole + 1
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def _number(value: float) -> QStandardItem:
    item = QStandardItem(f"{value:g}" if value else "")
    item.setData(value, Qt.ItemDataRole.UserRole)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class TimeBankPage(QWidget):
    status = Signal(str)  # a line for the status bar (the main window shows it)

    def __init__(self, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.entries: list[LedgerEntry] = []
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(tr("By person"), "person")
        self.mode.addItem(tr("By party branch"), "branch")
        self.mode.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search…"))
        self.total = QLabel()
        self.total.setObjectName("total")

        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("totals")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_ledger())

        self.ledger_model = QStandardItemModel(self)
        self.ledger = QTableView()
        self.ledger.setObjectName("ledger")
        self.ledger.setModel(self.ledger_model)
        self.ledger.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger.verticalHeader().hide()
        self.ledger_title = QLabel()

        self.print_ledger = QPushButton(tr("Print ledger…"))
        self.print_ledger.setObjectName("print_ledger")
        self.print_ledger.clicked.connect(lambda: self.print_person(certificate=False))
        self.print_cert = QPushButton(tr("Certificate of hours…"))
        self.print_cert.setObjectName("print_certificate")
        self.print_cert.clicked.connect(lambda: self.print_person(certificate=True))

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.mode)
        top.addWidget(self.search, 1)
        top.addWidget(self.total)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.ledger_title, 1)
        row.addWidget(self.print_ledger)
        row.addWidget(self.print_cert)
        ll.addLayout(row)
        ll.addWidget(self.ledger)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([500, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()
        ChangeFollower(self, session, lambda c: c.touches("records", "staff", "branches"), self.refresh)

    def refresh(self, *_args: Any) -> None:
        self.entries = load_ledger(self.session.store)
        year = self.year.value()
        plan = self.catalog.plan()
        by_person = self.mode.currentData() == "person"
        totals = person_totals(self.entries, year) if by_person else branch_totals(self.entries, plan, year)
        months = [tr(m) for m in MONTHS]
        self.model.clear()
        first = [tr("Full name"), tr("Department")] if by_person else [tr("Party branch"), tr("People")]
        self.model.setHorizontalHeaderLabels([*first, tr("Hours"), *months])
        people_of: dict[str, int] = {}
        if not by_person:
            for person in person_totals(self.entries, year):
                b = branch_of(plan, person)
                if b:
                    people_of[b] = people_of.get(b, 0) + 1
        grand = 0.0
        for key, per_month in totals.items():
            total = round(sum(per_month.values()), 2)
            if not total:
                continue
            grand += total
            if by_person:
                s = plan.staff.get(key)
                dept = plan.departments.get(s.department) if s else None
                name = QStandardItem(s.name if s else key)
                second = QStandardItem(dept.name if dept else "")
            else:
                b = plan.branches.get(key)
                name = QStandardItem(b.name if b else key)
                second = _number(people_of.get(key, 0))
            name.setData(name.text(), Qt.ItemDataRole.UserRole)
            second.setData(second.data(Qt.ItemDataRole.UserRole) or second.text(), Qt.ItemDataRole.UserRole)
            name.setData(key, KEY)
            self.model.appendRow(
                [name, second, _number(total), *(_number(per_month.get(m, 0.0)) for m in range(1, 13))]
            )
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.resizeColumnsToContents()
        self.total.setText(trf("%1 hours in all", f"{round(grand, 2):g}"))
        self.print_ledger.setEnabled(by_person)
        self.print_cert.setEnabled(by_person)
        self.show_ledger()

    def selected(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.index(index.row(), 0).data(KEY)

    def select(self, key: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(KEY) == key:
                self.table.selectRow(r)
                return

    def show_ledger(self) -> None:
        self.ledger_model.clear()
        self.ledger_model.setHorizontalHeaderLabels(
            [tr("Date"), tr("Activity"), tr("Entry"), tr("Hours"), tr("Entered"), tr("By")]
        )
        key = self.selected()
        if key is None or self.mode.currentData() != "person":
            self.ledger_title.setText(tr("Choose a person to see their ledger."))
            return
        plan = self.catalog.plan()
        year = self.year.value()
        s = plan.staff.get(key)
        self.ledger_title.setText(trf("Ledger of %1", s.name if s else key))
        for e in sorted(
            (e for e in self.entries if e.staff == key and e.occurrence.year == year),
            key=lambda e: (e.occurrence, e.at),
        ):
            act = plan.activities.get(e.activity)
            self.ledger_model.appendRow(
                [
                    QStandardItem(f"{e.occurrence:%Y-%m-%d}"),
                    QStandardItem(act.title if act else e.activity),
                    QStandardItem(tr("Credit") if e.kind == "credit" else tr("Correction")),
                    _number(e.hours) if e.hours > 0 else QStandardItem(f"{e.hours:g}"),
                    QStandardItem(f"{e.at:%Y-%m-%d %H:%M}"),
                    QStandardItem(e.by or ""),
                ]
            )
        self.ledger.resizeColumnsToContents()

    def print_person(self, certificate: bool) -> None:
        key = self.selected()
        if key is None:
            QMessageBox.information(self, tr("Print"), tr("Choose a row first."))
            return
        plan = self.catalog.plan()
        year = self.year.value()
        entries = list(self.entries)
        name = plan.staff[key].name if key in plan.staff else key
        maker = certificate_pdf if certificate else ledger_pdf
        suffix = tr("certificate") if certificate else tr("ledger")
        save_pdf(
            self, f"{name}-{year}-{suffix}.pdf", lambda p, t, now: maker(p, plan, key, entries, year, t, now)
        )
