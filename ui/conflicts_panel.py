"""The conflicts panel: every conflict grouped by kind, filtered by severity and kind; a click
opens what it concerns; warnings can be acknowledged with a reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reports.messages import KIND_NAMES, describe
from scheduler.conflicts import ERROR, KINDS, Conflict, key_text
from scheduler.model import Plan

from .i18n import tr, trf
from .labels import label

ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#b26a00")


class ConflictsPanel(QWidget):
    """Lists conflicts; emits `open_conflict(conflict)` and `acknowledge(conflict, reason)`."""

    open_conflict = Signal(object)
    acknowledge = Signal(object, str)
    withdraw = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflicts: list[Conflict] = []
        self.acks: dict[str, tuple[str, str | None, str]] = {}
        self.plan = Plan()
        self.rows: list[Conflict] = []
        self.pending: dict[str, list[Conflict]] = {}  # rows of groups not opened yet
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        self.severity.addItem(tr("Errors and warnings"), None)
        self.severity.addItem(tr("Errors only"), "error")
        self.severity.addItem(tr("Warnings only"), "warning")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(tr("All kinds"), None)
        for k in KINDS:
            self.kind.addItem(label(KIND_NAMES, k), k)
        self.show_acked = QCheckBox(tr("Show acknowledged"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.ack_button = QPushButton(tr("Acknowledge…"))
        self.ack_button.setObjectName("acknowledge")
        self.withdraw_button = QPushButton(tr("Withdraw acknowledgement"))
        for w in (self.severity, self.kind):
            w.currentIndexChanged.connect(self.fill)
        self.show_acked.toggled.connect(self.fill)
        self.ack_button.clicked.connect(self._ack)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.tree = QTreeWidget()
        self.tree.setObjectName("conflicts")
        self.tree.setHeaderLabels([tr("Severity"), tr("What"), tr("When")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemSelectionChanged.connect(self._enable)
        top = QHBoxLayout()
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(self.severity)
        top.addWidget(self.kind)
        top.addWidget(self.show_acked)
        top.addWidget(self.ack_button)
        top.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self._enable()

    def set_conflicts(self, conflicts: list[Conflict], plan: Plan, acks: dict[str, Any]) -> None:
        self.conflicts, self.plan, self.acks = conflicts, plan, acks
        self.fill()

    def fill(self, *_args: Any) -> None:
        sev, kind = self.severity.currentData(), self.kind.currentData()
        show_acked = self.show_acked.isChecked()
        errors = sum(1 for c in self.conflicts if c.severity == ERROR)
        warnings = len(self.conflicts) - errors
        acked = sum(1 for c in self.conflicts if c.severity != ERROR and key_text(c) in self.acks)
        self.summary.setText(trf("%1 errors, %2 warnings (%3 acknowledged)", errors, warnings, acked))
        expanded = {
            self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).isExpanded()
        }
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        # Rows carry an index into this list: Python objects kept inside Qt items outlive the
        # interpreter at exit and crash it (PySide6).
        self.rows: list[Conflict] = []
        self.pending = {}
        groups: dict[str, list[Conflict]] = {}
        for c in self.conflicts:
            if (sev and c.severity != sev) or (kind and c.kind != kind):
                continue
            ack = self.acks.get(key_text(c)) if c.severity != ERROR else None
            if ack is not None and not show_acked:
                continue
            groups.setdefault(c.kind, []).append(c)
        for k, items in groups.items():
            head = QTreeWidgetItem(
                [
                    tr("Error") if KINDS[k].severity == ERROR else tr("Warning"),
                    f"{label(KIND_NAMES, k)} ({len(items)})",
                    "",
                ]
            )
            head.setData(0, Qt.ItemDataRole.UserRole, k)
            head.setForeground(0, ERROR_COLOUR if KINDS[k].severity == ERROR else WARNING_COLOUR)
            font = head.font(1)
            font.setBold(True)
            head.setFont(1, font)
            self.pending[k] = items
            head.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.tree.addTopLevelItem(head)
            head.setExpanded(k in expanded or len(groups) == 1)
        self.tree.setUpdatesEnabled(True)
        self._enable()

    def _expanded(self, head: QTreeWidgetItem) -> None:
        """A group's rows are made when it is first opened (thousands of rows cost seconds)."""
        items = self.pending.pop(head.data(0, Qt.ItemDataRole.UserRole), None)
        if items is None:
            return
        rows = []
        for c in items[:2000]:  # a screenful is read, not ten thousand rows
            text = describe(c, self.plan, tr)
            ack = self.acks.get(key_text(c)) if c.severity != ERROR else None
            if ack is not None:
                text += " " + trf("[acknowledged: %1]", ack[0])
            when = f"{c.start:%Y-%m-%d %H:%M}" if isinstance(c.start, datetime) else ""
            row = QTreeWidgetItem([tr("Error") if c.severity == ERROR else tr("Warning"), text, when])
            row.setData(0, Qt.ItemDataRole.UserRole + 1, len(self.rows))
            self.rows.append(c)
            row.setToolTip(1, text)
            row.setForeground(0, ERROR_COLOUR if c.severity == ERROR else WARNING_COLOUR)
            if ack is not None:
                row.setForeground(1, QColor("#808080"))
            rows.append(row)
        head.addChildren(rows)

    def _conflict(self, item: QTreeWidgetItem | None) -> Conflict | None:
        i = item.data(0, Qt.ItemDataRole.UserRole + 1) if item is not None else None
        return self.rows[i] if isinstance(i, int) and 0 <= i < len(self.rows) else None

    def selected(self) -> Conflict | None:
        items = self.tree.selectedItems()
        return self._conflict(items[0]) if items else None

    def _enable(self) -> None:
        c = self.selected()
        acked = c is not None and key_text(c) in self.acks
        self.ack_button.setEnabled(c is not None and c.severity != ERROR and not acked)
        self.withdraw_button.setEnabled(acked)

    def _clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        c = self._conflict(item)
        if c is not None:
            self.open_conflict.emit(c)

    def _ack(self) -> None:
        c = self.selected()
        if c is None or c.severity == ERROR:
            return
        reason, ok = QInputDialog.getText(
            self, tr("Acknowledge warning"), tr("Why is this warning acceptable?")
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, tr("Acknowledge warning"), tr("An acknowledgement needs a reason."))
            return
        self.acknowledge.emit(c, reason.strip())

    def _withdraw(self) -> None:
        c = self.selected()
        if c is not None:
            self.withdraw.emit(c)
