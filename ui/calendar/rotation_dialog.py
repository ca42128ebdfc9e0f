"""The rotation (一周一轮值) of a recurring activity: which department is on turn at which
station, week by week, edited as a table and generated from an ordered list."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from scheduler.calendar.planning import department_on_turn, rotation_from_order
from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.plan.model import Activity, RotationEntry
from ui.i18n import tr, trf
from ui.masterdata.catalog import Catalog
from ui.widgets import ok_cancel


class OrderDialog(QDialog):
    """Choose the departments that take turns and put them in order (drag to reorder)."""

    def __init__(self, catalog: Catalog, chosen: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Departments taking turns"))
        self.list = QListWidget()
        self.list.setObjectName("order")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        rest = sorted(
            (d for d in catalog.departments if d not in chosen), key=lambda d: catalog.departments[d].name
        )
        for dept in [*chosen, *rest]:
            item = QListWidgetItem(catalog.departments[dept].name)
            item.setData(Qt.ItemDataRole.UserRole, dept)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if dept in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Tick the departments that take turns; drag them into order.")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(360, 520)

    def order(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class RotationDialog(QDialog):
    """Weeks down, stations across; each cell the department on turn (or nobody in particular)."""

    def __init__(
        self, catalog: Catalog, activity: Activity, calendar: WorkCalendar, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.catalog = catalog
        self.activity = activity
        self.calendar = calendar
        self.setWindowTitle(trf("Rotation of %1", activity.title))
        self.occurrences = expand(activity, calendar=calendar)
        self.table = QTableWidget(len(self.occurrences), len(activity.stations))
        self.table.setObjectName("rotation")
        self.table.setHorizontalHeaderLabels([s.name for s in activity.stations])
        self.table.setVerticalHeaderLabels([f"{o.start:%Y-%m-%d}" for o in self.occurrences])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.departments = sorted(catalog.departments.values(), key=lambda d: d.name)
        for r, occ in enumerate(self.occurrences):
            for c, station in enumerate(activity.stations):
                combo = QComboBox()
                combo.addItem(tr("(any department)"), None)
                for d in self.departments:
                    combo.addItem(d.name, d.id)
                combo.setCurrentIndex(
                    max(0, combo.findData(department_on_turn(activity, occ.date, station.id)))
                )
                self.table.setCellWidget(r, c, combo)
        generate = QPushButton(tr("Generate from an ordered list…"))
        generate.setObjectName("generate")
        generate.clicked.connect(self.generate)
        clear = QPushButton(tr("Clear"))
        clear.clicked.connect(lambda: self.fill(()))
        buttons = ok_cancel(self, tr("Save"), tr("Cancel"))
        row = QHBoxLayout()
        row.addWidget(generate)
        row.addWidget(clear)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("The department on turn fills the needs of its station; the others stay home that week.")
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(860, 640)

    def fill(self, rotation: tuple[RotationEntry, ...]) -> None:
        probe = replace(self.activity, rotation=rotation)
        for r, occ in enumerate(self.occurrences):
            for c, station in enumerate(self.activity.stations):
                combo: QComboBox = self.table.cellWidget(r, c)  # type: ignore[assignment]
                combo.setCurrentIndex(max(0, combo.findData(department_on_turn(probe, occ.date, station.id))))

    def generate(self) -> None:
        current = list(dict.fromkeys(r.department for r in self.activity.rotation))
        dialog = OrderDialog(self.catalog, current, self)
        if dialog.exec() and dialog.order():
            stations = [s.id for s in self.activity.stations]
            self.fill(rotation_from_order(self.activity, dialog.order(), stations, self.calendar))

    def rotation(self) -> tuple[RotationEntry, ...]:
        out = []
        for r, occ in enumerate(self.occurrences):
            for c, station in enumerate(self.activity.stations):
                combo: QComboBox = self.table.cellWidget(r, c)  # type: ignore[assignment]
                if combo.currentData():
                    out.append(RotationEntry(combo.currentData(), occ.date, station.id))
        return tuple(out)
