"""Every change through the session's one door: what a user sees after an edit, an undo and a
redo, what the field-mode write-back hears, which changes re-check the conflicts, and the
screens' buttons the main window's page table makes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from db.operations import database_hash, import_document
from db.store import Store
from tests.helpers import sample_text
from tests.ui.windows import main_window

pytestmark = pytest.mark.gui

# Append-only history and the revision counter: an undo adds to them instead of taking back.
HISTORY = ("audit", "time_bank", "revision")


def _rows(path: Path) -> str:
    with Store(path) as s:
        return database_hash(s, skip=HISTORY)


def test_undo_and_redo_of_a_step_over_several_sections_restore_the_rows(qtbot, db_path, monkeypatch) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    page.show_details(next(s for s in page.shown if s.key == ("a1", date(2026, 12, 3))))
    before = _rows(db_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_button.click()  # the activity with its assignments and its record
    after = _rows(db_path)
    assert after != before
    assert "a1" not in w.catalog.activities and not any(s.key[0] == "a1" for s in page.shown)
    w.undo_action.trigger()
    assert _rows(db_path) == before
    assert any(s.key == ("a1", date(2026, 12, 3)) for s in page.shown)  # the user sees it again
    assert w.catalog.records[("a1", date(2026, 12, 3))].served == 180
    w.redo_action.trigger()
    assert _rows(db_path) == after
    assert "a1" not in w.catalog.activities
    w.session.close()


def test_a_staff_edit_redraws_its_row_and_the_open_conflict_rows_it_concerns(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path, section="staff")
    page = w.current_page()
    resets: list = []
    page.model.modelReset.connect(lambda: resets.append(1))
    panel = w.conflicts_panel
    for i in range(panel.tree.topLevelItemCount()):
        panel.tree.topLevelItem(i).setExpanded(True)
    rows_before = {id(item) for item in panel.rows.values()}
    old = w.catalog.staff["s003"]
    w.session.save("staff", replace(old, name="王强强"), old, "rename", page)
    shown = {
        page.proxy.index(r, 0).data(): page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())
    }
    assert shown["s003"] == "王强强" and page.count_label.text().startswith("显示 3")
    assert not resets  # the row was redrawn, the table not reloaded
    assert [i.row() for i in page.view.selectionModel().selectedRows()]  # the edited row stays chosen
    # Conflict rows naming the person show the new name; the others were left as they were.
    texts = [row.text(1) for c, row in panel.rows.items() if c.staff == "s003"]
    assert texts and all("王强强" in t for t in texts)
    assert {id(item) for item in panel.rows.values()} == rows_before
    w.undo_action.trigger()
    shown = {
        page.proxy.index(r, 0).data(): page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())
    }
    assert shown["s003"] == "王强" and not resets
    w.session.close()


def test_the_panel_after_an_edit_lists_what_a_fresh_panel_would(qtbot, db_path) -> None:
    from scheduler.plan.model import Assignment
    from ui.conflicts.panel import ConflictsPanel

    w = main_window(qtbot, db_path)
    panel = w.conflicts_panel
    for i in range(panel.tree.topLevelItemCount()):
        panel.tree.topLevelItem(i).setExpanded(True)
    checks = w.watch.full_checks
    # One more person on the 17 December occurrence: fewer places open there.
    x = Assignment("a1", "s002", date(2026, 12, 17), "consult", "member")
    w.session.edit("assign", saves={"assignments": [x]})
    w.session.edit("off again", deletes={"assignments": [x.key]})
    w.session.edit("assign", saves={"assignments": [x]})
    assert w.watch.full_checks == checks  # re-checked what the edits touched only

    def listed(p: ConflictsPanel) -> list[tuple[str, list[str]]]:
        out = []
        for i in range(p.tree.topLevelItemCount()):
            head = p.tree.topLevelItem(i)
            head.setExpanded(True)
            out.append((head.text(1), [head.child(j).text(1) for j in range(head.childCount())]))
        return out

    def same_as_fresh() -> None:
        fresh = ConflictsPanel(w.watch)
        qtbot.addWidget(fresh)
        fresh.show_acked.setChecked(panel.show_acked.isChecked())
        fresh.fill()
        assert listed(panel) == listed(fresh)
        assert panel.summary.text() == fresh.summary.text()

    same_as_fresh()
    # A warning acknowledged (its row greyed with the reason), shown, then taken back.
    warning = next(c for c in w.watch.conflicts if c.severity == "warning")
    assert panel.acknowledge(warning, "社区已同意")
    same_as_fresh()
    panel.show_acked.setChecked(True)
    assert any("社区已同意" in t for _h, rows in listed(panel) for t in rows)
    same_as_fresh()
    w.undo_action.trigger()
    same_as_fresh()
    # A whole group goes when its last conflict does, and comes back with it.
    unqualified = next(c for c in w.watch.conflicts if c.kind == "unqualified")
    occ = unqualified.occurrences[0]
    gone = [
        x.key for x in w.catalog.assignments.values() if x.activity == occ[0] and x.staff == unqualified.staff
    ]
    w.session.edit("off", deletes={"assignments": gone})
    assert not any(c.kind == "unqualified" for c in w.watch.conflicts)
    same_as_fresh()
    w.undo_action.trigger()
    same_as_fresh()
    w.session.close()


def test_settings_do_not_recheck_the_conflicts_but_response_times_do(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog

    from db import operations as ops
    from scheduler.office.requests import ResponseTimes
    from ui.window import settings_actions

    w = main_window(qtbot, db_path)
    full, partial = w.watch.full_checks, w.watch.partial_checks
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (4, True))
    w.settings.edit_backup_keep()
    assert ops.backup_keep(w.session.store) == 4
    w.undo_action.trigger()
    w.redo_action.trigger()
    assert (w.watch.full_checks, w.watch.partial_checks) == (full, partial)
    # The response times are what "request overdue" is judged by: those are checked again.
    monkeypatch.setattr(
        settings_actions.ResponseTimesDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    faster = ResponseTimes(urgent=ResponseTimes().urgent / 2)
    monkeypatch.setattr(settings_actions.ResponseTimesDialog, "times", lambda self: faster)
    w.settings.edit_response_times()
    assert ops.response_times(w.session.store) == faster
    assert w.watch.full_checks == full + 1
    w.session.close()


def test_branch_table_prints_the_month_plan(qtbot, db_path, monkeypatch) -> None:
    from ui.exchange.printing import PreviewDialog

    w = main_window(qtbot, db_path, section="branches")
    page = w.current_page()
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "打印月度计划…")
    assert button.isVisible()
    page.select_keys({"b-ortho"})
    button.click()
    preview = next(d for d in w.findChildren(PreviewDialog) if d.isVisible())
    assert preview.page_count() >= 1 and "骨伤党支部" in preview.windowTitle()
    preview.close()
    w.session.close()


def test_field_mode_write_back_hears_the_record_dialog_and_its_undo(qtbot, tmp_path, monkeypatch) -> None:
    from db.field import export_package
    from ui.calendar import actions as calendar_edits
    from ui.window.app import Controller

    monkeypatch.setattr("ui.window.app.default_db_path", lambda: tmp_path / "data" / "x.sqlite3")
    with Store(tmp_path / "office.sqlite3") as s:
        import_document(s, sample_text())
        pkg = tmp_path / "dec.outreach-field"
        pkg.write_text(export_package(s, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    laptop = Controller()
    assert laptop.open_field(pkg)
    w = laptop.window
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    page.show_details(next(x for x in page.shown if x.key == ("a1", date(2026, 12, 10))))

    def fill(self) -> int:
        self.served.setValue(64)
        self.accept()
        return self.result()

    monkeypatch.setattr(calendar_edits.RecordDialog, "exec", fill)
    page.record_button.click()

    def carried() -> list:
        return [
            (r["occurrence"], r.get("served")) for r in json.loads(pkg.read_text(encoding="utf-8"))["records"]
        ]

    assert carried() == [("2026-12-10", 64)]
    assert "64" in page.details.toPlainText() or page.current is not None
    w.undo_action.trigger()  # the undo reaches the package too: the record is out again
    assert carried() == []
    w.redo_action.trigger()
    assert carried() == [("2026-12-10", 64)]
    laptop.session.close()
    w.close()


def test_settling_a_field_conflict_is_announced_and_drops_the_undo_history(
    qtbot, tmp_path, monkeypatch
) -> None:
    from db import operations as ops
    from db.field import export_package, open_package, write_back
    from scheduler.plan.model import Record
    from ui.exchange import file_actions
    from ui.office.field_dialogs import FieldConflictsDialog

    path = tmp_path / "office.sqlite3"
    w = main_window(qtbot, path)
    pkg = tmp_path / "dec.outreach-field"
    pkg.write_text(export_package(w.session.store, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    day = date(2026, 12, 10)
    with Store(open_package(pkg, tmp_path / "field")) as laptop:  # recorded in the field
        ops.save(laptop, "records", [Record("a1", day, "done", served=77)])
        write_back(laptop)
    w.session.save("records", Record("a1", day, "done", served=5), None, "office")  # and here
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(file_actions.FieldConflictsDialog, "exec", lambda self: 0)
    w.files.import_field_package(str(pkg))
    old = w.catalog.staff["s002"]
    w.session.save("staff", replace(old, phone="13911112222"), old, "phone")
    assert w.session.undo_stack.count() >= 1
    heard: list = []
    w.session.changed.connect(lambda changes, initiator: heard.append(changes))
    dialog = FieldConflictsDialog(w.session, w)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    dialog.take_field.click()
    assert heard and heard[0].touches("records")
    assert w.catalog.records[("a1", day)].served == 77  # every screen sees the field's version
    assert w.session.undo_stack.count() == 0
    assert "撤销记录已清空" in w.statusBar().currentMessage()
    assert dialog.list.count() == 0
    w.session.close()


def test_a_field_import_of_conflicts_only_and_keeping_the_office_keep_the_undo_history(
    qtbot, tmp_path, monkeypatch
) -> None:
    """Nothing in the plan changed: the undo steps stay true and none is added, yet the import
    and the choice are announced through the one signal like any change."""
    from db import operations as ops
    from db.field import export_package, open_package, write_back
    from scheduler.plan.model import Record
    from ui.exchange import file_actions
    from ui.office.field_dialogs import FieldConflictsDialog

    path = tmp_path / "office.sqlite3"
    w = main_window(qtbot, path)
    pkg = tmp_path / "dec.outreach-field"
    pkg.write_text(export_package(w.session.store, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    day = date(2026, 12, 10)
    with Store(open_package(pkg, tmp_path / "field")) as laptop:
        ops.save(laptop, "records", [Record("a1", day, "done", served=77)])
        write_back(laptop)
    w.session.save("records", Record("a1", day, "done", served=5), None, "office")
    old = w.catalog.staff["s002"]
    w.session.save("staff", replace(old, phone="13911112222"), old, "phone")
    assert w.session.undo_stack.count() == 2
    heard: list = []
    w.session.changed.connect(lambda changes, initiator: heard.append(changes))
    said: list = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    monkeypatch.setattr(file_actions.FieldConflictsDialog, "exec", lambda self: 0)
    w.files.import_field_package(str(pkg))
    assert said and "1" in said[0]  # one record changed both here and in the field
    assert [set(c.keys) for c in heard] == [{"field_conflicts"}]
    assert w.session.undo_stack.count() == 2 and w.undo_action.isEnabled()
    assert "撤销记录已清空" not in w.statusBar().currentMessage()
    dialog = FieldConflictsDialog(w.session, w)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    dialog.keep_office.click()
    assert len(heard) == 2 and set(heard[1].keys) == {"field_conflicts"}
    assert dialog.list.count() == 0 and w.catalog.records[("a1", day)].served == 5
    assert w.session.undo_stack.count() == 2
    w.session.undo_stack.undo()  # the phone number's step still undoes what it did
    assert w.catalog.staff["s002"].phone == old.phone
    w.session.close()


def test_a_field_import_that_takes_records_drops_the_undo_history_and_says_so(
    qtbot, tmp_path, monkeypatch
) -> None:
    from db import operations as ops
    from db.field import export_package, open_package, write_back
    from scheduler.plan.model import Record

    path = tmp_path / "office.sqlite3"
    w = main_window(qtbot, path)
    pkg = tmp_path / "dec.outreach-field"
    pkg.write_text(export_package(w.session.store, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    with Store(open_package(pkg, tmp_path / "field")) as laptop:
        ops.save(laptop, "records", [Record("a1", date(2026, 12, 17), "done", served=33)])
        write_back(laptop)
    old = w.catalog.staff["s002"]
    w.session.save("staff", replace(old, phone="13911112222"), old, "phone")
    heard: list = []
    w.session.changed.connect(lambda changes, initiator: heard.append(changes))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    w.files.import_field_package(str(pkg))
    assert [c.touches("records") for c in heard] == [True]
    assert w.catalog.records[("a1", date(2026, 12, 17))].served == 33
    assert w.session.undo_stack.count() == 0 and "撤销记录已清空" in w.statusBar().currentMessage()
    w.session.close()


def test_a_plan_import_cannot_be_undone_and_says_so(qtbot, db_path, tmp_path) -> None:
    w = main_window(qtbot, db_path, section="staff")
    old = w.catalog.staff["s002"]
    w.session.save("staff", replace(old, phone="13911112222"), old, "phone")
    assert w.undo_action.isEnabled()
    doc = json.loads(sample_text())
    doc["staff"][2]["name"] = "王强（返聘）"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    w.files.import_plan_file(str(plan))
    page = w.current_page()
    qtbot.waitUntil(
        lambda: "王强（返聘）" in [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    )
    assert not w.undo_action.isEnabled()
    assert "撤销记录已清空" in w.statusBar().currentMessage()
    w.session.close()


def test_plan_file_and_field_package_exported_from_the_file_menu(
    qtbot, db_path, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from scheduler.exchange.field import read_package
    from scheduler.exchange.planfile.document import parse_document
    from ui.exchange import file_actions

    w = main_window(qtbot, db_path, section="staff")
    target = tmp_path / "out" / "plan.json"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.files.export_plan_file()
    assert sorted(parse_document(target.read_text(encoding="utf-8")).plan.staff) == ["s001", "s002", "s003"]
    target = tmp_path / "out" / "dec.outreach-field"
    monkeypatch.setattr(file_actions.RangeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        file_actions.RangeDialog, "window", lambda self: (date(2026, 12, 1), date(2026, 12, 31))
    )
    w.files.export_field_package()
    assert read_package(target.read_bytes()).plan.activities
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "dec.outreach-field",
        "plan.json",
    ]  # nothing left over
    assert "dec.outreach-field" in w.statusBar().currentMessage()
    w.session.close()
