"""The annual patrol plan: targets met, elderly partners earlier and more, allowed days only."""

from __future__ import annotations

from datetime import date, datetime

from scheduler.calendar.patrol import PatrolSettings, propose, to_activities
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.plan.model import Activity, Pairing, Partner

CAL = WorkCalendar(official_calendar())
PARTNERS = {
    "old": Partner("old", "老社区", population=9000, share_60_plus=0.35),
    "young": Partner("young", "新社区", population=9000, share_60_plus=0.10),
}
PAIRINGS = [Pairing("p1", "b1", "old", visits_per_year=12), Pairing("p2", "b2", "young", visits_per_year=12)]


def test_targets_elders_and_allowed_days() -> None:
    got = propose(PAIRINGS, PARTNERS, [], CAL, PatrolSettings(2026))
    old = [p for p in got if p.partner == "old"]
    young = [p for p in got if p.partner == "young"]
    assert len(young) == 12 and len(old) > 12  # more visits where more residents are elderly
    assert old[0].start < young[0].start  # and earlier
    for p in got:
        d = p.start.date()
        assert not CAL.is_working(d) and not CAL.is_holiday(d), d
    assert len({(p.branch, p.start.date()) for p in got}) == len(got)


def test_working_days_and_what_is_planned_already_counts() -> None:
    planned = [
        Activity(
            f"x{i}",
            "走访",
            datetime(2026, 3, 2 + i, 9),
            datetime(2026, 3, 2 + i, 11),
            kind="pairing_visit",
            partner="young",
            organizer="b2",
        )
        for i in range(5)
    ]
    got = propose(PAIRINGS[1:], PARTNERS, planned, CAL, PatrolSettings(2026, on_weekends=False))
    assert len(got) == 7
    assert all(CAL.is_working(p.start.date()) for p in got)
    assert all(p.start.date() not in {date(2026, 3, 2 + i) for i in range(5)} for p in got)
    acts = to_activities(got, PARTNERS, None, {"patrol-2026-0001"})
    assert acts[0].id == "patrol-2026-0002" and acts[0].organizer == "b2" and acts[0].kind == "pairing_visit"
