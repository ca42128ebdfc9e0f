"""Statistics ▸ Week in review as a user meets it: in the navigation under Statistics, a week
chosen, the figures beside the week before's, an occurrence opened in the calendar, the print
preview of one page, the picture on the clipboard; the figures follow an edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from db.operations import import_plan
from db.store import Store
from scheduler.exchange.planfile.document import parse_document
from scheduler.plan.model import Record
from tests.helpers import sample_text
from tests.ui.windows import main_window


def _row(page, name: str) -> tuple[str, str]:
    for r in range(page.figures.rowCount()):
        if page.figures.item(r, 0).text() == name:
            return page.figures.item(r, 1).text(), page.figures.item(r, 2).text()
    raise AssertionError(name)


def test_week_in_review_page(qtbot, db_path) -> None:
    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)  # 12-03 held: 180 served, 3 h
    window = main_window(qtbot, db_path, as_is=True)
    labels = [window.nav.item(i).text().strip() for i in range(window.nav.count())]
    assert labels.index("周复盘") == labels.index("统计") + 2  # under 统计, after the statistics
    window.show_section("review")
    page = window.current_page()
    page.today = date(2026, 12, 20)
    page.day.setDate(QDate(2026, 12, 2))
    assert page.wait()
    assert page.week_label.text().startswith("2026-W49")
    assert _row(page, "服务人数") == ("180", "0")
    assert _row(page, "已举办") == ("1", "0")
    assert page.occurrences.rowCount() == 1 and "180" in page.occurrences.item(0, 2).text()
    assert "下周" in page.ahead.text()
    page.next_button.click()  # W50: 12-10 moved to 12-11, not recorded by the 20th
    assert page.wait()
    assert page.week_label.text().startswith("2026-W50")
    assert _row(page, "已举办") == ("0", "1") and _row(page, "已过未登记") == ("1", "0")
    assert "改期" in page.occurrences.item(0, 2).text()
    # Recorded elsewhere in the app: the page follows.
    rec = Record("a1", date(2026, 12, 10), "done", served=42)
    window.session.save("records", rec, None, "record")
    assert page.wait()
    assert _row(page, "服务人数") == ("42", "180")
    # Double-click: the calendar shows the occurrence.
    page.open_row(0)
    qtbot.waitUntil(lambda: window.current_page() is window.pages.get("calendar_view"))
    assert window.current_page().current.key == ("a1", date(2026, 12, 10))
    window.show_section("review")
    # Print preview: one landscape page; the picture on the clipboard, 1080 px wide.
    dialog = page.print_preview()
    assert dialog is not None and dialog.page_count() == 1
    size = dialog.document.pagePointSize(0)
    assert size.width() > size.height()
    dialog.close()
    QGuiApplication.clipboard().clear()
    assert page.copy_picture()
    assert QGuiApplication.clipboard().image().width() == 1080
    window.session.close()


def test_hostile_reason_is_shown_as_text(qtbot, db_path) -> None:
    plan = parse_document(sample_text()).plan
    key = ("a1", date(2026, 12, 3))
    plan.records[key] = replace(
        plan.records[key], status="cancelled", reason="<b>雨</b>", served=None, attended=()
    )
    with Store(db_path) as s:
        import_plan(s, plan)
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("review")
    page = window.current_page()
    page.day.setDate(QDate(2026, 12, 3))
    assert page.wait()
    assert page.occurrences.item(0, 2).text() == "已停办: <b>雨</b>"
    window.session.close()


def test_review_is_worked_out_beside_the_window(qtbot, db_path, monkeypatch) -> None:
    """The page opens at once and works the review out on the thread pool (it took 0.4 s on the
    GUI thread at hospital scale); a week asked for while another is worked out: the last one
    shown, never an older result after it."""
    import threading

    import scheduler.office.review

    with Store(db_path) as s:
        import_plan(s, parse_document(sample_text()).plan)
    threads: list[str] = []
    real = scheduler.office.review.week_review

    def spy(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(scheduler.office.review, "week_review", spy)
    window = main_window(qtbot, db_path, as_is=True)
    window.show_section("review")
    page = window.current_page()
    page.today = date(2026, 12, 20)
    page.day.setDate(QDate(2026, 12, 2))
    page.next_button.click()  # W50 asked for before W49 was shown
    assert not page.print_button.isEnabled()  # nothing to print until the week is worked out
    assert page.wait()
    assert page.week_label.text().startswith("2026-W50")
    assert _row(page, "已过未登记") == ("1", "0")
    assert page.print_button.isEnabled() and page.picture_button.isEnabled()
    assert threads and threading.main_thread().name not in threads
    window.session.close()
