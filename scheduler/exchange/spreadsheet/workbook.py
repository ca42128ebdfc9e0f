"""A spreadsheet file's sheets: an .xlsx (after the guards of guards.py; merged cells filled from
their top-left, within the data) or the one sheet of a CSV. See docs/sheets.md."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from scheduler.exchange.spreadsheet.csvfile import read_csv
from scheduler.exchange.spreadsheet.guards import check_parts, not_xlsx
from scheduler.exchange.spreadsheet.sheet import (
    MAX_COLUMNS,
    Sheet,
    SheetError,
    cell_ref,
    take_row,
)
from scheduler.plan.wording import N_

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_MERGED_FILL = 2_000_000  # cells filled from merged ranges, all sheets together


def read_workbook(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of an .xlsx, or the one sheet of a CSV (UTF-8 with or without BOM, or GBK).
    Any file, however made, gives sheets or SheetError, in time bounded by its used cells."""
    if len(data) > MAX_FILE_BYTES:
        raise SheetError(N_("the file is larger than {value} MB"), str(MAX_FILE_BYTES // (1024 * 1024)))
    if filename.lower().endswith(".csv"):
        cut: list[str] = []
        return [Sheet(filename, read_csv(data, cut), cut=cut[0] if cut else "")]
    return _read_xlsx(data)


_MERGE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3}[0-9]{1,7})(?::([A-Za-z]{1,3}[0-9]{1,7}))?\""
)


def _merged_ranges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every merged range of a sheet's XML."""
    out = []
    for m in _MERGE.finditer(xml):
        r0, c0 = cell_ref(m.group(1))
        r1, c1 = cell_ref(m.group(2) or m.group(1))
        out.append((min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)))
    return out


def _fill_merged(rows: list[list[Any]], ranges: list[tuple[int, int, int, int]], budget: list[int]) -> None:
    """A merged cell's value stands in all its cells, within the cells that hold data (a range
    reaching to the sheet's last row and column costs no more than the data it covers)."""
    width = max((len(r) for r in rows), default=0)
    for r0, c0, r1, c1 in ranges:
        if r0 > len(rows) or c0 > len(rows[r0 - 1]):
            continue
        value = rows[r0 - 1][c0 - 1]
        last_row, last_col = min(r1, len(rows)), min(c1, width, MAX_COLUMNS)
        budget[0] -= (last_row - r0 + 1) * (last_col - c0 + 1)
        if budget[0] < 0:
            raise SheetError("the sheet merges too many cells")
        for r in range(r0, last_row + 1):
            row = rows[r - 1]
            if len(row) < last_col:
                row.extend([None] * (last_col - len(row)))
            for c in range(c0, last_col + 1):
                row[c - 1] = value


def _read_xlsx(data: bytes) -> list[Sheet]:
    other = not_xlsx(data)
    if other is not None:
        raise other
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        cuts = check_parts(archive)
    except SheetError:
        raise
    except Exception:  # zipfile and zlib raise many kinds for a damaged archive
        raise SheetError(N_("not a readable .xlsx workbook (not a zip file, or a damaged one)")) from None
    budget = [MAX_MERGED_FILL]
    try:
        from openpyxl import load_workbook

        # Read-only: cells are streamed and merged ranges are not expanded by openpyxl (which
        # would make every cell of C3:XFD1048576); the merges are applied below, within the data.
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = []
            for ws in wb.worksheets:
                if not hasattr(ws, "reset_dimensions"):
                    continue  # a chart sheet: no cells
                ws.reset_dimensions()  # the file's own claim of its size is not trusted
                rows: list[list[Any]] = []
                for values in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                    take_row(rows, values)
                while rows and not rows[-1]:
                    rows.pop()
                path = getattr(ws, "_worksheet_path", None)
                if path:
                    _fill_merged(rows, _merged_ranges(archive.read(path.lstrip("/"))), budget)
                state = str(getattr(ws, "sheet_state", None) or "visible")
                sheets.append(Sheet(ws.title, rows, state, cuts.get((path or "").lstrip("/"), "")))
        finally:
            wb.close()
    except SheetError:
        raise
    except Exception as exc:  # openpyxl, zipfile and the XML parser raise many kinds for a bad file
        raise SheetError(
            f"not a readable .xlsx workbook ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
        ) from None
    if not sheets:
        raise SheetError(N_("the workbook has no worksheet"))
    return sheets
