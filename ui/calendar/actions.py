"""The edits a planner makes from the calendar: new activity, edit with scope (this, following,
all), move by drag, leave a date out, delete, rotation, annual patrol plan, assign and remove
people, auto-assign, record what was done, call off. Each is one undoable step through the
session, started by the calendar page (its initiator)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from db import operations as ops
from scheduler.conflicts.held import Booked
from scheduler.plan.editing import exclude_occurrence, move_occurrence, original_start, split_series
from scheduler.plan.model import Activity, Assignment, Record
from ui.assign.pick_dialog import AssignDialog
from ui.calendar.activity_editor import ActivityDialog
from ui.calendar.patrol_dialog import PatrolPlanDialog
from ui.calendar.rotation_dialog import RotationDialog
from ui.calendar.shown import Shown
from ui.edits import attempt
from ui.i18n import tr, trf
from ui.labels import ROLES, label
from ui.office.record_dialog import RecordDialog
from ui.session import Session
from ui.tasks import Cancelled, run_task
from ui.window.roles import may

AUTO_ASSIGN_DAYS = 28  # the default window, today included (as `main.py assign`)


class EditedPage(Protocol):
    """What the edits need of the calendar page they act for, which is also the parent of their
    dialogs. The page makes its edits and hands itself over; the edits know it only by this."""

    session: Session
    anchor: date
    current: Shown | None
    field_mode: bool
    field_info: dict | None
    status: SignalInstance

    def go_to(self, day: date) -> None: ...

    def refresh(self, *_args: Any) -> None: ...

    def show_details(self, shown: Shown | None) -> None: ...


class CalendarEdits(QObject):
    def __init__(self, page: EditedPage):
        assert isinstance(page, QWidget)  # and the parent of the edits' dialogs
        super().__init__(page)
        self.page = page
        self.session = page.session
        self.catalog = page.session.catalog

    def _edit(self, text: str, **kw: Any) -> bool:
        """One undoable step (saves / deletes per section); a refusal is shown."""
        return attempt(self.page, lambda: self.session.edit(text, initiator=self.page, **kw))

    @property
    def current(self) -> Shown | None:
        return self.page.current

    # -- activities

    def new_activity(self, start: datetime | None = None) -> None:
        dialog = ActivityDialog(self.catalog, None, self.page, start=start)
        if dialog.exec() and dialog.result_activity is not None:
            a = dialog.result_activity
            if self._edit(trf("New activity %1", a.title), saves={"activities": [a]}):
                self.page.go_to(a.start.date())

    def new_on_day(self, day: date) -> None:
        if not self.page.field_mode:
            self.new_activity(datetime.combine(day, datetime.min.time()).replace(hour=9))

    def edit_occurrence(self, shown: Shown) -> None:
        """Open the activity of an occurrence; for a series, ask which occurrences change."""
        if self.page.field_mode:  # double-click records instead of planning (if the role may)
            self.page.show_details(shown)
            if may(self.page.session.store.role, "record"):
                self.record_current()
            return
        a, o = shown.activity, shown.occurrence
        # A series opened from one of its occurrences shows that occurrence's times.
        view = replace(a, start=o.start, end=o.end) if a.rrule else a
        dialog = ActivityDialog(self.catalog, view, self.page)
        if not dialog.exec() or dialog.result_activity is None or dialog.result_activity == view:
            return
        new = dialog.result_activity
        if not a.rrule:
            self._edit(trf("Edit activity %1", new.title), saves={"activities": [new]})
            return
        only_time = replace(new, start=view.start, end=view.end) == view
        scope = self.ask_scope(only_time=only_time, first=o.date == a.start.date())
        if scope == "this":
            moved = move_occurrence(a, o.date, new.start, new.end)
            self._edit(trf("Move %1 on %2", a.title, o.date.isoformat()), saves={"activities": [moved]})
        elif scope == "all":
            self.edit_series(a, o.date, o.start, new)
        elif scope == "following":
            self.split_and_edit(a, o.date, new)

    def edit_series(self, a: Activity, day: date, start: datetime, new: Activity) -> None:
        """Every occurrence given the new details and time of day (not another day)."""
        first = original_start(a, day) or start
        if new.start.date() != first.date():
            # Occurrences are known by their dates: shifting every date would orphan the
            # assignments and records kept under the old ones. Days change with the rule.
            QMessageBox.information(
                self.page,
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
        self._edit(trf("Edit series %1", new.title), saves={"activities": [whole]})

    def split_and_edit(self, a: Activity, day: date, new: Activity) -> None:
        """This and following: the series ends before `day`; a new one starts there."""
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
        tail = replace(
            new,
            id=sp.tail.id,
            start=new.start,
            end=new.end,
            rrule=sp.tail.rrule if new.rrule == a.rrule else new.rrule,
            exdates=sp.tail.exdates if new.start == first else (),
            moved=sp.tail.moved if new.start == first else (),
            rotation=sp.tail.rotation,
        )
        self._edit(
            trf("Edit %1 from %2 on", a.title, day.isoformat()),
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

    def ask_scope(self, only_time: bool, first: bool) -> str | None:
        box = QMessageBox(self.page)
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
        if self.page.field_mode:
            self.page.refresh()  # nothing moves in field mode: put it back
            return
        a, o = shown.activity, shown.occurrence
        length = o.end - o.start
        if a.rrule:
            new = move_occurrence(a, o.date, new_start, new_start + length)
        else:
            new = replace(a, start=new_start, end=new_start + length)
        text = trf("Move %1 to %2", a.title, f"{new_start:%Y-%m-%d %H:%M}")
        if self._edit(text, saves={"activities": [new]}):
            self.page.status.emit(text)
        else:
            self.page.refresh()  # refused: the chip goes back where it was

    def exclude_current(self) -> None:
        if self.current is None or not self.current.activity.rrule:
            return
        a, day = self.current.activity, self.current.occurrence.date
        gone = [
            x.key for x in self.catalog.assignments.values() if x.activity == a.id and x.occurrence == day
        ]
        self._edit(
            trf("Leave out %1 on %2", a.title, day.isoformat()),
            saves={"activities": [exclude_occurrence(a, day)]},
            deletes={"assignments": gone},
        )

    def delete_current(self) -> None:
        if self.current is None:
            return
        a = self.current.activity
        answer = QMessageBox.question(
            self.page,
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
        if self._edit(trf("Delete activity %1", a.title), deletes=deletes):
            self.page.show_details(None)

    def edit_rotation(self) -> None:
        if self.current is None:
            return
        a = self.current.activity
        dialog = RotationDialog(self.catalog, a, self.catalog.work_calendar, self.page)
        if dialog.exec():
            new = replace(a, rotation=dialog.rotation())
            if new != a:
                self._edit(trf("Rotation of %1", a.title), saves={"activities": [new]})

    def patrol_plan(self) -> None:
        dialog = PatrolPlanDialog(self.catalog, self.page, self.page.anchor.year)
        if dialog.exec() and dialog.result_activities:
            acts = dialog.result_activities
            text = trf("Annual patrol plan: %1 visits", len(acts))
            if self._edit(text, saves={"activities": acts}):
                self.page.status.emit(text)

    # -- people

    def assign_person(self) -> None:
        if self.current is None:
            return
        a, o = self.current.activity, self.current.occurrence
        dialog = AssignDialog(self.catalog, a, o, self.page)
        if not dialog.exec() or dialog.chosen is None:
            return
        staff, station, role = dialog.chosen
        x = Assignment(a.id, staff, o.date if a.rrule else None, station, role)
        name = self.catalog.name_of("staff", staff)
        self._edit(trf("Assign %1 to %2", name, f"{a.title} {o.date:%m-%d}"), saves={"assignments": [x]})

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
            self.page, tr("Remove a person"), tr("Who no longer goes?"), names, 0, False
        )
        if not ok:
            return
        x = mine[names.index(choice)]
        text = trf("Remove %1 from %2", self.catalog.name_of("staff", x.staff), a.title)
        self._edit(text, deletes={"assignments": [x.key]})

    def auto_assign(self, only: bool = False) -> None:
        """Fill a window (or the chosen occurrence) with the solver, off the GUI thread; show
        what it would add and accept it as one undoable step."""
        from db.planio import revision
        from ui.assign.autoassign import PreviewDialog, WindowDialog, apply_proposal, make_job, snapshot

        replan = False
        if only:
            if self.current is None:
                return
            a, o = self.current.activity, self.current.occurrence
            window, key, method = (o.start.date(), o.start.date()), (a.id, o.date), "solver"
        else:
            # As the command line's `assign`: four weeks from today (the past is not filled).
            first = date.today()
            dialog = WindowDialog(first, first + timedelta(days=AUTO_ASSIGN_DAYS - 1), self.page)
            if not dialog.exec():
                return
            window, key, method = dialog.window(), None, dialog.method.currentData()
            replan = dialog.replan.isChecked()
        # The plan as the database holds it now (another window may have committed), and its
        # revision: the result is saved only onto that.
        self.session.poll()
        plan = snapshot(self.catalog)
        started = revision(self.session.store)
        settings = ops.solver_settings(self.session.store)
        job = make_job(plan, self.catalog, window, settings, method, key, replan)

        def done(proposal: Any) -> None:
            preview = PreviewDialog(self.catalog, plan, proposal, self.page)
            self.preview = preview
            if preview.exec() and (proposal.assignments or proposal.removed):
                apply_proposal(self.session, proposal, started, self.page, self.page)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                QMessageBox.information(self.page, tr("Auto-assign"), tr("Cancelled; nothing was changed."))
            else:
                QMessageBox.warning(
                    self.page, tr("Auto-assign"), trf("Unexpected error: %1", f"{type(exc).__name__}: {exc}")
                )

        self.task = run_task(self.page, tr("Auto-assigning…"), job, done, failed)

    # -- what was done

    def _outside_package(self) -> bool:
        """Field mode: only the occurrences the package was made for can be recorded."""
        info = self.page.field_info
        if info is None or self.current is None:
            return False
        key = f"{self.current.activity.id}|{self.current.occurrence.date.isoformat()}"
        if key in info.get("occurrences", ()):
            return False
        QMessageBox.information(
            self.page,
            tr("Field package"),
            trf(
                "This occurrence is not in the field package, which covers %1 to %2.",
                info.get("from", ""),
                info.get("to", ""),
            ),
        )
        return True

    def record_current(self) -> None:
        """Record what was done at the chosen occurrence (undoable; hours go to the time bank)."""
        if self.current is None or self._outside_package():
            return
        from reports.rosters import find_occurrence

        a, o = self.current.activity, self.current.occurrence
        plan = self.catalog.plan()
        booked = find_occurrence(plan, self.catalog.work_calendar, a.id, o.date)
        if booked is None:  # called off: record on the occurrence as planned
            mine = tuple(
                x for x in plan.assignments.values() if x.activity == a.id and x.occurrence in (None, o.date)
            )
            booked = Booked(o, a, mine)
        existing = plan.records.get((a.id, o.date))
        dialog = RecordDialog(plan, booked, existing, self.session.store.user or "", self.page)
        self.record_dialog = dialog
        if dialog.exec():
            text = trf("Record %1 on %2", a.title, o.date.isoformat())
            self._edit(text, saves={"records": [dialog.record()]})

    def copy_notice(self) -> Any:
        """The chosen occurrence's notice for a WeChat group: on the clipboard, and shown."""
        if self.current is None:
            return None
        from ui.office.notice_dialog import copy_notice

        a, o = self.current.activity, self.current.occurrence
        self.notice_dialog = copy_notice(self.page, self.catalog, self.session.store, a.id, o.date)
        return self.notice_dialog

    def call_off_current(self) -> None:
        """Call one occurrence off with a reason (a cancelled record), or hold it again."""
        if self.current is None or self._outside_package():
            return
        a, day = self.current.activity, self.current.occurrence.date
        if self.current.cancelled:
            self._edit(
                trf("Hold %1 on %2 again", a.title, day.isoformat()), deletes={"records": [(a.id, day)]}
            )
            return
        reason, ok = QInputDialog.getText(self.page, tr("Call off"), tr("Why is this occurrence called off?"))
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(self.page, tr("Call off"), tr("Calling off needs a reason."))
            return
        record = Record(a.id, day, "cancelled", reason.strip())
        self._edit(trf("Call off %1 on %2", a.title, day.isoformat()), saves={"records": [record]})
