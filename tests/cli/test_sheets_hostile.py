"""`sheet` with hostile files through the command line: what a cell holds never reaches the
terminal as control characters (escape sequences, BEL, C1 CSI; --json escapes them), a long
shared string in many cells is read in bounded time, a row numbered 0 is refused (exit 2, the
database unchanged), CR-only and semicolon-separated CSV files are read."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest

from cli.commands import run
from tests.cli.test_sheets_forms import csv_bytes, database, digest, exported, sheet
from tests.scheduler.exchange.test_spreadsheet_hostile import MAIN, long_shared_string, raw_xlsx

NASTY = "\x1b]0;owned\x07\x1b[2J红\x9b31m\u202e"


def test_refusal_lines_never_print_control_characters(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "hr.csv"  # a CSV may hold any character; XML keeps out most C0 ones
    f.write_bytes(
        csv_bytes(
            [["工号", "姓名", "科室", "手机"], ["E1", "王芳", NASTY, NASTY], ["E2", NASTY, "骨伤科", ""]]
        )
    )
    code, out, err = sheet(capsys, db, "staff", str(f))
    assert code == 1 and err == ""
    for bad in ("\x1b", "\x07", "\x9b"):
        assert bad not in out
    assert "no department" in out and "红" in out
    code, out, err = sheet(capsys, db, "staff", str(f), "--json")
    assert "\x9b" not in out and "\x1b" not in out and "\\u009b" in out
    doc = json.loads(out)
    assert NASTY in {r["value"] for r in doc["refused"]}  # the data whole, escaped


def test_a_long_shared_string_in_many_cells_is_bounded(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "hr.xlsx"
    f.write_bytes(long_shared_string())
    assert f.stat().st_size < 32_000
    started = time.process_time()
    code, out, err = sheet(capsys, db, "staff", str(f), "--dry-run")
    assert time.process_time() - started < 30
    assert code == 1 and "is longer than 1,000 characters" in out
    code, out, err = sheet(capsys, db, "staff", str(f), "--dry-run", "--json")
    assert {r["value"] for r in json.loads(out)["refused"]} == {"长 " * 30 + "…"}
    form = [
        "序号",
        "提交答卷时间",
        "所用时间",
        "1、社区",
        "2、服务项目(义诊)",
        "2、服务项目(讲座)",
        "3、期望日期",
    ]
    f.write_bytes(long_shared_string(header=form))
    started = time.process_time()
    code, out, err = sheet(capsys, db, "requests", str(f), "--dry-run")
    assert time.process_time() - started < 30
    assert code == 1 and "is longer than 1,000 characters" in out


def test_a_row_numbered_0_is_refused_and_nothing_changes(tmp_path, capsys) -> None:
    db = database(tmp_path)
    cells = lambda r, vals: "".join(  # noqa: E731
        f'<c r="{c}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for c, v in zip("ABC", vals, strict=True)
    )
    xml = (
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells(1, ["工号", "姓名", "科室"])}</row>'
        f'<row r="0">{cells(0, ["E7", "孙立", "骨伤科"])}</row>'
        f'<row r="2">{cells(2, ["E8", "赵六", "骨伤科"])}</row></sheetData></worksheet>'
    )
    f = tmp_path / "hr.xlsx"
    f.write_bytes(raw_xlsx(xml))
    before = digest(db)
    code, out, err = sheet(capsys, db, "staff", str(f))
    assert code == 2 and out == "" and digest(db) == before
    assert "a row is numbered '0' (rows are numbered from 1)" in err


def test_cr_only_and_semicolon_csv_files_are_read(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "hr.csv"
    f.write_bytes("工号;姓名;科室;手机\rE1;王芳;针灸科;+86 137 0000 0000\rE2;赵六;骨伤科;\r".encode("gbk"))
    code, out, err = sheet(capsys, db, "staff", str(f))
    assert code == 0 and err == "", out
    staff = {s["id"]: s for s in exported(tmp_path, db)["staff"]}
    assert staff["E1"]["phone"] == "13700000000" and staff["E2"]["department"] == "ortho"
    tabs = tmp_path / "hr2.csv"
    tabs.write_bytes(csv_bytes([["工号\t姓名\t科室"], ["E3\t孙立\t骨伤科"]]))
    code, out, err = sheet(capsys, db, "staff", str(tabs))
    assert code == 0 and "1 row(s) taken (1 new, 0 updated)" in out


OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def _ods() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


FILES_NOT_XLSX = [
    ("roster.xls", OLE + bytes(504) + b"\x09\x08" * 300, "an old Excel workbook (.xls, Excel 97–2003)"),
    ("named.xlsx", OLE + bytes(504) + b"\x09\x08" * 300, "an old Excel workbook (.xls, Excel 97–2003)"),
    ("locked.xlsx", OLE + bytes(504) + "EncryptedPackage".encode("utf-16-le"), "protected by a password"),
    ("web.xls", "<html><body><table><tr><td>姓名</td></tr></table>".encode(), "a web page or XML file"),
    ("open.ods", _ods(), "an OpenDocument spreadsheet (.ods)"),
]


@pytest.mark.parametrize(("name", "data", "said"), FILES_NOT_XLSX)
def test_a_file_that_is_no_xlsx_is_refused_saying_what_it_is(tmp_path, capsys, name, data, said) -> None:
    """R3: an old .xls (or a workbook with a password, a web page saved as .xls, an .ods) was
    'not a readable .xlsx workbook (not a zip file, or a damaged one)', in English in the Chinese
    command line too: now it says what the file is and what to do, in the user's language."""
    db = database(tmp_path)
    before = digest(db)
    f = tmp_path / name
    f.write_bytes(data)
    for kind in ("duty", "staff", "requests"):
        code, out, err = sheet(capsys, db, kind, str(f))
        assert code == 2 and out == "" and said in err and "Traceback" not in err, err
    capsys.readouterr()
    assert run(["sheet", "duty", str(f), "--db", str(db), "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert "另存为" in err and "workbook" not in err, err
    assert digest(db) == before


def test_columns_past_the_256th_are_named_in_the_output(tmp_path, capsys) -> None:
    """R3: `sheet requests` of a wide export dropped its column 262 (联系电话) with nothing said."""
    from tests.cli.test_sheets_forms import xlsx

    db = database(tmp_path)
    header = ["单位名称", "服务项目", *(f"第{k}题：意见" for k in range(3, 262)), "联系电话"]
    f = tmp_path / "wide.xlsx"
    f.write_bytes(xlsx([header, ["友谊社区", "义诊", *(["无"] * 259), "13800000000"]]))
    code, out, _err = sheet(capsys, db, "requests", str(f), "--dry-run")
    assert "sheet Sheet1: the columns after IV (the 256th) are not read" in out and "IW1" in out
    code, out, _err = sheet(capsys, db, "requests", str(f), "--dry-run", "--json")
    assert json.loads(out)["columns_not_read"] == [{"sheet": "Sheet1", "first": "IW1"}]
