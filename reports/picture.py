"""Rosters as pictures for phones: the PDF we print, each page drawn 1080 px wide and the pages
stacked into one long PNG (pypdfium2 draws the pages, Pillow stacks and writes them); the
empty stretch of the last page (above its footer) is cut down to a margin.

The picture is made from the PDF itself, so it shows what the paper shows: the same layout and
the same embedded CJK font. Both libraries are imported on first use, not at start-up."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reports import ReportError
from reports.text import fill
from scheduler.plan.wording import N_

WIDTH = 1080  # pixels: the width of a phone's picture viewer, and of WeChat's full-size images
GAP = 16  # pixels of grey between two pages, so that a reader sees where a page ends
GAP_COLOUR = (208, 212, 218)
# A longer document is refused rather than made into a picture nobody can scroll (40 A4 pages
# are about 61,000 px tall): print it, or choose a shorter window.
MAX_PAGES = 40

# PDFium is not safe to call from two threads at once; one picture is drawn at a time.
_LOCK = threading.Lock()

TOO_LONG = N_("%1 pages are too many for one picture (at most %2): choose a shorter period, or print the PDF")
UNREADABLE = N_("the document could not be drawn as a picture: %1")


class PictureError(ReportError):
    """The PDF cannot become one picture; the message says why, in one line."""


def page_heights(sizes: list[tuple[float, float]], width: int = WIDTH) -> list[int]:
    """The height in pixels of each page (given in points, width × height) drawn `width` wide."""
    return [max(1, round(h * width / w)) for w, h in sizes]


def picture_height(sizes: list[tuple[float, float]], width: int = WIDTH) -> int:
    """The height of the stacked picture of every page, whole, and a gap between two (the
    picture itself may be shorter: `trailing_white`)."""
    heights = page_heights(sizes, width)
    return sum(heights) + GAP * max(len(heights) - 1, 0)


# The last page's empty stretch above its footer (a week whose second page holds two lines) is
# cut down to this margin; the footer (printing time, "2 / 2") stays under it.
MARGIN_MM = 10
FOOTER_MM = 16  # the footer band at the foot of a page (document.py draws it 8 mm up)
MIN_CUT = 0.2  # only a stretch of at least a fifth of the page is cut: a page that is mostly full stays whole


def trailing_white(image: Any, page_width_pt: float) -> tuple[int, int] | None:
    """The rows (start, end) of `image` (a page drawn `WIDTH` wide) to leave out: the part of the
    last stretch of white rows past the margin, where below it there is at most the footer band;
    None when there is no such stretch. Only rows with no pixel other than white are left out."""
    import numpy as np

    rows = np.asarray(image.convert("L")).min(axis=1) < 255  # True: something drawn in that row
    height = len(rows)
    px_per_mm = image.width / (page_width_pt / 72 * 25.4)
    footer, margin = FOOTER_MM * px_per_mm, round(MARGIN_MM * px_per_mm)
    drawn = np.flatnonzero(rows)
    if not len(drawn):
        return None
    # The last run of white rows that has only the footer band (or nothing) below it.
    below = drawn[drawn >= height - footer]
    above = drawn[drawn < height - footer]
    if not len(above):
        return None
    start = int(above[-1]) + 1  # first white row after the content
    end = int(below[0]) if len(below) else height  # first row of the footer, or the page's end
    if end - start < max(2 * margin, MIN_CUT * height):
        return None
    return start + margin, end - (margin if len(below) else 0)


def pdf_to_png(pdf: bytes | str | Path, t: Callable[[str], str] = lambda s: s, *, trim: bool = True) -> bytes:
    """The PNG of a PDF (its bytes or its file): all pages `WIDTH` px wide, one under the other,
    the empty stretch of the last page cut down to a margin (`trim`). PictureError when it has
    too many pages or cannot be read."""
    import pypdfium2 as pdfium
    from PIL import Image

    source = str(pdf) if isinstance(pdf, Path) else pdf
    with _LOCK:
        try:
            document = pdfium.PdfDocument(source)
        except pdfium.PdfiumError as exc:
            raise PictureError(fill(t(UNREADABLE), exc)) from None
        try:
            count = len(document)
            if count > MAX_PAGES:
                raise PictureError(fill(t(TOO_LONG), count, MAX_PAGES))
            sizes = [document[i].get_size() for i in range(count)]
            images = []
            for i, ((w, _h), height) in enumerate(zip(sizes, page_heights(sizes), strict=True)):
                page = document[i]
                bitmap = page.render(scale=WIDTH / w, may_draw_forms=False)
                image = bitmap.to_pil().convert("RGB")
                if image.size != (WIDTH, height):  # rounding: a pixel more or less
                    image = image.resize((WIDTH, height), Image.Resampling.LANCZOS)
                images.append(image)
                bitmap.close()
                page.close()
        finally:
            document.close()
    cut = trailing_white(images[-1], sizes[-1][0]) if trim and images else None
    if cut is not None:
        last = images[-1]
        kept = Image.new("RGB", (WIDTH, last.height - (cut[1] - cut[0])), "white")
        kept.paste(last.crop((0, 0, WIDTH, cut[0])), (0, 0))
        kept.paste(last.crop((0, cut[1], WIDTH, last.height)), (0, cut[0]))
        images[-1] = kept
    total = sum(i.height for i in images) + GAP * max(len(images) - 1, 0)
    picture = Image.new("RGB", (WIDTH, max(total, 1)), GAP_COLOUR)
    top = 0
    for image in images:
        picture.paste(image, (0, top))
        top += image.height + GAP
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()
