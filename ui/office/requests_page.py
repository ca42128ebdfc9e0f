"""The requests inbox (点单): partners' orders with a countdown to the response deadline;
accept, decline with a reason, or schedule as an activity at a preferred slot."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from scheduler.office.requests import (
    OPEN_STATUSES,
    ResponseTimes,
    organizing_branch,
    schedule_request,
    time_left,
)
from scheduler.plan.model import Activity, Pairing, ServiceRequest, Slot
from ui.edits import attempt
from ui.i18n import N_, tr, trf
from ui.labels import REQUEST_PRIORITIES, REQUEST_STATUSES, label
from ui.masterdata.catalog import Catalog
from ui.masterdata.editor import RefCombo
from ui.session import Session
from ui.widgets import ChangeFollower, ok_cancel

_Index = QModelIndex | QPersistentModelIndex


def wanted_passed(request: ServiceRequest, now: datetime) -> bool:
    """Every date the partner wanted is over: counting down to the answer says nothing then."""
    return bool(request.preferred) and all(s.end <= now for s in request.preferred)


def countdown(left: timedelta | None, passed: bool = False) -> str:
    """ "2 days 4 h left" / "overdue by 3 h" / "wanted date passed"; empty once the request is
    answered."""
    if left is None:
        return ""
    if passed:
        return tr("wanted date passed")
    overdue = left < timedelta(0)
    span = -left if overdue else left
    days, hours = span.days, span.seconds // 3600
    minutes = span.seconds % 3600 // 60
    text = trf("%1 d %2 h", days, hours) if days else trf("%1 h %2 min", hours, minutes)
    return trf("overdue by %1", text) if overdue else trf("%1 left", text)


class RequestModel(QAbstractTableModel):
    HEADERS = (
        N_("ID"),
        N_("Partner"),
        N_("Service"),
        N_("Priority"),
        N_("Status"),
        N_("Received"),
        N_("Respond within"),
        N_("Preferred"),
        N_("Audience"),
        N_("Activity"),
    )

    def __init__(self, catalog: Catalog, parent: Any = None):
        super().__init__(parent)
        self.catalog = catalog
        self.items: list[ServiceRequest] = []
        self.times = ResponseTimes()
        self.now = datetime.now()
        self.activities: dict[str, Activity] = {}  # request ID -> the activity that answers it

    def reload(self, times: ResponseTimes, now: datetime) -> None:
        self.beginResetModel()
        self.times, self.now = times, now
        self.items = sorted(self.catalog.requests.values(), key=lambda q: q.received, reverse=True)
        self.activities = {}
        for a in sorted(self.catalog.activities.values(), key=lambda a: a.id, reverse=True):
            if a.request:
                self.activities[a.request] = a  # the first by ID when several answer one request
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section])
        return None

    def activity_of(self, q: ServiceRequest) -> str:
        """The title of the activity that answers the request (its ID is in the tooltip)."""
        a = self.activities.get(q.id)
        return a.title if a is not None else ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self.items[index.row()]
        col = index.column()
        left = time_left(q, self.times, self.now)
        if role == Qt.ItemDataRole.UserRole:
            return q
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == len(self.HEADERS) - 1 and q.id in self.activities:
                return trf("ID: %1", self.activities[q.id].id)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 6 and left is not None and (left <= timedelta(0) or wanted_passed(q, self.now)):
                return QColor("#c62828")
            if col == 7 and wanted_passed(q, self.now):
                return QColor("#9e9e9e")
            if col == 3 and q.priority == "urgent":
                return QColor("#c62828")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self.catalog
        return (
            q.id,
            c.name_of("partners", q.partner),
            c.name_of("services", q.service),
            label(REQUEST_PRIORITIES, q.priority),
            label(REQUEST_STATUSES, q.status)
            + (f"（{q.extra['decline_reason']}）" if q.extra.get("decline_reason") else ""),
            f"{q.received:%Y-%m-%d %H:%M}",
            countdown(left, wanted_passed(q, self.now)),
            "；".join(f"{s.start:%m-%d %H:%M}–{s.end:%H:%M}" for s in q.preferred),
            "" if q.audience is None else str(q.audience),
            self.activity_of(q),
        )[col]


class StatusFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.statuses: tuple[str, ...] | None = OPEN_STATUSES

    def set_statuses(self, statuses: tuple[str, ...] | None) -> None:
        self.beginFilterChange()
        self.statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        q = self.sourceModel().items[row]  # type: ignore[attr-defined]
        return self.statuses is None or q.status in self.statuses


def _qdt(d: datetime) -> QDateTime:
    return QDateTime.fromString(d.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")


def _py(q: QDateTime) -> datetime:
    return datetime.fromisoformat(q.toString("yyyy-MM-ddTHH:mm"))


def lead_branch(request: ServiceRequest, pairings: Iterable[Pairing]) -> str | None:
    """The branch to lead a request's activity: the one paired with the partner when the request
    came in, else on its first preferred day, else the latest pairing with that partner (a
    pairing that starts after the request or has ended still names the partner's branch)."""
    pairings = list(pairings)
    days = [request.received] + [s.start for s in request.preferred[:1]]
    for day in days:
        branch = organizing_branch(request.partner, pairings, day)
        if branch is not None:
            return branch
    mine = [p for p in pairings if p.partner == request.partner]
    if not mine:
        return None
    return max(mine, key=lambda p: (p.start or date.min, p.id)).branch


class ScheduleDialog(QDialog):
    """Pick a preferred slot (or another time) and the organizing branch for a request."""

    def __init__(self, catalog: Catalog, request: ServiceRequest, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Schedule request"))
        self.catalog = catalog
        self.request = request
        service = catalog.services.get(request.service)
        minutes = (service.duration_minutes if service else None) or 120
        self.choice = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"<b>{catalog.name_of('partners', request.partner)}</b> · {catalog.name_of('services', request.service)}"
            )
        )
        for i, s in enumerate(request.preferred):
            b = QRadioButton(trf("Preferred: %1", f"{s.start:%Y-%m-%d %H:%M}–{s.end:%H:%M}"))
            b.setObjectName(f"slot_{i}")
            self.choice.addButton(b, i)
            layout.addWidget(b)
        other = QRadioButton(tr("Another time:"))
        self.choice.addButton(other, len(request.preferred))
        self.start = QDateTimeEdit(
            _qdt(request.preferred[0].start if request.preferred else request.received + timedelta(days=7))
        )
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(tr(" min"))
        row = QHBoxLayout()
        row.addWidget(other)
        row.addWidget(self.start)
        row.addWidget(self.minutes)
        layout.addLayout(row)
        (self.choice.buttons()[0]).setChecked(True)
        branches = sorted(((b.id, b.name) for b in catalog.branches.values()), key=lambda x: x[1])
        self.organizer = RefCombo(branches, False)
        self.organizer.setObjectName("organizer")
        self.organizer.set_value(lead_branch(request, catalog.pairings.values()))
        form = QFormLayout()
        form.addRow(tr("Organizer"), self.organizer)
        layout.addLayout(form)
        buttons = ok_cancel(self, tr("Schedule"), tr("Cancel"))
        layout.addWidget(buttons)

    def slot(self) -> Slot:
        i = self.choice.checkedId()
        if 0 <= i < len(self.request.preferred):
            return self.request.preferred[i]
        start = _py(self.start.dateTime())
        return Slot(start, start + timedelta(minutes=self.minutes.value()))


class RequestDialog(QDialog):
    """Take in a new request: partner, service, priority, preferred time, audience."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New service request"))
        self.catalog = catalog
        self.partner = RefCombo(
            sorted(((p.id, p.name) for p in catalog.partners.values()), key=lambda x: x[1]), True
        )
        self.partner.setObjectName("partner")
        self.service = RefCombo(
            sorted(((s.id, s.name) for s in catalog.services.values()), key=lambda x: x[1]), True
        )
        self.service.setObjectName("service")
        self.priority = QComboBox()
        for code, text in REQUEST_PRIORITIES.items():
            self.priority.addItem(tr(text), code)
        now = datetime.now().replace(second=0, microsecond=0)
        self.received = QDateTimeEdit(_qdt(now))
        self.start = QDateTimeEdit(_qdt((now + timedelta(days=7)).replace(hour=9, minute=0)))
        for w in (self.received, self.start):
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
            w.setCalendarPopup(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 24 * 60)
        self.minutes.setValue(120)
        self.minutes.setSuffix(tr(" min"))
        self.audience = QSpinBox()
        self.audience.setRange(0, 100_000)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(tr("Partner") + " *", self.partner)
        form.addRow(tr("Service") + " *", self.service)
        form.addRow(tr("Priority"), self.priority)
        form.addRow(tr("Received"), self.received)
        form.addRow(tr("Preferred start"), self.start)
        form.addRow(tr("Length"), self.minutes)
        form.addRow(tr("Expected audience"), self.audience)
        form.addRow(self.message)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.result_request: ServiceRequest | None = None

    def accept(self) -> None:
        partner, service = self.partner.value(), self.service.value()
        if not partner or not service:
            self.message.setText(tr("Choose a partner and a service."))
            return
        n = len(self.catalog.requests) + 1
        while f"r{n:03d}" in self.catalog.requests:
            n += 1
        start = _py(self.start.dateTime())
        self.result_request = ServiceRequest(
            f"r{n:03d}",
            partner,
            service,
            _py(self.received.dateTime()),
            self.priority.currentData(),
            (Slot(start, start + timedelta(minutes=self.minutes.value())),),
            self.audience.value() or None,
            "new",
        )
        super().accept()


def _shown_by_inbox(changes: ops.Changes) -> bool:
    settings = getattr(changes, "settings", frozenset())
    return changes.touches("requests", "activities", "partners", "services") or "response_times" in settings


class RequestsPage(QWidget):
    status = Signal(str)

    def __init__(self, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.model = RequestModel(catalog, self)
        self.proxy = StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("requests")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.setColumnHidden(0, True)  # the request's internal ID: searchable, not shown
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("show")
        self.show_combo.addItem(tr("Waiting for an answer"), OPEN_STATUSES)
        self.show_combo.addItem(tr("All requests"), None)
        for code, text in REQUEST_STATUSES.items():
            self.show_combo.addItem(tr(text), (code,))
        self.show_combo.currentIndexChanged.connect(self._show_changed)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("new", tr("New request"), self.new_request),
            ("accept", tr("Accept"), self.accept_selected),
            ("decline", tr("Decline…"), self.decline_selected),
            ("schedule", tr("Schedule…"), self.schedule_selected),
        ):
            b = QPushButton(text)
            b.setObjectName(key)
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        self.times_label = QLabel()
        row.addWidget(self.times_label)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{tr('Service requests')}</h2>"))
        top.addStretch(1)
        top.addWidget(self.show_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(self._enable)
        # The countdown moves on while the inbox is open.
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(lambda: self.isVisible() and self.refresh())
        self.timer.start()
        self.refresh()
        ChangeFollower(self, session, _shown_by_inbox, self.refresh)

    def _show_changed(self, _index: int) -> None:
        self.proxy.set_statuses(self.show_combo.currentData())
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column as wide as what it shows (a long one up to a limit; the user may widen
        it), the last one taking the rest."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for c in range(self.proxy.columnCount() - 1):
            header.resizeSection(c, min(header.sectionSize(c), self.WIDEST_COLUMN))

    WIDEST_COLUMN = 360  # px

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit_columns()  # now that the rows can be measured as they will be drawn

    def refresh(self, *_args: Any) -> None:
        times = ops.response_times(self.session.store)
        keep = self.selected()
        self.model.reload(times, datetime.now())
        self.fit_columns()
        if keep is not None:
            self.select(keep.id)
        urgent = times.urgent.total_seconds() / 3600
        normal = times.normal.total_seconds() / 86400
        self.times_label.setText(
            trf("Respond within: urgent %1 h, normal %2 days", f"{urgent:g}", f"{normal:g}")
        )
        self._enable()

    def selected(self) -> ServiceRequest | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def select(self, request_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(r, 0), Qt.ItemDataRole.UserRole).id == request_id:
                self.view.selectRow(r)
                return

    def _enable(self, *_args: Any) -> None:
        q = self.selected()
        open_ = q is not None and q.status in OPEN_STATUSES
        self.buttons["accept"].setEnabled(q is not None and q.status == "new")
        self.buttons["decline"].setEnabled(open_)
        self.buttons["schedule"].setEnabled(open_)

    def _edit(self, text: str, **kw: Any) -> bool:
        return attempt(self, lambda: self.session.edit(text, initiator=self, **kw))

    def new_request(self) -> None:
        dialog = RequestDialog(self.catalog, self)
        if dialog.exec() and dialog.result_request is not None:
            q = dialog.result_request
            if self._edit(trf("New request %1", q.id), saves={"requests": [q]}):
                self.select(q.id)

    def accept_selected(self) -> None:
        q = self.selected()
        if q is not None:
            self._edit(
                trf("Accept request %1", q.id),
                saves={"requests": [replace(q, status="accepted")]},
            )

    def decline_selected(self) -> None:
        q = self.selected()
        if q is None:
            return
        reason, ok = QInputDialog.getText(self, tr("Decline request"), tr("Why is the request declined?"))
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, tr("Decline request"), tr("A declined request needs a reason."))
            return
        new = replace(q, status="declined", extra={**q.extra, "decline_reason": reason.strip()})
        self._edit(trf("Decline request %1", q.id), saves={"requests": [new]})

    def schedule_selected(self) -> None:
        q = self.selected()
        if q is None:
            return
        service = self.catalog.services.get(q.service)
        partner = self.catalog.partners.get(q.partner)
        if service is None or partner is None:
            return
        dialog = ScheduleDialog(self.catalog, q, self)
        if not dialog.exec():
            return
        n = 1
        while f"q-{q.id}" + ("" if n == 1 else f"-{n}") in self.catalog.activities:
            n += 1
        aid = f"q-{q.id}" + ("" if n == 1 else f"-{n}")
        activity, scheduled = schedule_request(
            q, service, partner, dialog.slot(), dialog.organizer.value(), aid
        )
        text = trf("Schedule request %1", q.id)
        if self._edit(text, saves={"activities": [activity], "requests": [scheduled]}):
            self.status.emit(trf("Scheduled on %1.", f"{activity.start:%Y-%m-%d %H:%M}"))


class ResponseTimesDialog(QDialog):
    def __init__(self, times: ResponseTimes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Response times"))
        self.urgent = QSpinBox()
        self.urgent.setRange(1, 24 * 30)
        self.urgent.setSuffix(tr(" h"))
        self.urgent.setValue(int(times.urgent.total_seconds() // 3600))
        self.normal = QSpinBox()
        self.normal.setRange(1, 365)
        self.normal.setSuffix(tr(" days"))
        self.normal.setValue(max(1, times.normal.days))
        form = QFormLayout(self)
        form.addRow(tr("Urgent requests"), self.urgent)
        form.addRow(tr("Normal requests"), self.normal)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def times(self) -> ResponseTimes:
        return ResponseTimes(timedelta(hours=self.urgent.value()), timedelta(days=self.normal.value()))
