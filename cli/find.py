"""`find TEXT [--json]`: the ids of the activities, staff, partners, branches, pairings and
requests whose id, name or words contain TEXT, for the commands that take an id (`notice`,
`roster`, `ics`, `sheet`). Read-only: the database is opened for reading, nothing is created.
Exit 0 when something was found, 1 when nothing was."""

from __future__ import annotations

import argparse
from datetime import date

from cli.common import EXIT_OK, EXIT_WANTING, Command, column, open_store, say_line
from cli.lang import json_text, t, tf
from db.planio import load_plan
from scheduler.plan.search import FOUND_SECTIONS, find
from scheduler.plan.wording import N_

# How each section is headed in the text output.
HEADINGS = {
    "activities": N_("Activities (id, title, first start · venue · organizer; next dates)"),
    "staff": N_("Staff (id, name, department · title)"),
    "partners": N_("Partners (id, name, district)"),
    "branches": N_("Party branches (id, name)"),
    "pairings": N_("Pairings (id, branch – partner)"),
    "requests": N_("Requests (id, partner: service, received)"),
}
SHOWN_PER_SECTION = 50  # in text; --json lists them all


def cmd_find(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        plan = load_plan(store)
    today = args.today or date.today()
    found = find(plan, args.text, today)
    if args.json:
        doc = {
            "query": args.text,
            "today": today.isoformat(),
            "found": [
                {
                    "section": f.section,
                    "id": f.id,
                    "name": f.name,
                    "detail": f.detail,
                    **({"next": [d.isoformat() for d in f.dates]} if f.section == "activities" else {}),
                }
                for f in found
            ],
        }
        print(json_text(doc))
        return EXIT_OK if found else EXIT_WANTING
    if not found:
        say_line(tf("nothing found for %1", repr(args.text)))
        return EXIT_WANTING
    width = min(max(len(f.id) for f in found), 24)
    for section in FOUND_SECTIONS:
        items = [f for f in found if f.section == section]
        if not items:
            continue
        say_line(t(HEADINGS[section]))
        for f in items[:SHOWN_PER_SECTION]:
            line = f"  {column(f.id, width)}  {f.name}"
            if f.detail:
                line += f"  ({f.detail})"
            if f.section == "activities":
                dates = ", ".join(d.isoformat() for d in f.dates)
                line += "  " + (tf("next: %1", dates) if dates else t("no occurrence from today on"))
            say_line(line)
        if len(items) > SHOWN_PER_SECTION:
            say_line("  " + tf("… and %1 more (--json lists them all)", len(items) - SHOWN_PER_SECTION))
    return EXIT_OK


def add_parser(command: Command) -> None:
    """`find TEXT [--json] [--today D]`, made with build_parser's `command`."""
    from cli.args import day

    p = command(
        "find",
        cmd_find,
        "List the activities, staff, partners, branches, pairings and requests whose id, name or "
        "words contain TEXT, with their ids (read-only).",
    )
    p.add_argument("text", help="what to look for: part of a title, a name, a phone number or an id")
    p.add_argument("--json", action="store_true", help="print the matches as JSON")
    p.add_argument(
        "--today", type=day, help="the day from which an activity's next dates are listed (default: today)"
    )
