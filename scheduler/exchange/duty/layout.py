"""Finding the layout of a duty roster: the header rows of day cells (a month's grid of people
× days has one; weeks stacked under one another one each, often under a 第N周 row; Excel serial
numbers whose date format was lost count too), the weekday row under or over each header, and
the columns of names and staff numbers left of the days. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from scheduler.exchange.duty.cells import (
    WEEK_HEADING,
    HeaderDay,
    cell_text,
    day_cell,
    header_kind,
    is_week_heading,
    weekday_of,
)
from scheduler.exchange.duty.codes import N_
from scheduler.exchange.duty.roster import Block, DutyError

MIN_DAY_COLUMNS = 7
HEADER_SEARCH_ROWS = 20
_MAYBE_DAY = re.compile(r"^\s*(?:\d|周|星期|礼拜|[A-Za-z]{2,9}\b)")


# Excel's serial day numbers of 2000-01-01 and 2099-12-31: a date cell whose format was lost.
_SERIALS = (36526, 73050)
_EXCEL_EPOCH = date(1899, 12, 30)


def _serial_days(row: Sequence[Any]) -> dict[int, HeaderDay]:
    """A header of Excel serial numbers (46357, 46358 …: dates whose cell format was lost) as
    dates, when at least a week of them follow one another day by day; else nothing."""
    found = {}
    for c, v in enumerate(row):
        if type(v) is str and len(v) == 5 and v.isdigit():  # a CSV: the number as text
            v = int(v)
        if type(v) in (int, float) and float(v).is_integer() and _SERIALS[0] <= v <= _SERIALS[1]:
            found[c] = int(v)
    values = list(found.values())
    if len(values) < MIN_DAY_COLUMNS or any(b != a + 1 for a, b in zip(values, values[1:], strict=False)):
        return {}
    out = {}
    for c, n in found.items():
        d = _EXCEL_EPOCH + timedelta(days=n)
        out[c] = HeaderDay(d.day, d.month, d.year)
    return out


def days_of(row: Sequence[Any]) -> dict[int, HeaderDay]:
    if any(
        (type(v) in (int, float) and v >= _SERIALS[0]) or (type(v) is str and len(v) == 5 and v.isdigit())
        for v in row
    ):
        serials = _serial_days(row)
        if serials:
            return serials
    out: dict[int, HeaderDay] = {}
    before: HeaderDay | None = None
    for c, v in enumerate(row):
        if v is None or (type(v) is str and not _MAYBE_DAY.match(v)):
            continue
        d = day_cell(v)
        if d is None:
            continue
        if (
            type(v) is float
            and before is not None
            and d.month is not None
            and d.month == before.month
            and before.day in (9, 19, 29)
            and d.day == (before.day + 1) // 10
        ):
            # 12.10 typed as a number is 12.1 in the cell (Excel drops the zero): after 12.9
            # it is the 10th (12.2 after 12.19 the 20th, 12.3 after 12.29 the 30th).
            d = replace(d, day=before.day + 1)
        out[c] = before = d
    return out


def _header_like(row: Sequence[Any], days: Mapping[int, HeaderDay]) -> bool:
    """Whether the cells before the first day column are those of a header: empty, 姓名/工号 and
    the like, or a week's heading (not a name or 合计)."""
    first = min(days)
    for v in row[:first]:
        text = cell_text(v) if v is not None else ""
        if text and header_kind(text) is None and not WEEK_HEADING.match(text):
            return False
    return True


def find_headers(rows: Sequence[Sequence[Any]]) -> list[tuple[int, dict[int, HeaderDay]]]:
    """The header rows: the first with at least seven days within the first rows, then every
    later row of at least seven days, or of at least one under a 第N周 heading."""
    found: list[tuple[int, dict[int, HeaderDay]]] = []
    for i, row in enumerate(rows):
        if not found and i >= HEADER_SEARCH_ROWS:
            break
        days = days_of(row)
        if not days:
            continue
        distinct = len({(d.month, d.day) for d in days.values()})
        # A title merged across the sheet repeats one value: not a header.
        wide = len(days) >= MIN_DAY_COLUMNS and distinct >= MIN_DAY_COLUMNS
        under_heading = found and i > 0 and (is_week_heading(rows[i - 1]) or is_week_heading(row))
        if found and not _header_like(row, days):
            continue  # a totals row (在岗人数 5, 6, 7 …) under the grid is no header
        if wide or (under_heading and distinct == len(days)):
            found.append((i, days))
    if not found:
        raise DutyError(
            N_(
                "no row of day columns (1, 2, 3 … or 11-01, 11-02 …) in the first {value} rows: "
                "is this a duty roster?"
            ),
            str(HEADER_SEARCH_ROWS),
        )
    return found


def weekday_row_of(
    rows: Sequence[Sequence[Any]], header: int, cols: Iterable[int], above_ok: bool
) -> int | None:
    """The row under (or, when allowed, over) a header that names weekdays in its day columns."""
    cols = list(cols)
    for r in (header + 1, header - 1) if above_ok else (header + 1,):
        if not 0 <= r < len(rows):
            continue
        row = rows[r]
        said = [cell_text(row[c]) for c in cols if c < len(row) and row[c] is not None]
        said = [t for t in said if t]
        named = sum(1 for t in said if weekday_of(t) is not None)
        if named >= max(1, len(cols) // 2) and named * 2 > len(said):
            return r
    return None


def person_columns(
    rows: Sequence[Sequence[Any]], header: int, weekday_row: int | None, day_cols: set[int]
) -> tuple[int | None, int | None]:
    name_col = number_col = None
    candidates = [rows[header]] + ([rows[weekday_row]] if weekday_row is not None else [])
    for row in candidates:
        for col, value in enumerate(row):
            if col in day_cols or value is None:
                continue
            kind = header_kind(value)
            if kind == "name" and name_col is None:
                name_col = col
            elif kind == "number" and number_col is None:
                number_col = col
    return name_col, number_col


def blocks_of(
    rows: Sequence[Sequence[Any]],
    headers: list[tuple[int, dict[int, HeaderDay]]],
    weekday_rows: dict[int, int | None],
    block_days: list[list[tuple[int, date]]],
) -> list[Block]:
    """Each header with its weekday row, its days and the columns of names and staff numbers
    (a week that states none keeps those of the block before). Raises DutyError when the first
    block has neither."""
    blocks: list[Block] = []
    name_col = number_col = None
    for b, (h, days) in enumerate(headers):
        wr = weekday_rows[b]
        day_cols = {c for c, _d in block_days[b]} | set(days)
        n, k = person_columns(rows, h, wr, day_cols)
        if n is not None or k is not None:
            name_col, number_col = n, k
        blocks.append(Block(h, wr, name_col, number_col, tuple(block_days[b])))
    if blocks[0].name_column is None and blocks[0].number_column is None:
        raise DutyError(N_("no column of names (姓名) or staff numbers (工号) left of the days"))
    return blocks
