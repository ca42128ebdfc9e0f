"""The CP-SAT formulation of automatic assignment (scheduler.assign.solve), in named steps: the
greedy answer as a hint (data), the choices (variables), the hard rules (constraints), the soft
rules as named terms (objective), the search, and reading the answer back (extraction).

OR-Tools is imported here only, and this module only when the solver runs."""

from __future__ import annotations

import threading
import time as _time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ortools.sat.python import cp_model

from .assign import Progress, Proposal, StaffingWindow, greedy_assignments, made_assignment
from .model import Assignment

PlaceKey = tuple[str, date | None, str | None, Any, str]  # activity, occurrence, station, need, person
AtKey = tuple[str, date | None, str]  # activity, occurrence, person


def solve(window: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Every open need of the window at once; see scheduler.assign for the rules."""
    began = _time.perf_counter()
    if not window.openings and all(t.has_lead for t in window.targets):
        return window.result([], _time.perf_counter() - began, "nothing to do")
    model = Formulation(window, Hint.from_greedy(window))
    total = len(window.openings) + len(window.targets)
    if not model.add_places(progress, total):
        return window.result([], _time.perf_counter() - began, "cancelled")
    model.add_leads()
    model.add_one_place_at_a_time()
    model.add_department_cover()
    model.add_hours_caps()
    objective = model.objective()
    model.hint_leads()
    model.m.maximize(objective.total())
    solver, status, cancelled = _search(model, progress, total)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        state = "cancelled" if cancelled else "no solution"
        return window.result([], _time.perf_counter() - began, state)
    added = model.extract(solver)
    if progress is not None:
        progress(total, total)
    state = "cancelled" if cancelled else ("optimal" if status == cp_model.OPTIMAL else "feasible")
    return window.result(added, _time.perf_counter() - began, state)


# --------------------------------------------------------------------------------------------
# Data


@dataclass(slots=True)
class Hint:
    """The greedy answer, which the search starts from (and so a floor)."""

    places: set[PlaceKey]  # new places filled
    at_station: set[AtKey]  # people placed at a station
    leads: set[AtKey]  # people named lead
    there: set[tuple[str, int]]  # (person, target index) of every new assignment
    present: list[set[str]]  # per target, the people there before solving

    @classmethod
    def from_greedy(cls, window: StaffingWindow) -> Hint:
        start, _state = greedy_assignments(window, None)
        index_of = {t.key: i for i, t in enumerate(window.targets)}
        return cls(
            places={(a.activity, a.occurrence, a.station, a.extra.get("need"), a.staff) for a in start},
            at_station={(a.activity, a.occurrence, a.staff) for a in start if a.station is not None},
            leads={(a.activity, a.occurrence, a.staff) for a in start if a.role == "lead"},
            there={(a.staff, index_of[(a.activity, a.occurrence)]) for a in start},  # type: ignore[index]
            present=[t.present for t in window.targets],
        )

    def new_at(self, person: str, i: int) -> int:
        """1 when the greedy answer has the person at target i (new, not promoted)."""
        return int((person, i) in self.there and person not in self.present[i])


# --------------------------------------------------------------------------------------------
# The objective, kept as named terms


@dataclass(slots=True)
class Objective:
    """The terms to maximize, each under the soft rule it serves ("fill" for filling needs), in
    the order they were made. Today they are summed with the weights; a staged search can take
    them rule by rule."""

    terms: list[tuple[str, Any]] = field(default_factory=list)

    def add(self, rule: str, term: Any) -> None:
        self.terms.append((rule, term))

    def of(self, rule: str) -> list[Any]:
        return [t for r, t in self.terms if r == rule]

    def total(self) -> Any:
        return sum(t for _r, t in self.terms)


class Formulation:
    """The model of one window: variables, hard rules and objective terms, built step by step."""

    def __init__(self, window: StaffingWindow, hint: Hint) -> None:
        self.w = window
        self.hint = hint
        self.cfg = window.settings
        self.m = cp_model.CpModel()
        # x[(opening, person)]: the person fills one unit of that need.
        self.x: dict[tuple[int, str], cp_model.IntVar] = {}
        # (person, target) -> every variable that puts the person there.
        self.at: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
        # target -> (person, variable, how): how is "promote", "member" or "only".
        self.lead_vars: dict[int, list[tuple[str, cp_model.IntVar, str]]] = defaultdict(list)
        self.lead_only: dict[tuple[str, int], cp_model.IntVar] = {}
        self.targets_of: dict[str, list[int]] = defaultdict(list)
        self.over_terms: list[cp_model.IntVar] = []  # minutes over a cap, when caps are soft

    # -- variables

    def add_places(self, progress: Progress | None, total: int) -> bool:
        """A variable per open need and candidate (the best few), at most `room` taken.
        False when cancelled."""
        w, m, k_max = self.w, self.m, self.cfg.candidates_per_need
        for n, o in enumerate(w.openings):
            if progress is not None and n % 50 == 0 and not progress(n, total):
                return False
            t = w.targets[o.target]
            keep = o.candidates[: max(k_max, o.room * 4)]
            keep += [
                c for c in o.candidates[len(keep) :] if (*t.key, o.station, o.need, c) in self.hint.places
            ]
            for c in keep:
                v = m.new_bool_var(f"x{n}_{c}")
                m.add_hint(v, (*t.key, o.station, o.need, c) in self.hint.places)
                self.x[(n, c)] = v
                self.at[(c, o.target)].append(v)
            m.add(sum(self.x[(n, c)] for c in keep) <= o.room)
        return True

    def add_leads(self) -> None:
        """For an occurrence without a lead: promote someone present, name a new station member,
        or bring a lead; at most one of these."""
        w, m = self.w, self.m
        k_max = self.cfg.candidates_per_need
        at_station: dict[int, set[str]] = defaultdict(set)
        for c, j in self.at:
            at_station[j].add(c)
        for i, t in enumerate(w.targets):
            if t.has_lead:
                continue
            options = self.lead_vars[i]
            for person in w.promotable(t):
                options.append((person, m.new_bool_var(f"lp{i}_{person}"), "promote"))
            for person in sorted(at_station[i]):
                if w.staff[person].party_member:
                    v = m.new_bool_var(f"lm{i}_{person}")
                    m.add(v <= sum(self.at[(person, i)]))
                    options.append((person, v, "member"))
            for person in w.lead_candidates(t)[: max(8, k_max // 4)]:
                v = m.new_bool_var(f"lo{i}_{person}")
                self.lead_only[(person, i)] = v
                self.at[(person, i)].append(v)
                options.append((person, v, "only"))
            if options:
                m.add_at_most_one(v for _p, v, _k in options)

    # -- constraints

    def add_one_place_at_a_time(self) -> None:
        """A person at one place per occurrence, and at one occurrence at a time."""
        w, m = self.w, self.m
        for (person, i), vs in self.at.items():
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
                        self.m.add(sum(v for q, i in drawing for v in self.at[(q, i)]) <= max(room, 0))

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
            expr = sum(mins * v for i, mins in items for v in self.at[(person, i)])
            if self.cfg.cap_is_hard:
                m.add(expr <= room)
            else:
                over = m.new_int_var(0, sum(mins for _i, mins in items), f"over_{person}_{month}")
                m.add(over >= expr - room)
                m.add_hint(over, max(0, sum(mins * self.hint.new_at(person, i) for i, mins in items) - room))
                self.over_terms.append(over)

    # -- objective

    def objective(self) -> Objective:
        """Filling a need outweighs every soft rule together; then the soft rules by weight."""
        w, wt = self.w, self.cfg.weights
        obj = Objective()
        fill = 10 * (
            wt.lead + wt.lead_branch + wt.paired_branch + wt.hours_cap + wt.fairness * 40 + wt.evenings * 4
        )
        for (n, c), v in self.x.items():
            t = w.targets[w.openings[n].target]
            obj.add("fill", fill * v)
            if not w.from_branch(w.staff[c], t):
                obj.add("paired_branch", -wt.paired_branch * v)
        for (c, i), v in self.lead_only.items():
            if not w.from_branch(w.staff[c], w.targets[i]):
                obj.add("paired_branch", -wt.paired_branch * v)
        for i, options in self.lead_vars.items():
            for person, v, _k in options:
                obj.add("lead", wt.lead * v)
                if w.from_branch(w.staff[person], w.targets[i]) and w.staff[person].party_member:
                    obj.add("lead_branch", wt.lead_branch * v)
        per_minute = max(1, round(wt.hours_cap / 60))
        for over in self.over_terms:
            obj.add("hours_cap", -per_minute * over)
        people = sorted(self.targets_of)
        if people and wt.fairness:
            self._fairness(people, obj)
        if wt.evenings:
            self._evenings(people, obj)
        return obj

    def _fairness(self, people: list[str], obj: Objective) -> None:
        """In half hours: the most-loaded person, and each half hour above 2, 4 and 6 hours
        costing more than the one before (1, 2, 4 times the weight): a convex penalty, so loads
        even out before anyone piles up."""
        w, m, weight = self.w, self.m, self.cfg.weights.fairness
        loads = {}
        top_bound = 0
        for person in people:
            mine = self.targets_of[person]
            base = w.window_minutes.get(person, 0) // 30
            terms = [(w.targets[i].minutes // 30) * v for i in mine for v in self.at[(person, i)]]
            bound = base + sum(w.targets[i].minutes // 30 for i in mine)
            top_bound = max(top_bound, bound)
            load = m.new_int_var(0, bound, f"load_{person}")
            m.add(load == base + sum(terms))
            hinted = base + sum(w.targets[i].minutes // 30 * self.hint.new_at(person, i) for i in mine)
            m.add_hint(load, hinted)
            loads[person] = (load, bound, hinted)
        top = m.new_int_var(0, top_bound, "top")
        m.add_hint(top, max(v for _l, _b, v in loads.values()))
        for load, _b, _v in loads.values():
            m.add(top >= load)
        obj.add("fairness", -4 * weight * top)
        for person, (load, bound, hinted) in loads.items():
            for level, factor in ((4, 1), (8, 2), (12, 4)):
                if bound > level:
                    ex = m.new_int_var(0, bound - level, f"ex{level}_{person}")
                    m.add(ex >= load - level)
                    m.add_hint(ex, max(0, hinted - level))
                    obj.add("fairness", -weight * factor * ex)

    def _evenings(self, people: list[str], obj: Objective) -> None:
        """Evenings in a row for one person, the evenings already planned included."""
        w, m, weight = self.w, self.m, self.cfg.weights.evenings
        for person in people:
            nights: dict[date, list] = defaultdict(list)
            lit: dict[date, int] = defaultdict(int)
            for i in self.targets_of[person]:
                t = w.targets[i]
                if t.evening:
                    nights[t.start.date()].extend(self.at[(person, i)])
                    lit[t.start.date()] += self.hint.new_at(person, i)
            before = w.evenings.get(person, set())
            for d, vs in nights.items():
                for other in (d - timedelta(days=1), d + timedelta(days=1)):
                    if other in before:
                        obj.add("evenings", -weight * sum(vs))
                if d + timedelta(days=1) in nights:
                    both = m.new_bool_var(f"ev_{person}_{d}")
                    nxt = nights[d + timedelta(days=1)]
                    m.add(both >= sum(vs) + sum(nxt) - 1)
                    m.add_hint(both, lit[d] + lit[d + timedelta(days=1)] >= 2)
                    obj.add("evenings", -weight * both)

    def hint_leads(self) -> None:
        """Start from the greedy answer's leads, each in the way the greedy named them."""
        for i, options in self.lead_vars.items():
            key = self.w.targets[i].key
            for person, v, kind in options:
                lead = (*key, person) in self.hint.leads
                if kind == "member":
                    lead = lead and (*key, person) in self.hint.at_station
                elif kind == "only":
                    lead = (
                        lead
                        and (*key, person) not in self.hint.at_station
                        and person not in self.w.targets[i].present
                    )
                self.m.add_hint(v, lead)

    # -- extraction

    def extract(self, solver: cp_model.CpSolver) -> list[Assignment]:
        """The assignments the answer adds: places filled (a new member named lead has role
        "lead"), then leads promoted or brought for the occurrence as a whole."""
        w = self.w
        leads: dict[tuple[str, int], str] = {}
        for i, options in self.lead_vars.items():
            for person, v, kind in options:
                if solver.boolean_value(v):
                    leads[(person, i)] = kind
        added: list[Assignment] = []
        for (n, c), v in self.x.items():
            if solver.boolean_value(v):
                o = w.openings[n]
                role = "lead" if leads.get((c, o.target)) == "member" else "member"
                added.append(made_assignment(w.targets[o.target], c, o.station, role, o.need))
        for (person, i), kind in sorted(leads.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if kind in ("promote", "only"):
                added.append(made_assignment(w.targets[i], person, None, "lead", None))
        added.sort(key=lambda a: (a.occurrence, a.activity, a.station or "", a.staff))
        return added


# --------------------------------------------------------------------------------------------
# Search


def _search(model: Formulation, progress: Progress | None, total: int) -> tuple[cp_model.CpSolver, Any, bool]:
    """Run CP-SAT within the time limit, reporting progress by the clock; a False from
    `progress` stops the search. Returns the solver, its status and whether it was cancelled."""
    cfg = model.cfg
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, cfg.time_limit)
    solver.parameters.num_workers = max(1, cfg.workers)
    solver.parameters.random_seed = 1
    solver.parameters.log_search_progress = cfg.log
    stop = threading.Event()
    cancelled = threading.Event()
    limit_ms = int(cfg.time_limit * 1000)
    built = len(model.w.openings)
    targets = len(model.w.targets)

    def watch() -> None:
        t0 = _time.perf_counter()
        while not stop.wait(0.1):
            done = int((_time.perf_counter() - t0) * 1000)
            if progress is not None and not progress(
                built + min(done, limit_ms) * targets // max(limit_ms, 1), total
            ):
                cancelled.set()
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        status = solver.solve(model.m)
    finally:
        stop.set()
        watcher.join()
    return solver, status, cancelled.is_set()
