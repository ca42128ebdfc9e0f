"""A sheet as read from a file, the limits on what a file from outside may make the reader do,
and the refusal of a file that cannot be read (SheetError). See docs/sheets.md."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scheduler.plan.wording import N_


class SheetError(ValueError):
    """A file that cannot be read as a spreadsheet, with the reason: a template with {value}
    (marked with N_ where it is one) for the edge to translate with `text`."""

    def __init__(self, reason: str, value: str = ""):
        self.reason = reason
        self.value = value
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.reason).replace("{value}", self.value)


# Bounds on the work a file from outside can cause: an HR export of even a large hospital is a
# few thousand rows of a few dozen columns. Columns past MAX_COLUMNS are not read.
MAX_ROWS = 65_536
MAX_COLUMNS = 256
MAX_CELL_TEXT = 32_767  # characters in a cell: Excel's own limit (a longer one was not made by it)


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    rows: list[list[Any]]  # cell values; merged cells filled from their top-left
    state: str = "visible"  # workbook.xml's sheet state: visible, hidden or veryHidden
    # The first cell past column MAX_COLUMNS that holds something ("IW1"): those columns are
    # not read, and the edges say so (never dropped in silence).
    cut: str = ""


def too_many_rows() -> SheetError:
    return SheetError(N_("the sheet has more than {value} rows"), f"{MAX_ROWS:,}")


def trimmed(values: Any) -> list[Any]:
    """A row's values up to its last non-empty cell, at most MAX_COLUMNS of them."""
    row = list(values[:MAX_COLUMNS])
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def columns_not_read(sheet: str, first: str, fill: Callable[..., str]) -> str:
    """The line that says a sheet's columns past MAX_COLUMNS were not read (`fill`: the edge's
    trf/tf, which translates)."""
    return fill(
        N_(
            "sheet %1: the columns after IV (the 256th) are not read; the first of them that holds something is %2"
        ),
        sheet,
        first,
    )


def too_long(row: int, column: int) -> SheetError:
    return SheetError(
        f"row {row}, column {column_letter(column)}: a cell holds more than {MAX_CELL_TEXT:,} characters "
        "(more than a spreadsheet cell can)"
    )


def column_letter(index: int) -> str:
    """The column letters of a 0-based index: 0 → A, 27 → AB."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letter: str) -> int:
    """The 0-based index of a spreadsheet column letter (A → 0, AA → 26)."""
    n = 0
    for ch in letter.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


CELL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")


def cell_ref(ref: bytes) -> tuple[int, int]:
    """(row, column), 1-based, of a reference like b"C3"."""
    m = CELL_REF.fullmatch(ref)
    assert m is not None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ch - 64
    return int(m.group(2)), col


def take_row(rows: list[list[Any]], values: Any, text: bool = False) -> list[Any]:
    """`values` trimmed (see `trimmed`) and added to `rows`: a sheet of more than MAX_ROWS rows,
    or a cell of more than MAX_CELL_TEXT characters, is refused. `text`: every value is a str
    (a CSV's), so their lengths are compared at once."""
    if len(rows) >= MAX_ROWS:
        raise too_many_rows()
    row = trimmed(values)
    if not text or (row and max(map(len, row)) > MAX_CELL_TEXT):
        for i, v in enumerate(row):
            if isinstance(v, str) and len(v) > MAX_CELL_TEXT:
                raise too_long(len(rows) + 1, i)
    rows.append(row)
    return row
