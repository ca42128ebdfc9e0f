"""The CP-SAT formulation of automatic assignment (scheduler.solver.assign.solve), in named steps: the
start (the better of the plain and the fair greedy answers), the choices (variables), the hard
rules (constraints),
the terms of each stage of the lexicographic objective, the staged search, and reading the
answer back.

The search runs stage by stage on one model (scheduler.solver.assign's docstring gives the order). Each
stage starts from the answer so far (a complete, feasible hint), searches within its share of the
budget, and then fixes the value it reached as a constraint, so no later stage can trade it
away. The answer so far is kept as one value per variable; a stage that finds nothing better
leaves it as it is. The budget is CP-SAT's deterministic time (a count of work, not the clock)
and the search runs in one thread (or, with more workers, CP-SAT's deterministic interleaved
search), so the same plan and settings give the same answer on every run: measured by
bench/bench_assign.py, which repeats the solve in a fresh process with another hash seed.

OR-Tools is imported here only, and this module only when the solver runs."""

from __future__ import annotations

import threading
import time as _time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from math import gcd
from typing import Any

from ortools.sat.python import cp_model

from scheduler.plan.model import Assignment
from scheduler.solver.assign import (
    Progress,
    Proposal,
    StaffingWindow,
    Stage,
    greedy_assignments,
    made_assignment,
)

PlaceKey = tuple[str, date | None, str | None, Any, str]  # activity, occurrence, station, need, person
AtKey = tuple[str, date | None, str]  # activity, occurrence, person

# Shares of the budget per stage; what a stage leaves over goes to the ones after it.
SHARES = {
    "fill": 2.0,
    "lead": 1.0,
    "changes": 2.0,
    "max_hours": 3.0,
    "own_branch": 6.0,
    "at_max": 2.0,
    "spread": 1.5,
    "preferences": 1.5,
}
SPREAD_LEVELS = 2  # levels below the maximum made lexicographically smallest, at most
BUILD_STEPS = 1000  # progress units of the search (after one per opening and target to build)
_MAX_WEIGHT = 1 << 60  # preferences are weighed in one stage while their weights fit


def add(model: cp_model.CpModel, constraint: Any) -> None:
    """Add a constraint, unless it is a plain truth (an expression without variables, which
    CP-SAT would turn into a constant variable and so shift the answer's indexes)."""
    if isinstance(constraint, bool):
        if not constraint:
            raise ValueError("a constraint without variables that does not hold")
        return
    model.add(constraint)


def _granularity(minutes: list[int]) -> int:
    """The step between loads that can differ: the greatest common divisor of the minutes."""
    g = 0
    for m in minutes:
        g = gcd(g, m)
    return max(g, 1)


def solve(window: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Every open need of the window at once; see scheduler.solver.assign for the rules."""
    began = _time.perf_counter()
    if not window.openings and all(t.has_lead for t in window.targets) and not window.movable:
        return window.result([], _time.perf_counter() - began, "nothing to do")
    model = Formulation(window, Start.best(window))
    built = len(window.openings) + len(window.targets)
    if not model.add_places(progress, built + BUILD_STEPS):
        return window.result([], _time.perf_counter() - began, "cancelled")
    model.add_leads()
    model.add_kept()
    model.add_one_place_at_a_time()
    model.add_department_cover()
    model.add_hours_caps()
    stages = Stages(model, progress, built)
    stages.run()
    made = model.extract()
    if progress is not None and not stages.cancelled:
        progress(built + BUILD_STEPS, built + BUILD_STEPS)
    if stages.cancelled:
        status = "cancelled"
    elif all(s.status == "optimal" for s in stages.done):
        status = "optimal"
    else:
        status = "stopped"
    return window.result(made, _time.perf_counter() - began, status, stages.done)


# --------------------------------------------------------------------------------------------
# Data


@dataclass(slots=True)
class Start:
    """The answer the search starts from: the better of the plain and the fair greedy answers
    by the stages' order (fill, leads, changes, busiest person, own-branch leads, people at that
    load)."""

    made: list[Assignment]
    places: set[PlaceKey] = field(default_factory=set)  # new places filled
    at_station: set[AtKey] = field(default_factory=set)  # people placed at a station
    leads: set[AtKey] = field(default_factory=set)  # people named lead
    activity_level: set[AtKey] = field(default_factory=set)  # records for the activity as a whole

    def __post_init__(self) -> None:
        for a in self.made:
            self.places.add((a.activity, a.occurrence, a.station, a.extra.get("need"), a.staff))
            if a.station is not None:
                self.at_station.add((a.activity, a.occurrence, a.staff))
            else:
                self.activity_level.add((a.activity, a.occurrence, a.staff))
            if a.role == "lead":
                self.leads.add((a.activity, a.occurrence, a.staff))

    @classmethod
    def best(cls, window: StaffingWindow) -> Start:
        found = [greedy_assignments(window, None, fair)[0] for fair in (False, True)]
        return cls(max(found, key=lambda made: _standing(window, made)))


def _standing(window: StaffingWindow, made: list[Assignment]) -> tuple:
    """An answer's figures in the stages' order, larger is better."""
    filled = sum(window.filled_per_opening(made).values())
    led = {(a.activity, a.occurrence) for a in made if a.role == "lead"}
    r = window.result(made, 0.0, "") if window.replan else None
    changes = len(r.assignments) + len(r.removed) if r is not None else 0
    hours = window.hours_after(made)
    top = max(hours.values(), default=0.0)
    return (
        filled,
        len(led),
        -changes,
        -round(top * 60),
        window.own_leads(made).count,
        -sum(1 for h in hours.values() if abs(h - top) < 1e-6),
    )


@dataclass(slots=True)
class Linear:
    """A linear expression kept as its terms, so that it can be evaluated on the answer so far
    as well as given to CP-SAT."""

    terms: list[tuple[Any, int]] = field(default_factory=list)
    constant: int = 0

    def add(self, var: Any, coef: int = 1) -> None:
        self.terms.append((var, coef))

    def extend(self, other: Linear, factor: int = 1) -> None:
        self.terms.extend((v, c * factor) for v, c in other.terms)
        self.constant += other.constant * factor

    def expr(self) -> Any:
        if not self.terms:
            return self.constant
        return (
            cp_model.LinearExpr.weighted_sum([v for v, _c in self.terms], [c for _v, c in self.terms])
            + self.constant
        )

    def value(self, values: list[int]) -> int:
        return self.constant + sum(c * values[v.index] for v, c in self.terms)

    def span(self, bounds: list[tuple[int, int]]) -> tuple[int, int]:
        """The least and most it can be, given each variable's bounds."""
        lo = hi = self.constant
        for v, c in self.terms:
            a, b = c * bounds[v.index][0], c * bounds[v.index][1]
            lo += min(a, b)
            hi += max(a, b)
        return lo, hi


# --------------------------------------------------------------------------------------------
# The model


class Formulation:
    """The model of one window: variables, hard rules and the stages' terms, built step by step,
    with the answer so far as one value per variable."""

    def __init__(self, window: StaffingWindow, start: Start) -> None:
        self.w = window
        self.start = start
        self.cfg = window.settings
        self.m = cp_model.CpModel()
        self.values: list[int] = []  # the answer so far, one value per variable
        self.bounds: list[tuple[int, int]] = []  # each variable's bounds
        # x[(opening, person)]: the person fills one unit of that need.
        self.x: dict[tuple[int, str], Any] = {}
        # (person, target) -> every variable that puts the person there.
        self.at: dict[tuple[str, int], list[Any]] = defaultdict(list)
        # target -> (person, variable, how): how is "promote", "member" or "only".
        self.lead_vars: dict[int, list[tuple[str, Any, str]]] = defaultdict(list)
        self.lead_only: dict[tuple[str, int], Any] = {}
        self.targets_of: dict[str, list[int]] = defaultdict(list)
        self.over_terms: list[Any] = []  # minutes over a cap, when caps are soft
        # Re-planning: a record for the activity as a whole kept where no lead is wanted, and
        # the terms counting changed records.
        self.keep: dict[tuple[str, int], Any] = {}
        self.changes = Linear()

    def var(self, lo: int, hi: int, name: str, value: int) -> Any:
        """A new variable with its value in the answer so far."""
        if (lo, hi) == (0, 1):
            v = self.m.new_bool_var(name)
        else:
            # A one-value domain would be a shared constant, not a variable of its own.
            v = self.m.new_int_var(lo, max(hi, lo + 1), name)
            if hi <= lo:
                add(self.m, v == lo)
        assert v.index == len(self.values)
        self.values.append(int(value))
        self.bounds.append((lo, hi))
        return v

    # -- variables

    def add_places(self, progress: Progress | None, total: int) -> bool:
        """A variable per open need and candidate (the best few, and whoever the start or, when
        re-planning, the solver before had there), at most `room` taken. False when cancelled."""
        w, m, k_max = self.w, self.m, self.cfg.candidates_per_need
        for n, o in enumerate(w.openings):
            if progress is not None and n % 50 == 0 and not progress(n, total):
                return False
            t = w.targets[o.target]
            keep = o.candidates[: max(k_max, o.room * 4)]
            old = w.old_at(o.target, o.station)
            # Beyond the best few: whom the start or the solver before had there, and, where a
            # lead is wanted, the organizing branch's own party members (one may lead from here).
            lead = not t.has_lead
            keep += [
                c
                for c in o.candidates[len(keep) :]
                if (*t.key, o.station, o.need, c) in self.start.places
                or c in old
                or (lead and w.own_lead(c, t))
            ]
            for c in keep:
                v = self.var(0, 1, f"x{n}_{c}", (*t.key, o.station, o.need, c) in self.start.places)
                self.x[(n, c)] = v
                self.at[(c, o.target)].append(v)
            add(m, sum(self.x[(n, c)] for c in keep) <= o.room)
        return True

    def add_leads(self) -> None:
        """For an occurrence without a lead: promote someone present, name a new station member,
        or bring a lead; at most one of these. Each starts as the start answer has it."""
        w, m, k_max = self.w, self.m, self.cfg.candidates_per_need
        at_station: dict[int, set[str]] = defaultdict(set)
        for c, j in self.at:
            at_station[j].add(c)
        for i, t in enumerate(w.targets):
            if t.has_lead:
                continue
            options = self.lead_vars[i]
            key = t.key
            for person in w.promotable(t):
                lead = (*key, person) in self.start.leads and (*key, person) in self.start.activity_level
                options.append((person, self.var(0, 1, f"lp{i}_{person}", lead), "promote"))
            for person in sorted(at_station[i]):
                if w.staff[person].party_member:
                    lead = (*key, person) in self.start.leads and (*key, person) in self.start.at_station
                    v = self.var(0, 1, f"lm{i}_{person}", lead)
                    add(m, v <= sum(self.at[(person, i)]))
                    options.append((person, v, "member"))
            # Every party member of the organizing branch itself (a branch has a few dozen at
            # most), the best few others (a spread by the stable shuffle, for fairness), and
            # whoever the start or the solver before brought.
            ranked = w.lead_candidates(t)
            few = max(5, k_max // 8)
            own = [p for p in ranked if w.own_lead(p, t)]
            others = [p for p in ranked if not w.own_lead(p, t)][: 2 * few]
            wanted = {*own, *others}
            wanted |= {
                p for p in ranked if (*key, p) in self.start.activity_level or p in w.old_leads.get(i, ())
            }
            for person in (p for p in ranked if p in wanted):
                lead = (
                    (*key, person) in self.start.activity_level
                    and (*key, person) not in self.start.at_station
                    and person not in t.present
                )
                v = self.var(0, 1, f"lo{i}_{person}", lead)
                self.lead_only[(person, i)] = v
                self.at[(person, i)].append(v)
                options.append((person, v, "only"))
            if options:
                m.add_at_most_one(v for _p, v, _k in options)

    def add_kept(self) -> None:
        """Re-planning: the terms counting changed records (removed, added, or changed in role):
        changes = records made − old places taken again − old records kept as they were + old
        records. An old record for the activity as a whole where no lead is wanted gets its own
        variable (it still takes the person's time)."""
        w, m = self.w, self.m
        if not w.replan:
            return
        made = self.changes
        for v in self.x.values():
            made.add(v)
        for options in self.lead_vars.values():
            for _p, v, kind in options:
                if kind != "member":
                    made.add(v)
        by_place: dict[tuple[int, str, str], list[Any]] = defaultdict(list)
        for (n, c), v in self.x.items():
            o = w.openings[n]
            by_place[(o.target, o.station, c)].append(v)
        member_lead = {(p, i): v for i, opts in self.lead_vars.items() for p, v, k in opts if k == "member"}
        for a in w.movable:
            i = w.index_of[(a.activity, a.occurrence)]  # type: ignore[index]
            t = w.targets[i]
            made.constant += 1
            if a.station is not None:
                place = by_place.get((i, a.station, a.staff), [])
                if not place:
                    continue
                same = self.var(0, 1, f"same{i}_{a.station}_{a.staff}", 0)
                add(m, same <= sum(place))
                lm = member_lead.get((a.staff, i))
                if a.role == "lead" and self.lead_vars.get(i):
                    if lm is None:
                        add(m, same == 0)
                    else:
                        add(m, same <= lm)
                elif a.role != "lead" and lm is not None:
                    add(m, same <= 1 - lm)
                placed = any(self.values[v.index] for v in place)
                if self.lead_vars.get(i):
                    role = "lead" if lm is not None and self.values[lm.index] else "member"
                else:
                    role = a.role  # no lead wanted here: a kept place keeps its role
                self.values[same.index] = int(placed and role == a.role)
                for v in place:
                    made.add(v, -1)
                made.add(same, -1)
                continue
            lead_options = [v for p, v, k in self.lead_vars.get(i, []) if p == a.staff and k != "member"]
            if a.role == "lead" and self.lead_vars.get(i):
                for v in lead_options:
                    made.add(v, -2)  # the same record: its place taken and kept as it was
                continue
            if a.staff not in t.present and not w.free(a.staff, t):
                continue
            if a.staff not in t.present and not (
                w.cover_allows(w.staff[a.staff], t) and w.cap_allows(w.staff[a.staff], t)
            ):
                continue
            k = self.var(0, 1, f"keep{i}_{a.staff}", (*t.key, a.staff) in self.start.activity_level)
            self.keep[(a.staff, i)] = k
            if a.staff not in t.present:
                self.at[(a.staff, i)].append(k)
            made.add(k, -1)

    # -- constraints

    def add_one_place_at_a_time(self) -> None:
        """A person at one place per occurrence, and at one occurrence at a time."""
        w, m = self.w, self.m
        for (person, i), vs in self.at.items():
            if len(vs) > 1:
                m.add_at_most_one(vs)
            self.targets_of[person].append(i)
        for person, idx in self.targets_of.items():
            if len(idx) < 2:
                continue
            idx.sort(key=lambda i: w.targets[i].start)
            for i in idx:
                t = w.targets[i]
                clique = [j for j in idx if w.targets[j].start <= t.start < w.targets[j].end]
                if len(clique) > 1:
                    m.add_at_most_one(v for j in clique for v in self.at[(person, j)])

    def add_department_cover(self) -> None:
        """In every stretch of clinical time, a department's new people out stay within the room
        its minimum leaves."""
        w = self.w
        by_dept: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for person, i in self.at:
            s = w.staff[person]
            if w.targets[i].clinical and w.cover.watched(s.department):
                by_dept[s.department].append((person, i))
        for dept, pairs in by_dept.items():
            cuts = sorted({x for _q, i in pairs for a, b in w.targets[i].clinical for x in (a, b)})
            spans = sorted({iv for _q, i in pairs for iv in w.targets[i].clinical})
            seen: set[tuple[datetime, datetime]] = set()
            for i0, i1 in spans:
                for a, b in w.cover.pieces(dept, i0, i1, cuts):
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    drawing = [
                        (q, i)
                        for q, i in pairs
                        if any(c0 <= a and b <= c1 for c0, c1 in w.targets[i].clinical)
                    ]
                    room = w.cover.room(dept, a, b)
                    if len(drawing) > room:
                        add(self.m, sum(v for q, i in drawing for v in self.at[(q, i)]) <= max(room, 0))

    def add_hours_caps(self) -> None:
        """Hours per person and month within the cap: a hard rule, or minutes over it counted."""
        w, m = self.w, self.m
        minutes_of: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
        for person, i in self.at:
            minutes_of[(person, w.targets[i].month)].append((i, w.targets[i].minutes))
        for (person, month), items in minutes_of.items():
            cap = w.staff[person].max_hours_month
            if cap is None:
                continue
            room = int(cap * 60) - w.month_minutes.get((person, month), 0)
            if sum(mins for _i, mins in items) <= room:
                continue
            expr = Linear()
            for i, mins in items:
                for v in self.at[(person, i)]:
                    expr.add(v, mins)
            if self.cfg.cap_is_hard:
                add(m, expr.expr() <= room)
            else:
                now = max(0, expr.value(self.values) - room)
                over = self.var(0, sum(mins for _i, mins in items), f"over_{person}_{month}", now)
                add(m, over >= expr.expr() - room)
                self.over_terms.append(over)

    # -- the stages' terms

    def fill(self) -> Linear:
        out = Linear()
        for v in self.x.values():
            out.add(v)
        return out

    def fill_most(self) -> int:
        """No answer fills more than this (each need's room, or its candidates in the model)."""
        per: dict[int, int] = defaultdict(int)
        for n, _c in self.x:
            per[n] += 1
        return sum(min(o.room, per.get(n, 0)) for n, o in enumerate(self.w.openings))

    def leads(self) -> Linear:
        out = Linear()
        for options in self.lead_vars.values():
            for _p, v, _k in options:
                out.add(v)
        return out

    def own_leads(self) -> Linear:
        """Occurrences of the window led by their own branch: those already (kept) and the
        lead options naming a party member of the organizing branch itself."""
        w = self.w
        out = Linear(constant=w.own_leads([]).count)
        for i, options in self.lead_vars.items():
            for person, v, _k in options:
                if w.own_lead(person, w.targets[i]):
                    out.add(v)
        return out

    def own_leads_most(self) -> int:
        """No answer leads more occurrences from their own branch than this."""
        w = self.w
        possible = sum(
            1
            for i, options in self.lead_vars.items()
            if any(w.own_lead(person, w.targets[i]) for person, _v, _k in options)
        )
        return self.own_leads().constant + possible

    def loads(self) -> dict[str, Linear]:
        """Minutes per person in the window, for everyone the model can place."""
        out = {}
        for person in sorted(self.targets_of):
            load = Linear(constant=self.w.window_minutes.get(person, 0))
            for i in self.targets_of[person]:
                for v in self.at[(person, i)]:
                    load.add(v, self.w.targets[i].minutes)
            out[person] = load
        return out

    def preference(self, name: str) -> Linear:
        """A soft preference as a count to make smallest."""
        w = self.w
        out = Linear()
        if name == "hours_cap":
            for over in self.over_terms:
                out.add(over)
        elif name == "paired_branch":
            for (n, c), v in self.x.items():
                if not w.from_branch(w.staff[c], w.targets[w.openings[n].target]):
                    out.add(v)
            for (c, i), v in self.lead_only.items():
                if not w.from_branch(w.staff[c], w.targets[i]):
                    out.add(v)
        elif name == "evenings":
            self._evenings(out)
        return out

    def _evenings(self, out: Linear) -> None:
        """Evenings in a row for one person, the evenings already planned included."""
        w, m = self.w, self.m
        for person in sorted(self.targets_of):
            nights: dict[date, list[Any]] = defaultdict(list)
            for i in self.targets_of[person]:
                t = w.targets[i]
                if t.evening:
                    nights[t.start.date()].extend(self.at[(person, i)])
            before = w.evenings.get(person, set())
            for d in sorted(nights):
                vs = nights[d]
                for other in (d - timedelta(days=1), d + timedelta(days=1)):
                    if other in before:
                        for v in vs:
                            out.add(v)
                if d + timedelta(days=1) in nights:
                    nxt = nights[d + timedelta(days=1)]
                    lit = sum(self.values[v.index] for v in (*vs, *nxt))
                    both = self.var(0, 1, f"ev_{person}_{d}", lit >= 2)
                    add(m, both >= sum(vs) + sum(nxt) - 1)
                    out.add(both)

    # -- extraction

    def extract(self) -> list[Assignment]:
        """The answer so far as assignments: places filled (a new member named lead has role
        "lead"; re-planning, a kept place where the lead is not the solver's keeps its role),
        then leads promoted or brought, and records kept for the activity as a whole."""
        w, val = self.w, self.values
        leads: dict[tuple[str, int], str] = {}
        for i, options in self.lead_vars.items():
            for person, v, kind in options:
                if val[v.index]:
                    leads[(person, i)] = kind
        added: list[Assignment] = []
        for (n, c), v in self.x.items():
            if val[v.index]:
                o = w.openings[n]
                role = "lead" if leads.get((c, o.target)) == "member" else "member"
                if not self.lead_vars.get(o.target):
                    role = w.old_at(o.target, o.station).get(c, role)
                added.append(made_assignment(w.targets[o.target], c, o.station, role, o.need))
        for (person, i), kind in sorted(leads.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if kind in ("promote", "only"):
                added.append(made_assignment(w.targets[i], person, None, "lead", None))
        for (person, i), v in self.keep.items():
            if val[v.index]:
                role = w.old_at(i, None).get(person, "member")
                added.append(made_assignment(w.targets[i], person, None, role, None))
        added.sort(key=lambda a: (a.occurrence, a.activity, a.station or "", a.staff))
        return added


# --------------------------------------------------------------------------------------------
# The staged search


class Stages:
    """The stages in their order, each searching from the answer so far within its share of the
    budget and fixing the value it reached."""

    def __init__(self, model: Formulation, progress: Progress | None, built: int) -> None:
        self.model = model
        self.progress = progress
        self.built = built
        self.budget = max(0.0, model.cfg.time_limit)
        self.spent = 0.0
        self.done: list[Stage] = []
        self.cancelled = False
        self.shares_left = 0.0

    def run(self) -> None:
        md, w = self.model, self.model.w
        names = ["fill", "lead", *(["changes"] if w.replan else []), "max_hours", "own_branch"]
        names += ["at_max", "spread"]
        prefs = [p for p in md.cfg.preferences if p != "hours_cap" or not md.cfg.cap_is_hard]
        if prefs:
            names.append("preferences")
        self.shares_left = sum(SHARES[n] for n in names)
        self.stage("fill", md.fill(), maximize=True, best=md.fill_most())
        leads = md.leads()
        self.stage("lead", leads, maximize=True, best=sum(1 for options in md.lead_vars.values() if options))
        if w.replan:
            self.stage("changes", md.changes, maximize=False, best=0)
        top = self._max_hours()
        self.stage("own_branch", md.own_leads(), maximize=True, best=md.own_leads_most())
        # The maximum not proved, the own-branch search may have brought it lower still: the
        # people at the maximum are counted at the maximum there is now.
        top = self._top_now(top)
        self._at_levels(top)
        if prefs:
            self._preferences(prefs)

    # -- the fairness stages

    def _max_hours(self) -> int:
        """The smallest maximum of minutes per person (everyone in the window counted), searched
        down from the answer so far one step at a time: each probe asks CP-SAT for an answer with
        nobody above the next level (a copy of the model with that cap); one found brings the
        maximum down, a proof that there is none makes the maximum the best possible."""
        md, w = self.model, self.model.w
        loads = md.loads()
        self.loads = loads
        fixed = max((m for p, m in w.window_minutes.items() if p not in loads), default=0)
        now = max([fixed, *(x.value(md.values) for x in loads.values())])
        hi = max([now, *(x.span(md.bounds)[1] for x in loads.values())])
        top = md.var(fixed, hi, "top", now)
        for x in loads.values():
            add(md.m, x.expr() <= top)
        low = fixed
        # Every place filled: the counting bound holds for every answer the search may give.
        filled = w.filled_per_opening(md.extract())
        if all(filled.get(n, 0) >= o.room for n, o in enumerate(w.openings)):
            low = max(low, w.bound(filled).minutes)
        low = min(low, now)
        add(md.m, top >= low)
        step = _granularity([t.minutes for t in w.targets] + list(w.window_minutes.values()))
        began, spent, status, clock = _time.perf_counter(), 0.0, "kept", False
        budget = self._take("max_hours")
        while now > low and not self.cancelled and budget - spent > 1e-6:
            level = max(low, now - step)
            probe = md.m.clone()
            add(probe, top <= level)
            code, _bound, work, found, by_clock = self._search(None, False, budget - spent, probe)
            spent += work
            clock = clock or by_clock
            if found is not None:
                md.values = found
                now = max([fixed, *(x.value(found) for x in loads.values())])
                md.values[top.index] = now
                status = "stopped"
            elif code == "infeasible":
                low = level + step  # proved: someone must carry more than `level`
            else:
                break
        add(md.m, top <= now)
        if now <= low:
            status = "optimal"
            low = now
        elif self.cancelled:
            status = "cancelled"
        self.spent += spent
        self.done.append(
            Stage("max_hours", status, now / 60, low / 60, _time.perf_counter() - began, spent, None, clock)
        )
        return now

    def _top_now(self, top: int) -> int:
        """The busiest person's minutes in the answer so far (at most `top`), fixed as the cap."""
        md, w = self.model, self.model.w
        fixed = max((m for p, m in w.window_minutes.items() if p not in self.loads), default=0)
        now = max([fixed, *(x.value(md.values) for x in self.loads.values())])
        if now < top:
            for x in self.loads.values():
                add(md.m, x.expr() <= now)
        return min(now, top)

    def _at_levels(self, top: int) -> None:
        """The fewest people at the maximum; then, as far as the budget allows, the fewest at or
        above each level below it, one level after another: the sorted loads made
        lexicographically smallest."""
        md, w = self.model, self.model.w
        now = {x.value(md.values) for x in self.loads.values()} | set(w.window_minutes.values())
        shortest = min((t.minutes for t in w.targets), default=0)
        below = sorted((v for v in now if shortest < v < top), reverse=True)[:SPREAD_LEVELS]
        proved = next(s for s in self.done if s.name == "max_hours").status == "optimal"
        if not below:
            self._take("spread")
        for level in [top, *below] if top > 0 else []:
            if self.cancelled:
                break
            count = Linear(
                constant=sum(1 for p, m in w.window_minutes.items() if p not in self.loads and m >= level)
            )
            for person, x in self.loads.items():
                if x.span(md.bounds)[1] < level:
                    continue
                b = md.var(0, 1, f"at{level}_{person}", x.value(md.values) >= level)
                add(md.m, x.expr() <= level - 1 + (top - level + 1) * b)
                count.add(b)
            if level == top:
                best = max(1, count.constant) if proved else None
                self.stage("at_max", count, maximize=False, best=best, level=level / 60)
            else:
                share = SHARES["spread"] / len(below)
                self.stage("spread", count, maximize=False, best=None, level=level / 60, share=share)

    def _preferences(self, prefs: list[str]) -> None:
        """The soft preferences in their order, weighed so that each outweighs all after it
        together (in one stage while the weights fit, else in several)."""
        md = self.model
        terms = [md.preference(p) for p in prefs]
        groups: list[list[Linear]] = [[]]
        weight = 1
        for t in reversed(terms):
            lo, hi = t.span(md.bounds)
            if weight * (hi - lo + 1) > _MAX_WEIGHT and groups[-1]:
                groups.append([])
                weight = 1
            groups[-1].append(t)
            weight *= hi - lo + 1
        for group in reversed(groups):
            total = Linear()
            w = 1
            for t in group:  # last preference first
                lo, hi = t.span(md.bounds)
                total.extend(t, w)
                total.constant -= lo * w
                w *= hi - lo + 1
            share = SHARES["preferences"] / len(groups)
            self.stage("preferences", total, maximize=False, best=0, share=share)
        # One line per preference, in its own terms (how many, not a weighted score).
        done = self.done[-len(groups) :]
        del self.done[-len(groups) :]
        status = "cancelled" if any(d.status == "cancelled" for d in done) else done[0].status
        if any(d.status != status for d in done) and status != "cancelled":
            status = "stopped" if any(d.status in ("stopped", "optimal") for d in done) else "kept"
        seconds, work = sum(d.seconds for d in done), sum(d.work for d in done)
        clock = any(d.by_clock for d in done)
        for k, (name, t) in enumerate(zip(prefs, terms, strict=True)):
            count = t.value(md.values)
            value = count / 60 if name == "hours_cap" else float(count)
            first = k == 0
            self.done.append(
                Stage(
                    "preferences",
                    status,
                    value,
                    None,
                    seconds if first else 0.0,
                    work if first else 0.0,
                    None,
                    clock,
                    name,
                )
            )

    # -- one stage

    def stage(
        self,
        name: str,
        terms: Linear,
        maximize: bool,
        best: int | None,
        unit: float = 1.0,
        level: float | None = None,
        share: float | None = None,
    ) -> int:
        """Search one stage from the answer so far within its share of what is left of the
        budget, and fix what it reached. `best`: a value no answer can pass (when reached there
        is nothing to search). Returns the value reached."""
        md = self.model
        began = _time.perf_counter()
        now = terms.value(md.values)
        budget = self._take(name, share)
        clock = False
        if not terms.terms or (best is not None and now == best):
            status, proved, work = "optimal", float(now), 0.0
        elif self.cancelled:
            status, proved, work = "cancelled", None, 0.0
        elif budget <= 1e-6:
            status, proved, work = "kept", None, 0.0
        else:
            status, proved, work, found, clock = self._search(terms, maximize, budget)
            if found is not None:
                better = terms.value(found)
                if (better > now) if maximize else (better < now):
                    md.values, now = found, better
                elif status == "stopped":
                    status = "kept"
        if best is not None and status != "optimal":
            # What no answer can pass, known beforehand, where the search proved no more.
            proved = best if proved is None else (min(proved, best) if maximize else max(proved, best))
        self.spent += work
        if maximize:
            add(md.m, terms.expr() >= now)
        else:
            add(md.m, terms.expr() <= now)
        self.done.append(
            Stage(
                name,
                status,
                now / unit,
                None if proved is None else proved / unit,
                _time.perf_counter() - began,
                work,
                level,
                clock,
            )
        )
        return now

    def _take(self, name: str, share: float | None = None) -> float:
        """The budget of a stage: its share of what is left, the shares of the stages still to
        come counted."""
        portion = SHARES[name] if share is None else share
        budget = (self.budget - self.spent) * portion / max(self.shares_left, portion)
        self.shares_left -= portion
        return max(0.0, budget)

    def _search(
        self, terms: Linear | None, maximize: bool, budget: float, model: cp_model.CpModel | None = None
    ) -> tuple[str, float | None, float, list[int] | None, bool]:
        """CP-SAT from the answer so far, with this stage's objective (None: any answer of
        `model`, a copy with a constraint more): (status, proved bound, work, answer found or
        None, stopped by the wall clock). Status: "optimal", "stopped", "kept" (nothing found),
        "infeasible" (proved that there is no answer), "cancelled"."""
        md, cfg = self.model, self.model.cfg
        m = model if model is not None else md.m
        m.clear_objective()
        if terms is not None:
            if maximize:
                m.maximize(terms.expr())
            else:
                m.minimize(terms.expr())
        m.clear_hints()
        hint = m.proto.solution_hint
        hint.vars.extend(range(len(md.values)))
        hint.values.extend(md.values)
        solver = cp_model.CpSolver()
        p = solver.parameters
        p.max_deterministic_time = budget
        p.num_workers = max(1, cfg.workers)
        p.interleave_search = cfg.workers > 1
        p.random_seed = 1
        p.log_search_progress = cfg.log
        # A wall-clock guard for a machine far slower than this kind: when it stops a stage,
        # the answer may not repeat, and the stage says so. A unit of search takes up to 4 s of
        # processor time here; with eight helpers' work sharing the two cores (a load of 7)
        # 5 units + 10 s stopped a stage, so the guard leaves more room.
        p.max_time_in_seconds = 8 * budget + 20
        result = self._watched(solver, budget, m)
        code = solver.status_name(result)
        work = solver.deterministic_time
        clock = code not in ("OPTIMAL", "INFEASIBLE") and not self.cancelled and work < 0.98 * budget
        if code == "INFEASIBLE":
            return "infeasible", None, work, None, clock
        if code not in ("OPTIMAL", "FEASIBLE"):
            return ("cancelled" if self.cancelled else "kept"), None, work, None, clock
        # Read by index: iterating OR-Tools' repeated field hangs in a reused Qt pool thread
        # (seen on the GUI's second auto-assign; tests/ui/assign/test_autoassign_replan.py).
        solution = solver.response_proto.solution
        found = [solution[k] for k in range(len(solution))]
        bound = round(solver.best_objective_bound) if terms is not None else None
        if self.cancelled:
            return "cancelled", None, work, found, clock
        if code == "OPTIMAL":
            return "optimal", bound, work, found, clock
        return "stopped", bound, work, found, clock

    def _watched(self, solver: cp_model.CpSolver, budget: float, model: cp_model.CpModel) -> Any:
        """Solve, reporting progress by the clock (the budget taken as seconds); a False from
        `progress` stops the search."""
        progress = self.progress
        if progress is None:
            return solver.solve(model)
        stop = threading.Event()
        cancelled = threading.Event()
        total = self.built + 1000
        whole = max(self.budget, 1e-9)

        def watch() -> None:
            t0 = _time.perf_counter()
            while not stop.wait(0.1):
                spent = self.spent + min(_time.perf_counter() - t0, budget)
                if not progress(self.built + int(1000 * min(spent / whole, 1.0)), total):
                    cancelled.set()
                    solver.stop_search()
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            return solver.solve(model)
        finally:
            stop.set()
            watcher.join()
            if cancelled.is_set():
                self.cancelled = True
