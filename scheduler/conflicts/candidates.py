"""Who could fill a place at an occurrence: for every person, free or busy (and why), which needs
they meet, hours left this month, and what taking them does to their department's cover; and the
index of active staff by department and qualification that finds a need's pool without scanning
everyone (the solver asks it once per kind of need, not once per need)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.recurrence import Occurrence
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.cover import department_cover, meets
from scheduler.conflicts.held import Booked, held_occurrences
from scheduler.conflicts.kinds import DEPARTMENT_COVER, HOURS_CAP, STAFF_DOUBLE_BOOKED, STAFF_UNAVAILABLE
from scheduler.office.leads import of_branch
from scheduler.plan.model import CLINICAL_HOURS, Activity, Assignment, Plan, Staff

PoolKey = tuple[str | None, str | None]  # (department, qualification); None: any


class StaffIndex:
    """Active staff indexed by department and by qualification. A need's pool (the people who
    meet it) is read from the shorter list and kept, so a window of hundreds of needs asks each
    kind of need once. Lists keep the order of `staff` (the plan's order: deterministic)."""

    def __init__(self, staff: Iterable[Staff]) -> None:
        self.active = [s for s in staff if s.active]
        self.party = [s for s in self.active if s.party_member]
        self.by_department: dict[str, list[Staff]] = defaultdict(list)
        self.by_qualification: dict[str, list[Staff]] = defaultdict(list)
        for s in self.active:
            self.by_department[s.department].append(s)
            for q in dict.fromkeys(s.qualifications):
                self.by_qualification[q].append(s)
        self._pools: dict[PoolKey, list[Staff]] = {}

    @staticmethod
    def pool_key(department: str | None, qualification: str | None, turn: str | None) -> PoolKey | None:
        """The pool a need draws on: the department on turn stands for the need's department;
        None when the two differ (nobody can meet it)."""
        if turn is not None and department is not None and department != turn:
            return None
        return (turn or department, qualification)

    def pool(self, key: PoolKey | None) -> list[Staff]:
        """The active people of the pool, in plan order."""
        if key is None:
            return []
        if key not in self._pools:
            department, qualification = key
            if department is not None:
                base = self.by_department.get(department, [])
            elif qualification is not None:
                base = self.by_qualification.get(qualification, [])
            else:
                base = self.active
            self._pools[key] = [s for s in base if meets(s, department, qualification, None)]
        return self._pools[key]

    def qualified(self, department: str | None, qualification: str | None, turn: str | None) -> list[Staff]:
        """Who meets a need (department, qualification) with `turn` the department on turn."""
        return self.pool(self.pool_key(department, qualification, turn))


@dataclass(frozen=True, slots=True)
class Candidate:
    staff: str
    needs: tuple[int, ...]  # the station's needs this person meets
    busy: tuple[tuple[str, datetime], ...]  # other occurrences at the same time: (title, start)
    away: tuple[str, ...]  # unavailability reasons at that time
    hours_month: float  # outreach hours already planned this month
    cap: float | None
    breaks_cover: bool  # taking them leaves the department under its minimum
    cover_left: int | None  # people left in the hospital then (None: outside clinical hours)
    cover_min: int
    same_branch: bool  # of the organizing branch (leads.of_branch: its own party member, or no branch and of its departments)

    def problems(self, length_hours: float) -> list[str]:
        """The codes of the conflict kinds taking this person would cause."""
        out = []
        if self.busy:
            out.append(STAFF_DOUBLE_BOOKED.code)
        if self.away:
            out.append(STAFF_UNAVAILABLE.code)
        if self.breaks_cover:
            out.append(DEPARTMENT_COVER.code)
        if self.cap is not None and self.hours_month + length_hours > self.cap + 1e-9:
            out.append(HOURS_CAP.code)
        return out


def candidates(
    plan: Plan,
    calendar: WorkCalendar,
    activity: Activity,
    occ: Occurrence,
    station: str | None,
    clinical_hours: tuple[str, str] = CLINICAL_HOURS,
) -> list[Candidate]:
    """Every active person not yet at this occurrence, most suitable first."""
    st = next((s for s in activity.stations if s.id == station), None)
    needs = st.needs if st else ()
    turn = department_on_turn(activity, occ.date, station) if station else None
    month0 = datetime.combine(occ.start.date(), time.min).replace(day=1)
    month1 = (month0 + timedelta(days=32)).replace(day=1)
    month = held_occurrences(plan, calendar, month0, month1)
    here = next((b for b in month if b.key == (activity.id, occ.date)), None)
    present = here.people if here else set()
    busy, hours, away = _commitments(plan, month, (activity.id, occ.date), occ)
    branch_depts = (
        set(plan.branches[activity.organizer].departments) if activity.organizer in plan.branches else set()
    )
    trial = _CoverTrial(plan, calendar, clinical_hours, month, activity, occ, station, here)
    out = []
    for s in plan.staff.values():
        if not s.active or s.id in present:
            continue
        dept = plan.departments.get(s.department)
        reasons = away.get(s.id, set())
        breaks, left = (
            trial.of(s.department, s.id)
            if dept and dept.min_on_duty > 0 and not (reasons - {"duty"})
            else (False, None)
        )
        out.append(
            Candidate(
                staff=s.id,
                needs=tuple(i for i, n in enumerate(needs) if meets(s, n.department, n.qualification, turn)),
                busy=tuple((b.activity.title, b.occ.start) for b in busy.get(s.id, ())),
                away=tuple(sorted(reasons)),
                hours_month=round(hours.get(s.id, 0.0), 2),
                cap=s.max_hours_month,
                breaks_cover=breaks,
                cover_left=left,
                cover_min=dept.min_on_duty if dept else 0,
                same_branch=of_branch(s, activity.organizer, branch_depts),
            )
        )
    length = (occ.end - occ.start).total_seconds() / 3600

    def rank(c: Candidate) -> tuple:
        return (
            bool(c.problems(length)),
            not c.needs and bool(needs),
            not c.same_branch,
            c.hours_month,
            plan.staff[c.staff].name,
        )

    out.sort(key=rank)
    return out


def _commitments(
    plan: Plan, month: list[Booked], key: tuple[str, date], occ: Occurrence
) -> tuple[dict[str, list[Booked]], dict[str, float], dict[str, set[str]]]:
    """Per person: the other occurrences at the same time, the outreach hours of the month
    besides this occurrence, and the reasons they are away at that time."""
    busy: dict[str, list[Booked]] = {}
    for b in month:
        if b.key != key and b.occ.start < occ.end and occ.start < b.occ.end:
            for p in b.people:
                busy.setdefault(p, []).append(b)
    hours: dict[str, float] = {}
    for b in month:
        if b.key == key:
            continue
        for p in b.people:
            hours[p] = hours.get(p, 0.0) + (b.occ.end - b.occ.start).total_seconds() / 3600
    away: dict[str, set[str]] = {}
    for u in plan.unavailability.values():
        if u.start < occ.end and occ.start < u.end:
            away.setdefault(u.staff, set()).add(u.reason)
    return busy, hours, away


class _CoverTrial:
    """Whether one more of a department out at this occurrence breaks its cover, judged by the
    checker itself on the day with the person added (once per department)."""

    def __init__(
        self,
        plan: Plan,
        calendar: WorkCalendar,
        clinical_hours: tuple[str, str],
        month: list[Booked],
        activity: Activity,
        occ: Occurrence,
        station: str | None,
        here: Booked | None,
    ) -> None:
        self.plan, self.calendar, self.hours = plan, calendar, clinical_hours
        self.activity, self.occ, self.station, self.here = activity, occ, station, here
        self.in_clinical = bool(calendar.clinical_intervals(occ.start, occ.end, clinical_hours))
        self.day_booked = [
            b
            for b in month
            if b.occ.start < occ.end + timedelta(days=1) and occ.start - timedelta(days=1) < b.occ.end
        ]
        self.found: dict[str, tuple[bool, int | None]] = {}

    def of(self, dept_id: str, person: str) -> tuple[bool, int | None]:
        """(breaks the cover, people left then); (False, None) outside clinical hours."""
        if not self.in_clinical:
            return False, None
        if dept_id not in self.found:
            extra = Assignment(self.activity.id, person, self.occ.date, self.station, "member")
            trial = Booked(self.occ, self.activity, (*(self.here.assignments if self.here else ()), extra))
            others = [b for b in self.day_booked if b.key != trial.key]
            found = [
                c
                for c in department_cover([*others, trial], self.plan, self.calendar, self.hours)
                if c.department == dept_id and trial.key in c.occurrences
            ]
            lowest = min((c.info()["present"] for c in found), default=None)
            self.found[dept_id] = (bool(found), lowest)
        return self.found[dept_id]
