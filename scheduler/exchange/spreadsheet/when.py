"""The dates and times a form's answers give: "12月5日 下午", "2026-12-05 9:00-11:00", an Excel
serial date whose format was lost, a submission time. See docs/sheets.md."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.exchange.spreadsheet.values import cell_text

_DATE_TEXT = re.compile(r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(.*)$")
_CLOCK = r"(\d{1,2})\s*(?:[:：点时]\s*(\d{2})?\s*分?)"
_TIME_TEXT = re.compile(rf"^{_CLOCK}\s*(?:[-~～至到—–]+\s*{_CLOCK}?)?$")
_PARTS_OF_DAY = {
    "上午": (time(9, 0), time(11, 30)),
    "早上": (time(9, 0), time(11, 30)),
    "中午": (time(12, 0), time(13, 30)),
    "下午": (time(14, 30), time(17, 0)),
    "晚上": (time(19, 0), time(21, 0)),
    "傍晚": (time(18, 0), time(20, 0)),
    "全天": (time(9, 0), time(17, 0)),
    "morning": (time(9, 0), time(11, 30)),
    "afternoon": (time(14, 30), time(17, 0)),
    "evening": (time(19, 0), time(21, 0)),
}
DEFAULT_START = time(9, 0)  # a preferred date without a time
DEFAULT_MINUTES = 120  # a preferred time without an end, for a service without a duration


def time_span(text: str) -> tuple[time, time | None] | None:
    """A time of day or span: "9:00", "09:00-11:00", "14点", "下午"; None when not one."""
    t = unicodedata.normalize("NFKC", text).strip().lower()
    if not t:
        return None
    afternoon = False
    for word, span in _PARTS_OF_DAY.items():
        if t.startswith(word):
            if not re.search(r"\d", t):
                return span
            afternoon = span[0].hour >= 12  # "下午2:30"
            t = t[len(word) :].strip()
            break
    got = _clock_span(t)
    if got is None or not afternoon:
        return got
    start, end = got
    return (
        time((start.hour + 12) % 24, start.minute) if start.hour < 12 else start,
        time((end.hour + 12) % 24, end.minute) if end is not None and end.hour < 12 else end,
    )


def _clock_span(t: str) -> tuple[time, time | None] | None:
    m = _TIME_TEXT.match(re.sub(r"\s+", " ", t.replace("：", ":")))
    if not m:
        m2 = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", t)
        if not m2:
            return None
        h, mi = int(m2.group(1)), int(m2.group(2))
        return (time(h, mi), None) if h < 24 and mi < 60 else None
    h0, m0, h1, m1 = m.groups()
    if int(h0) > 23 or int(m0 or 0) > 59:
        return None
    start = time(int(h0), int(m0 or 0))
    if h1 is None:
        return start, None
    if int(h1) > 23 or int(m1 or 0) > 59:
        return None
    return start, time(int(h1), int(m1 or 0))


def date_and_time(value: Any, year: int) -> tuple[date, tuple[time, time | None] | None] | None:
    """A date (and a time or span written with it) from a cell; `year` for "12月5日"."""
    if isinstance(value, datetime):
        return value.date(), ((value.time(), None) if value.time() != time() else None)
    if isinstance(value, date):
        return value, None
    serial = _serial(value)
    if serial is not None:
        return (serial.date(), (serial.time(), None) if serial.time() != time() else None)
    text = unicodedata.normalize("NFKC", cell_text(value))
    m = _DATE_TEXT.match(text)
    if not m:
        return None
    y, mo, d, rest = m.groups()
    try:
        day = date(int(y) if y else year, int(mo), int(d))
    except ValueError:
        return None
    rest = rest.strip()
    if not rest:
        return day, None
    span = time_span(rest)
    return (day, span) if span is not None else None


def _serial(value: Any) -> datetime | None:
    """An Excel serial date (46376 = 2026-12-20; 46376.5 its noon) in a number cell whose date
    format was lost: 2000-01-01 to 2099-12-31 only (a count of people is far below)."""
    if type(value) not in (int, float) or not 36526 <= value < 73051:
        return None
    return datetime(1899, 12, 30) + timedelta(minutes=round(value * 24 * 60))


def received_at(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    serial = _serial(value)
    if serial is not None:
        return serial
    if isinstance(value, date):
        return datetime.combine(value, time())
    text = cell_text(value)
    if not re.match(r"^\D*\d{4}", text):  # a receipt time names its year
        return None
    found = date_and_time(text, 2000)
    if found is None:
        return None
    day, span = found
    return datetime.combine(day, span[0] if span else time())
