"""Spreadsheets in: a messy HR export (a merged title over the header, blank rows, duplicates,
unknown qualification, bad phone, unknown department) and CSV in UTF-8 with BOM and in GBK."""

from __future__ import annotations

import io
import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.spreadsheet.columns import SYNONYMS
from scheduler.exchange.spreadsheet.forms import unmatched_names
from scheduler.exchange.spreadsheet.headers import find_header, guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.sheet import SheetError
from scheduler.exchange.spreadsheet.values import closest
from scheduler.exchange.spreadsheet.workbook import read_workbook
from scheduler.plan.model import ServiceRequest, Slot
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
    import scheduler.exchange.spreadsheet.workbook as workbook

    with pytest.raises(SheetError, match="more than 20,000 merged ranges"):
        _timed(5, read_workbook, _xlsx_with(_merge("A1:XFD1048576", 400_000)), "hr.xlsx")
    cells = b"".join(b'<c r="A%d"/>' % i for i in range(1, 1_000_002))
    many = _xlsx_with(
        lambda x: x.replace(b"</row></sheetData>", b"</row><row r='4'>" + cells + b"</row></sheetData>")
    )
    with pytest.raises(SheetError, match="more than 1,000,000 cells"):
        _timed(5, read_workbook, many, "hr.xlsx")
    # merges within the limit of ranges, over the fill budget
    monkeypatch.setattr(workbook, "MAX_MERGED_FILL", 10)
    with pytest.raises(SheetError, match="merges too many cells"):
        read_workbook(_xlsx_with(_merge("A1:C3", 2)), "hr.xlsx")


def test_zip_and_xml_damage_become_sheet_errors(monkeypatch) -> None:
    import scheduler.exchange.spreadsheet.guards as guards
    import scheduler.exchange.spreadsheet.workbook as workbook

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
    monkeypatch.setattr(guards, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = _xlsx_with(lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * 2_000_000))
    assert len(bomb) < 100_000
    with pytest.raises(SheetError, match="unpacks to more than"):
        read_workbook(bomb, "x.xlsx")
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 1000)
    with pytest.raises(SheetError, match="larger than"):
        read_workbook(b"x" * 1001, "x.csv")


def test_csv_long_field_many_rows_nul_and_quotes(monkeypatch) -> None:
    import scheduler.exchange.spreadsheet.sheet as sp

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


# ---- service requests from an online form's export (问卷星 / 金数据 / WeChat forms)

FORM_HEADER = [
    "序号",
    "提交答卷时间",
    "所在社区",
    "服务项目",
    "期望日期",
    "期望时间",
    "预计人数",
    "联系人",
    "联系人电话",
    "备注",
    "紧急程度",
]
FORM_ROWS = [
    [
        1,
        "2026/11/20 09:31:02",
        "友谊社区",
        "运动损伤预防讲座",
        "2026-12-05",
        "9:00-11:00",
        "约50人",
        "张主任",
        "0731-1234567",
        "老年人多",
        "一般",
    ],
    [
        2,
        "2026/11/21 10:00:00",
        "友谊小区",
        "运动损伤预防讲座",
        "12月6日",
        "下午",
        "30",
        "李",
        "",
        "",
        "",
    ],  # partner misspelt
    [
        3,
        "2026/11/22 16:45:00",
        "友谊社区",
        "针灸体验",
        "2026-12-07",
        "",
        "",
        "",
        "",
        "",
        "",
    ],  # no such service
    [
        1,
        "2026/11/20 09:31:02",
        "友谊社区",
        "运动损伤预防讲座",
        "2026-12-05",
        "9:00-11:00",
        "约50人",
        "张主任",
        "0731-1234567",
        "老年人多",
        "一般",
    ],  # sent twice
    [
        4,
        "2026/11/23 08:05:00",
        "友谊社区",
        "运动损伤预防讲座",
        "2026年12月8日 14:30",
        "",
        "120",
        "王",
        "13800000001",
        "",
        "紧急",
    ],
]


def form_rows() -> list[list]:
    return [["社区点单汇总（2026年11月）"], FORM_HEADER, *FORM_ROWS]


def form_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in form_rows():
        ws.append(row)
    ws.merge_cells("A1:K1")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def form_csv(encoding: str = "gbk") -> bytes:
    lines = [",".join("" if v is None else str(v) for v in row) for row in form_rows()]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


NOW = datetime(2026, 11, 25, 10, 0)


@pytest.mark.parametrize("kind", ["xlsx", "gbk"])
def test_a_form_export_with_an_unknown_partner_and_a_duplicate_row(kind: str) -> None:
    data, name = (form_xlsx(), "点单.xlsx") if kind == "xlsx" else (form_csv(), "点单.csv")
    [sheet] = read_workbook(data, name)
    header = find_header("requests", sheet.rows)
    mapping = guess_mapping("requests", sheet.rows[header])
    assert header == 1 and mapping == {
        0: "number",  # 序号: the platform's number of the submission
        1: "received",
        2: "partner",
        3: "service",
        4: "date",
        5: "time",
        6: "audience",
        7: "contact_name",
        8: "contact_phone",
        9: "notes",
        10: "priority",
    }
    rows = convert("requests", sheet.rows, header, mapping, PLAN, now=NOW, source=name)
    assert [r.line for r in rows] == [3, 4, 5, 6, 7]
    first, misspelt, no_service, twice, urgent = rows
    assert first.ok and first.record == ServiceRequest(
        first.record.id,
        "p-youyi",
        "sports-injury",
        datetime(2026, 11, 20, 9, 31),
        "normal",
        (Slot(datetime(2026, 12, 5, 9, 0), datetime(2026, 12, 5, 11, 0)),),
        50,
        "new",
        {
            "source": f"{name} row 3",
            "contact_name": "张主任",
            "contact_phone": "0731-1234567",
            "notes": "老年人多",
            "answers": first.record.extra["answers"],  # what a re-export without 序号 is known by
        },
    )
    assert first.record.id.startswith("form-")
    assert not misspelt.ok and misspelt.problems == [("partner", "no partner {value}", "友谊小区")]
    assert misspelt.candidates == {"partner": ("p-youyi",)}  # the closest name offered
    assert not no_service.ok and no_service.problems == [("service", "no service {value}", "针灸体验")]
    assert not twice.ok and twice.problems == [] and twice.skip == ("the same as row {value}", "3")
    assert urgent.ok and urgent.record.priority == "urgent" and urgent.record.audience == 120
    # 14:30 and the service's 90 minutes
    assert urgent.record.preferred == (Slot(datetime(2026, 12, 8, 14, 30), datetime(2026, 12, 8, 16, 0)),)
    # A name matched by hand is taken; the rows of another file with the same cells are the same requests.
    again = convert(
        "requests", sheet.rows, header, mapping, PLAN, now=NOW, choices={"partner": {"友谊小区": "p-youyi"}}
    )
    assert again[1].ok and again[1].record.partner == "p-youyi"
    assert again[1].record.preferred[0].start == datetime(2026, 12, 6, 14, 30)  # 下午
    assert again[0].record.id == first.record.id  # the same cells, the same request


def test_requests_imported_before_are_not_imported_again() -> None:
    [sheet] = read_workbook(form_xlsx(), "点单.xlsx")
    mapping = guess_mapping("requests", sheet.rows[1])
    rows = convert("requests", sheet.rows, 1, mapping, PLAN, now=NOW)
    held = PLAN.__class__(**{**{s: getattr(PLAN, s) for s in ("partners", "services")}})
    held.requests = {r.record.id: r.record for r in rows if r.ok}
    again = convert("requests", sheet.rows, 1, mapping, held, now=NOW)
    assert [r.ok for r in again] == [False] * 5
    assert again[0].skip == ("imported before ({value})", rows[0].record.id)
    assert again[4].skip == ("imported before ({value})", rows[4].record.id)


@pytest.mark.parametrize(
    ("date_cell", "time_cell", "start", "end"),
    [
        ("2026-12-05", "", datetime(2026, 12, 5, 9, 0), datetime(2026, 12, 5, 10, 30)),  # 09:00, 90 min
        ("2026/12/5", "14:00~16:30", datetime(2026, 12, 5, 14, 0), datetime(2026, 12, 5, 16, 30)),
        ("12-05", "上午", datetime(2026, 12, 5, 9, 0), datetime(2026, 12, 5, 11, 30)),
        ("2026年12月5日", "下午2:30", datetime(2026, 12, 5, 14, 30), datetime(2026, 12, 5, 16, 0)),
        ("2026.12.05", "19点-21点", datetime(2026, 12, 5, 19, 0), datetime(2026, 12, 5, 21, 0)),
        (datetime(2026, 12, 5, 8, 30), None, datetime(2026, 12, 5, 8, 30), datetime(2026, 12, 5, 10, 0)),
    ],
)
def test_preferred_dates_and_times(date_cell, time_cell, start, end) -> None:
    rows = [["社区", "服务项目", "日期", "时间"], ["友谊社区", "sports-injury", date_cell, time_cell]]
    [r] = convert("requests", rows, 0, guess_mapping("requests", rows[0]), PLAN, now=NOW)
    assert r.ok, r.problems
    assert r.record.preferred == (Slot(start, end),)
    assert r.record.received == NOW  # the form does not say when it was sent


@pytest.mark.parametrize(
    ("cells", "field_", "template"),
    [
        (["友谊社区", "sports-injury", "明天", "", "", ""], "date", "{value} is not a date"),
        (
            ["友谊社区", "sports-injury", "2026-12-05", "晚饭后", "", ""],
            "time",
            "{value} is not a time of day",
        ),
        (
            ["友谊社区", "sports-injury", "2026-12-05", "11:00-09:00", "", ""],
            "time",
            "{value} ends before it starts",
        ),
        (["友谊社区", "sports-injury", "", "", "很多", ""], "audience", "{value} is not a number of people"),
        (
            ["友谊社区", "sports-injury", "", "", "", "看情况"],
            "priority",
            "{value} is neither urgent nor normal",
        ),
        (["", "sports-injury", "", "", "", ""], "partner", "is empty"),
    ],
)
def test_bad_cells_refuse_their_row(cells, field_, template) -> None:
    rows = [["社区", "服务项目", "日期", "时间", "人数", "优先级"], cells]
    [r] = convert("requests", rows, 0, guess_mapping("requests", rows[0]), PLAN, now=NOW)
    assert not r.ok and [(f, t) for f, t, _v in r.problems] == [(field_, template)]


def test_unmatched_names_and_closest_candidates() -> None:
    [sheet] = read_workbook(form_csv("utf-8-sig"), "点单.csv")
    mapping = guess_mapping("requests", sheet.rows[1])
    assert unmatched_names(sheet.rows, 1, mapping, PLAN) == {
        "partner": {"友谊小区": ("p-youyi",)},
        "service": {"针灸体验": ()},
    }
    assert closest("运动损伤", PLAN.services) == ("sports-injury",)  # held in the name
    assert closest("完全无关", PLAN.partners) == ()


def test_form_headers_guessed_in_english_too() -> None:
    header = [
        "Timestamp",
        "Community",
        "Service",
        "Preferred date",
        "Preferred time",
        "Attendees",
        "Contact",
        "Phone",
        "Notes",
    ]
    assert set(guess_mapping("requests", header).values()) == {
        "received",
        "partner",
        "service",
        "date",
        "time",
        "audience",
        "contact_name",
        "contact_phone",
        "notes",
    }


# ---- any rows, however made, give records or problems, never an exception

_cell = st.one_of(
    st.none(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        ["1e400", "nan", "-inf", "9" * 5000, "友谊社区", "sports-injury", "2026-12-05", "0000-01-01"]
    ),
    st.from_regex(r"[0-9:：点\-~年月日/. 上下午晚]{0,14}", fullmatch=True),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.text(max_size=10),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["staff", "departments", "partners", "requests"]),
    st.lists(st.lists(_cell, min_size=1, max_size=12), max_size=6),
)
@example("departments", [["d1", "眼科", None, "1e400"]])  # float("1e400") is infinite
@example("partners", [["p1", "某社区", None, None, None, "nan"]])
@example("staff", [["E9", "王", "骨伤科", None, None, None, None, None, "inf"]])
@example("requests", [[None, None, None, "9" * 5000, None, None, None, None, "友谊社区", "sports-injury"]])
def test_any_rows_give_records_or_problems(target, rows) -> None:
    header = [names[0] for names in SYNONYMS[target].values()]
    for row in rows:
        row += [None] * (len(header) - len(row))
    results = convert(target, [header, *rows], 0, guess_mapping(target, header), PLAN, now=NOW)
    for r in results:
        assert r.ok == (r.record is not None and not r.problems and r.skip is None)
        for _f, template, value in r.problems:
            assert template.format(value=value)
