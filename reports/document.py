"""The frame every printed document shares: A4, the shipped CJK font embedded and subset, the
hospital's name, title, date range and printing time in the header, "x / y" in the footer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from resources import FONT_FILE, TRANSLATIONS

FONT = "WQYMicroHei"


@cache
def register_font() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
    return FONT


@cache
def _catalogue(lang: str) -> dict[str, str]:
    path = TRANSLATIONS / f"outreach_{lang}.ts"
    if not path.exists():
        return {}
    out = {}
    for m in ET.parse(path).getroot().iter("message"):
        t = m.find("translation")
        if t is not None and t.text and t.get("type") not in ("unfinished", "obsolete", "vanished"):
            out[m.findtext("source") or ""] = t.text
    return out


def translator(lang: str) -> Callable[[str], str]:
    """The app's own catalogue (the .ts the GUI uses), read without Qt."""
    table = _catalogue(lang) if lang != "en" else {}
    return lambda text: table.get(text, text)


@dataclass(frozen=True)
class Frame:
    hospital: str
    title: str
    period: str
    printed: datetime
    t: Callable[[str], str]


def styles() -> dict[str, ParagraphStyle]:
    register_font()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=base, fontSize=9, leading=12, textColor=colors.white),
        "h1": ParagraphStyle("h1", parent=base, fontSize=15, leading=20, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=15, spaceBefore=8, spaceAfter=3),
    }


def table(
    header: list[str],
    rows: list[list[Any]],
    widths: list[float],
    st: dict[str, ParagraphStyle],
    row_height: float | None = None,
) -> Table:
    """A table whose header repeats on every page, long text wrapped, rows never split."""

    def cell(v: Any, style: ParagraphStyle) -> Any:
        if isinstance(v, Flowable):
            return v
        text = "" if v is None else str(v)
        return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br/>"), style)

    data = [[cell(h, st["head"]) for h in header]] + [[cell(v, st["body"]) for v in r] for r in rows]
    heights = None if row_height is None else [None] + [row_height] * len(rows)
    t = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1, splitInRow=0)
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2f4a6d")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f6f9")]),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def _numbered_canvas(frame: Frame, page_size: tuple[float, float]) -> type:
    class NumberedCanvas(rl_canvas.Canvas):
        """Draws header and footer once the page count is known ("x / y")."""

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            w, h = page_size
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#404040"))
            self.drawString(15 * mm, h - 10 * mm, frame.hospital)
            self.drawRightString(w - 15 * mm, h - 10 * mm, f"{frame.title} · {frame.period}")
            self.setStrokeColor(colors.HexColor("#9aa5b1"))
            self.line(15 * mm, h - 12 * mm, w - 15 * mm, h - 12 * mm)
            t = frame.t
            printed = t("Printed %1").replace("%1", f"{frame.printed:%Y-%m-%d %H:%M}")
            self.drawString(15 * mm, 8 * mm, printed)
            self.drawRightString(w - 15 * mm, 8 * mm, f"{self._pageNumber} / {total}")

    return NumberedCanvas


def build(out: str | Path | BinaryIO, frame: Frame, story: list[Flowable], wide: bool = False) -> None:
    """Lay out and write the document."""
    register_font()
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(
        out if not isinstance(out, Path) else str(out),
        pagesize=size,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=16 * mm,
        bottomMargin=14 * mm,
        title=frame.title,
        author=frame.hospital,
    )
    doc.build(story, canvasmaker=_numbered_canvas(frame, size))
