"""Department cover as the solver reads it: per department, who is in the hospital in each
stretch of clinical time, given leave and the outreach already assigned (docs/solver.md)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from scheduler.conflicts.held import Booked
from scheduler.plan.model import Plan


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
