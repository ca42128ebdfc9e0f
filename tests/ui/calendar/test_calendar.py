"""The calendar as a planner uses it: a weekly series, leave a date out, drag one occurrence,
undo; and a request scheduled from the inbox."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from db.operations import import_document
from db.planio import load_plan
from db.store import Store
from scheduler.solver.proposal import SolverSettings
from tests.helpers import sample_text
from tests.ui.windows import main_window
from ui.calendar.activity_editor import ActivityDialog
from ui.office.requests_page import ScheduleDialog

pytestmark = pytest.mark.gui


def _series_dates(path, activity_title: str) -> list[date]:
    from scheduler.calendar.recurrence import expand

    with Store(path) as s:
        plan = load_plan(s)
    a = next(a for a in plan.activities.values() if a.title == activity_title)
    return [o.start.date() for o in expand(a)]


def _mouse(widget, kind, pos: QPointF, buttons) -> None:
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_weekly_series_exclude_drag_undo(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2027, 3, 1))

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActivityDialog)
        dialog.title.setText("义诊周周行")
        dialog.start.setDateTime(dialog.start.dateTime().fromString("2027-03-02 14:30", "yyyy-MM-dd HH:mm"))
        rec = dialog.recurrence
        rec.freq.setCurrentIndex(rec.freq.findData("weekly"))
        for i, box in enumerate(rec.days):
            box.setChecked(i == 1)  # Tuesday
        rec.end_count.setChecked(True)
        rec.count.setValue(4)
        assert rec.sentence.text() == "每周周二，共 4 次"
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    page.edits.new_activity()
    assert _series_dates(db_path, "义诊周周行") == [date(2027, 3, d) for d in (2, 9, 16, 23)]

    # Leave out 9 March.
    shown = next(
        s for s in page.shown if s.activity.title == "义诊周周行" and s.occurrence.date == date(2027, 3, 9)
    )
    page.show_details(shown)
    page.edits.exclude_current()
    assert _series_dates(db_path, "义诊周周行") == [date(2027, 3, d) for d in (2, 16, 23)]

    # Drag 16 March to Thursday 18 March in the month view.
    page.set_view(page.MONTH)
    qtbot.waitExposed(page.month)
    rect = next(
        r
        for r, s in page.month.item_rects()
        if s.activity.title == "义诊周周行" and s.occurrence.date == date(2027, 3, 16)
    )
    first = page.month.first_day()
    target = page.month._cell((date(2027, 3, 18) - first).days).center()
    _mouse(page.month, QEvent.Type.MouseButtonPress, QPointF(rect.center()), Qt.MouseButton.LeftButton)
    _mouse(page.month, QEvent.Type.MouseMove, QPointF(target), Qt.MouseButton.LeftButton)
    _mouse(page.month, QEvent.Type.MouseButtonRelease, QPointF(target), Qt.MouseButton.NoButton)
    with Store(db_path) as s:
        a = next(a for a in load_plan(s).activities.values() if a.title == "义诊周周行")
    assert [(m.from_date, m.start) for m in a.moved] == [(date(2027, 3, 16), datetime(2027, 3, 18, 14, 30))]
    assert any(s.occurrence.date == date(2027, 3, 16) and s.occurrence.moved for s in page.shown)

    w.undo_action.trigger()  # the drag is undone
    with Store(db_path) as s:
        a = next(a for a in load_plan(s).activities.values() if a.title == "义诊周周行")
    assert a.moved == ()
    w.undo_action.trigger()  # and the left-out date comes back
    assert _series_dates(db_path, "义诊周周行") == [date(2027, 3, d) for d in (2, 9, 16, 23)]
    w.session.close()


def test_edit_this_and_following_splits_the_series(qtbot, db_path, monkeypatch) -> None:
    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    shown = next(s for s in page.shown if s.activity.id == "a1" and s.occurrence.date == date(2026, 12, 17))
    monkeypatch.setattr(page.edits, "ask_scope", lambda only_time, first: "following")

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.venue.setText("神农耘集市")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    page.edits.edit_occurrence(shown)
    with Store(db_path) as s:
        plan = load_plan(s)
    head, tail = plan.activities["a1"], plan.activities["a1-2"]
    assert head.venue == "合乐城商场" and tail.venue == "神农耘集市"
    assert tail.start == datetime(2026, 12, 17, 18)
    # The past keeps its record and its assignment.
    assert ("a1", date(2026, 12, 3)) in plan.records
    assert any(x.activity == "a1" and x.occurrence == date(2026, 12, 3) for x in plan.assignments.values())
    w.undo_action.trigger()
    with Store(db_path) as s:
        plan = load_plan(s)
    assert "a1-2" not in plan.activities and plan.activities["a1"].venue == "合乐城商场"
    w.session.close()


def test_schedule_request_status_follows(qtbot, db_path) -> None:
    with Store(db_path) as s:
        import_document(s, sample_text())
        doc = (
            '{"format": "outreach-plan", "version": 1, "requests": [{"id": "r2", "partner": "p-youyi", '
            '"service": "sports-injury", "received": "2026-11-22T09:00", "priority": "urgent", '
            '"preferred": [{"start": "2026-11-28T09:00", "end": "2026-11-28T10:30"}], "status": "new"}]}'
        )
        import_document(s, doc)
    w = main_window(qtbot, db_path, as_is=True, section="requests_view")
    page = w.current_page()
    page.select("r2")
    assert page.buttons["accept"].isEnabled()
    page.accept_selected()
    with Store(db_path) as s:
        assert load_plan(s).requests["r2"].status == "accepted"

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScheduleDialog)
        assert dialog.organizer.value() == "b-ortho"  # the branch paired with the partner
        dialog.accept()

    page.select("r2")
    QTimer.singleShot(0, choose)
    page.schedule_selected()
    with Store(db_path) as s:
        plan = load_plan(s)
    assert plan.requests["r2"].status == "scheduled"
    act = next(a for a in plan.activities.values() if a.request == "r2")
    assert act.start == datetime(2026, 11, 28, 9) and act.organizer == "b-ortho"
    assert act.stations[0].needs[0].department == "ortho"
    w.session.close()


def test_decline_needs_a_reason(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    with Store(db_path) as s:
        import_document(s, sample_text())
        import_document(
            s,
            '{"format": "outreach-plan", "version": 1, "requests": [{"id": "r3", "partner": "p-youyi", '
            '"service": "sports-injury", "received": "2026-11-22T09:00", "status": "new"}]}',
        )
    w = main_window(qtbot, db_path, as_is=True, section="requests_view")
    page = w.current_page()
    told: list = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    page.select("r3")
    page.decline_selected()
    assert told and "理由" in told[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("场地不足", True))
    page.decline_selected()
    with Store(db_path) as s:
        q = load_plan(s).requests["r3"]
    assert q.status == "declined" and q.extra["decline_reason"] == "场地不足"
    w.session.close()


def test_call_off_one_occurrence_with_a_reason(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    shown = next(s for s in page.shown if s.activity.id == "a1" and s.occurrence.date == date(2026, 12, 24))
    page.show_details(shown)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("暴雨预警", True))
    page.edits.call_off_current()
    with Store(db_path) as s:
        rec = load_plan(s).records[("a1", date(2026, 12, 24))]
    assert rec.status == "cancelled" and rec.reason == "暴雨预警"
    assert next(s for s in page.shown if s.key == ("a1", date(2026, 12, 24))).cancelled
    assert "暴雨预警" in page.details.toPlainText()
    w.undo_action.trigger()
    with Store(db_path) as s:
        assert ("a1", date(2026, 12, 24)) not in load_plan(s).records
    w.session.close()


def test_assign_from_candidate_list_then_remove(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from ui.assign.pick_dialog import AssignDialog

    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    shown = next(s for s in page.shown if s.key == ("a1", date(2026, 12, 17)))
    page.show_details(shown)
    errors_before = sum(1 for c in w.watch.conflicts if c.severity == "error")

    seen: list = []

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, AssignDialog)
            first = dialog.model.items[0]
            seen.append((first.problems(3), first.needs))  # suitable people come first
            row = next(i for i, c in enumerate(dialog.model.items) if c.staff == "s001")
            dialog.view.selectRow(dialog.proxy.mapFromSource(dialog.model.index(row, 0)).row())
            dialog.accept()
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, pick)
    page.edits.assign_person()
    assert seen and seen[0][0] == [] and seen[0][1] != ()
    with Store(db_path) as s:
        asg = [
            x
            for x in load_plan(s).assignments.values()
            if x.activity == "a1" and x.occurrence == date(2026, 12, 17)
        ]
    assert [(x.staff, x.station, x.role) for x in asg] == [("s001", "consult", "member")]
    assert "金伟" in page.details.toPlainText()
    # The panel was re-checked: the station still lacks people, but one fewer place.
    assert sum(1 for c in w.watch.conflicts if c.severity == "error") <= errors_before
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (next(t for t in a[3] if "金伟" in t), True))
    page.show_details(next(s for s in page.shown if s.key == ("a1", date(2026, 12, 17))))
    page.edits.remove_person()
    with Store(db_path) as s:
        assert not [x for x in load_plan(s).assignments.values() if x.occurrence == date(2026, 12, 17)]
    w.session.close()


def test_conflicts_panel_lists_and_opens(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    panel = w.conflicts_panel
    kinds = [panel.tree.topLevelItem(i).text(1) for i in range(panel.tree.topLevelItemCount())]
    assert any(k.startswith("人员不足") for k in kinds)
    assert "错误" in panel.summary.text()
    understaffed = next(c for c in w.watch.conflicts if c.kind == "understaffed")
    w.open_conflict(understaffed)
    page = w.current_page()
    assert page.current is not None and page.current.key == understaffed.occurrences[0]
    # A warning acknowledged with a reason stops counting; undo brings it back.
    warning = next(c for c in w.watch.conflicts if c.severity == "warning")
    panel.acknowledge(warning, "社区已同意")
    assert "已确认 1 个" in panel.summary.text()
    w.undo_action.trigger()
    assert "已确认 0 个" in panel.summary.text()
    w.session.close()


def test_print_preview_pages_zoom_save_and_print(qtbot, db_path, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog, QFileDialog

    from reports.rosters import find_occurrence, sign_in_sheet
    from ui.exchange import printing

    w = main_window(qtbot, db_path)
    page = w.current_page()
    b = find_occurrence(page.catalog.plan(), page.catalog.work_calendar, "a1", date(2026, 12, 3))
    assert b is not None
    # 120 expected residents: the sign-in sheet runs to several pages.
    dialog = printing.save_pdf(
        page, "sign-in.pdf", lambda p, t, now: sign_in_sheet(p, page.catalog.plan(), b, t, now, audience=120)
    )
    assert dialog is not None
    qtbot.addWidget(dialog)
    pages = dialog.page_count()
    assert pages >= 3 and dialog.count_label.text() == f"/ {pages}"
    # Page navigation: next, last, and no further.
    assert dialog.page() == 1 and not dialog.prev_button.isEnabled()
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.page() == 2)
    assert dialog.page_box.value() == 2 and dialog.prev_button.isEnabled()
    dialog.go_to_page(99)
    qtbot.waitUntil(lambda: dialog.page() == pages)
    assert not dialog.next_button.isEnabled()
    # Zoom: custom steps up and down from the fitted width; fit again.
    dialog.set_fit(printing.QPdfView.ZoomMode.Custom)
    dialog.view.setZoomFactor(1.0)
    dialog.zoom_in_button.click()
    assert dialog.zoom() == 1.25 and dialog.zoom_label.text() == "125 %"
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.zoom() == 0.9
    dialog.fit_page_button.click()
    assert dialog.view.zoomMode() == printing.QPdfView.ZoomMode.FitInView
    # Save as PDF writes the same document.
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert dialog.save_as() == target
    assert len(PdfReader(str(target)).pages) == pages
    assert "签到表" in PdfReader(str(target)).pages[0].extract_text()
    # Print: pages 2..3 to a printer (here Qt's PDF printer stands in for a real one).
    printed = tmp_path / "printed.pdf"

    def accept(self) -> int:
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        self.printer().setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert dialog.print_() == 2
    assert len(PdfReader(str(printed)).pages) == 2
    # Closing removes the temporary file.
    temp = dialog.path
    assert temp.exists()
    dialog.close()
    assert not temp.exists()
    w.session.close()


def test_print_all_pages_of_a_document(qtbot, tmp_path) -> None:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from reportlab.pdfgen.canvas import Canvas

    from ui.exchange import printing

    source = tmp_path / "three.pdf"
    c = Canvas(str(source))
    for n in range(3):
        c.drawString(100, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    doc = QPdfDocument()
    doc.load(str(source))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert printing.print_document(doc, printer) == 3
    assert printing.print_document(doc, printer, 3, 2) == 0
    from pypdf import PdfReader

    assert len(PdfReader(str(tmp_path / "out.pdf")).pages) == 3


def test_auto_assign_preview_accept_undo(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.assign import autoassign

    w = main_window(qtbot, db_path)
    page = w.current_page()
    with Store(db_path) as s:
        before = set(load_plan(s).assignments)
    monkeypatch.setattr(autoassign.WindowDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        autoassign.WindowDialog, "window", lambda self: (date(2026, 12, 1), date(2026, 12, 31))
    )
    shown: list = []

    def accept(self) -> int:
        shown.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(autoassign.PreviewDialog, "exec", accept)
    page.auto_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    preview = shown[0]
    proposal = preview.proposal
    assert proposal.assignments and preview.added.topLevelItemCount() > 0
    assert preview.open_list.topLevelItemCount() == len(proposal.unfilled)
    assert "将新增" in preview.findChild(QLabel, "summary").text()
    with Store(db_path) as s:
        after = set(load_plan(s).assignments)
    assert after - before == {a.key for a in proposal.assignments}
    w.undo_action.trigger()  # one undoable step
    with Store(db_path) as s:
        assert set(load_plan(s).assignments) == before
    w.session.close()


def test_auto_assign_one_occurrence_and_cancel(qtbot, db_path, monkeypatch) -> None:
    from db.operations import solver_settings
    from ui.assign import autoassign
    from ui.tasks import Cancelled

    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    page.show_details(next(s for s in page.shown if s.key == ("a1", date(2026, 12, 3))))
    shown: list = []
    monkeypatch.setattr(autoassign.PreviewDialog, "exec", lambda self: shown.append(self) or 0)
    page.auto_one_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    keys = {(a.activity, a.occurrence) for a in shown[0].proposal.assignments}
    assert keys <= {("a1", date(2026, 12, 3))}
    # Discarded: nothing written.
    with Store(db_path) as s:
        assert not [a for a in load_plan(s).assignments.values() if a.extra.get("source") == "solver"]
    # A job told to stop raises Cancelled, and the page says nothing changed.
    job = autoassign.make_job(
        autoassign.snapshot(page.catalog),
        page.catalog,
        (date(2026, 12, 1), date(2026, 12, 31)),
        solver_settings(w.session.store),
    )
    with pytest.raises(Cancelled):
        job(lambda done, total: False)
    w.session.close()


def test_solver_settings_dialog_saves_undoably(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QPushButton

    from db import operations as ops
    from ui.window import settings_actions

    w = main_window(qtbot, db_path)

    def change(self) -> int:
        self.order.setCurrentRow(2)  # evenings, last, moved up to first
        for _ in range(2):
            self.findChild(QPushButton, "up").click()
        self.order.item(2).setCheckState(Qt.CheckState.Unchecked)  # paired_branch left out
        self.time_limit.setValue(7)
        self.cap_hard.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_actions.SolverSettingsDialog, "exec", change)
    w.settings.edit_solver_settings()
    got = ops.solver_settings(w.session.store)
    assert got.preferences == ("evenings", "hours_cap")
    assert got.time_limit == 7 and not got.cap_is_hard
    w.undo_action.trigger()
    assert ops.solver_settings(w.session.store) == SolverSettings()
    w.session.close()


def test_record_form_defaults_to_the_plan_and_credits_the_time_bank(qtbot, db_path, monkeypatch) -> None:
    from PySide6.QtCore import Qt as _Qt

    from db.planio import load_ledger
    from ui.calendar import actions as calendar_edits

    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.go_to(date(2026, 12, 1))
    page.show_details(next(s for s in page.shown if s.key == ("a1", date(2026, 12, 10))))
    seen: dict = {}

    def fill(self) -> int:
        seen["planned"] = {
            self.people.item(r, 0).data(_Qt.ItemDataRole.UserRole): self.rows[
                self.people.item(r, 0).data(_Qt.ItemDataRole.UserRole)
            ].value()
            for r in range(self.people.rowCount())
        }
        # Cancelled without a reason is refused with the problem shown.
        self.status.setCurrentIndex(self.status.findData("cancelled"))
        self.accept()
        seen["refused"] = self.problems.text()
        self.status.setCurrentIndex(self.status.findData("done"))
        self.served.setValue(120)
        self.counts["blood_pressure"].setValue(45)
        for person in ("s001", "s002"):  # came though not planned for this week
            self.add_person.setText(next(n for n, sid in self.names.items() if sid == person))
            self.add_person.returnPressed.emit()
        self.rows["s001"].setValue(2.5)
        self.accept()
        return self.result()

    monkeypatch.setattr(calendar_edits.RecordDialog, "exec", fill)
    page.record_button.click()
    assert seen["planned"] == {"s003": 3.0}  # 18:00–21:00; s001 is planned for 12-03 only
    assert "原因" in seen["refused"]
    with Store(db_path) as s:
        rec = load_plan(s).records[("a1", date(2026, 12, 10))]
        assert rec.served == 120 and dict(rec.services) == {"blood_pressure": 45}
        assert {(a.staff, a.hours) for a in rec.attended} == {("s001", 2.5), ("s003", 3.0), ("s002", 3.0)}
        ledger = [e for e in load_ledger(s) if e.occurrence == date(2026, 12, 10)]
        assert sorted((e.staff, e.hours) for e in ledger) == [("s001", 2.5), ("s002", 3.0), ("s003", 3.0)]
    w.undo_action.trigger()
    with Store(db_path) as s:
        assert ("a1", date(2026, 12, 10)) not in load_plan(s).records
        total = sum(e.hours for e in load_ledger(s) if e.occurrence == date(2026, 12, 10))
        assert total == 0 and len([e for e in load_ledger(s) if e.occurrence == date(2026, 12, 10)]) == 6
    w.session.close()
