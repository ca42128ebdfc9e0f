"""`assign`: fill the open needs of a window with the solver (or the greedy method), keeping every
assignment made, and save the proposal in one step onto the plan that was solved; print what
it did as text or --json (the solver's goals and stages: docs/solver.md)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import Any

from cli import args as cli_args
from cli.common import EXIT_OK, EXIT_WANTING, CommandError, Progress, open_store, say_line
from cli.lang import json_text, t, tf
from db.operations import Stale, solver_settings, write
from db.planio import load_plan, revision
from db.proposals import proposal_edit
from db.store import Store
from reports.messages import (
    describe_bound,
    describe_own_leads,
    describe_pool,
    describe_run,
    describe_stage,
    describe_unfilled,
)
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.plan.model import Plan, clinical_hours_of
from scheduler.plan.wording import say
from scheduler.solver.cpsat import solve
from scheduler.solver.greedy import greedy
from scheduler.solver.proposal import Bound, Proposal
from scheduler.solver.window import StaffingWindow

ATTEMPTS = 3  # solving again when another write came first, twice at most


def cmd_assign(args: argparse.Namespace) -> int:
    start = cli_args.span(args.date_from, args.date_to, date.today())
    assert start is not None
    end = args.date_to or cli_args.until(start, 27)
    plan, proposal = solve_and_save(args, start, end)
    if args.json:
        print(json_text(proposal_json(proposal, plan, args.dry_run)))
    else:
        say_proposal(proposal, plan, start, end, args.dry_run)
    return EXIT_WANTING if proposal.unfilled else EXIT_OK


def solve_and_save(args: argparse.Namespace, start: date, end: date) -> tuple[Plan, Proposal]:
    """Solve the window and (unless --dry-run) save the proposal. Only onto the plan that was
    solved: when another assign or an edit committed meanwhile, solve again from what is there
    now (twice at most), else refuse."""
    with open_store(args, write=not args.dry_run) as store:
        for attempt in range(ATTEMPTS):
            version = revision(store)
            plan, proposal = _solve(store, args, start, end)
            if args.dry_run or not (proposal.assignments or proposal.removed):
                break
            try:
                write(store, proposal_edit(proposal, version))
                break
            except Stale as exc:
                if attempt == ATTEMPTS - 1:
                    raise CommandError(tf("%1; run assign again", say(exc, t))) from exc
    return plan, proposal


def _solve(store: Store, args: argparse.Namespace, start: date, end: date) -> tuple[Plan, Proposal]:
    """The plan as stored now, and the proposal of the method asked for."""
    plan = load_plan(store)
    settings = solver_settings(store)
    if args.time_limit is not None:
        settings = replace(settings, time_limit=args.time_limit)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    hours = clinical_hours_of(plan.hospital)
    problem = StaffingWindow(plan, calendar, start, end, hours, settings, replan=args.replan)
    run = greedy if args.method == "greedy" else solve
    return plan, run(problem, Progress(t("assign")))


def proposal_json(proposal: Proposal, plan: Plan, dry_run: bool) -> dict[str, Any]:
    """The --json document of a run."""
    return {
        "filled": proposal.filled,
        "unfilled": [
            {
                "activity": u.activity,
                "occurrence": u.occurrence.isoformat(),
                "station": u.station,
                "reason": u.reason,
                "need": u.need,
                "missing": u.missing,
                "message": describe_unfilled(u, plan, t),
            }
            for u in proposal.unfilled
        ],
        "max_hours": round(proposal.max_hours, 2),
        "people_at_max": proposal.people_at_max,
        "bound": _bound_json(proposal.bound or Bound(0), plan),
        "own_branch_leads": proposal.own_leads.to_json(),
        "stages": [
            {
                "stage": st.name,
                "status": st.status,
                "value": st.value,
                "bound": st.bound,
                "level": st.level,
                "seconds": round(st.seconds, 3),
                "repeatable": not st.by_clock,
            }
            for st in proposal.stages
        ],
        "seconds": round(proposal.seconds, 3),
        "leads": proposal.leads_added,
        "assignments": len(proposal.assignments),
        "removed": len(proposal.removed),
        "status": proposal.status,
        "dry_run": dry_run,
    }


def _bound_json(bound: Bound, plan: Plan) -> dict[str, Any]:
    return {
        "hours": round(bound.hours, 2),
        "pool": describe_pool(bound, plan, t) if bound.minutes else "",
        "department": bound.department,
        "qualification": bound.qualification,
        "staff": bound.staff,
        "places": bound.places,
        "people": bound.people,
    }


def say_proposal(proposal: Proposal, plan: Plan, start: date, end: date, dry_run: bool) -> None:
    """A run as text: the needs left open, re-planning the changes per occurrence, the summary,
    the busiest person against the bound, the own-branch leads and how each goal ended."""
    for u in proposal.unfilled:
        say_line(tf("UNFILLED %1", describe_unfilled(u, plan, t)))
    if proposal.replan:
        for (aid, day), (gone, came, moved) in proposal.changes().items():
            names = [
                t(", ").join(plan.staff[x].name if x in plan.staff else x for x in ids) or "-"
                for ids in (gone, came, moved)
            ]
            say_line(tf("CHANGED %1 %2: removed %3; added %4; moved %5", aid, day, *names))
    say_line(_summary(proposal, start, end, dry_run))
    say_line(describe_bound(proposal.bound, proposal.max_hours, plan, t))
    say_line(describe_own_leads(proposal.own_leads, t))
    if proposal.stages:
        say_line(t("The goals, most important first (each one kept while the next was sought):"))
    for i, st in enumerate(proposal.stages, 1):
        say_line(f"  {i}. {describe_stage(st, t)}")


def _summary(proposal: Proposal, start: date, end: date, dry_run: bool) -> str:
    n = len(proposal.assignments)
    made = tf("would add %1 assignment(s)", n) if dry_run else tf("added %1 assignment(s)", n)
    if proposal.replan:
        made += tf(", removed %1", len(proposal.removed))
    return tf(
        "%1 – %2: %3: %4 of %5 open place(s) filled, %6 lead(s); %7 place(s) left open; %8 s (%9)",
        start,
        end,
        made,
        proposal.filled,
        proposal.needs_open,
        proposal.leads_added,
        sum(u.missing for u in proposal.unfilled),
        f"{proposal.seconds:.1f}",
        describe_run(proposal.status, t),
    )
