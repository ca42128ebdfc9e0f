"""The picture of a roster whose last page is mostly empty (a busy week's review: two lines on
its second page) is not that page stacked in full: its empty stretch is cut down to a margin,
the footer ("2 / 2", the printing time) kept under it, nothing drawn cut."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

import numpy as np
from PIL import Image
from pypdf import PdfReader

from reports.document import translator
from reports.picture import GAP, MARGIN_MM, WIDTH, pdf_to_png, trailing_white
from reports.review import review_pdf
from scheduler.exchange.planfile.document import parse_document
from scheduler.office.review import week_review
from tests.helpers import sample
from tests.reports.test_picture import _expected_height, _only_white_cut_from_the_last_page, _picture
from tests.reports.test_review import CAL, PRINTED


def _review_pdf(extra: int) -> bytes:
    """The week's review with `extra` more occurrences (52 more: a second page of one line)."""
    plan = parse_document(json.dumps(sample(), ensure_ascii=False)).plan
    a = plan.activities["a1"]
    for i in range(extra):
        plan.activities[f"x{i}"] = replace(a, id=f"x{i}", rrule=None, moved=(), title=f"活动{i}")
    review = week_review(plan, CAL, date(2026, 11, 30), date(2026, 12, 20))
    out = io.BytesIO()
    review_pdf(out, plan, review, translator("zh_CN"), PRINTED)
    return out.getvalue()


def _drawn_rows(image: Image.Image) -> np.ndarray:
    return np.flatnonzero(np.asarray(image.convert("L")).min(axis=1) < 255)


def test_a_mostly_empty_last_page_is_cut_down_to_a_margin_above_its_footer() -> None:
    pdf = _review_pdf(52)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    height, pages = _expected_height(pdf)
    whole = _picture(pdf_to_png(pdf, trim=False))
    image = _picture(pdf_to_png(pdf))
    assert whole.size == (WIDTH, height)
    assert image.width == WIDTH and image.height < sum(pages) + GAP  # less than 2 pages stacked
    removed = _only_white_cut_from_the_last_page(whole, image, height - pages[-1])
    assert removed > pages[-1] // 2  # most of the page was empty
    # The last page: its content, a margin, then its footer (the bottom rows as they were).
    last = image.crop((0, image.height - (pages[-1] - removed), WIDTH, image.height))
    rows = _drawn_rows(last)
    gaps = np.diff(rows)
    widest = int(gaps.max()) - 1  # the white between the content and the footer
    px_per_mm = WIDTH / 297  # A4 landscape
    assert widest >= round(MARGIN_MM * px_per_mm)
    assert rows[-1] > last.height - 20 * px_per_mm  # the footer is still at the foot


def test_a_page_that_is_full_stays_whole() -> None:
    pdf = _review_pdf(49)  # one page, full to its foot
    height, _pages = _expected_height(pdf)
    assert _picture(pdf_to_png(pdf)).size == (WIDTH, height)


def test_trailing_white_on_made_pages() -> None:
    a4 = 595.27  # points: a page 1080 px wide, 1528 px tall
    blank = Image.new("RGB", (WIDTH, 1528), "white")
    assert trailing_white(blank, a4) is None  # nothing drawn: nothing to go by
    page = blank.copy()
    page.paste((0, 0, 0), (100, 100, 900, 120))  # a line of text at the top
    page.paste((0, 0, 0), (100, 1480, 300, 1490))  # the footer, 8 mm up
    cut = trailing_white(page, a4)
    assert cut is not None
    start, end = cut
    px_per_mm = WIDTH / (a4 / 72 * 25.4)
    assert start == 120 + round(MARGIN_MM * px_per_mm)  # a margin under the text is kept
    assert end == 1480 - round(MARGIN_MM * px_per_mm)  # and one above the footer
    no_footer = blank.copy()
    no_footer.paste((0, 0, 0), (100, 100, 900, 120))
    assert trailing_white(no_footer, a4) == (120 + round(MARGIN_MM * px_per_mm), 1528)
    full = page.copy()
    full.paste((200, 200, 200), (100, 1300, 900, 1302))  # a faint line low on the page
    assert trailing_white(full, a4) is None  # less than a fifth of the page is empty
    nearly_white = page.copy()
    nearly_white.paste((254, 254, 254), (100, 800, 900, 801))  # anything drawn counts
    start2, end2 = trailing_white(nearly_white, a4) or (0, 0)
    assert start2 > 801
