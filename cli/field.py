"""`field export` and `field import`: field packages for a laptop at the venue (db/field.py)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from cli import args as cli_args
from cli.common import (
    EXIT_OK,
    EXIT_WANTING,
    Command,
    CommandError,
    no_folder,
    open_store,
    read_input,
    say_line,
)
from cli.lang import LANGUAGES, t, tf
from cli.plan_files import NOT_IMPORTED, refused
from db.field import ensure_field_keys, export_package, field_keys_ready, import_package
from db.files import write_atomically
from scheduler.exchange.field import PackageError
from scheduler.exchange.planfile.problems import PlanError


def cmd_field(args: argparse.Namespace) -> int:
    if args.action == "export":
        out = Path(args.output)
        if not out.parent.exists():
            raise CommandError(no_folder(out))
        start = cli_args.span(args.date_from, args.date_to, date.today())
        assert start is not None
        end = args.date_to or cli_args.until(start, 6)
        with open_store(args) as store:
            ready = field_keys_ready(store)
        if not ready:  # the first package of this database: its identity and key are made once
            with open_store(args, write=True) as store:
                ensure_field_keys(store)
        with open_store(args) as store:
            text = export_package(store, start, end)
        write_atomically(out, text)
        n = len(json.loads(text)["occurrences"])
        say_line(tf("wrote %1: %2 occurrence(s) from %3 to %4", out, n, start, end))
        return EXIT_OK
    path = Path(args.package)
    data = read_input(path)
    with open_store(args, write=True) as store:
        try:
            result = import_package(store, data)
        except PackageError as exc:
            raise CommandError(tf("%1 was refused, nothing changed: %2", path, exc.say(t))) from None
        except PlanError as exc:
            return refused(path, NOT_IMPORTED, exc)
    if result.already:
        say_line(tf("%1 was imported before: nothing changed", path))
        return EXIT_OK
    say_line(
        tf(
            "imported %1: %2 record(s) taken, %3 unchanged, %4 changed both here and in the field "
            "(choose in the app: File ▸ Field conflicts)",
            path,
            result.taken,
            result.same,
            result.conflicts,
        )
    )
    return EXIT_WANTING if result.conflicts else EXIT_OK


def add_parser(command: Command) -> None:
    """`field export [--from D] [--to D] -o PKG` and `field import PKG`."""
    p = command(
        "field", cmd_field, "Field packages: export a window for a laptop, import what was recorded there."
    )
    # Sub-commands of their own, so that options go before or after the package alike.
    actions = p.add_subparsers(
        dest="action",
        parser_class=type(p),
        required=True,
        metavar="export|import",
        help="export a package, or import one brought back",
    )
    help_ = "Export the occurrences of a window as a package for a laptop at the venue."
    e = actions.add_parser("export", help=help_, description=help_)
    e.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    e.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages")
    e.add_argument(
        "--from", dest="date_from", type=cli_args.day, help="first day of the window (default: today)"
    )
    e.add_argument(
        "--to", dest="date_to", type=cli_args.day, help="last day of the window (default: a week on)"
    )
    e.add_argument("-o", "--output", required=True, help="the package to write")
    help_ = "Import the records of a package brought back from the field."
    i = actions.add_parser("import", help=help_, description=help_)
    i.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    i.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages")
    i.add_argument("package", help="the package to import")
