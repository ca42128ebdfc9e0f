"""First contact (#15), beyond the calendar: tables and dialogs as wide as what they show, names
instead of IDs, the conflicts panel tall enough and opened near today, the preview's zoom right
on open, no "changed elsewhere" after our own demo, and a language switch that stays on the
screen with an English navigation that is not clipped."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import operations as ops
from db.store import Store
from tests.helpers import sample
from tests.ui.windows import CHANGED_ELSEWHERE, main_window
from tests.ui.windows import activity_doc as _activity
from tests.ui.windows import import_plan_doc as _import
from ui.i18n import tr
from ui.window.app import Controller, FirstStartDialog

pytestmark = pytest.mark.gui


# -- the requests inbox and its dialogs


def _requests_doc() -> dict:
    doc = sample()
    doc["partners"].append(
        {"id": "p-rail", "name": "株洲车辆段电力机车检修有限公司", "kind": "enterprise", "contact": {}}
    )
    doc["requests"] += [
        {
            "id": "r2",
            "partner": "p-rail",
            "service": "sports-injury",
            "received": "2025-03-01T09:00",  # before the partner's only pairing started
            "preferred": [{"start": "2025-03-20T09:00", "end": "2025-03-20T11:00"}],
            "status": "declined",
        }
    ]
    doc["pairings"].append(
        {"id": "pr2", "branch": "b-ortho", "partner": "p-rail", "start": "2025-10-01", "visits_per_year": 4}
    )
    return doc


def test_requests_table_columns_fit_their_contents_on_first_show(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path, _requests_doc())
    w.show_section("requests_view")
    page = w.current_page()
    qtbot.waitExposed(page.view)
    assert page.proxy.rowCount() == 0  # nothing waiting: the columns are the headers' width
    page.show_combo.setCurrentIndex(1)  # all requests
    qtbot.wait(20)
    header = page.view.horizontalHeader()
    assert page.view.isColumnHidden(0)  # the request's internal ID (#20)
    for c in range(1, page.proxy.columnCount() - 1):
        assert header.sectionSize(c) >= page.view.sizeHintForColumn(c), page.model.headerData(c, 1, 0)
    # The activity that answers a request is named by its title; its ID is in the tooltip.
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "r1")
    assert page.proxy.index(row, 9).data() == "中医夜市"
    assert page.proxy.index(row, 9).data(0x0003) == "编号：a1"
    w.session.close()


def test_new_request_and_schedule_dialogs_show_whole_names(qtbot, db_path) -> None:
    from ui.office.requests_page import RequestDialog, ScheduleDialog

    w = main_window(qtbot, db_path, _requests_doc())
    catalog = w.catalog
    dialog = RequestDialog(catalog, w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.partner
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "株洲车辆段电力机车检修有限公司" in texts and not any("[" in t or "p-" in t for t in texts)
    assert combo.itemData(texts.index("友谊社区"), 0x0003) == "编号：p-youyi"
    widest = max(combo.fontMetrics().horizontalAdvance(t) for t in texts)
    assert combo.width() >= widest + 20  # the longest name is not cut
    # A request that came in before the partner's pairing began: its branch leads all the same.
    schedule = ScheduleDialog(catalog, catalog.requests["r2"], w)
    qtbot.addWidget(schedule)
    schedule.show()
    assert schedule.organizer.value() == "b-ortho" and schedule.organizer.currentText() == "骨伤党支部"
    w.session.close()


def test_editors_name_records_by_name_and_tell_namesakes_apart(qtbot, db_path) -> None:
    from ui.calendar.activity_editor import ActivityDialog
    from ui.masterdata.editor import RecordDialog
    from ui.masterdata.entities import ALL_SPECS

    doc = sample()
    doc["staff"].append({"id": "s004", "name": "金伟", "department": "acu", "qualifications": []})
    w = main_window(qtbot, db_path, doc)
    catalog = w.catalog
    staff_spec = next(s for s in ALL_SPECS if s.section == "staff")
    dialog = RecordDialog(staff_spec, catalog, catalog.staff["s001"], w)
    qtbot.addWidget(dialog)
    assert dialog.widgets["department"].currentText() == "骨伤科"
    assert dialog.widgets["branch"].currentText() == "骨伤党支部"
    branch_spec = next(s for s in ALL_SPECS if s.section == "branches")
    dialog = RecordDialog(branch_spec, catalog, catalog.branches["b-ortho"], w)
    qtbot.addWidget(dialog)
    secretary = dialog.widgets["secretary"]
    assert secretary.currentText() == "金伟（骨伤科）" and secretary.value() == "s001"
    texts = [secretary.itemText(i) for i in range(secretary.count())]
    assert "金伟（针灸科）" in texts and "李娜" in texts
    secretary.setCurrentIndex(texts.index("金伟（针灸科）"))
    assert secretary.value() == "s004"
    editor = ActivityDialog(catalog, catalog.activities["a1"], w)
    qtbot.addWidget(editor)
    assert editor.partner.currentText() == "友谊社区" and editor.organizer.currentText() == "骨伤党支部"
    w.session.close()


# -- the conflicts panel


def test_conflicts_panel_is_tall_enough_and_opens_near_today(qtbot, db_path, monkeypatch) -> None:
    from ui.conflicts import panel as conflicts_panel

    class Today(date):
        @classmethod
        def today(cls) -> date:
            return date(2026, 11, 25)

    monkeypatch.setattr(conflicts_panel, "date", Today)
    doc = sample()
    # A weekly clinic all year with nobody assigned: understaffed every week, January first.
    doc["activities"].append(
        _activity(
            "weekly",
            "周周义诊",
            "2026-01-05T09:00",
            rrule="FREQ=WEEKLY;COUNT=52",
            stations=[{"id": "s", "name": "义诊区", "needs": [{"qualification": "physician", "count": 1}]}],
        )
    )
    w = main_window(qtbot, db_path, doc)
    panel = w.conflicts_panel
    qtbot.waitUntil(lambda: "understaffed" in panel.heads)
    row_height = panel.tree.fontMetrics().height()
    assert panel.tree.viewport().height() >= 8 * row_height
    header = panel.tree.header()
    assert header.sectionSize(2) >= panel.tree.fontMetrics().horizontalAdvance("2026-12-12 10:00")
    head = panel.heads["understaffed"]
    head.setExpanded(True)
    qtbot.wait(20)
    children = [head.child(i) for i in range(head.childCount())]
    assert len(children) >= 40
    first_future = next(c for c in children if c.text(2) >= "2026-11-25")
    january = next(c for c in children if c.text(2).startswith("2026-01"))
    viewport = panel.tree.viewport().rect()
    assert viewport.intersects(panel.tree.visualItemRect(first_future))
    assert not viewport.intersects(panel.tree.visualItemRect(january))
    w.session.close()


# -- the print preview


def test_print_preview_zoom_label_is_right_on_open(qtbot, db_path) -> None:
    from reports.rosters import weekly_roster
    from ui.exchange import printing

    w = main_window(qtbot, db_path)
    page = w.current_page()
    catalog = page.catalog
    dialog = printing.save_pdf(
        page,
        "week.pdf",
        lambda p, t, now: weekly_roster(p, catalog.plan(), catalog.work_calendar, date(2026, 12, 3), t, now),
    )
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    shown = int(dialog.zoom_label.text().rstrip(" %"))
    # Fitted to the width: the page as wide as the page area, at the zoom the label says.
    points = dialog.document.pagePointSize(0)
    at_100 = points.width() * dialog.logicalDpiX() / 72
    margins = dialog.view.documentMargins()
    fitted = (dialog.view.viewport().width() - margins.left() - margins.right()) / at_100
    assert abs(shown - fitted * 100) <= 1 and shown >= 30
    # "+" goes to the next step above what was shown.
    dialog.zoom_in_button.click()
    assert dialog.zoom() == min(z for z in printing.ZOOM_STEPS if z * 100 > shown + 0.1)
    assert dialog.zoom_label.text() == f"{round(dialog.zoom() * 100)} %"
    dialog.close()
    w.session.close()


# -- first start, and a language switch


def test_no_changed_elsewhere_after_our_own_demo(qtbot, db_path, monkeypatch) -> None:
    import time

    controller = Controller()
    told: list[str] = []
    real_import = ops.import_plan

    def import_then_linger(*args, **kwargs):
        # The demo is committed; before its result reaches the window, the window looks for
        # other writers many times (a slow machine, a busy window).
        changes = real_import(*args, **kwargs)
        time.sleep(0.4)
        return changes

    monkeypatch.setattr(ops, "import_plan", import_then_linger)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstStartDialog)
        dialog.choice.button(FirstStartDialog.DEMO).setChecked(True)
        # From now on the window looks for other writers every few milliseconds.
        session = controller.session
        session.notice.connect(told.append)
        session._watch.setInterval(5)
        dialog.accept()

    QTimer.singleShot(0, choose)
    assert controller.open(db_path)
    window = controller.window
    qtbot.waitUntil(lambda: len(window.catalog.staff) > 100, timeout=30_000)
    qtbot.wait(100)
    assert tr(CHANGED_ELSEWHERE) not in told
    assert window.statusBar().currentMessage() != tr(CHANGED_ELSEWHERE)
    # Another connection's write is still noticed.
    with Store(db_path) as other:
        ops.save_hospital(other, replace(window.catalog.hospital, name="南湖医院"))
    qtbot.waitUntil(lambda: tr(CHANGED_ELSEWHERE) in told, timeout=5000)
    controller.session.close()
    window.close()


def test_a_language_switch_keeps_the_screen(qtbot, db_path) -> None:
    _import(db_path, sample())
    controller = Controller()
    assert controller.open(db_path, first_start=False)
    window = controller.window
    window.resize(1600, 1000)
    calendar = window.current_page()
    calendar.set_view(calendar.WEEK)
    calendar.go_to(date(2026, 12, 9))
    window.show_section("requests_view")
    controller.change_language("en")
    english = controller.window
    assert english is not window
    assert english.current_section() == "requests_view"
    assert english.nav.currentItem().text().strip() == "Service requests"
    english.show_section("calendar_view")
    page = english.current_page()
    assert page.view_index() == page.WEEK and page.anchor == date(2026, 12, 9)
    assert page.period.text() == "7–13 Dec 2026"
    # The English navigation is not clipped: every entry whole, no sideways scrolling.
    qtbot.waitExposed(english)
    nav = english.nav
    assert nav.viewport().width() >= nav.sizeHintForColumn(0)
    assert not nav.horizontalScrollBar().isVisible()
    controller.change_language("zh_CN")
    assert controller.window.current_section() == "calendar_view"
    controller.session.close()
    controller.window.close()


# -- wording (#20)


def test_a_request_whose_wanted_date_has_passed_says_so(qtbot, db_path) -> None:
    from datetime import datetime

    doc = _requests_doc()
    for q in doc["requests"]:
        q["status"] = "new"
        q["received"] = "2026-11-28T09:00"
        q["preferred"] = [{"start": "2026-12-05T09:00", "end": "2026-12-05T11:00"}]
    w = main_window(qtbot, db_path, doc)
    w.show_section("requests_view")
    page = w.current_page()
    model = page.model
    model.reload(model.times, datetime(2026, 12, 1, 8, 0))  # before the wanted date: a countdown
    waiting = [r for r in range(model.rowCount()) if model.index(r, 6).data()]  # still open
    assert waiting and all("剩余" in model.index(r, 6).data() for r in waiting)
    model.reload(model.times, datetime(2026, 12, 6, 8, 0))  # after it: no countdown
    for r in waiting:
        assert model.index(r, 6).data() == "期望日期已过"
    w.session.close()


def test_history_reads_as_a_history_and_the_notice_settings_have_room(qtbot, db_path) -> None:
    from ui.office.notice_dialog import NoticeSettingsDialog

    w = main_window(qtbot, db_path)
    page = w.current_page()
    assert page.history_button.text() == "变更历史…"  # not 修改记录 ("edit the record")
    assert page.record_button.text() == "记录完成情况…"
    w.show_section("staff")
    assert w.current_page().history_button.text() == "变更历史…"
    dialog = NoticeSettingsDialog(ops.NoticeSettings(30, "签到表、横幅"), w)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= 420 and dialog.height() >= dialog.sizeHint().height(), dialog.size()
    assert dialog.bring.width() >= dialog.fontMetrics().horizontalAdvance("0") * 40
    assert dialog.windowTitle() == "通知设置"
    dialog.close()
    w.session.close()
