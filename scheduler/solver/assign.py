"""Automatic assignment: fill the open needs of every station in a window and give every
occurrence a lead, without causing any error the checker knows, fairly and repeatably.

Two solvers share one reading of the plan for a window (`StaffingWindow`):
- `solve`: OR-Tools CP-SAT (scheduler/solver/cpsat.py) over every open need at once, the hard rules as
  constraints and a lexicographic objective solved in stages, each fixing what the one before
  proved or found: fill every place → a lead for every occurrence → (re-plan: fewest changed
  assignments) → the smallest maximum of hours per person in the window → the most occurrences
  led by a party member of their own organizing branch (scheduler/office/leads.py: the lead's own
  branch, not any branch of their department) → the fewest people at the maximum and, as far as
  the budget allows, the fewest at each level below (the sorted loads made lexicographically
  smallest) → the soft preferences in the order the settings give. A visit led from another
  branch is not the pairing's visit, so evenness below the maximum comes after the own lead; a
  preference can never cost fairness, and a stage that finds nothing better keeps the answer
  before it: the greedy answer is the start, so the floor.
- `greedy`: need by need, the best free candidate at that moment (the baseline to compare with).

Both keep everything already assigned (manual assignments always). With `replan`, the
assignments the solver made earlier (extra.source == "solver") at the window's occurrences may
be moved: when they have become wrong (leave, duty, a changed need) or when moving them fills a
place or names a lead, with as few changed assignments as possible.

Readings (DOMAIN.md): a person fills one need of a station and is at one place at a time;
people on leave, duty, rest or away are not taken; a department's people in the hospital in
clinical hours never fall below its minimum because of a new assignment; a need on a station
with a department on turn is met only by that department's people; the lead is a party member
recorded as an assignment with role "lead" (on their station, or for the activity as a whole).
"""

from __future__ import annotations

import time as _time
import zlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.candidates import PoolKey, StaffIndex
from scheduler.conflicts.checker import Booked, held_occurrences, meets
from scheduler.conflicts.matching import matching
from scheduler.office.leads import OwnLeads, is_own_lead, led_by_own_branch, of_branch
from scheduler.plan.model import CLINICAL_HOURS, Assignment, Plan, Staff

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

EVENING = time(17, 30)  # an occurrence ending after this is an evening one


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


# --------------------------------------------------------------------------------------------
# Reading the plan


@dataclass(slots=True)
class Target:
    """One occurrence in the window that the solver may add people to."""

    booked: Booked
    start: datetime
    end: datetime
    minutes: int
    month: date
    present: set[str]  # people already assigned (and kept)
    has_lead: bool
    organizer_depts: frozenset[str]
    organizer: str | None
    clinical: list[tuple[datetime, datetime]]
    # People with an activity-level assignment already (they cannot get a second one as lead).
    activity_level: set[str] = field(default_factory=set)
    key: OccKey = ("", date.min)  # the occurrence: (activity id, date)

    def __post_init__(self) -> None:
        self.key = self.booked.key

    @property
    def evening(self) -> bool:
        return self.end.time() > EVENING or self.end.date() > self.start.date()


@dataclass(slots=True)
class Opening:
    """One need of one station at one target with room for more people."""

    target: int  # index into StaffingWindow.targets
    station: str
    need: int
    room: int
    department: str | None
    qualification: str | None
    turn: str | None
    candidates: list[str]  # free of every hard rule taken alone, best first (not pruned)
    counts: tuple[int, int, int, int]  # qualified, free, cover allows, cap allows
    blocked: dict[str, int] = field(default_factory=dict)  # free but kept out: reason -> people
    pool: PoolKey | None = None  # the people who meet the need (StaffIndex.pool)
    own: frozenset[str] = frozenset()  # the candidates of the organizing branch


class Cover:
    """Who is in the hospital: per department, the people present in a stretch of clinical
    time given leave and the outreach already assigned (the checker's reading)."""

    def __init__(self, plan: Plan, booked: list[Booked]) -> None:
        self.minimum = {d.id: d.min_on_duty for d in plan.departments.values() if d.min_on_duty > 0}
        self.members: dict[str, list[str]] = defaultdict(list)
        for s in plan.staff.values():
            if s.active and s.department in self.minimum:
                self.members[s.department].append(s.id)
        watched = {p for ps in self.members.values() for p in ps}
        self.away: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
        for u in plan.unavailability.values():
            if u.staff in watched:
                self.away[u.staff].append((u.start, u.end, u.reason))
        self.out: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        for b in booked:
            for p in b.people:
                if p in watched:
                    self.out[p].append((b.occ.start, b.occ.end))
        self.points: dict[str, list[datetime]] = {}
        for dept, people in self.members.items():
            pts = {t for p in people for s, e, _r in self.away.get(p, ()) for t in (s, e)}
            pts |= {t for p in people for s, e in self.out.get(p, ()) for t in (s, e)}
            self.points[dept] = sorted(pts)
        self._rooms: dict[tuple[str, datetime, datetime], int] = {}

    def watched(self, dept: str) -> bool:
        return dept in self.minimum

    def room(self, dept: str, t0: datetime, t1: datetime) -> int:
        """How many more of `dept` may leave during [t0, t1), a stretch in which nothing changes."""
        key = (dept, t0, t1)
        found = self._rooms.get(key)
        if found is not None:
            return found
        present = 0
        for p in self.members[dept]:
            reasons = {r for s, e, r in self.away.get(p, ()) if s <= t0 and t1 <= e}
            if reasons - {"duty"}:
                continue
            if "duty" in reasons or not any(s <= t0 and t1 <= e for s, e in self.out.get(p, ())):
                present += 1
        self._rooms[key] = present - self.minimum[dept]
        return self._rooms[key]

    def pieces(
        self, dept: str, t0: datetime, t1: datetime, cuts: Iterable[datetime] = ()
    ) -> list[tuple[datetime, datetime]]:
        """[t0, t1) cut wherever the department's presence (or one of `cuts`) changes."""
        pts = self.points.get(dept, [])
        inner = set(pts[bisect_right(pts, t0) : bisect_left(pts, t1)])
        inner |= {c for c in cuts if t0 < c < t1}
        edges = [t0, *sorted(inner), t1]
        return list(zip(edges, edges[1:], strict=False))

    def least_room(self, dept: str, intervals: list[tuple[datetime, datetime]]) -> int | None:
        rooms = [self.room(dept, a, b) for i0, i1 in intervals for a, b in self.pieces(dept, i0, i1)]
        return min(rooms) if rooms else None


def _month(d: datetime) -> date:
    return d.date().replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _minutes(a: datetime, b: datetime) -> int:
    return int((b - a).total_seconds() // 60)


def _overlap(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> bool:
    return a0 < b1 and b0 < a1


def is_solvers(a: Assignment) -> bool:
    """Made by the solver (and so movable when re-planning)."""
    return a.extra.get("source") == "solver" and a.occurrence is not None


class StaffingWindow:
    """The plan read once for a window: targets, open needs with their candidates, and what
    every person already has (bookings, leave, hours per month, load in the window).
    Re-planning, the solver's own assignments at the targets are read as not made (`movable`)."""

    def __init__(
        self,
        plan: Plan,
        calendar: WorkCalendar,
        d_from: date,
        d_to: date,
        clinical_hours: tuple[str, str] = CLINICAL_HOURS,
        settings: SolverSettings | None = None,
        only: OccKey | None = None,
        replan: bool = False,
    ) -> None:
        self.plan = plan
        self.settings = settings or SolverSettings()
        self.replan = replan
        self.staff: dict[str, Staff] = plan.staff
        self.index = StaffIndex(plan.staff.values())
        self.active = self.index.active
        w0 = datetime.combine(d_from, time.min)
        w1 = datetime.combine(d_to + timedelta(days=1), time.min)
        # Whole months touched (hours caps), and a day either side (overlaps across midnight).
        m0 = datetime.combine(d_from.replace(day=1), time.min) - timedelta(days=1)
        m1 = datetime.combine(_next_month(d_to), time.min) + timedelta(days=1)
        around = held_occurrences(plan, calendar, m0, m1)
        closed = {k for k, r in plan.records.items() if r.status in ("done", "cancelled")}

        def is_target(b: Booked) -> bool:
            return (
                w0 <= b.occ.start < w1
                and b.key not in closed
                and b.activity.status != "done"
                and (only is None or b.key == only)
            )

        self.movable: list[Assignment] = []
        if replan:
            around = self._set_movable_aside(around, is_target)
        self.cover = Cover(plan, around)
        self._cover_ok: dict[tuple[str, OccKey], bool] = {}
        self._seeds: dict[OccKey | str, int] = {}
        self._leads: dict[OccKey, list[str]] = {}
        self._read_commitments(around, (w0, w1), (m0 + timedelta(days=1), m1 - timedelta(days=1)))
        self.targets: list[Target] = [
            self._target(b, calendar, clinical_hours) for b in around if is_target(b)
        ]
        # Every held occurrence starting in the window, or the one asked for (the measure of
        # own-branch leads).
        self.window_booked = [b for b in around if w0 <= b.occ.start < w1 and (only is None or b.key == only)]
        self.by_key = {t.key: t for t in self.targets}
        self.index_of = {t.key: i for i, t in enumerate(self.targets)}
        # Re-planning: who the solver had where, (target, station or None) -> person -> role.
        self.old: dict[tuple[int, str | None], dict[str, str]] = defaultdict(dict)
        self.old_leads: dict[int, set[str]] = defaultdict(set)
        for a in self.movable:
            i = self.index_of[(a.activity, a.occurrence)]  # type: ignore[index]
            self.old[(i, a.station)][a.staff] = a.role
            if a.role == "lead":
                self.old_leads[i].add(a.staff)
        self.openings: list[Opening] = []
        for i, t in enumerate(self.targets):
            self._add_openings(i, t)
        self.openings_at: dict[int, list[Opening]] = defaultdict(list)  # target -> its openings
        for o in self.openings:
            self.openings_at[o.target].append(o)

    def _set_movable_aside(self, around: list[Booked], is_target: Callable[[Booked], bool]) -> list[Booked]:
        """The bookings without the solver's own assignments at the targets (kept in `movable`)."""
        out = []
        for b in around:
            if is_target(b) and any(is_solvers(a) for a in b.assignments):
                self.movable.extend(a for a in b.assignments if is_solvers(a))
                b = Booked(b.occ, b.activity, tuple(a for a in b.assignments if not is_solvers(a)))
            out.append(b)
        return out

    def _read_commitments(
        self, around: list[Booked], window: tuple[datetime, datetime], months: tuple[datetime, datetime]
    ) -> None:
        """What every person already has: bookings, leave, minutes per month and in the window,
        evenings."""
        w0, w1 = window
        self.busy: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        self.month_minutes: dict[tuple[str, date], int] = defaultdict(int)
        self.window_minutes: dict[str, int] = defaultdict(int)
        self.evenings: dict[str, set[date]] = defaultdict(set)
        for b in around:
            mins = _minutes(b.occ.start, b.occ.end)
            for p in sorted(b.people):
                self.busy[p].append((b.occ.start, b.occ.end))
                if months[0] <= b.occ.start < months[1]:
                    self.month_minutes[(p, _month(b.occ.start))] += mins
                if _overlap(b.occ.start, b.occ.end, w0, w1):
                    self.window_minutes[p] += mins
                if b.occ.end.time() > EVENING:
                    self.evenings[p].add(b.occ.start.date())
        self.away: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        # Who is booked or away when: bookings by start, unavailability by day (a leave may be
        # long), so that a target's blocked people are found without asking everyone.
        self._bookings = [(b.occ.start, b.occ.end, sorted(b.people)) for b in around if b.people]
        self._booking_starts = [x[0] for x in self._bookings]
        self._longest = max((e - s for s, e, _p in self._bookings), default=timedelta(0))
        self._away_on: dict[date, list[tuple[datetime, datetime, str]]] = defaultdict(list)
        first, last = months[0].date() - timedelta(days=1), months[1].date() + timedelta(days=1)
        for u in self.plan.unavailability.values():
            self.away[u.staff].append((u.start, u.end))
            day = max(u.start.date(), first)
            while day <= min(u.end.date(), last):
                self._away_on[day].append((u.start, u.end, u.staff))
                day += timedelta(days=1)
        self._blocked: dict[OccKey, set[str]] = {}

    def _target(self, b: Booked, calendar: WorkCalendar, clinical_hours: tuple[str, str]) -> Target:
        a = b.activity
        branch = self.plan.branches.get(a.organizer) if a.organizer else None
        return Target(
            booked=b,
            start=b.occ.start,
            end=b.occ.end,
            minutes=_minutes(b.occ.start, b.occ.end),
            month=_month(b.occ.start),
            present=b.people,
            has_lead=any(
                x.role == "lead" and x.staff in self.staff and self.staff[x.staff].party_member
                for x in b.assignments
            ),
            organizer_depts=frozenset(branch.departments) if branch else frozenset(),
            organizer=a.organizer,
            clinical=calendar.clinical_intervals(b.occ.start, b.occ.end, clinical_hours),
            activity_level={x.staff for x in b.assignments if x.station is None},
        )

    # Candidates --------------------------------------------------------------------------
    def from_branch(self, person: Staff, t: Target) -> bool:
        """Of the organizing branch: its party member, or someone without a branch from one of
        its departments (leads.of_branch)."""
        return of_branch(person, t.organizer, t.organizer_depts)

    def own_lead(self, person: str, t: Target) -> bool:
        """Would lead t as its own branch: a party member of the organizing branch itself."""
        return is_own_lead(self.staff.get(person), t.organizer)

    def own_led(self, t: Target) -> bool:
        """Led by its own branch already (by an assignment kept)."""
        return led_by_own_branch(t.booked.activity, t.booked.assignments, self.staff)

    def own_lead_possible(self, i: int) -> bool:
        """Whether target i can end led by its own branch: it is, or it has no lead yet and
        some party member of the organizing branch could come, or is there to be named."""
        t = self.targets[i]
        if self.own_led(t):
            return True
        if t.has_lead or t.organizer is None:
            return False
        if any(self.own_lead(p, t) for p in self.promotable(t)):
            return True
        if any(self.own_lead(c, t) for o in self.openings_at.get(i, ()) for c in o.candidates):
            return True
        return any(self.own_lead(c, t) for c in self.lead_candidates(t))

    def own_leads(self, made: list[Assignment], stage_bound: int | None = None) -> OwnLeads:
        """The window's occurrences led by their own branch with `made` added, of those with an
        organizing branch; the bound: those that are, or could be (no lead fixed that is not
        of the branch, and a party member of the branch free to lead), or the search's proved
        bound when smaller."""
        made_at: dict[OccKey, list[Assignment]] = defaultdict(list)
        for a in made:
            made_at[(a.activity, a.occurrence)].append(a)  # type: ignore[index]
        count = of = bound = 0
        for b in self.window_booked:
            if not b.activity.organizer:
                continue
            of += 1
            if led_by_own_branch(b.activity, [*b.assignments, *made_at.get(b.key, ())], self.staff):
                count += 1
                bound += 1
            elif (i := self.index_of.get(b.key)) is not None and self.own_lead_possible(i):
                bound += 1
        if stage_bound is not None:
            bound = max(count, min(bound, stage_bound))
        return OwnLeads(count, of, bound)

    def free(self, person: str, t: Target) -> bool:
        """Not on leave/duty/rest/away and not booked elsewhere at the target's time."""
        return person not in t.present and person not in self.blocked(t)

    def blocked(self, t: Target) -> set[str]:
        """The people booked (elsewhere or here) or away at some moment of the target's time."""
        found = self._blocked.get(t.key)
        if found is None:
            found = set()
            lo = bisect_left(self._booking_starts, t.start - self._longest)
            hi = bisect_left(self._booking_starts, t.end)
            for s, e, people in self._bookings[lo:hi]:
                if _overlap(s, e, t.start, t.end):
                    found.update(people)
            day = t.start.date()
            while day <= t.end.date():
                for s, e, person in self._away_on.get(day, ()):
                    if _overlap(s, e, t.start, t.end):
                        found.add(person)
                day += timedelta(days=1)
            self._blocked[t.key] = found
        return found

    def cover_allows(self, person: Staff, t: Target) -> bool:
        if not t.clinical or not self.cover.watched(person.department):
            return True
        key = (person.department, t.key)
        found = self._cover_ok.get(key)
        if found is None:
            room = self.cover.least_room(person.department, t.clinical)
            found = self._cover_ok[key] = room is None or room > 0
        return found

    def cap_allows(self, person: Staff, t: Target, extra_minutes: int = 0) -> bool:
        if person.max_hours_month is None or not self.settings.cap_is_hard:
            return True
        used = self.month_minutes.get((person.id, t.month), 0) + extra_minutes
        return used + t.minutes <= person.max_hours_month * 60 + 1e-6

    def shuffle(self, person: str, t: Target) -> int:
        """A stable shuffle (the same on every run and machine), so that equal people are not
        always taken in the same order: the person's checksum mixed with the occurrence's."""
        seed = self._seeds.get(t.key)
        if seed is None:
            seed = self._seeds[t.key] = zlib.crc32(f"{t.key[0]}|{t.key[1]}".encode())
        mine = self._seeds.get(person)
        if mine is None:
            mine = self._seeds[person] = zlib.crc32(person.encode())
        return mine ^ seed

    def rank(self, person: Staff, t: Target) -> tuple:
        """Best first: the organizing branch, then the least loaded, then the stable shuffle."""
        return (
            not self.from_branch(person, t),
            self.window_minutes.get(person.id, 0),
            self.shuffle(person.id, t),
        )

    def _add_openings(self, i: int, t: Target) -> None:
        b = t.booked
        for st in b.activity.stations:
            if not st.needs:
                continue
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            # What the people already there cover: a maximum matching; the rest is open.
            people = [
                p for p in sorted({x.staff for x in b.assignments if x.station == st.id}) if p in self.staff
            ]
            slots = [k for k, n in enumerate(st.needs) for _ in range(n.count)]
            edges = [
                [
                    j
                    for j, k in enumerate(slots)
                    if meets(self.staff[p], st.needs[k].department, st.needs[k].qualification, turn)
                ]
                for p in people
            ]
            matched = _matched_slots(edges, len(slots))
            room: dict[int, int] = defaultdict(int)
            for j, k in enumerate(slots):
                if j not in matched:
                    room[k] += 1
            for k, n in enumerate(st.needs):
                if room.get(k, 0) <= 0:
                    continue
                pool = self.index.pool_key(n.department, n.qualification, turn)
                qualified = self.index.pool(pool)
                free = [s for s in qualified if self.free(s.id, t)]
                covered = [s for s in free if self.cover_allows(s, t)]
                capped = [s for s in covered if self.cap_allows(s, t)]
                capped.sort(key=lambda s: self.rank(s, t))
                self.openings.append(
                    Opening(
                        target=i,
                        station=st.id,
                        need=k,
                        room=room[k],
                        department=turn or n.department,
                        qualification=n.qualification,
                        turn=turn,
                        candidates=[s.id for s in capped],
                        counts=(len(qualified), len(free), len(covered), len(capped)),
                        blocked={
                            "department_cover": len(free) - len(covered),
                            "hours_cap": len(covered) - len(capped),
                        },
                        pool=pool,
                        own=frozenset(s.id for s in capped if self.from_branch(s, t)),
                    )
                )

    def lead_candidates(self, t: Target) -> list[str]:
        """Free party members who could come as the lead, best first."""
        if t.key not in self._leads:
            blocked = self.blocked(t)
            found = [
                s
                for s in self.index.party
                if s.id not in blocked
                and s.id not in t.present
                and self.cover_allows(s, t)
                and self.cap_allows(s, t)
            ]
            found.sort(key=lambda s: self.rank(s, t))
            self._leads[t.key] = [s.id for s in found]
        return self._leads[t.key]

    def promotable(self, t: Target) -> list[str]:
        """People already at the target who are party members and could be named lead."""
        return sorted(
            p
            for p in t.present
            if p in self.staff and self.staff[p].party_member and p not in t.activity_level
        )

    def old_at(self, i: int, station: str | None) -> dict[str, str]:
        """Re-planning: who the solver had at target i's station (None: the activity), and as what."""
        return self.old.get((i, station), {})

    # Figures -----------------------------------------------------------------------------
    def needs_open(self) -> int:
        return sum(o.room for o in self.openings)

    def fillable(self) -> int:
        return sum(min(o.room, len(o.candidates)) for o in self.openings)

    def fixed_top(self) -> tuple[int, str | None]:
        """The most minutes anyone carries in the window before solving, and who (first by id)."""
        best: tuple[int, str | None] = (0, None)
        for p in sorted(self.window_minutes):
            if self.window_minutes[p] > best[0]:
                best = (self.window_minutes[p], p)
        return best

    def bound(self, filled: dict[int, int]) -> Bound:
        """The busiest person carries at least this in any plan that fills, per pool, as many
        places as `filled` (opening index -> places filled) does: the largest of every pool's
        counting bound and what someone already carries."""
        places: dict[PoolKey, list[int]] = defaultdict(list)
        for n, o in enumerate(self.openings):
            if filled.get(n, 0) and o.pool is not None:
                places[o.pool].extend([self.targets[o.target].minutes] * filled[n])
        top, who = self.fixed_top()
        best = Bound(top, staff=who)
        for key in sorted(places, key=lambda k: (k[0] or "", k[1] or "")):
            people = self.index.pool(key)
            loads = [self.window_minutes.get(s.id, 0) for s in people]
            minutes = pool_bound(loads, places[key])
            if minutes > best.minutes:
                best = Bound(minutes, key[0], key[1], len(places[key]), len(people))
        return best

    def reason(self, o: Opening, added: Iterable[Assignment] = ()) -> str:
        """Why the opening stays (partly) open. Before solving, the pool says it; after, each
        remaining candidate is blocked by the others' new places: at the same time elsewhere,
        over the cap with them, or breaking cover with them — the commonest blocker is named."""
        qualified, free, covered, capped = o.counts
        if qualified == 0:
            return "no_qualified_on_rotation" if o.turn else "no_qualified_person"
        if free == 0:
            return "all_busy_or_away"
        if covered == 0:
            return "department_cover"
        if capped == 0:
            return "hours_cap"
        t = self.targets[o.target]
        mine = {a.staff for a in added if (a.activity, a.occurrence) == t.key}
        new_at: dict[str, list[Target]] = defaultdict(list)
        draws: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        for a in added:
            if a.station is None and a.staff in self.by_key[(a.activity, a.occurrence)].present:  # type: ignore[index]
                continue
            other = self.by_key[(a.activity, a.occurrence)]  # type: ignore[index]
            new_at[a.staff].append(other)
            if other.clinical:
                draws[self.staff[a.staff].department].extend(other.clinical)
        tally = {"department_cover": 0, "hours_cap": 0, "taken_elsewhere": 0}
        for k, n in o.blocked.items():
            tally[k] += n
        for c in o.candidates:
            if c in mine:
                continue
            s = self.staff[c]
            if any(_overlap(x.start, x.end, t.start, t.end) for x in new_at.get(c, ())):
                tally["taken_elsewhere"] += 1
            elif not self.cap_allows(s, t, sum(x.minutes for x in new_at.get(c, ()) if x.month == t.month)):
                tally["hours_cap"] += 1
            elif self.cover_blocks(s.department, t, draws.get(s.department, [])):
                tally["department_cover"] += 1
            else:
                tally["taken_elsewhere"] += 1
        return max(tally, key=lambda k: (tally[k], k == "department_cover", k == "hours_cap"))

    def cover_blocks(self, dept: str, t: Target, draws: list[tuple[datetime, datetime]]) -> bool:
        """Whether one more of `dept` out at t, beside the new `draws`, breaks its cover."""
        if not t.clinical or not self.cover.watched(dept):
            return False
        cuts = [x for d0, d1 in draws for x in (d0, d1)]
        for i0, i1 in t.clinical:
            for a, b in self.cover.pieces(dept, i0, i1, cuts):
                taken = sum(1 for d0, d1 in draws if d0 <= a and b <= d1)
                if self.cover.room(dept, a, b) - taken <= 0:
                    return True
        return False

    def filled_per_opening(self, made: list[Assignment]) -> dict[int, int]:
        index = {(self.targets[o.target].key, o.station, o.need): n for n, o in enumerate(self.openings)}
        filled: dict[int, int] = defaultdict(int)
        for a in made:
            if a.station is None or a.extra.get("need") is None:
                continue
            n = index.get(((a.activity, a.occurrence), a.station, a.extra["need"]))  # type: ignore[arg-type]
            if n is not None:
                filled[n] += 1
        return filled

    def hours_after(self, made: list[Assignment]) -> dict[str, float]:
        """Hours per person in the window with `made` (a lead named on top of a station, or
        promoted from the people there, counts once)."""
        minutes = dict(self.window_minutes)
        seen: set[tuple[str, str, date | None]] = set()
        for a in made:
            if (a.staff, a.activity, a.occurrence) in seen:
                continue
            seen.add((a.staff, a.activity, a.occurrence))
            t = self._target_of(a)
            if a.station is None and a.staff in t.present:
                continue
            minutes[a.staff] = minutes.get(a.staff, 0) + t.minutes
        return {p: m / 60 for p, m in minutes.items() if m > 0}

    def result(
        self, made: list[Assignment], seconds: float, status: str, stages: list[Stage] | None = None
    ) -> Proposal:
        """The proposal for `made`: every assignment of the answer at the targets beyond those
        kept (re-planning: the solver's earlier ones it keeps included)."""
        filled_at = self.filled_per_opening(made)
        unfilled = []
        filled = 0
        for n, o in enumerate(self.openings):
            got = filled_at.get(n, 0)
            filled += got
            if got < o.room:
                t = self.targets[o.target]
                unfilled.append(
                    Unfilled(
                        t.key[0],
                        t.key[1],
                        o.station,
                        o.need,
                        o.room - got,
                        self.reason(o, made),
                        o.department,
                        o.qualification,
                    )
                )
        clean = [_strip(a) for a in made]
        old = {a.key: a for a in self.movable}
        new = {a.key: a for a in clean}
        save = [a for a in clean if a.key not in old or old[a.key].role != a.role]
        removed = [a for k, a in old.items() if k not in new or new[k].role != a.role]
        own = next((s for s in stages or () if s.name == "own_branch"), None)
        proved = None if own is None or own.bound is None else round(own.bound)
        return Proposal(
            assignments=save,
            unfilled=unfilled,
            needs_open=self.needs_open(),
            fillable=self.fillable(),
            filled=filled,
            seconds=seconds,
            status=status,
            leads_added=sum(1 for a in save if a.role == "lead"),
            hours=self.hours_after(made),
            removed=removed,
            stages=stages or [],
            bound=self.bound(filled_at),
            replan=self.replan,
            own_leads=self.own_leads(made, proved),
        )

    def _target_of(self, a: Assignment) -> Target:
        return self.by_key[(a.activity, a.occurrence)]  # type: ignore[index]


def pool_bound(loads: list[int], places: list[int]) -> int:
    """The fewest minutes the busiest of a pool's people can carry when they fill `places`
    (minutes each) with `loads` minutes already. The largest of: by pigeonhole, of the k·P + 1
    longest places (P people) someone takes k + 1, so carries at least the k + 1 shortest of
    them besides the lightest load (k = 0: the longest place); and the least T that leaves room
    for the places' total (the sum of T − load) and for their number (each at least the
    shortest)."""
    if not places or not loads:
        return 0
    people, count = len(loads), len(places)
    longest_first = sorted(places, reverse=True)
    shortest, total, lightest = longest_first[-1], sum(places), min(loads)
    lo = 0
    k = 0
    while k * people + 1 <= count:
        m = k * people + 1
        lo = max(lo, lightest + sum(longest_first[m - k - 1 : m]))
        k += 1

    def enough(t: int) -> bool:
        room = [t - x for x in loads if t > x]
        return sum(room) >= total and sum(r // shortest for r in room) >= count

    hi = max(max(loads) + total, lo)
    while lo < hi:
        mid = (lo + hi) // 2
        if enough(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _strip(a: Assignment) -> Assignment:
    """The assignment as stored: the need index was the solver's bookkeeping only."""
    extra = {k: v for k, v in a.extra.items() if k != "need"}
    return Assignment(a.activity, a.staff, a.occurrence, a.station, a.role, extra)


def _matched_slots(edges: list[list[int]], n_right: int) -> set[int]:
    """The right-hand slots a maximum matching uses (the matching itself, not only its size)."""
    return {j for j, holder in enumerate(matching(edges, n_right)) if holder != -1}


def made_assignment(t: Target, person: str, station: str | None, role: str, need: int | None) -> Assignment:
    extra: dict = {"source": "solver"}
    if need is not None:
        extra["need"] = need
    return Assignment(t.key[0], person, t.key[1], station, role, extra)


# --------------------------------------------------------------------------------------------
# Greedy baseline


def greedy(problem: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Need by need in time order, the best candidate free at that moment; then a lead."""
    began = _time.perf_counter()
    added, status = greedy_assignments(problem, progress)
    return problem.result(added, _time.perf_counter() - began, status)


def greedy_assignments(
    p: StaffingWindow, progress: Progress | None, fair: bool = False
) -> tuple[list[Assignment], str]:
    """The greedy answer. Plain: occurrence by occurrence in time order, the organizing
    branch's people first. `fair`: the scarcest needs of the whole window first, each taking
    the least loaded person, then places handed from the busiest to the less busy while that
    evens the loads out (CP-SAT's start, close to the fairest answer). Re-planning, both take
    whom the solver had there before first."""
    g = _Greedy(p, fair)
    total = len(p.targets)
    if fair:
        order = sorted(
            range(len(p.openings)),
            key=lambda n: (len(p.openings[n].candidates), p.targets[p.openings[n].target].start, n),
        )
        for n in order:
            g.fill(p.openings[n])
        for i, t in enumerate(p.targets):
            if progress is not None and not progress(i, total):
                return g.added, "cancelled"
            if not t.has_lead:
                g.add_lead(i)
        g.level()
    else:
        by_target: dict[int, list[Opening]] = defaultdict(list)
        for o in p.openings:
            by_target[o.target].append(o)
        for i, t in enumerate(p.targets):
            if progress is not None and not progress(i, total):
                return g.added, "cancelled"
            for o in sorted(by_target.get(i, []), key=lambda o: len(o.candidates)):
                g.fill(o)
            if not t.has_lead:
                g.add_lead(i)
    if progress is not None:
        progress(total, total)
    return g.added, "greedy"


class _Greedy:
    """The greedy baseline as it goes: what it added, who it placed where, their extra minutes
    per month and load, and each department's new draws on clinical time."""

    def __init__(self, window: StaffingWindow, fair: bool) -> None:
        self.p = window
        self.fair = fair
        self.added: list[Assignment] = []
        self.carries: dict[str, list[int]] = defaultdict(list)  # person -> records taking time
        self._opening: dict[tuple[int, str, int], Opening] = {}
        self.placed: dict[str, list[int]] = defaultdict(list)  # person -> targets taken
        self.here: dict[int, set[str]] = defaultdict(set)  # target -> people placed there
        self.mine: dict[int, list[int]] = defaultdict(list)  # target -> indexes into added
        self.extra_minutes: dict[tuple[str, date], int] = defaultdict(int)
        self.draws: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)  # dept -> new draws
        self.load: dict[str, int] = defaultdict(int)

    def can_take(self, person: str, i: int) -> bool:
        p = self.p
        t = p.targets[i]
        s = p.staff[person]
        if any(_overlap(p.targets[j].start, p.targets[j].end, t.start, t.end) for j in self.placed[person]):
            return False
        if not p.cap_allows(s, t, self.extra_minutes[(person, t.month)]):
            return False
        return not p.cover_blocks(s.department, t, self.draws[s.department])

    def take(self, person: str, i: int, a: Assignment) -> None:
        self.mine[i].append(len(self.added))
        self._book(person, i, len(self.added), 1)
        self.added.append(a)

    def _book(self, person: str, i: int, k: int, sign: int) -> None:
        """Count (sign 1) or uncount (-1) record k, person at target i, in what people carry."""
        t = self.p.targets[i]
        s = self.p.staff[person]
        if sign > 0:
            self.placed[person].append(i)
            self.here[i].add(person)
            self.carries[person].append(k)
        else:
            self.placed[person].remove(i)
            self.here[i].discard(person)
            self.carries[person].remove(k)
        self.extra_minutes[(person, t.month)] += sign * t.minutes
        if t.clinical and self.p.cover.watched(s.department):
            if sign > 0:
                self.draws[s.department].extend(t.clinical)
            else:
                for iv in t.clinical:
                    self.draws[s.department].remove(iv)
        self.load[person] += sign * t.minutes

    def level(self, limit: int = 0) -> None:
        """Even the loads out: the busiest person first, hand one of their places (a lead's
        excepted) to the least loaded person who can take it and would still carry less than
        they did; again until nobody can hand anything on (each move makes the sorted loads
        smaller, so this ends). Re-planning, a place the solver had before stays."""
        p = self.p
        wm = p.window_minutes
        opening = {(o.target, o.station, o.need): o for o in p.openings}
        self._opening = opening
        stuck: set[tuple[str, int]] = set()  # (person, load) that found nobody
        moves = limit or 20 * (len(self.added) + 1)
        while moves > 0:
            busiest = sorted(
                (c for c, ks in self.carries.items() if ks and (c, self.load[c]) not in stuck),
                key=lambda c: (-(wm.get(c, 0) + self.load[c]), c),
            )
            if not busiest:
                return
            a = busiest[0]
            if not self._hand_on(a, opening):
                stuck.add((a, self.load[a]))
            moves -= 1

    def _movable(self, k: int) -> tuple[int, list[str]] | None:
        """Record k's target and who else could hold it (a lead: party members only); None when
        it stays (re-planning, a place the solver had before)."""
        p = self.p
        rec = self.added[k]
        i = p.index_of[(rec.activity, rec.occurrence)]  # type: ignore[index]
        if rec.staff in p.old_at(i, rec.station):
            return None
        t = p.targets[i]
        if rec.station is None:
            pool = p.lead_candidates(t)
        else:
            pool = self._opening[(i, rec.station, rec.extra["need"])].candidates
        if rec.role == "lead":
            # A lead of the branch itself is handed on to another of the branch only.
            own = p.own_lead(rec.staff, t)
            pool = [c for c in pool if p.staff[c].party_member and (p.own_lead(c, t) or not own)]
        return i, pool

    def _move(self, k: int, b: str) -> bool:
        """Give record k to b if b can take it now; False (nothing changed) if not."""
        rec = self.added[k]
        i = self.p.index_of[(rec.activity, rec.occurrence)]  # type: ignore[index]
        self._book(rec.staff, i, k, -1)
        if self.can_take(b, i):
            self._book(b, i, k, 1)
            self.added[k] = Assignment(rec.activity, b, rec.occurrence, rec.station, rec.role, rec.extra)
            return True
        self._book(rec.staff, i, k, 1)
        return False

    def _hand_on(self, a: str, opening: dict[tuple[int, str, int], Opening]) -> bool:
        """Hand one of a's places to someone who then carries less than a did: directly, or
        through a second person who hands one of theirs on to a third. False when nobody can."""
        p = self.p
        self._opening = opening
        wm, load = p.window_minutes, self.load
        carried = wm.get(a, 0) + load[a]
        mine = sorted(self.carries[a], key=lambda k: (-p._target_of(self.added[k]).minutes, k))
        for k in mine:
            found = self._movable(k)
            if found is None:
                continue
            i, pool = found
            m = p.targets[i].minutes
            takers = sorted(
                (c for c in pool if c not in self.here[i] and c != a),
                key=lambda c: (wm.get(c, 0) + load[c], c),
            )
            for b in takers:
                if wm.get(b, 0) + load[b] + m >= carried:
                    break
                if self._move(k, b):
                    return True
        for k in mine:
            found = self._movable(k)
            if found is None:
                continue
            i, pool = found
            m = p.targets[i].minutes
            # b takes a's place if b hands one of b's own on to c.
            for b in sorted(
                (c for c in pool if c not in self.here[i] and c != a),
                key=lambda c: (wm.get(c, 0) + load[c], c),
            ):
                y = wm.get(b, 0) + load[b]
                if y >= carried:
                    break
                for q in sorted(self.carries[b], key=lambda q: (p._target_of(self.added[q]).minutes, q)):
                    other = self._movable(q)
                    if other is None:
                        continue
                    j, pool_q = other
                    mq = p.targets[j].minutes
                    if y - mq + m >= carried:
                        continue
                    for c in sorted(
                        (c for c in pool_q if c not in self.here[j] and c not in (a, b)),
                        key=lambda c: (wm.get(c, 0) + load[c], c),
                    ):
                        if wm.get(c, 0) + load[c] + mq >= carried:
                            break
                        if self._move(q, c):
                            if self._move(k, b):
                                return True
                            self._move(q, b)  # back as it was
                            break
        return False

    def fill(self, o: Opening) -> None:
        """Fill the opening with the best free candidates, one by one: whom the solver had there
        before, then (plain) the organizing branch's and the least loaded or (fair) the least
        loaded; the candidates' own order (the stable shuffle) among equals."""
        i = o.target
        old = self.p.old_at(i, o.station)
        wm, load, own, staff = self.p.window_minutes, self.load, o.own, self.p.staff
        # Without a lead yet, a party member placed can be named lead: nobody more comes.
        lead = not self.p.targets[i].has_lead and not any(self.added[k].role == "lead" for k in self.mine[i])

        t = self.p.targets[i]

        def key(c: str) -> tuple:
            light = wm.get(c, 0) + load[c]
            party = lead and not staff[c].party_member
            foreign = lead and not self.p.own_lead(c, t)  # not one who could lead as the branch
            if self.fair:
                return (c not in old, light, foreign, party)
            return (c not in old, foreign, c not in own, party, light)

        for _ in range(o.room):
            best = None
            for c in sorted((c for c in o.candidates if c not in self.here[i]), key=key):
                if self.can_take(c, i):
                    best = c
                    break
            if best is None:
                return
            self.take(best, i, made_assignment(self.p.targets[i], best, o.station, "member", o.need))

    def add_lead(self, i: int) -> None:
        """Name a lead: the one the solver had before when they can still be; else a party member
        of the organizing branch itself, just placed, already there, or brought (in that order);
        else any party member just placed or already there; else bring one."""
        p, t = self.p, self.p.targets[i]
        before = p.old_leads.get(i, set())
        mine = [k for k in self.mine[i] if p.staff[self.added[k].staff].party_member]
        mine.sort(key=lambda k: (self.added[k].staff not in before, not p.own_lead(self.added[k].staff, t)))
        promote = sorted(p.promotable(t), key=lambda x: (x not in before, not p.own_lead(x, t)))
        ranked = p.lead_candidates(t)
        if self.fair:
            wm, load = p.window_minutes, self.load
            ranked = sorted(ranked, key=lambda c: (not p.own_lead(c, t), wm.get(c, 0) + load[c]))
        # To bring: whom the solver had as the lead before, else the branch's own, best first.
        free = [c for c in ranked if c not in self.here[i] and (c in before or p.own_lead(c, t))]
        free.sort(key=lambda c: c not in before)
        bring = next((c for c in free if self.can_take(c, i)), None)
        # (not the one before, not of the branch itself, preference, how)
        choices: list[tuple[bool, bool, int, str]] = []
        if mine:
            x = self.added[mine[0]].staff
            choices.append((x not in before, not p.own_lead(x, t), 0, "mine"))
        if promote:
            choices.append((promote[0] not in before, not p.own_lead(promote[0], t), 1, "promote"))
        if bring is not None:
            choices.append((bring not in before, not p.own_lead(bring, t), 2, "bring"))
        if choices:
            how = min(choices)[3]
            if how == "mine":
                a = self.added[mine[0]]
                self.added[mine[0]] = Assignment(
                    a.activity, a.staff, a.occurrence, a.station, "lead", a.extra
                )
            elif how == "promote":
                self.added.append(made_assignment(t, promote[0], None, "lead", None))
            else:
                self.take(bring, i, made_assignment(t, bring, None, "lead", None))  # type: ignore[arg-type]
            return
        for c in ranked:
            if c not in self.here[i] and self.can_take(c, i):
                self.take(c, i, made_assignment(t, c, None, "lead", None))
                return


# --------------------------------------------------------------------------------------------
# CP-SAT


def solve(window: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Every open need at once with CP-SAT in stages (scheduler/solver/cpsat.py); see this module's
    docstring for the order. OR-Tools is loaded on the first call, not with this module."""
    from scheduler.solver.cpsat import solve as solve_cpsat

    return solve_cpsat(window, progress)
