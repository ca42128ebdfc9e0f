"""`ics`: a person's or a branch's occurrences as an iCalendar file."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from cli import args as cli_args
from cli.common import EXIT_OK, Command, CommandError, no_folder, open_store, say_line
from cli.lang import t, tf
from db.files import write_atomically
from db.planio import load_plan
from reports.document import translator
from reports.ics import calendar_file
from scheduler.calendar.workdays import WorkCalendar, official_calendar


def cmd_ics(args: argparse.Namespace) -> int:
    if bool(args.staff) == bool(args.branch):
        raise CommandError(t("ics needs either --staff ID or --branch ID"))
    out = Path(args.output)
    if out.suffix.lower() != ".ics":
        raise CommandError(
            tf("the calendar is an .ics file: give -o a name ending in .ics, not %1", out.name)
        )
    if not out.parent.exists():
        raise CommandError(no_folder(out))
    start = cli_args.span(args.date_from, args.date_to, date.today() - timedelta(days=90))
    assert start is not None
    end = args.date_to or cli_args.until(start, 455)
    with open_store(args) as store:
        plan = load_plan(store)
    if args.staff and args.staff not in plan.staff:
        raise CommandError(tf("no staff member with id %1", repr(args.staff)))
    if args.branch and args.branch not in plan.branches:
        raise CommandError(tf("no party branch with id %1", repr(args.branch)))
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    data = calendar_file(
        plan, calendar, start, end, translator(args.lang), staff=args.staff, branch=args.branch
    )
    write_atomically(out, data)
    say_line(tf("wrote %1: %2 event(s) from %3 to %4", out, data.count(b"BEGIN:VEVENT"), start, end))
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`ics --staff ID|--branch ID [--from D] [--to D] -o FILE.ics`."""
    p = command("ics", cmd_ics, "A person's or a branch's occurrences as an iCalendar file (phones, mail).")
    p.add_argument("--staff", help="staff id")
    p.add_argument("--branch", help="party branch id")
    p.add_argument("--from", dest="date_from", type=cli_args.day, help="first day (default: 90 days ago)")
    p.add_argument("--to", dest="date_to", type=cli_args.day, help="last day (default: 15 months on)")
    p.add_argument("-o", "--output", required=True, help="the .ics file to write")
