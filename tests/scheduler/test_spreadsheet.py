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
