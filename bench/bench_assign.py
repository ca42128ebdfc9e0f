"""Assignment figures: the demo hospital's open needs for a month and for a quarter, filled by
the CP-SAT solver and by the greedy baseline side by side on the same plan: fill, leads, the
busiest person's hours against the lower bound (and the proven optimum where the solver proved
one), people at that maximum, each stage's status and time, whether a second run in a fresh
process gives the same assignments; occurrences led by a party member of their own organizing
branch beside the maximum, with the stage's bound; and a re-plan after leave is entered on the
solved month."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path


def _errors(plan, cal, d0: date, d1: date) -> set:
    from scheduler.conflicts.checker import CheckContext, check

    ctx = CheckContext(plan, cal, datetime.combine(d0, datetime.min.time()), d0, d1)
    return {c.key for c in check(ctx) if c.severity == "error"}


def _setup(scale: str, year: int):
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.demo.hospital import build_demo

    # A year with nobody assigned yet: every place of the window is the solver's to fill.
    plan = build_demo(demo_recipe(), scale, 1, year, staffed=False)
    return plan, WorkCalendar(official_calendar(), plan.calendar.values())


def fingerprint(proposal) -> str:
    """The assignments made and removed, as a short checksum (equal answers, equal checksums)."""
    made = sorted((repr(a.key), a.role) for a in proposal.assignments)
    gone = sorted(repr(a.key) for a in proposal.removed)
    return hashlib.sha1(repr((made, gone)).encode()).hexdigest()[:12]


def _second_run(scale: str, year: int, d0: date, d1: date, budget: float) -> str:
    """The same solve in a fresh process with another hash seed: its fingerprint."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    args = [
        sys.executable,
        "-m",
        "bench.bench_assign",
        scale,
        str(year),
        d0.isoformat(),
        d1.isoformat(),
        str(budget),
    ]
    done = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, check=False)
    return done.stdout.strip() or f"failed: {done.stderr.strip()[-200:]}"


def _hours(h: float) -> str:
    return f"{round(h, 2):g}"


def _row(label: str, greedy: str, solver: str) -> None:
    print(f"   {label:<22} {greedy:<28} {solver}")


def _compare(plan, cal, problem, d0: date, d1: date, settings):
    """Greedy and CP-SAT on the same window; prints them side by side; returns CP-SAT's answer."""
    from reports.messages import describe_pool, describe_stage
    from scheduler.solver.cpsat import solve
    from scheduler.solver.greedy import greedy
    from scheduler.solver.window import StaffingWindow

    before = _errors(plan, cal, d0, d1)
    results = {}
    for label, fn in (("greedy", greedy), ("cp-sat", solve)):
        window = problem if label == "greedy" else StaffingWindow(plan, cal, d0, d1, settings=settings)
        wall, cpu = time.perf_counter(), time.process_time()
        r = fn(window)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = replace(plan, assignments={**plan.assignments, **{a.key: a for a in r.assignments}})
        results[label] = (r, wall, cpu, len(_errors(after, cal, d0, d1) - before))
    (g, gw, gc, ge), (s, sw, sc, se) = results["greedy"], results["cp-sat"]

    def fill(r) -> str:
        rate = 100 * r.filled / r.fillable if r.fillable else 100.0
        return f"{r.filled}/{r.fillable} ({rate:.1f} %)"

    def own(r) -> str:
        """Occurrences led by a party member of their own organizing branch, of all, and the most
        possible (the solver: its stage's proved bound when smaller)."""
        o = r.own_leads
        return f"{o.count}/{o.of} (at most {o.bound})"

    def ratio(r) -> str:
        return f"{r.max_hours / r.bound.hours:.2f}" if r.bound and r.bound.minutes else "-"

    _row("", "greedy", "cp-sat (staged)")
    _row("filled of fillable", fill(g), fill(s))
    _row("leads named", str(g.leads_added), str(s.leads_added))
    _row("max hours / person", _hours(g.max_hours), _hours(s.max_hours))
    _row("led by own branch", own(g), own(s))
    _row("people at that max", str(g.people_at_max), str(s.people_at_max))
    _row("max hours / bound", ratio(g), ratio(s) + "   (aim 1.00)")
    _row("errors introduced", str(ge), str(se))
    _row("time wall / cpu", f"{gw:.2f} s / {gc:.2f} s", f"{sw:.2f} s / {sc:.2f} s ({s.status})")
    b = s.bound
    if b is not None and b.minutes:
        print(
            f"   lower bound {_hours(b.hours)} h: {describe_pool(b, plan)} ({b.places} places, {b.people} people)"
        )
    top = next((st for st in s.stages if st.name == "max_hours"), None)
    if top is not None:
        proved = f"proven optimum {_hours(top.value)} h" if top.status == "optimal" else "optimum not proved"
        print(f"   max hours: {proved}; best lower bound known {_hours(top.bound or 0)} h")
    reasons = Counter()
    for u in s.unfilled:
        reasons[u.reason] += u.missing
    if reasons:
        print(f"   cp-sat unfilled: {dict(reasons)}")
    for st in s.stages:
        print(f"     stage {describe_stage(st)} [work {st.work:.2f}]")
    return s


def _replan(plan, cal, d0: date, d1: date, settings, solved) -> None:
    """Apply the solved month, put five busy people on leave for a day they are assigned, and
    re-plan: what broke, what changed, and that manual assignments stayed."""
    from scheduler.plan.model import Unavailability
    from scheduler.solver.cpsat import solve
    from scheduler.solver.window import StaffingWindow

    plan = replace(plan, assignments={**plan.assignments, **{a.key: a for a in solved.assignments}})
    counts = Counter(a.staff for a in solved.assignments)
    away = {}
    for person, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
        day = min(a.occurrence for a in solved.assignments if a.staff == person and a.occurrence)
        u = Unavailability(
            person,
            datetime.combine(day, datetime.min.time()),
            datetime.combine(day + timedelta(days=1), datetime.min.time()),
            "leave",
        )
        away[u.key] = u
    broken = sum(
        1
        for a in solved.assignments
        if any(a.staff == u.staff and a.occurrence == u.start.date() for u in away.values())
    )
    plan = replace(plan, unavailability={**plan.unavailability, **away})
    wall = time.perf_counter()
    r = solve(StaffingWindow(plan, cal, d0, d1, settings=settings, replan=True))
    wall = time.perf_counter() - wall
    moved = sum(len(m) for _g, _c, m in r.changes().values())
    print(
        f"-- re-plan after leave for 5 people on a day they are assigned ({broken} assignment(s) broken): "
        f"removed {len(r.removed)}, added {len(r.assignments)} (moved {moved}); filled {r.filled}/{r.needs_open}; "
        f"max hours {_hours(r.max_hours)}; led by own branch {r.own_leads.count}/{r.own_leads.of}; "
        f"{wall:.2f} s ({r.status})"
    )


def run(small: bool = False) -> None:
    from scheduler.solver.proposal import SolverSettings
    from scheduler.solver.window import StaffingWindow

    scale = "small" if small else "hospital"
    year = date.today().year
    load = os.getloadavg()
    print(
        f"== assignment benchmark (demo scale: {scale}, year {year}; load average {load[0]:.2f} on {os.cpu_count()} cores) =="
    )
    plan, cal = _setup(scale, year)
    budget = 1.0 if small else SolverSettings().time_limit
    windows = [
        ("month", date(year, 10, 1), date(year, 10, 31), budget),
        ("quarter", date(year, 10, 1), date(year, 12, 31), budget * 3),
    ]
    for name, d0, d1, seconds in windows:
        settings = SolverSettings(time_limit=seconds)
        t0 = time.perf_counter()
        problem = StaffingWindow(plan, cal, d0, d1, settings=settings)
        built = time.perf_counter() - t0
        print(
            f"-- {name} {d0} – {d1}: {len(problem.targets)} occurrences, {problem.needs_open()} places open, "
            f"{problem.fillable()} fillable; reading the plan {built:.2f} s; budget {seconds:g} (deterministic s)"
        )
        solved = _compare(plan, cal, problem, d0, d1, settings)
        again = _second_run(scale, year, d0, d1, seconds)
        same = "yes" if again == fingerprint(solved) else f"NO ({fingerprint(solved)} against {again})"
        print(f"   two runs identical (the second in a fresh process, another hash seed): {same}")
        if name == "month":
            _replan(plan, cal, d0, d1, settings, solved)
    print(f"   load average at the end: {os.getloadavg()[0]:.2f}")
    print(
        "   aim: a month in <= 10 s wall and a quarter in <= 60 s, every place fillable filled, max hours / bound 1.00, "
        "0 errors introduced; hospital month: >= 140 of 146 led by their own branch"
    )


def main(argv: list[str]) -> int:
    """One solve, printing its fingerprint (the second run of `run`)."""
    from scheduler.solver.cpsat import solve
    from scheduler.solver.proposal import SolverSettings
    from scheduler.solver.window import StaffingWindow

    scale, year, d0, d1, budget = (
        argv[0],
        int(argv[1]),
        date.fromisoformat(argv[2]),
        date.fromisoformat(argv[3]),
        float(argv[4]),
    )
    plan, cal = _setup(scale, year)
    print(fingerprint(solve(StaffingWindow(plan, cal, d0, d1, settings=SolverSettings(time_limit=budget)))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
