"""`notice`: the text of one occurrence for a WeChat group, printed or written to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.args import day
from cli.common import EXIT_OK, Command, CommandError, no_folder, open_store, say_line
from cli.lang import t, tf
from db.files import write_atomically
from db.operations import notice_settings
from db.planio import load_plan
from reports.document import translator
from reports.notice import occurrence_notice
from reports.registry import OCCURRENCE, RosterError
from scheduler.calendar.workdays import WorkCalendar, official_calendar


def cmd_notice(args: argparse.Namespace) -> int:
    out = Path(args.output) if args.output else None
    if out is not None and not out.parent.exists():
        raise CommandError(no_folder(out))
    with open_store(args) as store:
        plan = load_plan(store)
        settings = notice_settings(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    try:
        text = occurrence_notice(
            plan,
            calendar,
            args.activity,
            args.occurrence,
            translator(args.lang),
            settings.gather_minutes,
            settings.bring,
        )
    except RosterError as exc:
        names = {OCCURRENCE: t("--activity ID and --occurrence DATE")}
        raise CommandError(exc.message(names, t, title="notice")) from None
    if out is None:  # several lines, each made safe in reports/notice.py
        sys.stdout.write(text)
        return EXIT_OK
    write_atomically(out, text)
    say_line(tf("wrote %1", out))
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`notice --activity ID --occurrence DATE [-o FILE.txt]`, made with build_parser's `command`."""
    p = command(
        "notice",
        cmd_notice,
        "The notice of one occurrence for a WeChat group: time, gathering, venue, contact, "
        "stations and people, lead, what to bring (the gathering time is a setting).",
    )
    p.add_argument("--activity", required=True, help="activity id")
    p.add_argument("--occurrence", required=True, type=day, help="date of the occurrence as first planned")
    p.add_argument("-o", "--output", help="write the text to this file (UTF-8) instead of printing it")
