"""The volunteer time bank (志愿服务时间银行): hours per person or party branch by month for a
year, one person's ledger with every correction, and their ledger and certificate as PDFs."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
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
from scheduler.office.recording import LedgerEntry, branch_of, branch_totals, person_totals
from ui.i18n import N_, tr, trf
from ui.masterdata.catalog import Catalog
from ui.session import Session
from ui.widgets import ChangeFollower

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


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # made once, not per cell
DISPLAY, SORT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
Row = tuple[str, str, Any, float, tuple[float, ...]]  # key, name, department or head count, hours, months


def _number(value: float) -> QStandardItem:
    item = QStandardItem(f"{value:g}" if value else "")
    item.setData(value, Qt.ItemDataRole.UserRole)
    item.setTextAlignment(RIGHT)
    return item


class TotalsModel(QAbstractTableModel):
    """The totals table: one row per person or branch — name, department or head count, hours,
    twelve months. Rows are plain tuples, a cell's text is made when the view asks for it, and the
    model filters (by name, department or branch) and sorts the rows itself: no item per cell,
    no proxy reading every cell through Qt to sort."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[Row] = []
        self.shown: list[Row] = []  # filtered and sorted
        self.search = ""
        self.order = (2, Qt.SortOrder.DescendingOrder)

    def set_rows(self, headers: list[str], rows: list[Row]) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self._arrange()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self.search = text.strip().casefold()
        self._arrange()
        self.endResetModel()

    @staticmethod
    def value(row: Row, column: int) -> Any:
        _key, name, second, hours, months = row
        return (name, second, hours)[column] if column < 3 else months[column - 3]

    @staticmethod
    def text(row: Row, column: int) -> str:
        v = TotalsModel.value(row, column)
        return v if isinstance(v, str) else _g(v)

    def _arrange(self) -> None:
        q = self.search
        found = [r for r in self.rows if not q or q in r[1].casefold() or q in str(r[2]).casefold()]
        column, order = self.order
        found.sort(key=lambda r: (self.value(r, column), r[1]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.shown = found

    # -- QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = self.shown[index.row()], index.column()
        if role == DISPLAY:
            return self.text(row, column)
        if role == SORT:
            return self.value(row, column)
        if role == KEY:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(self.value(row, column), str):
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.order = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    def row_of(self, key: str) -> int | None:
        return next((r for r, row in enumerate(self.shown) if row[0] == key), None)

    def widest(self, column: int) -> str:
        """The text of the column that needs the most room (names by their width in half-width
        columns, numbers by their largest value)."""
        values = [self.value(r, column) for r in self.rows]
        if not values:
            return ""
        if isinstance(values[0], str):
            return max(values, key=_width)
        return _g(max(values))


def _g(value: float) -> str:
    return f"{value:g}" if value else ""


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

        self.model = TotalsModel(self)
        self.search.textChanged.connect(self.model.set_search)
        self.table = QTableView()
        self.table.setObjectName("totals")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
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
        first = [tr("Full name"), tr("Department")] if by_person else [tr("Party branch"), tr("People")]
        people_of: dict[str, int] = {}
        if not by_person:
            for person in person_totals(self.entries, year):
                b = branch_of(plan, person)
                if b:
                    people_of[b] = people_of.get(b, 0) + 1
        grand = 0.0
        rows = []
        for key, per_month in totals.items():
            total = round(sum(per_month.values()), 2)
            if not total:
                continue
            grand += total
            second: Any
            if by_person:
                s = plan.staff.get(key)
                dept = plan.departments.get(s.department) if s else None
                name, second = (s.name if s else key), (dept.name if dept else "")
            else:
                b = plan.branches.get(key)
                name, second = (b.name if b else key), people_of.get(key, 0)
            rows.append((key, name, second, total, tuple(per_month.get(m, 0.0) for m in range(1, 13))))
        self.model.set_rows([*first, tr("Hours"), *months], rows)
        self._fit_columns()
        self.total.setText(trf("%1 hours in all", f"{round(grand, 2):g}"))
        self.print_ledger.setEnabled(by_person)
        self.print_cert.setEnabled(by_person)
        self.show_ledger()

    def _fit_columns(self) -> None:
        """Columns as wide as their widest text, measured once per column (asking the view to
        measure every cell reads each one through the model)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, title in enumerate(self.model.headers):
            width = metrics.horizontalAdvance(self.model.widest(column)) + 16
            header.resizeSection(column, max(width, metrics.horizontalAdvance(title) + 28))

    def selected(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.index(index.row(), 0).data(KEY)

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row is not None:
            self.table.selectRow(row)

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
        # reportlab is loaded when something is printed, not when the page is first shown.
        from reports.timebank import certificate_pdf, ledger_pdf
        from ui.exchange.printing import save_pdf

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


def _width(text: str) -> int:
    """A text's width in half-width columns (a Chinese character takes two)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
