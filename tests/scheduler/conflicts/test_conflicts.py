"""The conflict checker: for every kind a case that must be found and a near miss that must not."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.progress import pairings_behind
from scheduler.plan.model import (
    Activity,
    Assignment,
    Department,
    Need,
    Pairing,
    Partner,
    Plan,
    Record,
    RotationEntry,
    ServiceRequest,
    Staff,
    Station,
    Unavailability,
)

CAL = WorkCalendar(official_calendar())
MON = date(2026, 11, 23)  # an ordinary Monday
SAT = date(2026, 11, 28)
MAKEUP_SAT = date(2026, 2, 14)  # a Saturday worked for the Spring Festival
NATIONAL_DAY = date(2026, 10, 1)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hh, minute=mm)


def base() -> Plan:
    p = Plan()
    p.departments["ortho"] = Department("ortho", "骨伤科", min_on_duty=2)
    p.departments["acu"] = Department("acu", "针灸科", min_on_duty=0)
    for i in range(1, 5):
        p.staff[f"o{i}"] = Staff(
            f"o{i}",
            f"骨{i}",
            "ortho",
            qualifications=("physician",),
            party_member=i == 1,
            branch="b" if i == 1 else None,
            max_hours_month=16,
        )
    p.staff["a1"] = Staff("a1", "针1", "acu", qualifications=("acupuncture",))
    p.staff["a2"] = Staff("a2", "针2", "acu", qualifications=("acupuncture", "physician"))
    return p


def act(p: Plan, aid: str, start: datetime, end: datetime, **kw) -> Activity:
    a = Activity(aid, aid, start, end, **kw)
    p.activities[aid] = a
    return a


def put(
    p: Plan, aid: str, staff: str, station: str | None = None, role: str = "member", day: date | None = None
) -> None:
    x = Assignment(aid, staff, day, station, role)
    p.assignments[x.key] = x


def of(p: Plan, kind: str, today: date = MON, **kw) -> list:
    ctx = CheckContext(p, CAL, datetime.combine(today, datetime.min.time()), **kw)
    return [c for c in check(ctx) if c.kind == kind]


# ---- staff double booked


def test_double_booking_found_once_and_back_to_back_is_not() -> None:
    p = base()
    act(p, "x", at(SAT, 9), at(SAT, 11))
    act(p, "y", at(SAT, 10), at(SAT, 12))
    act(p, "z", at(SAT, 12), at(SAT, 13))  # starts when y ends
    for a in "xyz":
        put(p, a, "o2")
    got = of(p, "staff_double_booked")
    assert [(c.occurrences, c.staff) for c in got] == [((("x", SAT), ("y", SAT)), "o2")]


# ---- staff unavailable


def test_leave_overlapping_is_found_and_leave_ending_at_start_is_not() -> None:
    p = base()
    act(p, "x", at(SAT, 9), at(SAT, 11))
    put(p, "x", "o2")
    put(p, "x", "o3")
    for u in (
        Unavailability("o2", at(SAT, 8), at(SAT, 9, 30), "leave"),  # overlaps
        Unavailability("o3", at(SAT, 0), at(SAT, 9), "rest"),
    ):  # ends just as it starts
        p.unavailability[u.key] = u
    got = of(p, "staff_unavailable")
    assert [(c.staff, c.info()["reasons"]) for c in got] == [("o2", ("leave",))]


# ---- department cover


def test_cover_on_a_working_day_but_not_in_the_evening_or_on_a_weekend() -> None:
    p = base()  # ortho: 4 people, minimum 2
    act(p, "day", at(MON, 14), at(MON, 16))
    act(p, "evening", at(MON, 17, 30), at(MON, 21))
    act(p, "weekend", at(SAT, 9), at(SAT, 12))
    for a in ("day", "evening", "weekend"):
        for s in ("o1", "o2", "o3"):
            put(p, a, s)
    got = of(p, "department_cover")
    assert [(c.department, c.occurrences, c.start, c.end, c.info()["present"]) for c in got] == [
        ("ortho", (("day", MON),), at(MON, 14), at(MON, 16), 1)
    ]


def test_cover_on_a_makeup_workday_but_not_on_a_holiday() -> None:
    p = base()
    act(p, "mk", at(MAKEUP_SAT, 9), at(MAKEUP_SAT, 11))
    act(p, "hol", at(NATIONAL_DAY, 9), at(NATIONAL_DAY, 11))
    for a in ("mk", "hol"):
        for s in ("o1", "o2", "o3"):
            put(p, a, s)
    assert [c.occurrences for c in of(p, "department_cover")] == [(("mk", MAKEUP_SAT),)]


def test_cover_counts_duty_as_present_and_leave_alone_is_not_reported() -> None:
    p = base()
    act(p, "x", at(MON, 9), at(MON, 10))
    put(p, "x", "o1")
    put(p, "x", "o2")  # 2 of 4 out: exactly the minimum
    assert of(p, "department_cover") == []
    u = Unavailability("o3", at(MON, 8), at(MON, 17, 30), "leave")
    p.unavailability[u.key] = u
    got = of(p, "department_cover")  # now 1 left: outreach involved
    assert len(got) == 1 and got[0].info()["present"] == 1
    duty = Unavailability("o2", at(MON, 8), at(MON, 17, 30), "duty")
    p.unavailability[duty.key] = duty  # o2 on clinical duty counts as in the hospital
    assert of(p, "department_cover") == []
    q = base()
    for s in ("o1", "o2", "o3"):
        u = Unavailability(s, at(MON, 8), at(MON, 17, 30), "leave")
        q.unavailability[u.key] = u
    assert of(q, "department_cover") == []  # leave alone: not the planner's conflict


def test_one_conflict_per_contiguous_stretch_listing_every_occurrence() -> None:
    p = base()
    act(p, "a", at(MON, 9), at(MON, 11))
    act(p, "b", at(MON, 10), at(MON, 12))
    act(p, "c", at(MON, 14), at(MON, 15))
    put(p, "a", "o1")
    put(p, "a", "o2")
    put(p, "b", "o3")
    put(p, "c", "o1")
    put(p, "c", "o2")
    put(p, "c", "o3")
    got = of(p, "department_cover")
    assert [(c.start, c.end, c.occurrences) for c in got] == [
        (at(MON, 10), at(MON, 11), (("a", MON), ("b", MON))),
        (at(MON, 14), at(MON, 15), (("c", MON),)),
    ]


# ---- understaffed and unqualified


def test_matching_counts_a_person_once() -> None:
    p = base()
    st = Station("s", "区", (Need(None, "physician", 1), Need(None, "acupuncture", 1)))
    act(p, "x", at(SAT, 9), at(SAT, 11), stations=(st,))
    put(p, "x", "a2", "s")  # meets both needs, but counts for one
    got = of(p, "understaffed")
    assert len(got) == 1 and got[0].info() == {"needed": 2, "met": 1}
    put(p, "x", "o2", "s")  # physician takes one, a2 the other
    assert of(p, "understaffed") == []
    assert of(p, "unqualified") == []


def test_unqualified_independent_of_understaffed_and_no_needs_means_neither() -> None:
    p = base()
    act(
        p,
        "x",
        at(SAT, 9),
        at(SAT, 11),
        stations=(Station("s", "区", (Need(None, "acupuncture", 1),)), Station("free", "茶", ())),
    )
    put(p, "x", "o2", "s")
    put(p, "x", "o3", "free")
    assert len(of(p, "understaffed")) == 1
    assert [(c.staff, c.station) for c in of(p, "unqualified")] == [("o2", "s")]


def test_rotation_narrows_who_meets_a_need() -> None:
    p = base()
    st = Station("s", "区", (Need(None, "physician", 1),))
    act(p, "x", at(SAT, 9), at(SAT, 11), stations=(st,), rotation=(RotationEntry("acu", None, "s"),))
    put(p, "x", "o2", "s")  # a physician, but not of the department on turn
    assert len(of(p, "understaffed")) == 1 and len(of(p, "unqualified")) == 1
    put(p, "x", "a2", "s")
    assert of(p, "understaffed") == []


# ---- no lead


def test_no_lead_needs_a_party_member_as_lead() -> None:
    p = base()
    act(p, "x", at(SAT, 9), at(SAT, 11))
    put(p, "x", "o2", role="lead")  # not a party member
    assert len(of(p, "no_lead")) == 1
    put(p, "x", "o1", role="lead")
    assert of(p, "no_lead") == []


# ---- venue


def test_venue_double_booked_and_back_to_back() -> None:
    p = base()
    act(p, "x", at(SAT, 9), at(SAT, 11), venue="友谊社区 活动室")
    act(p, "y", at(SAT, 10), at(SAT, 12), venue="友谊社区  活动室")
    act(p, "z", at(SAT, 12), at(SAT, 13), venue="友谊社区 活动室")
    assert [c.occurrences for c in of(p, "venue_double_booked")] == [(("x", SAT), ("y", SAT))]


# ---- hours cap


def test_hours_cap_per_calendar_month() -> None:
    p = base()  # cap 16 h
    for i in range(4):  # 4 x 4 h in November = 16: not over
        act(p, f"n{i}", at(date(2026, 11, 2 + 7 * i), 8), at(date(2026, 11, 2 + 7 * i), 12))
        put(p, f"n{i}", "o4")
    assert of(p, "hours_cap") == []
    act(p, "dec", at(date(2026, 12, 1), 8), at(date(2026, 12, 1), 12))  # another month
    put(p, "dec", "o4")
    assert of(p, "hours_cap") == []
    act(p, "more", at(date(2026, 11, 30), 18), at(date(2026, 11, 30), 19))
    put(p, "more", "o4")
    got = of(p, "hours_cap")
    assert len(got) == 1 and got[0].info() == {"hours": 17.0, "cap": 16.0} and len(got[0].occurrences) == 5
    # A window touching November looks at the whole month.
    assert len(of(p, "hours_cap", window_from=date(2026, 11, 30), window_to=date(2026, 11, 30))) == 1


# ---- holiday


def test_holiday_but_not_makeup_day() -> None:
    p = base()
    act(p, "h", at(date(2026, 10, 3), 9), at(date(2026, 10, 3), 11))  # Saturday inside National Day
    act(p, "m", at(MAKEUP_SAT, 9), at(MAKEUP_SAT, 11))
    assert [c.occurrences for c in of(p, "holiday")] == [(("h", date(2026, 10, 3)),)]


# ---- pairing behind plan


def test_pairing_behind_plan_pro_rata() -> None:
    """Behind only when at least one whole visit short (docs/check.md): held + 1 <= expected."""
    p = base()
    p.partners["pt"] = Partner("pt", "友谊社区")
    p.pairings["pr"] = Pairing("pr", "b", "pt", None, None, 12)
    # 1 July: 181 whole days of 365 elapsed -> 5.95 expected; 5 held is less than a visit short.
    for m in range(1, 7):
        act(p, f"v{m}", at(date(2026, m, 10), 9), at(date(2026, m, 10), 11), organizer="b", partner="pt")
    p.records[("v6", date(2026, 6, 10))] = Record("v6", date(2026, 6, 10), "cancelled", "雨")
    assert of(p, "pairing_behind_plan", today=date(2026, 7, 1)) == []
    p.records[("v5", date(2026, 5, 10))] = Record("v5", date(2026, 5, 10), "cancelled", "雨")
    got = of(p, "pairing_behind_plan", today=date(2026, 7, 1))  # 4 held: 5 <= 5.95
    assert len(got) == 1 and got[0].pairing == "pr" and got[0].partner == "pt" and got[0].occurrences == ()
    assert got[0].info() == {"held": 4, "expected": 5.95, "target": 12}
    # A pairing that started on 1 June is judged from then: 30 days -> 0.99 expected, never behind.
    p.pairings["pr"] = Pairing("pr", "b", "pt", date(2026, 6, 1), None, 12)
    assert of(p, "pairing_behind_plan", today=date(2026, 7, 1)) == []


def test_pairing_behind_plan_whole_visits_and_days() -> None:
    """The cases the office tripped over: "13 held, 13 expected" is not behind; a pairing begun
    five days ago is not behind; the judgement day itself does not count; the time of day never
    changes the answer."""
    p = base()
    p.partners["pt"] = Partner("pt", "友谊社区")
    p.pairings["pr"] = Pairing("pr", "b", "pt", None, None, 40)
    act(
        p,
        "w",
        at(date(2026, 1, 5), 9),
        at(date(2026, 1, 5), 11),
        organizer="b",
        partner="pt",
        rrule="FREQ=WEEKLY;COUNT=13",
    )
    # 23 April 2026: 112 whole days elapsed -> 12.27 expected; 13 held (the last on 30 March).
    judged = date(2026, 4, 23)
    got = of(p, "pairing_behind_plan", today=judged)
    assert got == []  # 13 held against 12.27
    # 40 a year, 14 May: 133 days -> 14.58 expected; 13 held: 14 <= 14.58, behind by a whole visit.
    got = of(p, "pairing_behind_plan", today=date(2026, 5, 14))
    assert [c.info()["held"] for c in got] == [13]
    # One more held on the judgement day itself is not counted; the next day it is.
    act(p, "x", at(date(2026, 5, 14), 9), at(date(2026, 5, 14), 11), organizer="b", partner="pt")
    assert len(of(p, "pairing_behind_plan", today=date(2026, 5, 14))) == 1
    assert of(p, "pairing_behind_plan", today=date(2026, 5, 15)) == []
    # A pairing begun five days ago with nothing held: 0.55 expected, not behind.
    p.pairings["pr"] = Pairing("pr", "b", "pt", date(2026, 5, 9), None, 40)
    assert of(p, "pairing_behind_plan", today=date(2026, 5, 14)) == []
    # Any time of day gives the date's answer.
    p.pairings["pr"] = Pairing("pr", "b", "pt", None, None, 40)
    by_date = pairings_behind(p, CAL, date(2026, 5, 14))
    assert len(by_date) == 1
    for hh, mm in ((0, 0), (12, 0), (23, 59)):
        assert pairings_behind(p, CAL, at(date(2026, 5, 14), hh, mm)) == by_date


# ---- request overdue


def test_request_overdue_at_the_judgement_day() -> None:
    p = base()
    p.requests["r"] = ServiceRequest("r", "pt", "svc", datetime(2026, 11, 20, 9, 30), "normal")
    p.requests["u"] = ServiceRequest("u", "pt", "svc", datetime(2026, 11, 22, 9, 30), "urgent")
    p.requests["done"] = ServiceRequest(
        "done", "pt", "svc", datetime(2026, 1, 1), "urgent", status="scheduled"
    )
    assert [c.request for c in of(p, "request_overdue", today=date(2026, 11, 23))] == []
    assert [c.request for c in of(p, "request_overdue", today=date(2026, 11, 24))] == ["u"]
    assert sorted(c.request for c in of(p, "request_overdue", today=date(2026, 12, 5))) == ["r", "u"]


# ---- windows and cancellations


def test_window_limits_occurrences_and_cancelled_ones_are_not_checked() -> None:
    p = base()
    act(p, "x", at(SAT, 9), at(SAT, 11), rrule="FREQ=WEEKLY;COUNT=3")
    act(p, "y", at(SAT, 9), at(SAT, 11), rrule="FREQ=WEEKLY;COUNT=3")
    put(p, "x", "o2")
    put(p, "y", "o2")
    assert len(of(p, "staff_double_booked")) == 3
    assert (
        len(
            of(
                p,
                "staff_double_booked",
                window_from=SAT + timedelta(days=7),
                window_to=SAT + timedelta(days=7),
            )
        )
        == 1
    )
    p.records[("y", SAT)] = Record("y", SAT, "cancelled", "雨")
    assert len(of(p, "staff_double_booked")) == 2
