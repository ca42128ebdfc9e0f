"""`review --week YYYY-Www`: the week in review (一周一复盘) as text, JSON, a PDF or a PNG picture."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from cli.args import day
from cli.common import EXIT_OK, Command, document_output, open_store, say_line, write_document
from cli.lang import json_text, tf
from db.operations import response_times
from db.planio import load_audit, load_ledger, load_plan
from reports.document import translator
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.office.review import WeekError, parse_week, to_json, week_review
from scheduler.plan.wording import N_


def _week(text: str) -> date:
    try:
        return parse_week(text)
    except WeekError as e:
        if e.weeks is not None:
            raise argparse.ArgumentTypeError(
                tf("%1 has %2 ISO weeks: there is no week %3", text.strip()[:4], e.weeks, repr(text))
            ) from None
        raise argparse.ArgumentTypeError(
            tf("not an ISO week (YYYY-Www, e.g. 2026-W49, between 2000 and 2100): %1", repr(text))
        ) from None


REVIEW_OUTPUT = N_("the review is a PDF or a PNG picture: give -o a name ending in .pdf or .png, not %1")


def cmd_review(args: argparse.Namespace) -> int:
    out = document_output(Path(args.output), REVIEW_OUTPUT) if args.output else None
    with open_store(args) as store:
        plan = load_plan(store)
        response = response_times(store)
        audit = load_audit(store, "assignments")
        ledger = load_ledger(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    review = week_review(plan, calendar, args.week, args.today or date.today(), response, audit, ledger)
    if out is not None:
        from reports.review import review_pdf

        lang = translator(args.lang)
        write_document(out, lambda stream: review_pdf(stream, plan, review, lang, datetime.now()))
        say_line(tf("wrote %1", out))
    if args.json:
        print(json_text(to_json(review)))
    elif out is None:
        f, b = review.figures, review.before
        say_line(tf("week %1 (%2 – %3)", review.week, f.start, f.end))
        for template, values in review.notes:
            say_line(tf(template, *values))
        say_line(
            tf(
                "held %1 (week before %2), called off %3 (%4), moved %5 (%6), not recorded %7 (%8)",
                f.held,
                b.held,
                f.called_off,
                b.called_off,
                f.moved,
                b.moved,
                f.not_recorded,
                b.not_recorded,
            )
        )
        say_line(
            tf(
                "people served %1 (%2), volunteer hours %3 (%4), people who went %5 (%6), open places %7 (%8)",
                f.served,
                b.served,
                f"{f.hours:g}",
                f"{b.hours:g}",
                f.people,
                b.people,
                f.open_places,
                b.open_places,
            )
        )
        say_line(
            tf(
                "requests: %1 received, %2 answered, %3 declined, %4 overdue",
                f.received,
                f.answered,
                f.declined,
                f.overdue,
            )
        )
        a = review.ahead
        say_line(
            tf(
                "week ahead: %1 occurrences, %2 open places, %3 conflicts, %4 requests falling due",
                a.occurrences,
                a.open_places,
                sum(a.conflicts.values()),
                len(a.requests_due),
            )
        )
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`review --week YYYY-Www [-o FILE.pdf|FILE.png] [--json] [--today D]`, made with build_parser's `command`."""
    p = command(
        "review",
        cmd_review,
        "The week in review: held, called off, moved, served, who went and their hours, places "
        "left open, conflicts, requests answered and late, records missing, the week ahead.",
    )
    p.add_argument("--week", required=True, type=_week, help="the ISO week, e.g. 2026-W49")
    p.add_argument("--json", action="store_true", help="print the review as JSON")
    p.add_argument("-o", "--output", help="write the review as .pdf (A4 landscape) or .png (one picture)")
    p.add_argument(
        "--today",
        type=day,
        help="the day the review is made on: what ended before it unrecorded is missing",
    )
