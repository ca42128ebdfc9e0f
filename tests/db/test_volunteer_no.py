"""The staff member's volunteer number (志愿者编号) end to end: plan file, database, spreadsheet
import, time bank ledger and certificate, statistics workbook."""

from __future__ import annotations

import io
import json
from datetime import date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from db import operations as ops
from db.planio import load_ledger, load_plan
from db.store import Store
from reports.document import translator
from reports.stats_xlsx import write_workbook
from reports.timebank import certificate_pdf, ledger_pdf
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.exchange.spreadsheet.headers import guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from scheduler.office.stats import compute
from tests.helpers import sample


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_volunteer_number_from_file_and_sheet_to_paper_and_workbook(store: Store) -> None:
    doc = sample()
    doc["staff"][0]["volunteer_no"] = "43020019880001"
    ops.import_document(store, json.dumps(doc, ensure_ascii=False))
    plan = load_plan(store)
    assert plan.staff["s001"].volunteer_no == "43020019880001"
    assert plan.staff["s002"].volunteer_no is None
    exported = json.loads(dump_document(plan_to_document(plan)))
    assert exported["staff"][0]["volunteer_no"] == "43020019880001"

    # A staff sheet with a 志愿者编号 column sets the number of an existing person.
    rows = [["工号", "姓名", "科室", "志愿者编号"], ["s002", "李娜", "骨伤科", " 43020019900002 "]]
    mapping = guess_mapping("staff", rows[0])
    assert mapping[3] == "volunteer_no"
    [row] = convert("staff", rows, 0, mapping, plan)
    assert row.ok and row.update
    ops.save(store, "staff", [row.record])
    plan = load_plan(store)
    assert plan.staff["s002"].volunteer_no == "43020019900002"
    assert plan.staff["s002"].qualifications == ("nurse",)  # the rest of the record kept

    t = translator("zh_CN")
    printed = datetime(2026, 12, 31, 9, 0)
    for maker in (ledger_pdf, certificate_pdf):
        out = io.BytesIO()
        maker(out, plan, "s001", load_ledger(store), 2026, t, printed)
        assert "志愿者编号：43020019880001" in _text(out.getvalue()), maker.__name__
    out = io.BytesIO()
    certificate_pdf(out, plan, "s003", load_ledger(store), 2026, t, printed)
    assert "志愿者编号" not in _text(out.getvalue())  # nobody's number is made up

    stats = compute(
        plan, WorkCalendar(official_calendar(), plan.calendar.values()), date(2026, 1, 1), date(2026, 12, 31)
    )
    out = io.BytesIO()
    write_workbook(out, stats, plan, t)
    [sheet] = [ws for ws in load_workbook(io.BytesIO(out.getvalue())) if ws.title == t("Busiest people")[:31]]
    header = [c.value for c in sheet[1]]
    column = header.index("志愿者编号")
    values = {r[0].value: r[column].value for r in sheet.iter_rows(min_row=2)}
    assert values["金伟"] == "43020019880001"
