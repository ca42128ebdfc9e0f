"""Automatic assignment: fill the open needs of every station in a window and give every
occurrence a lead, without causing any error the checker knows, fairly.

Two solvers share one reading of the plan for a window (`StaffingWindow`):
- `solve`: OR-Tools CP-SAT over every open need at once (hard rules as constraints, the soft
  rules as a weighted objective in the order the settings show);
- `greedy`: need by need, the best free candidate at that moment (the baseline to compare with).

Both only add assignments: everything already assigned stays as it is (manual ones included),
so re-solving never undoes an accepted plan; a second run adds only what the first could not.

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

from .conflicts import Booked, held_occurrences, meets
from .matching import matching
from .model import Assignment, Plan, Staff
from .planning import department_on_turn
from .workdays import WorkCalendar

Progress = Callable[[int, int], bool]  # (done, total) -> go on?

# The soft rules, strongest first: the order the settings show and the objective weighs them.
SOFT_RULES = ("lead", "paired_branch", "hours_cap", "fairness", "evenings")

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
class Weights:
    """Objective weights; filling a need always outweighs every soft rule together."""

    lead: int = 5000  # an occurrence gets a party-member lead (above any fairness cost of one person)
    lead_branch: int = 200  # ... who belongs to the organizing branch
    paired_branch: int = 100  # per person taken from outside the organizing branch
    hours_cap: int = 60  # per hour over a cap (only when the cap may be exceeded)
    fairness: int = 20  # per hour of the most-loaded person, and per hour of a load's spread
    evenings: int = 10  # per pair of evenings in a row for one person

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class SolverSettings:
    weights: Weights = field(default_factory=Weights)
    # Seconds of search: with reading the plan and the greedy start, a month of the demo hospital
    # takes about 20 s on two cores.
    time_limit: float = 12.0
    cap_is_hard: bool = True  # never take anyone over their monthly hours cap
    candidates_per_need: int = 40  # the best this many per open need go into the model
    workers: int = 2
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


@dataclass(slots=True)
class Proposal:
    """What a solver would add, and what it could not fill."""

    assignments: list[Assignment]
    unfilled: list[Unfilled]
    needs_open: int  # units of need open before solving
    fillable: int  # of those, units with at least one candidate free of every hard rule alone
    filled: int
    seconds: float
    status: str  # "optimal", "feasible", "cancelled", "greedy", "nothing to do"
    leads_added: int = 0
    hours: dict[str, float] = field(default_factory=dict)  # person -> hours in the window, after

    def hours_summary(self) -> tuple[float, float, float]:
        """Max, mean and max/mean of hours per person with any hours in the window."""
        values = [h for h in self.hours.values() if h > 0]
        if not values:
            return 0.0, 0.0, 0.0
        top, mean = max(values), sum(values) / len(values)
        return top, mean, top / mean


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
    present: set[str]  # people already assigned
    has_lead: bool
    organizer_depts: frozenset[str]
    organizer: str | None
    clinical: list[tuple[datetime, datetime]]
    # People with an activity-level assignment already (they cannot get a second one as lead).
    activity_level: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, date]:
        return self.booked.key

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
    pool: tuple[int, int, int, int]  # qualified, free, cover allows, cap allows
    blocked: dict[str, int] = field(default_factory=dict)  # free but kept out: reason -> people


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

    def watched(self, dept: str) -> bool:
        return dept in self.minimum

    def room(self, dept: str, t0: datetime, t1: datetime) -> int:
        """How many more of `dept` may leave during [t0, t1), a stretch in which nothing changes."""
        present = 0
        for p in self.members[dept]:
            reasons = {r for s, e, r in self.away.get(p, ()) if s <= t0 and t1 <= e}
            if reasons - {"duty"}:
                continue
            if "duty" in reasons or not any(s <= t0 and t1 <= e for s, e in self.out.get(p, ())):
                present += 1
        return present - self.minimum[dept]

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


class StaffingWindow:
    """The plan read once for a window: targets, open needs with their candidates, and what
    every person already has (bookings, leave, hours per month, load in the window)."""

    def __init__(
        self,
        plan: Plan,
        calendar: WorkCalendar,
        d_from: date,
        d_to: date,
        clinical_hours: tuple[str, str] = ("08:00", "17:30"),
        settings: SolverSettings | None = None,
        only: tuple[str, date] | None = None,
    ) -> None:
        self.plan = plan
        self.settings = settings or SolverSettings()
        self.staff: dict[str, Staff] = plan.staff
        w0 = datetime.combine(d_from, time.min)
        w1 = datetime.combine(d_to + timedelta(days=1), time.min)
        # Whole months touched (hours caps), and a day either side (overlaps across midnight).
        m0 = datetime.combine(d_from.replace(day=1), time.min) - timedelta(days=1)
        m1 = datetime.combine(_next_month(d_to), time.min) + timedelta(days=1)
        around = held_occurrences(plan, calendar, m0, m1)
        self.cover = Cover(plan, around)
        self._read_commitments(around, (w0, w1), (m0 + timedelta(days=1), m1 - timedelta(days=1)))
        self.targets: list[Target] = self._read_targets(around, (w0, w1), calendar, clinical_hours, only)
        self.by_key = {t.key: t for t in self.targets}
        self.active = [s for s in self.staff.values() if s.active]
        self.openings: list[Opening] = []
        for i, t in enumerate(self.targets):
            self._add_openings(i, t)

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
            for p in b.people:
                self.busy[p].append((b.occ.start, b.occ.end))
                if months[0] <= b.occ.start < months[1]:
                    self.month_minutes[(p, _month(b.occ.start))] += mins
                if _overlap(b.occ.start, b.occ.end, w0, w1):
                    self.window_minutes[p] += mins
                if b.occ.end.time() > EVENING:
                    self.evenings[p].add(b.occ.start.date())
        self.away: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        for u in self.plan.unavailability.values():
            self.away[u.staff].append((u.start, u.end))

    def _read_targets(
        self,
        around: list[Booked],
        window: tuple[datetime, datetime],
        calendar: WorkCalendar,
        clinical_hours: tuple[str, str],
        only: tuple[str, date] | None,
    ) -> list[Target]:
        """The occurrences starting in the window that are neither done nor cancelled."""
        w0, w1 = window
        closed = {k for k, r in self.plan.records.items() if r.status in ("done", "cancelled")}
        out = []
        for b in around:
            if not (w0 <= b.occ.start < w1) or b.key in closed or b.activity.status == "done":
                continue
            if only is not None and b.key != only:
                continue
            a = b.activity
            branch = self.plan.branches.get(a.organizer) if a.organizer else None
            out.append(
                Target(
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
            )
        return out

    # Candidates --------------------------------------------------------------------------
    def from_branch(self, person: Staff, t: Target) -> bool:
        """Of the organizing branch: its party member, or a person of its departments."""
        return (
            t.organizer is not None and person.branch == t.organizer
        ) or person.department in t.organizer_depts

    def free(self, person: str, t: Target) -> bool:
        """Not on leave/duty/rest/away and not booked elsewhere at the target's time."""
        if person in t.present:
            return False
        if any(_overlap(s, e, t.start, t.end) for s, e in self.away.get(person, ())):
            return False
        return not any(_overlap(s, e, t.start, t.end) for s, e in self.busy.get(person, ()))

    def cover_allows(self, person: Staff, t: Target) -> bool:
        if not t.clinical or not self.cover.watched(person.department):
            return True
        room = self.cover.least_room(person.department, t.clinical)
        return room is None or room > 0

    def cap_allows(self, person: Staff, t: Target, extra_minutes: int = 0) -> bool:
        if person.max_hours_month is None or not self.settings.cap_is_hard:
            return True
        used = self.month_minutes.get((person.id, t.month), 0) + extra_minutes
        return used + t.minutes <= person.max_hours_month * 60 + 1e-6

    def rank(self, person: Staff, t: Target) -> tuple:
        """Best first: the organizing branch, then the least loaded, then a stable shuffle (so
        equal people are not always taken in the same order)."""
        return (
            not self.from_branch(person, t),
            self.window_minutes.get(person.id, 0),
            zlib.crc32(f"{person.id}|{t.key[0]}|{t.key[1]}".encode()),
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
                qualified = [s for s in self.active if meets(s, n.department, n.qualification, turn)]
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
                        pool=(len(qualified), len(free), len(covered), len(capped)),
                        blocked={
                            "department_cover": len(free) - len(covered),
                            "hours_cap": len(covered) - len(capped),
                        },
                    )
                )

    def lead_candidates(self, t: Target) -> list[str]:
        """Free party members who could come as the lead, best first."""
        found = [
            s
            for s in self.active
            if s.party_member and self.free(s.id, t) and self.cover_allows(s, t) and self.cap_allows(s, t)
        ]
        found.sort(key=lambda s: self.rank(s, t))
        return [s.id for s in found]

    def promotable(self, t: Target) -> list[str]:
        """People already at the target who are party members and could be named lead."""
        return sorted(
            p
            for p in t.present
            if p in self.staff and self.staff[p].party_member and p not in t.activity_level
        )

    # Figures -----------------------------------------------------------------------------
    def needs_open(self) -> int:
        return sum(o.room for o in self.openings)

    def fillable(self) -> int:
        return sum(min(o.room, len(o.candidates)) for o in self.openings)

    def reason(self, o: Opening, added: Iterable[Assignment] = ()) -> str:
        """Why the opening stays (partly) open. Before solving, the pool says it; after, each
        remaining candidate is blocked by the others' new places: at the same time elsewhere,
        over the cap with them, or breaking cover with them — the commonest blocker is named."""
        qualified, free, covered, capped = o.pool
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

    def result(self, added: list[Assignment], seconds: float, status: str) -> Proposal:
        filled_at: dict[tuple[int, str, int], int] = defaultdict(int)
        index = {(self.targets[o.target].key, o.station, o.need): n for n, o in enumerate(self.openings)}
        for a in added:
            if a.station is None or a.extra.get("need") is None:
                continue
            n = index.get(((a.activity, a.occurrence), a.station, a.extra["need"]))  # type: ignore[arg-type]
            if n is not None:
                filled_at[(n, a.station, a.extra["need"])] += 1
        unfilled = []
        filled = 0
        for n, o in enumerate(self.openings):
            got = filled_at.get((n, o.station, o.need), 0)
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
                        self.reason(o, added),
                        o.department,
                        o.qualification,
                    )
                )
        hours = {p: m / 60 for p, m in self.window_minutes.items()}
        seen: set[tuple[str, str, date | None]] = set()
        for a in added:
            if (a.staff, a.activity, a.occurrence) in seen:
                continue  # a lead named on top of a station counts once
            seen.add((a.staff, a.activity, a.occurrence))
            if a.station is None and any(
                (a.activity, a.occurrence) == t.key and a.staff in t.present for t in self.targets
            ):
                continue
            t = self._target_of(a)
            hours[a.staff] = hours.get(a.staff, 0.0) + t.minutes / 60
        clean = [_strip(a) for a in added]
        return Proposal(
            assignments=clean,
            unfilled=unfilled,
            needs_open=self.needs_open(),
            fillable=self.fillable(),
            filled=filled,
            seconds=seconds,
            status=status,
            leads_added=sum(1 for a in added if a.role == "lead"),
            hours=hours,
        )

    def _target_of(self, a: Assignment) -> Target:
        return self.by_key[(a.activity, a.occurrence)]  # type: ignore[index]


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


def greedy_assignments(p: StaffingWindow, progress: Progress | None) -> tuple[list[Assignment], str]:
    g = _Greedy(p)
    by_target: dict[int, list[Opening]] = defaultdict(list)
    for o in p.openings:
        by_target[o.target].append(o)
    total = len(p.targets)
    for i, t in enumerate(p.targets):
        if progress is not None and not progress(i, total):
            return g.added, "cancelled"
        first = len(g.added)
        here = g.fill(i, by_target.get(i, []))
        if not t.has_lead:
            g.add_lead(i, g.added[first:], here)
    if progress is not None:
        progress(total, total)
    return g.added, "greedy"


class _Greedy:
    """The greedy baseline as it goes: what it added, who it placed where, their extra minutes
    per month and load, and each department's new draws on clinical time."""

    def __init__(self, window: StaffingWindow) -> None:
        self.p = window
        self.added: list[Assignment] = []
        self.placed: dict[str, list[int]] = defaultdict(list)  # person -> targets taken
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

    def take(self, person: str, i: int) -> None:
        t = self.p.targets[i]
        s = self.p.staff[person]
        self.placed[person].append(i)
        self.extra_minutes[(person, t.month)] += t.minutes
        if t.clinical and self.p.cover.watched(s.department):
            self.draws[s.department].extend(t.clinical)
        self.load[person] += t.minutes

    def fill(self, i: int, openings: list[Opening]) -> set[str]:
        """Fill the openings of target i, the scarcest first, each with the best free
        candidate (the organizing branch's, then the least loaded). Returns who was placed."""
        p, t = self.p, self.p.targets[i]
        here: set[str] = set()
        for o in sorted(openings, key=lambda o: len(o.candidates)):
            for _ in range(o.room):
                best = None
                for c in sorted(
                    (c for c in o.candidates if c not in here),
                    key=lambda c: (
                        not p.from_branch(p.staff[c], t),
                        p.window_minutes.get(c, 0) + self.load[c],
                        zlib.crc32(f"{c}|{t.key[0]}|{t.key[1]}".encode()),
                    ),
                ):
                    if self.can_take(c, i):
                        best = c
                        break
                if best is None:
                    break
                self.take(best, i)
                here.add(best)
                self.added.append(made_assignment(t, best, o.station, "member", o.need))
        return here

    def add_lead(self, i: int, mine: list[Assignment], here: set[str]) -> None:
        """Name a lead: a party member just placed (of the branch, else if nobody present can be
        promoted), else one already there, else bring one."""
        p, t = self.p, self.p.targets[i]
        party = [a for a in mine if p.staff[a.staff].party_member]
        party.sort(key=lambda a: not p.from_branch(p.staff[a.staff], t))
        promote = list(p.promotable(t))
        promote.sort(key=lambda x: not p.from_branch(p.staff[x], t))
        if party and (p.from_branch(p.staff[party[0].staff], t) or not promote):
            k = self.added.index(party[0])
            self.added[k] = Assignment(
                party[0].activity,
                party[0].staff,
                party[0].occurrence,
                party[0].station,
                "lead",
                party[0].extra,
            )
        elif promote:
            self.added.append(made_assignment(t, promote[0], None, "lead", None))
        else:
            for c in p.lead_candidates(t):
                if c not in here and self.can_take(c, i):
                    self.take(c, i)
                    self.added.append(made_assignment(t, c, None, "lead", None))
                    break


# --------------------------------------------------------------------------------------------
# CP-SAT


def solve(window: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Every open need at once with CP-SAT (scheduler/cpsat.py); see the module's docstring for
    the rules. OR-Tools is loaded on the first call, not with this module."""
    from .cpsat import solve as solve_cpsat

    return solve_cpsat(window, progress)
