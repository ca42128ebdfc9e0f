"""File ▸ Import from spreadsheet ▸ service requests with the exports of real form platforms: the
preview names the platform's own columns (never answers) and how the services are split (a cell
joined by ┋, or one 0/1 column per choice), shows each request of a submission on its own line,
offers the split names (not the joined cell) to match by hand, and imports as one undoable step;
a staff sheet with two staff-number columns takes neither and says so."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from db.planio import load_plan
from db.store import Store
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.spreadsheet.columns import field_label
from scheduler.exchange.spreadsheet.workbook import read_workbook
from tests.cli.test_sheets_forms import (
    TENCENT_HEADER,
    TENCENT_ROWS,
    WJX_HEADER,
    WJX_ROWS,
    csv_bytes,
    plan_doc,
    xlsx,
)
from tests.ui.windows import main_window
from ui.exchange import sheet_import
from ui.i18n import tr, trf

pytestmark = pytest.mark.gui
NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def window(qtbot, tmp_path):
    w = main_window(qtbot, tmp_path / "office.sqlite3", plan_doc())
    yield w
    w.session.close()


def _plan():
    return parse_document(json.dumps(plan_doc(), ensure_ascii=False)).plan


def _column(table, title: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == title)


def test_a_wjx_preview_names_platform_columns_and_splits_the_services(qtbot) -> None:
    rows = [
        WJX_HEADER,
        *WJX_ROWS,
        [4, "2026/11/23 08:05", "9秒", "微信", "", "", "友谊小区", "义诊┋针灸体验"],
    ]
    sheets = read_workbook(xlsx(rows), "问卷星.xlsx")
    d = sheet_import.SheetImportDialog(Path("问卷星.xlsx"), sheets, _plan(), target="requests", now=NOW)
    qtbot.addWidget(d)
    fields = [d.columns.cellWidget(i, 1).currentData() for i in range(d.columns.rowCount())]
    assert fields[:8] == [
        "number",
        "received",
        "platform",
        "platform",
        "platform",
        "platform",
        "partner",
        "service",
    ]
    assert fields[-1] == "platform"  # 总分
    said = d.read_as.text()
    number = tr(field_label("requests", "number"))
    assert trf("Columns of the form platform, not read as answers: %1", f"序号 → {number}、") in said
    assert "所用时间、来源、来源详情、来自IP、总分" in said and "2、需要的服务项目" in said
    # Each request of a submission on a line of its own; the platform's columns are not shown as answers.
    heads = [d.preview.horizontalHeaderItem(c).text() for c in range(d.preview.columnCount())]
    assert tr(field_label("requests", "platform")) not in heads
    service = _column(d.preview, tr("Service"))
    lines = [
        (d.preview.item(r, 0).text(), d.preview.item(r, service).text()) for r in range(d.preview.rowCount())
    ]
    assert lines == [
        ("2 (1/2)", "义诊"),
        ("2 (2/2)", "健康讲座"),
        ("3", "血压血糖检测"),
        ("4", "运动损伤预防讲座"),
        ("5 (1/2)", "义诊"),
        ("5 (2/2)", "针灸体验"),
    ]
    notes = _column(d.preview, tr("Notes"))
    assert d.preview.item(2, notes).text() == "老人多；中医推拿"
    # The names to match by hand are the split ones, never the joined cell.
    names = {(d.names.item(r, 0).text(), d.names.item(r, 1).text()) for r in range(d.names.rowCount())}
    assert names == {(tr("Partner"), "友谊小区"), (tr("Service"), "针灸体验")}
    assert d.summary.text() == trf(
        "%1 rows: %2 new requests, %3 already there (repeated, or imported before), %4 with problems (not imported).",
        4,  # rows 2–5 of the sheet
        4,  # requests: two of row 2, one of rows 3 and 4
        0,
        1,  # row 5: an unknown partner
    )
    # The field list is readable: its combo boxes are as wide as their longest choice.
    combo = d.columns.cellWidget(0, 1)
    assert combo.width() >= combo.sizeHint().width() - 2


def test_a_tencent_preview_reads_one_0_1_column_per_choice(qtbot) -> None:
    sheets = read_workbook(csv_bytes([TENCENT_HEADER, *TENCENT_ROWS]), "腾讯问卷.csv")
    d = sheet_import.SheetImportDialog(Path("腾讯问卷.csv"), sheets, _plan(), target="requests", now=NOW)
    qtbot.addWidget(d)
    assert (
        trf(
            "Services: one 0/1 column per choice (%1); each service chosen is a request of its own.",
            "义诊、健康讲座、血压血糖检测",
        )
        in d.read_as.text()
    )
    service = _column(d.preview, tr("Service"))
    got = [
        (d.preview.item(r, 0).text(), d.preview.item(r, service).text()) for r in range(d.preview.rowCount())
    ]
    assert got == [("2 (1/2)", "义诊"), ("2 (2/2)", "血压血糖检测"), ("3", "健康讲座"), ("4", "")]
    assert tr("no service chosen") in d.preview.item(3, d.preview.columnCount() - 1).text()


def test_requests_of_a_wjx_export_imported_as_one_undoable_step(window, tmp_path, monkeypatch) -> None:
    path = window.session.path
    f = tmp_path / "问卷星.xlsx"
    f.write_bytes(xlsx([WJX_HEADER, *WJX_ROWS]))
    monkeypatch.setattr(sheet_import.SheetImportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.files.import_requests(str(f))
    with Store(path) as s:
        got = sorted(
            (r.partner, r.service) for k, r in load_plan(s).requests.items() if k.startswith("form-")
        )
    assert got == [
        ("p-donghu", "bp"),
        ("p-youyi", "free-clinic"),
        ("p-youyi", "sports-injury"),
        ("p-youyi", "talk"),
    ]
    window.files.import_requests(str(f))  # again: nothing new
    window.undo_action.trigger()
    with Store(path) as s:
        assert [k for k in load_plan(s).requests if k.startswith("form-")] == []


def test_two_staff_number_columns_are_named_and_neither_taken(qtbot) -> None:
    sheets = read_workbook(
        csv_bytes([["工号", "人员编号", "姓名", "科室"], ["s001", "P-17", "金伟", "骨伤科"]]), "hr.csv"
    )
    d = sheet_import.SheetImportDialog(Path("hr.csv"), sheets, _plan(), target="staff", now=NOW)
    qtbot.addWidget(d)
    assert [d.columns.cellWidget(i, 1).currentData() for i in range(4)] == [None, None, "name", "department"]
    assert d.read_as.text() == trf(
        "Columns %1 could each be the %2: the file can be read two ways, so neither is taken; choose one.",
        "工号、人员编号",
        tr(field_label("staff", "id")),
    )
    assert not d.buttons.button(d.buttons.StandardButton.Ok).isEnabled()
    d.set_field(0, "id")  # the user chooses
    assert d.buttons.button(d.buttons.StandardButton.Ok).isEnabled()


def test_a_staff_preview_says_the_closest_department_and_a_bad_phone(qtbot) -> None:
    rows = [
        ["工号", "姓名", "科室", "职务", "职称", "手机号"],
        ["E1", "甲", "针炙科", "护士长", "主管护师", "abc"],
    ]
    sheets = read_workbook(csv_bytes(rows), "hr.csv")
    d = sheet_import.SheetImportDialog(Path("hr.csv"), sheets, _plan(), target="staff", now=NOW)
    qtbot.addWidget(d)
    fields = [d.columns.cellWidget(i, 1).currentData() for i in range(6)]
    assert fields == ["id", "name", "department", "position", "title", "phone"]
    said = d.preview.item(0, d.preview.columnCount() - 1).text()
    assert trf("closest: %1", "针灸科") in said
    assert tr("{value} is not a phone number").format(value="abc") in said


def test_columns_past_the_256th_are_said_not_dropped_in_silence(qtbot) -> None:
    """R3: a form export whose 联系电话 stood in column 262 lost it with nothing said (the reader
    keeps 256 columns); the CLI and both previews now name the first cell past them."""
    header = ["单位名称", "服务项目", *(f"第{k}题：意见" for k in range(3, 262)), "联系电话"]
    rows = [header, ["友谊社区", "义诊", *(["无"] * 259), "13800000000"]]
    [sheet] = read_workbook(xlsx(rows), "wide.xlsx")
    assert sheet.cut == "IW1" and len(sheet.rows[0]) == 256
    d = sheet_import.SheetImportDialog(Path("wide.xlsx"), [sheet], _plan(), target="requests", now=NOW)
    qtbot.addWidget(d)
    assert (
        trf(
            "sheet %1: the columns after IV (the 256th) are not read; the first of them that holds something is %2",
            "Sheet1",
            "IW1",
        )
        in d.read_as.text()
    )
    import csv
    import io

    text = io.StringIO()
    csv.writer(text).writerows(rows)
    [sheet] = read_workbook(text.getvalue().encode("utf-8"), "wide.csv")
    assert sheet.cut == "IW1"
    [sheet] = read_workbook(xlsx([header[:256], ["友谊社区", "义诊"]]), "narrow.xlsx")
    assert sheet.cut == ""
