"""Conflicts of qualifications and cover: a station whose needs the people there cannot meet,
a person who meets none of a station's needs, an occurrence without a lead who is a party member,
a department left with fewer people in the hospital than its minimum (docs/check.md)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.conflict import Conflict, OccKey
from scheduler.conflicts.held import Booked
from scheduler.conflicts.kinds import DEPARTMENT_COVER, NO_LEAD, UNDERSTAFFED, UNQUALIFIED
from scheduler.conflicts.matching import max_matching
from scheduler.conflicts.people import away_by_person
from scheduler.plan.model import Plan, Staff, Station


def members_by_department(plan: Plan) -> dict[str, list[str]]:
    """The active staff of every department."""
    members: dict[str, list[str]] = defaultdict(list)
    for s in plan.staff.values():
        if s.active:
            members[s.department].append(s.id)
    return members


def department_cover(
    booked: list[Booked],
    plan: Plan,
    calendar: WorkCalendar,
    hours: tuple[str, str],
    away: dict[str, list[tuple[datetime, datetime, str]]] | None = None,
    members: dict[str, list[str]] | None = None,
) -> list[Conflict]:
    """Stretches of clinical hours in which a department keeps fewer people in the hospital than
    its minimum because of outreach: one conflict per department and contiguous stretch."""
    staff = plan.staff
    # Outreach draws, per department: (start, end, person, occurrence), clipped to clinical hours.
    draws: dict[str, list[tuple[datetime, datetime, str, OccKey]]] = defaultdict(list)
    for b in booked:
        for person in b.people:
            s = staff.get(person)
            if s is None or not s.active:
                continue
            for c0, c1 in calendar.clinical_intervals(b.occ.start, b.occ.end, hours):
                draws[s.department].append((c0, c1, person, b.key))
    if not draws:
        return []
    if away is None:
        away = away_by_person(plan)
    if members is None:
        members = members_by_department(plan)
    out: list[Conflict] = []
    for dept_id, items in draws.items():
        dept = plan.departments.get(dept_id)
        if dept is None or dept.min_on_duty <= 0:
            continue
        people = members.get(dept_id, [])
        # Cut time at every change; only moments with some outreach matter.
        points = sorted(
            {t for s0, s1, _p, _o in items for t in (s0, s1)}
            | {t for p in people for u0, u1, _r in away.get(p, ()) for t in (u0, u1)}
        )
        # Walked once in time order: the draws under way at each cut (every start and end is a
        # cut, so a draw under way at t0 lasts to t1); people never away are counted by set.
        items.sort(key=lambda x: x[0])
        never_away = {p for p in people if p not in away}
        sometimes_away = [p for p in people if p in away]
        under_way: list[tuple[datetime, datetime, str, OccKey]] = []
        i = 0
        stretch: list[Any] | None = None
        for t0, t1 in zip(points, points[1:], strict=False):
            while i < len(items) and items[i][0] <= t0:
                under_way.append(items[i])
                i += 1
            under_way = [x for x in under_way if x[1] > t0]
            drawing = [(p, o) for _s0, _s1, p, o in under_way]
            if not drawing:
                _close(stretch, out, dept_id)
                stretch = None
                continue
            out_people = {p for p, _o in drawing}
            present = len(never_away) - len(never_away & out_people)
            for p in sometimes_away:
                reasons = {r for u0, u1, r in away[p] if u0 <= t0 and t1 <= u1}
                if reasons - {"duty"}:
                    continue  # on leave, resting or away
                if "duty" in reasons or p not in out_people:
                    present += 1  # clinical duty keeps a person in the hospital
            if present < dept.min_on_duty:
                occs = {o for _p, o in drawing}
                if stretch is not None and stretch[1] == t0:
                    stretch[1] = t1
                    stretch[2] |= occs
                    stretch[3] = min(stretch[3], present)
                else:
                    _close(stretch, out, dept_id)
                    stretch = [t0, t1, set(occs), present, dept.min_on_duty]
            else:
                _close(stretch, out, dept_id)
                stretch = None
        _close(stretch, out, dept_id)
    return out


def _close(stretch: list[Any] | None, out: list[Conflict], dept: str) -> None:
    """Report a finished stretch of shortfall."""
    if stretch is not None:
        t0, t1, occs, lowest, minimum = stretch
        out.append(
            Conflict(
                DEPARTMENT_COVER.code,
                tuple(sorted(occs)),
                department=dept,
                start=t0,
                end=t1,
                detail=(("present", lowest), ("minimum", minimum)),
            )
        )
    return None


def meets(
    person: Staff, need_department: str | None, need_qualification: str | None, turn: str | None
) -> bool:
    if need_department is not None and person.department != need_department:
        return False
    if turn is not None and person.department != turn:
        return False
    return need_qualification is None or need_qualification in person.qualifications


def station_people(b: Booked, station: Station) -> list[str]:
    return sorted({x.staff for x in b.assignments if x.station == station.id})


def understaffed(booked: list[Booked], staff: dict[str, Staff]) -> list[Conflict]:
    """A station whose needs the people there cannot all meet: no matching of people to places
    (one place per unit of need, a person fills one) covers every place."""
    out = []
    for b in booked:
        for st in b.activity.stations:
            if not st.needs:
                continue
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            slots = [n for n in st.needs for _ in range(n.count)]
            edges = [
                [j for j, n in enumerate(slots) if meets(staff[p], n.department, n.qualification, turn)]
                for p in station_people(b, st)
                if p in staff
            ]
            matched = max_matching(edges, len(slots))
            if matched < len(slots):
                out.append(
                    Conflict(
                        UNDERSTAFFED.code,
                        (b.key,),
                        station=st.id,
                        start=b.occ.start,
                        end=b.occ.end,
                        detail=(("needed", len(slots)), ("met", matched)),
                    )
                )
    return out


def unqualified(booked: list[Booked], staff: dict[str, Staff]) -> list[Conflict]:
    """A person at a station who meets none of its needs."""
    out = []
    for b in booked:
        for st in b.activity.stations:
            needs = [n for n in st.needs if n.count > 0]
            if not st.needs:
                continue
            turn = department_on_turn(b.activity, b.occ.date, st.id)
            for p in station_people(b, st):
                if p in staff and not any(
                    meets(staff[p], n.department, n.qualification, turn) for n in needs
                ):
                    out.append(
                        Conflict(
                            UNQUALIFIED.code,
                            (b.key,),
                            staff=p,
                            station=st.id,
                            start=b.occ.start,
                            end=b.occ.end,
                        )
                    )
    return out


def no_lead(booked: list[Booked], staff: dict[str, Staff]) -> list[Conflict]:
    out = []
    for b in booked:
        if not any(
            x.role == "lead" and x.staff in staff and staff[x.staff].party_member for x in b.assignments
        ):
            out.append(Conflict(NO_LEAD.code, (b.key,), start=b.occ.start, end=b.occ.end))
    return out
