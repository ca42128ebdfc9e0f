"""Picking a person for an occurrence or station: the candidate list shows who is free, what
they are qualified for, hours left this month and the effect on their department's cover."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scheduler.calendar.recurrence import Occurrence
from scheduler.conflicts.candidates import Candidate, candidates
from scheduler.conflicts.kinds import KINDS, UNQUALIFIED
from scheduler.plan.model import Activity, clinical_hours_of
from ui.i18n import N_, tr, trf
from ui.labels import ROLES, qualification_label
from ui.masterdata.catalog import Catalog
from ui.widgets import ok_cancel

_Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    N_("Full name"),
    N_("Department"),
    N_("Qualified for"),
    N_("At that time"),
    N_("Hours this month"),
    N_("Effect on cover"),
)


class CandidateModel(QAbstractTableModel):
    def __init__(self, catalog: Catalog, needs_text: list[str], length: float, parent: Any = None):
        super().__init__(parent)
        self.catalog = catalog
        self.needs_text = needs_text
        self.length = length
        self.items: list[Candidate] = []

    def set_items(self, items: list[Candidate]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section])
        return None

    def text(self, c: Candidate, col: int) -> str:
        s = self.catalog.staff[c.staff]
        if col == 0:
            return s.name + (" ★" if s.party_member else "")
        if col == 1:
            return self.catalog.name_of("departments", s.department)
        if col == 2:
            if not self.needs_text:
                return "、".join(qualification_label(q) for q in s.qualifications)
            return "、".join(self.needs_text[i] for i in c.needs) or tr("none of the needs")
        if col == 3:
            parts = []
            if c.away:
                parts.append(trf("away: %1", "、".join(c.away)))
            parts += [trf("busy: %1 %2", t, f"{start:%H:%M}") for t, start in c.busy]
            return "；".join(parts) or tr("free")
        if col == 4:
            if c.cap is None:
                return f"{c.hours_month:g} h"
            return trf("%1 of %2 h", f"{c.hours_month:g}", f"{c.cap:g}")
        if c.cover_left is None and not c.breaks_cover:
            return tr("no effect") if c.cover_min else ""
        if c.breaks_cover:
            return trf("breaks cover: %1 of %2 left", c.cover_left, c.cover_min)
        return tr("ok")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(c, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == 3 and (c.busy or c.away):
                return QColor("#c62828")
            if index.column() == 5 and c.breaks_cover:
                return QColor("#c62828")
            if index.column() == 4 and c.cap is not None and c.hours_month + self.length > c.cap:
                return QColor("#b26a00")
            if index.column() == 2 and self.needs_text and not c.needs:
                return QColor("#808080")
        return None


class CandidateFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.words: list[str] = []
        self.only_suitable = False
        self.length = 0.0

    def set(self, text: str, only_suitable: bool) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.only_suitable = only_suitable
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model: CandidateModel = self.sourceModel()  # type: ignore[assignment]
        c = model.items[row]
        if self.only_suitable and (c.problems(model.length) or (model.needs_text and not c.needs)):
            return False
        if not self.words:
            return True
        text = " ".join(model.text(c, i) for i in range(3)).casefold() + " " + c.staff.casefold()
        return all(w in text for w in self.words)


class AssignDialog(QDialog):
    """Choose the station, the role and the person; `chosen` holds (staff, station, role)."""

    def __init__(self, catalog: Catalog, activity: Activity, occ: Occurrence, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.activity = activity
        self.occ = occ
        self.chosen: tuple[str, str | None, str] | None = None
        self.setWindowTitle(trf("Assign a person: %1 %2", activity.title, f"{occ.start:%Y-%m-%d %H:%M}"))
        self.station = QComboBox()
        self.station.setObjectName("station")
        for st in activity.stations:
            self.station.addItem(st.name, st.id)
        self.station.addItem(tr("(the activity as a whole)"), None)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for code, text in ROLES.items():
            self.role.addItem(tr(text), code)
        self.role.setCurrentIndex(self.role.findData("member"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Search…"))
        self.only = QCheckBox(tr("Only suitable people"))
        self.only.setObjectName("only_suitable")
        self.length = (occ.end - occ.start).total_seconds() / 3600
        self.model = CandidateModel(catalog, [], self.length, self)
        self.proxy = CandidateFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("candidates")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        # Sizing columns reads cells; the first rows are enough (there are 1,500 people).
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setResizeContentsPrecision(40)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        self.legend = QLabel(
            tr(
                "★ party member · suitable people first: free, qualified, from the organizing branch, fewest hours"
            )
        )
        self.legend.setStyleSheet("color: #606060;")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Station")))
        top.addWidget(self.station)
        top.addWidget(QLabel(tr("Role")))
        top.addWidget(self.role)
        top.addStretch(1)
        top.addWidget(self.only)
        top.addWidget(self.search)
        buttons = ok_cancel(self, tr("Assign"), tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self.station.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self._filter)
        self.only.toggled.connect(self._filter)
        self.reload()

    def reload(self, *_args: Any) -> None:
        station = self.station.currentData()
        st = next((s for s in self.activity.stations if s.id == station), None)
        needs_text = []
        for n in st.needs if st else ():
            who = " ".join(
                x
                for x in (
                    self.catalog.name_of("departments", n.department),
                    qualification_label(n.qualification or ""),
                )
                if x
            )
            needs_text.append(who or tr("anyone"))
        self.model.needs_text = needs_text
        hospital = self.catalog.hospital
        hours = clinical_hours_of(hospital)
        found = candidates(
            self.catalog.plan(), self.catalog.work_calendar, self.activity, self.occ, station, hours
        )
        self.model.set_items(found)
        self.view.resizeColumnsToContents()
        if self.proxy.rowCount():
            self.view.selectRow(0)

    def _filter(self, *_args: Any) -> None:
        self.proxy.set(self.search.text(), self.only.isChecked())
        if self.proxy.rowCount():
            self.view.selectRow(0)

    def selected(self) -> Candidate | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.items[self.proxy.mapToSource(rows[0]).row()]

    def accept(self) -> None:
        c = self.selected()
        if c is None:
            return
        problems = c.problems(self.length)
        if self.model.needs_text and not c.needs:
            problems.append(UNQUALIFIED.code)
        if problems:
            names = "、".join(tr(KINDS[k].name) for k in problems)
            answer = QMessageBox.warning(
                self,
                tr("Assign anyway?"),
                trf("Assigning %1 causes: %2. Assign anyway?", self.catalog.staff[c.staff].name, names),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.chosen = (c.staff, self.station.currentData(), self.role.currentData())
        super().accept()
