"""File ▸ Import from spreadsheet ▸ duty roster and ▸ service requests, and Settings ▸ Shift codes,
as a user meets them: the preview shows what was read with the problems in red, nothing is written
until Import, the import is one undoable step, and a second import of the roster replaces the
first (undo puts the first back)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from db.operations import database_hash
from db.planio import load_plan
from db.store import Store
from tests.scheduler.exchange.test_duty import EXPECTED, grid_rows, messy_xlsx, plan_doc
from tests.scheduler.exchange.test_spreadsheet import form_xlsx
from tests.ui.windows import main_window
from ui.exchange import duty_import, sheet_import, shift_codes_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    w = main_window(qtbot, tmp_path / "office.sqlite3", plan_doc())
    yield w
    w.session.close()


def _roster(path) -> list[tuple]:
    with Store(path) as s:
        plan = load_plan(s)
    return sorted(
        (u.staff, u.start, u.end, u.reason) for u in plan.unavailability.values() if "roster" in u.extra
    )


def _typed(path) -> list[tuple]:
    with Store(path) as s:
        return sorted(k for k, u in load_plan(s).unavailability.items() if "roster" not in u.extra)


def _red(table, row: int, col: int) -> bool:
    return table.item(row, col).background().color().name() in (sheet_import.BAD, sheet_import.BAD_CELL)


def test_duty_preview_then_import_reimport_and_undo(window, tmp_path, monkeypatch) -> None:
    path = window.session.path
    xlsx = tmp_path / "骨伤科12月排班.xlsx"
    xlsx.write_bytes(messy_xlsx())
    typed = _typed(path)  # 金伟's leave typed in on the 1st, 08:00–17:30: the roster's day shift then
    with Store(path) as s:
        before = database_hash(s)
    seen: dict = {}

    def look(self) -> int:
        p = self.preview
        seen["department"], seen["month"] = self.department.currentText(), self.month.currentText()
        seen["rows"] = [p.item(r, 2).text() for r in range(p.rowCount())]
        seen["red rows"] = [r for r in range(p.rowCount()) if _red(p, r, 0)]
        day4 = 4 + 3  # Row, number, name, found as, then the days from the 1st
        seen["X"] = (p.item(3, day4).text(), _red(p, 3, day4), _red(p, 3, day4 - 1))
        seen["problems"] = [self.problems.item(i).text() for i in range(self.problems.count())]
        seen["ok"] = self.buttons.button(self.buttons.StandardButton.Ok).text()
        with Store(path) as s:  # nothing written while looking
            seen["hash"] = database_hash(s)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(duty_import.DutyImportDialog, "exec", look)
    window.files.import_duty_roster(str(xlsx))
    assert (seen["department"], seen["month"]) == ("骨伤科", "2026-12")  # read from the title
    assert seen["rows"] == ["金伟", "李娜", "张伟", "刘洋", "赵无", "王强"]
    assert seen["red rows"] == [2, 4]  # the ambiguous 张伟 and the unknown 赵无
    assert seen["X"] == ("X", True, False)  # the unknown code's cell, not its neighbour
    assert len(seen["problems"]) == 3 and "X" in seen["problems"][1] and "F" in seen["problems"][1]
    assert "14" in seen["ok"] and seen["hash"] == before
    first = [e for e in EXPECTED if e[:3] not in typed]
    assert _roster(path) == first and _typed(path) == typed  # the typed-in leave kept as it was
    # The department changes 金伟's 2nd to free and sends the roster again (as CSV).
    rows = grid_rows()
    rows[3][3] = None
    csv = tmp_path / "骨伤科12月排班 v2.csv"
    csv.write_bytes("\r\n".join(",".join("" if v is None else str(v) for v in r) for r in rows).encode("gbk"))
    window.files.import_duty_roster(str(csv))
    second = [e for e in first if e[:2] != ("s001", EXPECTED[1][1])]
    assert _roster(path) == second and len(second) == len(first) - 1
    assert "骨伤科" in window.undo_action.text()
    window.undo_action.trigger()  # the second import undone: the first is back, whole
    assert _roster(path) == first
    window.undo_action.trigger()  # and the first: nothing from the roster, the typed leave as it was
    assert _roster(path) == [] and _typed(path) == typed
    window.redo_action.trigger()
    assert _roster(path) == first


def test_duty_dialog_month_and_department_chosen_by_hand(window, tmp_path, monkeypatch) -> None:
    xlsx = tmp_path / "roster.xlsx"
    xlsx.write_bytes(messy_xlsx())
    seen: dict = {}

    def look(self) -> int:
        self.choose(month=date(2026, 11, 1))  # the header's weekday row is December's
        seen["wrong month"] = (
            self.roster,
            self.summary.text(),
            self.buttons.button(self.buttons.StandardButton.Ok).isEnabled(),
        )
        self.choose(month=date(2026, 12, 1), department="acu")  # another department: names not found there
        seen["acu"] = [self.preview.item(r, 3).text() for r in range(self.preview.rowCount())]
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(duty_import.DutyImportDialog, "exec", look)
    window.files.import_duty_roster(str(xlsx))
    roster, summary, ok = seen["wrong month"]
    assert roster is None and not ok and "2026-11" in summary
    assert seen["acu"][0] == "金伟 [s001]"  # found by staff number, whatever the department
    assert "针灸科" in seen["acu"][1]  # 李娜 by name: not in 针灸科
    assert _roster(window.session.path) == []


def test_requests_preview_names_matched_by_hand_then_undo(window, tmp_path, monkeypatch) -> None:
    path = window.session.path
    xlsx = tmp_path / "点单.xlsx"
    xlsx.write_bytes(form_xlsx())
    seen: dict = {}

    def look(self) -> int:
        seen["target"] = self.target.currentData()
        seen["names"] = [(self.names.item(r, 1).text()) for r in range(self.names.rowCount())]
        seen["red before"] = [r for r in range(self.preview.rowCount()) if _red(self.preview, r, 0)]
        combo = self.name_combo("partner", "友谊小区")
        seen["offered"] = combo.itemText(1)  # the closest name first
        combo.setCurrentIndex(1)
        seen["red after"] = [r for r in range(self.preview.rowCount()) if _red(self.preview, r, 0)]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sheet_import.SheetImportDialog, "exec", look)
    window.files.import_requests(str(xlsx))
    assert seen["target"] == "requests" and seen["names"] == ["友谊小区", "针灸体验"]
    assert seen["red before"] == [1, 2] and seen["red after"] == [2]  # the unknown service stays out
    assert seen["offered"] == "友谊社区 [p-youyi]"
    with Store(path) as s:
        got = {k: r for k, r in load_plan(s).requests.items() if k.startswith("form-")}
    assert len(got) == 3 and {r.status for r in got.values()} == {"new"}
    window.files.import_requests(str(xlsx))  # again: nothing new
    with Store(path) as s:
        assert len([k for k in load_plan(s).requests if k.startswith("form-")]) == 3
    window.undo_action.trigger()
    with Store(path) as s:
        assert [k for k in load_plan(s).requests if k.startswith("form-")] == []


def test_shift_codes_setting_is_one_undoable_step(window, monkeypatch) -> None:
    from db.operations import shift_codes
    from scheduler.exchange.duty.codes import DEFAULT_SHIFT_CODES

    seen: dict = {}

    def edit(self) -> int:
        seen["rows"] = self.table.rowCount()
        self.add_code("", "day")
        self.table.item(self.table.rowCount() - 1, 0).setText("n")  # N is there already
        seen["refused"] = (
            self.message.text(),
            self.buttons.button(self.buttons.StandardButton.Ok).isEnabled(),
        )
        self.table.item(self.table.rowCount() - 1, 0).setText("A班")
        seen["ok"] = self.buttons.button(self.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(shift_codes_dialog.ShiftCodesDialog, "exec", edit)
    window.settings.edit_shift_codes()
    assert (
        seen["rows"] == len(DEFAULT_SHIFT_CODES)
        and seen["refused"][0].startswith("n")
        and not seen["refused"][1]
        and seen["ok"]
    )
    with Store(window.session.path) as s:
        assert shift_codes(s)["A班"] == "day"
    window.undo_action.trigger()
    with Store(window.session.path) as s:
        assert "A班" not in shift_codes(s)


def test_the_file_menu_offers_the_three_spreadsheet_imports(window, tmp_path, monkeypatch) -> None:
    from ui.exchange import file_actions

    xlsx = tmp_path / "duty.xlsx"
    xlsx.write_bytes(messy_xlsx())
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(xlsx), ""))
    opened: list[str] = []
    for cls in (sheet_import.SheetImportDialog, duty_import.DutyImportDialog):
        monkeypatch.setattr(cls, "exec", lambda self: opened.append(type(self).__name__) or 0)
    actions = window.files.sheets_menu.actions()
    assert len(actions) == 3
    for a in actions:
        a.trigger()
    assert opened == ["SheetImportDialog", "DutyImportDialog", "SheetImportDialog"]
    assert window.files.sheet_dialog.target.currentData() == "requests"


def _legend_workbook() -> bytes:
    """A nursing roster with its legend (A/P/N hours, an entry not understood) and a signature row,
    a second department's sheet, and an old roster left hidden."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "骨伤科"
    ws.append(["骨伤科护理排班表 2026年11月26日-12月25日"])
    ws.append(["工号", "姓名", *range(26, 31), *range(1, 26)])
    ws.append(
        [
            None,
            None,
            *(
                "一二三四五六日"[date.fromordinal(date(2026, 11, 26).toordinal() + k).weekday()]
                for k in range(30)
            ),
        ]
    )
    ws.append(["s001", "金伟", "A", "P", "N", "下夜", "休", "年", "A", "A"])
    ws.append(["s002", "李娜", "N", "N", "夜休", "Y", "A"])
    ws.append(["s012", "刘洋", "P", "P", "P", "休", "A"])
    ws.append(["班次说明：A班 08:00-16:00；P班 16:00-24:00；N班 00:00-08:00；年：年休假；Y：机动"])
    ws.append(["护士长签名："])
    ws.merge_cells("A1:AF1")
    ws.merge_cells("A7:AF7")
    other = wb.create_sheet("针灸科")
    other.append(["针灸科 2026年12月"])
    other.append(["工号", *range(1, 32)])
    other.append(["s003", "白", "白"])
    old = wb.create_sheet("旧表")
    old.append(["骨伤科 2026年10月"])
    old.sheet_state = "hidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_duty_preview_says_what_the_cli_says(window, tmp_path, monkeypatch) -> None:
    from pathlib import Path

    xlsx = tmp_path / "护理排班.xlsx"
    xlsx.write_bytes(_legend_workbook())
    seen: dict = {}
    shots = Path("/work/team/shots/D1")

    def look(self) -> int:
        seen["sheets"] = self.sheets_found.text()
        seen["read as"] = self.read_as.text()
        seen["legend"] = self.legend.text()
        seen["skipped"] = self.skipped.text()
        seen["header"] = self.preview.horizontalHeaderItem(4).text()
        seen["problems"] = [self.problems.item(i).text() for i in range(self.problems.count())]
        seen["ok"] = self.buttons.button(self.buttons.StandardButton.Ok).text()
        seen["combo"] = [self.sheet.itemText(i) for i in range(self.sheet.count())]
        if shots.parent.exists():
            shots.mkdir(exist_ok=True)
            self.show()
            self.grab().save(str(shots / "duty-preview-legend-zh.png"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(duty_import.DutyImportDialog, "exec", look)
    window.files.import_duty_roster(str(xlsx))
    assert "针灸科" in seen["sheets"] and "旧表" in seen["sheets"]
    assert "2026-11-26" in seen["read as"] and "2026-12-25" in seen["read as"]
    assert "C–AF = 11-26 – 12-25" in seen["read as"]  # the date each column was read as
    assert (
        "N/N班 00:00–08:00" in seen["legend"]
        and "P/P班 16:00–24:00" in seen["legend"]
        and "Y:机动" in seen["legend"]
    )
    assert "8" in seen["skipped"] and "7" in seen["skipped"]  # the legend's and the signature's rows
    assert seen["header"].startswith("C\n11-26")
    assert any("Y" in p for p in seen["problems"])
    assert "2" in seen["ok"]  # both sheets' entries
    assert any("旧表" in c for c in seen["combo"])
    from datetime import datetime

    got = _roster(window.session.path)
    assert ("s001", datetime(2026, 11, 28, 0, 0), datetime(2026, 11, 28, 8, 0), "duty") in got  # N
    assert {e[0] for e in got} == {"s001", "s002", "s012", "s003"}


def test_shift_codes_dialog_edits_hours(window, monkeypatch) -> None:
    from pathlib import Path

    from db.operations import shift_codes

    seen: dict = {}

    def edit(self) -> int:
        rows = {self.table.item(r, 0).text(): r for r in range(self.table.rowCount())}
        r = rows["P"]
        seen["P"] = (
            self.table.cellWidget(r, 1).currentData(),
            self.table.item(r, 2).text(),
            self.table.item(r, 3).text(),
        )
        self.add_code("小夜", {"on": "16:00", "off": "00:00"})
        r = self.table.rowCount() - 1
        self.table.item(r, 0).setText("Q")
        self.table.item(r, 3).setText("25:00")  # not a time
        seen["bad"] = (self.message.text(), self.buttons.button(self.buttons.StandardButton.Ok).isEnabled())
        self.table.item(r, 3).setText("24:00")  # midnight
        self.table.item(r, 4).setText("12:00")
        combo = self.table.cellWidget(r, 1)
        combo.setCurrentIndex(combo.findData("hours-leave"))
        seen["ok"] = self.buttons.button(self.buttons.StandardButton.Ok).isEnabled()
        shots = Path("/work/team/shots/D1")
        if shots.exists():
            self.show()
            self.grab().save(str(shots / "shift-codes-dialog-zh.png"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(shift_codes_dialog.ShiftCodesDialog, "exec", edit)
    window.settings.edit_shift_codes()
    assert seen["P"] == ("hours", "16:00", "00:00")
    assert "Q.off" in seen["bad"][0] and not seen["bad"][1] and seen["ok"]
    with Store(window.session.path) as s:
        assert shift_codes(s)["Q"] == {"on": "16:00", "off": "00:00", "rest_until": "12:00", "kind": "leave"}


def test_a_roster_import_is_one_history_entry(window, tmp_path, monkeypatch) -> None:
    xlsx = tmp_path / "骨伤科12月排班.xlsx"
    xlsx.write_bytes(messy_xlsx())
    path = window.session.path

    def audit() -> list[tuple]:
        with Store(path) as s:
            return s.conn.execute("SELECT key, new FROM audit WHERE section = 'unavailability'").fetchall()

    before = len(audit())
    monkeypatch.setattr(duty_import.DutyImportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.files.import_duty_roster(str(xlsx))
    added = audit()[before:]
    assert len(added) == 1 and "骨伤科" in added[0][0] and len(_roster(path)) > 10
    window.undo_action.trigger()
    assert len(audit()) == before + 2 and _roster(path) == []
