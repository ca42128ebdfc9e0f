"""Placing a header's days on dates: plain day numbers by the title's date range, else by the
month given or named (two readings when they wrap, 26…31, 1…25, with nothing to say which
months); month-day cells around the month named. A reading is checked against the weekdays
written (in the cell or the weekday row): one column that disagrees refuses the file. Pure."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from scheduler.exchange.duty.cells import (
    MONTH_ONLY,
    HeaderDay,
    cell_text,
    month_in,
    title_range,
    weekday_of,
    year_in,
)
from scheduler.exchange.duty.codes import N_
from scheduler.exchange.duty.roster import DutyError
from scheduler.exchange.spreadsheet.sheet import column_letter
from scheduler.plan.validation import EARLIEST_DATE, LATEST_DATE, date_in_range

_WEEKDAY_NAMES = "一二三四五六日"


Cell = tuple[int, int, int, HeaderDay]  # (block, row, column, what the header cell says)
# A header cell placed: (block, row, column, day, its date or None, why not: a template, or the
# month ("2026-11") that has no such day).
Placed = tuple[int, int, int, HeaderDay, date | None, str]


def place_days(cells: list[Cell], month: date | None, texts: list[str]) -> list[list[Placed]]:
    """The readings of the header cells (block, row, column, day) as dates: one, or two when
    plain day numbers wrap (26…31, 1…25) and nothing says which months they are in. A cell that
    is no date of the reading has None and the reason's template."""
    explicit = [d for *_x, d in cells if d.month is not None]
    year = month.year if month is not None else None
    if year is None:
        years = [d.year for d in explicit if d.year is not None]
        year = Counter(years).most_common(1)[0][0] if years else year_in(texts)
    span = title_range(texts, year, month)
    if span is not None and month is not None and not span[0].replace(day=1) <= month <= span[1]:
        raise DutyError(
            N_("the title says {value}, not the month given ({month})"),
            f"{span[0]} – {span[1]}",
            (("month", f"{month:%Y-%m}"),),
        )
    base = _written_month(explicit, month, year, span)
    starts = _starts(cells, month, base, span, texts)
    # What month-day cells without a year are placed around: the month given or named in the title.
    anchor = month or month_in(texts)
    readings = [_reading(cells, start, year, anchor) for start in starts or [base or date(2000, 1, 1)]]
    if len(readings) == 2:
        # The reading whose days fall mostly in the month named comes first (a "December" roster
        # from 26 November); one with days its months have not (30, 31 in November) last.
        named = starts[1]

        def rank(r: list[Placed]) -> tuple[int, int]:
            months = Counter(x[4].replace(day=1) for x in r if x[4] is not None)
            most = months.most_common(1)[0][0] if months else None
            return (0 if most == named else 1, sum(1 for x in r if x[4] is None))

        readings.sort(key=rank)
    return readings


def _written_month(
    explicit: list[HeaderDay], month: date | None, year: int | None, span: tuple[date, date] | None
) -> date | None:
    """The month most header cells that write one are in (None: none writes a month). Raises
    DutyError when it has no year, one the app does not take, or is not the month given."""
    written = Counter((d.year, d.month) for d in explicit)
    if not written:
        return None
    (y, mo), _n = written.most_common(1)[0]
    assert mo is not None
    if y is None and month is not None:  # a week from 12月28日 to 1月3日 given as January
        y = _year_near(month, mo)
    y = y if y is not None else year
    if y is None:
        raise DutyError(N_("the header's dates do not say the year: give the month"))
    if not EARLIEST_DATE.year <= y <= LATEST_DATE.year:
        raise DutyError(N_("the header's dates are in {value}, outside the years the app takes"), f"{y}")
    months_written = (
        {date(yy if yy is not None else _year_near(month, mm), mm, 1) for yy, mm in written if mm}
        if month
        else set()
    )
    if month is not None and month not in months_written and not (span and span[0] <= month <= span[1]):
        raise DutyError(N_("the header's dates are in {value}, not in the month given"), f"{y:04d}-{mo:02d}")
    return date(y, mo, 1)


def _starts(
    cells: list[Cell], month: date | None, base: date | None, span: tuple[date, date] | None, texts: list[str]
) -> list[date]:
    """The months plain day numbers may start in: by the title's range, else the month given,
    written or named (and the month before it too when the numbers wrap)."""
    plain = [d.day for *_x, d in cells if d.month is None]
    if not plain:
        return []
    if span is not None:
        s0 = span[0]
        return [s0.replace(day=1) if plain[0] >= s0.day else _next_month(s0)]
    wraps = any(_wraps(a, b) for a, b in zip(plain, plain[1:], strict=False))
    m0 = month or base or month_in(texts)
    if m0 is None:
        raise DutyError(N_("the sheet does not say which month it is for: give the month"))
    return [_prev_month(m0), m0] if wraps else [m0]


def _reading(cells: list[Cell], start: date, year: int | None, anchor: date | None) -> list[Placed]:
    """The header cells placed with plain day numbers counted on from `start`."""
    out: list[Placed] = []
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
    return out


def _year_near(anchor: date, month: int) -> int:
    """The year of a month named without one, nearest the anchor's month (December before a
    January, January after a December)."""
    return anchor.year + (1 if month < anchor.month - 6 else -1 if month > anchor.month + 6 else 0)


def _wraps(before: int, day: int) -> bool:
    """Whether a day number after another starts the next month (…30, 31, 1, 2…): a day that
    goes back otherwise (…14, 14…) is a column of the same month, refused when it is twice."""
    return before >= 28 and day <= 3 and day < before


def _span(reading: list[Placed]) -> str:
    days = [x[4] for x in reading if x[4] is not None]
    return f"{min(days)} – {max(days)}" if days else "?"


def _next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _prev_month(d: date) -> date:
    return date(d.year - (d.month == 1), (d.month - 2) % 12 + 1, 1)


def _disagreements(
    reading: list[Placed],
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
            text = cell_text(rows[wr][c])
            w = weekday_of(text) if text else None
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


def check_readings(
    readings: list[list[Placed]],
    cells: list[Cell],
    weekday_rows: dict[int, int | None],
    rows: Sequence[Sequence[Any]],
    month: date | None,
    texts: list[str],
) -> None:
    """Raises DutyError when the header's days cannot be read one way: the sheet's names say two
    months, day numbers wrap with nothing to say which months, or the weekdays written do not
    fit the dates (naming the columns, and the other reading when it fits)."""
    said_weekdays = any(w is not None for w in weekday_rows.values()) or any(
        d.weekday is not None for *_x, d in cells
    )
    if month is None and not said_weekdays and all(d.month is None for *_x, d in cells):
        _one_month_named(texts)
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


def _one_month_named(texts: list[str]) -> None:
    """Plain day numbers placed by the month the title (or the sheet's or file's name) names:
    another month named beside it (11月's sheet copied, its title changed or not; a file
    急诊科2026年11月排班_12月) is a second reading, refused. A title's date range says which."""
    placed = month_in(texts)
    named_too = (
        []
        if placed is None or title_range(texts, placed.year) is not None
        else [
            (t, int(m.group(1)))
            for t in texts
            for m in MONTH_ONLY.finditer(t)
            if 1 <= int(m.group(1)) <= 12 and int(m.group(1)) != placed.month
        ]
    )
    if placed is not None and named_too:
        raise DutyError(
            N_("the sheet is for {value} by one name and month {other} by another ({name}): give the month"),
            f"{placed:%Y-%m}",
            (("other", str(named_too[0][1])), ("name", named_too[0][0].strip()[:60])),
        )
