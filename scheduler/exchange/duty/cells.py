"""What one cell of a duty roster says: its text (NFKC, trimmed), a weekday, a header's day
("1", "1日", "12-01", "12月1日", "2026-11-01", a date; the weekday before or after it), a year
and month or a date range named in a title, a name or staff-number column's heading. Pure."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scheduler.plan.fields import field_of
from scheduler.plan.validation import date_in_range


@functools.lru_cache(maxsize=4096)
def nfkc(value: str) -> str:
    # Cached: a file may repeat one long string in many cells (a shared string), normalised once.
    return unicodedata.normalize("NFKC", value).strip()


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:
        return value.strip() if value.isascii() else nfkc(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


_WEEKDAY_WORDS = {
    **{w: i for i, w in enumerate("一二三四五六日")},
    "天": 6,
    "七": 6,
    **{w: i for i, w in enumerate(("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"))},
    **{w: i for i, w in enumerate(("MO", "TU", "WE", "TH", "FR", "SA", "SU"))},
    **{
        w: i
        for i, w in enumerate(("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"))
    },
}
_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)?([一二三四五六日天七]|[A-Z]{2,9})\.?$")


def weekday_of(text: str) -> int | None:
    m = _WEEKDAY.match(re.sub(r"[\s()（）]", "", text).upper())
    return _WEEKDAY_WORDS.get(m.group(1)) if m else None


_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_DAY = re.compile(r"^(\d{1,2})\s*[日号]?$")


@dataclass(frozen=True, slots=True)
class HeaderDay:
    day: int
    month: int | None = None  # given by the cell ("11-01")
    year: int | None = None  # given by the cell ("2026-11-01", a date)
    weekday: int | None = None  # a weekday written in the same cell ("1\n周一")


def day_cell(value: Any) -> HeaderDay | None:
    """What a header cell says about its day, or None when it is not a day."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return HeaderDay(value.day, value.month, value.year)
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        n = int(value)
        return HeaderDay(n) if 1 <= n <= 31 else None
    text = cell_text(value)
    if not text or len(text) > 30:
        return None
    # "1 周一", "1\n一", "1(一)": the day first, its weekday after it
    parts = [p for p in re.split(r"[\s()（）]+", text) if p]
    weekday = None
    if len(parts) == 2:  # "1 周一", or the weekday first: "周一\n12月7日"
        weekday = weekday_of(parts[1])
        text = parts[0]
        if weekday is None:
            weekday = weekday_of(parts[0])
            text = parts[1]
        if weekday is None:
            return None
    elif len(parts) > 2:
        return None
    m = _FULL_DATE.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return HeaderDay(d, mo, y, weekday) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = _MONTH_DAY.match(text)
    if m:
        mo, d = (int(g) for g in m.groups())
        return HeaderDay(d, mo, None, weekday) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = _DAY.match(text)
    if m:
        d = int(m.group(1))
        return HeaderDay(d, None, None, weekday) if 1 <= d <= 31 else None
    return None


_YEAR_MONTH = re.compile(r"(20\d{2}|21\d{2})\s*(?:年|[-/.])\s*(\d{1,2})(?!\d)")
MONTH_ONLY = re.compile(r"(?<!\d)(\d{1,2})\s*月")


def month_in(texts: Iterable[str]) -> date | None:
    """The first year and month a title or file name names ("2026年12月", "2026-12")."""
    for text in texts:
        for m in _YEAR_MONTH.finditer(text):
            y, mo = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and date_in_range(date(y, mo, 1)):
                return date(y, mo, 1)
    return None


def year_in(texts: Iterable[str]) -> int | None:
    for text in texts:
        m = re.search(r"(?<!\d)(20\d{2}|21\d{2})(?!\d)", text)
        if m and date_in_range(date(int(m.group(1)), 1, 1)):
            return int(m.group(1))
    return None


def norm_name(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_NAME_HEADERS = ("姓名", "名字", "人员", "职工", "员工", "医生", "护士", "name", "fullname", "staff")
# The staff-number headers of the staff sheet, and the short ones a duty grid uses beside them.
_NUMBER_HEADERS = (*field_of("staff", "id").headers, "number", "no")


def header_kind(value: Any) -> str | None:
    h = re.sub(r"[\s_\-（）()*：:.]", "", cell_text(value)).lower()
    if not h:
        return None
    if h in _NUMBER_HEADERS or any(len(n) > 1 and n in h for n in _NUMBER_HEADERS[:6]):
        return "number"
    if h in _NAME_HEADERS or "姓名" in h:
        return "name"
    return None


_TITLE_RANGE = re.compile(
    r"(?:(\d{4})\s*[年/.-]\s*)?(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*[日号]?\s*[-—–~～至到]+\s*"
    r"(?:(\d{4})\s*[年/.-]\s*)?(?:(\d{1,2})\s*[月/.-]\s*)?(\d{1,2})\s*[日号]?"
)


def title_range(
    texts: Iterable[str], year: int | None, month: date | None = None
) -> tuple[date, date] | None:
    """The date range a title states ("12月7日—12月13日", "2026.11.26-2026.12.25"). A range that
    names no year and crosses one (12月28日—1月3日) is placed around the month given: with
    January 2027 it runs from 28 December 2026."""
    for text in texts:
        for m in _TITLE_RANGE.finditer(text):
            y0 = int(m.group(1)) if m.group(1) else year
            if y0 is None:
                continue
            mo0, d0 = int(m.group(2)), int(m.group(3))
            mo1 = int(m.group(5)) if m.group(5) else mo0
            d1 = int(m.group(6))
            crosses = mo1 < mo0
            if not m.group(1) and not m.group(4) and crosses and month is not None and month.month == mo1:
                y0 = month.year - 1
            y1 = int(m.group(4)) if m.group(4) else y0 + (1 if crosses else 0)
            try:
                a, b = date(y0, mo0, d0), date(y1, mo1, d1)
            except ValueError:
                continue
            if a <= b and (b - a).days <= 62 and date_in_range(a) and date_in_range(b):
                return a, b
    return None


WEEK_HEADING = re.compile(r"^第\s*[0-9一二三四五六七八九十]{1,3}\s*周")


def is_week_heading(row: Sequence[Any]) -> bool:
    """Whether one of a row's first cells is a week's heading (第N周)."""
    return any(WEEK_HEADING.match(cell_text(v)) for v in row[:3] if v is not None)
