"""The CP-SAT formulation of one window, built in named steps: the choices (a variable per
candidate place and lead option), the hard rules (constraints), the terms of each stage of the
objective, and reading the answer back as assignments (docs/solver.md). The answer so far is
kept as one value per variable, so that every term can be evaluated on it as well as given to
CP-SAT. OR-Tools is imported here, and this module only when the solver runs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ortools.sat.python import cp_model

from scheduler.plan.model import Assignment
from scheduler.solver.proposal import Progress
from scheduler.solver.start import Start
from scheduler.solver.targets import made_assignment
from scheduler.solver.window import StaffingWindow


def add(model: cp_model.CpModel, constraint: Any) -> None:
    """Add a constraint, unless it is a plain truth (an expression without variables, which
    CP-SAT would turn into a constant variable and so shift the answer's indexes)."""
    if isinstance(constraint, bool):
        if not constraint:
            raise ValueError("a constraint without variables that does not hold")
        return
    model.add(constraint)


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
