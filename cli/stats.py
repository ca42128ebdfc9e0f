"""`stats --year Y`: the figures of a year as text, JSON or an Excel workbook."""

from __future__ import annotations

import argparse
import io
from datetime import date
from pathlib import Path

from cli import args as cli_args
from cli.common import EXIT_OK, Command, CommandError, no_folder, open_store, say_line
from cli.lang import json_text, t, tf
from db.files import write_atomically
from db.operations import response_times
from db.planio import load_plan
from reports.document import translator
from reports.messages import REQUEST_STATUS_NAMES
from reports.stats_xlsx import write_workbook
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.office.stats import compute as compute_stats
from scheduler.office.stats import to_json as stats_json


def cmd_stats(args: argparse.Namespace) -> int:
    start, end = date(args.year, 1, 1), date(args.year, 12, 31)
    if args.output and Path(args.output).suffix.lower() != ".xlsx":
        raise CommandError(
            tf("the workbook is .xlsx: give -o a name ending in .xlsx, not %1", Path(args.output).name)
        )
    if args.output and not Path(args.output).parent.exists():
        raise CommandError(no_folder(args.output))
    with open_store(args) as store:
        plan = load_plan(store)
        times = response_times(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    judged = min(end, args.today or date.today())
    st = compute_stats(plan, calendar, start, end, judged, times)
    if args.output:
        out = Path(args.output)
        # Made in memory, then written whole: openpyxl leaves its zip file open when the disk fills.
        book = io.BytesIO()
        write_workbook(book, st, plan, translator(args.lang))
        write_atomically(out, book.getvalue())
        say_line(tf("wrote %1", out))
    if args.json or not args.output:
        doc = stats_json(st, plan)
        if args.json:
            print(json_text(doc))
        else:
            tot = doc["totals"]
            say_line(
                tf(
                    "%1: %2 occurrences held, %3 people served, %4 volunteer hours",
                    args.year,
                    tot["occurrences"],
                    tot["served"],
                    f"{tot['hours']:g}",
                )
            )
            behind = [p for p in doc["pairings"] if not p["on_track"]]
            say_line(tf("pairings: %1 on track, %2 behind", len(doc["pairings"]) - len(behind), len(behind)))
            own = doc["own_branch_leads"]
            say_line(
                tf(
                    "led by their own branch: %1 of %2 occurrences planned or held",
                    sum(r["led_by_branch"] for r in own),
                    sum(r["occurrences"] for r in own),
                )
            )
            by_status = t(", ").join(
                f"{t(REQUEST_STATUS_NAMES.get(s, s))} {n}" for s, n in doc["requests"]["by_status"].items()
            )
            median = doc["requests"]["median_days_to_answer"]
            if median is None:
                say_line(tf("requests: %1; none answered yet", by_status or "0"))
            else:
                say_line(tf("requests: %1; median %2 days to answer", by_status or "0", f"{median:g}"))
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`stats --year Y [--json] [-o FILE.xlsx] [--today D]`."""
    p = command(
        "stats", cmd_stats, "Figures of a year: held, served and hours by month, branch, partner and kind."
    )
    p.add_argument("--year", type=cli_args.year, required=True, help="the year")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("-o", "--output", help="write an Excel workbook (.xlsx)")
    p.add_argument(
        "--today",
        type=cli_args.day,
        help="the day pairings are judged at (default: today, or the year's end)",
    )
