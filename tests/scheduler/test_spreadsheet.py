"""Spreadsheets in: a messy HR export (a merged title over the header, blank rows, duplicates,
unknown qualification, bad phone, unknown department) and CSV in UTF-8 with BOM and in GBK."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import Workbook

from scheduler.planfile import parse_document
from scheduler.spreadsheet import SheetError, convert, find_header, guess_mapping, read_workbook
from tests.helpers import sample

PLAN = parse_document(
    json.dumps(sample(), ensure_ascii=False)
).plan  # departments ortho (骨伤科), acu (针灸科)


def _messy_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["南湖医院职工花名册（2026年11月）"])
    ws.merge_cells("A1:F1")
    ws.append(["工号", "姓名", "科室", "执业资格", "手机", "政治面貌"])
    ws.append(["s001", "金伟", "骨伤科", "医师、针灸", "13800000000", "中共党员"])  # exists: updated
    ws.append([None, None, None, None, None, None])  # blank
    ws.append(["E2001", "周敏", "针灸科", "护士", "1380000", "群众"])  # bad phone
    ws.append(["E2002", "钱多", "放射科", "医师", "13900000001", "群众"])  # unknown department
    ws.append(["E2003", "孙立", "acu", "魔法", "13900000002", "群众"])  # unknown qualification; dept by id
    ws.append(["E2001", "周敏", "针灸科", "护士", "13900000003", "群众"])  # duplicate
    ws.append([])
    ws.append([2004, "李四", "骨伤科", "physician", "010-12345678", "是"])  # a number as the key
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_messy_workbook_rows_and_problems() -> None:
    [sheet] = read_workbook(_messy_xlsx(), "hr.xlsx")
    assert sheet.rows[0][:2] == ["南湖医院职工花名册（2026年11月）"] * 2  # the merged title fills its cells
    header = find_header("staff", sheet.rows)
    assert header == 1
    mapping = guess_mapping("staff", sheet.rows[header])
    assert mapping == {
        0: "id",
        1: "name",
        2: "department",
        3: "qualifications",
        4: "phone",
        5: "party_member",
    }
    rows = convert("staff", sheet.rows, header, mapping, PLAN)
    assert [r.line for r in rows] == [3, 5, 6, 7, 8, 10]  # blank rows skipped
    got = {r.line: [(f, t.format(value=v)) for f, t, v in r.problems] for r in rows}
    assert got[3] == [] and rows[0].update and rows[0].record.qualifications == ("physician", "acupuncture")
    assert rows[0].record.party_member and rows[0].record.phone == "13800000000"
    assert got[5] == [("phone", "1380000 is not a phone number")]
    assert got[6] == [("department", "no department 放射科")]
    assert got[7] == [("qualifications", "unknown qualification 魔法")] and rows[3].record.department == "acu"
    assert got[8] == [("id", "appears twice (row 5)")]
    assert (
        got[10] == [] and rows[5].record.id == "2004" and not rows[5].update and rows[5].record.party_member
    )
    assert [r.line for r in rows if r.ok] == [3, 10]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_in_utf8_with_or_without_bom_and_gbk(encoding: str) -> None:
    text = "工号,姓名,科室,电话\r\nE1,王芳,针灸科,13700000000\r\n,,,\r\nE2,赵六,骨伤科,13700000001\r\n"
    [sheet] = read_workbook(text.encode(encoding), "staff.csv")
    mapping = guess_mapping("staff", sheet.rows[find_header("staff", sheet.rows)])
    rows = convert("staff", sheet.rows, 0, mapping, PLAN)
    assert [(r.record.name, r.record.department, r.ok) for r in rows] == [
        ("王芳", "acu", True),
        ("赵六", "ortho", True),
    ]


def test_english_headers_and_other_targets() -> None:
    rows = [
        ["Code", "Name", "Type", "Contact", "Contact phone"],
        ["p9", "Riverside mall", "商场", "Li", "13600000000"],
    ]
    mapping = guess_mapping("partners", rows[0])
    assert set(mapping.values()) == {"id", "name", "kind", "contact_name", "contact_phone"}
    [r] = convert("partners", rows, 0, mapping, PLAN)
    assert r.ok and r.record.kind == "mall" and r.record.contact.phone == "13600000000"
    rows = [["科室编码", "科室名称", "最少在岗人数"], ["ortho", "骨伤科（东）", "4"]]
    [d] = convert("departments", rows, 0, guess_mapping("departments", rows[0]), PLAN)
    assert (
        d.update and d.record.min_on_duty == 4 and d.record.campus == "east"
    )  # kept from the existing record


def test_missing_columns_and_bad_files() -> None:
    rows = [["姓名", "电话"], ["王芳", "13700000000"]]
    [r] = convert("staff", rows, 0, guess_mapping("staff", rows[0]), PLAN)
    assert not r.ok and ("id", "no column is mapped to it", "") in r.problems
    with pytest.raises(SheetError):
        read_workbook(b"PK\x03\x04 not really a zip", "x.xlsx")
    with pytest.raises(SheetError):
        read_workbook(bytes([0xFF, 0xFE, 0xFD, 0x81, 0x30]) * 10, "x.csv")


# ---- hostile files: every one refused with SheetError, or read, in bounded time


def _xlsx_with(sheet_xml_edit=None, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """A small good workbook whose first sheet's XML is changed by `sheet_xml_edit`."""
    import zipfile

    wb = Workbook()
    ws = wb.active
    ws.append(["工号", "姓名", "科室"])
    ws.append(["E1", "王芳", "针灸科"])
    ws.append(["E2", "赵六", "骨伤科"])
    good = io.BytesIO()
    wb.save(good)
    out = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part and sheet_xml_edit:
                data = sheet_xml_edit(data)
            dst.writestr(info.filename, data)
    return out.getvalue()


def _merge(ref: str, count: int = 1):
    cells = "".join(f'<mergeCell ref="{ref}"/>' for _ in range(count))
    return lambda x: x.replace(
        b"<pageMargins", f'<mergeCells count="{count}">{cells}</mergeCells><pageMargins'.encode()
    )


def _timed(seconds: float, f, *args):
    import time

    started = time.perf_counter()
    try:
        return f(*args)
    finally:
        assert time.perf_counter() - started < seconds, f"took over {seconds} s"


def test_a_merge_over_the_whole_sheet_does_not_hang() -> None:
    data = _xlsx_with(_merge("C3:XFD1048576"))
    assert len(data) < 10_000  # a few KB, as found
    [sheet] = _timed(3, read_workbook, data, "hr.xlsx")
    # The merge covers the data it reaches (C3 stands in C3 only: nothing to its right or below).
    assert sheet.rows == [["工号", "姓名", "科室"], ["E1", "王芳", "针灸科"], ["E2", "赵六", "骨伤科"]]
    [sheet] = _timed(3, read_workbook, _xlsx_with(_merge("B2:XFD1048576")), "hr.xlsx")
    assert sheet.rows[1:] == [["E1", "王芳", "王芳"], ["E2", "王芳", "王芳"]]


def test_a_lying_dimension_and_a_far_cell_are_bounded() -> None:
    lie = _xlsx_with(lambda x: x.replace(b'<dimension ref="A1:C3"', b'<dimension ref="A1:XFD1048576"'))
    import zipfile

    assert b'<dimension ref="A1:XFD1048576"' in zipfile.ZipFile(io.BytesIO(lie)).read(
        "xl/worksheets/sheet1.xml"
    )
    [sheet] = _timed(3, read_workbook, lie, "hr.xlsx")
    assert len(sheet.rows) == 3 and max(len(r) for r in sheet.rows) == 3
    far_column = _xlsx_with(
        lambda x: x.replace(
            b"</row></sheetData>", b'<c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        )
    )
    [sheet] = _timed(3, read_workbook, far_column, "hr.xlsx")
    assert sheet.rows[2] == ["E2", "赵六", "骨伤科"]  # columns past MAX_COLUMNS are not read
    far_row = _xlsx_with(
        lambda x: x.replace(
            b"</sheetData>",
            b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        )
    )
    with pytest.raises(SheetError, match="more than 65,536 rows"):
        _timed(5, read_workbook, far_row, "hr.xlsx")


def test_many_merges_or_cells_are_refused_before_parsing(monkeypatch) -> None:
    import scheduler.spreadsheet as sp

    with pytest.raises(SheetError, match="more than 20,000 merged ranges"):
        _timed(5, read_workbook, _xlsx_with(_merge("A1:XFD1048576", 400_000)), "hr.xlsx")
    cells = b"".join(b'<c r="A%d"/>' % i for i in range(1, 1_000_002))
    many = _xlsx_with(
        lambda x: x.replace(b"</row></sheetData>", b"</row><row r='4'>" + cells + b"</row></sheetData>")
    )
    with pytest.raises(SheetError, match="more than 1,000,000 cells"):
        _timed(5, read_workbook, many, "hr.xlsx")
    monkeypatch.setattr(sp, "MAX_MERGED_FILL", 10)  # merges within the limit of ranges, over the fill budget
    with pytest.raises(SheetError, match="merges too many cells"):
        read_workbook(_xlsx_with(_merge("A1:C3", 2)), "hr.xlsx")


def test_zip_and_xml_damage_become_sheet_errors(monkeypatch) -> None:
    import scheduler.spreadsheet as sp

    cases = {
        "bad xml": _xlsx_with(lambda x: x[: len(x) // 2]),
        "not xml": _xlsx_with(lambda x: b"\x00\xff not xml at all"),
        "nonsense workbook part": _xlsx_with(lambda x: b"<nonsense/>", "xl/workbook.xml"),
        "bad content types": _xlsx_with(lambda x: b"<Types><Default unclosed", "[Content_Types].xml"),
        "billion laughs": _xlsx_with(
            lambda x: (
                b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                + b"".join(
                    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'.encode()
                    for i in range(9)
                )
                + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol8;</t></is></c></row></sheetData></worksheet>'
            )
        ),
        "empty": b"",
        "truncated zip": _xlsx_with()[:-200],
    }
    damaged = bytearray(_xlsx_with())
    at = damaged.index(b"xl/worksheets/sheet1.xml") + 60  # inside the compressed sheet
    damaged[at : at + 20] = bytes(20)
    cases["bad crc"] = bytes(damaged)
    for name, data in cases.items():
        with pytest.raises(SheetError, match="not a readable .xlsx workbook|no worksheet") as caught:
            _timed(5, read_workbook, data, "x.xlsx")
        assert "\n" not in str(caught.value) and len(str(caught.value)) < 300, name
    monkeypatch.setattr(sp, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = _xlsx_with(lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * 2_000_000))
    assert len(bomb) < 100_000
    with pytest.raises(SheetError, match="unpacks to more than"):
        read_workbook(bomb, "x.xlsx")
    monkeypatch.setattr(sp, "MAX_FILE_BYTES", 1000)
    with pytest.raises(SheetError, match="larger than"):
        read_workbook(b"x" * 1001, "x.csv")


def test_csv_long_field_many_rows_nul_and_quotes(monkeypatch) -> None:
    import scheduler.spreadsheet as sp

    long = "工号,姓名\r\nE1," + "长" * 131_073 + "\r\n"
    with pytest.raises(SheetError, match=r"line \d+: a cell is longer than 131,072 characters"):
        read_workbook(long.encode("utf-8"), "staff.csv")
    unclosed = 'a,b\r\n"' + "x" * 200_000
    with pytest.raises(SheetError, match="longer than"):
        read_workbook(unclosed.encode(), "staff.csv")
    [sheet] = read_workbook("工号,姓名\r\nE\x001,王\x00芳\r\n".encode(), "staff.csv")
    assert sheet.rows[1] == ["E\x001", "王\x00芳"]
    quotes = ('"' + ',"' * 2000).encode()  # the dialect sniffer's worst kind of text
    _timed(3, read_workbook, quotes, "x.csv")
    wide = ",".join(["x"] * 20_000).encode()
    [sheet] = _timed(3, read_workbook, wide, "x.csv")
    assert len(sheet.rows[0]) == sp.MAX_COLUMNS
    monkeypatch.setattr(sp, "MAX_ROWS", 100)
    with pytest.raises(SheetError, match="more than 100 rows"):
        read_workbook(b"a\n" * 101, "x.csv")
    assert len(read_workbook(b"a\n" * 100, "x.csv")[0].rows) == 100
