"""What a solver hands back: the proposal (assignments to save, and, re-planning, to remove),
the needs it could not fill and why, how each stage of the search ended, and the bound on the
busiest person's hours; also the solver's settings and the names of its stages, preferences
and reasons. The goals and stages are described in docs/solver.md."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from scheduler.office.leads import OwnLeads
from scheduler.plan.model import Assignment

Progress = Callable[[int, int], bool]  # (done, total) -> go on?
OccKey = tuple[str, date]

# The stages of the objective, in the order they are solved ("changes" only when re-planning).
STAGES = ("fill", "lead", "changes", "max_hours", "own_branch", "at_max", "spread", "preferences")

# The soft preferences, solved after fairness, in the order the settings give (first weighs
# most; one left out of the order is not pursued):
PREFERENCES = (
    "hours_cap",  # fewest minutes over a monthly cap (only when the cap may be exceeded)
    "paired_branch",  # helpers from the organizing branch (leads.of_branch)
    "evenings",  # few evenings in a row for one person
)

# How a stage ended.
STAGE_STATUSES = (
    "optimal",  # proved best (given the stages before it)
    "stopped",  # stopped by its budget with a better answer than it was given, not proved best
    "kept",  # stopped by its budget without finding a better one: the answer before it is kept
    "cancelled",  # the user stopped the search
)

# Why a need stays open, each with what a planner can do about it.
REASONS = (
    "no_qualified_person",  # nobody active has the qualification (and department) the need names
    "no_qualified_on_rotation",  # nobody of the department on turn has it
    "all_busy_or_away",  # everyone who qualifies is elsewhere at that time, or on leave/duty/rest
    "department_cover",  # taking anyone free would leave their department under its minimum
    "hours_cap",  # every free candidate is at their monthly hours cap
    "taken_elsewhere",  # the free candidates are all needed by other occurrences at that time
)


@dataclass(frozen=True, slots=True)
class SolverSettings:
    # The soft preferences after fairness, first most important (see PREFERENCES).
    preferences: tuple[str, ...] = PREFERENCES
    # Budget of the whole search, in CP-SAT's deterministic seconds: a count of work, not the
    # clock, so the same plan gives the same answer however busy the machine is (on the 2-core
    # machine this was tuned on one unit took 1.5-4 s of processor time, by stage). Shared by the
    # stages in turn; what a stage leaves goes to the next.
    time_limit: float = 3.0
    cap_is_hard: bool = True  # never take anyone over their monthly hours cap
    candidates_per_need: int = 16  # the best this many per open need go into the model
    # Search threads. One searches sequentially (deterministic); more use CP-SAT's deterministic
    # parallel search (interleave_search), measured slower on this problem with two cores.
    workers: int = 1
    log: bool = False  # CP-SAT's search log on stderr (for tuning)


@dataclass(frozen=True, slots=True)
class Unfilled:
    activity: str
    occurrence: date
    station: str
    need: int  # index of the need in the station
    missing: int  # people still missing for it
    reason: str  # one of REASONS
    department: str | None = None  # the department on turn or named by the need
    qualification: str | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """How one stage of the objective ended."""

    name: str  # one of STAGES
    status: str  # one of STAGE_STATUSES
    value: float  # places, leads, changes, hours, people, or the preferences' score
    bound: float | None = None  # the best value the search proved possible (None: not known)
    seconds: float = 0.0  # wall time
    work: float = 0.0  # CP-SAT deterministic time used
    level: float | None = None  # "at_max", "spread": people at or above this many hours
    by_clock: bool = False  # stopped by the wall-clock guard, not its budget: may not repeat
    rule: str | None = None  # "preferences": the preference (of PREFERENCES) this line is about


@dataclass(frozen=True, slots=True)
class Bound:
    """A lower bound on the busiest person's hours that any plan filling the same places meets:
    from counting (places × hours against the people of a pool who can take them, one place
    per occurrence each, with the hours they already carry), or someone already carrying it."""

    minutes: int
    department: str | None = None  # the pool behind it (department on turn or named by the need)
    qualification: str | None = None
    places: int = 0  # places of the pool filled
    people: int = 0  # active people who can take them
    staff: str | None = None  # set when the bound is what this person already carries

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass(slots=True)
class Proposal:
    """What a solver would add (and, re-planning, remove), and what it could not fill."""

    assignments: list[Assignment]  # to save: new, or an earlier one of the solver's changed
    unfilled: list[Unfilled]
    needs_open: int  # units of need open before solving (re-planning: the solver's own included)
    fillable: int  # of those, units with at least one candidate free of every hard rule alone
    filled: int
    seconds: float
    status: str  # "optimal", "stopped", "cancelled", "greedy", "nothing to do", "no solution"
    leads_added: int = 0
    hours: dict[str, float] = field(default_factory=dict)  # person -> hours in the window, after
    removed: list[Assignment] = field(default_factory=list)  # re-plan: the solver's earlier ones
    stages: list[Stage] = field(default_factory=list)
    bound: Bound | None = None
    replan: bool = False
    # Occurrences of the window led by their own branch, after (scheduler/office/leads.py).
    own_leads: OwnLeads = field(default_factory=lambda: OwnLeads(0, 0))

    @property
    def max_hours(self) -> float:
        """The busiest person's hours in the window (assignments already made included)."""
        return max(self.hours.values(), default=0.0)

    @property
    def people_at_max(self) -> int:
        top = self.max_hours
        return sum(1 for h in self.hours.values() if top > 0 and abs(h - top) < 1e-6)

    def changes(self) -> dict[OccKey, tuple[list[str], list[str], list[str]]]:
        """Per occurrence, the people removed, added, and moved (still there, at another
        station or in another role), each sorted."""
        gone: dict[OccKey, set[str]] = defaultdict(set)
        come: dict[OccKey, set[str]] = defaultdict(set)
        for a in self.removed:
            gone[(a.activity, a.occurrence)].add(a.staff)  # type: ignore[index]
        for a in self.assignments:
            come[(a.activity, a.occurrence)].add(a.staff)  # type: ignore[index]
        out = {}
        for key in sorted(set(gone) | set(come), key=lambda k: (k[1], k[0])):
            moved = gone[key] & come[key]
            out[key] = (sorted(gone[key] - moved), sorted(come[key] - moved), sorted(moved))
        return out
