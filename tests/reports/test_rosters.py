"""PDF rosters read back: pages, text, the embedded font, headers on every page."""

from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader

from db.operations import import_document
from db.planio import load_plan
from db.store import Store
from reports.document import translator
from reports.rosters import find_occurrence, occurrence_roster, sign_in_sheet, weekly_roster
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from tests.helpers import sample_text

PRINTED = datetime(2026, 11, 23, 10, 0)


def _plan(tmp_path):
    with Store(tmp_path / "a.db") as s:
        import_document(s, sample_text())
        return load_plan(s)


def _read(buf: io.BytesIO) -> tuple[list[str], set[str]]:
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    fonts = set()
    for page in reader.pages:
        for f in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    return [p.extract_text() for p in reader.pages], fonts


def test_occurrence_roster_names_people_and_embeds_the_font(tmp_path) -> None:
    plan = _plan(tmp_path)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    b = find_occurrence(plan, cal, "a1", date(2026, 12, 3))
    buf = io.BytesIO()
    occurrence_roster(buf, plan, b, translator("zh_CN"), PRINTED)
    pages, fonts = _read(buf)
    text = "".join(pages)
    for expected in (
        "中医夜市",
        "金伟",
        "王强",
        "健康咨询区",
        "合乐城商场",
        "张主任",
        "场次排班表",
        "1 / 1",
        "2026-12-03 18:00",
    ):
        assert expected in text, expected
    assert any("WenQuanYiMicroHei" in f for f in fonts)


def test_sign_in_sheet_has_a_page_of_rows_per_26_expected_residents(tmp_path) -> None:
    plan = _plan(tmp_path)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    b = find_occurrence(plan, cal, "a1", date(2026, 12, 3))
    buf = io.BytesIO()
    sign_in_sheet(buf, plan, b, translator("en"), PRINTED, audience=100)
    pages, _fonts = _read(buf)
    assert len(pages) == 1 + 4  # staff, then 104 blank rows for 100 residents
    assert "金伟" in pages[0] and "Sign in" in pages[0]
    for p in pages[1:]:
        assert "Full name" in p and "Phone" in p  # the header repeats on every page
    assert pages[-1].strip().endswith("5 / 5") or "5 / 5" in pages[-1]


def test_weekly_roster_marks_holidays_and_moved_occurrences(tmp_path) -> None:
    plan = _plan(tmp_path)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    buf = io.BytesIO()
    weekly_roster(buf, plan, cal, date(2026, 12, 9), translator("zh_CN"), PRINTED)
    text = "".join(_read(buf)[0])
    assert "周排班表" in text and "2026-12-07 – 2026-12-13" in text
    assert "12-11 周五" in text  # the 12-10 occurrence was moved to Friday
    buf = io.BytesIO()
    weekly_roster(buf, plan, cal, date(2026, 12, 30), translator("zh_CN"), PRINTED)
    text = "".join(_read(buf)[0])
    assert "元旦" in text  # 2027-01-01 is a holiday the user entered


def test_personal_branch_and_annual_documents(tmp_path) -> None:
    from reports.rosters import annual_plan, branch_month_plan, personal_duty_list

    plan = _plan(tmp_path)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    t = translator("zh_CN")
    buf = io.BytesIO()
    personal_duty_list(buf, plan, cal, "s003", date(2026, 12, 1), date(2026, 12, 31), t, PRINTED)
    text = "".join(_read(buf)[0])
    # s003 serves every occurrence of a1 in December: 3, 10 (moved to the 11th), 17, 24.
    assert "王强" in text and "共 4 场，12 小时" in text and "12-11" in text
    buf = io.BytesIO()
    branch_month_plan(buf, plan, cal, "b-ortho", date(2026, 12, 1), t, PRINTED)
    text = "".join(_read(buf)[0])
    assert "骨伤党支部" in text and "友谊社区" in text and "金伟（带队）" in text
    buf = io.BytesIO()
    annual_plan(buf, plan, cal, 2027, t, PRINTED)
    text = "".join(_read(buf)[0])
    assert "年度计划 2027" in text and "元旦" in text and "春节调休" in text


def _with_sunday_activities(n: int):
    """The sample plan with `n` more occurrences on Sunday 2026-12-13, the last day of its week."""
    import json

    from scheduler.exchange.planfile.document import parse_document
    from tests.helpers import sample

    doc = sample()
    for i in range(n):
        hour = 8 + i % 10
        doc["activities"].append(
            {
                "id": f"x{i}",
                "title": f"社区义诊 {i}",
                "start": f"2026-12-13T{hour:02d}:00",
                "end": f"2026-12-13T{hour + 1:02d}:00",
                "venue": "党群服务中心",
            }
        )
    return parse_document(json.dumps(doc, ensure_ascii=False)).plan


def test_weekly_roster_never_ends_on_a_blank_page() -> None:
    """Issue 20: where the last day's table ended at the foot of a page, the space after it made
    a blank last page (10 and 35 Sunday occurrences did, as the busiest week of the hospital demo
    did). Every page, the last one too, shows at least one occurrence's row."""
    cal = WorkCalendar(official_calendar())
    seen_pages = set()
    for n in range(0, 46):
        buf = io.BytesIO()
        weekly_roster(buf, _with_sunday_activities(n), cal, date(2026, 12, 7), translator("en"), PRINTED)
        pages = _read(buf)[0]
        seen_pages.add(len(pages))
        for i, text in enumerate(pages):
            assert "–" in text.replace("2026-12-07 – 2026-12-13", ""), (n, i, text)  # a time span: a row
    assert {1, 2, 3} <= seen_pages


def test_weekly_roster_of_a_sunday_is_the_iso_week_containing_it() -> None:
    """Decided: `roster week --from D` prints the ISO week containing D, Monday to Sunday; a
    Sunday gives the week that ends on it (as in China's calendars, the week starts on Monday)."""
    from reports.registry import ROSTERS, RosterArgs

    week = ROSTERS["week"]
    for day in (date(2026, 10, 5), date(2026, 10, 8), date(2026, 10, 11)):
        w = week.window(RosterArgs(today=date(2026, 1, 1), start=day))
        assert (w.start, w.end) == (date(2026, 10, 5), date(2026, 10, 11))
        assert w.start.isocalendar()[:2] == day.isocalendar()[:2] == (2026, 41)
    w = week.window(RosterArgs(today=date(2026, 1, 1), start=date(2026, 10, 12)))
    assert w.start == date(2026, 10, 12)
