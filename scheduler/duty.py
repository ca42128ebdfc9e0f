"""Duty rosters in: a department's monthly duty grid (排班表 / 值班表: people × days, a shift code
in each cell) read into unavailability. Pure: the sheet's cells, the plan, the shift codes, the
clinical hours and (when the sheet does not say) the month and department are passed in.

How a grid is found: the header is the first row with at least seven day cells (day numbers
1–31, "1日", "11-01", "2026-11-01" or real dates); a weekday row just under it is skipped (and
must fit the month); title rows above it, merged or not, are read for the department and month.
People are found by staff number or, failing that, by name within the department. An unknown
code refuses its cell only, an unknown or ambiguous person their row only; nothing is guessed."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from .model import Plan, Staff, Unavailability
from .spreadsheet import SYNONYMS
from .validation import EARLIEST_DATE, LATEST_DATE, date_in_range


def N_(text: str) -> str:
    """Marks a reason's template for translation (shown in the user's language at the edge)."""
    return text


# What a shift code means. day: clinical duty during clinical hours; night: night duty from the
# end of clinical hours to their start next day, then rest until the end of that day's clinical
# hours; free: nothing; leave: away all day.
MEANINGS = ("day", "night", "free", "leave")
DEFAULT_SHIFT_CODES: dict[str, str] = {
    "白": "day",
    "白班": "day",
    "D": "day",
    "夜": "night",
    "夜班": "night",
    "N": "night",
    "休": "free",
    "休息": "free",
    "空": "free",
    "假": "leave",
    "年假": "leave",
    "病假": "leave",
    "事假": "leave",
    "婚假": "leave",
    "产假": "leave",
    "L": "leave",
}
MAX_CODE_LENGTH = 20  # as the reasons below say
MAX_CODES = 500
# Two codes in one cell ("白/夜": a day shift and the night after it).
_CODE_SEPARATORS = re.compile(r"[/、,，+＋;；|]")


def normalize_code(text: Any) -> str:
    """A code as it is compared: full-width letters made plain, spaces dropped, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).upper()


def shift_code_problems(value: Any) -> list[tuple[str, Any, str]]:
    """(path under shift_codes, value, reason) for each thing wrong with a shift-code table as a
    plan file or a setting gives it: an object of code → one of MEANINGS."""
    if not isinstance(value, dict):
        return [("", value, N_('must be an object of code → meaning, e.g. {"夜": "night"}'))]
    if len(value) > MAX_CODES:
        return [("", len(value), N_("must hold at most 500 codes"))]
    out: list[tuple[str, Any, str]] = []
    seen: set[str] = set()
    for code, meaning in value.items():
        where = f".{code}"
        norm = normalize_code(code)
        if (
            not isinstance(code, str)
            or not norm
            or len(norm) > MAX_CODE_LENGTH
            or _CODE_SEPARATORS.search(norm)
        ):
            out.append((where, code, N_("a code is 1 to 20 characters, without / , + ; | or spaces")))
        elif norm in seen:
            out.append((where, code, N_("is the same code as another one (case and width aside)")))
        else:
            seen.add(norm)
        if meaning not in MEANINGS:
            out.append((where, meaning, N_("must be one of day, night, free, leave")))
    return out


def read_shift_codes(value: Any) -> dict[str, str]:
    """The table a stored value gives (normalised codes → meaning): the defaults when there is
    none; of a damaged one, the entries that are usable."""
    if not isinstance(value, dict):
        return dict(DEFAULT_SHIFT_CODES)
    out: dict[str, str] = {}
    for code, meaning in list(value.items())[:MAX_CODES]:
        norm = normalize_code(code)
        if (
            isinstance(code, str)
            and meaning in MEANINGS
            and norm
            and len(norm) <= MAX_CODE_LENGTH
            and not _CODE_SEPARATORS.search(norm)
        ):
            out.setdefault(norm, meaning)
    return out


class DutyError(ValueError):
    """A grid that cannot be read at all (no day header, month or department unknown): nothing
    of it is taken. `reason` is a template with {value} for the edge to translate."""

    def __init__(self, reason: str, value: str = ""):
        self.reason = reason
        self.value = value
        super().__init__(reason.format(value=value))


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


@dataclass(slots=True)
class DutyPerson:
    row: int  # 1-based row in the sheet
    number: str
    name: str
    staff: str | None  # the person found, None when the row is refused
    cells: dict[date, str] = field(default_factory=dict)  # the cell's text per day (non-empty)
    refused_days: set[date] = field(default_factory=set)


@dataclass(slots=True)
class DutyRoster:
    """A grid read: the people with their cells, what was refused, and the unavailability to save
    (every entry marked with `source` and the roster's department and month)."""

    department: str
    month: date  # its first day
    header_row: int  # 0-based index of the day header
    weekday_row: int | None
    name_column: int | None
    number_column: int | None
    days: list[tuple[int, date]]  # (column index, date) in the sheet's order
    people: list[DutyPerson]
    refusals: list[Refusal]
    entries: list[Unavailability]

    @property
    def tag(self) -> dict[str, str]:
        return roster_tag(self.department, self.month)

    @property
    def taken(self) -> list[DutyPerson]:
        return [p for p in self.people if p.staff is not None]


def roster_tag(department: str, month: date) -> dict[str, str]:
    """What marks an entry as taken from this department's roster of this month
    (Unavailability.extra["roster"]): a new import of the same roster replaces those entries."""
    return {"department": department, "month": f"{month.year:04d}-{month.month:02d}"}


def imported_from(
    unavailability: Iterable[Unavailability], department: str, month: date
) -> list[Unavailability]:
    """The entries an earlier import of this department's roster of this month made."""
    tag = roster_tag(department, month)
    return [u for u in unavailability if u.extra.get("roster") == tag]


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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:
        return value.strip() if value.isascii() else unicodedata.normalize("NFKC", value).strip()
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
    if len(parts) == 2:
        weekday = _weekday(parts[1])
        if weekday is None:
            return None
        text = parts[0]
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


# -- finding the grid

MIN_DAY_COLUMNS = 7
HEADER_SEARCH_ROWS = 20


def _find_header(rows: Sequence[Sequence[Any]]) -> tuple[int, dict[int, _Day]]:
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        days = {c: d for c, d in ((c, _day_cell(v)) for c, v in enumerate(row)) if d is not None}
        # A title merged across the sheet repeats one value: not a header.
        if len(days) >= MIN_DAY_COLUMNS and len({d.day for d in days.values()}) >= MIN_DAY_COLUMNS:
            return i, days
    raise DutyError(
        N_(
            "no row of day columns (1, 2, 3 … or 11-01, 11-02 …) in the first {value} rows: "
            "is this a duty roster?"
        ),
        str(HEADER_SEARCH_ROWS),
    )


def _resolve_month(days: dict[int, _Day], month: date | None, texts: list[str]) -> date:
    """The roster's month: given, or written in the header's dates, or in the title."""
    written = Counter((d.year, d.month) for d in days.values() if d.month is not None)
    if written:
        (year, mo), _n = written.most_common(1)[0]
        if year is None:
            year = month.year if month is not None else _year_in(texts)
        if year is None:
            raise DutyError(N_("the header's dates do not say the year: give the month"))
        if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
            raise DutyError(
                N_("the header's dates are in {value}, outside the years the app takes"), f"{year}"
            )
        found = date(year, mo, 1)
        if month is not None and found != month:
            raise DutyError(
                N_("the header's dates are in {value}, not in the month given"), f"{year:04d}-{mo:02d}"
            )
        return found
    if month is not None:
        return month
    found_month = _month_in(texts)
    if found_month is None:
        raise DutyError(N_("the sheet does not say which month it is for: give the month"))
    return found_month


def _resolve_department(department: str | None, plan: Plan, texts: list[str], numbers: Iterable[str]) -> str:
    if department is not None:
        if department in plan.departments:
            return department
        found = [d.id for d in plan.departments.values() if d.name == department]
        if len(found) == 1:
            return found[0]
        raise DutyError(N_("no department {value}"), department)
    for text in texts:  # the longest department name the title or file name holds
        named = [d for d in plan.departments.values() if d.name and d.name in text]
        if named:
            return max(named, key=lambda d: len(d.name)).id
    of_people = Counter(plan.staff[n].department for n in numbers if n in plan.staff)
    if of_people:
        return of_people.most_common(1)[0][0]
    raise DutyError(N_("the sheet does not say which department it is for: give the department"))


def _is_note(row: Sequence[Any]) -> bool:
    """A row that is one text merged across the sheet (a legend, "制表人：…")."""
    values = [_text(v) for v in row if _text(v)]
    return len(values) > 2 and len(set(values)) == 1


def _is_sentence(text: str) -> bool:
    return len(text) > 12 or ":" in text or "：" in text


def read_duty_grid(
    rows: Sequence[Sequence[Any]],
    plan: Plan,
    codes: Mapping[str, str],
    clinical_hours: tuple[str, str] = ("08:00", "17:30"),
    *,
    department: str | None = None,
    month: date | None = None,
    hints: Sequence[str] = (),
    source: str = "",
) -> DutyRoster:
    """The grid of `rows` read against the plan's staff and departments. `codes`: normalised code →
    meaning (read_shift_codes). `department` (an id or a name) and `month` (its first day) are
    found in the sheet (the title, the header's dates) or in `hints` (the sheet's and the file's
    names) when not given. Raises DutyError when the grid cannot be read at all."""
    header, day_cells = _find_header(rows)
    title_texts = [_text(v) for row in rows[:header] for v in row if _text(v)]
    texts = [" ".join(title_texts), *hints]
    if month is not None:
        month = month.replace(day=1)
    first = _resolve_month(day_cells, month, texts)
    refusals: list[Refusal] = []
    days: list[tuple[int, date]] = []
    seen_days: dict[date, int] = {}
    for col, d in sorted(day_cells.items()):
        year = d.year if d.year is not None else first.year
        mo = d.month if d.month is not None else first.month
        if d.month is not None and d.year is None:  # a roster from 12-26 to 01-25
            year += 1 if mo < first.month - 6 else -1 if mo > first.month + 6 else 0
        cell = _text(rows[header][col])
        if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
            refusals.append(
                Refusal(header + 1, column_letter(col), cell, N_("{value} is not a date the app takes"))
            )
            continue
        last = calendar.monthrange(year, mo)[1]
        if d.day > last:
            refusals.append(
                Refusal(
                    header + 1,
                    column_letter(col),
                    cell,
                    N_("{month} has no day {value}"),
                    (("month", f"{year:04d}-{mo:02d}"),),
                )
            )
            continue
        day = date(year, mo, d.day)
        if not date_in_range(day):
            refusals.append(
                Refusal(header + 1, column_letter(col), cell, N_("{value} is not a date the app takes"))
            )
            continue
        if day in seen_days:
            refusals.append(
                Refusal(
                    header + 1,
                    column_letter(col),
                    cell,
                    N_("the day {value} has a column already ({column})"),
                    (("column", column_letter(seen_days[day])),),
                )
            )
            continue
        seen_days[day] = col
        days.append((col, day))
    written = [(d.weekday, day) for col, day in days if (d := day_cells[col]).weekday is not None]
    if sum(w != day.weekday() for w, day in written) * 2 > len(written):
        raise DutyError(
            N_("the weekdays in the header do not fit {value}: check the month"), f"{first:%Y-%m}"
        )
    weekday_row = _weekday_row(rows, header, days)
    name_col, number_col = _person_columns(rows, header, weekday_row, {c for c, _d in days})
    if name_col is None and number_col is None:
        raise DutyError(N_("no column of names (姓名) or staff numbers (工号) left of the days"))
    start = (weekday_row if weekday_row is not None else header) + 1
    numbers = [_text(r[number_col]) for r in rows[start:] if number_col is not None and number_col < len(r)]
    dept = _resolve_department(department, plan, texts, numbers)
    people = _people(rows, start, name_col, number_col, days, plan, dept, codes, refusals)
    hours = (_clock(clinical_hours[0]), _clock(clinical_hours[1]))
    tag = roster_tag(dept, first)
    extra: dict[str, Any] = {"source": source, "roster": tag} if source else {"roster": tag}
    entries = [e for p in people if p.staff is not None for e in _entries(p, codes, hours, extra)]
    refusals.sort(key=lambda r: (r.row, len(r.column), r.column))
    return DutyRoster(dept, first, header, weekday_row, name_col, number_col, days, people, refusals, entries)


def _clock(text: str) -> time:
    h, m = text.split(":")
    return time(int(h), int(m))


def _weekday_row(rows: Sequence[Sequence[Any]], header: int, days: list[tuple[int, date]]) -> int | None:
    """The row under the header when it names weekdays (checked against the dates: a row that
    does not fit them means the month is wrong, and nothing is taken)."""
    if header + 1 >= len(rows) or not days:
        return None
    row = rows[header + 1]
    said = {col: _weekday(_text(row[col])) for col, _d in days if col < len(row) and _text(row[col])}
    named = {col: w for col, w in said.items() if w is not None}
    if len(named) < max(1, len(days) // 2):
        return None
    wrong = [col for col, day in days if col in named and named[col] != day.weekday()]
    if len(wrong) * 2 > len(named):
        raise DutyError(N_("the weekday row does not fit {value}: check the month"), f"{days[0][1]:%Y-%m}")
    return header + 1


def _person_columns(
    rows: Sequence[Sequence[Any]], header: int, weekday_row: int | None, day_cols: set[int]
) -> tuple[int | None, int | None]:
    name_col = number_col = None
    candidates = [rows[header]] + ([rows[weekday_row]] if weekday_row is not None else [])
    for row in candidates:
        for col, value in enumerate(row):
            if col in day_cols:
                continue
            kind = _header_kind(value)
            if kind == "name" and name_col is None:
                name_col = col
            elif kind == "number" and number_col is None:
                number_col = col
    return name_col, number_col


def _people(
    rows: Sequence[Sequence[Any]],
    start: int,
    name_col: int | None,
    number_col: int | None,
    days: list[tuple[int, date]],
    plan: Plan,
    dept: str,
    codes: Mapping[str, str],
    refusals: list[Refusal],
) -> list[DutyPerson]:
    by_name: dict[str, list[Staff]] = {}
    for s in plan.staff.values():
        by_name.setdefault(_norm_name(s.name), []).append(s)
    dept_name = plan.departments[dept].name if dept in plan.departments else dept
    taken_at: dict[str, int] = {}
    out: list[DutyPerson] = []
    for i in range(start, len(rows)):
        row = rows[i]
        line = i + 1
        number = _text(row[number_col]) if number_col is not None and number_col < len(row) else ""
        name = _text(row[name_col]) if name_col is not None and name_col < len(row) else ""
        if not number and not name:
            continue
        if _is_note(row):
            continue
        cells = {day: _text(row[col]) for col, day in days if col < len(row) and _text(row[col])}
        if not cells and _is_sentence(name or number) and not (name and number):
            continue  # a footer ("制表人：…", a legend) under the grid
        person = DutyPerson(line, number, name, None, cells)
        out.append(person)
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
        for col, day in days:
            text = cells.get(day)
            if text and cell_meanings(text, codes) is None:
                person.refused_days.add(day)
                refusals.append(Refusal(line, column_letter(col), text, N_("unknown shift code {value}")))
    return out


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


def cell_meanings(text: str, codes: Mapping[str, str]) -> set[str] | None:
    """What a cell says (empty: free), or None when a part of it is not a known code."""
    norm = normalize_code(text)
    if not norm:
        return set()
    if norm in codes:
        return {codes[norm]}
    parts = [p for p in _CODE_SEPARATORS.split(norm) if p]
    if len(parts) < 2 or any(p not in codes for p in parts):
        return None
    return {codes[p] for p in parts}


def _entries(
    person: DutyPerson, codes: Mapping[str, str], hours: tuple[time, time], extra: dict[str, Any]
) -> list[Unavailability]:
    assert person.staff is not None
    said: dict[date, set[str]] = {}
    for day, text in person.cells.items():
        if day in person.refused_days:
            continue
        meanings = cell_meanings(text, codes)
        if meanings:
            said[day] = meanings
    c0, c1 = hours
    spans: list[tuple[datetime, datetime, str]] = []
    for day in sorted(said):
        m = said[day]
        nxt = day + timedelta(days=1)
        if "leave" in m:
            spans.append((datetime.combine(day, time()), datetime.combine(nxt, time()), "leave"))
        if "day" in m:
            spans.append((datetime.combine(day, c0), datetime.combine(day, c1), "duty"))
        if "night" in m:
            spans.append((datetime.combine(day, c1), datetime.combine(nxt, c0), "duty"))
            # Rest the day after, unless the roster has the person at work or on leave then.
            if not (said.get(nxt, set()) & {"day", "leave"}):
                spans.append((datetime.combine(nxt, c0), datetime.combine(nxt, c1), "rest"))
    spans.sort()
    merged: list[list[Any]] = []
    for s, e, reason in spans:
        last = merged[-1] if merged else None
        if last is not None and last[2] == reason and last[1] >= s:
            last[1] = max(last[1], e)
        else:
            merged.append([s, e, reason])
    return [Unavailability(person.staff, s, e, reason, dict(extra)) for s, e, reason in merged]


def merge_roster(
    held: Mapping[Any, Unavailability], roster: DutyRoster
) -> tuple[list[Unavailability], list[Any], list[Unavailability]]:
    """What saving `roster` writes against the unavailability `held` (by key): (entries to save,
    keys to delete, entries left out). The entries an earlier import of the same department and
    month made and this one does not make again go; an entry of the same person and times held
    from elsewhere (typed in, another roster) stays as it is, and the roster's is left out."""
    tag = roster.tag
    saves: list[Unavailability] = []
    left_out: list[Unavailability] = []
    for e in roster.entries:
        there = held.get(e.key)
        (left_out if there is not None and there.extra.get("roster") != tag else saves).append(e)
    new_keys = {e.key for e in roster.entries}
    gone = [
        u.key for u in imported_from(held.values(), roster.department, roster.month) if u.key not in new_keys
    ]
    return saves, gone, left_out
