"""`demo`: a made-up hospital written into the database."""

from __future__ import annotations

import argparse
import time
from datetime import date

from cli import args as cli_args
from cli.common import EXIT_OK, Command, CommandError, open_store, say_line
from cli.lang import tf
from cli.plan_files import counted
from db.operations import import_plan
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import SCALES, build_demo, demo_today


def cmd_demo(args: argparse.Namespace) -> int:
    try:
        year = args.year or cli_args.demo_year(str(args.today.year if args.today else date.today().year))
    except argparse.ArgumentTypeError as exc:
        raise CommandError(str(exc)) from None
    today = args.today or demo_today(year, date.today())
    if today.year != year:
        raise CommandError(tf("--today %1 is not in the demo year %2", today, year))
    started = time.perf_counter()
    calendar = WorkCalendar(official_calendar())
    plan = build_demo(demo_recipe(), args.scale, args.seed, year, today, calendar)
    with open_store(args, write=True) as store:
        import_plan(store, plan)
    took = time.perf_counter() - started
    say_line(
        tf(
            "demo hospital (%1, seed %2, %3, as on %4) written in %5 s: %6",
            args.scale,
            args.seed,
            year,
            today,
            f"{took:.1f}",
            counted(plan.counts().items()),
        )
    )
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`demo [--scale S] [--seed N] [--year Y] [--today D]`."""
    p = command("demo", cmd_demo, "Fill the database with a made-up hospital.")
    p.add_argument("--scale", choices=sorted(SCALES), default="small", help="how big (default: small)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument(
        "--year", type=cli_args.demo_year, default=None, help="the year of activities (default: this year)"
    )
    p.add_argument(
        "--today",
        type=cli_args.day,
        default=None,
        help="the demo's today: staffed and recorded up to it (default: today, when in the year)",
    )
