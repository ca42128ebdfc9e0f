"""The calendar area: month, week and agenda views, filters, the occurrence details beside them,
printing and history. The edits made from here are in calendar_edits.py; the details' HTML in
occurrence_html.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from db.audit import audit_key
from db.planio import load_audit
from scheduler.calendar.planning import CalendarFilter, occurrences_between
from scheduler.calendar.recurrence import expand
from ui.calendar.actions import CalendarEdits
from ui.calendar.agenda import AgendaView
from ui.calendar.month import MonthView
from ui.calendar.occurrence_html import details_html, empty_html
from ui.calendar.official import years_text
from ui.calendar.periods import month_title, week_title
from ui.calendar.shown import Shown
from ui.calendar.week import WeekView
from ui.conflicts.watch import ConflictDiff, ConflictWatch
from ui.i18n import tr, trf
from ui.labels import ACTIVITY_KINDS
from ui.masterdata.history_dialog import HistoryDialog
from ui.session import Session

# What the grids draw from (a branch filter reads the branch's departments), what only the
# details beside them show, and what the filters offer.
GRID_SECTIONS = ("activities", "records", "calendar", "branches")
DETAIL_SECTIONS = ("assignments", "staff", "departments", "partners")
FILTER_SECTIONS = ("branches", "departments", "partners")


class CalendarPage(QWidget):
    status = Signal(str)

    MONTH, WEEK, AGENDA = 0, 1, 2

    def __init__(
        self,
        session: Session,
        watch: ConflictWatch | None = None,
        field: dict | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.catalog = session.catalog
        self.watch = watch
        # On a laptop with a field package: record what was done; planning stays in the office.
        self.field_info = field
        self.field_mode = field is not None
        self.anchor = date.today()
        self.current: Shown | None = None
        self.shown: list[Shown] = []
        self.stale = False  # to be drawn again when next shown
        self.edits = CalendarEdits(self)
        top = self._build_toolbar()
        filters = self._build_filters()
        self._build_banner()
        self._build_views()
        side = self._build_side_panel()
        self._lay_out(top, filters, side)
        if self.field_mode:
            self._hide_planning()
        self._fill_filters()
        self.show_details(None)
        self.refresh()
        session.changed.connect(self.on_changed)
        if watch is not None:
            watch.updated.connect(self.on_conflicts)

    # -- building

    def _build_toolbar(self) -> QHBoxLayout:
        self.prev = QToolButton(text="◀")
        self.next = QToolButton(text="▶")
        self.today_button = QPushButton(tr("Today"))
        self.today_button.setObjectName("today")
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
        # The week as a list of one-line rows per day (chosen by itself on a crowded week).
        self.compact_button = QToolButton(text=tr("Compact"), checkable=True)
        self.compact_button.setObjectName("week_compact")
        self.compact_button.setToolTip(
            tr(
                "The week as one line per occurrence, in order of time: every occurrence of a crowded week shows"
            )
        )
        self.compact_button.clicked.connect(self.set_compact)
        views.addSpacing(6)
        views.addWidget(self.compact_button)
        self.new_button = self._button(tr("New activity"), "new_activity", lambda: self.edits.new_activity())
        self.print_button = self._button(tr("Print…"), "print", self.print_menu)
        self.patrol_button = self._button(tr("Annual patrol plan…"), "patrol_plan", self.edits.patrol_plan)
        self.auto_button = self._button(tr("Auto-assign…"), "auto_assign", lambda: self.edits.auto_assign())
        self.auto_button.setToolTip(tr("Fill the open places of a window of the calendar with the solver"))
        top = QHBoxLayout()
        for w in (self.prev, self.today_button, self.next, self.period):
            top.addWidget(w)
        top.addStretch(1)
        top.addLayout(views)
        for w in (self.new_button, self.auto_button, self.patrol_button, self.print_button):
            top.addWidget(w)
        return top

    def _build_filters(self) -> QHBoxLayout:
        self.filters: dict[str, QComboBox] = {}
        row = QHBoxLayout()
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
            row.addWidget(combo)
        row.addStretch(1)
        return row

    def _build_banner(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("background: #fff3cd; color: #7a5b00; padding: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()

    def _build_views(self) -> None:
        self.month = MonthView()
        self.week = WeekView()
        self.agenda = AgendaView()
        self.stack = QStackedWidget()
        for v in (self.month, self.week, self.agenda):
            self.stack.addWidget(v)
            v.selected.connect(self.show_details)
            v.opened.connect(self.edits.edit_occurrence)
        for v in (self.month, self.week):
            v.moved.connect(self.edits.drag_moved)
            v.day_opened.connect(self.edits.new_on_day)
        for v in (self.month, self.week):
            v.crowd_opened.connect(self.show_day_list)

    def _build_side_panel(self) -> QWidget:
        """The details of the chosen occurrence and what acts on it (enabled once one is chosen)."""
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        e = self.edits
        self.record_button = self._button(tr("Record what was done…"), "record", e.record_current)
        self.auto_one_button = self._button(
            tr("Auto-assign this occurrence"), "auto_assign_one", lambda: e.auto_assign(only=True)
        )
        self.assign_button = self._button(tr("Assign a person…"), "assign", e.assign_person)
        self.unassign_button = self._button(tr("Remove a person…"), "unassign", e.remove_person)
        self.edit_button = self._button(
            tr("Edit…"), "edit_activity", lambda: self.current and e.edit_occurrence(self.current)
        )
        self.rotation_button = self._button(tr("Rotation…"), "rotation", e.edit_rotation)
        self.cancel_button = self._button(tr("Call off this occurrence…"), "call_off", e.call_off_current)
        self.exclude_button = self._button(tr("Leave out this occurrence"), "exclude", e.exclude_current)
        self.delete_button = self._button(tr("Delete activity"), "delete_activity", e.delete_current)
        self.history_button = self._button(tr("History…"), "history", self.show_history)
        self.notice_button = self._button(tr("Copy notice"), "copy_notice", e.copy_notice)
        self.notice_button.setToolTip(tr("The notice for a WeChat group, put on the clipboard"))
        self.occurrence_buttons = (
            self.notice_button,
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
        # Two columns of buttons: the details above keep most of the height (who is assigned
        # shows without scrolling), the buttons used most on top.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        pairs = (
            (self.record_button, self.cancel_button),
            (self.assign_button, self.unassign_button),
            (self.auto_one_button, self.edit_button),
            (self.rotation_button, self.exclude_button),
        )
        for row, pair in enumerate(pairs):
            for col, b in enumerate(pair):
                grid.addWidget(b, row, col)
        # The short ones share the last row, so the details keep their height.
        last = QHBoxLayout()
        last.setSpacing(4)
        for b in (self.notice_button, self.history_button, self.delete_button):
            last.addWidget(b)
        grid.addLayout(last, len(pairs), 0, 1, 2)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.details, 1)
        layout.addLayout(grid)
        return side

    def _lay_out(self, top: QHBoxLayout, filters: QHBoxLayout, side: QWidget) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 320])  # the buttons' two columns widen it where they need
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def _hide_planning(self) -> None:
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

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

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

    def set_compact(self, on: bool) -> None:
        """The user's choice of the week's layout, kept until changed."""
        self.week.set_compact(on)
        self._show_compact()

    def _show_compact(self) -> None:
        in_week = self.view_index() == self.WEEK
        self.compact_button.setVisible(in_week)
        self.compact_button.setChecked(in_week and self.week.is_compact())

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
        self.go_to(date.today())

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
            return first, (first + timedelta(days=32)).replace(day=1)
        return self.month.range()

    def _occurrences(self, start: date, end: date) -> list[Shown]:
        """The occurrences in the window that pass the filters, with their badges."""
        occ = occurrences_between(
            self.catalog.activities.values(),
            datetime.combine(start, datetime.min.time()),
            datetime.combine(end, datetime.min.time()),
            self.catalog.work_calendar,
            self.filter(),
            self.catalog.branches,
        )
        records = self.catalog.records
        badges = self.watch.badges if self.watch is not None else {}
        shown = []
        for o in occ:
            key = (o.activity, o.date)
            record = records.get(key)
            status = record.status if record is not None else None
            shown.append(
                Shown(
                    o,
                    self.catalog.activities[o.activity],
                    badges.get(key),
                    cancelled=status == "cancelled",
                    done=status == "done",
                    served=record.served if record is not None else None,
                    reason=record.reason if record is not None else None,
                )
            )
        return shown

    def refresh(self, *_args: Any) -> None:
        self.stale = False
        start, end = self.window()
        cal = self.catalog.work_calendar
        shown = self._occurrences(start, end)
        today = date.today()
        if self.view_index() == self.WEEK:
            self.period.setText(week_title(start, end - timedelta(days=1)))
            self.week.set_items(shown, cal, today)
        else:
            self.period.setText(month_title(self.anchor))
            if self.view_index() == self.MONTH:
                self.month.set_items(shown, cal, today)
            else:
                key = self.current.key if self.current is not None else None
                self.agenda.set_items(shown, cal, self.catalog.name_of, key)
        missing = cal.unknown_years(range(start.year, (end - timedelta(days=1)).year + 1))
        if missing:
            self.banner.setText(
                trf(
                    "The official holiday calendar built into this version covers %1; %2 is not in it, so "
                    "the holidays and make-up workdays of %2 are not known yet. Enter them from the "
                    "State Council's notice under Organisation → Holidays and make-up workdays, or import "
                    "them in a plan file.",
                    years_text(cal.official),
                    "、".join(str(y) for y in missing),
                )
            )
        self.banner.setVisible(bool(missing))
        self._show_compact()
        self.shown = shown
        if self.current is not None:
            self.show_details(next((s for s in shown if s.key == self.current.key), None))

    # -- after a change

    def on_changed(self, changes: ops.Changes, _initiator: object) -> None:
        """Redraw when a change touches what the grids draw, or the badges of what they show
        (the watch has heard of the change first); when not on screen, when next shown. What
        only the details show redraws the details."""
        if changes.touches(*FILTER_SECTIONS):
            self._fill_filters()
        last = self.watch.last if self.watch is not None else None
        badges = last is not None and self._shows_any(last.badges)
        if changes.touches(*GRID_SECTIONS) or changes.hospital or badges:
            self._redraw()
        elif changes.touches(*DETAIL_SECTIONS) and self.current is not None and self.isVisible():
            self.show_details(self.current)

    def on_conflicts(self, diff: ConflictDiff) -> None:
        """A check outside a change (the first one): the badges of what is shown."""
        if not diff.in_change and (diff.whole or self._shows_any(diff.badges)):
            self._redraw()

    def _shows_any(self, keys: frozenset) -> bool:
        return any(s.key in keys for s in self.shown)

    def _redraw(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: Any) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    # -- details

    def show_details(self, shown: Shown | None) -> None:
        self.current = shown
        for b in self.occurrence_buttons:
            b.setEnabled(shown is not None)
        if shown is None:
            self.details.setHtml(empty_html())
            return
        self.exclude_button.setEnabled(bool(shown.activity.rrule))
        self.cancel_button.setText(
            tr("Hold this occurrence again") if shown.cancelled else tr("Call off this occurrence…")
        )
        self.rotation_button.setEnabled(bool(shown.activity.rrule and shown.activity.stations))
        self.notice_button.setEnabled(not shown.cancelled)
        self.details.setHtml(details_html(shown, self.catalog, date.today()))

    def print_menu(self) -> None:
        """Print what the user is looking at: the chosen occurrence, its sign-in sheet, the week,
        the year."""
        from reports.rosters import (
            annual_plan,
            find_occurrence,
            occurrence_roster,
            sign_in_sheet,
            weekly_roster,
        )
        from ui.exchange.printing import save_pdf

        menu = QMenu(self)
        plan, cal, anchor = self.catalog.plan, self.catalog.work_calendar, self.anchor
        if self.current is not None:
            a, o = self.current.activity, self.current.occurrence
            booked = find_occurrence(plan(), cal, a.id, o.date)
            if booked is not None:
                menu.addAction(
                    tr("Occurrence roster…"),
                    lambda: save_pdf(
                        self,
                        f"{a.title}-{o.date}.pdf",
                        lambda p, t, now: occurrence_roster(p, plan(), booked, t, now),
                    ),
                )
                menu.addAction(
                    tr("Sign-in sheet…"),
                    lambda: save_pdf(
                        self,
                        f"{a.title}-{o.date}-sign-in.pdf",
                        lambda p, t, now: sign_in_sheet(p, plan(), booked, t, now),
                    ),
                )
        menu.addAction(
            tr("Weekly roster…"),
            lambda: save_pdf(
                self, f"week-{anchor}.pdf", lambda p, t, now: weekly_roster(p, plan(), cal, anchor, t, now)
            ),
        )
        menu.addAction(
            tr("Annual plan…"),
            lambda: save_pdf(
                self,
                f"annual-{anchor.year}.pdf",
                lambda p, t, now: annual_plan(p, plan(), cal, anchor.year, t, now),
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
        dialog = HistoryDialog(f"{a.title} {o.date:%Y-%m-%d}", entries, self, names=self.catalog.name_of)
        self.history_dialog = dialog
        dialog.show()
        return dialog
