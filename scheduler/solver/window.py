"""The problem built from a plan: a window of dates read once (`StaffingWindow`), with the
occurrences to staff, their open needs and candidates, what everyone already carries, and the
figures and reasons a proposal reports (docs/solver.md)."""

from __future__ import annotations

import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.candidates import PoolKey, StaffIndex
from scheduler.conflicts.cover import meets
from scheduler.conflicts.held import Booked, held_occurrences
from scheduler.conflicts.matching import matching
from scheduler.office.leads import OwnLeads, is_own_lead, led_by_own_branch, of_branch
from scheduler.plan.model import CLINICAL_HOURS, Assignment, Plan, Staff
from scheduler.solver.cover import Cover
from scheduler.solver.proposal import Bound, OccKey, Proposal, SolverSettings, Stage, Unfilled
from scheduler.solver.targets import (
    EVENING,
    Opening,
    Target,
    is_solvers,
    minutes_between,
    month_start,
    next_month,
    overlaps,
    pool_bound,
)


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
        m1 = datetime.combine(next_month(d_to), time.min) + timedelta(days=1)
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
            mins = minutes_between(b.occ.start, b.occ.end)
            for p in sorted(b.people):
                self.busy[p].append((b.occ.start, b.occ.end))
                if months[0] <= b.occ.start < months[1]:
                    self.month_minutes[(p, month_start(b.occ.start))] += mins
                if overlaps(b.occ.start, b.occ.end, w0, w1):
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
            minutes=minutes_between(b.occ.start, b.occ.end),
            month=month_start(b.occ.start),
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
                if overlaps(s, e, t.start, t.end):
                    found.update(people)
            day = t.start.date()
            while day <= t.end.date():
                for s, e, person in self._away_on.get(day, ()):
                    if overlaps(s, e, t.start, t.end):
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
            if any(overlaps(x.start, x.end, t.start, t.end) for x in new_at.get(c, ())):
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
            t = self.target_of(a)
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

    def target_of(self, a: Assignment) -> Target:
        return self.by_key[(a.activity, a.occurrence)]  # type: ignore[index]


def _strip(a: Assignment) -> Assignment:
    """The assignment as stored: the need index was the solver's bookkeeping only."""
    extra = {k: v for k, v in a.extra.items() if k != "need"}
    return Assignment(a.activity, a.staff, a.occurrence, a.station, a.role, extra)


def _matched_slots(edges: list[list[int]], n_right: int) -> set[int]:
    """The right-hand slots a maximum matching uses (the matching itself, not only its size)."""
    return {j for j, holder in enumerate(matching(edges, n_right)) if holder != -1}
