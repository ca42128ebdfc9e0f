"""`sheet`: rows from a spreadsheet into the database: staff, departments, partners, a
department's monthly duty roster, service requests from a form's export. Exit 0 when every row
was taken, 1 when some rows or cells were refused (the rest taken, each refusal listed with its
row, column, value and reason), 2 when it could not run (nothing taken). The duty rosters are
read by cli/sheet_duty.py, the other sheets by cli/sheet_table.py; see docs/sheets.md."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli.common import EXIT_OK, EXIT_WANTING, Command, CommandError, open_store, read_input
from cli.lang import json_text, t, terminal, tf
from cli.refusals import refusal_line
from cli.sheet_duty import duty_import
from cli.sheet_table import table_import
from db.operations import Edit, Stale, shift_codes, write
from db.planio import load_plan, revision
from scheduler.exchange.duty.codes import read_shift_codes
from scheduler.exchange.spreadsheet.sheet import Sheet, SheetError, columns_not_read
from scheduler.exchange.spreadsheet.workbook import read_workbook

KINDS = ("staff", "departments", "partners", "duty", "requests")


def _month(text: str) -> date:
    from cli.args import month  # the command line's one parser of dates (cli/args.py)

    return month(text)


def cmd_sheet(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if args.kind != "duty" and (args.department or args.month):
        raise CommandError(t("--department and --month are for sheet duty"))
    data = read_input(path)
    try:
        sheets = read_workbook(data, path.name)
    except SheetError as exc:
        raise CommandError(tf("cannot read %1: %2", path, exc.text(t))) from None
    with open_store(args, write=not args.dry_run) as store:
        version = revision(store)
        plan = load_plan(store)
        if args.kind == "duty":
            codes = read_shift_codes(shift_codes(store))
            doc, saves, deletes = duty_import(args, path, sheets, plan, codes)
        else:
            doc, saves, deletes = table_import(args, path, sheets, plan)
        audit_as = doc.pop("audit_as", {})  # a duty import: one history entry
        if not args.dry_run and (saves or deletes):
            try:
                write(store, Edit(saves=saves, deletes=deletes, expect_revision=version, audit_as=audit_as))
            except Stale:
                raise CommandError(
                    t(
                        "the database was changed by someone else meanwhile; nothing was imported, run sheet again"
                    )
                ) from None
    doc = {"kind": args.kind, "file": str(path), **doc, "dry_run": args.dry_run}
    _say(args, doc, sheets)
    return EXIT_WANTING if doc["refused"] else EXIT_OK


def _say(args: argparse.Namespace, doc: dict[str, Any], sheets: list[Sheet]) -> None:
    """The document as JSON, or its lines: the refusals, the rows not imported again, the report
    and the summary; the columns past the 256th of any visible sheet, never dropped in silence."""
    cut = [{"sheet": s.name, "first": s.cut} for s in sheets if s.cut and s.state == "visible"]
    if cut:
        doc["columns_not_read"] = cut
        doc["report"] = [*doc.get("report", ()), *(columns_not_read(c["sheet"], c["first"], tf) for c in cut)]
    if args.json:
        print(json_text(doc))
        return
    for r in doc["refused"]:
        print(terminal(refusal_line(r)))
    for r in doc.get("skipped", ()):
        print(terminal(tf("row %1: not imported again: %2", r["row"], r["reason"])))
    for line in doc.get("report", ()):  # a duty import: each sheet read, as it was read
        print(terminal(line))
    print(terminal(doc["summary"]))


def add_parser(command: Command) -> None:
    """`sheet KIND FILE [--department ID] [--month YYYY-MM] [--sheet NAME] [--dry-run] [--json]`."""
    p = command(
        "sheet",
        cmd_sheet,
        "Import rows from a spreadsheet (xlsx, CSV in UTF-8 or GBK): staff, departments, partners, a "
        "department's duty roster of a month, or service requests from a form's export. Exit 1 when "
        "some rows or cells were refused (each listed, the rest taken).",
    )
    p.add_argument(
        "kind",
        choices=KINDS,
        help="what the sheet holds: staff, departments, partners, duty (a duty roster grid) or requests",
    )
    p.add_argument("file", help="the spreadsheet (.xlsx or .csv)")
    p.add_argument(
        "--department",
        help="duty: the department (id or name) whose roster it is (default: named in the title or file name)",
    )
    p.add_argument(
        "--month",
        type=_month,
        help="duty: the month of the roster, YYYY-MM (default: named in the header, title or file name)",
    )
    p.add_argument("--sheet", help="the worksheet to read (default: the first that fits)")
    p.add_argument(
        "--dry-run", action="store_true", help="list what would be taken and refused; change nothing"
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
