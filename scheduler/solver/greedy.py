"""The greedy stage: need by need, the best free candidate at that moment. On its own the
baseline to compare with; its plain and fair answers are also where the CP-SAT search starts
(docs/solver.md)."""

from __future__ import annotations

import time as _time
from collections import defaultdict
from datetime import date, datetime

from scheduler.plan.model import Assignment
from scheduler.solver.proposal import Progress, Proposal
from scheduler.solver.targets import Opening, made_assignment, overlaps
from scheduler.solver.window import StaffingWindow


def greedy(problem: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Need by need in time order, the best candidate free at that moment; then a lead."""
    began = _time.perf_counter()
    added, status = greedy_assignments(problem, progress)
    return problem.result(added, _time.perf_counter() - began, status)


def greedy_assignments(
    p: StaffingWindow, progress: Progress | None, fair: bool = False
) -> tuple[list[Assignment], str]:
    """The greedy answer. Plain: occurrence by occurrence in time order, the organizing
    branch's people first. `fair`: the scarcest needs of the whole window first, each taking
    the least loaded person, then places handed from the busiest to the less busy while that
    evens the loads out (CP-SAT's start, close to the fairest answer). Re-planning, both take
    whom the solver had there before first."""
    g = _Greedy(p, fair)
    total = len(p.targets)
    if fair:
        order = sorted(
            range(len(p.openings)),
            key=lambda n: (len(p.openings[n].candidates), p.targets[p.openings[n].target].start, n),
        )
        for n in order:
            g.fill(p.openings[n])
        for i, t in enumerate(p.targets):
            if progress is not None and not progress(i, total):
                return g.added, "cancelled"
            if not t.has_lead:
                g.add_lead(i)
        g.level()
    else:
        by_target: dict[int, list[Opening]] = defaultdict(list)
        for o in p.openings:
            by_target[o.target].append(o)
        for i, t in enumerate(p.targets):
            if progress is not None and not progress(i, total):
                return g.added, "cancelled"
            for o in sorted(by_target.get(i, []), key=lambda o: len(o.candidates)):
                g.fill(o)
            if not t.has_lead:
                g.add_lead(i)
    if progress is not None:
        progress(total, total)
    return g.added, "greedy"


class _Greedy:
    """The greedy baseline as it goes: what it added, who it placed where, their extra minutes
    per month and load, and each department's new draws on clinical time."""

    def __init__(self, window: StaffingWindow, fair: bool) -> None:
        self.p = window
        self.fair = fair
        self.added: list[Assignment] = []
        self.carries: dict[str, list[int]] = defaultdict(list)  # person -> records taking time
        self._opening: dict[tuple[int, str, int], Opening] = {}
        self.placed: dict[str, list[int]] = defaultdict(list)  # person -> targets taken
        self.here: dict[int, set[str]] = defaultdict(set)  # target -> people placed there
        self.mine: dict[int, list[int]] = defaultdict(list)  # target -> indexes into added
        self.extra_minutes: dict[tuple[str, date], int] = defaultdict(int)
        self.draws: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)  # dept -> new draws
        self.load: dict[str, int] = defaultdict(int)

    def can_take(self, person: str, i: int) -> bool:
        p = self.p
        t = p.targets[i]
        s = p.staff[person]
        if any(overlaps(p.targets[j].start, p.targets[j].end, t.start, t.end) for j in self.placed[person]):
            return False
        if not p.cap_allows(s, t, self.extra_minutes[(person, t.month)]):
            return False
        return not p.cover_blocks(s.department, t, self.draws[s.department])

    def take(self, person: str, i: int, a: Assignment) -> None:
        self.mine[i].append(len(self.added))
        self._book(person, i, len(self.added), 1)
        self.added.append(a)

    def _book(self, person: str, i: int, k: int, sign: int) -> None:
        """Count (sign 1) or uncount (-1) record k, person at target i, in what people carry."""
        t = self.p.targets[i]
        s = self.p.staff[person]
        if sign > 0:
            self.placed[person].append(i)
            self.here[i].add(person)
            self.carries[person].append(k)
        else:
            self.placed[person].remove(i)
            self.here[i].discard(person)
            self.carries[person].remove(k)
        self.extra_minutes[(person, t.month)] += sign * t.minutes
        if t.clinical and self.p.cover.watched(s.department):
            if sign > 0:
                self.draws[s.department].extend(t.clinical)
            else:
                for iv in t.clinical:
                    self.draws[s.department].remove(iv)
        self.load[person] += sign * t.minutes

    def level(self, limit: int = 0) -> None:
        """Even the loads out: the busiest person first, hand one of their places (a lead's
        excepted) to the least loaded person who can take it and would still carry less than
        they did; again until nobody can hand anything on (each move makes the sorted loads
        smaller, so this ends). Re-planning, a place the solver had before stays."""
        p = self.p
        wm = p.window_minutes
        opening = {(o.target, o.station, o.need): o for o in p.openings}
        self._opening = opening
        stuck: set[tuple[str, int]] = set()  # (person, load) that found nobody
        moves = limit or 20 * (len(self.added) + 1)
        while moves > 0:
            busiest = sorted(
                (c for c, ks in self.carries.items() if ks and (c, self.load[c]) not in stuck),
                key=lambda c: (-(wm.get(c, 0) + self.load[c]), c),
            )
            if not busiest:
                return
            a = busiest[0]
            if not self._hand_on(a, opening):
                stuck.add((a, self.load[a]))
            moves -= 1

    def _movable(self, k: int) -> tuple[int, list[str]] | None:
        """Record k's target and who else could hold it (a lead: party members only); None when
        it stays (re-planning, a place the solver had before)."""
        p = self.p
        rec = self.added[k]
        i = p.index_of[(rec.activity, rec.occurrence)]  # type: ignore[index]
        if rec.staff in p.old_at(i, rec.station):
            return None
        t = p.targets[i]
        if rec.station is None:
            pool = p.lead_candidates(t)
        else:
            pool = self._opening[(i, rec.station, rec.extra["need"])].candidates
        if rec.role == "lead":
            # A lead of the branch itself is handed on to another of the branch only.
            own = p.own_lead(rec.staff, t)
            pool = [c for c in pool if p.staff[c].party_member and (p.own_lead(c, t) or not own)]
        return i, pool

    def _move(self, k: int, b: str) -> bool:
        """Give record k to b if b can take it now; False (nothing changed) if not."""
        rec = self.added[k]
        i = self.p.index_of[(rec.activity, rec.occurrence)]  # type: ignore[index]
        self._book(rec.staff, i, k, -1)
        if self.can_take(b, i):
            self._book(b, i, k, 1)
            self.added[k] = Assignment(rec.activity, b, rec.occurrence, rec.station, rec.role, rec.extra)
            return True
        self._book(rec.staff, i, k, 1)
        return False

    def _hand_on(self, a: str, opening: dict[tuple[int, str, int], Opening]) -> bool:
        """Hand one of a's places to someone who then carries less than a did: directly, or
        through a second person who hands one of theirs on to a third. False when nobody can."""
        p = self.p
        self._opening = opening
        wm, load = p.window_minutes, self.load
        carried = wm.get(a, 0) + load[a]
        mine = sorted(self.carries[a], key=lambda k: (-p.target_of(self.added[k]).minutes, k))
        for k in mine:
            found = self._movable(k)
            if found is None:
                continue
            i, pool = found
            m = p.targets[i].minutes
            takers = sorted(
                (c for c in pool if c not in self.here[i] and c != a),
                key=lambda c: (wm.get(c, 0) + load[c], c),
            )
            for b in takers:
                if wm.get(b, 0) + load[b] + m >= carried:
                    break
                if self._move(k, b):
                    return True
        for k in mine:
            found = self._movable(k)
            if found is None:
                continue
            i, pool = found
            m = p.targets[i].minutes
            # b takes a's place if b hands one of b's own on to c.
            for b in sorted(
                (c for c in pool if c not in self.here[i] and c != a),
                key=lambda c: (wm.get(c, 0) + load[c], c),
            ):
                y = wm.get(b, 0) + load[b]
                if y >= carried:
                    break
                for q in sorted(self.carries[b], key=lambda q: (p.target_of(self.added[q]).minutes, q)):
                    other = self._movable(q)
                    if other is None:
                        continue
                    j, pool_q = other
                    mq = p.targets[j].minutes
                    if y - mq + m >= carried:
                        continue
                    for c in sorted(
                        (c for c in pool_q if c not in self.here[j] and c not in (a, b)),
                        key=lambda c: (wm.get(c, 0) + load[c], c),
                    ):
                        if wm.get(c, 0) + load[c] + mq >= carried:
                            break
                        if self._move(q, c):
                            if self._move(k, b):
                                return True
                            self._move(q, b)  # back as it was
                            break
        return False

    def fill(self, o: Opening) -> None:
        """Fill the opening with the best free candidates, one by one: whom the solver had there
        before, then (plain) the organizing branch's and the least loaded or (fair) the least
        loaded; the candidates' own order (the stable shuffle) among equals."""
        i = o.target
        old = self.p.old_at(i, o.station)
        wm, load, own, staff = self.p.window_minutes, self.load, o.own, self.p.staff
        # Without a lead yet, a party member placed can be named lead: nobody more comes.
        lead = not self.p.targets[i].has_lead and not any(self.added[k].role == "lead" for k in self.mine[i])

        t = self.p.targets[i]

        def key(c: str) -> tuple:
            light = wm.get(c, 0) + load[c]
            party = lead and not staff[c].party_member
            foreign = lead and not self.p.own_lead(c, t)  # not one who could lead as the branch
            if self.fair:
                return (c not in old, light, foreign, party)
            return (c not in old, foreign, c not in own, party, light)

        for _ in range(o.room):
            best = None
            for c in sorted((c for c in o.candidates if c not in self.here[i]), key=key):
                if self.can_take(c, i):
                    best = c
                    break
            if best is None:
                return
            self.take(best, i, made_assignment(self.p.targets[i], best, o.station, "member", o.need))

    def add_lead(self, i: int) -> None:
        """Name a lead: the one the solver had before when they can still be; else a party member
        of the organizing branch itself, just placed, already there, or brought (in that order);
        else any party member just placed or already there; else bring one."""
        p, t = self.p, self.p.targets[i]
        before = p.old_leads.get(i, set())
        mine = [k for k in self.mine[i] if p.staff[self.added[k].staff].party_member]
        mine.sort(key=lambda k: (self.added[k].staff not in before, not p.own_lead(self.added[k].staff, t)))
        promote = sorted(p.promotable(t), key=lambda x: (x not in before, not p.own_lead(x, t)))
        ranked = p.lead_candidates(t)
        if self.fair:
            wm, load = p.window_minutes, self.load
            ranked = sorted(ranked, key=lambda c: (not p.own_lead(c, t), wm.get(c, 0) + load[c]))
        # To bring: whom the solver had as the lead before, else the branch's own, best first.
        free = [c for c in ranked if c not in self.here[i] and (c in before or p.own_lead(c, t))]
        free.sort(key=lambda c: c not in before)
        bring = next((c for c in free if self.can_take(c, i)), None)
        # (not the one before, not of the branch itself, preference, how)
        choices: list[tuple[bool, bool, int, str]] = []
        if mine:
            x = self.added[mine[0]].staff
            choices.append((x not in before, not p.own_lead(x, t), 0, "mine"))
        if promote:
            choices.append((promote[0] not in before, not p.own_lead(promote[0], t), 1, "promote"))
        if bring is not None:
            choices.append((bring not in before, not p.own_lead(bring, t), 2, "bring"))
        if choices:
            how = min(choices)[3]
            if how == "mine":
                a = self.added[mine[0]]
                self.added[mine[0]] = Assignment(
                    a.activity, a.staff, a.occurrence, a.station, "lead", a.extra
                )
            elif how == "promote":
                self.added.append(made_assignment(t, promote[0], None, "lead", None))
            else:
                self.take(bring, i, made_assignment(t, bring, None, "lead", None))  # type: ignore[arg-type]
            return
        for c in ranked:
            if c not in self.here[i] and self.can_take(c, i):
                self.take(c, i, made_assignment(t, c, None, "lead", None))
                return
