"""The frame every printed document shares: A4, the shipped CJK font embedded and subset, the
hospital's name, title, date range and printing time in the header, "x / y" in the footer.

reportlab's Paragraph reads its text as markup, so user text reaches a Paragraph only through
`para`, which escapes it (a name is text, never markup: `<img …>` prints as written) and, in a
table cell, shortens it with an ellipsis so that no row is taller than a page.

Lines break where a reader expects them to (`may_break`): between Chinese characters, at spaces,
never inside an English word or a number unless that word alone is wider than its line.
reportlab's own CJK wrapping breaks anywhere, and it looks back for a space only over the last
half of a line, so "Nobody assigned yet" came out as "Nobody assig / ned yet"; its Western wrapping
breaks only at spaces, so a Chinese name glued to an English word was cut inside the word."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

from reports.text import ELLIPSIS, REPLACEMENT, clean, one_line, shorten
from resources import FONT_FILE, TRANSLATIONS

FONT = "WQYMicroHei"

# The tallest a table cell may grow: a row this tall, with the header row and a caption repeated
# above it, still fits on an empty A4 page in landscape (frame 180 mm = 510 pt, less paddings, a
# two-line header and a two-line caption), so a table never meets a row it cannot place
# (reportlab's LayoutError).
CELL_MAX_HEIGHT = 400.0
CELL_PADDING = 6.0  # reportlab's default left and right cell padding
ROW_PADDING = 3.0  # above and below a cell's text
HEADING_LIMIT = 300  # characters of user text in a heading; a longer name is shortened


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


# Punctuation that may not begin a line (a closing bracket, a comma, a colon) or end one (an
# opening bracket): reportlab's lists, with the full-width marks it lacks that Chinese text uses.
_NO_START = frozenset(ALL_CANNOT_START + "：；，！？）》」』】〕〉…%")
_NO_END = frozenset(ALL_CANNOT_END + "（《「『【〔〈")
_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")


@lru_cache(maxsize=65536)
def _wide(char: str) -> bool:
    """A character of Chinese (or Japanese, Korean) text, a line may break on either side of it."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _space(char: str) -> bool:
    return char.isspace() and char not in _NO_BREAK_SPACES


def may_break(before: str, after: str) -> bool:
    """Whether a line may break between two characters: after a space; before or after a Chinese
    character unless punctuation forbids it; nowhere else, so an English word, a number or a time
    ("18:00–21:00") stays whole (a simplified form of Unicode's line breaking rules, UAX #14)."""
    if len(before) != 1 or len(after) != 1 or _space(after):
        return False
    if _space(before):
        return True
    if after in _NO_START or before in _NO_END:
        return False
    return _wide(before) or _wide(after)


def words(text: str) -> list[str]:
    """`text` cut where a line may break, each piece without its trailing spaces: the parts a
    line keeps whole (a word, a Chinese character with its punctuation)."""
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or text[i - 1] == "\n" or may_break(text[i - 1], text[i]):
            piece = text[start:i].rstrip()
            if piece:
                out.append(piece)
            start = i
    return out


def _break_lines(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """The lines of a paragraph: as many characters on each as fit, broken at the last place
    `may_break` allows; a word wider than a whole line is broken where the line is full. Spaces
    at the end of a line hang past its edge and are left out."""
    chars: list[Any] = []
    for f in frags:
        if f.text:
            chars.extend(cjkU(c, f, "utf8") for c in f.text)
        else:
            chars.append(cjkU(f.text, f, "utf8"))  # a line break, or an empty fragment
    lines: list[Any] = []
    start, n = 0, len(chars)
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, cut, inked, i = 0.0, 0, False, start
        forced = False
        while i < n:
            u = chars[i]
            if hasattr(u.frag, "lineBreak"):
                forced = True
                i += 1
                break
            if inked and may_break(chars[i - 1], u):
                cut = i
            if i > start and not _space(u) and used + u.width > max_width + _FUZZ:
                break
            used += u.width
            inked = inked or not _space(u)
            i += 1
        overflow = not forced and i < n
        # At the last place a line may break; a word longer than the line where the line is full.
        end = cut if overflow and cut > start else i
        content = chars[start:end]
        if not forced:
            while len(content) > 1 and _space(content[-1]):
                content.pop()
        width = sum(u.width for u in content)
        lines.append(makeCJKParaLine(content, max_width, width, max_width - width, forced, calc_bounds))
        start = end
    return ParaLines(kind=1, lines=lines)


class _Text(Paragraph):
    """A Paragraph broken into lines by `_break_lines` (see the module's note); its style's
    wordWrap is "CJK", which is what makes reportlab ask `breakLinesCJK`."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 (reportlab's names)
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return self.blPara  # the first part of a split paragraph keeps its lines
        if not self.frags or self.bulletText or self.style.endDots:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return _break_lines(self.frags, widths, auto not in ("", "off"))


_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")


@cache
def _glyphs() -> frozenset[int]:
    register_font()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def printable(value: Any) -> str:
    """`clean(value)` as printed: each character the embedded font has no glyph for (an emoji,
    Arabic, a rare CJK extension character) as U+FFFD, a visible mark instead of an empty space,
    and a space it lacks (a tab) as a plain space; blank lines dropped (a run of line breaks is
    one), so that they cannot push the text out."""
    text = clean(value)
    if "\n" in text:
        text = _BLANK_LINES.sub("\n", text.strip("\n"))
    glyphs = _glyphs()
    if all(ord(c) in glyphs or c == "\n" for c in text):
        return text
    return "".join(_stand_in(c) if ord(c) not in glyphs and c != "\n" else c for c in text)


def _stand_in(char: str) -> str:
    # A space of a kind the font lacks (a tab, a line separator) would be drawn as an empty box.
    return " " if char.isspace() else REPLACEMENT


def markup(value: Any) -> str:
    """User text as Paragraph markup that shows it literally: escaped, its line breaks kept."""
    return escape(printable(value)).replace("\n", "<br/>")


def para(
    value: Any,
    style: ParagraphStyle,
    limit: int | None = None,
    width: float | None = None,
    max_height: float | None = None,
) -> Paragraph:
    """The one door from user text to a Paragraph (see the module's note): at most `limit`
    characters, and, given the width it will get, at most `max_height` tall, the text cut short
    with an ellipsis where it would be taller."""
    text = printable(value)
    if limit is not None:
        text = shorten(text, limit)
    if width is None or max_height is None:
        return _Text(markup(text), style)
    return _fit(text, style, max(width, 1.0), max_height)


def heading(parts: Iterable[Any], style: ParagraphStyle) -> Paragraph:
    """A heading of user text parts joined by " · " on one line (wrapped where long), each part
    shortened so that every part shows."""
    texts = [printable(one_line(x)) for x in parts]
    each = max(HEADING_LIMIT // max(len(texts), 1), 20)
    return para(" · ".join(shorten(x, each) for x in texts), style)


def _height(text: str, style: ParagraphStyle, width: float) -> float:
    return _Text(markup(text), style).wrap(width, 1e9)[1]


@lru_cache(maxsize=65536)
def _advance(char: str, size: float) -> float:
    return pdfmetrics.stringWidth(char, FONT, size)


def _fit(text: str, style: ParagraphStyle, width: float, max_height: float) -> Paragraph:
    lines = max(int(max_height // (style.leading or style.fontSize * 1.2)), 1)
    widths = [_advance(c, style.fontSize) for c in text]
    # Surely fits: even with every line half empty (a line breaks before a word that does not fit,
    # and a word longer than a line is broken), the text takes fewer lines than there are.
    if 2 * sum(widths) / width + text.count("\n") + 1 <= lines:
        return _Text(markup(text), style)
    # Where the lines would run out if they broke anywhere (as they do in Chinese), leaving room
    # for the ellipsis; then, since breaking at spaces wastes some room, shorter until it fits.
    # (Laying out a paragraph is slow: this takes one or two layouts where a bisection takes ten.)
    n = _chars_in_lines(text, widths, width - _advance(ELLIPSIS, style.fontSize), lines)
    if n >= len(text) and _height(text, style, width) <= max_height:
        return _Text(markup(text), style)
    while n > 0:
        shortened = text[:n].rstrip() + ELLIPSIS
        height = _height(shortened, style, width)
        if height <= max_height:
            return _Text(markup(shortened), style)
        n = min(int(n * max_height / height * 0.98), n - 1)  # by as much as it is too tall
    return _Text(markup(ELLIPSIS), style)


def _chars_in_lines(text: str, widths: list[float], width: float, lines: int) -> int:
    """How many characters of `text` fill `lines` lines of `width` when a line may break anywhere."""
    line, used = 1, 0.0
    for i, (c, w) in enumerate(zip(text, widths, strict=True)):
        if c == "\n" or used + w > width:
            line, used = line + 1, (0.0 if c == "\n" else w)
            if line > lines:
                return i
        else:
            used += w
    return len(text)


def fit_width(text: str, size: float, width: float) -> str:
    """One line of user text for the page header: shortened with an ellipsis to `width` points."""
    text = printable(text).replace("\n", " ")
    if pdfmetrics.stringWidth(text, FONT, size) <= width:
        return text
    fits, too_long = 0, len(text)
    while too_long - fits > 1:
        mid = (fits + too_long) // 2
        if pdfmetrics.stringWidth(text[:mid] + ELLIPSIS, FONT, size) <= width:
            fits = mid
        else:
            too_long = mid
    return text[:fits].rstrip() + ELLIPSIS


HEADER_BLUE = colors.HexColor("#2f4a6d")
GRID_GREY = colors.HexColor("#9aa5b1")
# A column holding a long unbreakable word (a hostile name of 3,000 letters) grows to at most a
# quarter of the table for it; the rest of the word is broken.
WORD_SHARE = 0.25


def _text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def _least_width(value: Any, size: float, whole: bool) -> float:
    """The narrowest a cell's text can be laid out without breaking a word (or, `whole`, a line)."""
    if isinstance(value, Flowable):
        return 0.0
    text = printable(value)
    pieces = text.split("\n") if whole else words(text)
    return max((_text_width(p, size) for p in pieces), default=0.0)


def fit_columns(widths: list[float], least: list[float]) -> list[float]:
    """`widths` with each column widened to at least `least` (its header, its longest word), the
    room taken from the columns that have more than they need, in proportion to what they can
    spare; the total stays the same. Where even that cannot give every column its least, each
    gets a share of the total in proportion to its least."""
    total = sum(widths)
    if sum(least) > total:
        return [total * x / sum(least) for x in least]
    out = [max(w, x) for w, x in zip(widths, least, strict=True)]
    excess = sum(out) - total
    spare = [o - x for o, x in zip(out, least, strict=True)]
    if excess > 0:
        out = [o - excess * s / sum(spare) for o, s in zip(out, spare, strict=True)]
    return out


class _Table(Table):
    """A Table whose first row, a caption, reads `continued` on each page after the first."""

    continued: Flowable | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self.continued is not None:
            rest = parts[1]
            # A new first row: the old one is shared with the part on the page before.
            rest._cellvalues[0] = [self.continued, *rest._cellvalues[0][1:]]
            rest.continued = self.continued
        return parts


def table(
    header: list[str],
    rows: list[list[Any]],
    widths: list[float],
    st: dict[str, ParagraphStyle],
    min_row_height: float | None = None,
    caption: str | None = None,
    continued: str | None = None,
    whole: Iterable[int] = (),
) -> Table:
    """A table whose header repeats on every page, long text wrapped, rows never split.

    The columns get `widths`, except that each is widened (the others giving up room) to show its
    header on one line and its longest word unbroken, and, for the columns `whole` names, each of
    its lines unbroken (a date, a time). A `caption` (a heading of user text, one or two lines)
    stands above the header and repeats with it on the next page, there reading `continued`.
    Rows are at least `min_row_height` tall (room to write by hand), their text in the middle."""
    head, body = st["head"], st["body"]
    widths = _column_widths(header, rows, widths, st, set(whole))

    def cell(v: Any, style: ParagraphStyle, width: float) -> Any:
        if isinstance(v, Flowable):
            return v
        return para(v, style, width=width - 2 * CELL_PADDING, max_height=CELL_MAX_HEIGHT)

    data = [[cell(h, head, w) for h, w in zip(header, widths, strict=True)]] + [
        [cell(v, body, w) for v, w in zip(r, widths, strict=True)] for r in rows
    ]
    heights = _row_heights(data, widths, min_row_height)
    top = 0  # the header's row
    if caption is not None:
        data.insert(0, [_caption(caption, st, widths)] + [""] * (len(widths) - 1))
        if heights is not None:
            heights.insert(0, None)
        top = 1
    t = _Table(data, colWidths=widths, rowHeights=heights, repeatRows=top + 1, splitInRow=0)
    if caption is not None:
        t.continued = _caption(continued if continued is not None else caption, st, widths)
    t.setStyle(TableStyle(_table_style(top, caption is not None, min_row_height is not None)))
    return t


def _column_widths(
    header: list[str],
    rows: list[list[Any]],
    widths: list[float],
    st: dict[str, ParagraphStyle],
    keep: set[int],
) -> list[float]:
    """`widths` fitted so that each column shows its header on one line and its longest word
    (for the columns `keep` names, each of its lines) unbroken."""
    head, body = st["head"], st["body"]
    least = [
        max(
            [
                _text_width(printable(h), head.fontSize),
                *(
                    min(_least_width(r[i], body.fontSize, i in keep), max(w, WORD_SHARE * sum(widths)))
                    for r in rows
                ),
            ]
        )
        + 2 * CELL_PADDING
        + 1.0  # reportlab's rounding
        for i, (h, w) in enumerate(zip(header, widths, strict=True))
    ]
    return fit_columns(widths, least)


def _row_heights(
    data: list[list[Any]], widths: list[float], min_row_height: float | None
) -> list[float | None] | None:
    """The rows' heights when rows have a least height (the header's as it comes), else None."""
    if min_row_height is None:
        return None
    return [None] + [
        max(
            min_row_height,
            max(c.wrap(w - 2 * CELL_PADDING, 1e9)[1] for c, w in zip(r, widths, strict=True))
            + 2 * ROW_PADDING,
        )
        for r in data[1:]
    ]


def _caption(text: str, st: dict[str, ParagraphStyle], widths: list[float]) -> Flowable:
    """A table's caption across all its columns: two lines at most, so that a row and the
    caption fit on a page."""
    h2 = st["h2"]
    return para(text, h2, HEADING_LIMIT, width=sum(widths) - 2 * CELL_PADDING, max_height=2 * h2.leading)


def _table_style(top: int, captioned: bool, tall_rows: bool) -> list[tuple[Any, ...]]:
    """The grid, the header's colour and the paddings; the caption's row spans the table; rows
    with a least height have their text in the middle."""
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, top), (-1, top), HEADER_BLUE),
        ("GRID", (0, top), (-1, -1), 0.4, GRID_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, top + 1), (-1, -1), [colors.white, colors.HexColor("#f3f6f9")]),
        ("TOPPADDING", (0, 0), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PADDING),
    ]
    if captioned:
        style += [
            ("SPAN", (0, 0), (-1, 0)),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
        ]
    if tall_rows:
        style.append(("VALIGN", (0, top + 1), (-1, -1), "MIDDLE"))
    return style


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
            half = (w - 30 * mm) / 2 - 4 * mm
            self.drawString(15 * mm, h - 10 * mm, fit_width(frame.hospital, 8, half))
            self.drawRightString(
                w - 15 * mm, h - 10 * mm, fit_width(f"{frame.title} · {frame.period}", 8, half)
            )
            self.setStrokeColor(colors.HexColor("#9aa5b1"))
            self.line(15 * mm, h - 12 * mm, w - 15 * mm, h - 12 * mm)
            t = frame.t
            printed = t("Printed %1").replace("%1", f"{frame.printed:%Y-%m-%d %H:%M}")
            self.drawString(15 * mm, 8 * mm, printed)
            self.drawRightString(w - 15 * mm, 8 * mm, f"{self._pageNumber} / {total}")

    return NumberedCanvas


def build(out: str | Path | BinaryIO, frame: Frame, story: list[Flowable], wide: bool = False) -> None:
    """Lay out and write the document. Space or a page break at the end of the story is left
    out: where the last table ends at the foot of a page, it would make a blank last page."""
    while story and isinstance(story[-1], Spacer | PageBreak):
        story = story[:-1]
    register_font()
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(
        out if not isinstance(out, Path) else str(out),
        pagesize=size,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=16 * mm,
        bottomMargin=14 * mm,
        title=shorten(clean(frame.title), HEADING_LIMIT),
        author=shorten(clean(frame.hospital), HEADING_LIMIT),
    )
    doc.build(story, canvasmaker=_numbered_canvas(frame, size))
