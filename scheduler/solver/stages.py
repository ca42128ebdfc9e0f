"""The staged search over the CP-SAT formulation: the stages of the objective in their order,
each searching from the answer so far within its share of the budget and fixing the value it
reached, so that no later stage can trade it away (docs/solver.md). The budget is CP-SAT's
deterministic time (a count of work, not the clock) and the search runs in one thread (or, with
more workers, CP-SAT's deterministic interleaved search), so the same plan and settings give
the same answer on every run: measured by bench/bench_assign.py, which repeats the solve in a
fresh process with another hash seed."""

from __future__ import annotations

import threading
import time as _time
from math import gcd
from typing import Any

from ortools.sat.python import cp_model

from scheduler.solver.formulation import Formulation, Linear, add
from scheduler.solver.proposal import Progress, Stage

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
_MAX_WEIGHT = 1 << 60  # preferences are weighed in one stage while their weights fit


def _granularity(minutes: list[int]) -> int:
    """The step between loads that can differ: the greatest common divisor of the minutes."""
    g = 0
    for m in minutes:
        g = gcd(g, m)
    return max(g, 1)


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
