"""Issue 23 on the Statistics page and in its workbook: per branch and month, the occurrences led
by the branch itself (a party member whose own branch is the organizer), of all it organized."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.operations import import_plan, import_records, save
from db.store import Store
from scheduler.exchange.planfile.document import parse_document
from scheduler.plan.model import Assignment
from tests.helpers import sample_text

pytestmark = pytest.mark.gui


def _db(path: Path) -> Path:
    """The sample: a1 organized by 骨伤党支部 on 12-03 (led by 金伟, its member), 12-11, 12-17, 12-24
    in December 2026; 李娜 (its member) leads 12-17, 王强 (no branch) leads 12-24: 2 of 4."""
    with Store(path) as s:
        import_plan(s, parse_document(sample_text()).plan)
        record = {"activity": "a1", "occurrence": "2026-12-10", "attended": [{"staff": "s002", "hours": 2}]}
        import_records(s, json.dumps({"format": "outreach-plan", "version": 1, "records": [record]}))
        save(
            s,
            "assignments",
            [
                Assignment("a1", "s002", date(2026, 12, 17), "consult", "lead"),
                Assignment("a1", "s003", date(2026, 12, 24), "consult", "lead"),
            ],
        )
    return path


def test_own_branch_leads_on_the_page_and_in_the_workbook(qtbot, db_path, tmp_path) -> None:
    from tests.ui.windows import main_window

    w = main_window(qtbot, _db(db_path), as_is=True, section="stats")
    page = w.current_page()
    page.year.setValue(2026)
    table = page.table

    def headers(t) -> list[str]:
        return [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]

    page.breakdown.setCurrentIndex(page.breakdown.findData("branch"))
    assert headers(table)[-1] == "本支部党员带队" and table.columnCount() == 5
    assert [table.item(0, 0).text(), table.item(0, 4).text()] == ["骨伤党支部", "2 / 4"]
    page.breakdown.setCurrentIndex(page.breakdown.findData("month"))
    months = {table.item(r, 0).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert months["2026-12"] == "2 / 4" and months["2026-11"] == "0 / 0"
    page.breakdown.setCurrentIndex(page.breakdown.findData("partner"))
    assert table.columnCount() == 4  # a partner leads nothing of its own
    # The tab: each branch by month.
    grid = page.own_leads
    assert page.tabs.tabText(page.tabs.indexOf(grid)) == "本支部带队"
    assert headers(grid)[:2] == ["党支部", "整个期间"] and headers(grid)[-1] == "12月"
    assert [grid.item(0, c).text() for c in (0, 1, grid.columnCount() - 1)] == [
        "骨伤党支部",
        "2 / 4",
        "2 / 4",
    ]
    assert grid.item(0, 2).text() == ""  # January: nothing organized
    # Into 2027: January's four are nobody's own lead.
    page.year.setValue(2027)
    assert grid.item(0, 1).text() == "0 / 5"

    page.year.setValue(2026)
    out = page.export_xlsx(str(tmp_path / "stats.xlsx"))
    book = load_workbook(out)
    sheet = book["本支部党员带队"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("党支部", "月", "已计划或已举行的场次", "本支部党员带队", "占比")
    assert rows[1:] == [("骨伤党支部", "2026-12", 4, 2, 0.5)]
    assert sheet.cell(2, 5).number_format == "0%"
    branch = list(book["按党支部"].iter_rows(values_only=True))
    assert branch[0][-2:] == ("已计划或已举行的场次", "本支部党员带队") and branch[1][0] == "骨伤党支部"
    assert branch[1][-2:] == (4, 2)
    by_month = {r[0]: r[-2:] for r in book["按月份"].iter_rows(min_row=2, values_only=True)}
    assert by_month["2026-12"] == (4, 2) and by_month["2026-01"] == (0, 0)
    w.session.close()


def test_the_chart_shows_only_the_breakdown_chosen(qtbot, db_path) -> None:
    """Switching the breakdown relabels the chart: no month left drawn under the branches' names
    (an axis taken off the chart left its labels in the scene, one more set each switch)."""
    from tests.ui.windows import main_window

    w = main_window(qtbot, _db(db_path), as_is=True, section="stats")
    page = w.current_page()
    page.year.setValue(2026)

    def texts() -> int:  # the chart's visible texts (PySide names a label only QGraphicsItem)
        return sum(1 for i in page.chart_view.scene().items() if i.type() == 8 and i.isVisible())

    counts = []
    for kind in ("month", "branch", "month", "branch"):
        page.breakdown.setCurrentIndex(page.breakdown.findData(kind))
        page.chart_view.grab()  # drawn, as a user sees it
        counts.append(texts())
    # One branch has fewer labels than twelve months, and a second visit shows no more than the first.
    assert counts[1] < counts[0] and counts[3] == counts[1], counts
    w.session.close()
