"""Checks of single values that every way in (forms, plan files, spreadsheets) shares, and the
limits they hold values to, each declared once here."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from datetime import date, datetime, time
from functools import lru_cache

from scheduler.plan.wording import N_, Phrase

_PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{4,19}$")
_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
# The control characters (Unicode category Cc: C0, DEL and C1).
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")

# Dates and times a plan may name (docs/plan-file.md): anything else is a typo or an attack, and
# dates near the ends of what `datetime` holds overflow as soon as a day is added to them.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)
EARLIEST_TIME = datetime.combine(EARLIEST_DATE, time.min)
LATEST_TIME = datetime.combine(LATEST_DATE, time(23, 59))

# Sane maxima of numbers a plan or a record may hold. They are far above anything real and far
# below what breaks SQLite's 64-bit integers, the forms' spin boxes or the statistics.
MAX_PEOPLE_SERVED = 1_000_000  # people served at one occurrence, in all or by one service
MAX_AUDIENCE = 1_000_000  # audience a service request expects
MAX_ATTENDED_HOURS = 24.0  # hours one person is credited for one occurrence
MAX_HOURS_MONTH = 744.0  # a person's monthly cap of volunteer hours (31 days of 24 hours)
MAX_VISITS_PER_YEAR = 366  # visits a pairing promises in a year
MAX_POPULATION = 100_000_000  # people living where a partner is
MAX_ON_DUTY = 100_000  # people a department must keep in the hospital
MAX_NEED_COUNT = 1_000  # people one line of need asks for
MAX_DURATION_MINUTES = 24 * 60  # the usual length of a service
MAX_OCCURRENCE_DAYS = 31  # length of one occurrence of an activity (a fair, a training week)
MAX_ID_LENGTH = 200  # characters of an id
MAX_RULE_LENGTH = 1_000  # characters of a recurrence rule


def phone_ok(text: str) -> bool:
    """A phone number: digits, with an optional leading + and - or spaces between groups."""
    return bool(_PHONE_RE.match(text.strip()))


def id_ok(text: str) -> bool:
    """An id a person can type and a file can carry: letters, digits, '-', '_' and '.'."""
    return bool(_ID_RE.match(text))


def normalize_id(text: str) -> str:
    """An id as it is compared and stored: surrounding spaces trimmed, Unicode NFC, so that
    "s001 " and "s001", or a precomposed and a decomposed "é", name the same record."""
    return unicodedata.normalize("NFC", text.strip())


def id_problem(text: str) -> str | None:
    """Why a (normalised) id cannot be used, or None when it can."""
    if not text:
        return N_("must be a non-empty string id")
    if len(text) > MAX_ID_LENGTH:
        return Phrase(N_("must be at most %1 characters long"), MAX_ID_LENGTH)
    if _CONTROL_RE.search(text):
        return N_("must not contain control characters")
    return None


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    # The IANA database as Python finds it (the system's, or the tzdata package): read once,
    # as a table of names.
    return frozenset(zoneinfo.available_timezones())


def timezone_ok(name: str) -> bool:
    """Whether `name` is a time zone of the IANA database ("Asia/Shanghai"). Where Python finds
    no database at all, any name that looks like one is taken (nothing to check it against)."""
    zones = _zones()
    if zones:
        return name in zones
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*", name))


def date_in_range(value: date) -> bool:
    """Whether a date (or a time's date) lies between EARLIEST_DATE and LATEST_DATE."""
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST_DATE <= day <= LATEST_DATE


RANGE_REASON = Phrase(N_("must lie between %1 and %2"), EARLIEST_DATE.isoformat(), LATEST_DATE.isoformat())

# What a database may hold from older versions: years written without their leading zeros
# ("1-01-01T00:00" for the year 1, as strftime writes it on Linux).
_STORED_RE = re.compile(
    r"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*$"
)


def stored_datetime(text: str) -> datetime:
    """A time read back from the database, whatever year it names (ValueError if none)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    m = _STORED_RE.match(text)
    if m is None:
        raise ValueError(f"not a stored time: {text!r}")
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return datetime(y, mo, d, h, mi, s)


def stored_date(text: str) -> date:
    """A date read back from the database, whatever year it names (ValueError if none)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return stored_datetime(text).date()
