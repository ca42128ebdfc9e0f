"""Auto-assign from the calendar: choose a window (or one occurrence), run the solver off the GUI
thread with a progress dialog and a working Cancel, look at what it would add and what it could
not fill (with the reason), and accept it as one undoable step. Also the solver's settings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date

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
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reports.messages import describe_unfilled
from scheduler.assign import SOFT_RULES, Proposal, SolverSettings, StaffingWindow, Weights, greedy, solve
from scheduler.model import Plan

from .entities import Catalog
from .i18n import N_, tr, trf
from .labels import ROLES, label
from .tasks import Cancelled
from .widgets import ok_cancel

RULE_NAMES = {
    "lead": N_("A party member as lead (of the organizing branch first)"),
    "paired_branch": N_("People of the organizing branch and its departments first"),
    "hours_cap": N_("No one over their monthly hours cap"),
    "fairness": N_("Fair spread of hours (the most loaded person, then everyone's spread)"),
    "evenings": N_("Few evenings in a row for one person"),
}
# Which weights each rule of SOFT_RULES shows.
RULE_WEIGHTS = {
    "lead": ("lead", "lead_branch"),
    "paired_branch": ("paired_branch",),
    "hours_cap": ("hours_cap",),
    "fairness": ("fairness",),
    "evenings": ("evenings",),
}
WEIGHT_HINTS = {
    "lead": N_("per occurrence given a lead"),
    "lead_branch": N_("more when the lead is of the organizing branch"),
    "paired_branch": N_("per person from outside the organizing branch"),
    "hours_cap": N_("per hour over a cap (when the cap may be exceeded)"),
    "fairness": N_("per half hour of load (more for heavy loads)"),
    "evenings": N_("per two evenings in a row"),
}


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
) -> Callable[[Callable[[int, int], bool]], Proposal]:
    """The work for run_task: read the plan, solve, hand back the proposal (or raise Cancelled)."""
    calendar = catalog.work_calendar
    hours = plan.hospital.clinical_hours if plan.hospital else ("08:00", "17:30")

    def job(progress: Callable[[int, int], bool]) -> Proposal:
        problem = StaffingWindow(plan, calendar, window[0], window[1], hours, settings, only)
        proposal = (greedy if method == "greedy" else solve)(problem, progress)
        if proposal.status == "cancelled":
            raise Cancelled()
        return proposal

    return job


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
    """What the solver would add, per occurrence, and the needs it could not fill, with why."""

    def __init__(self, catalog: Catalog, plan: Plan, proposal: Proposal, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Auto-assign: preview"))
        self.proposal = proposal
        top, mean, _ratio = proposal.hours_summary()
        open_left = sum(u.missing for u in proposal.unfilled)
        summary = QLabel(
            trf(
                "Adds %1 assignments: %2 of %3 open places filled, %4 leads named; %5 places stay open.",
                len(proposal.assignments),
                proposal.filled,
                proposal.needs_open,
                proposal.leads_added,
                open_left,
            )
            + "  "
            + trf(
                "Hours per person in the window: at most %1 h, %2 h on average. Took %3 s.",
                f"{top:g}",
                f"{mean:.1f}",
                f"{proposal.seconds:.1f}",
            )
        )
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        self._fill_added(plan, proposal)
        self._fill_open(plan, proposal)
        added_box = QGroupBox(tr("Would be added"))
        QVBoxLayout(added_box).addWidget(self.added)
        open_box = QGroupBox(trf("Needs that cannot be filled (%1)", len(proposal.unfilled)))
        QVBoxLayout(open_box).addWidget(self.open_list)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(added_box, 3)
        layout.addWidget(open_box, 2)
        if not proposal.unfilled:
            open_box.hide()
            done = QLabel(tr("Every open place in the window can be filled."))
            done.setObjectName("all_filled")
            layout.addWidget(done)
        buttons = ok_cancel(self, tr("Apply"), tr("Discard"))
        buttons.button(buttons.StandardButton.Ok).setEnabled(bool(proposal.assignments))
        layout.addWidget(buttons)
        self.resize(980, 720)

    def _fill_added(self, plan: Plan, proposal: Proposal) -> None:
        """The assignments it would add, under their occurrences, by station."""
        self.added = QTreeWidget()
        self.added.setObjectName("added")
        self.added.setHeaderLabels([tr("Occurrence / station"), tr("Person"), tr("Department"), tr("Role")])
        by_occ: dict[tuple[str, date | None], list] = defaultdict(list)
        for a in proposal.assignments:
            by_occ[(a.activity, a.occurrence)].append(a)
        for (aid, day), items in sorted(by_occ.items(), key=lambda kv: (kv[0][1] or date.min, kv[0][0])):
            act = plan.activities.get(aid)
            people = trf("%1 people", len({a.staff for a in items}))
            head = QTreeWidgetItem(
                [f"{day:%m-%d}  {act.title if act else aid}" if day else aid, people, "", ""]
            )
            self.added.addTopLevelItem(head)
            stations = {s.id: s.name for s in (act.stations if act else ())}
            for a in sorted(items, key=lambda a: (a.station or "", a.role != "lead", a.staff)):
                person = plan.staff.get(a.staff)
                dept = plan.departments.get(person.department) if person else None
                station = stations.get(a.station, a.station) if a.station else tr("(the activity as a whole)")
                QTreeWidgetItem(
                    head,
                    [
                        station,
                        person.name if person else a.staff,
                        dept.name if dept else "",
                        tr(label(ROLES, a.role)),
                    ],
                )
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
    """The soft rules in their order of weight, the weights, the time limit and the cap."""

    def __init__(self, settings: SolverSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Auto-assign settings"))
        self.base = settings
        intro = QLabel(
            tr(
                "Never broken: double bookings, leave, duty and rest, department cover, the needs of each "
                "station and the department on turn. Filling an open place outweighs every rule below. "
                "The rules below are weighed in this order, the first weighing most."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.spins: dict[str, QSpinBox] = {}
        row = 0
        for rank, rule in enumerate(SOFT_RULES, start=1):
            grid.addWidget(QLabel(f"{rank}."), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(QLabel(tr(RULE_NAMES[rule])), row, 1, 1, 2)
            row += 1
            for key in RULE_WEIGHTS[rule]:
                spin = QSpinBox()
                spin.setObjectName(key)
                spin.setRange(0, 100000)
                spin.setValue(getattr(settings.weights, key))
                self.spins[key] = spin
                grid.addWidget(spin, row, 1)
                grid.addWidget(QLabel(tr(WEIGHT_HINTS[key])), row, 2)
                row += 1
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(1, 600)
        self.time_limit.setDecimals(0)
        self.time_limit.setSuffix(tr(" s"))
        self.time_limit.setValue(settings.time_limit)
        self.cap_hard = QCheckBox(
            tr("Never take anyone over their monthly hours cap (rule 3 then always holds)")
        )
        self.cap_hard.setObjectName("cap_hard")
        self.cap_hard.setChecked(settings.cap_is_hard)
        form = QFormLayout()
        form.addRow(tr("Time limit"), self.time_limit)
        form.addRow(self.cap_hard)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))

    def settings(self) -> SolverSettings:
        weights = Weights(**{k: s.value() for k, s in self.spins.items()})
        return replace(
            self.base,
            weights=weights,
            time_limit=float(self.time_limit.value()),
            cap_is_hard=self.cap_hard.isChecked(),
        )
