"""The fast checker against a slow, obviously-right oracle on random small plans: pairwise
comparisons, brute-force matching, and department cover walked minute by minute."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.plan.model import (
    Activity,
    Assignment,
    Department,
    Need,
    Plan,
    RotationEntry,
    Staff,
    Station,
    Unavailability,
)

CAL = WorkCalendar(official_calendar())
DAYS = [
    date(2026, 2, 13),
    date(2026, 2, 14),
    date(2026, 10, 1),
    date(2026, 11, 23),
]  # Fri, make-up Sat, holiday, Mon
QUALS = ["physician", "nurse", "acupuncture"]
DEPTS = ["d1", "d2"]
VENUES = ["A", "B", None]


@st.composite
def plans(draw) -> Plan:
    p = Plan()
    for d in DEPTS:
        p.departments[d] = Department(d, d, min_on_duty=draw(st.integers(0, 3)))
    n_staff = draw(st.integers(2, 6))
    for i in range(n_staff):
        p.staff[f"s{i}"] = Staff(
            f"s{i}",
            f"s{i}",
            draw(st.sampled_from(DEPTS)),
            party_member=draw(st.booleans()),
            qualifications=tuple(draw(st.sets(st.sampled_from(QUALS), max_size=2))),
            max_hours_month=draw(st.sampled_from([None, 2.0, 4.0])),
            active=draw(st.booleans()) or draw(st.booleans()),
        )
    for _ in range(draw(st.integers(0, 3))):
        s = draw(st.sampled_from(sorted(p.staff)))
        day = draw(st.sampled_from(DAYS))
        start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=30 * draw(st.integers(14, 36)))
        u = Unavailability(
            s,
            start,
            start + timedelta(minutes=30 * draw(st.integers(1, 10))),
            draw(st.sampled_from(["leave", "duty", "rest", "other"])),
        )
        p.unavailability[u.key] = u
    for k in range(draw(st.integers(1, 4))):
        day = draw(st.sampled_from(DAYS))
        start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=30 * draw(st.integers(14, 38)))
        end = start + timedelta(minutes=30 * draw(st.integers(1, 8)))
        needs = tuple(
            Need(
                draw(st.sampled_from([None, *DEPTS])),
                draw(st.sampled_from([None, *QUALS])),
                draw(st.integers(1, 2)),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        rotation = (RotationEntry(draw(st.sampled_from(DEPTS)), None, "st"),) if draw(st.booleans()) else ()
        a = Activity(
            f"a{k}",
            f"a{k}",
            start,
            end,
            venue=draw(st.sampled_from(VENUES)),
            stations=(Station("st", "st", needs),),
            rotation=rotation,
        )
        p.activities[a.id] = a
        for s in draw(st.sets(st.sampled_from(sorted(p.staff)), max_size=4)):
            x = Assignment(
                a.id, s, None, draw(st.sampled_from([None, "st"])), draw(st.sampled_from(["lead", "member"]))
            )
            p.assignments[x.key] = x
    return p


def overlap(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def oracle(p: Plan) -> set:
    occ = {a.id: (a.start, a.end) for a in p.activities.values()}
    people = {a: {x.staff for x in p.assignments.values() if x.activity == a} for a in occ}
    out: set = set()
    for a, b in itertools.combinations(sorted(occ), 2):
        for s in people[a] & people[b]:
            if overlap(*occ[a], *occ[b]):
                out.add(("staff_double_booked", frozenset({a, b}), s))
        va, vb = p.activities[a].venue, p.activities[b].venue
        if va and va == vb and overlap(*occ[a], *occ[b]):
            out.add(("venue_double_booked", frozenset({a, b})))
    for a in occ:
        for s in people[a]:
            if any(u.staff == s and overlap(u.start, u.end, *occ[a]) for u in p.unavailability.values()):
                out.add(("staff_unavailable", frozenset({a}), s))
        act = p.activities[a]
        for station in act.stations:
            if not station.needs:
                continue
            turn = act.rotation[0].department if act.rotation else None
            at = sorted(
                {x.staff for x in p.assignments.values() if x.activity == a and x.station == station.id}
            )
            slots = [n for n in station.needs for _ in range(n.count)]

            def ok(s, n, turn=turn):
                person = p.staff[s]
                return (
                    (n.department is None or person.department == n.department)
                    and (turn is None or person.department == turn)
                    and (n.qualification is None or n.qualification in person.qualifications)
                )

            best = 0
            for perm in itertools.permutations(range(len(slots)), min(len(at), len(slots))):
                for chosen in itertools.combinations(at, len(perm)):
                    best = max(best, sum(1 for s, j in zip(chosen, perm, strict=True) if ok(s, slots[j])))
            if best < len(slots):
                out.add(("understaffed", frozenset({a}), station.id))
            for s in at:
                if not any(ok(s, n) for n in slots):
                    out.add(("unqualified", frozenset({a}), s, station.id))
        if not any(
            x.activity == a and x.role == "lead" and p.staff[x.staff].party_member
            for x in p.assignments.values()
        ):
            out.add(("no_lead", frozenset({a})))
        if CAL.is_holiday(occ[a][0].date()):
            out.add(("holiday", frozenset({a})))
    # Hours cap per person and month.
    for s, person in p.staff.items():
        if person.max_hours_month is None:
            continue
        months: dict = {}
        for a in occ:
            if s in people[a]:
                months.setdefault(occ[a][0].strftime("%Y-%m"), []).append(a)
        for acts in months.values():
            hours = sum((occ[a][1] - occ[a][0]).total_seconds() / 3600 for a in acts)
            if hours > person.max_hours_month:
                out.add(("hours_cap", frozenset(acts), s))
    # Department cover, minute by minute.
    for d, dept in p.departments.items():
        marked: dict = {}
        for day in DAYS:
            if not CAL.is_working(day):
                continue
            t = datetime.combine(day, datetime.min.time()).replace(hour=8)
            while t < datetime.combine(day, datetime.min.time()).replace(hour=17, minute=30):
                present, drawing = 0, set()
                for s, person in p.staff.items():
                    if person.department != d or not person.active:
                        continue
                    reasons = {
                        u.reason for u in p.unavailability.values() if u.staff == s and u.start <= t < u.end
                    }
                    out_now = {a for a in occ if s in people[a] and occ[a][0] <= t < occ[a][1]}
                    drawing |= out_now
                    if reasons - {"duty"}:
                        continue
                    if "duty" in reasons or not out_now:
                        present += 1
                if drawing and present < dept.min_on_duty:
                    marked[t] = drawing
                t += timedelta(minutes=1)
        stretch = None
        for t in sorted(marked):
            if stretch and stretch[1] == t:
                stretch[1] = t + timedelta(minutes=1)
                stretch[2] |= marked[t]
            else:
                if stretch:
                    out.add(("department_cover", frozenset(stretch[2]), d, stretch[0], stretch[1]))
                stretch = [t, t + timedelta(minutes=1), set(marked[t])]
        if stretch:
            out.add(("department_cover", frozenset(stretch[2]), d, stretch[0], stretch[1]))
    return out


def fast(p: Plan) -> set:
    out: set = set()
    for c in check(CheckContext(p, CAL, datetime(2026, 11, 23))):
        occs = frozenset(a for a, _d in c.occurrences)
        if c.kind in ("staff_double_booked", "staff_unavailable", "hours_cap"):
            out.add((c.kind, occs, c.staff))
        elif c.kind == "understaffed":
            out.add((c.kind, occs, c.station))
        elif c.kind == "unqualified":
            out.add((c.kind, occs, c.staff, c.station))
        elif c.kind == "department_cover":
            out.add((c.kind, occs, c.department, c.start, c.end))
        elif c.kind in ("no_lead", "venue_double_booked", "holiday"):
            out.add((c.kind, occs))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_checker_agrees_with_oracle(p: Plan) -> None:
    assert fast(p) == oracle(p)
