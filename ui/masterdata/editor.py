"""The add / edit dialog of a master-data record, built from the section's form fields (derived from
its declared fields: ui/masterdata/screen.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from scheduler.plan.model import Need
from ui.i18n import tr, trf
from ui.labels import QUALIFICATIONS, in_sentence, qualification_label
from ui.masterdata.catalog import Catalog
from ui.masterdata.screen import EntitySpec, FormField, next_id, validate_form
from ui.widgets import ok_cancel

_NO_DATE = QDate(1900, 1, 1)


class RefCombo(QComboBox):
    """Pick one record of another section by name; typing searches anywhere in the name. The
    record's ID is in the item's tooltip, not in the text; two records of the same name are
    told apart by `details` (a person's department, say), else by their IDs."""

    WIDEST = 460  # px: a longer name is elided in the box (whole in the list)

    def __init__(
        self,
        options: list[tuple[str, str]],
        required: bool,
        parent: QWidget | None = None,
        details: dict[str, str] | None = None,
    ):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if not required:
            self.addItem(tr("(none)"), None)
        for key, text in shown_names(options, details or {}):
            self.addItem(text, key)
            self.setItemData(self.count() - 1, trf("ID: %1", key), Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # As wide as the longest name (up to a limit), so that a chosen name is not cut.
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        self.setMinimumWidth(min(self.WIDEST, longest + 48))
        self.currentIndexChanged.connect(self._tip)

    def _tip(self, index: int) -> None:
        self.setToolTip(self.itemData(index, Qt.ItemDataRole.ToolTipRole) or "")

    def set_value(self, key: str | None) -> None:
        i = self.findData(key)
        self.setCurrentIndex(i if i >= 0 else (0 if key is None else -1))
        self._tip(self.currentIndex())

    def value(self) -> str | None:
        # The typed text decides: an edited text that names no item is no choice.
        i = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(i) if i >= 0 else None


def shown_names(options: list[tuple[str, str]], details: dict[str, str]) -> list[tuple[str, str]]:
    """(key, text) for each option: the name, and where two share it, the detail or the ID in
    brackets to tell them apart."""
    count: dict[str, int] = {}
    for _key, name in options:
        count[name] = count.get(name, 0) + 1
    out = []
    for key, name in options:
        if count[name] > 1:
            detail = details.get(key)
            name = f"{name}（{detail}）" if detail else f"{name}（{key}）"
        out.append((key, name))
    # A detail shared too (two of one name in one department): the ID as well.
    seen: dict[str, int] = {}
    for _key, text in out:
        seen[text] = seen.get(text, 0) + 1
    return [(k, f"{t[:-1]} · {k}）" if seen[t] > 1 and t.endswith("）") else t) for k, t in out]


class CheckList(QListWidget):
    """Pick several: every option with a check box."""

    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        for key, text in options:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(150)

    def set_value(self, keys: list[str]) -> None:
        known = {self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())}
        for k in keys:  # a value the list does not offer (a custom qualification) is kept
            if k not in known:
                item = QListWidgetItem(k)
                item.setData(Qt.ItemDataRole.UserRole, k)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.addItem(item)
        wanted = set(keys)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def value(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]


class NeedsEditor(QWidget):
    """The staffing needs of a service or station: department, qualification, how many."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Department"), tr("Qualification"), tr("People")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(130)
        add = QPushButton(tr("Add need"))
        remove = QPushButton(tr("Remove need"))
        add.clicked.connect(lambda: self.add_row(Need()))
        remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, need: Need) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        dept = QComboBox()
        dept.addItem(tr("any department"), None)
        for key, name in sorted(
            ((d.id, d.name) for d in self.catalog.departments.values()), key=lambda x: x[1]
        ):
            dept.addItem(name, key)
        dept.setCurrentIndex(max(0, dept.findData(need.department)))
        qual = QComboBox()
        qual.addItem(tr("any qualification"), None)
        for key in QUALIFICATIONS:
            qual.addItem(qualification_label(key), key)
        if need.qualification and qual.findData(need.qualification) < 0:
            qual.addItem(need.qualification, need.qualification)
        qual.setCurrentIndex(max(0, qual.findData(need.qualification)))
        count = QSpinBox()
        count.setRange(1, 999)
        count.setValue(need.count)
        self.table.setCellWidget(row, 0, dept)
        self.table.setCellWidget(row, 1, qual)
        self.table.setCellWidget(row, 2, count)
        self._extra = getattr(self, "_extra", {})
        self._extra[row] = need.extra

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_value(self, needs: list[Need]) -> None:
        self.table.setRowCount(0)
        for n in needs:
            self.add_row(n)

    def value(self) -> list[Need]:
        out = []
        for row in range(self.table.rowCount()):
            dept = self.table.cellWidget(row, 0).currentData()
            qual = self.table.cellWidget(row, 1).currentData()
            count = self.table.cellWidget(row, 2).value()
            out.append(Need(dept, qual, count))
        return out


class RecordDialog(QDialog):
    """Add or edit one record. `result_item` holds the record built when OK is accepted."""

    def __init__(self, spec: EntitySpec, catalog: Catalog, item: Any | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.catalog = catalog
        self.item = item
        self.result_item: Any | None = None
        adding = item is None
        singular = in_sentence(tr(spec.singular))
        self.setWindowTitle(trf("New %1", singular) if adding else trf("Edit %1", singular))
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in spec.fields:
            w = self._widget(f, adding)
            w.setObjectName(f"field_{f.name}")
            if f.help:
                w.setToolTip(tr(f.help))
            text = tr(f.label) + (" *" if f.required else "")
            lab = QLabel(text)
            lab.setBuddy(w)
            self.labels[f.name] = lab
            self.widgets[f.name] = w
            form.addRow(lab, w)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = ok_cancel(self, tr("Save"), tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        values = spec.to_form(item) if item is not None else self._defaults()
        self.set_values(values)
        self.setMinimumWidth(460)

    def _defaults(self) -> dict[str, Any]:
        """A new record's form: a free id, the declared defaults, a choice's first option."""
        out: dict[str, Any] = {}
        for f in self.spec.fields:
            value = f.default
            if f.widget == "id":
                value = next_id(self.spec, self.catalog)
            elif f.widget in ("multi_ref", "multi_choice", "needs"):
                value = list(value or ())
            elif f.widget == "choice" and value is None:
                value = next(iter(f.choices or {"": ""}))
            out[f.name] = value
        return out

    def _widget(self, f: FormField, adding: bool) -> QWidget:
        if f.widget in ("id", "text"):
            w = QLineEdit()
            if f.placeholder:
                w.setPlaceholderText(tr(f.placeholder))
            if f.widget == "id" and not adding:
                w.setReadOnly(True)
                w.setToolTip(tr("The ID of a saved record does not change."))
            return w
        if f.widget == "int":
            w = QSpinBox()
            w.setRange(f.minimum, int(f.maximum))
            return w
        if f.widget == "opt_int":
            w = QSpinBox()
            w.setRange(-1, int(f.maximum))
            w.setSpecialValueText(tr("(not set)"))
            return w
        if f.widget == "opt_float":
            w = QDoubleSpinBox()
            w.setRange(-1, f.maximum)
            w.setDecimals(1)
            w.setSpecialValueText(tr("(not set)"))
            return w
        if f.widget == "share":
            w = QDoubleSpinBox()
            w.setRange(-1, 100)
            w.setDecimals(0)
            w.setSuffix(" %")
            w.setSpecialValueText(tr("(not set)"))
            return w
        if f.widget == "bool":
            return QCheckBox()
        if f.widget == "choice":
            w = QComboBox()
            for code, text in (f.choices or {}).items():
                w.addItem(tr(text), code)
            return w
        if f.widget == "ref":
            options = sorted(
                ((k, getattr(v, "name", k)) for k, v in self.catalog.section(f.ref or "").items()),
                key=lambda x: x[1],
            )
            details = {}
            if f.ref == "staff":  # two people of one name: their departments tell them apart
                details = {
                    k: self.catalog.name_of("departments", v.department)
                    for k, v in self.catalog.staff.items()
                }
            return RefCombo(options, f.required, details=details)
        if f.widget == "multi_ref":
            options = sorted(
                ((k, getattr(v, "name", k)) for k, v in self.catalog.section(f.ref or "").items()),
                key=lambda x: x[1],
            )
            return CheckList(options)
        if f.widget == "multi_choice":
            return CheckList([(k, tr(v)) for k, v in (f.choices or {}).items()])
        if f.widget == "opt_date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setMinimumDate(_NO_DATE)
            w.setSpecialValueText(tr("(not set)"))
            return w
        if f.widget == "needs":
            return NeedsEditor(self.catalog)
        raise ValueError(f"unknown widget {f.widget}")

    def set_values(self, values: dict[str, Any]) -> None:
        for f in self.spec.fields:
            w = self.widgets[f.name]
            v = values.get(f.name)
            if isinstance(w, QLineEdit):
                w.setText(v or "")
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(v))
            elif f.widget == "share":
                w.setValue(-1 if v is None else round(v * 100))
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                w.setValue(-1 if v is None else v)
            elif isinstance(w, (RefCombo, CheckList, NeedsEditor)):
                w.set_value(v)
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(v)))
            elif isinstance(w, QDateEdit):
                w.setDate(_NO_DATE if v is None else QDate(v.year, v.month, v.day))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.spec.fields:
            w = self.widgets[f.name]
            if isinstance(w, QLineEdit):
                out[f.name] = w.text().strip()
            elif isinstance(w, QCheckBox):
                out[f.name] = w.isChecked()
            elif f.widget == "share":
                out[f.name] = None if w.value() < 0 else round(w.value() / 100, 4)
            elif f.widget in ("opt_int", "opt_float"):
                out[f.name] = None if w.value() < 0 else w.value()
            elif isinstance(w, (QSpinBox, QDoubleSpinBox, RefCombo, CheckList, NeedsEditor)):
                out[f.name] = w.value()
            elif isinstance(w, QComboBox):
                out[f.name] = w.currentData()
            elif isinstance(w, QDateEdit):
                d = w.date()
                out[f.name] = None if d == _NO_DATE else date(d.year(), d.month(), d.day())
        return out

    def accept(self) -> None:
        values = self.values()
        problems = validate_form(self.spec, values, self.catalog, adding=self.item is None)
        for name, lab in self.labels.items():
            lab.setStyleSheet("color: #b00020;" if any(p[0] == name for p in problems) else "")
        if problems:
            self.message.setText("\n".join(msg for _name, msg in problems))
            self.message.show()
            self.widgets[problems[0][0]].setFocus()
            return
        self.result_item = self.spec.from_form(values, self.item)
        super().accept()
