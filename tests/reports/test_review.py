"""The week in review as a PDF and a PNG: one A4 landscape page for a normal week of the hospital
demo, two at most for its busiest, Chinese and English, hostile names printed as text."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from PIL import Image
from pypdf import PdfReader

from reports.document import translator
from reports.picture import WIDTH, pdf_to_png
from reports.review import review_pdf
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo
from scheduler.exchange.planfile.document import parse_document
from scheduler.office.review import parse_week, week_review
from tests.helpers import sample

CAL = WorkCalendar(official_calendar())
PRINTED = datetime(2026, 12, 7, 9, 0)


def _pdf(plan, review, lang: str) -> PdfReader:
    out = io.BytesIO()
    review_pdf(out, plan, review, translator(lang), PRINTED)
    return PdfReader(io.BytesIO(out.getvalue()))


def _text(reader: PdfReader) -> str:
    return "\n".join(p.extract_text() for p in reader.pages)


@pytest.fixture(scope="module")
def hospital():
    today = date(2026, 12, 6)
    return build_demo(demo_recipe(), "hospital", 1, 2026, today, CAL), today


@pytest.mark.parametrize(
    ("week", "most"), [("2026-W49", 1), ("2026-W48", 1), ("2026-W20", 1), ("2026-W41", 2)]
)
def test_pages_of_the_hospital_demo(hospital, week: str, most: int) -> None:
    plan, today = hospital
    review = week_review(plan, CAL, parse_week(week), today)
    for lang in ("zh_CN", "en"):
        reader = _pdf(plan, review, lang)
        assert 1 <= len(reader.pages) <= most, (week, lang, len(reader.pages))
        box = reader.pages[0].mediabox
        assert float(box.width) > float(box.height)  # landscape


def test_chinese_and_english(hospital) -> None:
    plan, today = hospital
    review = week_review(plan, CAL, parse_week("2026-W49"), today)
    zh = _text(_pdf(plan, review, "zh_CN"))
    en = _text(_pdf(plan, review, "en"))
    assert "周复盘" in zh and "本周与上周对比" in zh and "下周预览" in zh
    assert "Week in review" in en and "The week ahead" in en
    assert str(review.figures.served) in zh and str(review.before.served) in en
    some = plan.activities[review.lines[0].activity].title[:6]
    assert some in zh


def test_hostile_names_are_text_and_the_picture_is_drawn() -> None:
    doc = sample()
    doc["activities"][0]["title"] = "<b>夜市</b> & <img src='x'/>"
    doc["departments"][0]["name"] = "<font size=40>骨伤科"
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    review = week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20))
    reader = _pdf(plan, review, "zh_CN")
    text = _text(reader)
    assert "<b>夜市" in text and "<font size=40>" in text
    out = io.BytesIO()
    review_pdf(out, plan, review, translator("zh_CN"), PRINTED)
    png = Image.open(io.BytesIO(pdf_to_png(out.getvalue())))
    assert png.width == WIDTH and png.height > 400  # a page, its empty foot cut (reports/picture.py)
    low, high = png.convert("L").getextrema()
    assert high - low > 100  # not blank


def test_a_week_of_many_occurrences_flows_onto_more_pages() -> None:
    plan = parse_document(json.dumps(sample(), ensure_ascii=False)).plan
    a = plan.activities["a1"]
    plan.activities["a1"] = replace(a, rrule="FREQ=DAILY;COUNT=2", moved=())
    for i in range(300):
        plan.activities[f"x{i}"] = replace(a, id=f"x{i}", rrule=None, moved=(), title=f"活动{i}")
    review = week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20))
    assert len(review.lines) == 302
    reader = _pdf(plan, review, "en")
    assert len(reader.pages) >= 3
