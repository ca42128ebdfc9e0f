"""The legend of a duty roster (班次说明 / 注 / 备注), wherever it stands: in a cell ("A班
08:00-16:00；N班 …"), laid out as a small table (A班 | 07:30-15:30), or on a sheet of its own
beside the month's grid. What it states adds to the office's codes for this import (the
office's own codes win). Pure."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from scheduler.exchange.duty.cells import cell_text, norm_name
from scheduler.exchange.duty.codes import (
    CLOCK_TEXT,
    LegendEntry,
    Shift,
    legend_codes,
    looks_like_legend,
    read_legend,
)
from scheduler.exchange.duty.layout import find_headers
from scheduler.exchange.duty.roster import DutyError
from scheduler.plan.model import Plan

MAX_LEGEND = 2000  # characters of a legend cell (a longer text is no legend)

_SPAN = re.compile(rf"{CLOCK_TEXT}\s*[-—–~～至到]+\s*(?:次日|翌日)?\s*{CLOCK_TEXT}")  # 07:30-15:30


def _legend_texts(
    rows: Sequence[Sequence[Any]], skip: Collection[int] = (), plan: Plan | None = None
) -> list[str]:
    """The texts of a sheet that may state codes, each once, in the sheet's order: its cells
    (A班 08:00-16:00；N班 …), and a legend laid out as a small table, one code a row with its
    hours in a cell of its own (A班 | 07:30-15:30, or A | 白班 | 08:00-16:00) read as
    "A班 07:30-15:30" (a person's row, or a row of a name, is none)."""
    seen: dict[str, None] = {}
    for i, row in enumerate(rows):
        if i in skip:
            continue
        for v in row:
            if type(v) is str and 4 <= len(v) <= MAX_LEGEND:
                seen.setdefault(cell_text(v))
        entry = table_legend(row, plan)
        if entry is not None:
            seen.setdefault(entry)
    return list(seen)


def table_legend(row: Sequence[Any], plan: Plan | None = None) -> str | None:
    """A row of a legend laid out as a table (A班 | 07:30-15:30; A | 白班 | 08:00-16:00) as the
    text "A班 07:30-15:30", or None (a person's row: more cells, or a staff member's name)."""
    if sum(1 for v in row if v is not None and v != "") > 4:
        return None  # a person's row (cheap: no text made)
    cells = [t for t in (cell_text(v) for v in row if v is not None) if t]
    if not 2 <= len(cells) <= 4 or len(cells[0]) > 4:
        return None
    timed = next((c for c in cells[1:] if len(c) <= 40 and _SPAN.search(c)), None)
    if timed is None or _SPAN.search(cells[0]):
        return None
    if plan is not None:  # a staff member's name first: a person's row (looked at for these rows only)
        key = norm_name(cells[0])
        if any(norm_name(s.name) == key for s in plan.staff.values()):
            return None
    text = f"{cells[0]} {timed}"
    return text if looks_like_legend(text) else None


def workbook_legend(sheets: Sequence[Any]) -> tuple[str, ...]:
    """The legend texts of a workbook's visible sheets that hold no roster (a 班次说明 sheet
    beside the month's grid): every roster of the workbook reads them after its own."""
    out: list[str] = []
    for sheet in sheets:
        if (getattr(sheet, "state", "visible") or "visible") == "visible":
            out.extend(sheet_legend(sheet.rows))
    return tuple(dict.fromkeys(out))


def sheet_legend(rows: Sequence[Sequence[Any]]) -> tuple[str, ...]:
    """The legend texts of a sheet that holds no roster (no row of day columns), else ()."""
    try:
        find_headers(rows)
    except DutyError:
        return tuple(t for t in _legend_texts(rows) if looks_like_legend(t) and read_legend(t))
    return ()


def roster_legend(
    rows: Sequence[Sequence[Any]],
    header_rows: Collection[int],
    plan: Plan,
    codes: Mapping[str, Shift],
    workbook_texts: Sequence[str] = (),
) -> tuple[dict[str, Shift], list[LegendEntry]]:
    """The codes a roster is read with and the legend entries it states, wherever they stand
    (under the grid, over it, beside it; then the workbook's other sheets): legend_codes."""
    texts_seen = [*_legend_texts(rows, header_rows, plan), *workbook_texts]
    legend = [e for t in dict.fromkeys(texts_seen) if looks_like_legend(t) for e in read_legend(t)]
    return legend_codes(legend, codes) if legend else (dict(codes), [])
