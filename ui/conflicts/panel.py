"""The conflicts panel: every conflict grouped by kind, filtered by severity and kind; a click
opens what it concerns; warnings can be acknowledged with a reason. After a change only the
rows of conflicts that came, went or were acknowledged are touched."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from db import operations as ops
from reports.messages import describe
from scheduler.conflicts.conflict import Conflict
from scheduler.conflicts.kinds import ERROR, KINDS, WARNING
from ui.conflicts.watch import ConflictDiff, ConflictWatch
from ui.edits import attempt
from ui.i18n import tr, trf
from ui.session import keys_of

# Sections whose names the rows show.
NAMED = ("staff", "activities", "departments", "partners")
ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#b26a00")
ROWS_PER_GROUP = 2000  # a screenful is read, not ten thousand rows
_ID = Qt.ItemDataRole.UserRole + 1


def _mentions(c: Conflict) -> list[tuple[str, Any]]:
    found = [("staff", c.staff), ("departments", c.department), ("partners", c.partner)]
    return [m for m in found if m[1] is not None] + [("activities", a) for a, _d in c.occurrences]


class ConflictsPanel(QWidget):
    """Lists the watch's conflicts; emits `open_conflict(conflict)` when one is clicked;
    acknowledges and withdraws through the session."""

    open_conflict = Signal(object)

    def __init__(self, watch: ConflictWatch, parent: QWidget | None = None):
        super().__init__(parent)
        self.watch = watch
        self.session = watch.session
        # Rows carry an id into `by_id`: Python objects kept inside Qt items outlive the
        # interpreter at exit and crash it (PySide6).
        self.by_id: dict[int, Conflict] = {}
        self.rows: dict[Conflict, QTreeWidgetItem] = {}
        # The records a row names (its text shows their names): ("staff", id) -> conflicts.
        self.mentions: dict[tuple[str, Any], set[Conflict]] = defaultdict(set)
        self.heads: dict[str, QTreeWidgetItem] = {}
        self.pending: dict[str, list[Conflict]] = {}  # rows of groups not opened yet
        self._next_id = 0
        self._build()
        watch.updated.connect(self.on_conflicts)
        watch.checking.connect(self._summarise)
        watch.failed.connect(self._check_failed)
        self.session.changed.connect(self.on_changed)
        self._summarise()

    def _build(self) -> None:
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        self.severity.addItem(tr("Errors and warnings"), None)
        self.severity.addItem(tr("Errors only"), ERROR)
        self.severity.addItem(tr("Warnings only"), WARNING)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(tr("All kinds"), None)
        for k in KINDS.values():
            self.kind.addItem(tr(k.name), k.code)
        self.show_acked = QCheckBox(tr("Show acknowledged"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.ack_button = QPushButton(tr("Acknowledge…"))
        self.ack_button.setObjectName("acknowledge")
        self.withdraw_button = QPushButton(tr("Withdraw acknowledgement"))
        self.withdraw_button.setObjectName("withdraw_acknowledgement")
        for w in (self.severity, self.kind):
            w.currentIndexChanged.connect(self.fill)
        self.show_acked.toggled.connect(self.fill)
        self.ack_button.clicked.connect(self._ack)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.tree = QTreeWidget()
        self.tree.setObjectName("conflicts")
        self.tree.setHeaderLabels([tr("Severity"), tr("What"), tr("When")])
        self.tree.setUniformRowHeights(True)  # thousands of rows stay quick to scroll
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # The severity and the time as wide as their texts (measured once, not row by row).
        metrics = self.tree.fontMetrics()
        severity = max(metrics.horizontalAdvance(t) for t in (tr("Error"), tr("Warning"), tr("Severity")))
        header.resizeSection(0, severity + 2 * self.tree.indentation() + 16)
        header.resizeSection(2, metrics.horizontalAdvance("2026-12-31 23:59") + 24)
        # At least six rows in view.
        self.tree.setMinimumHeight(6 * (metrics.height() + 4) + header.sizeHint().height())
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

    # -- what is listed

    def _listed(self, c: Conflict) -> bool:
        sev, kind = self.severity.currentData(), self.kind.currentData()
        if (sev and c.severity != sev) or (kind and c.kind != kind):
            return False
        return self.show_acked.isChecked() or self.watch.ack(c) is None

    def _summarise(self, *_args: Any) -> None:
        """The counts, or that the whole plan is being checked (the check runs beside the window)."""
        if self.watch.checker is None:
            self.summary.setText(tr("Checking the whole plan…") if self.watch.checking_now else "")
            return
        conflicts = self.watch.conflicts
        errors = sum(1 for c in conflicts if c.severity == ERROR)
        acked = sum(1 for c in conflicts if self.watch.ack(c) is not None)
        text = trf("%1 errors, %2 warnings (%3 acknowledged)", errors, len(conflicts) - errors, acked)
        if self.watch.checking_now:
            text += " · " + tr("checking the whole plan again…")
        self.summary.setText(text)

    def _check_failed(self, error: str) -> None:
        self.summary.setText(trf("The conflicts could not be checked: %1", error))

    def fill(self, *_args: Any) -> None:
        """List everything anew (a new filter, or a whole new check)."""
        self._summarise()
        expanded = {k for k, head in self.heads.items() if head.isExpanded()}
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self.by_id, self.rows, self.heads, self.pending = {}, {}, {}, {}
        self.mentions = defaultdict(set)
        groups: dict[str, list[Conflict]] = {}
        for c in self.watch.conflicts:
            if self._listed(c):
                groups.setdefault(c.kind, []).append(c)
        for k, items in groups.items():
            head = self._head(k, len(items))
            self.tree.addTopLevelItem(head)
            self.pending[k] = items
            head.setExpanded(k in expanded or len(groups) == 1)
        self.tree.setUpdatesEnabled(True)
        self._enable()

    def _head(self, kind: str, count: int) -> QTreeWidgetItem:
        error = KINDS[kind].severity == ERROR
        head = QTreeWidgetItem([tr("Error") if error else tr("Warning"), "", ""])
        head.setData(0, Qt.ItemDataRole.UserRole, kind)
        head.setForeground(0, ERROR_COLOUR if error else WARNING_COLOUR)
        font = head.font(1)
        font.setBold(True)
        head.setFont(1, font)
        head.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        head.setText(1, f"{tr(KINDS[kind].name)} ({count})")
        self.heads[kind] = head
        return head

    def _row(self, c: Conflict, plan: Any) -> QTreeWidgetItem:
        row = QTreeWidgetItem([tr("Error") if c.severity == ERROR else tr("Warning"), "", ""])
        self._next_id += 1
        self.by_id[self._next_id] = c
        self.rows[c] = row
        for mention in _mentions(c):
            self.mentions[mention].add(c)
        row.setData(0, _ID, self._next_id)
        row.setForeground(0, ERROR_COLOUR if c.severity == ERROR else WARNING_COLOUR)
        row.setText(2, f"{c.start:%Y-%m-%d %H:%M}" if isinstance(c.start, datetime) else "")
        self._describe(row, c, plan)
        return row

    def _describe(self, row: QTreeWidgetItem, c: Conflict, plan: Any) -> None:
        text = describe(c, plan, tr)
        ack = self.watch.ack(c)
        if ack is not None:
            text += " " + trf("[acknowledged: %1]", ack[0])
        row.setText(1, text)
        row.setToolTip(1, text)
        row.setForeground(1, QColor("#808080") if ack is not None else self.palette().text().color())

    def _forget(self, row: QTreeWidgetItem) -> None:
        c = self.by_id.pop(row.data(0, _ID), None)
        if c is not None and self.rows.get(c) is row:
            del self.rows[c]
            for mention in _mentions(c):
                self.mentions[mention].discard(c)

    def _expanded(self, head: QTreeWidgetItem) -> None:
        """A group's rows are made when it is first opened (thousands of rows cost seconds)."""
        items = self.pending.pop(head.data(0, Qt.ItemDataRole.UserRole), None)
        if items is None:
            return
        plan = self.session.catalog.plan()
        head.addChildren([self._row(c, plan) for c in items[:ROWS_PER_GROUP]])
        self._scroll_near_today(head)

    def _scroll_near_today(self, head: QTreeWidgetItem) -> None:
        """An opened group shows its rows from today on (the past is above, a scroll away)."""
        today = datetime.combine(date.today(), datetime.min.time())
        for i in range(head.childCount()):
            c = self.by_id.get(head.child(i).data(0, _ID))
            if c is not None and isinstance(c.start, datetime) and c.start >= today:
                if i > 0:
                    self.tree.scrollToItem(head.child(i), QAbstractItemView.ScrollHint.PositionAtTop)
                return

    # -- after a change

    def on_conflicts(self, diff: ConflictDiff) -> None:
        if diff.whole:
            self.fill()
            return
        if not diff.kinds:
            return
        self._summarise()
        self.tree.setUpdatesEnabled(False)
        for kind in diff.kinds:
            self._update_group(kind, diff)
        self.tree.setUpdatesEnabled(True)
        self._enable()

    def _update_group(self, kind: str, diff: ConflictDiff) -> None:
        """Bring one group in line with the watch: its count, and the rows that came, went or
        were acknowledged, in the watch's order; the other rows stay as they are."""
        wanted = [c for c in self.watch.conflicts if c.kind == kind and self._listed(c)]
        head = self.heads.get(kind)
        if not wanted:
            if head is not None:
                for i in range(head.childCount()):
                    self._forget(head.child(i))
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(head))
                del self.heads[kind]
                self.pending.pop(kind, None)
            return
        if head is None:
            order = list(KINDS)
            at = sum(1 for k in self.heads if order.index(k) < order.index(kind))
            head = self._head(kind, len(wanted))
            self.tree.insertTopLevelItem(at, head)
            self.pending[kind] = wanted
            return
        head.setText(1, f"{tr(KINDS[kind].name)} ({len(wanted)})")
        if kind in self.pending:  # not opened yet: its rows are made when it is
            self.pending[kind] = wanted
            return
        target = wanted[:ROWS_PER_GROUP]
        keep = set(target) - diff.acked
        for i in reversed(range(head.childCount())):
            child = head.child(i)
            if self.by_id.get(child.data(0, _ID)) not in keep:
                self._forget(child)
                head.takeChild(i)
        place = {c: i for i, c in enumerate(target)}
        kept = [place[self.by_id[head.child(i).data(0, _ID)]] for i in range(head.childCount())]
        if kept != sorted(kept):  # the order moved under the rows kept: make the group's rows again
            for i in reversed(range(head.childCount())):
                self._forget(head.child(i))
                head.takeChild(i)
        plan = None
        for i, c in enumerate(target):  # the kept rows are in order: fill in the ones between
            child = head.child(i)
            if child is None or self.by_id.get(child.data(0, _ID)) != c:
                plan = plan or self.session.catalog.plan()
                head.insertChild(i, self._row(c, plan))

    def on_changed(self, changes: ops.Changes, _initiator: object) -> None:
        """Rows name people, activities, departments and partners: redo the text of the rows
        about a record that changed (the conflicts themselves are the watch's business)."""
        last = self.watch.last
        if not self.rows or (last is not None and last.whole):  # rows just made, names as they are
            return
        about: set[Conflict] = set()
        for section in NAMED:
            keys = keys_of(changes, section)
            if keys is None:
                about = set(self.rows)
                break
            for key in keys:
                about |= self.mentions.get((section, key), set())
        if about:
            plan = self.session.catalog.plan()
            for c in about:
                self._describe(self.rows[c], c, plan)

    # -- acting on a row

    def _conflict(self, item: QTreeWidgetItem | None) -> Conflict | None:
        return self.by_id.get(item.data(0, _ID)) if item is not None else None

    def selected(self) -> Conflict | None:
        items = self.tree.selectedItems()
        return self._conflict(items[0]) if items else None

    def _enable(self) -> None:
        c = self.selected()
        acked = c is not None and self.watch.ack(c) is not None
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
        self.acknowledge(c, reason.strip())

    def _withdraw(self) -> None:
        c = self.selected()
        if c is not None:
            self.withdraw(c)

    def acknowledge(self, conflict: Conflict, reason: str) -> bool:
        """Accept a warning with a reason, as an undoable step."""
        key, store = self.watch.key(conflict), self.session.store
        by = store.user
        at = datetime.now().strftime("%Y-%m-%dT%H:%M")
        return attempt(
            self,
            lambda: self.session.run(
                tr("Acknowledge warning"),
                lambda: ops.acknowledge(store, key, conflict.kind, reason, by, at),
                lambda: ops.withdraw_acknowledgement(store, key),
                self,
            ),
        )

    def withdraw(self, conflict: Conflict) -> bool:
        key, store = self.watch.key(conflict), self.session.store
        old = self.watch.acks.get(key)
        if old is None:
            return False
        return attempt(
            self,
            lambda: self.session.run(
                tr("Withdraw acknowledgement"),
                lambda: ops.withdraw_acknowledgement(store, key),
                lambda: ops.acknowledge(store, key, conflict.kind, old[0], old[1], old[2]),
                self,
            ),
        )
