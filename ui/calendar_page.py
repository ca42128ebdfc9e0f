"""The calendar area: month, week and agenda views, filters, the occurrence details, and the
edits a planner makes there (new, edit with scope, move by drag, exclude, delete)."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from db.operations import OperationError, audit_key
from db.planio import load_audit
from db.store import StoreError
from reports.rosters import annual_plan, find_occurrence, occurrence_roster, sign_in_sheet, weekly_roster
from scheduler.conflicts import Booked
from scheduler.editing import exclude_occurrence, move_occurrence, original_start, split_series
from scheduler.model import Activity, Assignment, Record
from scheduler.planning import CalendarFilter, department_on_turn, occurrences_between
from scheduler.recurrence import expand
from scheduler.rules import from_rrule

from .activity_editor import ActivityDialog, describe_rule
from .assign_dialog import AssignDialog
from .autoassign import PreviewDialog, WindowDialog, make_job, snapshot
from .calendar_views import AgendaView, MonthView, Shown, WeekView
from .entities import Catalog
from .history_dialog import HistoryDialog
from .i18n import tr, trf
from .labels import ACTIVITY_KINDS, ACTIVITY_STATUSES, ROLES, label, qualification_label
from .patrol_dialog import PatrolPlanDialog
from .printing import save_pdf
from .record_dialog import RecordDialog
from .rotation_dialog import RotationDialog
from .session import Session
from .tasks import Cancelled, run_task


class CalendarPage(QWidget):
    status = Signal(str)

    MONTH, WEEK, AGENDA = 0, 1, 2

    def __init__(self, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.anchor = date.today()
        self.current: Shown | None = None
        self.badges: dict[tuple[str, date], str] = {}

        self.prev = QToolButton(text="◀")
        self.next = QToolButton(text="▶")
        self.today_button = QPushButton(tr("Today"))
        self.period = QLabel()
        self.period.setObjectName("period")
        font = self.period.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.period.setFont(font)
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.view_buttons = QButtonGroup(self)
        views = QHBoxLayout()
        for i, text in enumerate((tr("Month"), tr("Week"), tr("Agenda"))):
            b = QToolButton(text=text, checkable=True)
            b.setObjectName(f"view_{i}")
            self.view_buttons.addButton(b, i)
            views.addWidget(b)
        self.view_buttons.button(0).setChecked(True)
        self.view_buttons.idClicked.connect(self.set_view)
        self.new_button = QPushButton(tr("New activity"))
        self.new_button.setObjectName("new_activity")
        self.new_button.clicked.connect(lambda: self.new_activity())
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_menu)
        self.patrol_button = QPushButton(tr("Annual patrol plan…"))
        self.patrol_button.setObjectName("patrol_plan")
        self.patrol_button.clicked.connect(self.patrol_plan)

        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        for key, text in (
            ("branch", tr("Party branch")),
            ("department", tr("Department")),
            ("partner", tr("Partner")),
            ("kind", tr("Kind")),
        ):
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.setMinimumContentsLength(10)
            combo.setToolTip(text)
            combo.currentIndexChanged.connect(self.refresh)
            self.filters[key] = combo
            filter_row.addWidget(combo)
        filter_row.addStretch(1)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("background: #fff3cd; color: #7a5b00; padding: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.month = MonthView()
        self.week = WeekView()
        self.agenda = AgendaView()
        self.stack = QStackedWidget()
        for v in (self.month, self.week, self.agenda):
            self.stack.addWidget(v)
            v.selected.connect(self.show_details)
            v.opened.connect(self.edit_occurrence)
        for v in (self.month, self.week):
            v.moved.connect(self.drag_moved)
            v.day_opened.connect(self._new_on_day)
        self.week.crowd_opened.connect(self.show_day_list)

        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        self.edit_button = self._button(
            tr("Edit…"), "edit_activity", lambda: self.current and self.edit_occurrence(self.current)
        )
        self.exclude_button = self._button(tr("Leave out this occurrence"), "exclude", self.exclude_current)
        self.delete_button = self._button(tr("Delete activity"), "delete_activity", self.delete_current)
        self.cancel_button = self._button(tr("Call off this occurrence…"), "call_off", self.call_off_current)
        self.auto_button = self._button(tr("Auto-assign…"), "auto_assign", lambda: self.auto_assign())
        self.auto_button.setToolTip(tr("Fill the open places of a window of the calendar with the solver"))
        self.auto_one_button = self._button(
            tr("Auto-assign this occurrence"), "auto_assign_one", lambda: self.auto_assign(only=True)
        )
        self.record_button = self._button(tr("Record what was done…"), "record", self.record_current)
        self.assign_button = self._button(tr("Assign a person…"), "assign", self.assign_person)
        self.unassign_button = self._button(tr("Remove a person…"), "unassign", self.remove_person)
        self.history_button = self._button(tr("History…"), "history", self.show_history)
        self.rotation_button = self._button(tr("Rotation…"), "rotation", self.edit_rotation)
        # What acts on the chosen occurrence: listed beside the details, enabled once one is chosen.
        self.occurrence_buttons = (
            self.record_button,
            self.auto_one_button,
            self.assign_button,
            self.unassign_button,
            self.edit_button,
            self.rotation_button,
            self.cancel_button,
            self.exclude_button,
            self.delete_button,
            self.history_button,
        )
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.details, 1)
        for b in self.occurrence_buttons:
            sl.addWidget(b)

        top = QHBoxLayout()
        top.addWidget(self.prev)
        top.addWidget(self.today_button)
        top.addWidget(self.next)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addLayout(views)
        top.addWidget(self.new_button)
        top.addWidget(self.auto_button)
        top.addWidget(self.patrol_button)
        top.addWidget(self.print_button)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filter_row)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._fill_filters()
        self.show_details(None)
        self.refresh()

    # -- what is shown

    def _fill_filters(self) -> None:
        options = {
            "branch": sorted(((b.id, b.name) for b in self.catalog.branches.values()), key=lambda x: x[1]),
            "department": sorted(
                ((d.id, d.name) for d in self.catalog.departments.values()), key=lambda x: x[1]
            ),
            "partner": sorted(((p.id, p.name) for p in self.catalog.partners.values()), key=lambda x: x[1]),
            "kind": [(k, tr(v)) for k, v in ACTIVITY_KINDS.items()],
        }
        everyone = {
            "branch": tr("All branches"),
            "department": tr("All departments"),
            "partner": tr("All partners"),
            "kind": tr("All kinds"),
        }
        for key, combo in self.filters.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone[key], None)
            for value, text in options[key]:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.blockSignals(False)

    def filter(self) -> CalendarFilter:
        return CalendarFilter(**{k: c.currentData() for k, c in self.filters.items()})

    def view_index(self) -> int:
        return self.stack.currentIndex()

    def set_view(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.view_buttons.button(index).setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        if self.view_index() == self.WEEK:
            self.anchor += timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.refresh()

    def show_occurrence(self, activity_id: str, day: date) -> None:
        """Go to an occurrence (by identity) and show its details."""
        a = self.catalog.activities.get(activity_id)
        if a is None:
            return
        occ = next((o for o in expand(a, calendar=self.catalog.work_calendar) if o.date == day), None)
        self.go_to(occ.start.date() if occ else day)
        shown = next((s for s in self.shown if s.key == (activity_id, day)), None)
        for v in (self.month, self.week):
            v.current = shown.key if shown else None
            v.update()
        self.show_details(shown)

    def show_day_list(self, day: date) -> None:
        """A crowded day: the agenda lists everything, scrolled to that day."""
        self.anchor = day
        self.set_view(self.AGENDA)
        for i in range(self.agenda.topLevelItemCount()):
            item = self.agenda.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole).occurrence.start.date() >= day:
                self.agenda.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
                self.agenda.setCurrentItem(item)
                break

    def go_today(self) -> None:
        self.anchor = date.today()
        self.refresh()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.refresh()

    def window(self) -> tuple[date, date]:
        if self.view_index() == self.WEEK:
            self.week.set_week(self.anchor)
            return self.week.range()
        self.month.set_month(self.anchor)
        if self.view_index() == self.AGENDA:
            first = self.anchor.replace(day=1)
            nxt = (first + timedelta(days=32)).replace(day=1)
            return first, nxt
        return self.month.range()

    def refresh(self, *_args: Any) -> None:
        start, end = self.window()
        cal = self.catalog.work_calendar
        occ = occurrences_between(
            self.catalog.activities.values(),
            datetime.combine(start, datetime.min.time()),
            datetime.combine(end, datetime.min.time()),
            cal,
            self.filter(),
            self.catalog.branches,
        )
        called_off = {k for k, r in self.catalog.records.items() if r.status == "cancelled"}
        shown = [
            Shown(
                o,
                self.catalog.activities[o.activity],
                self.badges.get((o.activity, o.date)),
                (o.activity, o.date) in called_off,
            )
            for o in occ
        ]
        today = date.today()
        if self.view_index() == self.WEEK:
            self.period.setText(
                trf("Week of %1", f"{start:%Y-%m-%d}") + f" – {end - timedelta(days=1):%m-%d}"
            )
            self.week.set_items(shown, cal, today)
        elif self.view_index() == self.MONTH:
            self.period.setText(trf("%1-%2", self.anchor.year, f"{self.anchor.month:02d}"))
            self.month.set_items(shown, cal, today)
        else:
            self.period.setText(trf("%1-%2", self.anchor.year, f"{self.anchor.month:02d}"))
            self.agenda.set_items(shown, cal, self.catalog.name_of)
        missing = cal.unknown_years(range(start.year, (end - timedelta(days=1)).year + 1))
        if missing:
            years = "、".join(str(y) for y in missing)
            self.banner.setText(
                trf(
                    "%1 holidays not entered: holidays and make-up workdays of that year are not known yet. "
                    "Enter them under Organisation → Holidays, or import them in a plan file.",
                    years,
                )
            )
        self.banner.setVisible(bool(missing))
        self.shown = shown
        if self.current is not None:
            again = next((s for s in shown if s.key == self.current.key), None)
            self.show_details(again)

    # -- details

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def show_details(self, shown: Shown | None) -> None:
        self.current = shown
        for b in self.occurrence_buttons:
            b.setEnabled(shown is not None)
        if shown is None:
            self.details.setHtml(
                f"<p style='color:#707070'>{html.escape(tr('Click an occurrence to see its stations and people.'))}</p>"
            )
            return
        self.exclude_button.setEnabled(bool(shown.activity.rrule))
        self.cancel_button.setText(
            tr("Hold this occurrence again") if shown.cancelled else tr("Call off this occurrence…")
        )
        self.rotation_button.setEnabled(bool(shown.activity.rrule and shown.activity.stations))
        self.details.setHtml(self.details_html(shown))

    def details_html(self, shown: Shown) -> str:
        o, a, c = shown.occurrence, shown.activity, self.catalog
        e = html.escape
        info = c.work_calendar.info(o.start.date())
        rows = [f"<h3>{e(a.title)}</h3>"]
        when = f"{o.start:%Y-%m-%d %H:%M} – {o.end:%H:%M}"
        if o.moved:
            when += " " + trf("(moved from %1)", o.date.isoformat())
        record = c.records.get((a.id, o.date))
        if record is not None and record.status == "cancelled":
            when += f" · <b style='color:#b00020'>{e(tr('Called off'))}</b>：{e(record.reason or '')}"
        if info.name:
            when += f" · <span style='color:#c62828'>{e(info.name)}</span>"
        facts = [
            (tr("When"), when),
            (tr("Kind"), e(label(ACTIVITY_KINDS, a.kind))),
            (tr("Status"), e(label(ACTIVITY_STATUSES, a.status))),
            (tr("Venue"), e(a.venue or "")),
            (tr("Organizer"), e(c.name_of("branches", a.organizer))),
        ]
        partner = c.partners.get(a.partner or "")
        if partner is not None:
            contact = " ".join(x for x in (partner.contact.name, partner.contact.phone) if x)
            facts.append((tr("Partner"), e(partner.name) + (f"（{e(contact)}）" if contact else "")))
        if a.rrule:
            facts.append((tr("Repeat"), e(describe_rule(from_rrule(a.rrule), a.rrule))))
        if a.request:
            facts.append((tr("Service request"), e(a.request)))
        rows.append(
            "<table>"
            + "".join(
                f"<tr><td style='color:#606060;padding-right:8px'>{k}</td><td>{v}</td></tr>" for k, v in facts
            )
            + "</table>"
        )
        people = [x for x in c.assignments.values() if x.activity == a.id and x.occurrence in (None, o.date)]

        def person(x: Any) -> str:
            s = c.staff.get(x.staff)
            name = s.name if s else x.staff
            dept = c.name_of("departments", s.department) if s else ""
            role = f"<b>{e(label(ROLES, x.role))}</b> " if x.role == "lead" else ""
            return f"{role}{e(name)} <span style='color:#707070'>{e(dept)}</span>"

        whole = [person(x) for x in people if x.station is None]
        if whole:
            rows.append(f"<p><b>{e(tr('Whole activity'))}</b>: " + "、".join(whole) + "</p>")
        for st in a.stations:
            turn = department_on_turn(a, o.date, st.id)
            head = f"<p><b>{e(st.name)}</b>"
            if turn:
                head += f" · {e(tr('on turn'))}: {e(c.name_of('departments', turn))}"
            rows.append(head + "</p><ul>")
            for n in st.needs:
                who = " ".join(
                    x
                    for x in (
                        c.name_of("departments", n.department),
                        qualification_label(n.qualification or ""),
                    )
                    if x
                )
                rows.append(f"<li>{e(who or tr('anyone'))} × {n.count}</li>")
            rows.append("</ul>")
            at = [person(x) for x in people if x.station == st.id]
            rows.append(
                "<p>"
                + (
                    "、".join(at)
                    if at
                    else f"<span style='color:#b00020'>{e(tr('Nobody assigned yet'))}</span>"
                )
                + "</p>"
            )
        return "".join(rows)

    # -- edits

    def _lookup(self, section: str, key: Any) -> Any:
        return self.catalog.section(section).get(key)

    def _run(self, action: Any) -> bool:
        try:
            action()
        except (OperationError, StoreError) as exc:
            QMessageBox.warning(self, tr("Not saved"), trf("The change was not saved: %1", exc))
            return False
        return True

    def _new_on_day(self, day: date) -> None:
        if getattr(self, "field_mode", False):
            return
        self.new_activity(datetime.combine(day, datetime.min.time()).replace(hour=9))

    def new_activity(self, start: datetime | None = None) -> None:
        dialog = ActivityDialog(self.catalog, None, self, start=start)
        if dialog.exec() and dialog.result_activity is not None:
            a = dialog.result_activity
            text = trf("New activity %1", a.title)
            if self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": [a]})):
                self.go_to(a.start.date())

    def edit_occurrence(self, shown: Shown) -> None:
        if getattr(self, "field_mode", False):  # double-click records instead of planning
            self.show_details(shown)
            self.record_current()
            return
        a, o = shown.activity, shown.occurrence
        # A series opened from one of its occurrences shows that occurrence's times.
        view = replace(a, start=o.start, end=o.end) if a.rrule else a
        dialog = ActivityDialog(self.catalog, view, self)
        if not dialog.exec() or dialog.result_activity is None:
            return
        new = dialog.result_activity
        if new == view:
            return
        if not a.rrule:
            text = trf("Edit activity %1", new.title)
            self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": [new]}))
            return
        scope = self.ask_scope(
            only_time=replace(new, start=view.start, end=view.end) == view, first=o.date == a.start.date()
        )
        if scope is None:
            return
        if scope == "this":
            moved = move_occurrence(a, o.date, new.start, new.end)
            text = trf("Move %1 on %2", a.title, o.date.isoformat())
            self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": [moved]}))
        elif scope == "all":
            first = original_start(a, o.date) or o.start
            if new.start.date() != first.date():
                # Occurrences are known by their dates: shifting every date would orphan the
                # assignments and records kept under the old ones. Days change with the rule.
                QMessageBox.information(
                    self,
                    tr("Edit a repeating activity"),
                    tr(
                        "All occurrences can be given another time of day here; to hold the series on "
                        "other days, change its repeat rule, or move single occurrences."
                    ),
                )
                return
            delta = new.start - first
            whole = replace(
                new, start=a.start + delta, end=a.start + delta + (new.end - new.start), moved=a.moved
            )
            text = trf("Edit series %1", new.title)
            self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": [whole]}))
        else:
            self.split_and_edit(a, o.date, new)

    def split_and_edit(self, a: Activity, day: date, new: Activity) -> None:
        n = 2
        while f"{a.id}-{n}" in self.catalog.activities:
            n += 1
        sp = split_series(
            a,
            day,
            f"{a.id}-{n}",
            list(self.catalog.assignments.values()),
            list(self.catalog.records.values()),
        )
        first = original_start(a, day)
        tail_rule = sp.tail.rrule if new.rrule == a.rrule else new.rrule
        tail = replace(
            new,
            id=sp.tail.id,
            start=new.start,
            end=new.end,
            rrule=tail_rule,
            exdates=sp.tail.exdates if new.start == first else (),
            moved=sp.tail.moved if new.start == first else (),
            rotation=sp.tail.rotation,
        )
        text = trf("Edit %1 from %2 on", a.title, day.isoformat())
        self._run(
            lambda: self.session.edit(
                text,
                self._lookup,
                saves={
                    "activities": [sp.head, tail],
                    "assignments": list(sp.add_assignments),
                    "records": list(sp.add_records),
                },
                deletes={
                    "assignments": [x.key for x in sp.remove_assignments],
                    "records": [r.key for r in sp.remove_records],
                },
            )
        )

    def ask_scope(self, only_time: bool, first: bool) -> str | None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("Edit a repeating activity"))
        box.setText(tr("This activity repeats. Which occurrences should change?"))
        this = box.addButton(tr("This occurrence"), QMessageBox.ButtonRole.AcceptRole)
        following = box.addButton(tr("This and following"), QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton(tr("All occurrences"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        this.setEnabled(only_time)
        following.setEnabled(not first)
        if not only_time:
            box.setInformativeText(
                tr("A single occurrence can only be given another time; other changes apply to the series.")
            )
        box.exec()
        return {this: "this", following: "following", every: "all"}.get(box.clickedButton())

    def drag_moved(self, shown: Shown, new_start: datetime) -> None:
        if getattr(self, "field_mode", False):
            self.refresh()  # nothing moves in field mode: put it back
            return
        a, o = shown.activity, shown.occurrence
        length = o.end - o.start
        if a.rrule:
            new = move_occurrence(a, o.date, new_start, new_start + length)
        else:
            new = replace(a, start=new_start, end=new_start + length)
        text = trf("Move %1 to %2", a.title, f"{new_start:%Y-%m-%d %H:%M}")
        if self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": [new]})):
            self.status.emit(text)

    def exclude_current(self) -> None:
        if self.current is None or not self.current.activity.rrule:
            return
        a, day = self.current.activity, self.current.occurrence.date
        new = exclude_occurrence(a, day)
        gone = [
            x.key for x in self.catalog.assignments.values() if x.activity == a.id and x.occurrence == day
        ]
        text = trf("Leave out %1 on %2", a.title, day.isoformat())
        self._run(
            lambda: self.session.edit(
                text, self._lookup, saves={"activities": [new]}, deletes={"assignments": gone}
            )
        )

    def print_menu(self) -> None:
        """Print what the user is looking at: the chosen occurrence, its sign-in sheet, the week,
        the year."""
        menu = QMenu(self)
        cal = self.catalog.work_calendar
        if self.current is not None:
            a, o = self.current.activity, self.current.occurrence
            booked = find_occurrence(self.catalog.plan(), cal, a.id, o.date)
            if booked is not None:
                menu.addAction(
                    tr("Occurrence roster…"),
                    lambda: save_pdf(
                        self,
                        f"{a.title}-{o.date}.pdf",
                        lambda p, t, now: occurrence_roster(p, self.catalog.plan(), booked, t, now),
                    ),
                )
                menu.addAction(
                    tr("Sign-in sheet…"),
                    lambda: save_pdf(
                        self,
                        f"{a.title}-{o.date}-sign-in.pdf",
                        lambda p, t, now: sign_in_sheet(p, self.catalog.plan(), booked, t, now),
                    ),
                )
        menu.addAction(
            tr("Weekly roster…"),
            lambda: save_pdf(
                self,
                f"week-{self.anchor}.pdf",
                lambda p, t, now: weekly_roster(p, self.catalog.plan(), cal, self.anchor, t, now),
            ),
        )
        menu.addAction(
            tr("Annual plan…"),
            lambda: save_pdf(
                self,
                f"annual-{self.anchor.year}.pdf",
                lambda p, t, now: annual_plan(p, self.catalog.plan(), cal, self.anchor.year, t, now),
            ),
        )
        menu.exec(self.print_button.mapToGlobal(self.print_button.rect().bottomLeft()))

    def show_history(self) -> HistoryDialog | None:
        """The changes of the chosen activity, this occurrence's record and its assignments."""
        if self.current is None:
            return None
        a, o = self.current.activity, self.current.occurrence
        store = self.session.store
        entries = load_audit(store, "activities", a.id) + load_audit(
            store, "records", audit_key((a.id, o.date))
        )
        entries += [
            e
            for e in load_audit(store, "assignments")
            if e.key.startswith(f'["{a.id}"')
            and ((e.new or e.old or {}).get("occurrence") in (None, o.date.isoformat()))
        ]
        entries.sort(key=lambda e: e.at)
        dialog = HistoryDialog(f"{a.title} {o.date:%Y-%m-%d}", entries, self)
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def set_field_mode(self, info: dict) -> None:
        """On a laptop with a field package: record what was done; planning stays in the office."""
        self.field_mode = True
        self.field_info = info
        for b in (
            self.new_button,
            self.auto_button,
            self.patrol_button,
            self.auto_one_button,
            self.assign_button,
            self.unassign_button,
            self.edit_button,
            self.rotation_button,
            self.exclude_button,
            self.delete_button,
        ):
            b.hide()

    def auto_assign(self, only: bool = False) -> None:
        """Fill a window (or the chosen occurrence) with the solver, off the GUI thread; show
        what it would add and accept it as one undoable step."""
        if only:
            if self.current is None:
                return
            a, o = self.current.activity, self.current.occurrence
            window, key, method = (o.start.date(), o.start.date()), (a.id, o.date), "solver"
        else:
            first = self.anchor.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            dialog = WindowDialog(first, last, self)
            if not dialog.exec():
                return
            window, key, method = dialog.window(), None, dialog.method.currentData()
        settings = ops.solver_settings(self.session.store)
        plan = snapshot(self.catalog)
        job = make_job(plan, self.catalog, window, settings, method, key)

        def done(proposal: Any) -> None:
            preview = PreviewDialog(self.catalog, plan, proposal, self)
            self.preview = preview
            if preview.exec() and proposal.assignments:
                text = trf("Auto-assign: %1 assignments", len(proposal.assignments))
                self._run(
                    lambda: self.session.edit(text, self._lookup, saves={"assignments": proposal.assignments})
                )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                QMessageBox.information(self, tr("Auto-assign"), tr("Cancelled; nothing was changed."))
            else:
                QMessageBox.warning(
                    self,
                    tr("Auto-assign"),
                    trf("Unexpected error: %1", f"{type(exc).__name__}: {exc}"),
                )

        self.task = run_task(self, tr("Auto-assigning…"), job, done, failed)

    def assign_person(self) -> None:
        if self.current is None:
            return
        a, o = self.current.activity, self.current.occurrence
        dialog = AssignDialog(self.catalog, a, o, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        staff, station, role = dialog.chosen
        x = Assignment(a.id, staff, o.date if a.rrule else None, station, role)
        name = self.catalog.name_of("staff", staff)
        text = trf("Assign %1 to %2", name, f"{a.title} {o.date:%m-%d}")
        self._run(lambda: self.session.edit(text, self._lookup, saves={"assignments": [x]}))

    def remove_person(self) -> None:
        if self.current is None:
            return
        a, o = self.current.activity, self.current.occurrence
        mine = [
            x
            for x in self.catalog.assignments.values()
            if x.activity == a.id and x.occurrence in (None, o.date)
        ]
        if not mine:
            return
        names = [
            f"{self.catalog.name_of('staff', x.staff)} · {label(ROLES, x.role)}"
            + (" · " + tr("every occurrence") if x.occurrence is None and a.rrule else "")
            for x in mine
        ]
        choice, ok = QInputDialog.getItem(
            self, tr("Remove a person"), tr("Who no longer goes?"), names, 0, False
        )
        if not ok:
            return
        x = mine[names.index(choice)]
        text = trf("Remove %1 from %2", self.catalog.name_of("staff", x.staff), a.title)
        self._run(lambda: self.session.edit(text, self._lookup, deletes={"assignments": [x.key]}))

    def _outside_package(self) -> bool:
        """Field mode: only the occurrences the package was made for can be recorded."""
        if not getattr(self, "field_mode", False) or self.current is None:
            return False
        key = f"{self.current.activity.id}|{self.current.occurrence.date.isoformat()}"
        if key in self.field_info.get("occurrences", ()):
            return False
        QMessageBox.information(
            self,
            tr("Field package"),
            trf(
                "This occurrence is not in the field package, which covers %1 to %2.",
                self.field_info.get("from", ""),
                self.field_info.get("to", ""),
            ),
        )
        return True

    def record_current(self) -> None:
        """Record what was done at the chosen occurrence (undoable; hours go to the time bank)."""
        if self.current is None or self._outside_package():
            return
        a, o = self.current.activity, self.current.occurrence
        plan = self.catalog.plan()
        booked = find_occurrence(plan, self.catalog.work_calendar, a.id, o.date)
        if booked is None:  # called off: record on the occurrence as planned
            mine = tuple(
                x for x in plan.assignments.values() if x.activity == a.id and x.occurrence in (None, o.date)
            )
            booked = Booked(o, a, mine)
        existing = plan.records.get((a.id, o.date))
        dialog = RecordDialog(plan, booked, existing, self.session.store.user or "", self)
        self.record_dialog = dialog
        if not dialog.exec():
            return
        record = dialog.record()
        text = trf("Record %1 on %2", a.title, o.date.isoformat())
        self._run(lambda: self.session.edit(text, self._lookup, saves={"records": [record]}))

    def call_off_current(self) -> None:
        """Call one occurrence off with a reason (a cancelled record), or hold it again."""
        if self.current is None or self._outside_package():
            return
        a, day = self.current.activity, self.current.occurrence.date
        key = (a.id, day)
        if self.current.cancelled:
            text = trf("Hold %1 on %2 again", a.title, day.isoformat())
            self._run(lambda: self.session.edit(text, self._lookup, deletes={"records": [key]}))
            return
        reason, ok = QInputDialog.getText(self, tr("Call off"), tr("Why is this occurrence called off?"))
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self, tr("Call off"), tr("Calling off needs a reason."))
            return
        record = Record(a.id, day, "cancelled", reason.strip())
        text = trf("Call off %1 on %2", a.title, day.isoformat())
        self._run(lambda: self.session.edit(text, self._lookup, saves={"records": [record]}))

    def delete_current(self) -> None:
        if self.current is None:
            return
        a = self.current.activity
        answer = QMessageBox.question(
            self,
            tr("Delete activity"),
            trf(
                "Delete %1 with all its occurrences, assignments and records? You can undo this with Ctrl+Z.",
                a.title,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        c = self.catalog
        deletes = {
            "assignments": [k for k, x in c.assignments.items() if x.activity == a.id],
            "records": [k for k, r in c.records.items() if r.activity == a.id],
            "activities": [a.id],
        }
        text = trf("Delete activity %1", a.title)
        if self._run(lambda: self.session.edit(text, self._lookup, deletes=deletes)):
            self.show_details(None)

    def edit_rotation(self) -> None:
        if self.current is None:
            return
        a = self.current.activity
        dialog = RotationDialog(self.catalog, a, self.catalog.work_calendar, self)
        if dialog.exec():
            new = replace(a, rotation=dialog.rotation())
            if new != a:
                text = trf("Rotation of %1", a.title)
                self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": [new]}))

    def patrol_plan(self) -> None:
        dialog = PatrolPlanDialog(self.catalog, self, self.anchor.year)
        if dialog.exec() and dialog.result_activities:
            acts = dialog.result_activities
            text = trf("Annual patrol plan: %1 visits", len(acts))
            if self._run(lambda: self.session.edit(text, self._lookup, saves={"activities": acts})):
                self.status.emit(text)

    def on_catalog_changed(self, sections: set[str]) -> None:
        if sections & {"branches", "departments", "partners"}:
            self._fill_filters()
        self.refresh()
