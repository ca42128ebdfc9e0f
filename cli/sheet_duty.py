"""`sheet duty`: the duty rosters of a workbook into the unavailability of the people they list:
every visible sheet read (each a department's roster of a month; hidden ones skipped and named, the
workbook's legend read for every roster), each sheet's report (the columns read as dates, the
legend, the rows skipped, what is written, kept and replaced), the refusals and the summary. See
docs/sheets.md and docs/duty-rosters.md."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cli.common import CommandError
from cli.lang import t, tf
from cli.refusals import refusal
from scheduler.exchange.duty.codes import legend_groups
from scheduler.exchange.duty.grid import SheetRead, read_duty_grid, read_duty_sheets
from scheduler.exchange.duty.legend import sheet_legend, workbook_legend
from scheduler.exchange.duty.merge import merge_roster, roster_index
from scheduler.exchange.duty.roster import DutyRoster, column_runs
from scheduler.exchange.spreadsheet.sheet import Sheet, column_letter
from scheduler.plan.model import Plan, clinical_hours_of


@dataclass
class _Taken:
    """What the rosters of a workbook give, sheet by sheet: the entries to save and delete (merged
    into `held` as they come, so a later sheet meets the earlier ones), refusals, report lines and
    each sheet's report, the counts."""

    held: dict[Any, Any]
    index: Any
    saves: list[Any] = field(default_factory=list)
    deletes: list[Any] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    totals: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    rows_skipped: list[dict[str, Any]] = field(default_factory=list)


def duty_import(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan, codes: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
    """The command's document, and the unavailability to save and to delete."""
    found = _read_sheets(args, path, sheets, plan, codes)
    rosters = [f for f in found if f.roster is not None and f.roster.people]
    if not rosters:
        _refuse_the_file(path, found)
    held = dict(plan.unavailability)
    taken = _Taken(held, roster_index(held))
    for f in found:
        sheet = next(s for s in sheets if s.name == f.name)
        if f.hidden:
            taken.reports.append({"sheet": f.name, "skipped": f.hidden})
            taken.lines.append(
                tf("sheet %1: %2, skipped", f.name, t("hidden") if f.hidden == "hidden" else t("very hidden"))
            )
        elif f.error is not None:
            _not_a_roster(taken, f, sheet, several=len(found) > 1)
        else:
            assert f.roster is not None
            _take_roster(taken, f.name, sheet, f.roster, plan)
    first = rosters[0].roster
    assert first is not None
    return (
        _document(args, path, taken, rosters[0].name, first, len(rosters)),
        {"unavailability": taken.saves},
        {"unavailability": taken.deletes},
    )


def _read_sheets(
    args: argparse.Namespace, path: Path, sheets: list[Sheet], plan: Plan, codes: dict[str, Any]
) -> list[SheetRead]:
    """Every sheet read as a roster (or the one named by --sheet), as it says or as the command
    line says (its department and month)."""
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
    return read_duty_sheets(sheets, read, args.sheet)


def _refuse_the_file(path: Path, found: list[SheetRead]) -> None:
    """No sheet lists anyone: the first sheet's reason, or that no one is listed."""
    first = next((f for f in found if f.error is not None), None)
    if first is not None and first.error is not None:
        raise CommandError(tf("%1 (sheet %2): %3", path, first.name, first.error.text(t)))
    if any(f.roster is not None for f in found):
        name = next(f.name for f in found if f.roster is not None)
        raise CommandError(tf("%1 (sheet %2): no one is listed under the day columns", path, name))
    raise CommandError(tf("%1: no visible sheet to read", path))


def _not_a_roster(taken: _Taken, f: SheetRead, sheet: Sheet, several: bool) -> None:
    """A sheet that is no roster: the workbook's legend, a sheet beside the rosters (skipped), or
    a roster not read (refused)."""
    assert f.error is not None
    text = f.error.text(t)
    no_days = f.error.reason.startswith("no row of day columns")
    if no_days and several and sheet_legend(sheet.rows):
        taken.reports.append({"sheet": f.name, "legend": True})
        taken.lines.append(
            tf("sheet %1: the workbook's legend (not a roster), read for every roster", f.name)
        )
    elif no_days and several:
        taken.reports.append({"sheet": f.name, "skipped": text})
        taken.lines.append(tf("sheet %1: not a roster (%2), skipped", f.name, text))
    else:
        taken.reports.append({"sheet": f.name, "error": text})
        taken.refused.append({**refusal(0, "", "", f.name, tf("not read: %1", text)), "sheet": f.name})
        taken.lines.append(tf("sheet %1: not read: %2", f.name, text))


def _take_roster(taken: _Taken, name: str, sheet: Sheet, roster: DutyRoster, plan: Plan) -> None:
    """A roster's entries merged into what is held, its refusals, its report and its lines."""
    if not roster.people:
        taken.reports.append({"sheet": name, "error": t("no one is listed under the day columns")})
        taken.lines.append(tf("sheet %1: no one is listed under the day columns", name))
        taken.refused.append(
            {**refusal(0, "", "", name, t("no one is listed under the day columns")), "sheet": name}
        )
        return
    header = sheet.rows[roster.header_row]
    columns = {column_letter(i): str(v) if v is not None else "" for i, v in enumerate(header)}
    for r in roster.refusals:
        head = columns.get(r.column, "") if r.column else ""
        taken.refused.append({**refusal(r.row, r.column, head, r.value, r.text(t)), "sheet": name})
    merge = merge_roster(taken.held, roster, taken.index)
    merge.apply(taken.held, taken.index)
    taken.saves.extend(merge.saves)
    taken.deletes.extend(merge.deletes)
    taken.kinds.update(e.reason for e in roster.entries)
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
    taken.totals.update(counts)
    skipped = [{"row": k.row, "text": k.text, "reason": t(k.reason)} for k in roster.skipped]
    taken.rows_skipped.extend({**k, "sheet": name} for k in skipped)
    taken.reports.append(_roster_report(name, roster, skipped, counts))
    taken.lines.extend(_roster_lines(name, roster, plan, skipped, counts))


def _roster_report(
    name: str, roster: DutyRoster, skipped: list[dict[str, Any]], counts: dict[str, int]
) -> dict[str, Any]:
    """A roster's report in the JSON: its department, month and dates, the blocks of day
    columns, the legend as read, the rows skipped and the counts."""
    dates = roster.dates
    return {
        "sheet": name,
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
            {"code": e.code, "reads": e.shift.value() if e.shift else None, "used": e.used, "text": e.text}
            for e in roster.legend
        ],
        "rows_skipped": skipped,
        **counts,
    }


def _roster_lines(
    name: str, roster: DutyRoster, plan: Plan, skipped: list[dict[str, Any]], counts: dict[str, int]
) -> list[str]:
    """A roster's lines: the columns read as dates, the legend, the rows skipped, the counts."""
    dates = roster.dates
    columns_read = "; ".join(
        f"{a}–{b}: {d0} – {d1}" if a != b else f"{a}: {d0}"
        for blk in roster.blocks
        for a, b, d0, d1 in _ranges(list(blk.days))
    )
    lines = [
        tf(
            "sheet %1: duty roster of %2, %3 – %4, %5 block(s); columns read as %6",
            name,
            plan.departments[roster.department].name,
            dates[0],
            dates[-1],
            len(roster.blocks),
            columns_read,
        )
    ]
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
    return lines


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


def _document(
    args: argparse.Namespace, path: Path, taken: _Taken, sheet: str, first: DutyRoster, rosters: int
) -> dict[str, Any]:
    """The command's document: the first roster's sheet, department and month, every sheet's
    report, the totals, the refusals, the lines and the summary."""
    totals, kinds = taken.totals, taken.kinds
    rows_refused = len({(r["sheet"], r["row"]) for r in taken.refused if not r["column"] and r["row"]})
    cells_refused = sum(1 for r in taken.refused if r["column"])
    summary = tf(
        "%1: %2 roster(s) read; %3 entries written (%4 duty, %5 rest, %6 leave in the rosters), %7 earlier entries "
        "replaced, %8 already there, %9 kept; %10 row(s) and %11 cell(s) refused",
        path.name,
        rosters,
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
    counted = (
        "people",
        "taken",
        "entries",
        "written",
        "unchanged",
        "replaced",
        "kept",
        "untouched",
        "left_out",
    )
    return {
        "sheet": sheet,
        "department": first.department,
        "month": f"{first.month:%Y-%m}",
        "sheets": taken.reports,
        **{k: totals[k] for k in counted},
        "by_reason": dict(sorted(kinds.items())),
        "rows_skipped": taken.rows_skipped,
        "refused": taken.refused,
        "report": taken.lines,
        "summary": summary,
        "audit_as": {"unavailability": tf("duty roster %1", path.name)},
    }
