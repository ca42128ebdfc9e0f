"""`check`: every conflict of the plan as text or JSON (docs/check.md); exit 1 when there is an error."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from cli import args as cli_args
from cli.common import EXIT_OK, EXIT_WANTING, Command, column, open_store, say_line
from cli.lang import json_text, t, tf
from db.operations import response_times
from db.planio import load_plan
from reports.messages import describe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.conflict import counts, to_json
from scheduler.conflicts.kinds import ERROR, KINDS, WARNING
from scheduler.plan.wording import N_

SEVERITIES = {ERROR: N_("ERROR"), WARNING: N_("WARNING")}


def cmd_check(args: argparse.Namespace) -> int:
    cli_args.span(args.date_from, args.date_to, None)
    today = args.today or date.today()
    with open_store(args) as store:
        plan = load_plan(store)
        times = response_times(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    ctx = CheckContext(
        plan, calendar, datetime.combine(today, datetime.min.time()), args.date_from, args.date_to, times
    )
    conflicts = check(ctx)
    tally = counts(conflicts)
    if args.json:
        doc = {"conflicts": [to_json(c, describe(c, plan, t)) for c in conflicts], "counts": tally}
        print(json_text(doc))
    else:
        for c in conflicts:
            severity = column(t(SEVERITIES.get(c.severity, c.severity)), 7)
            kind = column(t(KINDS[c.kind].name), 20)  # the kind's name; --json gives its code
            say_line(f"{severity} {kind} {describe(c, plan, t)}")
        say_line(tf("%1 error(s), %2 warning(s)", tally[ERROR], tally[WARNING]))
    return EXIT_WANTING if tally[ERROR] else EXIT_OK


def add_parser(command: Command) -> None:
    """`check [--from D] [--to D] [--today D] [--json]`."""
    p = command("check", cmd_check, "Report every conflict of the plan (exit 1 when there is an error).")
    p.add_argument("--from", dest="date_from", type=cli_args.day, help="first day of the window checked")
    p.add_argument("--to", dest="date_to", type=cli_args.day, help="last day of the window checked")
    p.add_argument(
        "--today", type=cli_args.day, help="the day overdue and behind-plan are judged at (default: today)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
