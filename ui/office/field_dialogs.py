"""Field packages in the office: the window to export, and the records changed both in the
office and in the field, side by side, for someone to choose."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.field import FieldConflict, field_conflicts, resolve_conflict
from db.operations import Changes
from reports.messages import SERVICE_COUNT_NAMES
from scheduler.plan.model import Record
from ui.edits import attempt
from ui.i18n import tr, trf
from ui.masterdata.catalog import Catalog
from ui.session import Session
from ui.widgets import ok_cancel


class RangeDialog(QDialog):
    def __init__(self, first: date, last: date, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.first = QDateEdit(QDate(first.year, first.month, first.day))
        self.last = QDateEdit(QDate(last.year, last.month, last.day))
        for w in (self.first, self.last):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(tr("From"), self.first)
        form.addRow(tr("To"), self.last)
        form.addRow(ok_cancel(self))

    def window(self) -> tuple[date, date]:
        d0, d1 = self.first.date().toPython(), self.last.date().toPython()
        return (d0, d1) if d0 <= d1 else (d1, d0)


def describe_record(rec: Record | None, catalog: Catalog) -> str:
    """A record as a small HTML page: status, counts, who attended, notes, who wrote it."""
    if rec is None:
        return "<p>" + tr("(no record)") + "</p>"
    rows = [
        (tr("Status"), tr("Done") if rec.status == "done" else tr("Cancelled") + f": {rec.reason or ''}"),
        (tr("People served"), "" if rec.served is None else str(rec.served)),
        (
            tr("People served per service"),
            "、".join(f"{tr(SERVICE_COUNT_NAMES.get(k, k))} {n}" for k, n in rec.services),
        ),
        (
            tr("Attended"),
            "、".join(f"{catalog.name_of('staff', a.staff)} {a.hours:g} h" for a in rec.attended),
        ),
        (tr("Notes"), rec.notes or ""),
        (
            tr("Recorded"),
            f"{rec.recorded_by or ''} {rec.recorded_at:%Y-%m-%d %H:%M}"
            if rec.recorded_at
            else rec.recorded_by or "",
        ),
    ]
    return "<table>" + "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows) + "</table>"


class FieldConflictsDialog(QDialog):
    """Each record changed on both sides: the office's version and the field's, and a choice."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.catalog = session.catalog
        self.setWindowTitle(tr("Field conflicts"))
        self.list = QListWidget()
        self.list.setObjectName("conflicts")
        self.office = QTextBrowser()
        self.office.setObjectName("office")
        self.field = QTextBrowser()
        self.field.setObjectName("field")
        self.keep_office = QPushButton(tr("Keep the office's version"))
        self.keep_office.setObjectName("keep_office")
        self.take_field = QPushButton(tr("Take the field's version"))
        self.take_field.setObjectName("take_field")
        self.keep_office.clicked.connect(lambda: self.choose("office"))
        self.take_field.clicked.connect(lambda: self.choose("field"))
        sides = QHBoxLayout()
        for title, view, button in (
            (tr("In the office"), self.office, self.keep_office),
            (tr("In the field"), self.field, self.take_field),
        ):
            col = QVBoxLayout()
            col.addWidget(QLabel(f"<b>{title}</b>"))
            col.addWidget(view, 1)
            col.addWidget(button)
            sides.addLayout(col, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("These records were changed both here and in the field since the package was made."))
        )
        layout.addWidget(self.list)
        layout.addLayout(sides, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self.items: list[FieldConflict] = []
        self.reload()
        self.resize(900, 600)
        # What the list shows follows the session's one change signal: a choice made here, or
        # a conflict settled or a record changed by another window or computer.
        self.session.changed.connect(self._heard)
        self._listening = True

    def _heard(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("field_conflicts", "records", "activities"):
            self.reload()

    def done(self, result: int) -> None:
        if self._listening:  # closed: it hears no more (the window keeps it as a child)
            self._listening = False
            self.session.changed.disconnect(self._heard)
        super().done(result)

    def reload(self) -> None:
        self.items = field_conflicts(self.store)
        self.list.clear()
        for c in self.items:
            a = self.catalog.activities.get(c.field.activity)
            self.list.addItem(f"{c.field.occurrence:%Y-%m-%d}  {a.title if a else c.field.activity}")
        if self.items:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        found = 0 <= row < len(self.items)
        c = self.items[row] if found else None
        self.office.setHtml(describe_record(c.office, self.catalog) if c else tr("Nothing left to choose."))
        self.field.setHtml(describe_record(c.field, self.catalog) if c else "")
        self.keep_office.setEnabled(found)
        self.take_field.setEnabled(found)

    def choose(self, keep: str) -> None:
        """Settle the chosen record through the session (so every screen and the field-mode
        write-back hear of it). Taking the field's version cannot be undone, like the package
        import it finishes; keeping the office's changes nothing in the plan and leaves the undo
        history as it was."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        c = self.items[row]
        text = trf("Field conflict of %1 settled", f"{c.field.occurrence:%Y-%m-%d}")
        made: list[Changes] = []

        def settle() -> None:
            made.append(self.session.run(text, lambda: resolve_conflict(self.store, c.id, keep), None, self))

        # The list follows from the change announced (see _heard); a conflict settled meanwhile
        # elsewhere changes nothing here, and the list is only read again.
        if attempt(self, settle) and not made[0]:
            self.reload()
