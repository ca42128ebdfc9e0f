"""Files from the GUI: first start, importing a good and a bad plan file, exporting."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from db.operations import database_hash
from db.planio import load_plan
from db.store import Store
from tests.helpers import sample, sample_text
from ui.exchange.problems_dialog import ProblemsDialog
from ui.session import Session
from ui.window.app import Controller, FirstStartDialog, is_new_database
from ui.window.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def test_import_good_file_from_gui(qtbot, db_path, tmp_path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(sample_text(), encoding="utf-8")
    window = MainWindow(Session(db_path))
    qtbot.addWidget(window)
    window.show_section("staff")
    window.files.import_plan_file(str(plan))
    qtbot.waitUntil(lambda: window.current_page().proxy.rowCount() == 3, timeout=10_000)
    assert "株洲市中医伤科医院" in window.windowTitle()
    window.session.close()


def test_import_bad_file_lists_problems_and_changes_nothing(qtbot, db_path, tmp_path, monkeypatch) -> None:
    with Store(db_path) as s:
        from db.operations import import_document

        import_document(s, sample_text())
        before = database_hash(s)
    doc = sample()
    doc["staff"][0]["department"] = "nowhere"
    doc["partners"][0]["share_60_plus"] = 3
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(
        ProblemsDialog, "exec", lambda self: shown.append(self.findChild(QPlainTextEdit).toPlainText())
    )
    window = MainWindow(Session(db_path))
    qtbot.addWidget(window)
    window.files.import_plan_file(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "$.staff[0].department" in shown[0] and "$.partners[0].share_60_plus" in shown[0]
    with Store(db_path) as s:
        assert database_hash(s) == before
    window.session.close()


def test_first_start_empty_hospital(qtbot, db_path) -> None:
    controller = Controller()

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstStartDialog)
        dialog.choice.button(FirstStartDialog.EMPTY).setChecked(True)
        dialog.name.setText("南湖医院")
        dialog.accept()

    QTimer.singleShot(0, choose)
    assert controller.open(db_path)
    assert controller.session is not None and not is_new_database(controller.session)
    assert "南湖医院" in controller.window.windowTitle()
    controller.session.close()
    controller.window.close()


def test_first_start_demo_hospital(qtbot, db_path) -> None:
    controller = Controller()

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.choice.button(FirstStartDialog.DEMO).setChecked(True)
        dialog.accept()

    QTimer.singleShot(0, choose)
    assert controller.open(db_path)
    qtbot.waitUntil(lambda: len(controller.window.catalog.staff) > 100, timeout=20_000)
    with Store(db_path) as s:
        plan = load_plan(s)
    assert len(plan.departments) >= 10 and plan.hospital is not None
    controller.session.close()
    controller.window.close()


def test_backup_at_start_damage_offers_restore(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from db.backup import list_backups
    from db.operations import import_document
    from tests.helpers import sample_text

    path = tmp_path / "office.sqlite3"
    with Store(path) as s:
        import_document(s, sample_text())
    controller = Controller()
    assert controller.open(path, first_start=False)
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1)  # taken once the window is up
    controller.window.files.back_up_now()
    controller.session.close()
    controller.window.close()
    with open(path, "r+b") as f:  # the disk goes bad under the database
        f.seek(4096)
        f.write(b"\x00\xff" * 6000)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    again = Controller()
    assert again.open(path, first_start=False)
    assert asked and "office.sqlite3" in asked[0]
    assert "s001" in again.window.catalog.staff
    assert list(tmp_path.glob("office.sqlite3.replaced-*"))  # the damaged file is kept aside
    # Restoring from the menu: the same, with the window reopened on the restored file.
    newest = list_backups(path)[0]
    again.restore(str(newest.path))
    assert again.session is not None and "s001" in again.window.catalog.staff
    again.session.close()
    again.window.close()


def test_two_windows_on_one_database_see_each_other(qtbot, db_path) -> None:
    import threading

    from db.operations import import_document, save
    from scheduler.plan.model import Staff
    from tests.helpers import sample_text
    from ui.session import Session
    from ui.window.mainwindow import MainWindow

    with Store(db_path) as s:
        import_document(s, sample_text())
    a, b = MainWindow(Session(db_path)), MainWindow(Session(db_path))
    for w in (a, b):
        qtbot.addWidget(w)
        w.show()
    a.session.save("staff", Staff("s900", "新同事", "ortho"), None, "add")
    assert "s900" not in b.catalog.staff
    qtbot.waitUntil(lambda: "s900" in b.catalog.staff, timeout=5000)  # B's watch noticed
    assert not b.session.poll()  # nothing new since
    # A write waits for another one in progress instead of failing.
    holder = Store(db_path)
    holder.conn.execute("BEGIN IMMEDIATE")
    outcome: list[object] = []

    def write() -> None:
        try:
            outcome.append(save(b.session.store, "staff", [Staff("s901", "又一位", "ortho")]))
        except Exception as exc:  # noqa: BLE001 - the assertion below shows it
            outcome.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(0.3)
    assert outcome == []  # still waiting for the lock, not failed
    holder.conn.commit()
    writer.join(15)
    assert len(outcome) == 1 and not isinstance(outcome[0], Exception), outcome
    holder.close()
    qtbot.waitUntil(lambda: "s901" in a.catalog.staff, timeout=5000)
    for w in (a, b):
        w.session.close()


def test_field_mode_records_into_the_package_and_office_chooses(qtbot, tmp_path, monkeypatch) -> None:
    import json
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from db.field import export_package
    from db.operations import import_document
    from tests.helpers import sample_text
    from ui.calendar import actions as calendar_edits
    from ui.exchange import file_actions
    from ui.office.field_dialogs import FieldConflictsDialog

    monkeypatch.setattr("db.paths.default_db_path", lambda: tmp_path / "data" / "x.sqlite3")
    monkeypatch.setattr("ui.window.app.default_db_path", lambda: tmp_path / "data" / "x.sqlite3")
    office_path = tmp_path / "office.sqlite3"
    with Store(office_path) as s:
        import_document(s, sample_text())
        pkg = tmp_path / "dec.outreach-field"
        pkg.write_text(export_package(s, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    # The laptop opens the package: field mode, planning hidden, recording writes the package.
    laptop = Controller()
    assert laptop.open_field(pkg)
    w = laptop.window
    assert w.field and "dec.outreach-field" in w.windowTitle()
    page = w.current_page()
    assert page.new_button.isHidden() and page.assign_button.isHidden() and not page.record_button.isHidden()
    page.go_to(date(2026, 12, 1))
    page.show_details(next(x for x in page.shown if x.key == ("a1", date(2026, 12, 10))))

    def fill(self) -> int:
        self.served.setValue(77)
        self.accept()
        return self.result()

    monkeypatch.setattr(calendar_edits.RecordDialog, "exec", fill)
    page.record_button.click()
    # An occurrence outside the package's window cannot be recorded here.
    page.go_to(date(2027, 1, 1))
    told: list = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: told.append(a[2]) or QMessageBox.StandardButton.Ok
    )
    page.show_details(next(x for x in page.shown if x.key[0] == "a1"))
    page.record_button.click()
    assert told and "2026-12-31" in told[0]
    carried = json.loads(pkg.read_text(encoding="utf-8"))["records"]
    assert [(r["occurrence"], r["served"]) for r in carried] == [("2026-12-10", 77)]
    laptop.session.close()
    w.close()
    # The office changed the same record meanwhile; importing shows the conflict side by side.
    office = Controller()
    assert office.open(office_path, first_start=False)
    ow = office.window
    rec = ow.catalog.records[("a1", date(2026, 12, 3))]
    ow.session.save(
        "records",
        rec.__class__(
            **{**{f: getattr(rec, f) for f in rec.__slots__}, "occurrence": date(2026, 12, 10), "served": 5}
        ),
        None,
        "office",
    )
    shown: list = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(file_actions.FieldConflictsDialog, "exec", lambda self: shown.append(self) or 0)
    ow.files.import_field_package(str(pkg))
    dialog: FieldConflictsDialog = shown[0]
    assert dialog.list.count() == 1
    assert "77" in dialog.field.toPlainText() and "5" in dialog.office.toPlainText()
    dialog.take_field.click()
    assert dialog.list.count() == 0 and ow.catalog.records[("a1", date(2026, 12, 10))].served == 77
    office.session.close()
    ow.close()


def test_spreadsheet_import_preview_then_one_undoable_step(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from db.operations import import_document
    from tests.helpers import sample_text
    from tests.scheduler.exchange.test_spreadsheet import _messy_xlsx
    from ui.exchange import sheet_import
    from ui.session import Session
    from ui.window.mainwindow import MainWindow

    path = tmp_path / "office.sqlite3"
    with Store(path) as s:
        import_document(s, sample_text())
    w = MainWindow(Session(path))
    qtbot.addWidget(w)
    xlsx = tmp_path / "hr.xlsx"
    xlsx.write_bytes(_messy_xlsx())
    seen: dict = {}

    def look(self) -> int:
        seen["rows"] = self.preview.rowCount()
        seen["summary"] = self.summary.text()
        seen["red"] = [
            r
            for r in range(self.preview.rowCount())
            if self.preview.item(r, 0).background().color().name() == "#fde2e1"
        ]
        with Store(path) as s:  # nothing written while looking
            seen["before"] = len(load_plan(s).staff)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sheet_import.SheetImportDialog, "exec", look)
    w.files.import_spreadsheet(str(xlsx))
    assert (
        seen["rows"] == 6 and len(seen["red"]) == 4 and "新增 1 行，更新 1 行，4 行有问题" in seen["summary"]
    )
    assert seen["before"] == 3
    with Store(path) as s:
        staff = load_plan(s).staff
    assert len(staff) == 4 and staff["2004"].name == "李四" and staff["s001"].phone == "13800000000"
    assert staff["s001"].qualifications == ("physician", "acupuncture")
    w.undo_action.trigger()  # one step: both the new person and the update go back
    with Store(path) as s:
        staff = load_plan(s).staff
    assert len(staff) == 3 and staff["s001"].qualifications == ("physician",)
    w.session.close()
