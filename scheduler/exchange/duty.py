"""Duty rosters in: a department's duty grid (排班表 / 值班表: people × days, a shift code in each
cell) read into unavailability. Pure: the sheet's cells, the plan, the shift codes, the clinical
hours and (when the sheet does not say) the month and department are passed in.

How a grid is found: a header is a row of day cells (day numbers 1–31, "1日", "12-01", "12月1日",
"2026-11-01" or real dates, the weekday before or after in the same cell): the first within the
first rows (at least seven days), then every further one (a week stacked under the last, often
under a 第N周 row). A weekday row just under (or over) a header is checked against the dates: one
column that disagrees refuses the file, naming it. Plain day numbers are placed by the title's
date range ("11月26日-12月25日"), else by the month given or named; days that wrap (26…31, 1…25)
are placed by the weekday row, and without one the file is refused naming both readings. A
legend (班次说明 / 注 / 备注) adds the codes it states for this import (the office's own codes
win). Rows that are not people (the legend, 制表人, 签名, 合计) are skipped and listed. People are
found by staff number or, failing that, by name within the department. An unknown code refuses
its cell only, an unknown or ambiguous person their row only; nothing is guessed."""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.exchange.duty_codes import (  # noqa: F401  (said here too: the readers' one door)
    _CODE_SEPARATORS,
    _TIME,
    DEFAULT_CODES,
    DEFAULT_SHIFT_CODES,
    MEANINGS,
    N_,
    LegendEntry,
    Shift,
    legend_codes,
    looks_like_legend,
    normalize_code,
    own_codes,
    read_legend,
    read_shift_codes,
    shift_code_problems,
)
from scheduler.exchange.spreadsheet import SYNONYMS
from scheduler.plan.model import CLINICAL_HOURS, Plan, Staff, Unavailability
from scheduler.plan.validation import EARLIEST_DATE, LATEST_DATE, date_in_range


class DutyError(ValueError):
    """A grid that cannot be read at all (no day header, month or department unknown, a weekday
    row that disagrees with the dates): nothing of it is taken. `reason` is a template with
    {value} (and the detail's keys) for the edge to translate."""

    def __init__(self, reason: str, value: str = "", detail: tuple[tuple[str, str], ...] = ()):
        self.reason = reason
        self.value = value
        self.detail = detail
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.reason).format(value=self.value, **dict(self.detail))


@dataclass(frozen=True, slots=True)
class Refusal:
    """A row or a cell not taken: where (the sheet's 1-based row, the column's letter, or ""
    for a whole row), what it held and why (a template with {value} and the detail's keys)."""

    row: int
    column: str
    value: str
    reason: str
    detail: tuple[tuple[str, str], ...] = ()

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.reason).format(value=self.value, **dict(self.detail))


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row that is not a person (a legend, a signature, totals, a week's heading): listed, not
    refused. `reason` is a template."""

    row: int
    text: str
    reason: str


@dataclass(slots=True)
class DutyPerson:
    row: int  # 1-based row in the sheet
    number: str
    name: str
    staff: str | None  # the person found, None when the row is refused
    cells: dict[date, str] = field(default_factory=dict)  # the cell's text per day (non-empty)
    refused_days: set[date] = field(default_factory=set)
    block: int = 0
    dates: tuple[date, ...] = ()  # the days of this row's block


@dataclass(frozen=True, slots=True)
class Block:
    """One header with its people: a month grid has one, stacked weeks one each."""

    header_row: int  # 0-based
    weekday_row: int | None
    name_column: int | None
    number_column: int | None
    days: tuple[tuple[int, date], ...]  # (column index, date) in the sheet's order


@dataclass(slots=True)
class DutyRoster:
    """A grid read: its blocks and days, the people with their cells, what was refused and
    skipped, the legend, and the unavailability to save (every entry marked with `source` and
    the roster's department and the day it was read from)."""

    department: str
    month: date  # the first day of the month most of its days fall in
    blocks: list[Block]
    people: list[DutyPerson]
    refusals: list[Refusal]
    entries: list[Unavailability]
    skipped: list[Skipped] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    codes: dict[str, Shift] = field(default_factory=dict)  # the codes this import read with

    @property
    def header_row(self) -> int:
        return self.blocks[0].header_row

    @property
    def weekday_row(self) -> int | None:
        return self.blocks[0].weekday_row

    @property
    def name_column(self) -> int | None:
        return self.blocks[0].name_column

    @property
    def number_column(self) -> int | None:
        return self.blocks[0].number_column

    @property
    def days(self) -> list[tuple[int, date]]:
        return [d for b in self.blocks for d in b.days]

    @property
    def dates(self) -> list[date]:
        return sorted(d for _c, d in self.days)

    @property
    def taken(self) -> list[DutyPerson]:
        return [p for p in self.people if p.staff is not None]


def roster_tag(department: str, day: date) -> dict[str, str]:
    """What marks an entry as taken from a duty roster (Unavailability.extra["roster"]): the
    department and the day of the roster it was read from (a night's rest belongs to the night)."""
    return {"department": department, "day": day.isoformat()}


def roster_day(u: Unavailability) -> date | None:
    """The roster day an imported entry was read from (None: not from a duty roster). Entries of
    the earlier format (department and month) count from their start."""
    tag = u.extra.get("roster")
    if not isinstance(tag, dict):
        return None
    day = tag.get("day")
    if isinstance(day, str):
        try:
            return date.fromisoformat(day)
        except ValueError:
            return None
    return u.start.date()


def column_runs(days: list[tuple[int, date]]) -> list[tuple[int, int, date, date]]:
    """Runs of neighbouring columns on following dates: (first column, last column, from, to)."""
    out: list[list[Any]] = []
    for col, day in days:
        last = out[-1] if out else None
        if last is not None and col == last[1] + 1 and (day - last[3]).days == 1:
            last[1], last[3] = col, day
        else:
            out.append([col, col, day, day])
    return [(a, b, d0, d1) for a, b, d0, d1 in out]


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def column_index(letter: str) -> int:
    """The 0-based index of a spreadsheet column letter (A → 0, AA → 26)."""
    n = 0
    for ch in letter.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


# -- reading cells


@functools.lru_cache(maxsize=4096)
def _nfkc(value: str) -> str:
    # Cached: a file may repeat one long string in many cells (a shared string), normalised once.
    return unicodedata.normalize("NFKC", value).strip()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:
        return value.strip() if value.isascii() else _nfkc(value)
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


def _weekday(text: str) -> int | None:
    m = _WEEKDAY.match(re.sub(r"[\s()（）]", "", text).upper())
    return _WEEKDAY_WORDS.get(m.group(1)) if m else None


_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_DAY = re.compile(r"^(\d{1,2})\s*[日号]?$")


@dataclass(frozen=True, slots=True)
class _Day:
    day: int
    month: int | None = None  # given by the cell ("11-01")
    year: int | None = None  # given by the cell ("2026-11-01", a date)
    weekday: int | None = None  # a weekday written in the same cell ("1\n周一")


def _day_cell(value: Any) -> _Day | None:
    """What a header cell says about its day, or None when it is not a day."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _Day(value.day, value.month, value.year)
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        n = int(value)
        return _Day(n) if 1 <= n <= 31 else None
    text = _text(value)
    if not text or len(text) > 30:
        return None
    # "1 周一", "1\n一", "1(一)": the day first, its weekday after it
    parts = [p for p in re.split(r"[\s()（）]+", text) if p]
    weekday = None
    if len(parts) == 2:  # "1 周一", or the weekday first: "周一\n12月7日"
        weekday = _weekday(parts[1])
        text = parts[0]
        if weekday is None:
            weekday = _weekday(parts[0])
            text = parts[1]
        if weekday is None:
            return None
    elif len(parts) > 2:
        return None
    m = _FULL_DATE.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return _Day(d, mo, y, weekday) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = _MONTH_DAY.match(text)
    if m:
        mo, d = (int(g) for g in m.groups())
        return _Day(d, mo, None, weekday) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = _DAY.match(text)
    if m:
        d = int(m.group(1))
        return _Day(d, None, None, weekday) if 1 <= d <= 31 else None
    return None


_YEAR_MONTH = re.compile(r"(20\d{2}|21\d{2})\s*(?:年|[-/.])\s*(\d{1,2})(?!\d)")
_MONTH_ONLY = re.compile(r"(?<!\d)(\d{1,2})\s*月")


def _month_in(texts: Iterable[str]) -> date | None:
    """The first year and month a title or file name names ("2026年12月", "2026-12")."""
    for text in texts:
        for m in _YEAR_MONTH.finditer(text):
            y, mo = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and date_in_range(date(y, mo, 1)):
                return date(y, mo, 1)
    return None


def _year_in(texts: Iterable[str]) -> int | None:
    for text in texts:
        m = re.search(r"(?<!\d)(20\d{2}|21\d{2})(?!\d)", text)
        if m and date_in_range(date(int(m.group(1)), 1, 1)):
            return int(m.group(1))
    return None


def _norm_name(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_NAME_HEADERS = ("姓名", "名字", "人员", "职工", "员工", "医生", "护士", "name", "fullname", "staff")
# The staff-number headers of the staff sheet, and the short ones a duty grid uses beside them.
_NUMBER_HEADERS = (*SYNONYMS["staff"]["id"], "number", "no")


def _header_kind(value: Any) -> str | None:
    h = re.sub(r"[\s_\-（）()*：:.]", "", _text(value)).lower()
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


def _title_range(
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


# -- finding the grid

MIN_DAY_COLUMNS = 7
MAX_LEGEND = 2000  # characters of a legend cell (a longer text is no legend)
HEADER_SEARCH_ROWS = 20
_WEEK_HEADING = re.compile(r"^第\s*[0-9一二三四五六七八九十]{1,3}\s*周")
_MAYBE_DAY = re.compile(r"^\s*(?:\d|周|星期|礼拜|[A-Za-z]{2,9}\b)")


# Excel's serial day numbers of 2000-01-01 and 2099-12-31: a date cell whose format was lost.
_SERIALS = (36526, 73050)
_EXCEL_EPOCH = date(1899, 12, 30)


def _serial_days(row: Sequence[Any]) -> dict[int, _Day]:
    """A header of Excel serial numbers (46357, 46358 …: dates whose cell format was lost) as
    dates, when at least a week of them follow one another day by day; else nothing."""
    found = {}
    for c, v in enumerate(row):
        if type(v) is str and len(v) == 5 and v.isdigit():  # a CSV: the number as text
            v = int(v)
        if type(v) in (int, float) and float(v).is_integer() and _SERIALS[0] <= v <= _SERIALS[1]:
            found[c] = int(v)
    values = list(found.values())
    if len(values) < MIN_DAY_COLUMNS or any(b != a + 1 for a, b in zip(values, values[1:], strict=False)):
        return {}
    out = {}
    for c, n in found.items():
        d = _EXCEL_EPOCH + timedelta(days=n)
        out[c] = _Day(d.day, d.month, d.year)
    return out


def _days_of(row: Sequence[Any]) -> dict[int, _Day]:
    if any(
        (type(v) in (int, float) and v >= _SERIALS[0]) or (type(v) is str and len(v) == 5 and v.isdigit())
        for v in row
    ):
        serials = _serial_days(row)
        if serials:
            return serials
    out: dict[int, _Day] = {}
    before: _Day | None = None
    for c, v in enumerate(row):
        if v is None or (type(v) is str and not _MAYBE_DAY.match(v)):
            continue
        d = _day_cell(v)
        if d is None:
            continue
        if (
            type(v) is float
            and before is not None
            and d.month is not None
            and d.month == before.month
            and before.day in (9, 19, 29)
            and d.day == (before.day + 1) // 10
        ):
            # 12.10 typed as a number is 12.1 in the cell (Excel drops the zero): after 12.9
            # it is the 10th (12.2 after 12.19 the 20th, 12.3 after 12.29 the 30th).
            d = replace(d, day=before.day + 1)
        out[c] = before = d
    return out


def _is_week_heading(row: Sequence[Any]) -> bool:
    return any(_WEEK_HEADING.match(_text(v)) for v in row[:3] if v is not None)


def _header_like(row: Sequence[Any], days: Mapping[int, _Day]) -> bool:
    """Whether the cells before the first day column are those of a header: empty, 姓名/工号 and
    the like, or a week's heading (not a name or 合计)."""
    first = min(days)
    for v in row[:first]:
        text = _text(v) if v is not None else ""
        if text and _header_kind(text) is None and not _WEEK_HEADING.match(text):
            return False
    return True


def _find_headers(rows: Sequence[Sequence[Any]]) -> list[tuple[int, dict[int, _Day]]]:
    """The header rows: the first with at least seven days within the first rows, then every
    later row of at least seven days, or of at least one under a 第N周 heading."""
    found: list[tuple[int, dict[int, _Day]]] = []
    for i, row in enumerate(rows):
        if not found and i >= HEADER_SEARCH_ROWS:
            break
        days = _days_of(row)
        if not days:
            continue
        distinct = len({(d.month, d.day) for d in days.values()})
        # A title merged across the sheet repeats one value: not a header.
        wide = len(days) >= MIN_DAY_COLUMNS and distinct >= MIN_DAY_COLUMNS
        under_heading = found and i > 0 and (_is_week_heading(rows[i - 1]) or _is_week_heading(row))
        if found and not _header_like(row, days):
            continue  # a totals row (在岗人数 5, 6, 7 …) under the grid is no header
        if wide or (under_heading and distinct == len(days)):
            found.append((i, days))
    if not found:
        raise DutyError(
            N_(
                "no row of day columns (1, 2, 3 … or 11-01, 11-02 …) in the first {value} rows: "
                "is this a duty roster?"
            ),
            str(HEADER_SEARCH_ROWS),
        )
    return found


def _weekday_row_of(
    rows: Sequence[Sequence[Any]], header: int, cols: Iterable[int], above_ok: bool
) -> int | None:
    """The row under (or, when allowed, over) a header that names weekdays in its day columns."""
    cols = list(cols)
    for r in (header + 1, header - 1) if above_ok else (header + 1,):
        if not 0 <= r < len(rows):
            continue
        row = rows[r]
        said = [_text(row[c]) for c in cols if c < len(row) and row[c] is not None]
        said = [t for t in said if t]
        named = sum(1 for t in said if _weekday(t) is not None)
        if named >= max(1, len(cols) // 2) and named * 2 > len(said):
            return r
    return None


_WEEKDAY_NAMES = "一二三四五六日"


def _place(
    cells: list[tuple[int, int, int, _Day]],
    month: date | None,
    texts: list[str],
) -> list[list[tuple[int, int, int, _Day, date | None, str]]]:
    """The readings of the header cells (block, row, column, day) as dates: one, or two when
    plain day numbers wrap (26…31, 1…25) and nothing says which months they are in. A cell that
    is no date of the reading has None and the reason's template."""
    explicit = [d for *_x, d in cells if d.month is not None]
    year = month.year if month is not None else None
    if year is None:
        years = [d.year for d in explicit if d.year is not None]
        year = Counter(years).most_common(1)[0][0] if years else _year_in(texts)
    span = _title_range(texts, year, month)
    if span is not None and month is not None and not span[0].replace(day=1) <= month <= span[1]:
        raise DutyError(
            N_("the title says {value}, not the month given ({month})"),
            f"{span[0]} – {span[1]}",
            (("month", f"{month:%Y-%m}"),),
        )
    written = Counter((d.year, d.month) for d in explicit)
    base: date | None = None
    if written:
        (y, mo), _n = written.most_common(1)[0]
        assert mo is not None
        if y is None and month is not None:  # a week from 12月28日 to 1月3日 given as January
            y = _year_near(month, mo)
        y = y if y is not None else year
        if y is None:
            raise DutyError(N_("the header's dates do not say the year: give the month"))
        if not EARLIEST_DATE.year <= y <= LATEST_DATE.year:
            raise DutyError(N_("the header's dates are in {value}, outside the years the app takes"), f"{y}")
        base = date(y, mo, 1)
        months_written = (
            {date(yy if yy is not None else _year_near(month, mm), mm, 1) for yy, mm in written if mm}
            if month
            else set()
        )
        if month is not None and month not in months_written and not (span and span[0] <= month <= span[1]):
            raise DutyError(
                N_("the header's dates are in {value}, not in the month given"), f"{y:04d}-{mo:02d}"
            )
    plain = [d.day for *_x, d in cells if d.month is None]
    wraps = any(_wraps(a, b) for a, b in zip(plain, plain[1:], strict=False))
    starts: list[date] = []
    if plain:
        if span is not None:
            s0 = span[0]
            starts = [s0.replace(day=1) if plain[0] >= s0.day else _next_month(s0)]
        else:
            m0 = month or base or _month_in(texts)
            if m0 is None:
                raise DutyError(N_("the sheet does not say which month it is for: give the month"))
            starts = [_prev_month(m0), m0] if wraps else [m0]
    readings = []
    # What month-day cells without a year are placed around: the month given or named in the title.
    anchor = month or _month_in(texts)
    for start in starts or [base or date(2000, 1, 1)]:
        out: list[tuple[int, int, int, _Day, date | None, str]] = []
        year_on = 0
        last_month: int | None = None
        cur = start
        last = 0
        for b, r, c, d in cells:
            if d.month is None:
                if _wraps(last, d.day):
                    cur = _next_month(cur)
                last = d.day
                y, mo = cur.year, cur.month
            else:
                y = d.year if d.year is not None else (year if year is not None else start.year)
                mo = d.month
                if d.year is None and anchor is not None:  # a roster from 12-26 to 01-25
                    y = _year_near(anchor, mo)
                elif d.year is None:  # only a year named: it is the first day's, counted on in order
                    if last_month is not None and mo < last_month - 6:
                        year_on += 1
                    last_month = mo
                    y += year_on
            if not EARLIEST_DATE.year <= y <= LATEST_DATE.year:
                out.append((b, r, c, d, None, N_("{value} is not a date the app takes")))
                continue
            if d.day > calendar.monthrange(y, mo)[1]:
                out.append((b, r, c, d, None, f"{y:04d}-{mo:02d}"))
                continue
            day = date(y, mo, d.day)
            out.append(
                (b, r, c, d, day, "")
                if date_in_range(day)
                else (b, r, c, d, None, N_("{value} is not a date the app takes"))
            )
        readings.append(out)
    if len(readings) == 2:
        # The reading whose days fall mostly in the month named comes first (a "December" roster
        # from 26 November); one with days its months have not (30, 31 in November) last.
        named = starts[1]

        def rank(r: list[tuple[int, int, int, _Day, date | None, str]]) -> tuple[int, int]:
            months = Counter(x[4].replace(day=1) for x in r if x[4] is not None)
            most = months.most_common(1)[0][0] if months else None
            return (0 if most == named else 1, sum(1 for x in r if x[4] is None))

        readings.sort(key=rank)
    return readings


def _year_near(anchor: date, month: int) -> int:
    """The year of a month named without one, nearest the anchor's month (December before a
    January, January after a December)."""
    return anchor.year + (1 if month < anchor.month - 6 else -1 if month > anchor.month + 6 else 0)


def _wraps(before: int, day: int) -> bool:
    """Whether a day number after another starts the next month (…30, 31, 1, 2…): a day that
    goes back otherwise (…14, 14…) is a column of the same month, refused when it is twice."""
    return before >= 28 and day <= 3 and day < before


def _span(reading: list[tuple[int, int, int, _Day, date | None, str]]) -> str:
    days = [x[4] for x in reading if x[4] is not None]
    return f"{min(days)} – {max(days)}" if days else "?"


def _next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _prev_month(d: date) -> date:
    return date(d.year - (d.month == 1), (d.month - 2) % 12 + 1, 1)


def _disagreements(
    reading: list[tuple[int, int, int, _Day, date | None, str]],
    weekday_rows: dict[int, int | None],
    rows: Sequence[Sequence[Any]],
) -> list[str]:
    """The columns whose written weekday (in the cell or the weekday row) is not that of its date."""
    out = []
    for b, _r, c, d, day, _why in reading:
        if day is None:
            continue
        said = []
        if d.weekday is not None:
            said.append((d.weekday, _r))
        wr = weekday_rows.get(b)
        if wr is not None and c < len(rows[wr]):
            text = _text(rows[wr][c])
            w = _weekday(text) if text else None
            if w is not None:
                said.append((w, wr))
        for w, where in said:
            if w != day.weekday():
                out.append(
                    f"{column_letter(c)}{where + 1} "
                    f"(周{_WEEKDAY_NAMES[w]} ≠ {day.isoformat()} 周{_WEEKDAY_NAMES[day.weekday()]})"
                )
                break
    return out


def _resolve_department(department: str | None, plan: Plan, texts: list[str], numbers: Iterable[str]) -> str:
    if department is not None:
        if department in plan.departments:
            return department
        found = [d.id for d in plan.departments.values() if d.name == department]
        if len(found) == 1:
            return found[0]
        raise DutyError(N_("no department {value}"), department)
    for text in texts:  # the department name the title, the sheet's or the file's name holds
        named = [d for d in plan.departments.values() if d.name and d.name in text]
        # 针灸推拿科 holds 推拿科: the longer is meant. Two apart (中医科、针灸科) are two readings.
        whole = [d for d in named if not any(d.name != o.name and d.name in o.name for o in named)]
        if len({d.id for d in whole}) > 1:
            raise DutyError(
                N_("{value} names several departments ({names}): give the department"),
                text.strip()[:60],
                (("names", ", ".join(sorted(d.name for d in whole))),),
            )
        if named:
            return max(named, key=lambda d: len(d.name)).id
    for text in texts:  # a sheet named as people say it: 急诊 for 急诊科, 药学 for 药学部
        said = _norm_name(text)
        short = [d for d in plan.departments.values() if len(said) >= 2 and _short_name(d.name) == said]
        if len(short) == 1:
            return short[0].id
    of_people = Counter(plan.staff[n].department for n in numbers if n in plan.staff)
    if of_people:
        return of_people.most_common(1)[0][0]
    raise DutyError(N_("the sheet does not say which department it is for: give the department"))


_SPAN = re.compile(rf"{_TIME}\s*[-—–~～至到]+\s*(?:次日|翌日)?\s*{_TIME}")  # 07:30-15:30


def _legend_texts(
    rows: Sequence[Sequence[Any]], skip: Collection[int] = (), plan: Plan | None = None
) -> list[str]:
    """The texts of a sheet that may state codes, each once, in the sheet's order: its cells
    (A班 08:00-16:00；N班 …), and a legend laid out as a small table, one code a row with its
    hours in a cell of its own (A班 | 07:30-15:30, or A | 白班 | 08:00-16:00) read as
    "A班 07:30-15:30" (a person's row, or a row of a name, is none)."""
    seen: dict[str, None] = {}
    for i, row in enumerate(rows):
        if i in skip:
            continue
        for v in row:
            if type(v) is str and 4 <= len(v) <= MAX_LEGEND:
                seen.setdefault(_text(v))
        entry = _table_legend(row, plan)
        if entry is not None:
            seen.setdefault(entry)
    return list(seen)


def _table_legend(row: Sequence[Any], plan: Plan | None = None) -> str | None:
    """A row of a legend laid out as a table (A班 | 07:30-15:30; A | 白班 | 08:00-16:00) as the
    text "A班 07:30-15:30", or None (a person's row: more cells, or a staff member's name)."""
    if sum(1 for v in row if v is not None and v != "") > 4:
        return None  # a person's row (cheap: no text made)
    cells = [t for t in (_text(v) for v in row if v is not None) if t]
    if not 2 <= len(cells) <= 4 or len(cells[0]) > 4:
        return None
    timed = next((c for c in cells[1:] if len(c) <= 40 and _SPAN.search(c)), None)
    if timed is None or _SPAN.search(cells[0]):
        return None
    if plan is not None:  # a staff member's name first: a person's row (looked at for these rows only)
        key = _norm_name(cells[0])
        if any(_norm_name(s.name) == key for s in plan.staff.values()):
            return None
    text = f"{cells[0]} {timed}"
    return text if looks_like_legend(text) else None


def workbook_legend(sheets: Sequence[Any]) -> tuple[str, ...]:
    """The legend texts of a workbook's visible sheets that hold no roster (a 班次说明 sheet
    beside the month's grid): every roster of the workbook reads them after its own."""
    out: list[str] = []
    for sheet in sheets:
        if (getattr(sheet, "state", "visible") or "visible") == "visible":
            out.extend(sheet_legend(sheet.rows))
    return tuple(dict.fromkeys(out))


def sheet_legend(rows: Sequence[Sequence[Any]]) -> tuple[str, ...]:
    """The legend texts of a sheet that holds no roster (no row of day columns), else ()."""
    try:
        _find_headers(rows)
    except DutyError:
        return tuple(t for t in _legend_texts(rows) if looks_like_legend(t) and read_legend(t))
    return ()


def _short_name(name: str) -> str:
    """A department's name as people shorten it: without its 科, 部, 室 or 中心 (急诊科 → 急诊)."""
    return re.sub(r"(?:科|部|室|中心)$", "", _norm_name(name or ""))


# Rows that are not people: signatures, totals, headings, notes under or over the grid.
_NOT_PERSON = re.compile(
    r"^(?:合计|小计|总计|统计|人数|在岗|出勤人数|制表|填表|审核|审批|核对|签名|签字|负责人|护士长|科主任|"
    r"备注|注|说明|班次|图例|日期|星期|周次|第\s*[0-9一二三四五六七八九十]{1,3}\s*周)"
)


def _not_a_person(
    row: Sequence[Any], name: str, number: str, has_cells: bool, plan: Plan | None = None
) -> str | None:
    """Why a row is not a person (a template), or None when it may be one."""
    said = name or number
    if looks_like_legend(said) or (not number and _table_legend(row, plan) is not None):
        return N_("the legend")
    values = [t for t in (_text(v) for v in row) if t]
    if len(values) > 2 and len(set(values)) == 1:
        return N_("a note across the sheet")
    if _NOT_PERSON.match(said) or "签名" in said or "签字" in said or "制表" in said:
        return N_("a signature, total or heading row")
    if not has_cells and (len(said) > 12 or ":" in said or "：" in said) and not (name and number):
        return N_("a note under the grid")
    return None


def read_duty_grid(
    rows: Sequence[Sequence[Any]],
    plan: Plan,
    codes: Mapping[str, Shift],
    clinical_hours: tuple[str, str] = CLINICAL_HOURS,
    *,
    department: str | None = None,
    month: date | None = None,
    hints: Sequence[str] = (),
    source: str = "",
    legend_texts: Sequence[str] = (),
) -> DutyRoster:
    """The grid of `rows` read against the plan's staff and departments. `legend_texts`: the
    legend of the workbook's other sheets (workbook_legend), after the sheet's own. `codes`: normalised code
    → Shift (read_shift_codes). `department` (an id or a name) and `month` (its first day) are
    found in the sheet (the title, the header's dates) or in `hints` (the sheet's and the file's
    names) when not given. Raises DutyError when the grid cannot be read at all."""
    headers = _find_headers(rows)
    first_header = headers[0][0]
    title_texts = [_text(v) for row in rows[:first_header] for v in row if v is not None and _text(v)]
    texts = [" ".join(title_texts), *hints]
    if month is not None:
        month = month.replace(day=1)
    # The legend, wherever it stands (under the grid, over it, beside it).
    header_rows = {h for h, _d in headers}
    texts_seen = [*_legend_texts(rows, header_rows, plan), *legend_texts]
    legend = [e for t in dict.fromkeys(texts_seen) if looks_like_legend(t) for e in read_legend(t)]
    table, legend = legend_codes(legend, codes) if legend else (dict(codes), [])
    weekday_rows: dict[int, int | None] = {}
    cells: list[tuple[int, int, int, _Day]] = []
    for b, (h, days) in enumerate(headers):
        weekday_rows[b] = _weekday_row_of(rows, h, days, above_ok=b > 0 or h > 0)
        cells.extend((b, h, c, d) for c, d in sorted(days.items()))
    readings = _place(cells, month, texts)
    said_weekdays = any(w is not None for w in weekday_rows.values()) or any(
        d.weekday is not None for *_x, d in cells
    )
    if month is None and not said_weekdays and all(d.month is None for *_x, d in cells):
        # Plain day numbers placed by the month the title (or the sheet's or file's name) names:
        # another month named beside it (11月's sheet copied, its title changed or not; a file
        # 急诊科2026年11月排班_12月) is a second reading. A title's date range says which.
        placed = _month_in(texts)
        named_too = (
            []
            if placed is None or _title_range(texts, placed.year) is not None
            else [
                (t, int(m.group(1)))
                for t in texts
                for m in _MONTH_ONLY.finditer(t)
                if 1 <= int(m.group(1)) <= 12 and int(m.group(1)) != placed.month
            ]
        )
        if placed is not None and named_too:
            raise DutyError(
                N_(
                    "the sheet is for {value} by one name and month {other} by another ({name}): give the month"
                ),
                f"{placed:%Y-%m}",
                (("other", str(named_too[0][1])), ("name", named_too[0][0].strip()[:60])),
            )
    if len(readings) == 2 and not said_weekdays and not any(x[4] is None for r in readings for x in r):
        # Day numbers that wrap (26 … 31, 1 … 25) with nothing to say which months they are in.
        raise DutyError(
            N_(
                "the day numbers wrap from the end of a month to its start and can be read two ways: "
                "{value} or {other}; a date range in the title (11月26日-12月25日) or a weekday row says which"
            ),
            _span(readings[0]),
            (("other", _span(readings[1])),),
        )
    wrong = _disagreements(readings[0], weekday_rows, rows)
    if wrong:
        listed = "; ".join(wrong[:6]) + (" …" if len(wrong) > 6 else "")
        other = readings[1] if len(readings) > 1 else None
        if other is not None and not _disagreements(other, weekday_rows, rows):
            raise DutyError(
                N_(
                    "the weekdays written do not fit the dates read, in {value}; they fit {other}: "
                    "give that month, or a date range in the title (11月26日-12月25日)"
                ),
                listed,
                (("other", _span(other)),),
            )
        raise DutyError(
            N_(
                "the weekdays written do not fit the dates read, in {value}: check the month or the title's dates"
            ),
            listed,
        )
    reading = readings[0]
    refusals: list[Refusal] = []
    block_days: list[list[tuple[int, date]]] = [[] for _h in headers]
    seen_days: dict[date, str] = {}
    for b, r, c, _d, day, why in reading:
        cell = _text(rows[r][c])
        if day is None:
            if why.startswith("{") or not why[:1].isdigit():
                refusals.append(Refusal(r + 1, column_letter(c), cell, why))
            else:
                refusals.append(
                    Refusal(
                        r + 1, column_letter(c), cell, N_("{month} has no day {value}"), (("month", why),)
                    )
                )
            continue
        if day in seen_days:
            refusals.append(
                Refusal(
                    r + 1,
                    column_letter(c),
                    cell,
                    N_("the day {value} has a column already ({column})"),
                    (("column", seen_days[day]),),
                )
            )
            continue
        seen_days[day] = column_letter(c) if b == 0 else f"{column_letter(c)}{r + 1}"
        block_days[b].append((c, day))
    if not seen_days:
        raise DutyError(N_("no day of the header is a date the app takes"))
    first = Counter(d.replace(day=1) for d in seen_days).most_common(1)[0][0]
    blocks: list[Block] = []
    name_col = number_col = None
    for b, (h, _days) in enumerate(headers):
        wr = weekday_rows[b]
        day_cols = {c for c, _d in block_days[b]} | set(_days)
        n, k = _person_columns(rows, h, wr, day_cols)
        if n is not None or k is not None:
            name_col, number_col = n, k
        blocks.append(Block(h, wr, name_col, number_col, tuple(block_days[b])))
    if blocks[0].name_column is None and blocks[0].number_column is None:
        raise DutyError(N_("no column of names (姓名) or staff numbers (工号) left of the days"))
    numbers = [
        _text(r[b.number_column])
        for b in blocks[:1]
        if b.number_column is not None
        for r in rows[
            (b.weekday_row if b.weekday_row is not None and b.weekday_row > b.header_row else b.header_row)
            + 1 :
        ]
        if b.number_column < len(r)
    ]
    dept = _resolve_department(department, plan, texts, numbers)
    skipped: list[Skipped] = []
    people = _people(rows, blocks, plan, dept, table, refusals, skipped)
    hours = (_clock(clinical_hours[0]), _clock(clinical_hours[1]))
    entries = _all_entries(people, table, hours, dept, source)
    refusals.sort(key=lambda r: (r.row, len(r.column), r.column))
    return DutyRoster(dept, first, blocks, people, refusals, entries, skipped, legend, table)


@functools.lru_cache(maxsize=256)
def _clock(text: str) -> time:
    h, m = text.split(":")
    return time(int(h), int(m))


def _person_columns(
    rows: Sequence[Sequence[Any]], header: int, weekday_row: int | None, day_cols: set[int]
) -> tuple[int | None, int | None]:
    name_col = number_col = None
    candidates = [rows[header]] + ([rows[weekday_row]] if weekday_row is not None else [])
    for row in candidates:
        for col, value in enumerate(row):
            if col in day_cols or value is None:
                continue
            kind = _header_kind(value)
            if kind == "name" and name_col is None:
                name_col = col
            elif kind == "number" and number_col is None:
                number_col = col
    return name_col, number_col


def _people(
    rows: Sequence[Sequence[Any]],
    blocks: list[Block],
    plan: Plan,
    dept: str,
    codes: Mapping[str, Shift],
    refusals: list[Refusal],
    skipped: list[Skipped],
) -> list[DutyPerson]:
    by_name: dict[str, list[Staff]] = {}  # built when a row needs it (most give a staff number)
    dept_name = plan.departments[dept].name if dept in plan.departments else dept
    out: list[DutyPerson] = []
    known: dict[str, bool] = {}  # a cell's text → whether every part of it is a code
    for b, block in enumerate(blocks):
        start = max(block.header_row, block.weekday_row if block.weekday_row is not None else -1) + 1
        end = blocks[b + 1].header_row if b + 1 < len(blocks) else len(rows)
        if b + 1 < len(blocks):
            nxt = blocks[b + 1]
            if nxt.weekday_row is not None and nxt.weekday_row < nxt.header_row:
                end = nxt.weekday_row
        taken_at: dict[str, int] = {}
        dates = tuple(d for _c, d in block.days)
        name_col, number_col = block.name_column, block.number_column
        for i in range(start, end):
            row = rows[i]
            line = i + 1
            number = _text(row[number_col]) if number_col is not None and number_col < len(row) else ""
            name = _text(row[name_col]) if name_col is not None and name_col < len(row) else ""
            if not number and not name:
                if _is_week_heading(row):
                    heading = next(t for t in (_text(v) for v in row if v is not None) if t)
                    skipped.append(Skipped(line, heading, N_("a signature, total or heading row")))
                continue
            cells = {}
            for col, day in block.days:
                if col < len(row):
                    v = row[col]
                    if v is not None:
                        t = _text(v)
                        if t:
                            cells[day] = t
            why_not = _not_a_person(row, name, number, bool(cells), plan)
            if why_not is not None:
                skipped.append(Skipped(line, name or number, why_not))
                continue
            person = DutyPerson(line, number, name, None, cells, block=b, dates=dates)
            out.append(person)
            if not by_name and not (number and number in plan.staff):
                for s in plan.staff.values():
                    by_name.setdefault(_norm_name(s.name), []).append(s)
            staff, why = _match(number, name, plan, by_name, dept, dept_name)
            if staff is None:
                assert why is not None
                refusals.append(why(line))
                continue
            if staff in taken_at:
                refusals.append(
                    Refusal(
                        line,
                        "",
                        name or number,
                        N_("{value} is in the roster twice (row {first})"),
                        (("first", str(taken_at[staff])),),
                    )
                )
                continue
            taken_at[staff] = line
            person.staff = staff
            for col, day in block.days:
                text = cells.get(day)
                if not text:
                    continue
                ok = known.get(text)
                if ok is None:
                    ok = known[text] = cell_shifts(text, codes) is not None
                if not ok:
                    person.refused_days.add(day)
                    refusals.append(Refusal(line, column_letter(col), text, UNKNOWN_CODE))
    return out


# Every "unknown code" says where codes are defined.
UNKNOWN_CODE = N_(
    "unknown shift code {value} (define it in Settings ▸ Shift codes, or: shift-codes set {value} MEANING)"
)


def _match(
    number: str,
    name: str,
    plan: Plan,
    by_name: dict[str, list[Staff]],
    dept: str,
    dept_name: str,
) -> tuple[str | None, Callable[[int], Refusal] | None]:
    """The staff id a row names, or why none (a function of the row's line)."""
    if number and number in plan.staff:
        s = plan.staff[number]
        if name and _norm_name(name) != _norm_name(s.name):
            return None, lambda line: Refusal(
                line,
                "",
                number,
                N_("staff number {value} is {name} in the app, not {written}"),
                (("name", s.name), ("written", name)),
            )
        return s.id, None
    if not name:
        same = [
            f"{k} {plan.staff[k].name}"
            for k in sorted(plan.staff)
            if number.isdigit() and k != number and k.isdigit() and k.lstrip("0") == number.lstrip("0")
        ]
        if same:  # 124 for 00124: Excel dropped the zeros; said, not guessed
            return None, lambda line: Refusal(
                line,
                "",
                number,
                N_(
                    "no staff number {value}, but {same} has it with other leading zeros (Excel drops "
                    "them from a number: format the column as text and write the number as it is)"
                ),
                (("same", ", ".join(same)),),
            )
        return None, lambda line: Refusal(line, "", number, N_("no staff number {value}"))
    namesakes = by_name.get(_norm_name(name), [])
    here = [s for s in namesakes if s.department == dept]
    if len(here) > 1:
        active = [s for s in here if s.active]
        here = active if len(active) == 1 else here
    if len(here) == 1:
        return here[0].id, None
    if len(here) > 1:
        ids = ", ".join(sorted(s.id for s in here))
        return None, lambda line: Refusal(
            line,
            "",
            name,
            N_("several people in {department} are named {value} ({ids}): give the staff number"),
            (("department", dept_name), ("ids", ids)),
        )
    if namesakes:
        elsewhere = ", ".join(
            sorted(
                f"{s.id} ({plan.departments[s.department].name if s.department in plan.departments else s.department})"
                for s in namesakes
            )[:5]
        )
        return None, lambda line: Refusal(
            line,
            "",
            name,
            N_("no one in {department} is named {value} (elsewhere: {others})"),
            (("department", dept_name), ("others", elsewhere)),
        )
    if number:
        return None, lambda line: Refusal(
            line,
            "",
            name,
            N_("no staff number {number}, and no one in {department} is named {value}"),
            (("number", number), ("department", dept_name)),
        )
    return None, lambda line: Refusal(
        line, "", name, N_("no one in {department} is named {value}"), (("department", dept_name),)
    )


def cell_shifts(text: str, codes: Mapping[str, Shift]) -> list[Shift] | None:
    """What a cell says (empty: free), or None when a part of it is not a known code."""
    norm = normalize_code(text)
    if not norm:
        return []
    found = codes.get(norm)
    if found is not None:
        return [found]
    parts = [p for p in _CODE_SEPARATORS.split(norm) if p]
    if len(parts) < 2 or any(p not in codes for p in parts):
        return None
    return [codes[p] for p in parts]


def cell_meanings(text: str, codes: Mapping[str, Shift]) -> set[str] | None:
    """The kinds a cell says (a shift with hours: "night" when it runs over midnight or starts at
    it, else its kind), or None when a part of it is not a known code."""
    shifts = cell_shifts(text, codes)
    if shifts is None:
        return None
    out = set()
    for s in shifts:
        if s.timed and s.kind != "leave":
            out.add("night" if s.overnight or s.on == "00:00" else "day")
        else:
            out.add(s.kind)
    return out


def _all_entries(
    people: list[DutyPerson], codes: Mapping[str, Shift], hours: tuple[time, time], dept: str, source: str
) -> list[Unavailability]:
    cells: dict[str, dict[date, str]] = {}
    refused: dict[str, set[date]] = {}
    for p in people:
        if p.staff is None:
            continue
        cells.setdefault(p.staff, {}).update(p.cells)
        refused.setdefault(p.staff, set()).update(p.refused_days)
    out: list[Unavailability] = []
    parsed: dict[str, list[Shift]] = {}
    for staff, said_cells in cells.items():
        said: dict[date, list[Shift]] = {}
        for day, text in said_cells.items():
            if day in refused[staff]:
                continue
            shifts = parsed.get(text)
            if shifts is None:
                shifts = parsed[text] = cell_shifts(text, codes) or []
            if shifts:
                said[day] = shifts
        out.extend(_entries(staff, said, hours, dept, source))
    return out


def _entries(
    staff: str, said: dict[date, list[Shift]], hours: tuple[time, time], dept: str, source: str
) -> list[Unavailability]:
    """The entries of one person, each day's spans merged where they touch (never across roster
    days: an import replaces its entries day by day)."""
    c0, c1 = hours
    out: list[Unavailability] = []
    keys: set[tuple[datetime, datetime]] = set()
    for day in sorted(said):
        shifts = said[day]
        if len(shifts) == 1 and (simple := _simple_span(shifts[0], c0, c1)) is not None:
            # Most cells: one shift whose span needs no other day (no rest to place).
            base = datetime(day.year, day.month, day.day)
            s0, e0 = base + simple[0], base + simple[1]
            if (s0, e0) not in keys:
                keys.add((s0, e0))
                tag = {"department": dept, "day": day.isoformat()}
                extra: dict[str, Any] = {"source": source, "roster": tag} if source else {"roster": tag}
                out.append(Unavailability(staff, s0, e0, simple[2], extra))
            continue
        nxt = day + timedelta(days=1)
        spans: list[tuple[datetime, datetime, str]] = []
        rests: list[tuple[datetime, datetime]] = []
        for s in shifts:
            if s.timed:
                assert s.on is not None and s.off is not None
                start = datetime.combine(day, _clock(s.on))
                end = datetime.combine(nxt if s.off <= s.on else day, _clock(s.off))
                spans.append((start, end, "leave" if s.kind == "leave" else "duty"))
                if s.rest_until:
                    rests.append((end, datetime.combine(end.date(), _clock(s.rest_until))))
            elif s.kind == "leave":
                spans.append((datetime.combine(day, time()), datetime.combine(nxt, time()), "leave"))
            elif s.kind == "day":
                spans.append((datetime.combine(day, c0), datetime.combine(day, c1), "duty"))
            elif s.kind == "night":
                spans.append((datetime.combine(day, c1), datetime.combine(nxt, c0), "duty"))
                # Rest the day after, unless the roster has the person at work or on leave then.
                if not any(_busy_by_day(x) for x in said.get(nxt, ())):
                    rests.append((datetime.combine(nxt, c0), datetime.combine(nxt, c1)))
        for r0, r1 in rests:
            # A rest ends where the roster's next shift of that person begins.
            for other in said.get(r0.date(), ()) if r0.date() != day else ():
                if other.timed and other.kind != "leave":
                    begin = datetime.combine(r0.date(), _clock(other.on or "00:00"))
                    if r0 <= begin < r1:
                        r1 = begin
                elif other.kind in ("day", "leave"):
                    r1 = r0
            if r0 < r1:
                spans.append((r0, r1, "rest"))
        spans.sort()
        merged: list[list[Any]] = []
        for s0, e0, reason in spans:
            last = merged[-1] if merged else None
            if last is not None and last[2] == reason and last[1] >= s0:
                last[1] = max(last[1], e0)
            else:
                merged.append([s0, e0, reason])
        tag = {"department": dept, "day": day.isoformat()}
        for s0, e0, reason in merged:
            if (s0, e0) in keys:  # the same span from two days (a rest and a shift): once
                continue
            keys.add((s0, e0))
            extra = {"source": source, "roster": tag} if source else {"roster": tag}
            out.append(Unavailability(staff, s0, e0, reason, extra))
    return out


@functools.lru_cache(maxsize=1024)
def _simple_span(shift: Shift, c0: time, c1: time) -> tuple[timedelta, timedelta, str] | None:
    """A shift's one span from the day's midnight, when it has no rest to place (None: it has)."""

    def at(t: time) -> timedelta:
        return timedelta(hours=t.hour, minutes=t.minute)

    if shift.timed:
        if shift.rest_until or shift.on is None or shift.off is None:
            return None
        on, off = _clock(shift.on), _clock(shift.off)
        end = at(off) + (timedelta(days=1) if shift.off <= shift.on else timedelta())
        return at(on), end, "leave" if shift.kind == "leave" else "duty"
    if shift.kind == "leave":
        return timedelta(), timedelta(days=1), "leave"
    if shift.kind == "day":
        return at(c0), at(c1), "duty"
    return None  # a night (its rest) or free (nothing)


def _busy_by_day(s: Shift) -> bool:
    return s.kind in ("day", "leave") or (
        s.timed and s.kind != "leave" and not s.overnight and (s.on or "") < "17:30"
    )


@dataclass(slots=True)
class RosterMerge:
    """What saving rosters writes against the unavailability held: entries to save (new or
    changed), keys to delete, and the counts the summary states."""

    saves: list[Unavailability] = field(default_factory=list)
    deletes: list[Any] = field(default_factory=list)
    left_out: list[Unavailability] = field(
        default_factory=list
    )  # the same person and times held from elsewhere
    unchanged: int = 0  # entries held already as they are
    replaced: int = 0  # earlier entries of these people and days that go or change
    kept: int = 0  # earlier entries kept because their cell was refused
    untouched: int = 0  # earlier entries of these days of people not taken (row refused, or not listed)

    def apply(self, held: dict[Any, Unavailability], index: RosterIndex | None = None) -> None:
        """Bring `held` (and its roster_index) to what saving this gives."""
        for key in self.deletes:
            gone = held.pop(key, None)
            if gone is not None and index is not None:
                tag = gone.extra.get("roster")
                index.get(str(tag.get("department")) if isinstance(tag, dict) else "", {}).pop(key, None)
        for e in self.saves:
            held[e.key] = e
            tag = e.extra.get("roster")
            if index is not None and isinstance(tag, dict):
                index.setdefault(str(tag.get("department")), {})[e.key] = e


RosterIndex = dict[str, dict[Any, Unavailability]]  # department → key → an entry a roster import made


def roster_index(held: Mapping[Any, Unavailability]) -> RosterIndex:
    """The entries of duty-roster imports by department: what merge_roster looks through (built
    once for many rosters imported one after the other, and kept in step by RosterMerge.apply)."""
    out: RosterIndex = {}
    for key, u in held.items():
        tag = u.extra.get("roster")
        if isinstance(tag, dict):
            out.setdefault(str(tag.get("department")), {})[key] = u
    return out


def merge_roster(
    held: Mapping[Any, Unavailability], roster: DutyRoster, index: RosterIndex | None = None
) -> RosterMerge:
    """What saving `roster` writes against the unavailability `held` (by key; `index`: its
    roster_index, when the caller keeps one). It replaces exactly the entries an earlier import of
    the same department took for the people it takes, on the days of their blocks, except a
    refused cell's day; a refused row touches nothing. An entry of the same person and times held
    from elsewhere (typed in, another roster) stays as it is."""
    if index is None:
        index = roster_index(held)
    covered: dict[str, set[date]] = {}
    refused: dict[str, set[date]] = {}
    for p in roster.people:
        if p.staff is not None:
            covered.setdefault(p.staff, set()).update(d for d in p.dates if d not in p.refused_days)
            refused.setdefault(p.staff, set()).update(p.refused_days)
    earlier: dict[Any, Unavailability] = {}
    out = RosterMerge()
    dates = set(roster.dates)
    for key, u in index.get(roster.department, {}).items():
        day = roster_day(u)
        if u.staff not in covered:
            if day in dates:
                out.untouched += 1
            continue
        if day in covered[u.staff]:
            earlier[key] = u
        elif day in refused[u.staff]:
            out.kept += 1
    new_keys = set()
    for e in roster.entries:
        new_keys.add(e.key)
        there = held.get(e.key)
        if there is None:
            out.saves.append(e)
        elif e.key not in earlier:
            out.left_out.append(e)
        elif there == e:
            out.unchanged += 1
        else:
            out.saves.append(e)
            out.replaced += 1
    for key in earlier:
        if key not in new_keys:
            out.deletes.append(key)
            out.replaced += 1
    return out


@dataclass(slots=True)
class SheetRead:
    """One sheet of a workbook as a duty import read it: a roster, or why not (an error), or
    skipped (hidden, or no day columns at all when other sheets are rosters)."""

    name: str
    roster: DutyRoster | None = None
    error: DutyError | None = None
    hidden: str = ""  # "hidden" / "veryHidden": skipped


def read_duty_sheets(
    sheets: Sequence[Any],
    read: Callable[[Any], DutyRoster],
    only: str | None = None,
) -> list[SheetRead]:
    """Every visible sheet of a workbook read as a roster (`read` reads one); hidden ones skipped
    and named; with `only`, that sheet alone. A sheet without any day columns is reported as
    such (a notes sheet beside the rosters)."""
    out = []
    for sheet in sheets:
        if only is not None and sheet.name != only:
            continue
        state = getattr(sheet, "state", "visible") or "visible"
        if state != "visible" and only is None:
            out.append(SheetRead(sheet.name, hidden=state))
            continue
        try:
            out.append(SheetRead(sheet.name, roster=read(sheet)))
        except DutyError as exc:
            out.append(SheetRead(sheet.name, error=exc))
    return out
