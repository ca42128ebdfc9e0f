"""The guards an .xlsx passes before anything parses it: a file of another kind is named (an old
.xls, a workbook with a password, a web page, an OpenDocument sheet), and a workbook whose parts
would take long to parse (a zip bomb, too many cells or records) or would be read wrong (rows or
cells out of order) is refused. See docs/sheets.md."""

from __future__ import annotations

import codecs
import re
import zipfile

from scheduler.exchange.spreadsheet.sheet import (
    CELL_REF,
    MAX_COLUMNS,
    SheetError,
    cell_ref,
    column_letter,
)
from scheduler.plan.wording import N_

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # a compound document: .xls 97-2003, or encrypted


def not_xlsx(data: bytes) -> SheetError | None:
    """What a file that is no .xlsx is, when it is a kind offices meet (an old .xls, a workbook
    with a password, a web page saved as .xls, an OpenDocument sheet): said, with what to do."""
    head = data[:2048]
    if head.startswith(OLE_SIGNATURE):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[: 1 << 16]:
            return SheetError(
                N_(
                    "the workbook is protected by a password: open it in Excel or WPS, remove the password and save it as .xlsx"
                )
            )
        return SheetError(
            N_(
                "an old Excel workbook (.xls, Excel 97–2003), which the app does not read: open it in Excel or WPS and save it as .xlsx (Excel workbook)"
            )
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")) or b"<html" in text[:512]:
        return SheetError(
            N_(
                "a web page or XML file saved with a spreadsheet's name, not an .xlsx workbook: open it in Excel or WPS and save it as .xlsx"
            )
        )
    if head.startswith(b"PK") and b"mimetypeapplication/vnd.oasis.opendocument" in head:
        return SheetError(N_("an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx"))
    return None


MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # all parts of an .xlsx unpacked (a zip bomb is refused)
MAX_PARTS = 1_000
MAX_CELLS = 1_000_000  # cells and shared strings in the file's XML, before anything parses it
MAX_STRUCTURE = 20_000  # merged ranges, column and style records, rules, links: costly to parse

# Any namespace prefix (an XML name may hold letters of any script, digits, '-', '.', '_').
_PREFIX = rb"(?:[^\s<>/:=\"'!?]+:)?"
_CELL_TAG = re.compile(rb"<" + _PREFIX + rb"(?:c|si)[\s/>]")
_STRUCTURE_TAG = re.compile(
    rb"<" + _PREFIX + rb"(?:mergeCell|col|cfRule|dataValidation|hyperlink|brk|customSheetView|xf|font|fill|"
    rb"border|numFmt|dxf|definedName|sheet|tablePart|tableColumn)[\s/>]"
)
_ROW_OR_CELL = re.compile(rb"<" + _PREFIX + rb"(row|c)\b([^>]*)>")
_REF = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_UTF32_STARTS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"<\x00\x00\x00", b"\x00\x00\x00<")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def _count(pattern: re.Pattern[bytes], text: bytes, limit: int) -> int:
    """How many times `pattern` occurs, counting no further than just past `limit`."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n > limit:
            break
    return n


def _as_parsed(name: str, text: bytes) -> bytes:
    """A part's XML as UTF-8 bytes, whatever encoding it declares, so that counting its tags
    counts what the parser will see (a part in UTF-16 would otherwise hide every tag)."""
    wide = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}
    encoding = "utf-32" if text[:4] in _UTF32_STARTS else wide.get(text[:2])
    if encoding is not None:  # XML in UTF-16 or UTF-32 (anything else, an image say, is left alone)
        try:
            return text.decode(encoding).encode("utf-8")
        except UnicodeDecodeError:
            raise SheetError(
                f"not a readable .xlsx workbook (part {name} is not text in {encoding})"
            ) from None
    m = _DECLARED.match(text[:200])
    if m:
        try:
            encoding = codecs.lookup(m.group(1).decode("ascii")).name
            same = "<c r>".encode(encoding) == b"<c r>"
        except (LookupError, UnicodeError):
            raise SheetError(f"not a readable .xlsx workbook (part {name} is in no encoding known)") from None
        if not same:
            raise SheetError(f"not a readable .xlsx workbook (part {name} is in the encoding {encoding})")
    return text


def _check_rows(name: str, text: bytes) -> str:
    """Rows numbered from 1 upwards and cells left to right, as every spreadsheet writes them:
    a row numbered 0 or out of order, or a cell out of order, would be lost or misplaced when
    read (the reader puts a row where its number says), so the file is refused, not misread.
    Returns the first cell past column MAX_COLUMNS that is not empty ("IW1"), or ""."""
    last_row = 0
    last_col = 0
    cut = ""
    for m in _ROW_OR_CELL.finditer(text):
        ref = _REF.search(m.group(2))
        if m.group(1) == b"row":
            last_col = 0
            if ref is None:
                last_row += 1
                continue
            value = ref.group(1).decode("ascii", "replace")
            if not value.isdigit() or int(value) < 1:
                raise SheetError(f"sheet part {name}: a row is numbered {value!r} (rows are numbered from 1)")
            if int(value) <= last_row:
                raise SheetError(
                    f"sheet part {name}: row {int(value)} comes after row {last_row} (rows out of order)"
                )
            last_row = int(value)
        elif ref is not None:
            cell = CELL_REF.fullmatch(ref.group(1))
            if cell is None or int(cell.group(2)) < 1:
                shown = ref.group(1).decode("ascii", "replace")
                raise SheetError(f"sheet part {name}, row {last_row}: a cell is numbered {shown!r}")
            _, col = cell_ref(ref.group(1))
            if col <= last_col:
                raise SheetError(
                    f"sheet part {name}, row {last_row}: cell {ref.group(1).decode()} comes after "
                    f"column {column_letter(last_col - 1)} (cells out of order)"
                )
            last_col = col
        else:
            last_col += 1
        if (
            m.group(1) == b"c"
            and last_col > MAX_COLUMNS
            and not cut
            and not m.group(2).rstrip().endswith(b"/")
        ):
            cut = f"{column_letter(last_col - 1)}{last_row}"
    return cut


def check_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Refuse, before openpyxl parses anything, a workbook whose parts would take long to
    parse (too big unpacked, too many cells, or too many records of other kinds) or would be
    read wrong (rows out of order). Every part is looked at, whatever its name: the workbook
    may name a sheet part that does not end in .xml."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise SheetError(
            f"not a readable .xlsx workbook (it unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB)"
        )
    cells = structure = 0
    cuts: dict[str, str] = {}
    for part in parts:
        if part.is_dir():
            continue
        text = _as_parsed(part.filename, archive.read(part))
        cells += _count(_CELL_TAG, text, MAX_CELLS)
        structure += _count(_STRUCTURE_TAG, text, MAX_STRUCTURE)
        if cells > MAX_CELLS:
            raise SheetError(N_("the workbook has more than {value} cells"), f"{MAX_CELLS:,}")
        if structure > MAX_STRUCTURE:
            raise SheetError(
                f"the workbook has more than {MAX_STRUCTURE:,} merged ranges, column or style records and the like"
            )
        cut = _check_rows(part.filename, text)
        if cut:
            cuts[part.filename] = cut
    return cuts
