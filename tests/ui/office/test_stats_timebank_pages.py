"""The Statistics and time bank pages: their first visit loads no workbook or PDF library (those
load on export and print), and the time bank's totals table sorts, filters and selects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db.operations import import_plan, import_records
from db.store import Store
from scheduler.exchange.planfile.document import parse_document
from tests.helpers import sample_text

ROOT = Path(__file__).resolve().parents[3]

_VISIT = r"""
import sys
sys.path.insert(0, {root!r})
from ui.window.app import make_app
from ui.window.mainwindow import MainWindow
from ui.session import Session

app = make_app()
session = Session({db!r})
window = MainWindow(session)
window.show()
app.processEvents()
window.watch.first_check()
window.watch.wait()
before = set(sys.modules)
for page in ("stats", "time_bank"):
    window.show_section(page)
    app.processEvents()
    assert window.current_section() == page
print("LOADED", ",".join(sorted(m for m in ("openpyxl", "numpy", "reportlab") if m in sys.modules and m not in before)))
window.close()
session.close()
"""


def _db(db_path: Path) -> Path:
    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)  # s001 3 h on 12-03
        doc = {
            "format": "outreach-plan",
            "version": 1,
            "records": [
                {
                    "activity": "a1",
                    "occurrence": "2026-12-10",
                    "attended": [{"staff": "s002", "hours": 5}, {"staff": "s003", "hours": 1}],
                }
            ],
        }
        import_records(s, json.dumps(doc))
    return db_path


def test_first_visits_load_no_workbook_or_pdf_library(db_path, tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_SETTINGS_DIR": str(tmp_path)}
    code = _VISIT.format(root=str(ROOT), db=str(_db(db_path)))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    line = next((x for x in done.stdout.splitlines() if x.startswith("LOADED")), None)
    assert line is not None, done.stderr[-2000:]
    assert line == "LOADED ", f"the first visits loaded {line[7:]}"


def test_time_bank_totals_sort_filter_and_select(qtbot, db_path) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.windows import main_window

    w = main_window(qtbot, _db(db_path), as_is=True, section="time_bank")
    page = w.current_page()
    page.year.setValue(2026)
    model = page.model

    def column(c: int) -> list[str]:
        return [model.index(r, c).data() for r in range(model.rowCount())]

    names = {k: w.catalog.staff[k].name for k in ("s001", "s002", "s003")}
    assert column(0) == [names["s002"], names["s001"], names["s003"]]  # most hours first
    assert column(2) == ["5", "3", "1"] and "9" in page.total.text()
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None  # numbers right-aligned
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # a click on the header
    assert column(2) == ["1", "3", "5"]
    page.select("s002")
    assert page.selected() == "s002" and names["s002"] in page.ledger_title.text()
    assert page.ledger_model.rowCount() == 1
    page.search.setText(names["s003"])
    assert column(0) == [names["s003"]]
    page.search.setText("")
    assert model.rowCount() == 3
    w.session.close()
