"""Reading a duty roster: a department's duty grid (排班表 / 值班表: people × days, a shift code in each
cell) read into unavailability. Pure: the sheet's cells, the plan, the shift codes, the clinical
hours and (when the sheet does not say) the month and department are passed in. The steps live
beside this module: layout (the headers), dates (placing their days), legend, people, shifts
(cells into unavailability), merge (into what is held); docs/duty-rosters.md tells the office.

How a grid is found: a header is a row of day cells (day numbers 1–31, "1日", "12-01", "12月1日",
"2026-11-01" or real dates, the weekday before or after in the same cell): the first within the
first rows (at least seven days), then every further one (a week stacked under the last, often
under a 第N周 row). A weekday row just under (or over) a header is checked against the dates: one
column that disagrees refuses the file, naming it. Plain day numbers are placed by the title's
date range ("11月26日-12月25日"), else by the month given or named; days that wrap (26…31, 1…25)
are placed by the weekday row, and without one the file is refused naming both readings. A
legend (班次说明 / 注 / 备注) adds the codes it states for this import (the office's own codes
win). Rows that are not people (the legend, 制表人, 签名, 合计) are skipped and listed. People are
found by staff number or, failing that, by name within the department. An unknown code refuses
its cell only, an unknown or ambiguous person their row only; nothing is guessed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from scheduler.exchange.duty.cells import HeaderDay, cell_text
from scheduler.exchange.duty.codes import N_, Shift
from scheduler.exchange.duty.dates import Placed, check_readings, place_days
from scheduler.exchange.duty.layout import blocks_of, find_headers, weekday_row_of
from scheduler.exchange.duty.legend import roster_legend
from scheduler.exchange.duty.people import read_people, resolve_department
from scheduler.exchange.duty.roster import Block, DutyError, DutyRoster, Refusal, Skipped
from scheduler.exchange.duty.shifts import clock, roster_entries
from scheduler.exchange.spreadsheet.sheet import column_letter
from scheduler.plan.model import CLINICAL_HOURS, Plan


def read_duty_grid(
    rows: Sequence[Sequence[Any]],
    plan: Plan,
    codes: Mapping[str, Shift],
    clinical_hours: tuple[str, str] = CLINICAL_HOURS,
    *,
    department: str | None = None,
    month: date | None = None,
    hints: Sequence[str] = (),
    source: str = "",
    legend_texts: Sequence[str] = (),
) -> DutyRoster:
    """The grid of `rows` read against the plan's staff and departments. `legend_texts`: the
    legend of the workbook's other sheets (workbook_legend), after the sheet's own. `codes`: normalised code
    → Shift (read_shift_codes). `department` (an id or a name) and `month` (its first day) are
    found in the sheet (the title, the header's dates) or in `hints` (the sheet's and the file's
    names) when not given. Raises DutyError when the grid cannot be read at all."""
    headers = find_headers(rows)
    first_header = headers[0][0]
    title_texts = [cell_text(v) for row in rows[:first_header] for v in row if v is not None and cell_text(v)]
    texts = [" ".join(title_texts), *hints]
    if month is not None:
        month = month.replace(day=1)
    table, legend = roster_legend(rows, {h for h, _d in headers}, plan, codes, legend_texts)
    weekday_rows: dict[int, int | None] = {}
    cells: list[tuple[int, int, int, HeaderDay]] = []
    for b, (h, days) in enumerate(headers):
        weekday_rows[b] = weekday_row_of(rows, h, days, above_ok=b > 0 or h > 0)
        cells.extend((b, h, c, d) for c, d in sorted(days.items()))
    readings = place_days(cells, month, texts)
    check_readings(readings, cells, weekday_rows, rows, month, texts)
    refusals: list[Refusal] = []
    block_days = _block_days(readings[0], rows, len(headers), refusals)
    blocks = blocks_of(rows, headers, weekday_rows, block_days)
    first = Counter(d.replace(day=1) for b in blocks for _c, d in b.days).most_common(1)[0][0]
    dept = resolve_department(department, plan, texts, _numbers(rows, blocks[0]))
    skipped: list[Skipped] = []
    people = read_people(rows, blocks, plan, dept, table, refusals, skipped)
    hours = (clock(clinical_hours[0]), clock(clinical_hours[1]))
    entries = roster_entries(people, table, hours, dept, source)
    refusals.sort(key=lambda r: (r.row, len(r.column), r.column))
    return DutyRoster(dept, first, blocks, people, refusals, entries, skipped, legend, table)


def _block_days(
    reading: list[Placed], rows: Sequence[Sequence[Any]], blocks: int, refusals: list[Refusal]
) -> list[list[tuple[int, date]]]:
    """The (column, date) of each block's days; a header cell that is no date of the app, or a
    day that has a column already, refused. Raises DutyError when no day is left."""
    block_days: list[list[tuple[int, date]]] = [[] for _b in range(blocks)]
    seen_days: dict[date, str] = {}
    for b, r, c, _d, day, why in reading:
        cell = cell_text(rows[r][c])
        if day is None:
            if why.startswith("{") or not why[:1].isdigit():
                refusals.append(Refusal(r + 1, column_letter(c), cell, why))
            else:
                refusals.append(
                    Refusal(
                        r + 1, column_letter(c), cell, N_("{month} has no day {value}"), (("month", why),)
                    )
                )
            continue
        if day in seen_days:
            refusals.append(
                Refusal(
                    r + 1,
                    column_letter(c),
                    cell,
                    N_("the day {value} has a column already ({column})"),
                    (("column", seen_days[day]),),
                )
            )
            continue
        seen_days[day] = column_letter(c) if b == 0 else f"{column_letter(c)}{r + 1}"
        block_days[b].append((c, day))
    if not seen_days:
        raise DutyError(N_("no day of the header is a date the app takes"))
    return block_days


def _numbers(rows: Sequence[Sequence[Any]], block: Block) -> list[str]:
    """The staff numbers of the first block's rows (what the department may be told by)."""
    if block.number_column is None:
        return []
    col = block.number_column
    under = (
        block.weekday_row if block.weekday_row is not None and block.weekday_row > block.header_row else None
    )
    start = (under if under is not None else block.header_row) + 1
    return [cell_text(r[col]) for r in rows[start:] if col < len(r)]


@dataclass(slots=True)
class SheetRead:
    """One sheet of a workbook as a duty import read it: a roster, or why not (an error), or
    skipped (hidden, or no day columns at all when other sheets are rosters)."""

    name: str
    roster: DutyRoster | None = None
    error: DutyError | None = None
    hidden: str = ""  # "hidden" / "veryHidden": skipped


def read_duty_sheets(
    sheets: Sequence[Any],
    read: Callable[[Any], DutyRoster],
    only: str | None = None,
) -> list[SheetRead]:
    """Every visible sheet of a workbook read as a roster (`read` reads one); hidden ones skipped
    and named; with `only`, that sheet alone. A sheet without any day columns is reported as
    such (a notes sheet beside the rosters)."""
    out = []
    for sheet in sheets:
        if only is not None and sheet.name != only:
            continue
        state = getattr(sheet, "state", "visible") or "visible"
        if state != "visible" and only is None:
            out.append(SheetRead(sheet.name, hidden=state))
            continue
        try:
            out.append(SheetRead(sheet.name, roster=read(sheet)))
        except DutyError as exc:
            out.append(SheetRead(sheet.name, error=exc))
    return out
