"""The statistics as an Excel workbook: one sheet per breakdown, headers in the app's language,
numbers as numbers and dates as dates — what an office pastes into its year-end report.

Every text cell stays text: names come from other offices' files, and a name such as
`=cmd|' /C calc'!A0` must not become a formula (OWASP, CSV injection)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.messages import ACTIVITY_KIND_NAMES, REQUEST_STATUS_NAMES
from reports.text import clean, shorten
from scheduler.office.stats import Row, Statistics
from scheduler.plan.model import Plan

# A cell starting with one of these is read as a formula by a spreadsheet, at once or when the
# cell is next edited (OWASP's list; a carriage return is a line feed once cleaned).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
CELL_LIMIT = 32767  # characters Excel keeps in a cell; a longer text is shortened with an ellipsis


def append_row(ws: Worksheet, values: list[Any]) -> None:
    """A row of cells: text always a string cell (never a formula), numbers and dates as they are.

    openpyxl makes a formula of any string starting with "=", so the type is set back to string;
    a risky start also gets Excel's quote prefix, so editing the cell later keeps it text."""
    ws.append([shorten(clean(v), CELL_LIMIT) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True


def _name(plan: Plan, section: str, key: str) -> str:
    item = getattr(plan, section).get(key)
    return getattr(item, "name", None) or key


def add_sheet(
    wb: Workbook, title: str, header: list[str], rows: list[list[Any]], formats: dict[int, str] | None = None
) -> None:
    """A sheet of `rows` under a bold, frozen `header`; `formats` gives a column (from 1) its
    number format; columns as wide as their text (within limits). The forecast's workbook too."""
    ws = wb.create_sheet(title[:31])
    append_row(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(ws, row)
    for col, fmt in (formats or {}).items():
        for cell in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell[0].number_format = fmt
    for i, h in enumerate(header, start=1):
        width = max([len(str(h)) * 2] + [len(str(r[i - 1])) for r in rows if i - 1 < len(r)] + [8])
        ws.column_dimensions[get_column_letter(i)].width = min(width + 2, 50)
    ws.freeze_panes = "A2"


def write_workbook(out: str | Path | BinaryIO, st: Statistics, plan: Plan, t: Callable[[str], str]) -> None:
    """The workbook, sheet by sheet: the summary, the breakdowns, the pairings, the requests and
    the busiest people."""
    wb = Workbook()
    wb.remove(wb.active)
    add_sheet(wb, t("Summary"), [t("Figure"), t("Value")], _summary(st, t))
    _breakdowns(wb, st, plan, t)
    _pairings(wb, st, plan, t)
    _requests(wb, st, plan, t)
    _busiest(wb, st, plan, t)
    wb.save(out)


def _summary(st: Statistics, t: Callable[[str], str]) -> list[list[Any]]:
    by_status = st.requests_by_status()
    return [
        [t("Occurrences held"), st.totals.occurrences],
        [t("People served"), st.totals.served],
        [t("Volunteer hours"), st.totals.hours],
        [t("Pairings on track"), sum(1 for p in st.pairings if p.on_track)],
        [t("Pairings behind"), sum(1 for p in st.pairings if not p.on_track)],
        [t("Requests received"), len(st.requests)],
        *[[t(REQUEST_STATUS_NAMES.get(k, k)), v] for k, v in sorted(by_status.items())],
        [t("Median days to answer a request"), st.median_days_to_answer()],
    ]


def _own_lead_totals(st: Statistics) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Of the occurrences a branch organized (planned or held), those it led itself
    (scheduler/office/leads.py): [organized, led] by branch and by month."""
    by_branch: dict[str, list[int]] = {}
    by_month: dict[str, list[int]] = {}
    for r in st.own_leads:
        for key, totals in ((r.branch, by_branch), (r.month, by_month)):
            figures_of = totals.setdefault(key, [0, 0])
            figures_of[0] += r.occurrences
            figures_of[1] += r.led_by_branch
    return by_branch, by_month


def _breakdowns(wb: Workbook, st: Statistics, plan: Plan, t: Callable[[str], str]) -> None:
    """The figures by month, party branch (with the branches' own leads), department, partner
    and kind."""
    figures = [t("Occurrences held"), t("People served"), t("Volunteer hours")]

    def lines(rows: dict[str, Row], name: Callable[[str], str]) -> list[list[Any]]:
        return [[name(r.key), r.occurrences, r.served, r.hours] for r in rows.values()]

    own_figures = [t("Occurrences planned or held"), t("Led by their own branch")]
    by_branch, by_month = _own_lead_totals(st)

    def with_own(rows: list[list[Any]], keys: list[str], totals: dict[str, list[int]]) -> list[list[Any]]:
        return [[*row, *totals.get(key, [0, 0])] for row, key in zip(rows, keys, strict=True)]

    add_sheet(
        wb,
        t("By month"),
        [t("Month"), *figures, *own_figures],
        with_own(lines(st.by_month, lambda k: k), list(st.by_month), by_month),
    )
    add_sheet(
        wb,
        t("By party branch"),
        [t("Party branch"), *figures, *own_figures],
        with_own(lines(st.by_branch, lambda k: _name(plan, "branches", k)), list(st.by_branch), by_branch),
    )
    add_sheet(
        wb,
        t("Led by their own branch"),
        [t("Party branch"), t("Month"), *own_figures, t("Share")],
        [
            [
                _name(plan, "branches", r.branch),
                r.month,
                r.occurrences,
                r.led_by_branch,
                r.led_by_branch / r.occurrences if r.occurrences else None,
            ]
            for r in st.own_leads
        ],
        {5: "0%"},
    )
    add_sheet(
        wb,
        t("By department"),
        [t("Department"), *figures],
        lines(st.by_department, lambda k: _name(plan, "departments", k)),
    )
    add_sheet(
        wb,
        t("By partner"),
        [t("Partner"), *figures],
        lines(st.by_partner, lambda k: _name(plan, "partners", k)),
    )
    add_sheet(
        wb, t("By kind"), [t("Kind"), *figures], lines(st.by_kind, lambda k: t(ACTIVITY_KIND_NAMES.get(k, k)))
    )


def _pairings(wb: Workbook, st: Statistics, plan: Plan, t: Callable[[str], str]) -> None:
    add_sheet(
        wb,
        t("Pairings"),
        [t("Party branch"), t("Partner"), t("Target a year"), t("Held"), t("Expected by now"), t("On track")],
        [
            [
                _name(plan, "branches", p.branch),
                _name(plan, "partners", p.partner),
                p.target,
                p.held,
                p.expected,
                t("Yes") if p.on_track else t("No"),
            ]
            for p in st.pairings
        ],
    )


def _requests(wb: Workbook, st: Statistics, plan: Plan, t: Callable[[str], str]) -> None:
    add_sheet(
        wb,
        t("Requests"),
        [
            t("Request"),
            t("Partner"),
            t("Service"),
            t("Status"),
            t("Received"),
            t("First held"),
            t("Days to answer"),
            t("In time"),
        ],
        [
            [
                r.request,
                _name(plan, "partners", r.partner),
                _name(plan, "services", r.service),
                t(REQUEST_STATUS_NAMES.get(r.status, r.status)),
                r.received,
                r.first_occurrence,
                r.days_to_answer,
                "" if r.within_response_time is None else (t("Yes") if r.within_response_time else t("No")),
            ]
            for r in st.requests
        ],
        {5: "yyyy-mm-dd hh:mm", 6: "yyyy-mm-dd hh:mm"},
    )


def _busiest(wb: Workbook, st: Statistics, plan: Plan, t: Callable[[str], str]) -> None:
    add_sheet(
        wb,
        t("Busiest people"),
        [t("Full name"), t("Department"), t("Volunteer number"), t("Occurrences held"), t("Volunteer hours")],
        [
            [
                _name(plan, "staff", r.key),
                _name(plan, "departments", plan.staff[r.key].department) if r.key in plan.staff else "",
                (plan.staff[r.key].volunteer_no or "") if r.key in plan.staff else "",
                r.occurrences,
                r.hours,
            ]
            for r in st.busiest_people()
        ],
    )
