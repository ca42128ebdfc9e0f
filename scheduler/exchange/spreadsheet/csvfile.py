"""CSV files: their text (UTF-8 with or without BOM, GBK, Excel's UTF-16 "Unicode text") and
the separator of their cells (comma, semicolon or tab). See docs/sheets.md."""

from __future__ import annotations

import csv
import io
import itertools
import re
from typing import Any

from scheduler.exchange.spreadsheet.sheet import MAX_COLUMNS, SheetError, column_letter, take_row
from scheduler.plan.wording import N_

_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ue000-\uf8ff\ufeff\ufff0-\uffff]")


def read_csv(data: bytes, cut: list[str] | None = None) -> list[list[Any]]:
    # UTF-16 with its BOM: Excel's "Unicode text" (tab-separated), which offices save as .csv too.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError(N_("the CSV file is neither UTF-8 nor GBK text"))
    text = text.removeprefix("\ufeff")  # GB18030's BOM (84 31 95 33) decodes to U+FEFF
    if encodings == ("utf-16",) and _NOT_TEXT.search(text):
        # Any bytes decode as UTF-16: text it is only without unassigned, private or control
        # characters (a BOM in the middle, U+FFFE …).
        raise SheetError(N_("the CSV file is neither UTF-8 nor GBK text"))
    # newline=None: lines end in CR LF, LF or a lone CR (old Mac Excel), all read alike.
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=csv_delimiter(text))
    rows: list[list[Any]] = []
    try:
        for values in reader:
            if cut is not None and not cut and len(values) > MAX_COLUMNS:
                past = next((i for i, v in enumerate(values[MAX_COLUMNS:], MAX_COLUMNS) if v), None)
                if past is not None:
                    cut.append(f"{column_letter(past)}{len(rows) + 1}")
            take_row(rows, values, text=True)
    except csv.Error as exc:
        limit = csv.field_size_limit()
        if "field larger than field limit" in str(exc):
            raise SheetError(f"line {reader.line_num}: a cell is longer than {limit:,} characters") from None
        raise SheetError(f"line {reader.line_num}: not readable as CSV ({exc})") from None
    return rows


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def csv_delimiter(text: str) -> str:
    """The separator of a CSV's cells, among comma, semicolon and tab: the one that splits the
    first 50 records into the same number (more than one) of cells most often. Records are read
    as the file's reader will (a quoted cell may hold a line break), strictly: a separator that
    leaves a quote where none may stand is not the file's. When two do equally well the file
    can be read two ways and is refused, both readings named."""
    scores: dict[str, tuple[int, int]] = {}
    for d in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=None), delimiter=d, strict=True)
        try:
            counts = [len(r) for r in itertools.islice(reader, 50) if r]
        except csv.Error:
            continue
        wide = [n for n in counts if n > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        scores[d] = (counts.count(mode), mode)
    if not scores:
        return ","
    best = max(scores.values())
    found = [d for d, score in scores.items() if score[0] == best[0]]
    if len(found) > 1:
        names = " or ".join(f"{DELIMITERS[d]} ({best_cells(scores[d])})" for d in found)
        raise SheetError(f"the CSV file can be read two ways: its cells separated by {names}")
    return found[0]


def best_cells(score: tuple[int, int]) -> str:
    return f"{score[1]} cells a line"
