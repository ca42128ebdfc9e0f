"""The demo hospital's daily life: its year staffed the way a careful office would, a few
teachable problems left in the weeks ahead, and the months before its today recorded."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.recurrence import Occurrence, expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.plan.model import (
    Activity,
    Assignment,
    Attendance,
    Branch,
    Need,
    Plan,
    Record,
    Staff,
    Station,
    Unavailability,
)


def meets(person: Staff, need: Need) -> bool:
    return (need.department is None or person.department == need.department) and (
        need.qualification is None or need.qualification in person.qualifications
    )


# ---------------------------------------------------------------- staffing the year


def occurrence_hours(occ: Occurrence) -> float:
    return round((occ.end - occ.start).total_seconds() / 3600 * 4) / 4


class Staffer:
    """Staffs every occurrence the way a careful office would: one outreach a day per person,
    nobody away, the department on turn, the monthly hours cap, each department's clinical
    cover on working days, the lightest-loaded of a sample of candidates, a party-member lead
    of the organizing branch where one is free."""

    SAMPLE = 40

    def __init__(self, plan: Plan, rng: random.Random, calendar: WorkCalendar | None):
        self.plan, self.rng, self.calendar = plan, rng, calendar
        active = [s for s in plan.staff.values() if s.active]
        self.by_need: dict[tuple[str | None, str | None], list[str]] = {}
        self.people = active
        self.busy: set[tuple[str, date]] = set()
        self.load: dict[str, float] = {}
        self.month: dict[tuple[str, int], float] = {}
        self.away: set[tuple[str, date]] = set()
        self.away_count: dict[tuple[str, date], int] = {}
        for u in plan.unavailability.values():
            day = u.start.date()
            while day <= u.end.date():
                self.away.add((u.staff, day))
                dept = plan.staff[u.staff].department
                self.away_count[(dept, day)] = self.away_count.get((dept, day), 0) + 1
                day += timedelta(days=1)
        self.active_in = {d: sum(1 for s in active if s.department == d) for d in plan.departments}
        self.out: dict[tuple[str, date], int] = {}
        self.occurrences: list[tuple[Activity, Occurrence]] = sorted(
            ((a, o) for a in plan.activities.values() for o in expand(a)), key=lambda x: (x[1].start, x[0].id)
        )

    def candidates(self, need: Need, department: str | None) -> list[str]:
        key = (department or need.department, need.qualification)
        if key not in self.by_need:
            self.by_need[key] = [
                s.id
                for s in self.people
                if (key[0] is None or s.department == key[0])
                and (key[1] is None or key[1] in s.qualifications)
            ]
        return self.by_need[key]

    def _in_clinicaloccurrence_hours(self, occ: Occurrence) -> bool:
        day = occ.start.date()
        working = self.calendar.is_working(day) if self.calendar is not None else day.weekday() < 5
        return working and occ.start.time() < time(17, 30) and occ.end.time() > time(8, 0)

    def free(self, sid: str, occ: Occurrence) -> bool:
        day = occ.start.date()
        person = self.plan.staff[sid]
        if (sid, day) in self.busy or (sid, day) in self.away:
            return False
        cap = person.max_hours_month
        if cap is not None and self.month.get((sid, day.month), 0.0) + occurrence_hours(occ) > cap:
            return False
        if self._in_clinicaloccurrence_hours(occ):
            dept = person.department
            cover = self.plan.departments[dept].min_on_duty
            spare = self.active_in[dept] - cover - self.away_count.get((dept, day), 0)
            if self.out.get((dept, day), 0) >= spare:
                return False
        return True

    def take(self, activity: Activity, occ: Occurrence, station: str | None, sid: str, role: str) -> None:
        day = occ.start.date()
        a = Assignment(activity.id, sid, occ.date, station, role)
        self.plan.assignments[a.key] = a
        self.busy.add((sid, day))
        self.load[sid] = self.load.get(sid, 0.0) + occurrence_hours(occ)
        self.month[(sid, day.month)] = self.month.get((sid, day.month), 0.0) + occurrence_hours(occ)
        if self._in_clinicaloccurrence_hours(occ):
            dept = self.plan.staff[sid].department
            self.out[(dept, day)] = self.out.get((dept, day), 0) + 1

    def pick(self, pool: list[str], occ: Occurrence, prefer: set[str]) -> str | None:
        sample = pool if len(pool) <= self.SAMPLE else self.rng.sample(pool, self.SAMPLE)
        free = [s for s in sample if self.free(s, occ)]
        if not free and len(pool) > self.SAMPLE:
            free = [s for s in pool if self.free(s, occ)]
        if not free:
            return None
        return min(free, key=lambda s: (s not in prefer, self.load.get(s, 0.0), s))

    def staff_occurrence(self, activity: Activity, occ: Occurrence) -> None:
        branch = self.plan.branches.get(activity.organizer or "")
        home = set(branch.departments) if branch else set()
        prefer = {s.id for s in self.people if s.department in home}
        chosen: list[tuple[str, str]] = []
        for station in activity.stations:
            turn = department_on_turn(activity, occ.date, station.id)
            for need in station.needs:
                for _ in range(need.count):
                    sid = self.pick(self.candidates(need, turn), occ, prefer)
                    if sid is not None:
                        self.take(activity, occ, station.id, sid, "member")
                        chosen.append((station.id, sid))
        self._lead(activity, occ, branch, chosen)

    def _lead(
        self, activity: Activity, occ: Occurrence, branch: Branch | None, chosen: list[tuple[str, str]]
    ) -> None:
        staff = self.plan.staff
        members = [(st, s) for st, s in chosen if staff[s].party_member]
        own = [(st, s) for st, s in members if branch is not None and staff[s].branch == branch.id]
        if own or members:
            st, sid = (own or members)[0]
            a = self.plan.assignments.pop((activity.id, occ.date, st, sid))
            self.plan.assignments[a.key] = replace(a, role="lead")
            return
        leaders = [branch.secretary, branch.contact] if branch else []
        for leader in leaders:
            if leader and self.free(leader, occ):
                self.take(activity, occ, None, leader, "lead")
                return

    def staff_all(self) -> None:
        for activity, occ in self.occurrences:
            self.staff_occurrence(activity, occ)


def teachable_problems(plan: Plan, rng: random.Random, staffer: Staffer, today: date) -> None:
    """A handful of problems in the weeks after today, each of a kind the conflicts panel
    explains: a place left open, an occurrence without a lead, a leave taken after the roster
    was made, a person in two places at once, a venue booked twice, a department emptied on a
    working morning, someone outside the station's needs, a month over the hours cap."""
    ahead = [
        (a, o)
        for a, o in staffer.occurrences
        if today + timedelta(days=3) <= o.date <= today + timedelta(days=35)
    ]
    if len(ahead) < 12:
        return
    picks = rng.sample(ahead, 12)
    assigned: dict[tuple[str, date], list[Assignment]] = {}
    for a in plan.assignments.values():
        if a.occurrence is not None:
            assigned.setdefault((a.activity, a.occurrence), []).append(a)

    def people(pick: tuple[Activity, Occurrence]) -> list[Assignment]:
        return assigned.get((pick[0].id, pick[1].date), [])

    for pick in picks[:4]:
        _place_left_open(plan, people(pick))
    for pick in picks[4:6]:
        _lead_left_out(plan, people(pick))
    _leave_after_rostering(plan, picks[6], people(picks[6]))
    _session_planned_over_another(plan, picks[7], people(picks[7]))
    _department_emptied(plan, picks[8], staffer)
    _outsider_on_a_station(staffer, picks[9])
    _month_over_the_cap(plan, staffer, today)


def _place_left_open(plan: Plan, people: list[Assignment]) -> None:
    members = [a for a in people if a.role == "member"]
    if members:
        del plan.assignments[members[-1].key]


def _lead_left_out(plan: Plan, people: list[Assignment]) -> None:
    for a in people:
        if a.role == "lead":
            if a.station is None:
                del plan.assignments[a.key]
            else:
                plan.assignments[a.key] = replace(a, role="member")


def _leave_after_rostering(plan: Plan, pick: tuple[Activity, Occurrence], people: list[Assignment]) -> None:
    """Someone rostered takes leave that day (staff unavailable)."""
    if people:
        day = pick[1].start.date()
        start, end = datetime.combine(day, time(0, 0)), datetime.combine(day + timedelta(days=1), time(0, 0))
        u = Unavailability(people[-1].staff, start, end, "leave")
        plan.unavailability[u.key] = u


def _session_planned_over_another(
    plan: Plan, pick: tuple[Activity, Occurrence], people: list[Assignment]
) -> None:
    """An extra session at the same venue and time, led by someone already there (the same person
    and the same venue twice at once)."""
    activity, occ = pick
    if not people or not activity.venue:
        return
    extra = Activity(
        id=f"x-{occ.date.isoformat()}",
        title=f"{activity.venue}临时加场健康咨询",
        start=occ.start + timedelta(minutes=30),
        end=occ.end,
        kind="free_clinic",
        partner=activity.partner,
        venue=activity.venue,
        organizer=activity.organizer,
        status="planned",
        stations=(Station("main", "健康咨询", (Need(None, "physician", 1),)),),
    )
    plan.activities[extra.id] = extra
    lead = people[0].staff
    plan.assignments[(extra.id, None, "main", lead)] = Assignment(extra.id, lead, None, "main", "lead")


def _outsider_on_a_station(staffer: Staffer, pick: tuple[Activity, Occurrence]) -> None:
    """Someone on a station whose needs they do not meet (unqualified)."""
    activity, occ = pick
    for station in activity.stations:
        outsider = next(
            (
                s
                for s in staffer.people
                if not any(meets(s, n) for n in station.needs) and staffer.free(s.id, occ)
            ),
            None,
        )
        if outsider is not None and station.needs:
            staffer.take(activity, occ, station.id, outsider.id, "member")
            return


def _month_over_the_cap(plan: Plan, staffer: Staffer, today: date) -> None:
    """Of those busier in the coming month than in any other, the one with the widest gap gets
    a cap between the two (hours cap)."""
    month = (today + timedelta(days=14)).month
    gaps = []
    for (sid, m), hours in staffer.month.items():
        if m == month:
            other = max((h for (s2, m2), h in staffer.month.items() if s2 == sid and m2 != m), default=0.0)
            gaps.append((hours - other, sid, hours))
    gap, sid, hours = max(gaps, default=(0.0, "", 0.0))
    if gap >= 1:
        plan.staff[sid] = replace(plan.staff[sid], max_hours_month=hours - gap / 2)


def _department_emptied(plan: Plan, pick: tuple[Activity, Occurrence], staffer: Staffer) -> None:
    """A working-morning lecture at a partner that takes one person too many from a small
    department (department cover)."""
    activity, occ = pick
    day = occ.date
    while staffer.calendar is not None and not staffer.calendar.is_working(day) or day.weekday() >= 5:
        day += timedelta(days=1)
    dept = min(plan.departments.values(), key=lambda d: (staffer.active_in[d.id] - d.min_on_duty, d.id))
    spare = staffer.active_in[dept.id] - dept.min_on_duty - staffer.away_count.get((dept.id, day), 0)
    people = [
        s.id
        for s in staffer.people
        if s.department == dept.id and (s.id, day) not in staffer.busy and (s.id, day) not in staffer.away
    ][: max(spare, 0) + 1]
    if len(people) <= max(spare, 0):
        return
    start = datetime.combine(day, time(9, 0))
    lecture = Activity(
        id=f"x-cover-{day.isoformat()}",
        title=f"{dept.name}进{plan.partners[activity.partner].name if activity.partner else '社区'}集中义诊",
        start=start,
        end=start + timedelta(hours=2),
        kind="free_clinic",
        partner=activity.partner,
        venue=f"{dept.name}义诊点",
        organizer=activity.organizer,
        status="planned",
        stations=(Station("main", "义诊", (Need(dept.id, None, len(people)),)),),
    )
    plan.activities[lecture.id] = lecture
    for i, sid in enumerate(people):
        role = "lead" if plan.staff[sid].party_member and i == 0 else "member"
        plan.assignments[(lecture.id, None, "main", sid)] = Assignment(lecture.id, sid, None, "main", role)


# ---------------------------------------------------------------- recording the past


def _served(kind: str, rng: random.Random, audience: int | None) -> int:
    low, high = {
        "night_market": (150, 420),
        "free_clinic": (40, 220),
        "lecture": (30, 120),
        "home_visit": (3, 12),
        "service_request": (20, 150),
    }.get(kind, (20, 160))
    if audience:
        low, high = max(1, audience // 2), audience + audience // 3
    return rng.randrange(low, high + 1)


def record_the_past(plan: Plan, recipe: dict[str, Any], rng: random.Random, today: date) -> None:
    """Every occurrence that ended before the demo's today recorded: most done, with people
    served, service counts and every assigned person's hours; a few called off with a reason."""
    counts = {sid: keys for sid, _name, _m, _needs, keys in recipe["services"]}
    people: dict[tuple[str, date], list[str]] = {}
    for a in plan.assignments.values():
        if a.occurrence is not None:
            people.setdefault((a.activity, a.occurrence), []).append(a.staff)
    cutoff = datetime.combine(today, time(0, 0))
    for activity in plan.activities.values():
        for occ in expand(activity):
            if occ.end > cutoff:
                break
            key = (activity.id, occ.date)
            at = occ.end + timedelta(hours=rng.randrange(1, 20))
            if rng.random() < 0.015:
                reason = rng.choice(recipe["cancel_reasons"])
                plan.records[key] = Record(
                    activity.id, occ.date, "cancelled", reason, recorded_at=at, recorded_by="外联办"
                )
                continue
            audience = plan.requests[activity.request].audience if activity.request in plan.requests else None
            served = _served(activity.kind, rng, audience)
            keys = counts.get(activity.extra.get("service", ""), recipe["night_market"]["counts"])
            services = tuple((k, max(1, served * rng.randrange(30, 90) // 100)) for k in keys)
            hours = occurrence_hours(occ)
            attended = tuple(Attendance(s, hours) for s in sorted(set(people.get(key, ()))))
            plan.records[key] = Record(
                activity.id,
                occ.date,
                "done",
                None,
                served,
                services,
                attended,
                rng.choice(recipe["notes"]) or None,
                at,
                "外联办",
            )
