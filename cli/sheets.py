"""`sheet`: rows from a spreadsheet into the database: staff, departments, partners, a
department's monthly duty roster, service requests from a form's export. Exit 0 when every row
was taken, 1 when some rows or cells were refused (the rest taken, each refusal listed with its
row, column, value and reason), 2 when it could not run (nothing taken)."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from db.operations import Edit, Stale, shift_codes, write
from db.planio import load_plan, revision
from scheduler.duty import (
    DutyError,
    DutyRoster,
    column_letter,
    imported_from,
    merge_roster,
    read_duty_grid,
    read_shift_codes,
)
from scheduler.model import Plan
from scheduler.spreadsheet import (
    REQUIRED,
    SYNONYMS,
    Sheet,
    SheetError,
    convert,
    find_header,
    guess_mapping,
    read_workbook,
)

from .commands import EXIT_OK, EXIT_WANTING, CommandError, _open, _read
from .lang import t, tf

Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
KINDS = ("staff", "departments", "partners", "duty", "requests")


def _month(text: str) -> date:
    parts = text.split("-")
    try:
        if len(parts) != 2 or len(parts[0]) != 4:
            raise ValueError(text)
        found = date(int(parts[0]), int(parts[1]), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text!r}") from None
    if not 2000 <= found.year <= 2100:
        raise argparse.ArgumentTypeError(f"month out of range: {text!r}")
    return found


def _refusal(row: int, column: str, header: str, value: str, reason: str, **more: Any) -> dict[str, Any]:
    return {"row": row, "column": column, "header": header, "value": value, "reason": reason, **more}


def _line(r: dict[str, Any]) -> str:
    where = tf("row %1", r["row"])
    if r["column"]:
        col = f"{r['column']} ({r['header']})" if r["header"] else r["column"]
        where = tf("row %1, column %2", r["row"], col)
    return f"{where}: {r['reason']}"


def _pick_sheet(sheets: list[Sheet], name: str | None, fits: Callable[[Sheet], bool]) -> Sheet:
    if name is not None:
        for s in sheets:
            if s.name == name:
                return s
        raise CommandError(
            tf("the file has no sheet named %1 (it has: %2)", name, ", ".join(s.name for s in sheets))
        )
    return next((s for s in sheets if fits(s)), sheets[0])


def cmd_sheet(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if args.kind != "duty" and (args.department or args.month):
        raise CommandError(t("--department and --month are for sheet duty"))
    data = _read(path)
    try:
        sheets = read_workbook(data, path.name)
    except SheetError as exc:
        raise CommandError(tf("cannot read %1: %2", path, exc)) from None
    with _open(args, write=not args.dry_run) as store:
        version = revision(store)
        plan = load_plan(store)
        if args.kind == "duty":
            codes = read_shift_codes(shift_codes(store))
            doc, saves, deletes = _duty(args, path, sheets, plan, codes)
        else:
            doc, saves, deletes = _table(args, path, sheets, plan)
        if not args.dry_run and (saves or deletes):
            try:
                write(store, Edit(saves=saves, deletes=deletes, expect_revision=version))
            except Stale:
                raise CommandError(
                    t(
                        "the database was changed by someone else meanwhile; nothing was imported, run sheet again"
                    )
                ) from None
    doc = {"kind": args.kind, "file": str(path), **doc, "dry_run": args.dry_run}
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=1))
    else:
        for r in doc["refused"]:
            print(_line(r))
        for r in doc.get("skipped", ()):
            print(tf("row %1: not imported again: %2", r["row"], r["reason"]))
        print(doc["summary"])
    return EXIT_WANTING if doc["refused"] else EXIT_OK


# -- a duty roster


def _duty(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan, codes: dict[str, str]
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
    hours = plan.hospital.clinical_hours if plan.hospital else ("08:00", "17:30")

    def read(sheet: Sheet) -> DutyRoster:
        source = path.name if sheet.name == path.name else f"{path.name}: {sheet.name}"
        return read_duty_grid(
            sheet.rows,
            plan,
            codes,
            hours,
            department=args.department,
            month=args.month,
            hints=(sheet.name, path.stem),
            source=source,
        )

    def fits(sheet: Sheet) -> bool:
        try:
            read(sheet)
        except DutyError:
            return False
        return True

    sheet = _pick_sheet(sheets, args.sheet, fits)
    try:
        roster = read(sheet)
    except DutyError as exc:
        raise CommandError(
            tf("%1 (sheet %2): %3", path, sheet.name, t(exc.reason).format(value=exc.value))
        ) from None
    if not roster.people:
        raise CommandError(tf("%1 (sheet %2): no one is listed under the day columns", path, sheet.name))
    header = sheet.rows[roster.header_row]
    columns = {column_letter(i): str(v) if v is not None else "" for i, v in enumerate(header)}
    refused = [
        _refusal(r.row, r.column, columns.get(r.column, "") if r.column else "", r.value, r.text(t))
        for r in roster.refusals
    ]
    saves, gone, left_out = merge_roster(plan.unavailability, roster)
    earlier = len(imported_from(plan.unavailability.values(), roster.department, roster.month))
    kinds = Counter(e.reason for e in saves)
    rows_refused = sum(1 for p in roster.people if p.staff is None)
    cells_refused = sum(len(p.refused_days) for p in roster.people)
    dept = plan.departments[roster.department].name
    month = f"{roster.month:%Y-%m}"
    summary = tf(
        "%1: duty roster of %2 for %3: %4 of %5 people taken, %6 entries (%7 duty, %8 rest, %9 leave), "
        "%10 entries of an earlier import replaced; %11 row(s) and %12 cell(s) refused",
        path.name,
        dept,
        month,
        len(roster.taken),
        len(roster.people),
        len(saves),
        kinds["duty"],
        kinds["rest"],
        kinds["leave"],
        earlier,
        rows_refused,
        cells_refused,
    )
    if left_out:
        summary += "; " + tf("%1 entries left out: the same person and times are held already", len(left_out))
    if args.dry_run:
        summary = t("Dry run, nothing written.") + " " + summary
    doc = {
        "sheet": sheet.name,
        "department": roster.department,
        "month": month,
        "people": len(roster.people),
        "taken": len(roster.taken),
        "entries": len(saves),
        "by_reason": dict(sorted(kinds.items())),
        "replaced": earlier,
        "left_out": len(left_out),
        "refused": refused,
        "summary": summary,
    }
    return doc, {"unavailability": saves}, {"unavailability": gone}


# -- staff, departments, partners, requests


def _table(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
    kind = args.kind

    def mapped(sheet: Sheet) -> tuple[int, dict[int, str]]:
        header = find_header(kind, sheet.rows)
        return header, guess_mapping(kind, sheet.rows[header] if sheet.rows else [])

    def fits(sheet: Sheet) -> bool:
        return set(REQUIRED[kind]) <= set(mapped(sheet)[1].values())

    sheet = _pick_sheet(sheets, args.sheet, fits)
    header, mapping = mapped(sheet)
    missing = [f for f in REQUIRED[kind] if f not in mapping.values()]
    if missing:
        wanted = ", ".join(f"{f} ({SYNONYMS[kind][f][0]})" for f in missing)
        raise CommandError(tf("%1 (sheet %2): no column for %3", path, sheet.name, wanted))
    results = convert(kind, sheet.rows, header, mapping, plan, now=datetime.now(), source=path.name)
    if not results:
        raise CommandError(tf("%1 (sheet %2): no rows under the header", path, sheet.name))
    head = sheet.rows[header]
    column_of = {f: i for i, f in mapping.items()}
    refused: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for res in results:
        for f, template, value in res.problems:
            i = column_of.get(f)
            shown = value or res.values.get(f, "")
            reason = t(template).format(value=value)
            more: dict[str, Any] = {}
            if res.candidates.get(f):
                items = plan.partners if f == "partner" else plan.services
                names = [items[k].name for k in res.candidates[f]]
                more["candidates"] = names
                reason += "; " + tf("closest: %1", "、".join(names))
            refused.append(
                _refusal(
                    res.line,
                    column_letter(i) if i is not None else "",
                    str(head[i]) if i is not None and i < len(head) and head[i] is not None else "",
                    shown,
                    reason,
                    **more,
                )
            )
        if res.record is None and not res.problems and res.skip is None:
            refused.append(_refusal(res.line, "", "", "", t("not usable")))
        if res.skip is not None and not res.problems:
            template, value = res.skip
            skipped.append({"row": res.line, "reason": t(template).format(value=value)})
    good = [r for r in results if r.ok]
    section = kind
    new = sum(1 for r in good if not r.update)
    bad_rows = len({r["row"] for r in refused})
    if kind == "requests":
        summary = tf(
            "%1: %2 request(s) taken, %3 already there (repeated, or imported before), %4 row(s) refused",
            path.name,
            len(good),
            len(skipped),
            bad_rows,
        )
    else:
        summary = tf(
            "%1: %2 row(s) taken (%3 new, %4 updated), %5 row(s) refused",
            path.name,
            len(good),
            new,
            len(good) - new,
            bad_rows,
        )
    if args.dry_run:
        summary = t("Dry run, nothing written.") + " " + summary
    doc: dict[str, Any] = {
        "sheet": sheet.name,
        "rows": len(results),
        "taken": len(good),
        "new": new,
        "updated": len(good) - new,
        "refused": refused,
        "summary": summary,
    }
    if kind == "requests":
        doc["skipped"] = skipped
        doc["requests"] = [r.record.id for r in good]
    return doc, {section: [r.record for r in good]}, {}


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
