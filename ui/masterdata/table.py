"""A master-data screen: a searchable, filterable table of one section with add / edit / delete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.audit import audit_key
from db.operations import Changes
from db.planio import load_audit
from scheduler.plan.model import key_of
from ui.edits import attempt
from ui.i18n import tr, trf
from ui.labels import in_sentence
from ui.masterdata.catalog import Catalog
from ui.masterdata.editor import RecordDialog
from ui.masterdata.history_dialog import HistoryDialog
from ui.masterdata.screen import EntitySpec
from ui.session import Session, keys_of

# Sections whose names other tables show (a staff member's department, a branch's secretary).
NAMED = frozenset({"campuses", "departments", "branches", "staff", "partners", "services"})
# More changed records than this and the table is read whole.
_FOLLOW_AT_MOST = 200

_Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """The records of one section as rows; cells are computed when shown."""

    def __init__(self, spec: EntitySpec, catalog: Catalog, parent: Any = None):
        super().__init__(parent)
        self.spec = spec
        self.catalog = catalog
        self.items: list[Any] = []
        self.row_of: dict[Any, int] = {}
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder

    def reload(self) -> None:
        self.beginResetModel()
        self.items = self._sorted(self.catalog.section(self.spec.section).values())
        self._index()
        self.endResetModel()

    def _sorted(self, items: Iterable[Any]) -> list[Any]:
        """In the order of the sort column: each cell read once (the proxy reading them through
        Qt for every comparison took 100 ms on 1,592 staff), numbers before words."""
        if not 0 <= self.sort_column < len(self.spec.columns):
            return list(items)
        column, catalog = self.spec.columns[self.sort_column], self.catalog

        def key(item: Any) -> tuple[int, Any]:
            value = column.value(item, catalog)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return (0, value)
            return (1, str(value))

        return sorted(items, key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The rows in a new order; the chosen ones stay chosen (persistent indexes moved)."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [key_of(self.spec.section, self.items[i.row()]) if i.isValid() else None for i in before]
        self.items = self._sorted(self.items)
        self._index()
        after = [
            self.index(self.row_of[k], i.column()) if k is not None and k in self.row_of else QModelIndex()
            for k, i in zip(keys, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _index(self) -> None:
        self.row_of = {key_of(self.spec.section, item): row for row, item in enumerate(self.items)}

    def follow(self, keys: Iterable[Any]) -> None:
        """Rows for the records of these keys as the catalog holds them now: changed rows
        redrawn, gone ones removed, new ones added at the end (the view sorts them)."""
        section = self.catalog.section(self.spec.section)
        last = self.columnCount() - 1
        gone: list[int] = []
        new: list[Any] = []
        for key in keys:
            row, item = self.row_of.get(key), section.get(key)
            if row is not None and item is not None:
                self.items[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            elif row is not None:
                gone.append(row)
            elif item is not None:
                new.append(item)
        for row in sorted(gone, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.endRemoveRows()
        if gone:
            self._index()
        if new:
            first = len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.items.extend(new)
            for row, item in enumerate(new, first):
                self.row_of[key_of(self.spec.section, item)] = row
            self.endInsertRows()
        if new or gone or keys:
            self.sort(self.sort_column, self.sort_order)  # a changed or new row to its place

    def redraw(self) -> None:
        """Every row again, as they are (names from another section changed)."""
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.spec.columns[index.column()].value(item, self.catalog)
            return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self.spec.columns[index.column()].value(item, self.catalog)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and getattr(item, "active", True) is False:
            from PySide6.QtGui import QColor

            return QColor("#888888")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.spec.columns[section].header)
        return None


class RecordFilter(QSortFilterProxyModel):
    """Keeps the rows whose text holds every word searched and that pass the chosen filter."""

    def __init__(self, spec: EntitySpec, parent: Any = None):
        super().__init__(parent)
        self.spec = spec
        self.words: list[str] = []
        self.filter_index = -1
        self.filter_value: str | None = None
        self.records: Any = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's (it reads each cell once); this one keeps its order."""
        source = self.sourceModel()
        if isinstance(source, RecordTableModel):
            source.sort(column, order)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = [w.casefold() for w in text.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter(self, index: int, value: str | None) -> None:
        self.beginFilterChange()
        self.filter_index, self.filter_value = index, value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def setSourceModel(self, model: Any) -> None:
        self.records = model  # asked once per row when filtering: Qt's getter costs ~10 µs a call
        super().setSourceModel(model)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model: RecordTableModel = self.records
        item = model.items[row]
        chosen = self.filter_value is not None and self.filter_index >= 0
        if chosen and not self.spec.filters[self.filter_index].matches(item, self.filter_value):
            return False
        if not self.words:
            return True
        text = " ".join(str(c.value(item, model.catalog)) for c in self.spec.columns).casefold()
        return all(w in text for w in self.words)


class EntityPage(QWidget):
    """One section's screen. Emits `status(text)` for the main window's status bar."""

    status = Signal(str)

    def __init__(self, spec: EntitySpec, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.catalog = catalog
        self.read_only = False
        self.stale = False  # to be read again whole when next shown
        self.model = RecordTableModel(spec, catalog, self)
        self.proxy = RecordFilter(spec, self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("filter")
        self.filter_combo.setMinimumContentsLength(16)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.filter_combo.setVisible(bool(spec.filters))
        self.count_label = QLabel()

        self.add_button = QPushButton(tr("Add"))
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton(tr("Edit"))
        self.edit_button.setObjectName("edit")
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setObjectName("delete")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

        self.view = QTableView()
        self.view.setObjectName("table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        shown = [c for c, column in enumerate(spec.columns) if not column.internal]
        self.model.sort_column = shown[0] if shown else 0  # sorted by what the user sees first
        self.view.sortByColumn(self.model.sort_column, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c, column in enumerate(spec.columns):
            self.view.setColumnHidden(c, column.internal)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        QShortcut(QKeySequence.StandardKey.Delete, self.view, activated=self.delete)

        top = QHBoxLayout()
        title = QLabel(f"<h2>{tr(spec.title)}</h2>")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.filter_combo)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        self.extra_buttons = QHBoxLayout()
        buttons.addLayout(self.extra_buttons)
        self.history_button = QPushButton(tr("History…"))
        self.history_button.setObjectName("history")
        self.history_button.clicked.connect(self.show_history)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        self.body = QSplitter()  # the table, and what a screen shows beside it (add_side)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.refresh()
        session.changed.connect(self.on_changed)

    def show_history(self) -> HistoryDialog | None:
        """Every change of the selected record, newest first."""
        items = self.selected_items()
        if not items:
            QMessageBox.information(self, tr("History"), tr("Choose a row first."))
            return None
        item = items[0]
        key = audit_key(key_of(self.spec.section, item))
        entries = load_audit(self.session.store, self.spec.section, key)
        title = getattr(item, "name", None) or getattr(item, "title", None) or key
        labels = {f.name: tr(f.label) for f in self.spec.fields}
        dialog = HistoryDialog(title, entries, self, labels, self.catalog.name_of)
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def set_read_only(self) -> None:
        """Looking only (field mode): no adding, editing or deleting."""
        self.read_only = True
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.hide()

    def add_side(self, widget: QWidget, caption: str = "", note: str = "") -> None:
        """A panel beside the table (the official calendar beside the office's own days); the
        table then under a caption of its own, and a note saying what it holds."""
        if caption:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(f"<b>{caption}</b>"))
            if note:
                text = QLabel(note)
                text.setWordWrap(True)
                column.addWidget(text)
            column.addWidget(self.view, 1)  # out of the splitter, into the box
            self.body.insertWidget(0, box)
        self.body.addWidget(widget)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 1)

    def add_action_button(self, text: str, name: str, slot: Any) -> QPushButton:
        """A further action on the selected record (printing, say)."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.extra_buttons.addWidget(button)
        return button

    # -- showing

    def on_changed(self, changes: Changes, initiator: object) -> None:
        """Rows of the records that changed are redrawn, added or removed; a section read
        whole is shown whole (now, or when the page is next shown). Names from other master
        sections (a department's) redraw the rows as they are."""
        section = self.spec.section
        keys = keys_of(changes, section)
        if keys is None or len(keys) > _FOLLOW_AT_MOST:
            if self.isVisible():
                self.refresh()
            else:
                self.stale = True
            return
        if self.stale:
            return
        if keys:
            self.model.follow(keys)
        if any(s != section and s in NAMED and changes.keys[s] for s in changes.keys):
            self._fill_filter()
            self.model.redraw()
        self._update_count()
        if initiator is self and keys:  # the user's own edit: keep it in sight
            self.select_keys(set(keys))

    def showEvent(self, event: Any) -> None:
        if self.stale:
            self.stale = False
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reload rows from the catalog, keeping the filter choice and the selection."""
        selected = {self._key(i) for i in self.selected_items()}
        self._fill_filter()
        self.model.reload()
        if selected:
            self.select_keys(selected)
        self._update_count()
        self._size_columns()

    def _size_columns(self) -> None:
        """Each column as wide as its header and the first rows' text (at most 320 px): a
        sample measured here, not every cell asked through Qt."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        head = header.fontMetrics()
        sample = self.model.items[:40]
        for c, column in enumerate(self.spec.columns):
            widest = head.horizontalAdvance(tr(column.header)) + 24
            for item in sample:
                widest = max(widest, metrics.horizontalAdvance(str(column.value(item, self.catalog))) + 14)
            header.resizeSection(c, min(widest, 320))

    def _fill_filter(self) -> None:
        if not self.spec.filters:
            return
        current = (
            (self.filter_combo.currentData() or (None, None)) if self.filter_combo.count() else (None, None)
        )
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(tr("All"), None)
        for fi, f in enumerate(self.spec.filters):
            for value, text in f.options(self.catalog):
                self.filter_combo.addItem(f"{tr(f.label)}: {text}", (fi, value))
        i = self.filter_combo.findData(current) if current != (None, None) else 0
        self.filter_combo.setCurrentIndex(max(0, i))
        self.filter_combo.blockSignals(False)
        self._filter_changed()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _filter_changed(self, *_args: Any) -> None:
        data = self.filter_combo.currentData()
        if data is None:
            self.proxy.set_filter(-1, None)
        else:
            self.proxy.set_filter(data[0], data[1])
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = trf("%1 of %2 shown", shown, total)
        self.count_label.setText(text)

    def _key(self, item: Any) -> Any:
        return key_of(self.spec.section, item)

    def _name(self, item: Any) -> str:
        key = self._key(item)
        return getattr(item, "name", None) or (key.isoformat() if hasattr(key, "isoformat") else str(key))

    def selected_items(self) -> list[Any]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [self.proxy.data(r, Qt.ItemDataRole.UserRole) for r in rows]

    def select_keys(self, keys: set[Any]) -> None:
        self.view.clearSelection()
        first = None
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self._key(self.proxy.data(index, Qt.ItemDataRole.UserRole)) in keys:
                self.view.selectRow(row) if first is None else self.view.selectionModel().select(
                    index,
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows,
                )
                first = first or index
        if first is not None:
            self.view.scrollTo(first)

    # -- editing

    def add(self) -> None:
        dialog = RecordDialog(self.spec, self.catalog, None, self)
        if dialog.exec() and dialog.result_item is not None:
            item = dialog.result_item
            text = trf("Add %1 %2", in_sentence(tr(self.spec.singular)), self._name(item))
            if attempt(self, lambda: self.session.save(self.spec.section, item, None, text, self)):
                self.status.emit(tr("Saved."))

    def edit(self) -> None:
        if self.read_only:
            return
        items = self.selected_items()
        if not items:
            return
        old = items[0]
        dialog = RecordDialog(self.spec, self.catalog, old, self)
        if dialog.exec() and dialog.result_item is not None and dialog.result_item != old:
            new = dialog.result_item
            text = trf("Edit %1 %2", in_sentence(tr(self.spec.singular)), self._name(new))
            if attempt(self, lambda: self.session.save(self.spec.section, new, old, text, self)):
                self.status.emit(tr("Saved."))

    def delete(self) -> None:
        if self.read_only:  # the Delete key too (a field laptop, a recorder or viewer)
            return
        items = self.selected_items()
        if not items:
            return
        names = "、".join(self._name(i) for i in items[:10])
        if len(items) > 10:
            names += trf(" and %1 more", len(items) - 10)
        answer = QMessageBox.question(
            self,
            tr("Delete"),
            trf("Delete %1? You can undo this with Ctrl+Z.", names),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        text = trf("Delete %1", names)
        if attempt(self, lambda: self.session.delete(self.spec.section, items, text, self)):
            self.status.emit(tr("Deleted."))
