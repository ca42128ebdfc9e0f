"""A data row of a sheet: the text of its mapped cells and what became of it (RowResult). See
docs/sheets.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scheduler.exchange.spreadsheet.columns import MANY
from scheduler.exchange.spreadsheet.values import cell_text
from scheduler.exchange.spreadsheet.words import EMPTY
from scheduler.plan.wording import N_

# (field, template with {value}, value)
Problem = tuple[str, str, str]

MAX_FIELD_TEXT = 1_000  # characters of a name, a phone number, a note: a longer cell is none
TOO_LONG = N_("is longer than {value} characters")


@dataclass(slots=True)
class RowResult:
    line: int  # 1-based row number in the sheet
    values: dict[str, str]
    record: Any | None  # the record to save (merged with the existing one), None when unusable
    problems: list[Problem] = field(default_factory=list)
    update: bool = False  # an existing record is updated
    # Why a good row is not imported (a template with {value}): a request imported before.
    skip: tuple[str, str] | None = None
    # For a name not found (field "partner", "service"): the ids of the closest names, closest first.
    candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.record is not None and not self.problems and self.skip is None


def row_values(row: list[Any], mapping: Mapping[int, str]) -> tuple[dict[str, str], list[Problem]]:
    """The text of each mapped cell of a row (but the fields in MANY), "(空)" and "N/A" as
    empty; a cell longer than MAX_FIELD_TEXT is a problem, its text cut (the row is refused, so
    no more work than that is spent on it)."""
    values: dict[str, str] = {}
    problems: list[Problem] = []
    width = len(row)
    for i, f in mapping.items():
        if f in MANY:
            continue
        cell = row[i] if i < width else None
        if isinstance(cell, str):  # most cells: their text trimmed (cell_text, without the call)
            if len(cell) > MAX_FIELD_TEXT:
                problems.append((f, TOO_LONG, f"{MAX_FIELD_TEXT:,}"))
                cell = cell[:MAX_FIELD_TEXT]
            text = cell.strip()
        else:
            text = cell_text(cell)
        values[f] = "" if text in EMPTY else text
    return values, problems
