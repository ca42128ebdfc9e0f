"""Auto-assign from the calendar: choose a window (or one occurrence), and whether to re-plan the
solver's own earlier assignments; run the solver off the GUI thread with a progress dialog and
a working Cancel; look at what it would add (re-planning: remove, add and move per occurrence),
what it could not fill (with the reason), the busiest person's hours against the least any plan
can do with, and how each stage of the search ended; accept it as one undoable step, refused
when the plan changed meanwhile. Also the solver's settings: the order of its rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import operations as ops
from db.proposals import proposal_edit, proposal_undo
from db.store import StoreError
from reports.messages import describe_bound, describe_own_leads, describe_stage, describe_unfilled
from scheduler.plan.model import Plan, clinical_hours_of
from scheduler.solver.cpsat import solve
from scheduler.solver.greedy import greedy
from scheduler.solver.proposal import PREFERENCES, Proposal, SolverSettings
from scheduler.solver.window import StaffingWindow
from ui.i18n import N_, tr, trf
from ui.labels import ROLES, label
from ui.masterdata.catalog import Catalog
from ui.tasks import Cancelled
from ui.widgets import ok_cancel

if TYPE_CHECKING:
    from ui.session import Session

# The rules in the order the solver settles them (scheduler.solver.proposal.STAGES), in the manual's
# words; each is settled before the next is looked at, so a later one can never cost an earlier one.
RULE_ORDER = (
    N_("Fill every open place"),
    N_("A party member as lead for every occurrence"),
    N_("Re-planning only: as few changed assignments as possible"),
    N_("The smallest maximum of hours per person in the window (hours already assigned counted)"),
    N_(
        "The most occurrences led by a party member of their own organizing branch (the lead's own "
        "branch, not only a department of it)"
    ),
    N_("The fewest people at that maximum, then at each level below it, as the budget allows"),
)
PREFERENCE_NAMES = {
    "hours_cap": N_("Fewest hours over a monthly cap (when the cap may be exceeded)"),
    "paired_branch": N_("Helpers from the organizing branch first, after its lead"),
    "evenings": N_("Few evenings in a row for one person"),
}


class FittedList(QListWidget):
    """A list as tall as its rows, wrapped to its width: nothing to scroll, no empty space."""

    def fit(self) -> None:
        rows = sum(max(self.sizeHintForRow(r), 0) + 2 * self.spacing() for r in range(self.count()))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()


class WindowDialog(QDialog):
    """The window to fill, and which method."""

    def __init__(self, first: date, last: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Auto-assign"))
        self.first = QDateEdit(QDate(first.year, first.month, first.day))
        self.last = QDateEdit(QDate(last.year, last.month, last.day))
        for w in (self.first, self.last):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.method = QComboBox()
        self.method.addItem(tr("Solver (best answer within the time limit)"), "solver")
        self.method.addItem(tr("Greedy (quick, need by need)"), "greedy")
        self.replan = QCheckBox(
            tr(
                "Re-plan: may also move assignments the solver made earlier, when they have become "
                "wrong (leave, duty, a changed need) or when moving them fills a place; as few "
                "changes as possible. Assignments made by hand are never touched."
            )
        )
        self.replan.setObjectName("replan")
        form = QFormLayout(self)
        note = QLabel(
            tr(
                "Fills the open places of every occurrence in the window and names a lead where there is "
                "none. Assignments already made are kept as they are."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(tr("From"), self.first)
        form.addRow(tr("To"), self.last)
        form.addRow(tr("Method"), self.method)
        form.addRow(self.replan)
        form.addRow(ok_cancel(self, tr("Run")))

    def window(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def accept(self) -> None:
        d0, d1 = self.window()
        if d1 < d0:
            self.last.setFocus()
            self.setWindowTitle(tr("Auto-assign – the end is before the start"))
            return
        super().accept()


def make_job(
    plan: Plan,
    catalog: Catalog,
    window: tuple[date, date],
    settings: SolverSettings,
    method: str = "solver",
    only: tuple[str, date] | None = None,
    replan: bool = False,
) -> Callable[[Callable[[int, int], bool]], Proposal]:
    """The work for run_task: read the plan, solve, hand back the proposal (or raise Cancelled)."""
    calendar = catalog.work_calendar
    hours = clinical_hours_of(plan.hospital)

    def job(progress: Callable[[int, int], bool]) -> Proposal:
        problem = StaffingWindow(plan, calendar, window[0], window[1], hours, settings, only, replan)
        proposal = (greedy if method == "greedy" else solve)(problem, progress)
        if proposal.status == "cancelled":
            raise Cancelled()
        return proposal

    return job


def apply_proposal(
    session: Session,
    proposal: Proposal,
    revision: int,
    parent: QWidget | None = None,
    initiator: object = None,
) -> bool:
    """Save the proposal as one undoable step through the session: the solver's earlier
    assignments it moves go, the new ones come. Only onto the plan the job read (`revision`):
    when it changed meanwhile nothing is saved and the user is told to run again."""
    store = session.store
    first = [True]

    def do() -> ops.Changes:
        # The first time only onto the plan that was solved; a redo after undo puts back the same.
        expect = revision if first[0] else None
        first[0] = False
        return ops.write(store, proposal_edit(proposal, expect))

    def undo() -> ops.Changes:
        return ops.write(store, proposal_undo(proposal))

    if proposal.removed:
        text = trf("Re-plan: %1 added, %2 removed", len(proposal.assignments), len(proposal.removed))
    else:
        text = trf("Auto-assign: %1 assignments", len(proposal.assignments))
    try:
        session.run(text, do, undo, initiator)
    except ops.Stale:
        QMessageBox.warning(
            parent,
            tr("Auto-assign"),
            tr("The plan was changed while the solver worked, so nothing was saved. Run auto-assign again."),
        )
        return False
    except (ops.OperationError, StoreError) as exc:
        QMessageBox.warning(parent, tr("Not saved"), trf("The change was not saved: %1", exc))
        return False
    return True


def snapshot(catalog: Catalog) -> Plan:
    """A copy of the catalog's sections, so the work thread never sees a dict change under it."""
    plan = catalog.plan()
    return replace(
        plan,
        **{
            name: dict(getattr(plan, name))
            for name in plan.__dataclass_fields__
            if isinstance(getattr(plan, name), dict)
        },
    )


class PreviewDialog(QDialog):
    """What the solver would add (re-planning: remove, add and move), per occurrence; the needs
    it could not fill, with why; the busiest person against the bound; how each stage ended."""

    def __init__(self, catalog: Catalog, plan: Plan, proposal: Proposal, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Auto-assign: preview"))
        self.proposal = proposal
        summary = QLabel(self._summary(proposal))
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        bound = QLabel(describe_bound(proposal.bound, proposal.max_hours, plan, tr))
        bound.setObjectName("bound")
        bound.setWordWrap(True)
        own = QLabel(describe_own_leads(proposal.own_leads, tr))
        own.setObjectName("own_leads")
        self._fill_added(plan, proposal)
        self._fill_open(plan, proposal)
        self._fill_stages(proposal)
        added_box = QGroupBox(tr("Changes per occurrence") if proposal.replan else tr("Would be added"))
        QVBoxLayout(added_box).addWidget(self.added)
        open_box = QGroupBox(trf("Needs that cannot be filled (%1)", len(proposal.unfilled)))
        QVBoxLayout(open_box).addWidget(self.open_list)
        stages_box = QGroupBox(tr("How the search went, rule by rule"))
        QVBoxLayout(stages_box).addWidget(self.stages)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(bound)
        layout.addWidget(own)
        layout.addWidget(added_box, 3)
        layout.addWidget(open_box, 2)
        layout.addWidget(stages_box, 1)
        if not proposal.unfilled:
            open_box.hide()
            done = QLabel(tr("Every open place in the window can be filled."))
            done.setObjectName("all_filled")
            layout.addWidget(done)
        buttons = ok_cancel(self, tr("Apply"), tr("Discard"))
        buttons.button(buttons.StandardButton.Ok).setEnabled(bool(proposal.assignments or proposal.removed))
        layout.addWidget(buttons)
        self.resize(980, 760)

    @staticmethod
    def _summary(proposal: Proposal) -> str:
        open_left = sum(u.missing for u in proposal.unfilled)
        if proposal.replan:
            text = trf(
                "Re-plan: adds %1 and removes %2 assignments; %3 of %4 places filled, %5 leads named; "
                "%6 places stay open.",
                len(proposal.assignments),
                len(proposal.removed),
                proposal.filled,
                proposal.needs_open,
                proposal.leads_added,
                open_left,
            )
        else:
            text = trf(
                "Adds %1 assignments: %2 of %3 open places filled, %4 leads named; %5 places stay open.",
                len(proposal.assignments),
                proposal.filled,
                proposal.needs_open,
                proposal.leads_added,
                open_left,
            )
        return (
            text
            + "  "
            + trf(
                "%1 people carry the most hours. Took %2 s.",
                proposal.people_at_max,
                f"{proposal.seconds:.1f}",
            )
        )

    def _fill_stages(self, proposal: Proposal) -> None:
        """One line per stage of the search: its value and whether it is proved best."""
        self.stages = QTreeWidget()
        self.stages.setObjectName("stages")
        self.stages.setHeaderHidden(True)
        self.stages.setRootIsDecorated(False)
        for st in proposal.stages:
            self.stages.addTopLevelItem(QTreeWidgetItem([describe_stage(st, tr)]))
        if not proposal.stages:
            self.stages.addTopLevelItem(QTreeWidgetItem([tr("The greedy method has no stages.")]))

    def _fill_added(self, plan: Plan, proposal: Proposal) -> None:
        """The assignments it would add, under their occurrences, by station; re-planning, also
        those it would remove, each row saying removed, added or moved (the same person at
        another station or in another role)."""
        self.added = QTreeWidget()
        self.added.setObjectName("added")
        heads = [tr("Occurrence / station"), tr("Person"), tr("Department"), tr("Role")]
        self.added.setHeaderLabels([*heads, tr("Change")] if proposal.replan else heads)
        changes = proposal.changes()
        by_occ: dict[tuple[str, date | None], list] = defaultdict(list)
        for a in proposal.assignments:
            moved = a.staff in changes.get((a.activity, a.occurrence), ((), (), ()))[2]  # type: ignore[arg-type]
            by_occ[(a.activity, a.occurrence)].append((a, N_("moved") if moved else N_("added")))
        for a in proposal.removed:
            if a.staff in changes.get((a.activity, a.occurrence), ((), (), ()))[0]:  # type: ignore[arg-type]
                by_occ[(a.activity, a.occurrence)].append((a, N_("removed")))
        for (aid, day), items in sorted(by_occ.items(), key=lambda kv: (kv[0][1] or date.min, kv[0][0])):
            act = plan.activities.get(aid)
            if proposal.replan:
                gone, came, moved = changes.get((aid, day), ((), (), ()))  # type: ignore[arg-type]
                people = trf("%1 removed, %2 added, %3 moved", len(gone), len(came), len(moved))
            else:
                people = trf("%1 people", len({a.staff for a, _c in items}))
            head = QTreeWidgetItem([f"{day:%m-%d}  {act.title if act else aid}" if day else aid, people])
            self.added.addTopLevelItem(head)
            stations = {s.id: s.name for s in (act.stations if act else ())}
            for a, change in sorted(
                items, key=lambda x: (x[1], x[0].station or "", x[0].role != "lead", x[0].staff)
            ):
                person = plan.staff.get(a.staff)
                dept = plan.departments.get(person.department) if person else None
                station = stations.get(a.station, a.station) if a.station else tr("(the activity as a whole)")
                row = [
                    station,
                    person.name if person else a.staff,
                    dept.name if dept else "",
                    tr(label(ROLES, a.role)),
                ]
                QTreeWidgetItem(head, [*row, tr(change)] if proposal.replan else row)
            head.setExpanded(self.added.topLevelItemCount() <= 8)
        self.added.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _fill_open(self, plan: Plan, proposal: Proposal) -> None:
        """The needs it could not fill, each with why."""
        self.open_list = QTreeWidget()
        self.open_list.setObjectName("unfilled")
        self.open_list.setHeaderLabels([tr("Still open"), tr("Why")])
        self.open_list.setRootIsDecorated(False)
        for u in proposal.unfilled:
            text = describe_unfilled(u, plan, tr)
            head, _sep, why = text.partition(" — ")
            item = QTreeWidgetItem([head, why])
            item.setToolTip(1, why)
            self.open_list.addTopLevelItem(item)
        self.open_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)


class SolverSettingsDialog(QDialog):
    """The rules in the order the solver settles them: the fixed ones, then the preferences in
    an order the user sets (and may leave out), the search budget and the cap's hardness. No
    weights: an earlier rule is never traded for a later one."""

    def __init__(self, settings: SolverSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Auto-assign settings"))
        self.base = settings
        intro = QLabel(
            tr(
                "Never broken: double bookings, leave, duty and rest, department cover, the needs of each "
                "station and the department on turn. Then the rules below, in this order: each is settled "
                "before the next is looked at, so a later rule never costs an earlier one."
            )
        )
        intro.setWordWrap(True)
        fixed = QGridLayout()
        fixed.setColumnStretch(1, 1)  # the numbers keep their width, the rules take the rest
        for rank, rule in enumerate(RULE_ORDER, start=1):
            number = QLabel(f"{rank}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            fixed.addWidget(number, rank, 0, Qt.AlignmentFlag.AlignTop)
            text = QLabel(tr(rule))
            text.setObjectName(f"rule{rank}")
            text.setWordWrap(True)
            fixed.addWidget(text, rank, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fixed)
        layout.addWidget(self._preferences_box(settings))
        layout.addLayout(self._budget_form(settings))
        layout.addWidget(ok_cancel(self))

    def _preferences_box(self, settings: SolverSettings) -> QGroupBox:
        """The preferences, first most important; unticked ones are not pursued."""
        box = QGroupBox(
            trf(
                "%1. Then the preferences, in this order (move with the buttons; untick to leave one out)",
                len(RULE_ORDER) + 1,
            )
        )
        self.order = FittedList()
        self.order.setObjectName("preferences")
        chosen = [p for p in settings.preferences if p in PREFERENCES]
        for key in [*chosen, *(p for p in PREFERENCES if p not in chosen)]:
            item = QListWidgetItem(tr(PREFERENCE_NAMES[key]))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.order.addItem(item)
        self.order.setCurrentRow(0)
        # Every preference whole on its line, none cut off or scrolled, no empty rows.
        self.order.setSpacing(1)
        self.order.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.order.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.order.setMinimumWidth(self.order.sizeHintForColumn(0) + 2 * self.order.frameWidth() + 8)
        self.order.fit()
        up, down = QPushButton(tr("Up")), QPushButton(tr("Down"))
        up.setObjectName("up")
        down.setObjectName("down")
        up.clicked.connect(lambda: self.move(-1))
        down.clicked.connect(lambda: self.move(1))
        buttons = QVBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        row = QHBoxLayout(box)
        row.addWidget(self.order, 1)
        row.addLayout(buttons)
        return box

    def _budget_form(self, settings: SolverSettings) -> QFormLayout:
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(1, 600)
        self.time_limit.setDecimals(0)
        self.time_limit.setSuffix(tr(" s"))
        self.time_limit.setValue(settings.time_limit)
        self.time_limit.setToolTip(
            tr(
                "Counted in units of work, not by the clock, so the same plan gives the same answer however "
                "busy the computer is. On a two-core computer one unit takes about two seconds."
            )
        )
        self.cap_hard = QCheckBox(tr("Never take anyone over their monthly hours cap"))
        self.cap_hard.setObjectName("cap_hard")
        self.cap_hard.setChecked(settings.cap_is_hard)
        form = QFormLayout()
        form.addRow(tr("Search budget"), self.time_limit)
        form.addRow(self.cap_hard)
        return form

    def move(self, step: int) -> None:
        """Move the chosen preference up (-1) or down (1)."""
        row = self.order.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.order.count():
            return
        item = self.order.takeItem(row)
        self.order.insertItem(to, item)
        self.order.setCurrentRow(to)

    def preferences(self) -> tuple[str, ...]:
        items = [self.order.item(k) for k in range(self.order.count())]
        return tuple(
            str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        )

    def settings(self) -> SolverSettings:
        return replace(
            self.base,
            preferences=self.preferences(),
            time_limit=float(self.time_limit.value()),
            cap_is_hard=self.cap_hard.isChecked(),
        )
