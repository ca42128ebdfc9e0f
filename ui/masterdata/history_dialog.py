"""A record's history: every change made to it through the app, when, by whom, what changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scheduler.plan.fields import FIELDS
from scheduler.plan.history import AuditEntry, changed_fields
from ui.i18n import N_, tr, trf
from ui.labels import SECTION_NAMES, label

ACTIONS = {"created": N_("Created"), "changed": N_("Changed"), "deleted": N_("Deleted")}


def references(section: str) -> dict[str, str]:
    """The fields of a section that hold another record's id (or ids), by the section named:
    shown by that record's name (scheduler/plan/fields.py declares them)."""
    return {f.key: f.ref for f in FIELDS.get(section, ()) if f.kind in ("ref", "refs") and f.ref}


Names = Callable[[str, str], str]


def _short(value: Any, section: str | None = None, names: Names | None = None) -> str:
    if value is None:
        return "—"
    if section is not None and names is not None:
        if isinstance(value, str):
            value = names(section, value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "、".join(names(section, v) for v in value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def describe_entry(e: AuditEntry, labels: dict[str, str] | None = None, names: Names | None = None) -> str:
    """What changed, one field a line: 'Phone: 138… → 139…' (fields by their form labels, other
    records by their names when `names` is given)."""
    labels = labels or {}
    if e.action == "deleted":
        name = (e.old or {}).get("name") or (e.old or {}).get("title") or ""
        return tr("deleted") + (f": {name}" if name else "")
    refs = references(e.section)
    lines = [
        f"{labels.get(f, f)}: {_short(a, refs.get(f), names)} → {_short(b, refs.get(f), names)}"
        for f, a, b in changed_fields(e.old, e.new)
    ]
    return "\n".join(lines)


class HistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        entries: list[AuditEntry],
        parent: QWidget | None = None,
        labels: dict[str, str] | None = None,
        names: Names | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(trf("History: %1", title))
        self.table = QTableWidget(len(entries), 4)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Who"), tr("What"), tr("Changes")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, e in enumerate(reversed(entries)):  # newest first
            cells = [
                f"{e.at:%Y-%m-%d %H:%M:%S}",
                e.by or "",
                tr(ACTIONS[e.action]),
                describe_entry(e, labels, names),
            ]
            if (
                e.section not in ("staff", "activities", "records", "hospital")
                and len({x.section for x in entries}) > 1
            ):
                cells[2] += f"（{label(SECTION_NAMES, e.section)}）"
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel(tr("No changes recorded for this yet.")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 480)
