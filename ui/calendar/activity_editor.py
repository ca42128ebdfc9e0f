"""The activity editor: what, where, who organises, when and how often, and its stations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reports.messages import WEEKDAY_NAMES as WEEKDAY_LONG
from scheduler.calendar.recurrence import check_rule
from scheduler.calendar.rules import RuleSpec, from_rrule, to_rrule
from scheduler.plan.model import Activity, Station
from ui.calendar.periods import WEEKDAY_NAMES
from ui.i18n import N_, tr, trf
from ui.labels import ACTIVITY_KINDS, ACTIVITY_STATUSES, HOLIDAY_POLICIES
from ui.masterdata.catalog import Catalog
from ui.masterdata.editor import NeedsEditor, RefCombo
from ui.widgets import ok_cancel

NTH = {1: N_("first"), 2: N_("second"), 3: N_("third"), 4: N_("fourth"), -1: N_("last")}


def describe_rule(spec: RuleSpec | None, rule_text: str | None = None) -> str:
    """The rule as a sentence a planner reads ("每周四，共10次")."""
    if spec is None:
        return trf("Custom rule: %1", rule_text or "")
    if spec.freq == "none":
        return tr("Does not repeat")
    if spec.freq == "daily":
        text = tr("Every day") if spec.interval == 1 else trf("Every %1 days", spec.interval)
    elif spec.freq == "weekly":
        days = tr(", ").join(tr(WEEKDAY_LONG[d]) for d in spec.weekdays) or tr("the same weekday")
        if spec.interval == 1:
            text = trf("Every week on %1", days)
        else:
            text = trf("Every %1 weeks on %2", spec.interval, days)
    else:
        which = trf("the %1 %2 of the month", tr(NTH[spec.nth]), tr(WEEKDAY_LONG[spec.nth_weekday]))
        if spec.interval == 1:
            text = trf("Every month on %1", which)
        else:
            text = trf("Every %1 months on %2", spec.interval, which)
    if spec.count is not None:
        text += trf(", %1 times", spec.count)
    elif spec.until is not None:
        text += trf(", until %1", spec.until.isoformat())
    return text


class RecurrenceEditor(QWidget):
    """Daily / weekly on chosen days / every N weeks / monthly on the Nth weekday; until a date
    or N times. A rule it cannot show is kept as it is and named as custom."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.custom: str | None = None
        self._loading = False
        self._build_fields()
        self._lay_out()
        for w in (self.freq, self.nth, self.nth_day):
            w.currentIndexChanged.connect(self._changed)
        for w in (self.interval, self.count):
            w.valueChanged.connect(self._changed)
        self.until.dateChanged.connect(self._changed)
        for b in (*self.days, self.end_never, self.end_count, self.end_until):
            b.toggled.connect(self._changed)
        self.end_count.setChecked(True)
        self.count.setValue(10)
        self._changed()

    def _build_fields(self) -> None:
        self.freq = QComboBox()
        self.freq.setObjectName("freq")
        for code, text in (
            ("none", N_("Does not repeat")),
            ("daily", N_("Daily")),
            ("weekly", N_("Weekly")),
            ("monthly", N_("Monthly")),
        ):
            self.freq.addItem(tr(text), code)
        self.interval = QSpinBox()
        self.interval.setObjectName("interval")
        self.interval.setRange(1, 52)
        self.interval.setPrefix(tr("every "))
        self.days = [QCheckBox(tr(WEEKDAY_NAMES[i])) for i in range(7)]
        for i, box in enumerate(self.days):
            box.setObjectName(f"day_{i}")
        self.nth = QComboBox()
        for n, text in NTH.items():
            self.nth.addItem(tr(text), n)
        self.nth_day = QComboBox()
        for i in range(7):
            self.nth_day.addItem(tr(WEEKDAY_LONG[i]), i)
        self.end_never = QRadioButton(tr("No end"))
        self.end_count = QRadioButton(tr("Times"))
        self.end_until = QRadioButton(tr("Until"))
        group = QButtonGroup(self)
        for b in (self.end_never, self.end_count, self.end_until):
            group.addButton(b)
        self.count = QSpinBox()
        self.count.setObjectName("count")
        self.count.setRange(1, 999)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.sentence = QLabel()
        self.sentence.setObjectName("rule_sentence")
        self.sentence.setStyleSheet("color: #1a56c4;")

    def _lay_out(self) -> None:
        """Frequency and interval; the weekdays (weekly); the Nth weekday (monthly); the end."""
        top = QHBoxLayout()
        top.addWidget(self.freq)
        top.addWidget(self.interval)
        top.addStretch(1)
        self.week_row = QWidget()
        wr = QHBoxLayout(self.week_row)
        wr.setContentsMargins(0, 0, 0, 0)
        for box in self.days:
            wr.addWidget(box)
        self.month_row = QWidget()
        mr = QHBoxLayout(self.month_row)
        mr.setContentsMargins(0, 0, 0, 0)
        mr.addWidget(QLabel(tr("on the")))
        mr.addWidget(self.nth)
        mr.addWidget(self.nth_day)
        mr.addStretch(1)
        self.end_row = QWidget()
        er = QHBoxLayout(self.end_row)
        er.setContentsMargins(0, 0, 0, 0)
        er.addWidget(self.end_never)
        er.addWidget(self.end_count)
        er.addWidget(self.count)
        er.addWidget(self.end_until)
        er.addWidget(self.until)
        er.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.week_row)
        layout.addWidget(self.month_row)
        layout.addWidget(self.end_row)
        layout.addWidget(self.sentence)

    def set_rule(self, rule: str | None, start: datetime) -> None:
        spec = from_rrule(rule)
        self._loading = True
        self.custom = rule if spec is None else None
        spec = spec or RuleSpec()
        self.freq.setCurrentIndex(self.freq.findData(spec.freq))
        self.interval.setValue(spec.interval)
        days = set(spec.weekdays) or {start.weekday()}
        for i, box in enumerate(self.days):
            box.setChecked(i in days)
        self.nth.setCurrentIndex(max(0, self.nth.findData(spec.nth)))
        self.nth_day.setCurrentIndex(spec.nth_weekday if spec.freq == "monthly" else start.weekday())
        default_until = spec.until or (start + timedelta(days=90)).date()
        self.until.setDate(QDate(default_until.year, default_until.month, default_until.day))
        if spec.count is not None:
            self.end_count.setChecked(True)
            self.count.setValue(spec.count)
        elif spec.until is not None:
            self.end_until.setChecked(True)
            self.until.setDate(QDate(spec.until.year, spec.until.month, spec.until.day))
        elif spec.freq != "none":
            self.end_never.setChecked(True)
        self._changed()
        self._loading = False

    def spec(self) -> RuleSpec:
        freq = self.freq.currentData()
        if freq == "none":
            return RuleSpec()
        count = self.count.value() if self.end_count.isChecked() else None
        u = self.until.date()
        until = date(u.year(), u.month(), u.day()) if self.end_until.isChecked() else None
        if freq == "weekly":
            days = tuple(i for i, b in enumerate(self.days) if b.isChecked())
            return RuleSpec("weekly", self.interval.value(), days, count=count, until=until)
        if freq == "monthly":
            return RuleSpec(
                "monthly",
                self.interval.value(),
                (),
                self.nth.currentData(),
                self.nth_day.currentData(),
                count,
                until,
            )
        return RuleSpec(freq, self.interval.value(), count=count, until=until)

    def rule(self) -> str | None:
        return self.custom if self.custom is not None else to_rrule(self.spec())

    def _changed(self, *_: Any) -> None:
        freq = self.freq.currentData()
        if not self._loading and self.custom is not None:
            self.custom = None  # the user changed the rule in the editor: it is no longer custom
        self.interval.setVisible(freq != "none")
        self.week_row.setVisible(freq == "weekly")
        self.month_row.setVisible(freq == "monthly")
        self.end_row.setVisible(freq != "none")
        self.count.setEnabled(self.end_count.isChecked())
        self.until.setEnabled(self.end_until.isChecked())
        self.sentence.setText(describe_rule(None if self.custom else self.spec(), self.custom))


class StationsEditor(QWidget):
    """The stations (zones, stalls) of an activity, each with its staffing needs."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.stations: list[Station] = []
        self.list = QListWidget()
        self.list.setObjectName("stations")
        self.list.setMaximumWidth(180)
        self.name = QLineEdit()
        self.name.setObjectName("station_name")
        self.needs = NeedsEditor(catalog)
        add = QPushButton(tr("Add station"))
        add.setObjectName("add_station")
        remove = QPushButton(tr("Remove station"))
        add.clicked.connect(self.add_station)
        remove.clicked.connect(self.remove_station)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(add)
        left.addWidget(remove)
        right = QFormLayout()
        right.addRow(tr("Station name"), self.name)
        right.addRow(tr("Needs"), self.needs)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self._row = -1
        self.list.currentRowChanged.connect(self._select)

    def set_stations(self, stations: tuple[Station, ...]) -> None:
        self.stations = list(stations)
        self.list.clear()
        for s in self.stations:
            self.list.addItem(QListWidgetItem(s.name))
        self._row = -1
        self.list.setCurrentRow(0 if self.stations else -1)
        self._select(self.list.currentRow())

    def _store(self) -> None:
        if 0 <= self._row < len(self.stations):
            s = self.stations[self._row]
            name = self.name.text().strip() or s.name
            self.stations[self._row] = replace(s, name=name, needs=tuple(self.needs.value()))
            self.list.item(self._row).setText(name)

    def _select(self, row: int) -> None:
        self._store()
        self._row = row
        has = 0 <= row < len(self.stations)
        self.name.setEnabled(has)
        self.needs.setEnabled(has)
        if has:
            self.name.setText(self.stations[row].name)
            self.needs.set_value(list(self.stations[row].needs))
        else:
            self.name.clear()
            self.needs.set_value([])

    def add_station(self) -> None:
        self._store()
        taken = {s.id for s in self.stations}
        n = len(self.stations) + 1
        while f"st{n}" in taken:
            n += 1
        station = Station(f"st{n}", trf("Station %1", n))
        self.stations.append(station)
        self.list.addItem(QListWidgetItem(station.name))
        self.list.setCurrentRow(len(self.stations) - 1)

    def remove_station(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._row = -1
        del self.stations[row]
        self.list.takeItem(row)
        self._select(self.list.currentRow())

    def value(self) -> tuple[Station, ...]:
        self._store()
        return tuple(self.stations)


def _qdt(d: datetime) -> QDateTime:
    return QDateTime(QDate(d.year, d.month, d.day), QTime(d.hour, d.minute))


def _py(q: QDateTime) -> datetime:
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class ActivityDialog(QDialog):
    """Add or edit an activity. `result_activity` holds the activity built on Save."""

    def __init__(
        self,
        catalog: Catalog,
        activity: Activity | None,
        parent: QWidget | None = None,
        start: datetime | None = None,
    ):
        super().__init__(parent)
        self.catalog = catalog
        self.activity = activity
        self.result_activity: Activity | None = None
        self.setWindowTitle(tr("Edit activity") if activity else tr("New activity"))
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, text in ACTIVITY_KINDS.items():
            self.kind.addItem(tr(text), code)
        partners = sorted(((p.id, p.name) for p in catalog.partners.values()), key=lambda x: x[1])
        self.partner = RefCombo(partners, False)
        self.partner.setObjectName("partner")
        branches = sorted(((b.id, b.name) for b in catalog.branches.values()), key=lambda x: x[1])
        self.organizer = RefCombo(branches, False)
        self.organizer.setObjectName("organizer")
        self.venue = QLineEdit()
        self.venue.setObjectName("venue")
        self.start = QDateTimeEdit()
        self.start.setObjectName("start")
        self.end = QDateTimeEdit()
        self.end.setObjectName("end")
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.status = QComboBox()
        for code, text in ACTIVITY_STATUSES.items():
            self.status.addItem(tr(text), code)
        self.policy = QComboBox()
        self.policy.setObjectName("holiday_policy")
        for code, text in HOLIDAY_POLICIES.items():
            self.policy.addItem(tr(text), code)
        self.recurrence = RecurrenceEditor()
        self.stations = StationsEditor(catalog)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("Activity name") + " *", self.title)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Partner"), self.partner)
        form.addRow(tr("Venue"), self.venue)
        form.addRow(tr("Organizer"), self.organizer)
        form.addRow(tr("Starts"), self.start)
        form.addRow(tr("Ends"), self.end)
        form.addRow(tr("Status"), self.status)
        repeat = QGroupBox(tr("Repeat"))
        rl = QVBoxLayout(repeat)
        rl.addWidget(self.recurrence)
        pl = QHBoxLayout()
        pl.addWidget(QLabel(tr("On statutory holidays:")))
        pl.addWidget(self.policy)
        pl.addStretch(1)
        rl.addLayout(pl)
        stations = QGroupBox(tr("Stations and needs"))
        QVBoxLayout(stations).addWidget(self.stations)
        buttons = ok_cancel(self, tr("Save"), tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(repeat)
        layout.addWidget(stations, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 820)
        self.start.dateTimeChanged.connect(self._start_changed)
        self._load(activity, start)

    def _load(self, a: Activity | None, start: datetime | None) -> None:
        if a is None:
            begin = start or datetime.combine(date.today() + timedelta(days=1), datetime.min.time()).replace(
                hour=9
            )
            a = Activity("", "", begin, begin + timedelta(hours=2))
            self.recurrence.freq.setCurrentIndex(0)
        self.title.setText(a.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
        self.partner.set_value(a.partner)
        self.organizer.set_value(a.organizer)
        self.venue.setText(a.venue or "")
        self._length = a.end - a.start
        self.start.setDateTime(_qdt(a.start))
        self.end.setDateTime(_qdt(a.end))
        self.status.setCurrentIndex(max(0, self.status.findData(a.status)))
        self.policy.setCurrentIndex(max(0, self.policy.findData(a.holiday_policy)))
        self.recurrence.set_rule(a.rrule, a.start)
        self.stations.set_stations(a.stations)

    def _start_changed(self, value: QDateTime) -> None:
        # Moving the start keeps the length, as calendars do.
        self.end.setDateTime(_qdt(_py(value) + self._length))

    def build(self) -> tuple[Activity | None, list[str]]:
        problems = []
        title = self.title.text().strip()
        if not title:
            problems.append(trf("“%1” is required.", tr("Activity name")))
        start, end = _py(self.start.dateTime()), _py(self.end.dateTime())
        if end <= start:
            problems.append(tr("The activity must end after it starts."))
        rule = self.recurrence.rule()
        if rule and not problems:
            reason = check_rule(rule, start)
            if reason:
                problems.append(trf("The repeat rule gives no dates: %1", reason))
        if problems:
            return None, problems
        base = self.activity or Activity(self._new_id(), title, start, end)
        activity = replace(
            base,
            title=title,
            kind=self.kind.currentData(),
            partner=self.partner.value(),
            venue=self.venue.text().strip() or None,
            organizer=self.organizer.value(),
            start=start,
            end=end,
            status=self.status.currentData(),
            holiday_policy=self.policy.currentData(),
            rrule=rule,
            stations=self.stations.value(),
        )
        return activity, []

    def _new_id(self) -> str:
        n = len(self.catalog.activities) + 1
        while f"a{n:05d}" in self.catalog.activities:
            n += 1
        return f"a{n:05d}"

    def accept(self) -> None:
        activity, problems = self.build()
        if problems:
            self.message.setText("\n".join(problems))
            return
        self.result_activity = activity
        super().accept()
