"""`sheet`: rows from a spreadsheet into the database: staff, departments, partners, a
department's monthly duty roster, service requests from a form's export. Exit 0 when every row
was taken, 1 when some rows or cells were refused (the rest taken, each refusal listed with its
row, column, value and reason), 2 when it could not run (nothing taken)."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cli.common import EXIT_OK, EXIT_WANTING, CommandError, open_store, read_input
from cli.lang import json_text, t, terminal, tf
from db.operations import Edit, Stale, shift_codes, write
from db.planio import load_plan, revision
from scheduler.exchange.duty.codes import legend_groups, read_shift_codes
from scheduler.exchange.duty.grid import read_duty_grid, read_duty_sheets
from scheduler.exchange.duty.legend import sheet_legend, workbook_legend
from scheduler.exchange.duty.merge import merge_roster, roster_index
from scheduler.exchange.duty.roster import DutyRoster, column_letter, column_runs
from scheduler.exchange.spreadsheet.columns import MANY, REQUIRED, SYNONYMS
from scheduler.exchange.spreadsheet.forms import form_columns
from scheduler.exchange.spreadsheet.headers import ambiguous, find_header, guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.row import TOO_LONG
from scheduler.exchange.spreadsheet.sheet import Sheet, SheetError, columns_not_read
from scheduler.exchange.spreadsheet.workbook import read_workbook
from scheduler.plan.model import Plan, clinical_hours_of
from scheduler.plan.wording import N_

Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
KINDS = ("staff", "departments", "partners", "duty", "requests")


def _month(text: str) -> date:
    from cli.args import month  # the command line's one parser of dates (cli/args.py)

    return month(text)


def _refusal(row: int, column: str, header: str, value: str, reason: str, **more: Any) -> dict[str, Any]:
    return {"row": row, "column": column, "header": header, "value": value, "reason": reason, **more}


def _line(r: dict[str, Any]) -> str:
    where = tf("row %1", r["row"]) if r["row"] else tf("sheet %1", r.get("sheet", ""))  # 0: a whole sheet
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
            doc, saves, deletes = _duty(args, path, sheets, plan, codes)
        else:
            doc, saves, deletes = _table(args, path, sheets, plan)
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
    cut = [{"sheet": s.name, "first": s.cut} for s in sheets if s.cut and s.state == "visible"]
    if cut:  # never dropped in silence
        doc["columns_not_read"] = cut
        doc["report"] = [*doc.get("report", ()), *(columns_not_read(c["sheet"], c["first"], tf) for c in cut)]
    if args.json:
        print(json_text(doc))
    else:
        for r in doc["refused"]:
            print(terminal(_line(r)))
        for r in doc.get("skipped", ()):
            print(terminal(tf("row %1: not imported again: %2", r["row"], r["reason"])))
        for line in doc.get("report", ()):  # a duty import: each sheet read, as it was read
            print(terminal(line))
        print(terminal(doc["summary"]))
    return EXIT_WANTING if doc["refused"] else EXIT_OK


# -- a duty roster


def _ranges(days: list[tuple[int, date]]) -> list[tuple[str, str, date, date]]:
    """Runs of neighbouring columns on following dates, the columns by their letters."""
    return [(column_letter(a), column_letter(b), d0, d1) for a, b, d0, d1 in column_runs(days)]


def _shift(shift: Any) -> str:
    if shift.timed:
        return str(shift.label())
    return {"day": t("day shift"), "night": t("night shift"), "free": t("free"), "leave": t("leave")}[
        shift.kind
    ]


def _legend_text(roster: DutyRoster) -> list[str]:
    groups = legend_groups(roster.legend)
    used = [f"{c} {_shift(e.shift)}" for c, e in groups if e.used and e.shift is not None]
    overruled = [f"{c} {_shift(e.shift)}" for c, e in groups if not e.used and e.shift is not None]
    unread = [e.text for _c, e in groups if e.shift is None]
    out = []
    if used:
        out.append(tf("legend read: %1", ", ".join(used)))
    if overruled:
        out.append(tf("legend not used where the office's own codes say otherwise: %1", ", ".join(overruled)))
    if unread:
        out.append(tf("legend entries not understood (not used): %1", "；".join(unread)))
    return out


def _duty(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan, codes: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
    hours = clinical_hours_of(plan.hospital)

    legend = workbook_legend(sheets)  # a 班次说明 sheet beside the grids

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
            legend_texts=legend,
        )

    if args.sheet is not None and all(s.name != args.sheet for s in sheets):
        raise CommandError(
            tf("the file has no sheet named %1 (it has: %2)", args.sheet, ", ".join(s.name for s in sheets))
        )
    found = read_duty_sheets(sheets, read, args.sheet)
    rosters = [f for f in found if f.roster is not None and f.roster.people]
    if not rosters:
        first = next((f for f in found if f.error is not None), None)
        if first is not None and first.error is not None:
            raise CommandError(tf("%1 (sheet %2): %3", path, first.name, first.error.text(t)))
        if any(f.roster is not None for f in found):
            name = next(f.name for f in found if f.roster is not None)
            raise CommandError(tf("%1 (sheet %2): no one is listed under the day columns", path, name))
        raise CommandError(tf("%1: no visible sheet to read", path))
    held = dict(plan.unavailability)
    index = roster_index(held)
    saves: list[Any] = []
    deletes: list[Any] = []
    refused: list[dict[str, Any]] = []
    lines: list[str] = []
    reports: list[dict[str, Any]] = []
    totals: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    rows_skipped: list[dict[str, Any]] = []
    for f in found:
        sheet = next(s for s in sheets if s.name == f.name)
        if f.hidden:
            reports.append({"sheet": f.name, "skipped": f.hidden})
            lines.append(
                tf("sheet %1: %2, skipped", f.name, t("hidden") if f.hidden == "hidden" else t("very hidden"))
            )
            continue
        if f.error is not None:
            text = f.error.text(t)
            if (
                f.error.reason.startswith("no row of day columns")
                and len(found) > 1
                and sheet_legend(sheet.rows)
            ):
                reports.append({"sheet": f.name, "legend": True})
                lines.append(
                    tf("sheet %1: the workbook's legend (not a roster), read for every roster", f.name)
                )
            elif f.error.reason.startswith("no row of day columns") and len(found) > 1:
                reports.append({"sheet": f.name, "skipped": text})
                lines.append(tf("sheet %1: not a roster (%2), skipped", f.name, text))
            else:
                reports.append({"sheet": f.name, "error": text})
                refused.append({**_refusal(0, "", "", f.name, tf("not read: %1", text)), "sheet": f.name})
                lines.append(tf("sheet %1: not read: %2", f.name, text))
            continue
        roster = f.roster
        assert roster is not None
        if not roster.people:
            reports.append({"sheet": f.name, "error": t("no one is listed under the day columns")})
            lines.append(tf("sheet %1: no one is listed under the day columns", f.name))
            refused.append(
                {**_refusal(0, "", "", f.name, t("no one is listed under the day columns")), "sheet": f.name}
            )
            continue
        header = sheet.rows[roster.header_row]
        columns = {column_letter(i): str(v) if v is not None else "" for i, v in enumerate(header)}
        for r in roster.refusals:
            refused.append(
                {
                    **_refusal(
                        r.row, r.column, columns.get(r.column, "") if r.column else "", r.value, r.text(t)
                    ),
                    "sheet": f.name,
                }
            )
        merge = merge_roster(held, roster, index)
        merge.apply(held, index)
        saves.extend(merge.saves)
        deletes.extend(merge.deletes)
        kinds.update(e.reason for e in roster.entries)
        dates = roster.dates
        counts = {
            "people": len(roster.people),
            "taken": len(roster.taken),
            "entries": len(roster.entries),
            "written": len(merge.saves),
            "unchanged": merge.unchanged,
            "replaced": merge.replaced,
            "kept": merge.kept,
            "untouched": merge.untouched,
            "left_out": len(merge.left_out),
        }
        totals.update(counts)
        skipped = [{"row": k.row, "text": k.text, "reason": t(k.reason)} for k in roster.skipped]
        rows_skipped.extend({**k, "sheet": f.name} for k in skipped)
        reports.append(
            {
                "sheet": f.name,
                "department": roster.department,
                "month": f"{roster.month:%Y-%m}",
                "from": dates[0].isoformat(),
                "to": dates[-1].isoformat(),
                "blocks": [
                    {
                        "header_row": b.header_row + 1,
                        "days": [{"column": column_letter(c), "date": d.isoformat()} for c, d in b.days],
                    }
                    for b in roster.blocks
                ],
                "legend": [
                    {
                        "code": e.code,
                        "reads": e.shift.value() if e.shift else None,
                        "used": e.used,
                        "text": e.text,
                    }
                    for e in roster.legend
                ],
                "rows_skipped": skipped,
                **counts,
            }
        )
        dept = plan.departments[roster.department].name
        columns_read = "; ".join(
            f"{a}–{b}: {d0} – {d1}" if a != b else f"{a}: {d0}"
            for blk in roster.blocks
            for a, b, d0, d1 in _ranges(list(blk.days))
        )
        lines.append(
            tf(
                "sheet %1: duty roster of %2, %3 – %4, %5 block(s); columns read as %6",
                f.name,
                dept,
                dates[0],
                dates[-1],
                len(roster.blocks),
                columns_read,
            )
        )
        lines.extend("  " + x for x in _legend_text(roster))
        if skipped:
            lines.append(
                "  "
                + tf(
                    "rows skipped, not people: %1",
                    "; ".join(f"{k['row']} {k['text'][:30]} ({k['reason']})" for k in skipped),
                )
            )
        lines.append(
            "  "
            + tf(
                "%1 of %2 people taken, %3 entries: %4 written, %5 already there, %6 earlier ones replaced, "
                "%7 kept (their cell refused), %8 left out (held from elsewhere); %9 earlier entries of people "
                "not taken (row refused or not listed) left as they were",
                counts["taken"],
                counts["people"],
                counts["entries"],
                counts["written"],
                counts["unchanged"],
                counts["replaced"],
                counts["kept"],
                counts["left_out"],
                counts["untouched"],
            )
        )
    rows_refused = len({(r["sheet"], r["row"]) for r in refused if not r["column"] and r["row"]})
    cells_refused = sum(1 for r in refused if r["column"])
    summary = tf(
        "%1: %2 roster(s) read; %3 entries written (%4 duty, %5 rest, %6 leave in the rosters), %7 earlier entries "
        "replaced, %8 already there, %9 kept; %10 row(s) and %11 cell(s) refused",
        path.name,
        len(rosters),
        totals["written"],
        kinds["duty"],
        kinds["rest"],
        kinds["leave"],
        totals["replaced"],
        totals["unchanged"],
        totals["kept"],
        rows_refused,
        cells_refused,
    )
    if args.dry_run:
        summary = t("Dry run, nothing written.") + " " + summary
    first_roster = rosters[0].roster
    assert first_roster is not None
    doc = {
        "sheet": rosters[0].name,
        "department": first_roster.department,
        "month": f"{first_roster.month:%Y-%m}",
        "sheets": reports,
        "people": totals["people"],
        "taken": totals["taken"],
        "entries": totals["entries"],
        "written": totals["written"],
        "unchanged": totals["unchanged"],
        "replaced": totals["replaced"],
        "kept": totals["kept"],
        "untouched": totals["untouched"],
        "left_out": totals["left_out"],
        "by_reason": dict(sorted(kinds.items())),
        "rows_skipped": rows_skipped,
        "refused": refused,
        "report": lines,
        "summary": summary,
        "audit_as": {"unavailability": tf("duty roster %1", path.name)},
    }
    return doc, {"unavailability": saves}, {"unavailability": deletes}


# -- staff, departments, partners, requests


def _table(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
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
    results = convert(kind, sheet.rows, header, mapping, plan, now=datetime.now(), source=path.name)
    if not results:
        raise CommandError(tf("%1 (sheet %2): no rows under the header", path, sheet.name))
    column_of = {f: i for i, f in mapping.items() if f not in MANY}
    service_cols = [i for i, f in mapping.items() if f == "service"]
    if len(service_cols) == 1:
        column_of["service"] = service_cols[0]
    refused: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for res in results:
        for f, template, value in res.problems:
            i = column_of.get(f)
            shown = value or res.values.get(f, "")
            if template == TOO_LONG:  # the cell's start, not the limit
                shown = res.values.get(f, "")[:60] + "…"
            reason = t(template).format(value=value)
            more: dict[str, Any] = {}
            if res.candidates.get(f):
                items = {"partner": plan.partners, "department": plan.departments}.get(f, plan.services)
                names = [items[k].name for k in res.candidates[f]]
                more["candidates"] = names
                reason += "; " + tf("closest: %1", "、".join(names))
            said = _refusal(
                res.line,
                column_letter(i) if i is not None else "",
                str(head[i]) if i is not None and i < len(head) and head[i] is not None else "",
                shown,
                reason,
                **more,
            )
            if said not in refused:  # a submission of two services: its row's problems once
                refused.append(said)
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
        doc.update(_form_columns(head, mapping))
    return doc, {section: [r.record for r in good]}, {}


FIELD_WORDS = {
    "id": N_("staff number"),
    "number": N_("submission number"),
    "received": N_("submission time"),
    "platform": N_("not an answer"),
}


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
