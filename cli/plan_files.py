"""`import`, `record` and `export`: the plan file (docs/plan-file.md) into the database and out of it."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterable
from pathlib import Path

from cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    CommandError,
    Progress,
    no_folder,
    open_store,
    read_input,
    say_error,
    say_line,
)
from cli.lang import t, terminal, tf
from db.files import write_atomically
from db.operations import import_document, import_records
from db.planio import load_hospital, load_plan
from reports.messages import describe_hospital_change
from scheduler.exchange.planfile.problems import PlanError, Problem
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.plan.wording import N_

# How a number of records of a section reads ("3 staff"), by the plan file's section names.
COUNTED = {
    "campuses": N_("%1 campuses"),
    "departments": N_("%1 departments"),
    "branches": N_("%1 branches"),
    "staff": N_("%1 staff"),
    "unavailability": N_("%1 unavailability"),
    "partners": N_("%1 partners"),
    "pairings": N_("%1 pairings"),
    "services": N_("%1 services"),
    "activities": N_("%1 activities"),
    "assignments": N_("%1 assignments"),
    "requests": N_("%1 requests"),
    "records": N_("%1 records"),
    "calendar": N_("%1 calendar"),
    "acknowledgements": N_("%1 acknowledgements"),
}


def counted(numbers: Iterable[tuple[str, int]]) -> str:
    """'3 staff, 12 activities': the sections with records, each with its number."""
    return t(", ").join(tf(COUNTED[k], n) if k in COUNTED else f"{n} {k}" for k, n in numbers if n)


def refused(path: Path, template: str, exc: PlanError) -> int:
    """A file not taken: one line (`template`: %1 the file, %2 how many problems), then every
    problem with its place in the file."""
    say_error(tf(template, path, len(exc.problems)))
    for p in exc.problems:
        print(terminal(f"  {p.say(t)}"), file=sys.stderr)
    return EXIT_FAILED


NOT_IMPORTED = N_("%1 was not imported, nothing changed: %2 problem(s)")

NOT_RECORDED = N_("%1 was not recorded, nothing changed: %2 problem(s)")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_input(path)
    with open_store(args, write=True) as store:
        before = load_hospital(store)
        warnings: list[Problem] = []
        try:
            changes = import_document(store, data, Progress(t("import")), warnings)
        except PlanError as exc:
            return refused(path, NOT_IMPORTED, exc)
        after = load_hospital(store)
    said = [counted((k, len(v)) for k, v in changes.keys.items())]
    if changes.hospital:
        said.append(tf("the hospital's %1", describe_hospital_change(before, after, t)))
    say_line(tf("imported %1: %2", path, t("; ").join(x for x in said if x) or t("nothing to change")))
    for w in warnings:  # taken, but maybe not as meant: said on stderr, the exit stays 0
        print(terminal(tf("warning: %1", w.say(t))), file=sys.stderr)
    return EXIT_OK


def cmd_record(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_input(path)
    with open_store(args, write=True) as store:
        store.user = args.by or getpass.getuser()
        try:
            changes = import_records(store, data)
        except PlanError as exc:
            return refused(path, NOT_RECORDED, exc)
    say_line(tf("recorded %1: %2 record(s)", path, len(changes.keys.get("records", ()))))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if not out.parent.exists():
        raise CommandError(no_folder(out))
    with open_store(args) as store:
        plan = load_plan(store)
    write_atomically(out, dump_document(plan_to_document(plan)))
    say_line(tf("exported to %1: %2", out, counted(plan.counts().items())))
    return EXIT_OK


def add_import_parsers(command: Command) -> None:
    """`import FILE` and `record FILE [--by NAME]`."""
    p = command("import", cmd_import, "Import a plan file (adds to or updates the database by id).")
    p.add_argument("file", help="the plan file (JSON)")
    p = command("record", cmd_record, "Import completion records (the records section of a plan file).")
    p.add_argument("file", help="the plan file holding only records (JSON)")
    p.add_argument("--by", help="who recorded them, for the time bank (default: your login name)")


def add_export_parser(command: Command) -> None:
    """`export -o FILE`."""
    p = command("export", cmd_export, "Export the whole database as a plan file.")
    p.add_argument("-o", "--output", required=True, help="the plan file to write")
