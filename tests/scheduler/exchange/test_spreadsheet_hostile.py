"""Hostile sheets, each made here by code (openpyxl, or zipfile writing the XML by hand): work
bounded by the file's real cells and text, every cell counted whatever its namespace prefix or
part name, rows never lost or misplaced, CSV read whatever its line endings and separator, and a
file that reads two ways refused with both readings named."""

from __future__ import annotations

import csv
import io
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scheduler.exchange.spreadsheet.headers import find_header, guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.sheet import SheetError, column_letter, trimmed
from scheduler.exchange.spreadsheet.values import phone_number
from scheduler.exchange.spreadsheet.workbook import read_workbook
from tests.scheduler.exchange.test_spreadsheet import PLAN

HEADER = ["工号", "姓名", "科室"]
ROWS = [HEADER, ["E1", "王芳", "针灸科"], ["E2", "赵六", "骨伤科"]]


def rebuilt(
    edit=None, part: str = "xl/worksheets/sheet1.xml", rows=ROWS, rename: dict | None = None
) -> bytes:
    """A workbook made by openpyxl, then one part's XML changed by `edit` and parts renamed."""
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    good = io.BytesIO()
    wb.save(good)
    rename = rename or {}
    out = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part and edit:
                data = edit(data)
            for old, new in rename.items():
                data = data.replace(old.encode(), new.encode())
            dst.writestr(rename.get(info.filename, info.filename), data)
    return out.getvalue()


def timed(seconds: float, f, *args):
    started = time.process_time()
    try:
        return f(*args)
    finally:
        assert time.process_time() - started < seconds, f"took over {seconds} s of CPU"


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def raw_xlsx(sheet_xml: str, shared: str | None = None, sheet_part: str = "worksheets/sheet1.xml") -> bytes:
    """An .xlsx written part by part (no spreadsheet program would make what the tests put in)."""
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/{sheet_part}" ContentType="{CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="花名册" sheetId="1" r:id="r1"/>'
            "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{REL}/worksheet" Target="{sheet_part}"/>'
            f'<Relationship Id="r2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        f"xl/{sheet_part}": sheet_xml,
        "xl/sharedStrings.xml": shared or f'<sst xmlns="{MAIN}"/>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


def long_shared_string(chars: int = 30_000, rows: int = 300, cols: int = 40, header=HEADER) -> bytes:
    """A small .xlsx whose one long shared string fills every cell below a real header."""
    shared = f'<sst xmlns="{MAIN}"><si><t>{"长 " * (chars // 2)}</t></si></sst>'
    header = "".join(
        f'<c r="{column_letter(i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(header)
    )
    body = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{column_letter(c)}{r}" t="s"><v>0</v></c>' for c in range(cols))
        + "</row>"
        for r in range(2, rows + 2)
    )
    return raw_xlsx(
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{header}</row>{body}</sheetData></worksheet>',
        shared,
    )


def every_cell(chars: int, rows: int, cols: int) -> bytes:
    """One shared string of `chars` characters in every cell, the header rows too."""
    shared = f'<sst xmlns="{MAIN}"><si><t>{"长" * chars}</t></si></sst>'
    body = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{column_letter(c)}{r}" t="s"><v>0</v></c>' for c in range(cols))
        + "</row>"
        for r in range(1, rows + 1)
    )
    return raw_xlsx(f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>', shared)


def test_the_16_kb_workbook_of_one_long_string_everywhere() -> None:
    """As found: 16 KB whose string of a million characters fills 20 rows of 256 cells took past
    120 s (the header search normalised it again for every cell); one of 32,000 characters, 11 s."""
    huge = every_cell(1_000_000, 20, 256)
    assert len(huge) < 16_500
    with pytest.raises(SheetError, match="row 1, column A: a cell holds more than 32,767 characters"):
        timed(3, read_workbook, huge, "hr.xlsx")
    [sheet] = timed(5, read_workbook, every_cell(32_000, 40, 256), "hr.xlsx")
    assert timed(1, find_header, "staff", sheet.rows) == 0
    assert timed(1, guess_mapping, "staff", sheet.rows[0], sheet.rows[1:]) == {}


def test_one_long_shared_string_in_many_cells_is_read_in_time() -> None:
    data = long_shared_string()
    assert len(data) < 32_000
    [sheet] = timed(20, read_workbook, data, "hr.xlsx")
    assert len(sheet.rows) == 301 and len(sheet.rows[1]) == 40
    header = timed(2, find_header, "staff", sheet.rows)
    mapping = guess_mapping("staff", sheet.rows[header])
    assert mapping == {0: "id", 1: "name", 2: "department"}
    rows = timed(5, convert, "staff", sheet.rows, header, mapping, PLAN)
    assert len(rows) == 300 and not any(r.ok for r in rows)
    assert "longer than" in rows[0].problems[0][1]


def test_a_cell_longer_than_a_spreadsheet_cell_can_hold_is_refused() -> None:
    data = long_shared_string(chars=70_000, rows=3, cols=3)
    with pytest.raises(SheetError, match=r"row 2, column A: a cell holds more than 32,767 characters"):
        read_workbook(data, "hr.xlsx")
    csv_text = "工号,姓名\r\nE1," + "长" * 40_000 + "\r\n"
    with pytest.raises(SheetError, match=r"row 2, column B: a cell holds more than 32,767"):
        read_workbook(csv_text.encode(), "hr.csv")


def many_cells(prefixed: bytes) -> bytes:
    cells = b"".join(b"<%s r='A%d'/>" % (prefixed, i) for i in range(4, 1_000_010))
    return cells


@pytest.mark.parametrize("prefix", ["x-y", "x.y", "名"])
def test_cells_with_any_namespace_prefix_are_counted(prefix: str) -> None:
    ns = prefix.encode()
    data = rebuilt(
        lambda x: x.replace(
            b"<worksheet ",
            b"<worksheet xmlns:%s='http://schemas.openxmlformats.org/spreadsheetml/2006/main' " % ns,
        ).replace(
            b"</sheetData>",
            b"<row r='4'>" + b"".join(b"<%s:c/>" % ns for _ in range(1_000_001)) + b"</row></sheetData>",
        )
    )
    with pytest.raises(SheetError, match="more than 1,000,000 cells"):
        timed(10, read_workbook, data, "hr.xlsx")


def test_cells_of_a_sheet_part_not_ending_in_xml_are_counted() -> None:
    rename = {
        "xl/worksheets/sheet1.xml": "xl/worksheets/sheet1.bin",
        "worksheets/sheet1.xml": "worksheets/sheet1.bin",
    }
    small = rebuilt(rename=rename)
    [sheet] = read_workbook(small, "hr.xlsx")  # openpyxl reads the part the workbook names
    assert sheet.rows == ROWS
    big = rebuilt(
        lambda x: x.replace(b"</sheetData>", b"<row r='4'>" + b"<c/>" * 1_000_001 + b"</row></sheetData>"),
        rename=rename,
    )
    with pytest.raises(SheetError, match="more than 1,000,000 cells"):
        timed(10, read_workbook, big, "hr.xlsx")


def test_a_sheet_part_in_utf16_is_counted_too() -> None:
    def utf16(x: bytes) -> bytes:
        x = x.replace(b"</sheetData>", b"<row r='4'>" + b"<c/>" * 1_000_001 + b"</row></sheetData>")
        return x.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")

    with pytest.raises(SheetError, match="more than 1,000,000 cells"):
        timed(10, read_workbook, rebuilt(utf16), "hr.xlsx")


def _renumber(old: int, new: int):
    def edit(x: bytes) -> bytes:
        x = x.replace(b'<row r="%d"' % old, b'<row r="%d"' % new)
        for c in b"ABC":
            x = x.replace(b'r="%c%d"' % (c, old), b'r="%c%d"' % (c, new))
        return x

    return edit


@pytest.mark.parametrize(
    "edit, words",
    [
        (_renumber(1, 0), "a row is numbered '0'"),
        (_renumber(2, 0), "a row is numbered '0'"),
        (_renumber(2, 9), "row 3 comes after row 9"),
        (_renumber(3, 2), "row 2 comes after row 2"),
        (lambda x: x.replace(b'r="B2"', b'r="A2"'), "cell A2 comes after column A"),
        (lambda x: x.replace(b'r="B2"', b'r="B0"'), "a cell is numbered 'B0'"),
    ],
)
def test_a_row_numbered_0_or_out_of_order_is_refused_never_lost(edit, words) -> None:
    with pytest.raises(SheetError, match=words):
        read_workbook(rebuilt(edit), "hr.xlsx")


def test_cr_only_line_endings_are_read() -> None:
    text = '工号,姓名,科室\rE1,王芳,针灸科\rE2,赵六,"骨伤\r科"\r'
    [sheet] = read_workbook(text.encode("gbk"), "hr.csv")
    assert sheet.rows == [HEADER, ["E1", "王芳", "针灸科"], ["E2", "赵六", "骨伤\n科"]]


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_the_separator_is_found(sep: str) -> None:
    text = "\r\n".join(
        sep.join(r)
        for r in [*ROWS, ["E3", "孙立, 主任", "骨伤科"] if sep != "," else ["E3", "孙立", "骨伤科"]]
    )
    [sheet] = read_workbook(text.encode(), "hr.csv")
    assert sheet.rows[:3] == ROWS and len(sheet.rows[3]) == 3


def test_a_csv_that_reads_two_ways_is_refused_with_both_readings() -> None:
    text = "工号;姓名,科室\r\nE1;王芳,针灸科\r\n"
    with pytest.raises(
        SheetError, match=r"read two ways.*comma \(2 cells a line\) or semicolon \(2 cells a line\)"
    ):
        read_workbook(text.encode(), "hr.csv")


# ---- properties: what a spreadsheet program writes is read back as it was


_CSV_CELL = st.text(alphabet=st.sampled_from(list('ab工号,;\t"\r\n 1')), max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\r\n", "\n", "\r"]),
    st.integers(2, 5).flatmap(
        lambda w: st.lists(st.lists(_CSV_CELL, min_size=w, max_size=w), min_size=1, max_size=6)
    ),
)
def test_any_csv_reads_back_as_written_or_is_refused_as_two_readings(sep, newline, grid) -> None:
    """A CSV written with any of the three separators and line endings (cells quoted where they
    hold a separator, a quote or a line break, as csv.writer and Excel do) gives back its cells
    (up to the last non-empty one of a row; a line break inside a cell as LF), or is refused
    because it reads two ways: never another grid in silence."""
    out = io.StringIO()
    # Excel quotes a cell holding a line break; csv.writer only when it is one of its line end.
    breaks = any("\r" in c or "\n" in c for row in grid for c in row)
    quoting = csv.QUOTE_ALL if breaks else csv.QUOTE_MINIMAL
    csv.writer(out, delimiter=sep, lineterminator=newline, quoting=quoting).writerows(grid)
    try:
        [sheet] = read_workbook(out.getvalue().encode("utf-8"), "x.csv")
    except SheetError as exc:
        assert "read two ways" in str(exc)
        return
    want = [trimmed([c.replace("\r\n", "\n").replace("\r", "\n") for c in row]) for row in grid]
    got = [row for row in sheet.rows]
    assert got == want or (got == [] and all(not r for r in want))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "+86 ", "+86-", "0086 ", "86"]),
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.lists(st.sampled_from([" ", "-", ""]), min_size=2, max_size=2),
)
def test_any_mobile_number_as_written_is_its_11_digits(prefix, digits, seps) -> None:
    written = prefix + digits[:3] + seps[0] + digits[3:7] + seps[1] + digits[7:]
    assert phone_number(written) == digits


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(st.none(), st.integers(-5, 5), st.sampled_from(["工号", "a", " x", "┋"])), max_size=6
        ),
        max_size=8,
    )
)
def test_any_grid_openpyxl_writes_reads_back(grid) -> None:
    """Whatever cells a spreadsheet program leaves out (empty ones) or writes, the checks on row
    and cell order never refuse its file, and the grid comes back (up to each row's last value)."""
    wb = Workbook()
    ws = wb.active
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    out = io.BytesIO()
    wb.save(out)
    [sheet] = read_workbook(out.getvalue(), "x.xlsx")
    want = [trimmed(row) for row in grid]
    while want and not want[-1]:
        want.pop()
    assert sheet.rows == want


def test_csv_with_a_gb18030_bom_or_in_utf16() -> None:
    """R3: a GB18030 CSV with its BOM (84 31 95 33) had U+FEFF stuck to its first header (工号 not
    recognised: 'no column for id'); Excel's 'Unicode text' (UTF-16, tab-separated) saved as .csv
    was 'neither UTF-8 nor GBK'."""
    text = "工号,姓名,科室\r\nE1,王芳,针灸科\r\n"
    [sheet] = read_workbook(b"\x84\x31\x95\x33" + text.encode("gb18030"), "hr.csv")
    assert sheet.rows == [["工号", "姓名", "科室"], ["E1", "王芳", "针灸科"]]
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
        [sheet] = read_workbook(bom + text.replace(",", "\t").encode(encoding), "hr.csv")
        assert sheet.rows == [["工号", "姓名", "科室"], ["E1", "王芳", "针灸科"]], encoding
    assert guess_mapping("staff", sheet.rows[0]) == {0: "id", 1: "name", 2: "department"}
