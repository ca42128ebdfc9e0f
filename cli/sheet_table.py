"""`sheet staff|departments|partners|requests`: the rows of a sheet into records: the sheet that
fits (or --sheet), its header and the field each column is (guessed from its header; a file that
can be read two ways or lacks a required column is refused whole), each row taken or refused with
its cells' problems, the requests imported before skipped, and how a form export's columns were
read. See docs/sheets.md."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from cli.common import CommandError
from cli.lang import t, terminal, tf
from cli.refusals import refusal
from scheduler.exchange.spreadsheet.columns import MANY, REQUIRED, SYNONYMS, ref_section
from scheduler.exchange.spreadsheet.forms import form_columns
from scheduler.exchange.spreadsheet.headers import ambiguous, find_header, guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.row import TOO_LONG, RowResult
from scheduler.exchange.spreadsheet.sheet import Sheet, column_letter
from scheduler.plan.model import Plan
from scheduler.plan.wording import N_

# How the command line names a field in its few messages about columns.
FIELD_WORDS = {
    "id": N_("staff number"),
    "number": N_("submission number"),
    "received": N_("submission time"),
    "platform": N_("not an answer"),
}


def table_import(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
    """The command's document, and the records to save."""
    kind = args.kind
    sheet, header, mapping = _sheet_read(args, path, sheets)
    head = sheet.rows[header] if sheet.rows else []
    results = convert(kind, sheet.rows, header, mapping, plan, now=datetime.now(), source=path.name)
    if not results:
        raise CommandError(tf("%1 (sheet %2): no rows under the header", path, sheet.name))
    refused, skipped = _refusals(kind, results, head, mapping, plan)
    good = [r for r in results if r.ok]
    new = sum(1 for r in good if not r.update)
    doc: dict[str, Any] = {
        "sheet": sheet.name,
        "rows": len(results),
        "taken": len(good),
        "new": new,
        "updated": len(good) - new,
        "refused": refused,
        "summary": _summary(args, path, good, new, skipped, refused),
    }
    if kind == "requests":
        doc["skipped"] = skipped
        doc["requests"] = [r.record.id for r in good]
        doc.update(_form_columns(head, mapping))
    return doc, {kind: [r.record for r in good]}, {}


def _sheet_read(
    args: argparse.Namespace, path: Path, sheets: list[Sheet]
) -> tuple[Sheet, int, dict[int, str]]:
    """The sheet to read (--sheet, else the first whose columns give every required field), its
    header row and the field of each column; refused when a field could be two columns or a
    required one is none."""
    kind = args.kind

    def mapped(sheet: Sheet) -> tuple[int, dict[int, str]]:
        header = find_header(kind, sheet.rows)
        head = sheet.rows[header] if sheet.rows else []
        return header, guess_mapping(kind, head, sheet.rows[header + 1 :])

    def fits(sheet: Sheet) -> bool:
        return set(REQUIRED[kind]) <= set(mapped(sheet)[1].values())

    sheet = _pick_sheet(sheets, args.sheet, fits)
    header, mapping = mapped(sheet)
    head = sheet.rows[header] if sheet.rows else []
    for f, cols in ambiguous(kind, head).items():
        named = " / ".join(f"{column_letter(i)} ({terminal(head[i])})" for i in cols)
        raise CommandError(
            tf(
                "%1 (sheet %2): the file can be read two ways: columns %3 could each be the %4; "
                "nothing imported (keep one of them, or name the other differently)",
                path,
                sheet.name,
                named,
                t(FIELD_WORDS.get(f, f)),
            )
        )
    missing = [f for f in REQUIRED[kind] if f not in mapping.values()]
    if missing:
        wanted = ", ".join(f"{f} ({SYNONYMS[kind][f][0]})" for f in missing)
        raise CommandError(tf("%1 (sheet %2): no column for %3", path, sheet.name, wanted))
    return sheet, header, mapping


def _pick_sheet(sheets: list[Sheet], name: str | None, fits: Callable[[Sheet], bool]) -> Sheet:
    if name is not None:
        for s in sheets:
            if s.name == name:
                return s
        raise CommandError(
            tf("the file has no sheet named %1 (it has: %2)", name, ", ".join(s.name for s in sheets))
        )
    return next((s for s in sheets if fits(s)), sheets[0])


def _refusals(
    kind: str, results: list[RowResult], head: list[Any], mapping: dict[int, str], plan: Plan
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each problem of a row where it is (its column, the closest names of one not found), once
    per row; and the rows not imported again, why."""
    column_of = {f: i for i, f in mapping.items() if f not in MANY}
    service_cols = [i for i, f in mapping.items() if f == "service"]
    if len(service_cols) == 1:
        column_of["service"] = service_cols[0]
    refused: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for res in results:
        for f, template, value in res.problems:
            said = _problem(kind, res, f, template, value, column_of.get(f), head, plan)
            if said not in refused:  # a submission of two services: its row's problems once
                refused.append(said)
        if res.record is None and not res.problems and res.skip is None:
            refused.append(refusal(res.line, "", "", "", t("not usable")))
        if res.skip is not None and not res.problems:
            template, value = res.skip
            skipped.append({"row": res.line, "reason": t(template).format(value=value)})
    return refused, skipped


def _problem(
    kind: str, res: RowResult, f: str, template: str, value: str, i: int | None, head: list[Any], plan: Plan
) -> dict[str, Any]:
    shown = value or res.values.get(f, "")
    if template == TOO_LONG:  # the cell's start, not the limit
        shown = res.values.get(f, "")[:60] + "…"
    reason = t(template).format(value=value)
    more: dict[str, Any] = {}
    if res.candidates.get(f):
        items = getattr(plan, ref_section(kind, f))
        names = [items[k].name for k in res.candidates[f]]
        more["candidates"] = names
        reason += "; " + tf("closest: %1", "、".join(names))
    return refusal(
        res.line,
        column_letter(i) if i is not None else "",
        str(head[i]) if i is not None and i < len(head) and head[i] is not None else "",
        shown,
        reason,
        **more,
    )


def _summary(
    args: argparse.Namespace,
    path: Path,
    good: list[RowResult],
    new: int,
    skipped: list[dict[str, Any]],
    refused: list[dict[str, Any]],
) -> str:
    bad_rows = len({r["row"] for r in refused})
    if args.kind == "requests":
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
    return summary


def _form_columns(head: list[Any], mapping: dict[int, str]) -> dict[str, Any]:
    """How a form export's columns were read: the platform's own (never answers) and the
    service question (one cell, or one 0/1 column per choice), for the JSON and the lines above
    the summary."""
    cols = form_columns(head, mapping)

    def named(i: int) -> str:
        return f"{column_letter(i)} ({head[i] if i < len(head) and head[i] is not None else ''})"

    platform = [{"column": column_letter(i), "header": str(head[i] or ""), "as": f} for i, f in cols.platform]
    report = []
    if platform:
        report.append(
            tf(
                "columns of the form platform, not read as answers: %1",
                ", ".join(
                    named(i) + (f" = {t(FIELD_WORDS[f])}" if f != "platform" else "")
                    for i, f in cols.platform
                ),
            )
        )
    service: dict[str, Any] = {}
    if cols.service_kind == "0/1":
        service = {
            "columns": [column_letter(i) for i, _c in cols.service],
            "choices": [c for _i, c in cols.service],
            "as": "0/1",
        }
        report.append(
            tf(
                "services from one 0/1 column per choice: %1; each chosen service is a request of its own",
                ", ".join(f"{column_letter(i)} {c}" for i, c in cols.service),
            )
        )
    elif cols.service_kind == "text":
        service = {"columns": [column_letter(cols.service[0][0])], "as": "text"}
        report.append(
            tf(
                "services from column %1; several in one cell (joined by ┋ ; , 、) are a request each",
                named(cols.service[0][0]),
            )
        )
    return {"platform_columns": platform, "service_columns": service, "report": report}
