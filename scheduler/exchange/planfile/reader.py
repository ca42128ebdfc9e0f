"""The primitives every section reader is built on: a Reader taking one typed value out of a
JSON object (noting a Problem for each bad one), and the checks shared by several sections."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from scheduler.exchange.planfile.problems import MAX_PROBLEMS, MORE, Problem, key_path, string_problem
from scheduler.plan.validation import (
    RANGE_REASON,
    date_in_range,
    id_problem,
    normalize_id,
    timezone_ok,
)
from scheduler.plan.wording import N_, Phrase

# What a document says it is.
FORMAT = "outreach-plan"
VERSION = 1

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# Stands for a value that was refused (its problem noted): the record it belongs to is not taken.
MISSING = object()


class Reader:
    """Reads typed fields out of JSON objects, noting a Problem for each bad one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # taken, but not as the writer may expect
        self._ids: dict[str, str] = {}  # ids read well already, as written -> as read

    def warn(self, path: str, value: Any, reason: str) -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(Problem(path, value, reason))

    def bad(self, path: str, value: Any, reason: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(path, value, reason))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(MORE)

    def obj(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.bad(path, value, N_("must be an object"))
            return None
        return value

    def field(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        conv: Callable[[Any, str], Any],
        required: bool = False,
        default: Any = None,
    ) -> Any:
        value = obj.get(key, MISSING)
        if value is MISSING or value is None:
            if required:
                self.bad(f"{path}.{key}", None, N_("is required"))
            return default
        return conv(value, f"{path}.{key}")

    # Converters: each returns the value or MISSING after noting a problem.
    def text(self, value: Any, path: str) -> Any:
        if not isinstance(value, str):
            self.bad(path, value, N_("must be a string"))
            return MISSING
        reason = string_problem(value)
        if reason:
            self.bad(path, value, reason)
            return MISSING
        return value

    def ident(self, value: Any, path: str) -> Any:
        """An id, trimmed and NFC-normalised (the form it is stored and compared in)."""
        known = self._ids.get(value) if type(value) is str else None
        if known is not None:
            return known
        if not isinstance(value, str):
            self.bad(path, value, N_("must be a non-empty string id"))
            return MISSING
        got = normalize_id(value)
        reason = string_problem(got) or id_problem(got)
        if reason:
            self.bad(path, value, reason)
            return MISSING
        self._ids[value] = got
        return got

    def boolean(self, value: Any, path: str) -> Any:
        if not isinstance(value, bool):
            self.bad(path, value, N_("must be true or false"))
            return MISSING
        return value

    def whole(self, maximum: int, least: int = 0) -> Callable[[Any, str], Any]:
        """A whole number from `least` to `maximum`."""

        def conv(value: Any, path: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, int):
                self.bad(path, value, N_("must be a whole number"))
            elif value < least:
                self.bad(
                    path,
                    value,
                    N_("must not be negative") if least == 0 else Phrase(N_("must be at least %1"), least),
                )
            elif value > maximum:
                self.bad(path, value, Phrase(N_("must be at most %1"), maximum))
            else:
                return value
            return MISSING

        return conv

    def number(self, maximum: float, above_zero: bool = False) -> Callable[[Any, str], Any]:
        """A finite number from 0 (or above 0) to `maximum`, as a float."""

        def conv(value: Any, path: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.bad(path, value, N_("must be a number"))
            elif isinstance(value, float) and not math.isfinite(value):
                self.bad(path, value, N_("must be a finite number"))
            elif value < 0:
                self.bad(path, value, N_("must not be negative"))
            elif above_zero and value == 0:
                self.bad(path, value, N_("must be above 0"))
            elif value > maximum:
                self.bad(path, value, Phrase(N_("must be at most %1"), f"{maximum:g}"))
            else:
                return float(value)
            return MISSING

        return conv

    def share(self, value: Any, path: str) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not 0 <= value <= 1:
            self.bad(path, value, N_("must be a share between 0 and 1"))
            return MISSING
        return self.number(1.0)(value, path)

    def day(self, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not _DATE_RE.match(value):
            self.bad(path, value, N_("must be a date like 2026-12-03"))
            return MISSING
        try:
            got = date.fromisoformat(value)
        except ValueError:
            self.bad(path, value, N_("is not a real date"))
            return MISSING
        if not date_in_range(got):
            self.bad(path, value, RANGE_REASON)
            return MISSING
        return got

    def moment(self, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not _DATETIME_RE.match(value):
            self.bad(path, value, N_("must be a local time like 2026-12-03T18:00"))
            return MISSING
        try:
            got = datetime.fromisoformat(value)
        except ValueError:
            self.bad(path, value, N_("is not a real date and time"))
            return MISSING
        if not date_in_range(got):
            self.bad(path, value, RANGE_REASON)
            return MISSING
        return got

    def one_of(self, choices: tuple[str, ...]) -> Callable[[Any, str], Any]:
        def conv(value: Any, path: str) -> Any:
            if not isinstance(value, str) or value not in choices:
                self.bad(path, value, Phrase(N_("must be one of %1"), ", ".join(choices)))
                return MISSING
            return value

        return conv

    def timezone(self, value: Any, path: str) -> Any:
        got = self.text(value, path)
        if isinstance(got, str) and not timezone_ok(got):
            self.bad(path, got, N_("is not a time zone of the IANA database (such as Asia/Shanghai)"))
            return MISSING
        return got

    def hours(self, value: Any, path: str) -> Any:
        """Two times of day, the second after the first."""
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(h, str) and _TIME_RE.match(h) for h in value)
        ):
            self.bad(path, value, N_('must be two times like ["08:00", "17:30"]'))
            return MISSING
        if value[0] >= value[1]:
            self.bad(path, value, N_("must end after it starts"))
            return MISSING
        return (value[0], value[1])

    def ids(self, value: Any, path: str) -> Any:
        """A list of ids, none twice."""
        out = []
        seen = set()
        for p, v in self.items(value, path):
            got = self.ident(v, p)
            if got is MISSING:
                return MISSING
            if got in seen:
                self.bad(p, v, N_("is listed twice"))
                return MISSING
            seen.add(got)
            out.append(got)
        if not isinstance(value, list):
            return MISSING
        return tuple(out)

    def items(self, value: Any, path: str) -> list[tuple[str, Any]]:
        if not isinstance(value, list):
            self.bad(path, value, N_("must be a list"))
            return []
        return [(f"{path}[{i}]", v) for i, v in enumerate(value)]


def all_read(*values: Any) -> bool:
    return all(v is not MISSING for v in values)


def only_keys(r: Reader, obj: dict[str, Any], known: tuple[str, ...], path: str) -> bool:
    """Whether `obj` holds only `known` keys; each other key is a problem at its path. For the
    small objects that keep no keys of their own (a partner's contact, a request's preferred
    times, a record's attended people): refused, not dropped on the way to the database."""
    ok = True
    for key, value in obj.items():
        if key not in known:
            r.bad(key_path(path, key), value, Phrase(_UNKEPT, ", ".join(known)))
            ok = False
    return ok


_UNKEPT = N_(
    "is not kept here: this object holds only %1 (remove the key; keys of your own are kept on the record itself)"
)


def extra_of(obj: dict[str, Any], known: Iterable[str]) -> dict[str, Any]:
    """The keys of an object the reader does not know: the record's own, kept as they are."""
    known_set = known if isinstance(known, frozenset) else frozenset(known)
    if obj.keys() <= known_set:
        return {}
    return {k: v for k, v in obj.items() if k not in known_set}


def interval_ok(
    r: Reader, start: Any, end: Any, path: str, end_value: Any, longest: timedelta | None = None
) -> bool:
    if isinstance(start, datetime) and isinstance(end, datetime):
        if end <= start:
            r.bad(f"{path}.end", end_value, N_("must be after the start"))
            return False
        if longest is not None and end - start > longest:
            r.bad(f"{path}.end", end_value, Phrase(N_("an occurrence lasts at most %1 days"), longest.days))
            return False
    return True
