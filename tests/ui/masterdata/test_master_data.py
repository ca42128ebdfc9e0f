"""Driving the master-data screens as a user: type into the dialog, save, undo, redo, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from db.operations import import_plan
from db.planio import load_plan
from db.store import Store
from scheduler.exchange.planfile.document import parse_document
from tests.helpers import sample_text
from tests.ui.windows import main_window

pytestmark = pytest.mark.gui


def _fill_dialog(qtbot, fields: dict, done: list) -> None:
    """When the modal editor opens: type each field, then press Save."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog open"
        for name, value in fields.items():
            w = dialog.findChild(QWidget, f"field_{name}")
            if isinstance(w, QLineEdit):
                w.clear()
                if value.isascii():
                    qtbot.keyClicks(w, value)
                else:  # Chinese arrives from the input method as committed text
                    w.insert(value)
            elif isinstance(w, QSpinBox):
                w.setValue(value)
            elif hasattr(w, "set_value"):
                w.set_value(value)
            else:
                raise AssertionError(f"no field {name}")
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        done.append(dialog.findChild(QLabel, "message").text())
        if dialog.isVisible():  # refused: the user gives up on it
            done.append("still open")
            dialog.reject()

    QTimer.singleShot(0, act)


def _rows(page) -> list[list[str]]:
    m = page.proxy
    return [[str(m.index(r, c).data()) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_add_department_and_staff_undo_redo_reopen(qtbot, db_path) -> None:
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("departments")
    page = window.current_page()
    done: list = []
    _fill_dialog(qtbot, {"id": "ortho", "name": "骨伤科", "min_on_duty": 2}, done)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(done))
    assert ["ortho", "骨伤科", "", "2", "0"] in _rows(page)

    window.show_section("staff")
    staff_page = window.current_page()
    done.clear()
    _fill_dialog(qtbot, {"id": "s001", "name": "金伟", "department": "ortho", "phone": "13800000000"}, done)
    qtbot.mouseClick(staff_page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(done))
    assert any(r[1] == "金伟" and r[2] == "骨伤科" for r in _rows(staff_page))

    window.undo_action.trigger()  # the staff member goes
    assert not any(r[1] == "金伟" for r in _rows(staff_page))
    window.redo_action.trigger()  # and comes back
    assert any(r[1] == "金伟" for r in _rows(staff_page))
    window.session.close()
    window.close()

    again = main_window(qtbot, db_path, as_is=True)
    again.show_section("staff")
    assert any(r[1] == "金伟" and r[2] == "骨伤科" for r in _rows(again.current_page()))
    again.show_section("departments")
    assert any(r[0] == "ortho" for r in _rows(again.current_page()))
    again.session.close()


def test_bad_fields_are_named_and_nothing_saved(qtbot, db_path) -> None:
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("departments")
    page = window.current_page()
    messages: list = []
    _fill_dialog(qtbot, {"id": "bad id!", "name": ""}, messages)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages))
    assert "“名称”为必填项" in messages[0] and "编号只能包含" in messages[0]  # every problem, at once
    assert messages[1] == "still open"
    assert _rows(page) == []
    with Store(db_path) as s:
        assert load_plan(s).departments == {}
    window.session.close()


def test_delete_refused_lists_referrers(qtbot, db_path, monkeypatch) -> None:
    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("departments")
    page = window.current_page()
    shown: list = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(box.text() + "\n" + box.informativeText())
    )
    page.select_keys({"ortho"})
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert shown and "金伟" in shown[0] and "骨伤党支部" in shown[0]
    # Said with names, not internal ids (#20): the department's name, no "[s001]" or "ortho".
    name = window.catalog.departments["ortho"].name
    assert f"“{name}”" in shown[0] and "ortho" not in shown[0] and "[" not in shown[0]
    assert any(r[0] == "ortho" for r in _rows(page))
    window.session.close()


def test_internal_ids_are_not_shown_but_the_staff_number_is(qtbot, db_path) -> None:
    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    window = main_window(qtbot, db_path, as_is=True)
    for section in ("departments", "branches", "campuses", "partners", "pairings", "services"):
        window.show_section(section)
        page = window.current_page()
        headers = [
            page.view.model().headerData(c, Qt.Orientation.Horizontal)
            for c in range(page.view.model().columnCount())
            if not page.view.isColumnHidden(c)
        ]
        assert "编号" not in headers, section
        assert page.model.sort_column == 1 and not page.view.isColumnHidden(1)  # sorted by what shows
    window.show_section("staff")
    page = window.current_page()
    assert not page.view.isColumnHidden(0)
    assert page.view.model().headerData(0, Qt.Orientation.Horizontal) == "工号"
    # The edit dialog's title reads as English does: "Edit staff member".
    from ui.i18n import install_language
    from ui.masterdata.editor import RecordDialog

    install_language("en")
    dialog = RecordDialog(page.spec, window.catalog, next(iter(window.catalog.staff.values())), page)
    assert dialog.windowTitle() == "Edit staff member"
    dialog.close()
    window.session.close()


def test_search_and_filter(qtbot, db_path) -> None:
    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("staff")
    page = window.current_page()
    assert len(_rows(page)) == 3
    page.search.insert("金")
    assert [r[1] for r in _rows(page)] == ["金伟"]
    page.search.clear()
    i = next(i for i in range(page.filter_combo.count()) if page.filter_combo.itemText(i).endswith("针灸科"))
    page.filter_combo.setCurrentIndex(i)
    assert [r[1] for r in _rows(page)] == ["王强"]
    window.session.close()


def test_english_is_selectable(qtbot, db_path) -> None:
    from ui.i18n import install_language

    install_language("en")
    window = main_window(qtbot, db_path, as_is=True)
    assert window.menuBar().actions()[0].text() == "&File"
    window.session.close()
    install_language("zh_CN")
    window2 = main_window(qtbot, db_path, as_is=True)
    assert window2.menuBar().actions()[0].text() == "文件(&F)"
    window2.session.close()


def test_print_duty_list_of_the_selected_person(qtbot, db_path, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from ui.exchange.printing import PreviewDialog

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("staff")
    page = window.current_page()
    page.select_keys({"s001"})
    target = tmp_path / "duty.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.findChild(QPushButton, "print"), Qt.MouseButton.LeftButton)
    # The preview opens on the person's duty list; saving it writes the PDF.
    preview = next(d for d in window.findChildren(PreviewDialog) if d.isVisible())
    assert preview.page_count() >= 1 and "金伟" in preview.windowTitle()
    preview.save_as()
    assert target.read_bytes().startswith(b"%PDF")
    preview.close()
    window.session.close()


def test_time_bank_page_totals_ledger_and_certificate(qtbot, db_path, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from db.operations import import_records
    from ui.exchange.printing import PreviewDialog

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)  # records s001 3 h on 12-03
        s.user = "王老师"
        doc = '{"format": "outreach-plan", "version": 1, "records": [{"activity": "a1", "occurrence": "2026-12-10", "attended": [{"staff": "s001", "hours": 2}]}]}'
        import_records(s, doc)
        import_records(s, doc.replace('"hours": 2', '"hours": 1.5'))
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("time_bank")
    page = window.current_page()
    page.year.setValue(2026)
    assert "4.5" in page.total.text()
    page.select("s001")
    rows = page.ledger_model.rowCount()
    assert rows == 3  # credit 3, credit 2, correction -0.5
    kinds = [page.ledger_model.item(r, 2).text() for r in range(rows)]
    assert kinds == ["记入", "记入", "更正"]
    page.mode.setCurrentIndex(1)  # by party branch
    assert page.model.index(0, 0).data() == "骨伤党支部" and page.model.index(0, 2).data() == "4.5"
    page.mode.setCurrentIndex(0)
    page.select("s001")
    target = tmp_path / "cert.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.print_cert.click()
    preview = next(d for d in window.findChildren(PreviewDialog) if d.isVisible())
    preview.save_as()
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "志愿服务时长证明" in text and "金伟" in text and "4.5" in text
    preview.close()
    window.session.close()


def test_history_of_a_record_from_the_table(qtbot, db_path) -> None:
    from scheduler.plan.model import Staff

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    window = main_window(qtbot, db_path, as_is=True)
    window.session.store.user = "王老师"
    window.show_section("staff")
    page = window.current_page()
    old = window.catalog.staff["s002"]
    new = Staff(**{**{f: getattr(old, f) for f in old.__slots__}, "phone": "13911112222"})
    window.session.save("staff", new, old, "edit")
    page.select_keys({"s002"})
    dialog = page.show_history()
    assert dialog.table.rowCount() == 2  # created by the import, then the phone
    assert dialog.table.item(0, 1).text() == "王老师" and dialog.table.item(0, 2).text() == "修改"
    assert "电话" in dialog.table.item(0, 3).text() and "13911112222" in dialog.table.item(0, 3).text()
    assert dialog.table.item(1, 2).text() == "新建"
    dialog.close()
    # Another record named in a field is said by its name, not its id (#20).
    moved = Staff(**{**{f: getattr(new, f) for f in new.__slots__}, "department": "acu"})
    departments = window.catalog.departments
    before, after = departments[new.department].name, departments["acu"].name
    window.session.save("staff", moved, new, "move")
    dialog = page.show_history()
    text = dialog.table.item(0, 3).text()
    assert f"{before} → {after}" in text and "acu" not in text and new.department not in text
    dialog.close()
    window.session.close()


def test_statistics_page_chart_drill_down_and_workbook(qtbot, db_path, tmp_path) -> None:
    from datetime import date

    from openpyxl import load_workbook

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)  # one done record: 12-03, 180 served, 3 h
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("stats")
    page = window.current_page()
    page.year.setValue(2026)
    assert "180" in page.summary.text()
    assert page.table.rowCount() == 12 and page.table.item(11, 1).text() == "1"
    series = page.chart.series()[0]
    assert [series.barSets()[0].at(i) for i in (10, 11)] == [0.0, 1.0]
    dialog = page.open_bar(11)  # the December bar
    assert dialog.list.count() == 1 and "2026-12-03" in dialog.list.item(0).text()
    dialog._open(dialog.list.item(0))  # double-click: the calendar shows it
    qtbot.waitUntil(lambda: window.current_page() is window.pages.get("calendar_view"))
    cal = window.current_page()
    assert cal.current is not None and cal.current.key == ("a1", date(2026, 12, 3))
    window.show_section("stats")
    page.breakdown.setCurrentIndex(page.breakdown.findData("branch"))
    assert page.table.item(0, 0).text() == "骨伤党支部"
    assert page.pairings.rowCount() == 1 and page.pairings.item(0, 5).text() == "滞后"
    page.first.setDate(page.first.date().addMonths(11).addDays(3))  # from 4 December: nothing held
    assert page.stats.totals.occurrences == 0 and page.stats.start == date(2026, 12, 4)
    page.year.setValue(2026)
    page._year_changed()
    assert page.stats.totals.occurrences == 1
    out = page.export_xlsx(str(tmp_path / "y.xlsx"))
    assert out is not None and load_workbook(out)["汇总"]["B2"].value == 1
    window.session.close()


def test_calendar_file_for_a_branch_from_its_table(qtbot, db_path, tmp_path) -> None:
    from icalendar import Calendar

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("branches")
    window.current_page().select_keys({"b-ortho"})
    from datetime import date

    from ui.window.pages import save_ics

    out = save_ics(window.current_page(), str(tmp_path / "branch.ics"), today=date(2026, 11, 23))
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and all(str(e["SUMMARY"]) == "中医夜市" for e in events)
    window.session.close()
