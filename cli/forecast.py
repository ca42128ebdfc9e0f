"""`forecast --year Y`: the capacity forecast as text, JSON, or an Excel workbook."""

from __future__ import annotations

import argparse
import io
import time
from datetime import date
from pathlib import Path

from cli import args as cli_args
from cli.common import EXIT_OK, Command, CommandError, Progress, no_folder, open_store, say_line
from cli.lang import json_text, t, tf
from db.files import write_atomically
from db.planio import load_plan
from reports.document import translator
from reports.forecast import describe_fix, pool_name, write_workbook
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.office.forecast.as_json import to_json
from scheduler.office.forecast.figures import Forecast, PoolMonth
from scheduler.office.forecast.year import forecast
from scheduler.plan.model import Plan

TIGHTEST = 5  # pool-months listed when none is short


def _workbook(args: argparse.Namespace) -> Path | None:
    """The workbook -o names, checked: an .xlsx in a folder that exists; None without -o."""
    out = Path(args.output) if args.output else None
    if out is not None:
        if out.suffix.lower() != ".xlsx":
            raise CommandError(tf("the workbook is .xlsx: give -o a name ending in .xlsx, not %1", out.name))
        if not out.parent.exists():
            raise CommandError(no_folder(out))
    return out


def cmd_forecast(args: argparse.Namespace) -> int:
    out = _workbook(args)
    with open_store(args) as store:
        plan = load_plan(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    began = time.perf_counter()
    f = forecast(plan, calendar, args.year, args.today or date.today(), progress=Progress(t("forecast")))
    assert f is not None  # the command line's progress never cancels
    seconds = time.perf_counter() - began
    if out is not None:
        book = io.BytesIO()  # made in memory, then written whole
        write_workbook(book, f, plan, translator(args.lang))
        write_atomically(out, book.getvalue())
        say_line(tf("wrote %1", out))
    if args.json:
        doc = to_json(f)
        for fix, item in zip(f.fixes, doc["fixes"], strict=True):
            item["text"] = describe_fix(fix, plan, t)
        doc["seconds"] = round(seconds, 2)
        print(json_text(doc))
        return EXIT_OK
    if out is None:
        _say_forecast(f, plan, calendar, args.year, seconds)
    return EXIT_OK


def _say_forecast(f: Forecast, plan: Plan, calendar: WorkCalendar, year: int, seconds: float) -> None:
    """The forecast as text: the months short (else the tightest), the lower bound, the fixes."""
    short = f.short()
    say_line(tf("forecast %1: %2 pool-months with needs, %3 short", year, len(f.pools), len(short)))
    if not calendar.knows(year):
        say_line(tf("the official calendar of %1 is not known yet: weekends alone are days off", year))
    for r in short:
        say_line("  " + _short_line(r, plan))
    if not short:
        _say_tightest(f, plan)
    if f.bound_pool is not None:
        b = f.bound_pool
        say_line(
            tf(
                "lower bound: someone gives at least %1 h in a month (%2, %3: %4 h for %5 people)",
                f"{f.bound_hours:g}",
                pool_name(plan, b.department, b.qualification, t),
                f"{b.month:%Y-%m}",
                f"{b.needed_hours:g}",
                b.people,
            )
        )
    for fix in f.fixes:
        say_line("  " + describe_fix(fix, plan, t))
    say_line(tf("worked out in %1 s", f"{seconds:.2f}"))


def _short_line(r: PoolMonth, plan: Plan) -> str:
    """A pool-month short: its hours, and the places at once it cannot fill when that is why."""
    line = tf(
        "%1 %2: needs %3 h, can give %4 h, short %5 h",
        f"{r.month:%Y-%m}",
        pool_name(plan, r.department, r.qualification, t),
        f"{r.needed_hours:g}",
        f"{r.available_hours:g}",
        f"{r.short_hours:g}",
    )
    if r.short_places and r.peak_at is not None:
        line += t("; ") + tf(
            "%1 places at once on %2 for %3 people free",
            r.peak_places,
            f"{r.peak_at:%m-%d %H:%M}",
            r.peak_people,
        )
    return line


def _say_tightest(f: Forecast, plan: Plan) -> None:
    """When no pool is short: the pool-months nearest to it."""
    tight = sorted(f.pools, key=lambda r: -(r.needed_hours / r.available_hours if r.available_hours else 1e9))
    say_line(t("the tightest pools:"))
    for r in tight[:TIGHTEST]:
        say_line(
            "  "
            + tf(
                "%1 %2: needs %3 h of %4 h it can give",
                f"{r.month:%Y-%m}",
                pool_name(plan, r.department, r.qualification, t),
                f"{r.needed_hours:g}",
                f"{r.available_hours:g}",
            )
        )


def add_parser(command: Command) -> None:
    """`forecast --year Y [--json] [-o FILE.xlsx] [--today D]`, made with build_parser's `command`."""
    p = command(
        "forecast",
        cmd_forecast,
        "Capacity forecast: the hours each qualification pool must give month by month for the "
        "pairings' targets and the planned series, against the hours it can give; the months short "
        "and what would close the gap.",
    )
    p.add_argument("--year", type=cli_args.year, required=True, help="the year")
    p.add_argument("--json", action="store_true", help="print the forecast as JSON")
    p.add_argument("-o", "--output", help="write an Excel workbook (.xlsx)")
    p.add_argument(
        "--today", type=cli_args.day, help="the day it is judged at: visits not planned go to months after it"
    )
