"""What the command line takes as a date, a month, a year or a number of seconds: one parser each,
used by every command, holding values to the contract (docs/command-line.md):
dates within 2000-01-01 – 2100-12-31, `--to` not before the start in use, numbers finite and
positive. Anything else is one clear line and exit 2."""

from __future__ import annotations

import argparse
import math
from datetime import date

from cli.common import CommandError
from cli.lang import tf
from scheduler.plan.validation import EARLIEST_DATE, LATEST_DATE


def _within(found: date, text: str) -> date:
    if not EARLIEST_DATE <= found <= LATEST_DATE:
        raise argparse.ArgumentTypeError(
            tf("date out of range: %1 (dates lie between %2 and %3)", repr(text), EARLIEST_DATE, LATEST_DATE)
        )
    return found


def day(text: str) -> date:
    """A date YYYY-MM-DD between 2000-01-01 and 2100-12-31."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        found = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tf("not a date (YYYY-MM-DD): %1", repr(text))) from None
    return _within(found, text)


def month(text: str) -> date:
    """A month YYYY-MM (its first day) within the dates above."""
    parts = text.split("-")
    try:
        if len(parts) != 2 or len(parts[0]) != 4 or not 1 <= len(parts[1]) <= 2:
            raise ValueError(text)
        found = date(int(parts[0]), int(parts[1]), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(tf("not a month (YYYY-MM): %1", repr(text))) from None
    return _within(found, text)


def year(text: str) -> int:
    """A year whose every day lies within the dates above."""
    try:
        y = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(tf("not a year: %1", repr(text))) from None
    if not EARLIEST_DATE.year <= y <= LATEST_DATE.year:
        raise argparse.ArgumentTypeError(
            tf("year out of range: %1 (years lie between %2 and %3)", y, EARLIEST_DATE.year, LATEST_DATE.year)
        )
    return y


def seconds(text: str) -> float:
    """A finite number of seconds above 0 (not nan, not inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tf("not a number of seconds: %1", repr(text))) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(tf("must be a number of seconds above 0, not %1", repr(text)))
    return value


def span(start: date | None, end: date | None, default_start: date | None) -> date | None:
    """The start in use (`start`, else `default_start`); CommandError when `end` lies before it."""
    first = start if start is not None else default_start
    if end is not None and first is not None and end < first:
        if start is not None:
            raise CommandError(tf("--to %1 is before --from %2", end, first))
        raise CommandError(tf("--to %1 is before the first day in use, %2 (give --from)", end, first))
    return first


def until(start: date, days: int) -> date:
    """The default last day of a window `days` long from `start`, kept within the dates above."""
    return min(date.fromordinal(start.toordinal() + days), LATEST_DATE)


# The demo's pairings begin up to three years before its year (scheduler/demo/hospital.py): the first year
# whose demo can be exported and imported back is 2003.
DEMO_PAST_YEARS = 3


def demo_year(text: str) -> int:
    """A year whose demo hospital lies wholly within the dates above."""
    y = year(text)
    if y - DEMO_PAST_YEARS < EARLIEST_DATE.year:
        raise argparse.ArgumentTypeError(
            tf(
                "the demo's pairings begin up to %1 years before its year: give a year from %2 to %3",
                DEMO_PAST_YEARS,
                EARLIEST_DATE.year + DEMO_PAST_YEARS,
                LATEST_DATE.year,
            )
        )
    return y
