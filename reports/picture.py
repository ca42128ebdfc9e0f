"""Rosters as pictures for phones: the PDF we print, each page drawn 1080 px wide and the pages
stacked into one long PNG (pypdfium2 draws the pages, Pillow stacks and writes them).

The picture is made from the PDF itself, so it shows what the paper shows: the same layout and
the same embedded CJK font. Both libraries are imported on first use, not at start-up."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path

from . import ReportError
from .messages import N_
from .text import fill

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
    """The height of the stacked picture: every page, and a gap between two."""
    heights = page_heights(sizes, width)
    return sum(heights) + GAP * max(len(heights) - 1, 0)


def pdf_to_png(pdf: bytes | str | Path, t: Callable[[str], str] = lambda s: s) -> bytes:
    """The PNG of a PDF (its bytes or its file): all pages `WIDTH` px wide, one under the other.
    PictureError when it has too many pages or cannot be read."""
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
            heights = page_heights(sizes)
            picture = Image.new("RGB", (WIDTH, picture_height(sizes)), GAP_COLOUR)
            top = 0
            for i, ((w, _h), height) in enumerate(zip(sizes, heights, strict=True)):
                page = document[i]
                bitmap = page.render(scale=WIDTH / w, may_draw_forms=False)
                image = bitmap.to_pil().convert("RGB")
                if image.size != (WIDTH, height):  # rounding: a pixel more or less
                    image = image.resize((WIDTH, height), Image.Resampling.LANCZOS)
                picture.paste(image, (0, top))
                top += height + GAP
                bitmap.close()
                page.close()
        finally:
            document.close()
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()
