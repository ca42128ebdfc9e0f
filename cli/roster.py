"""`roster KIND`: a roster or sheet (reports/registry.py) as a PDF, or one long PNG for phones."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from cli import args as cli_args
from cli.common import EXIT_OK, Command, CommandError, document_output, open_store, say_line, write_document
from cli.lang import t, tf
from db.planio import load_plan
from reports import ReportError
from reports.document import translator
from reports.registry import BRANCH, OCCURRENCE, ROSTERS, STAFF, WINDOW, RosterArgs, RosterError
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.plan.wording import N_, say

# How the command line names what a roster needs (the kinds and their needs: reports/registry.py).
ROSTER_OPTIONS = {
    OCCURRENCE: N_("--activity ID and --occurrence DATE"),
    STAFF: N_("--staff ID"),
    BRANCH: N_("--branch ID"),
    WINDOW: N_("--from DATE"),
}


ROSTER_OUTPUT = N_("the roster is a PDF or a PNG picture: give -o a name ending in .pdf or .png, not %1")


def _roster_users(need: str) -> str:
    return ", ".join(k.name for k in ROSTERS.values() if need in k.needs)


def cmd_roster(args: argparse.Namespace) -> int:
    kind = ROSTERS[args.kind]
    out = document_output(Path(args.output), ROSTER_OUTPUT)
    with open_store(args) as store:
        plan = load_plan(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    chosen = RosterArgs(
        today=date.today(),
        activity=args.activity,
        occurrence=args.occurrence,
        staff=args.staff,
        branch=args.branch,
        start=args.date_from,
        end=args.date_to,
    )
    try:
        kind.check(plan, calendar, chosen)
    except RosterError as exc:
        raise CommandError(
            exc.message({k: t(v) for k, v in ROSTER_OPTIONS.items()}, t, title=tf("roster %1", kind.name))
        ) from None
    try:
        write_document(
            out,
            lambda stream: kind.render(stream, plan, calendar, chosen, translator(args.lang), datetime.now()),
        )
    except ReportError as exc:
        raise CommandError(tf("roster %1: %2", kind.name, say(exc, t))) from None
    if kind.period is None:
        say_line(tf("wrote %1", out))
    else:  # the dates it covers: a week is the ISO week (Monday to Sunday) containing --from
        w = kind.window(chosen)
        say_line(tf("wrote %1: %2 – %3", out, w.start, w.end))
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`roster KIND [--activity ID --occurrence D] [--from D] [--to D] [--staff ID] [--branch ID] -o FILE`."""
    p = command("roster", cmd_roster, "Print a roster or sheet as PDF, or as one long PNG for phones.")
    p.add_argument(
        "kind",
        choices=tuple(ROSTERS),
        help="which document: " + "; ".join(f"{k.name}: {k.label}" for k in ROSTERS.values()),
    )
    p.add_argument("--activity", help=f"activity id ({_roster_users(OCCURRENCE)})")
    p.add_argument(
        "--occurrence",
        type=cli_args.day,
        help=f"date of the occurrence as first planned ({_roster_users(OCCURRENCE)})",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=cli_args.day,
        help="start of the window; for week, branch-month and annual a day in it: week prints the "
        "ISO week containing it, Monday to Sunday (default: today)",
    )
    p.add_argument(
        "--to", dest="date_to", type=cli_args.day, help="end of the window (person; default: end of month)"
    )
    p.add_argument("--staff", help=f"staff id ({_roster_users(STAFF)})")
    p.add_argument("--branch", help=f"party branch id ({_roster_users(BRANCH)})")
    p.add_argument(
        "-o", "--output", required=True, help="the file to write: .pdf, or .png (one long picture)"
    )
