"""The candidate list: free or busy and why, needs met, hours, the effect on cover; suitable first."""

from __future__ import annotations

from datetime import date

from scheduler.calendar.recurrence import expand
from scheduler.conflicts.candidates import candidates
from scheduler.plan.model import Need, Station, Unavailability
from tests.scheduler.conflicts.test_conflicts import CAL, MON, act, at, base, put


def test_candidates_show_why_and_rank_suitable_first() -> None:
    p = base()  # ortho o1..o4 (min 2), acu a1, a2
    st = Station("s", "区", (Need(None, "acupuncture", 1),))
    a = act(p, "x", at(MON, 14), at(MON, 16), stations=(st,))
    other = act(p, "y", at(MON, 15), at(MON, 17))
    put(p, "y", "a1")  # busy at that time
    put(p, "y", "o1")
    put(p, "y", "o2")  # ortho now has exactly its minimum left
    u = Unavailability("o3", at(MON, 8), at(MON, 17, 30), "leave")
    p.unavailability[u.key] = u
    occ = expand(a)[0]
    got = {c.staff: c for c in candidates(p, CAL, a, occ, "s")}
    assert got["a1"].busy == (("y", at(MON, 15)),) and got["a1"].needs == (0,)
    assert got["a2"].busy == () and got["a2"].needs == (0,) and not got["a2"].problems(2)
    assert got["o3"].away == ("leave",)
    assert got["o4"].breaks_cover and got["o4"].cover_left == 1 and got["o4"].needs == ()
    order = [c.staff for c in candidates(p, CAL, a, occ, "s")]
    assert order[0] == "a2"  # free, qualified, nothing broken
    assert order.index("a1") > order.index("a2")
    assert other.id == "y" and date(2026, 11, 23) == MON
