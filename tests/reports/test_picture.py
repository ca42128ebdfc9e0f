"""Rosters as pictures for phones, read back with Pillow: 1080 px wide, as tall as the PDF's pages
stacked with their gaps, not blank, and the Chinese of the page header drawn as glyphs."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from PIL import Image, ImageStat
from pypdf import PdfReader

from reports.document import translator
from reports.picture import GAP, GAP_COLOUR, MAX_PAGES, WIDTH, PictureError, pdf_to_png
from reports.registry import ROSTERS, RosterArgs
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.planfile.document import parse_document
from scheduler.plan.model import Hospital
from tests.helpers import sample

PRINTED = datetime(2026, 11, 30, 9, 0)


def _plan(hospital: str | None = None):
    plan = parse_document(json.dumps(sample(), ensure_ascii=False)).plan
    if hospital is not None:
        plan.hospital = replace(plan.hospital or Hospital(), name=hospital)
    return plan, WorkCalendar(official_calendar(), plan.calendar.values())


def _pdf(kind: str, plan, cal, **args) -> bytes:
    out = io.BytesIO()
    chosen = RosterArgs(today=date(2026, 12, 3), **args)
    ROSTERS[kind].render(out, plan, cal, chosen, translator("zh_CN"), PRINTED)
    return out.getvalue()


def _expected_height(pdf: bytes) -> tuple[int, list[int]]:
    """Worked out from the PDF's own page boxes, read by another library than the one drawing."""
    heights = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        heights.append(round(h * WIDTH / w))
    return sum(heights) + GAP * (len(heights) - 1), heights


def _picture(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("RGB")


def _only_white_cut_from_the_last_page(whole: Image.Image, cut: Image.Image, last_top: int) -> int:
    """`cut` is `whole` with one stretch of white rows of its last page left out (nothing drawn
    is lost, the rows below it are kept as they were); the number of rows left out."""
    import numpy as np

    a, b = np.asarray(whole), np.asarray(cut)
    assert a.shape[1:] == b.shape[1:] and len(b) <= len(a)
    removed = len(a) - len(b)
    if not removed:
        assert (a == b).all()
        return 0
    same = (a[: len(b)] == b).all(axis=(1, 2))
    first = int(np.argmin(same)) if not same.all() else len(b)  # first row that differs
    assert first >= last_top  # the pages before the last are whole
    assert (a[first : first + removed] == 255).all()  # what was left out is white
    assert (a[first + removed :] == b[first:]).all()  # and all below it is kept
    return removed


ALL_KINDS = {
    "occurrence": {"activity": "a1", "occurrence": date(2026, 12, 3)},
    "sign-in": {"activity": "a1", "occurrence": date(2026, 12, 3)},
    "week": {},
    "person": {"staff": "s001", "start": date(2026, 12, 1)},
    "branch-month": {"branch": "b-ortho"},
    "annual": {},
}


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_every_roster_kind_as_one_picture_1080_wide_as_tall_as_its_pages(kind: str) -> None:
    plan, cal = _plan()
    pdf = _pdf(kind, plan, cal, **ALL_KINDS[kind])
    whole = _picture(pdf_to_png(pdf, trim=False))
    height, pages = _expected_height(pdf)
    assert whole.size == (WIDTH, height)
    image = _picture(pdf_to_png(pdf))
    _only_white_cut_from_the_last_page(whole, image, height - pages[-1])
    # Not blank: text and table lines on white.
    assert ImageStat.Stat(image.convert("L")).var[0] > 100
    assert image.convert("L").getextrema()[0] < 80  # something dark was drawn
    # Between two pages, a grey gap.
    top = 0
    for h in pages[:-1]:
        top += h
        assert image.getpixel((WIDTH // 2, top + GAP // 2)) == GAP_COLOUR
        top += GAP


def _header(image: Image.Image) -> Image.Image:
    """The page header's left part, where the hospital's name is printed (15 mm in, 10 mm down)."""
    px = WIDTH / 595.27  # A4 portrait, points to pixels
    mm = 72 / 25.4
    return image.crop((round(14 * mm * px), round(6 * mm * px), round(80 * mm * px), round(11 * mm * px)))


def test_the_chinese_of_the_header_is_drawn_as_glyphs() -> None:
    images = []
    for name in ("株洲市中医伤科医院", "南湖区第一人民医院"):
        plan, cal = _plan(name)
        images.append(_picture(pdf_to_png(_pdf("occurrence", plan, cal, **ALL_KINDS["occurrence"]))))
    first, second = (_header(i).convert("L") for i in images)
    # The text area is not empty...
    assert first.getextrema()[0] < 100 and ImageStat.Stat(first).var[0] > 50
    # ...and holds glyphs, not one empty box per character: other names, other pixels.
    assert first.tobytes() != second.tobytes()
    # The same name gives the same picture (the glyphs come from the embedded font, not chance).
    plan, cal = _plan("株洲市中医伤科医院")
    again = _picture(pdf_to_png(_pdf("occurrence", plan, cal, **ALL_KINDS["occurrence"])))
    assert _header(again).convert("L").tobytes() == first.tobytes()


def test_a_file_path_gives_the_same_picture(tmp_path) -> None:
    plan, cal = _plan()
    pdf = _pdf("week", plan, cal)
    path = tmp_path / "week.pdf"
    path.write_bytes(pdf)
    assert pdf_to_png(path) == pdf_to_png(pdf)


def test_a_sign_in_sheet_of_many_pages_stacks_them_all() -> None:
    from reports.rosters import find_occurrence, sign_in_sheet

    plan, cal = _plan()
    b = find_occurrence(plan, cal, "a1", date(2026, 12, 3))
    assert b is not None
    out = io.BytesIO()
    sign_in_sheet(out, plan, b, translator("zh_CN"), PRINTED, audience=120)
    pdf = out.getvalue()
    height, pages = _expected_height(pdf)
    assert len(pages) >= 5
    assert _picture(pdf_to_png(pdf)).size == (WIDTH, height)


def test_too_many_pages_or_not_a_pdf_is_refused_in_one_line() -> None:
    from reports.rosters import find_occurrence, sign_in_sheet

    plan, cal = _plan()
    b = find_occurrence(plan, cal, "a1", date(2026, 12, 3))
    assert b is not None
    out = io.BytesIO()
    sign_in_sheet(out, plan, b, translator("zh_CN"), PRINTED, audience=28 * (MAX_PAGES + 1))
    with pytest.raises(PictureError) as err:
        pdf_to_png(out.getvalue(), translator("zh_CN"))
    assert "最多 40 页" in str(err.value) and "\n" not in str(err.value)
    for bad in (b"", b"%PDF-1.4\n garbage", b"\x89PNG not a pdf"):
        with pytest.raises(PictureError):
            pdf_to_png(bad)
