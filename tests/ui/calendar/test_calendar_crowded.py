"""The calendar at hospital scale (#20): on the busiest week of the hospital demo, at 1600×1000,
every occurrence is one click away in the week view and shows its time and at least the first
8 characters of its title (12 of an English one), in Chinese and in English."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from db.operations import import_plan
from db.store import Store
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo
from tests.helpers import sample
from tests.ui.windows import activity_doc, main_window
from ui.i18n import install_language

pytestmark = pytest.mark.gui

BUSIEST_MONDAY = date(2026, 10, 5)


@pytest.fixture(scope="module")
def hospital_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hospital") / "hospital.sqlite3"
    calendar = WorkCalendar(official_calendar())
    plan = build_demo(demo_recipe(), "hospital", 1, 2026, date(2026, 12, 6), calendar)
    with Store(path) as store:
        import_plan(store, plan)
    return path


def _flat(text: str) -> str:
    return "".join(text.split()).replace("…", "")


def _reads(lines: list[str], shown, chars: int) -> bool:
    """The item's lines show its start and the first `chars` characters of its title."""
    text = _flat("".join(lines))
    return f"{shown.occurrence.start:%H:%M}" in text and _flat(shown.activity.title[:chars]) in text


def _click(widget, point: QPoint, qtbot) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_occurrence_of_the_busiest_week_is_one_click_away_and_readable(
    qtbot, hospital_db, lang
) -> None:
    install_language(lang)
    w = main_window(qtbot, hospital_db, as_is=True)
    page = w.current_page()
    page.set_view(page.WEEK)
    page.go_to(BUSIEST_MONDAY)
    qtbot.wait(20)
    week = page.week
    per_day = Counter(s.occurrence.date for s in page.shown)
    busiest, most = per_day.most_common(1)[0]
    assert busiest == date(2026, 10, 8) and most >= 20  # the week the issue was about
    # The crowded week chose the compact layout by itself, and the toolbar says so.
    assert week.is_compact() and page.compact_button.isChecked() and page.compact_button.isVisible()
    assert not week.crowd_rects()  # nothing hidden behind a "+N"
    rects = {s.key: (r, s) for r, s in week.item_rects()}
    assert set(rects) == {s.key for s in page.shown}  # every occurrence of the week, busiest day too
    for key, (rect, s) in rects.items():
        assert week.rect().contains(rect), key  # inside the view: no scrolling
        assert _reads(week.shown_lines(rect, s), s, 8), (key, week.shown_lines(rect, s))
    # No two items overlap: each is its own click.
    ordered = list(rects.values())
    for i, (a, _s) in enumerate(ordered):
        assert not any(a.intersects(b) for b, _t in ordered[i + 1 :])
    # One click on each of the busiest day's rows shows that occurrence's details.
    for s in sorted(
        (s for s in page.shown if s.occurrence.date == busiest), key=lambda s: s.occurrence.start
    ):
        rect = rects[s.key][0]
        _click(week, rect.center(), qtbot)
        assert page.current is not None and page.current.key == s.key
        assert s.activity.title in page.details.toPlainText()
    w.session.close()


def test_english_titles_show_twelve_characters_on_a_crowded_day(qtbot, db_path) -> None:
    install_language("en")
    doc = sample()
    places = ["Riverside", "Hillview", "Lakeshore", "Old Town", "Harbour", "Greenfield"]
    doc["activities"] += [
        activity_doc(
            f"e{i}", f"Free clinic at {places[i % 6]} {i}", f"2026-12-16T{8 + i % 10:02d}:{15 * (i % 4):02d}"
        )
        for i in range(26)
    ]
    w = main_window(qtbot, db_path, doc)
    page = w.current_page()
    page.set_view(page.WEEK)
    page.go_to(date(2026, 12, 16))
    week = page.week
    assert week.is_compact()
    on_16 = [(r, s) for r, s in week.item_rects() if s.occurrence.date == date(2026, 12, 16)]
    assert len(on_16) == sum(1 for s in page.shown if s.occurrence.date == date(2026, 12, 16)) >= 26
    for rect, s in on_16:
        assert _reads(week.shown_lines(rect, s), s, 12), week.shown_lines(rect, s)
    w.session.close()


def test_the_user_chooses_the_time_grid_or_the_compact_week(qtbot, db_path) -> None:
    doc = sample()
    doc["activities"] += [activity_doc(f"y{i}", f"体质辨识第{i}组", "2026-12-16T09:00") for i in range(12)]
    w = main_window(qtbot, db_path, doc)
    page = w.current_page()
    page.set_view(page.WEEK)
    page.go_to(date(2026, 12, 16))
    week = page.week
    assert week.is_compact()  # twelve at once would not fit the grid
    page.compact_button.click()  # the user wants the time grid
    assert not week.is_compact() and not page.compact_button.isChecked()
    assert week.crowd_rects()  # the grid's "+N" again
    page.go_to(date(2026, 12, 1))  # kept while moving through the weeks
    assert not week.is_compact()
    page.compact_button.click()
    assert week.is_compact() and page.compact_button.isChecked()
    # In the compact week a drag moves to another day at the same time.
    rect, s = next((r, s) for r, s in week.item_rects())
    target = (s.occurrence.date - week.monday).days + 1
    x, width = week.columns()[target % 7]
    drop = QPoint(x + width // 2, rect.center().y())
    moves: list = []
    week.moved.connect(lambda shown, start: moves.append((shown.key, start)))
    qtbot.mousePress(week, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseMove(week, drop)
    qtbot.mouseRelease(week, Qt.MouseButton.LeftButton, pos=drop)
    day = week.monday + timedelta(days=target % 7)
    assert moves == [(s.key, datetime.combine(day, s.occurrence.start.time()))]
    page.set_view(page.MONTH)
    assert not page.compact_button.isVisible()
    w.session.close()


def test_english_month_title_and_holiday_names(qtbot, hospital_db) -> None:
    install_language("en")
    w = main_window(qtbot, hospital_db, as_is=True)
    page = w.current_page()
    page.go_to(date(2026, 11, 3))
    assert page.period.text() == "November 2026"
    page.set_view(page.WEEK)
    page.go_to(BUSIEST_MONDAY)
    assert "National Day" in page.week.day_title(BUSIEST_MONDAY, 0)
    assert "国庆" not in page.week.day_title(BUSIEST_MONDAY, 0)
    on_holiday = next(s for s in page.shown if s.occurrence.date == BUSIEST_MONDAY)
    page.show_details(on_holiday)
    assert "National Day" in page.details.toPlainText() and "国庆" not in page.details.toPlainText()
    install_language("zh_CN")
    page.set_view(page.MONTH)
    page.go_to(date(2026, 11, 3))
    assert page.period.text() == "2026年11月"
    assert "国庆节" in page.week.day_title(BUSIEST_MONDAY, 0)
    w.session.close()


def test_the_agenda_redraws_without_a_word_per_row_and_keeps_the_choice(qtbot, db_path, monkeypatch) -> None:
    from ui.calendar import page as calendar_page

    built: list = []
    real = calendar_page.details_html
    monkeypatch.setattr(
        calendar_page, "details_html", lambda *a, **k: built.append(a[0].key) or real(*a, **k)
    )
    w = main_window(qtbot, db_path)
    page = w.current_page()
    page.set_view(page.AGENDA)
    page.go_to(date(2026, 12, 1))
    assert page.agenda.topLevelItemCount() == 4
    page.agenda.setCurrentItem(page.agenda.topLevelItem(2))
    chosen = page.agenda.topLevelItem(2).data(0, Qt.ItemDataRole.UserRole).key
    assert page.current.key == chosen
    told: list = []
    page.agenda.selected.connect(told.append)
    built.clear()
    page.refresh()
    assert told == []  # clearing the rows said nothing to the page
    assert built == [chosen]  # the details built once, for the occurrence still chosen
    assert page.agenda.selectedItems()[0].data(0, Qt.ItemDataRole.UserRole).key == chosen
    # Chosen in the month, shown chosen in the agenda.
    page.set_view(page.MONTH)
    other = next(s for s in page.shown if s.key != chosen)
    page.show_details(other)
    page.set_view(page.AGENDA)
    assert page.agenda.selectedItems()[0].data(0, Qt.ItemDataRole.UserRole).key == other.key
    w.session.close()


def test_a_table_sorts_by_reading_each_cell_once_and_keeps_the_choice(qtbot, db_path) -> None:
    w = main_window(qtbot, db_path)
    w.show_section("staff")
    page = w.current_page()
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert names == sorted(names, key=str)
    page.view.selectRow(1)
    chosen = page.selected_items()[0]
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert names == sorted(names, key=str, reverse=True)
    assert page.selected_items() == [chosen]
    w.session.close()


def test_every_week_of_the_hospital_year_is_readable(qtbot, hospital_db) -> None:
    """Not just the busiest: each week of the demo year shows every occurrence, readable, the
    layout chosen by itself (the grid where it shows them, else the compact week)."""
    w = main_window(qtbot, hospital_db, as_is=True)
    page = w.current_page()
    page.set_view(page.WEEK)
    week = page.week
    day, seen, grids = date(2026, 1, 5), 0, 0
    while day.year == 2026:
        page.go_to(day)
        assert not week.crowd_rects(), day
        rects = week.item_rects()
        assert len(rects) == len(page.shown), day
        for rect, s in rects:
            assert _reads(week.shown_lines(rect, s), s, 8), (day, s.key, week.shown_lines(rect, s))
        seen += len(rects)
        grids += not week.is_compact()
        day += timedelta(days=7)
    assert seen > 1000 and grids >= 1  # a quiet week keeps the time grid
    w.session.close()


def test_a_day_beyond_any_layout_counts_the_rest_and_lists_them_on_a_click(qtbot, db_path) -> None:
    doc = sample()
    doc["activities"] += [
        activity_doc(f"z{i}", f"体质辨识第{i}组", f"2026-12-16T{8 + i % 12:02d}:{(i * 5) % 60:02d}", 60)
        for i in range(160)
    ]
    w = main_window(qtbot, db_path, doc)
    page = w.current_page()
    page.set_view(page.WEEK)
    page.go_to(date(2026, 12, 16))
    week = page.week
    assert week.is_compact()
    on_16 = [(r, s) for r, s in week.item_rects() if s.occurrence.date == date(2026, 12, 16)]
    crowd = [(r, n) for r, d, n in week.crowd_rects() if d == date(2026, 12, 16)]
    assert len(on_16) + sum(n for _r, n in crowd) == 160 + sum(
        1 for s in page.shown if s.occurrence.date == date(2026, 12, 16) and not s.key[0].startswith("z")
    )
    assert len({s.key for _r, s in on_16}) == len(on_16)  # none drawn twice
    for rect, s in on_16:  # those shown still read
        assert week.rect().contains(rect) and _reads(week.shown_lines(rect, s), s, 8)
    assert crowd  # more than the week holds: the rest one click away, the day in the agenda
    _click(week, crowd[0][0].center(), qtbot)
    assert page.view_index() == page.AGENDA
    w.session.close()
