"""The plan file (INTERCHANGE.md): reading a document into a Plan with every problem listed,
and writing a Plan back into a document.

Every file is hostile until read: `load_json` refuses what JSON allows but a plan cannot hold
(duplicate keys in one object, NUL characters, lone surrogates, NaN and Infinity, numbers of
absurd size, nesting deeper than MAX_DEPTH), naming each place, before anything else looks at
the document. Ids are trimmed and NFC-normalised where they are read and where they are
referred to, and two ids of one section equal after that are a problem. Dates and times lie
between validation.EARLIEST_DATE and LATEST_DATE; numbers have the maxima of validation.py.

Decided: a record's `services` key must be one of recording.SERVICE_COUNTS (the counts the
recording form, the statistics and the sheets know). An unknown key is refused with the known
ones named, not kept: kept, it would be counted nowhere and shown nowhere, and a typo
("blood_presure") would lose the count silently. Records an older version stored with other
keys stay as they are; the export shows them and a re-import names them, to be corrected."""

from __future__ import annotations

import dataclasses
import json
import math
import re
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from scheduler.calendar.recurrence import check_rule, first_planned_starts, planned_dates, rule_warnings
from scheduler.exchange.duty.codes import shift_code_problems
from scheduler.office.recording import SERVICE_COUNTS
from scheduler.plan.model import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    ASSIGNMENT_ROLES,
    CALENDAR_KINDS,
    HOLIDAY_POLICIES,
    PARTNER_KINDS,
    RECORD_STATUSES,
    REQUEST_PRIORITIES,
    REQUEST_STATUSES,
    SECTIONS,
    STAFF_UNAVAILABILITY_REASONS,
    Activity,
    Assignment,
    Attendance,
    Branch,
    CalendarEntry,
    Campus,
    Contact,
    Department,
    Hospital,
    Move,
    Need,
    Pairing,
    Partner,
    Plan,
    Record,
    RotationEntry,
    Service,
    ServiceRequest,
    Slot,
    Staff,
    Station,
    Unavailability,
    key_of,
)
from scheduler.plan.validation import (
    MAX_ATTENDED_HOURS,
    MAX_AUDIENCE,
    MAX_DURATION_MINUTES,
    MAX_HOURS_MONTH,
    MAX_NEED_COUNT,
    MAX_OCCURRENCE_DAYS,
    MAX_ON_DUTY,
    MAX_PEOPLE_SERVED,
    MAX_POPULATION,
    MAX_VISITS_PER_YEAR,
    RANGE_REASON,
    date_in_range,
    id_problem,
    normalize_id,
    timezone_ok,
)
from scheduler.plan.wording import N_, Phrase, fill, say_text

FORMAT = "outreach-plan"
VERSION = 1

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


# JSON nesting a document may have: a plan file needs seven levels, unknown keys get room.
MAX_DEPTH = 64
# Digits of a number in a document: more than any count or hour can mean.
MAX_DIGITS = 20
# Problems listed at most for one document; the rest are counted.
MAX_PROBLEMS = 1_000

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_PLAIN_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _safe_text(text: str) -> str:
    """Text that can be printed and stored: lone surrogates written as escapes."""
    return _SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _shown(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return Phrase(N_("a number of about %1 digits"), int(value.bit_length() * 0.30103) + 1)
    try:
        shown = json.dumps(value, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError):
        shown = type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return _safe_text(shown)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document: where (a JSON path), the value found, and why."""

    path: str
    value: Any
    reason: str

    def __str__(self) -> str:
        return self.say(lambda text: text)

    def say(self, t: Callable[[str], str]) -> str:
        """The problem in the language of the translator `t` (English: `str(problem)`)."""
        reason = say_text(self.reason, t)
        if self.value is not None:
            reason = fill(t("%1 (found %2)"), reason, _shown(self.value))
        return f"{_safe_text(self.path)}: {reason}"


class PlanError(ValueError):
    """A document that cannot be taken: carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the plan file")


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if _PLAIN_KEY_RE.match(key) else f"{path}[{json.dumps(key)}]"


class _Refused:
    """Stands where the JSON text held a value no plan can hold; `load_json` names each."""

    __slots__ = ("reason", "shown")

    def __init__(self, reason: str, shown: Any):
        self.reason = reason
        self.shown = shown


class _Pairs(dict):
    """A JSON object whose text named some key more than once (the first value is kept)."""

    __slots__ = ("repeated",)
    repeated: list[str]


class _Hooks:
    """The JSON parser's hooks for one document; they note whether anything was refused, so
    that a clean document (nearly every one) is not walked value by value."""

    __slots__ = ("flagged",)

    def __init__(self) -> None:
        self.flagged = False

    def object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) == len(pairs):
            return out
        self.flagged = True
        seen: set[str] = set()
        marked = _Pairs(out)
        marked.repeated = [k for k, _v in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        return marked

    def int(self, text: str) -> Any:
        digits = len(text.lstrip("-"))
        if digits > MAX_DIGITS:
            self.flagged = True
            return _Refused(
                Phrase(N_("is a number of %1 digits, far beyond anything it can mean"), digits), None
            )
        return int(text)

    def float(self, text: str) -> Any:
        value = float(text)
        if not math.isfinite(value):
            self.flagged = True
            return _Refused(N_("is a number too large to hold"), text[:30])
        return value

    def constant(self, text: str) -> Any:
        self.flagged = True
        return _Refused(N_("is not a number JSON allows (NaN and Infinity are not)"), text)


def _string_problem(text: str) -> str | None:
    if "\x00" in text:
        return Phrase(N_("contains a NUL character"))
    if _SURROGATE_RE.search(text):
        return Phrase(N_("contains a lone surrogate (\\ud800-\\udfff), which is not Unicode text"))
    return None


# Where a NUL or a lone surrogate can come from in JSON text: an escape, or (in text handed over
# as a str) the character itself. Without either, no string needs looking at.
_ESCAPE_RE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


def _suspect(text: str) -> bool:
    if "\\u" in text and _ESCAPE_RE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_CONTAINERS = (dict, list, _Pairs)


def _deeper_than(doc: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` levels, looked at level by level."""
    level = [doc]
    for _ in range(limit):
        level = [
            v for c in level for v in (c.values() if isinstance(c, dict) else c) if type(v) in _CONTAINERS
        ]
        if not level:
            return False
    return True


def _inspect(doc: Any, problems: list[Problem], strings: bool) -> None:
    """Every value `load_json` refuses, with its path: nesting too deep, keys named twice,
    numbers refused by the parse hooks and (when `strings`) NULs and lone surrogates. The walk
    keeps its own stack and goes only where something can be wrong."""
    stack: list[tuple[Any, str, int]] = [(doc, "$", 0)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            reason = _string_problem(value)
            if reason:
                problems.append(Problem(path, value, reason))
            continue
        if isinstance(value, _Refused):
            problems.append(Problem(path, value.shown, value.reason))
            continue
        if depth >= MAX_DEPTH:
            problems.append(Problem(path, None, Phrase(N_("is nested more than %1 levels deep"), MAX_DEPTH)))
            continue
        if isinstance(value, _Pairs):
            for k in value.repeated:
                problems.append(Problem(_key_path(path, k), None, N_("is a key named twice in one object")))
        pairs: Iterable[tuple[Any, Any]] = value.items() if isinstance(value, dict) else enumerate(value)
        children = []
        for k, v in pairs:
            if isinstance(v, (dict, list, _Refused)) or (strings and isinstance(v, str)):
                children.append((v, _key_path(path, k) if isinstance(k, str) else f"{path}[{k}]", depth + 1))
            if strings and isinstance(k, str):
                reason = _string_problem(k)
                if reason:
                    problems.append(Problem(_key_path(path, k), k, Phrase(N_("the key %1"), reason)))
        stack.extend(reversed(children))


def load_json(data: str | bytes) -> Any:
    """A JSON document from outside (a plan file, a records file, a field package), or PlanError
    naming every place where it holds what no plan can: a key named twice in one object, a NUL
    character or a lone surrogate in a string, NaN or Infinity, a number of more than
    MAX_DIGITS digits or beyond what a float holds, nesting deeper than MAX_DEPTH. Bytes must
    be UTF-8 (a byte-order mark is allowed)."""
    if isinstance(data, (bytes, bytearray)):
        try:
            text = bytes(data).decode(json.detect_encoding(data))
        except (UnicodeDecodeError, LookupError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                why = Phrase(N_("is not UTF-8 text (%1 at byte %2)"), exc.reason, exc.start)
            else:
                why = Phrase(N_("is not UTF-8 text (%1)"), exc)
            raise PlanError([Problem("$", None, why)]) from None
    else:
        text = data
    hooks = _Hooks()
    try:
        doc = json.loads(
            text,
            object_pairs_hook=hooks.object,
            parse_int=hooks.int,
            parse_float=hooks.float,
            parse_constant=hooks.constant,
        )
    except json.JSONDecodeError as exc:
        why = Phrase(N_("is not valid JSON: %1 at line %2, column %3"), exc.msg, exc.lineno, exc.colno)
        raise PlanError([Problem("$", None, why)]) from None
    except RecursionError:
        deep = Phrase(N_("is nested more than %1 levels deep"), MAX_DEPTH)
        raise PlanError([Problem("$", None, deep)]) from None
    problems: list[Problem] = []
    if isinstance(doc, (dict, list)):
        strings = _suspect(text)
        if strings or hooks.flagged or _deeper_than(doc, MAX_DEPTH):
            _inspect(doc, problems, strings)
    elif isinstance(doc, _Refused):
        problems.append(Problem("$", doc.shown, doc.reason))
    elif isinstance(doc, str) and _string_problem(doc):
        problems.append(Problem("$", doc, _string_problem(doc) or ""))
    if problems:
        raise PlanError(_capped(problems))
    return doc


def _capped(problems: list[Problem]) -> list[Problem]:
    return problems if len(problems) < MAX_PROBLEMS else [*problems[:MAX_PROBLEMS], _MORE]


_MORE = Problem("$", None, Phrase(N_("has more problems; the first %1 are listed"), MAX_PROBLEMS))
_MISSING = object()


class _Reader:
    """Reads typed fields out of JSON objects, noting a Problem for each bad one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # taken, but not as the writer may expect

    def warn(self, path: str, value: Any, reason: str) -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(Problem(path, value, reason))

    def bad(self, path: str, value: Any, reason: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(path, value, reason))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(_MORE)

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
        value = obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.bad(f"{path}.{key}", None, N_("is required"))
            return default
        return conv(value, f"{path}.{key}")

    # Converters: each returns the value or _MISSING after noting a problem.
    def text(self, value: Any, path: str) -> Any:
        if not isinstance(value, str):
            self.bad(path, value, N_("must be a string"))
            return _MISSING
        reason = _string_problem(value)
        if reason:
            self.bad(path, value, reason)
            return _MISSING
        return value

    def ident(self, value: Any, path: str) -> Any:
        """An id, trimmed and NFC-normalised (the form it is stored and compared in)."""
        if not isinstance(value, str):
            self.bad(path, value, N_("must be a non-empty string id"))
            return _MISSING
        got = normalize_id(value)
        reason = _string_problem(got) or id_problem(got)
        if reason:
            self.bad(path, value, reason)
            return _MISSING
        return got

    def boolean(self, value: Any, path: str) -> Any:
        if not isinstance(value, bool):
            self.bad(path, value, N_("must be true or false"))
            return _MISSING
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
            return _MISSING

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
            return _MISSING

        return conv

    def share(self, value: Any, path: str) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not 0 <= value <= 1:
            self.bad(path, value, N_("must be a share between 0 and 1"))
            return _MISSING
        return self.number(1.0)(value, path)

    def day(self, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not _DATE_RE.match(value):
            self.bad(path, value, N_("must be a date like 2026-12-03"))
            return _MISSING
        try:
            got = date.fromisoformat(value)
        except ValueError:
            self.bad(path, value, N_("is not a real date"))
            return _MISSING
        if not date_in_range(got):
            self.bad(path, value, RANGE_REASON)
            return _MISSING
        return got

    def moment(self, value: Any, path: str) -> Any:
        if not isinstance(value, str) or not _DATETIME_RE.match(value):
            self.bad(path, value, N_("must be a local time like 2026-12-03T18:00"))
            return _MISSING
        try:
            got = datetime.fromisoformat(value)
        except ValueError:
            self.bad(path, value, N_("is not a real date and time"))
            return _MISSING
        if not date_in_range(got):
            self.bad(path, value, RANGE_REASON)
            return _MISSING
        return got

    def one_of(self, choices: tuple[str, ...]) -> Callable[[Any, str], Any]:
        def conv(value: Any, path: str) -> Any:
            if not isinstance(value, str) or value not in choices:
                self.bad(path, value, Phrase(N_("must be one of %1"), ", ".join(choices)))
                return _MISSING
            return value

        return conv

    def items(self, value: Any, path: str) -> list[tuple[str, Any]]:
        if not isinstance(value, list):
            self.bad(path, value, N_("must be a list"))
            return []
        return [(f"{path}[{i}]", v) for i, v in enumerate(value)]


def _ok(*values: Any) -> bool:
    return all(v is not _MISSING for v in values)


def _only(r: _Reader, obj: dict[str, Any], known: tuple[str, ...], path: str) -> bool:
    """Whether `obj` holds only `known` keys; each other key is a problem at its path. For the
    small objects that keep no keys of their own (a partner's contact, a request's preferred
    times, a record's attended people): refused, not dropped on the way to the database."""
    ok = True
    for key, value in obj.items():
        if key not in known:
            r.bad(_key_path(path, key), value, Phrase(_UNKEPT, ", ".join(known)))
            ok = False
    return ok


_UNKEPT = N_(
    "is not kept here: this object holds only %1 (remove the key; keys of your own are kept on the record itself)"
)


def _extra(obj: dict[str, Any], known: Iterable[str]) -> dict[str, Any]:
    known_set = set(known)
    return {k: v for k, v in obj.items() if k not in known_set}


@dataclass(slots=True)
class ParsedPlan:
    """A document read into a Plan, with the JSON path of every record it holds."""

    plan: Plan
    paths: dict[tuple[str, Any], str]
    # What was taken but may not be what the writer meant (a rule cut at the horizon, a start
    # off its rule): said at import beside what changed.
    warnings: list[Problem] = field(default_factory=list)


def parse_document(text: str | bytes, base: Plan | None = None) -> ParsedPlan:
    """Read a plan file's text; raise PlanError listing every problem.

    `base` is what the database holds already: references may point into it."""
    return parse_plan(load_json(text), base)


def parse_plan(doc: Any, base: Plan | None = None) -> ParsedPlan:
    r = _Reader()
    if not isinstance(doc, dict):
        raise PlanError([Problem("$", type(doc).__name__, N_("must be a JSON object"))])
    if doc.get("format") != FORMAT:
        r.bad("$.format", doc.get("format"), Phrase(N_('must be "%1"'), FORMAT))
    version = doc.get("version")
    if version != VERSION or isinstance(version, bool):
        r.bad("$.version", version, Phrase(N_("must be %1"), VERSION))
    if r.problems:
        raise PlanError(r.problems)

    plan = Plan()
    paths: dict[tuple[str, Any], str] = {}
    refused: set[tuple[str, str]] = set()
    _read_sections(r, doc, plan, paths, refused)
    _check_references(r, plan, paths, base or Plan(), refused)
    if r.problems:
        raise PlanError(r.problems)
    return ParsedPlan(plan, paths, r.warnings)


_TOP_KEYS = {"format", "version", "hospital", *SECTIONS}


def _read_sections(
    r: _Reader, doc: dict[str, Any], plan: Plan, paths: dict, refused: set[tuple[str, str]]
) -> None:
    """Read every section into `plan`; the ids of records refused go into `refused`, so that
    what refers to them is not reported as well."""
    if "hospital" in doc and doc["hospital"] is not None:
        plan.hospital = _read_hospital(r, doc["hospital"], "$.hospital")
    plan.extra = _extra(doc, _TOP_KEYS)
    readers: dict[str, Callable[[_Reader, dict[str, Any], str], Any]] = {
        "campuses": _read_campus,
        "departments": _read_department,
        "branches": _read_branch,
        "staff": _read_staff,
        "unavailability": _read_unavailability,
        "partners": _read_partner,
        "pairings": _read_pairing,
        "services": _read_service,
        "activities": _read_activity,
        "assignments": _read_assignment,
        "requests": _read_request,
        "records": _read_record,
        "calendar": _read_calendar,
    }
    for section, reader in readers.items():
        if doc.get(section) is None:
            continue
        target: dict = getattr(plan, section)
        for path, raw in r.items(doc[section], f"$.{section}"):
            obj = r.obj(raw, path)
            if obj is None:
                continue
            item = reader(r, obj, path)
            if item is None:
                if isinstance(obj.get("id"), str):
                    refused.add((section, normalize_id(obj["id"])))
                continue
            key = key_of(section, item)
            if key in target:
                if not isinstance(key, str):
                    what = N_("duplicate entry: also at %1")
                elif obj.get("id") != key:
                    what = N_(
                        "duplicate id (ids are compared without surrounding spaces, in Unicode NFC): also at %1"
                    )
                else:
                    what = N_("duplicate id: also at %1")
                r.bad(path, _shown_key(key), Phrase(what, paths[(section, key)]))
                continue
            target[key] = item
            paths[(section, key)] = path


def _shown_key(key: Any) -> Any:
    if isinstance(key, tuple):
        return [k.isoformat() if isinstance(k, (date, datetime)) else k for k in key]
    if isinstance(key, date):
        return key.isoformat()
    return key


def _read_hospital(r: _Reader, raw: Any, path: str) -> Hospital | None:
    obj = r.obj(raw, path)
    if obj is None:
        return None
    name = r.field(obj, "name", path, r.text, default="")
    tz = r.field(obj, "timezone", path, r.text, default="Asia/Shanghai")
    if isinstance(tz, str) and not timezone_ok(tz):
        r.bad(f"{path}.timezone", tz, N_("is not a time zone of the IANA database (such as Asia/Shanghai)"))
        tz = _MISSING
    hours = ("08:00", "17:30")
    raw_hours = obj.get("clinical_hours")
    if raw_hours is not None:
        if (
            not isinstance(raw_hours, list)
            or len(raw_hours) != 2
            or not all(isinstance(h, str) and _TIME_RE.match(h) for h in raw_hours)
        ):
            r.bad(f"{path}.clinical_hours", raw_hours, N_('must be two times like ["08:00", "17:30"]'))
        elif raw_hours[0] >= raw_hours[1]:
            r.bad(f"{path}.clinical_hours", raw_hours, N_("must end after it starts"))
        else:
            hours = (raw_hours[0], raw_hours[1])
    if obj.get("shift_codes") is not None:  # an app key kept in `extra`: how duty rosters are read
        for where, value, reason in shift_code_problems(obj["shift_codes"]):
            r.bad(f"{path}.shift_codes{where}", value, reason)
    if not _ok(name, tz):
        return None
    return Hospital(name, tz, hours, _extra(obj, ("name", "timezone", "clinical_hours")))


def _read_campus(r: _Reader, obj: dict, path: str) -> Campus | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    name = r.field(obj, "name", path, r.text, required=True)
    if not _ok(id_, name) or id_ is None or name is None:
        return None
    return Campus(id_, name, _extra(obj, ("id", "name")))


def _read_department(r: _Reader, obj: dict, path: str) -> Department | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    name = r.field(obj, "name", path, r.text, required=True)
    campus = r.field(obj, "campus", path, r.ident)
    cover = r.field(obj, "min_on_duty", path, r.whole(MAX_ON_DUTY), default=0)
    if not _ok(id_, name, campus, cover) or id_ is None or name is None:
        return None
    return Department(id_, name, campus, cover, _extra(obj, ("id", "name", "campus", "min_on_duty")))


def _id_list(r: _Reader, obj: dict, key: str, path: str) -> Any:
    raw = obj.get(key)
    if raw is None:
        return ()
    out = []
    seen = set()
    for p, v in r.items(raw, f"{path}.{key}"):
        got = r.ident(v, p)
        if got is _MISSING:
            return _MISSING
        if got in seen:
            r.bad(p, v, N_("is listed twice"))
            return _MISSING
        seen.add(got)
        out.append(got)
    if not isinstance(raw, list):
        return _MISSING
    return tuple(out)


def _read_branch(r: _Reader, obj: dict, path: str) -> Branch | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    name = r.field(obj, "name", path, r.text, required=True)
    depts = _id_list(r, obj, "departments", path)
    secretary = r.field(obj, "secretary", path, r.ident)
    contact = r.field(obj, "contact", path, r.ident)
    if not _ok(id_, name, depts, secretary, contact) or id_ is None or name is None:
        return None
    keys = ("id", "name", "departments", "secretary", "contact")
    return Branch(id_, name, depts, secretary, contact, _extra(obj, keys))


def _read_staff(r: _Reader, obj: dict, path: str) -> Staff | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    name = r.field(obj, "name", path, r.text, required=True)
    dept = r.field(obj, "department", path, r.ident, required=True)
    branch = r.field(obj, "branch", path, r.ident)
    member = r.field(obj, "party_member", path, r.boolean, default=False)
    title = r.field(obj, "title", path, r.text)
    quals = _id_list(r, obj, "qualifications", path)
    phone = r.field(obj, "phone", path, r.text)
    cap = r.field(obj, "max_hours_month", path, r.number(MAX_HOURS_MONTH))
    active = r.field(obj, "active", path, r.boolean, default=True)
    volunteer_no = r.field(obj, "volunteer_no", path, r.text)
    values = (id_, name, dept, branch, member, title, quals, phone, cap, active, volunteer_no)
    if not _ok(*values) or id_ is None or name is None or dept is None:
        return None
    keys = (
        "id",
        "name",
        "department",
        "branch",
        "party_member",
        "title",
        "qualifications",
        "phone",
        "max_hours_month",
        "active",
        "volunteer_no",
    )
    return Staff(
        id_, name, dept, branch, member, title, quals, phone, cap, active, volunteer_no, _extra(obj, keys)
    )


def _interval_ok(
    r: _Reader, start: Any, end: Any, path: str, end_value: Any, longest: timedelta | None = None
) -> bool:
    if isinstance(start, datetime) and isinstance(end, datetime):
        if end <= start:
            r.bad(f"{path}.end", end_value, N_("must be after the start"))
            return False
        if longest is not None and end - start > longest:
            r.bad(f"{path}.end", end_value, Phrase(N_("an occurrence lasts at most %1 days"), longest.days))
            return False
    return True


_LONGEST_OCCURRENCE = timedelta(days=MAX_OCCURRENCE_DAYS)


def _read_unavailability(r: _Reader, obj: dict, path: str) -> Unavailability | None:
    staff = r.field(obj, "staff", path, r.ident, required=True)
    start = r.field(obj, "start", path, r.moment, required=True)
    end = r.field(obj, "end", path, r.moment, required=True)
    reason = r.field(obj, "reason", path, r.one_of(STAFF_UNAVAILABILITY_REASONS), default="leave")
    if not _ok(staff, start, end, reason) or None in (staff, start, end):
        return None
    if not _interval_ok(r, start, end, path, obj.get("end")):
        return None
    return Unavailability(staff, start, end, reason, _extra(obj, ("staff", "start", "end", "reason")))


def _read_partner(r: _Reader, obj: dict, path: str) -> Partner | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    name = r.field(obj, "name", path, r.text, required=True)
    kind = r.field(obj, "kind", path, r.one_of(PARTNER_KINDS), default="community")
    district = r.field(obj, "district", path, r.text)
    address = r.field(obj, "address", path, r.text)
    population = r.field(obj, "population", path, r.whole(MAX_POPULATION))
    share = r.field(obj, "share_60_plus", path, r.share)
    contact = Contact()
    raw_contact = obj.get("contact")
    if raw_contact is not None:
        cobj = r.obj(raw_contact, f"{path}.contact")
        if cobj is None:
            return None
        cname = r.field(cobj, "name", f"{path}.contact", r.text)
        cphone = r.field(cobj, "phone", f"{path}.contact", r.text)
        if not _only(r, cobj, ("name", "phone"), f"{path}.contact") or not _ok(cname, cphone):
            return None
        contact = Contact(cname, cphone)
    values = (id_, name, kind, district, address, population, share)
    if not _ok(*values) or id_ is None or name is None:
        return None
    keys = ("id", "name", "kind", "district", "address", "population", "share_60_plus", "contact")
    return Partner(id_, name, kind, district, address, population, share, contact, _extra(obj, keys))


def _read_pairing(r: _Reader, obj: dict, path: str) -> Pairing | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    branch = r.field(obj, "branch", path, r.ident, required=True)
    partner = r.field(obj, "partner", path, r.ident, required=True)
    start = r.field(obj, "start", path, r.day)
    end = r.field(obj, "end", path, r.day)
    visits = r.field(obj, "visits_per_year", path, r.whole(MAX_VISITS_PER_YEAR), default=0)
    if not _ok(id_, branch, partner, start, end, visits) or None in (id_, branch, partner):
        return None
    if start is not None and end is not None and end < start:
        r.bad(f"{path}.end", obj.get("end"), N_("must not be before the start"))
        return None
    keys = ("id", "branch", "partner", "start", "end", "visits_per_year")
    return Pairing(id_, branch, partner, start, end, visits, _extra(obj, keys))


def _read_needs(r: _Reader, obj: dict, path: str) -> Any:
    raw = obj.get("needs")
    if raw is None:
        return ()
    needs: list[Need] = []
    failed = not isinstance(raw, list)
    for p, v in r.items(raw, f"{path}.needs"):
        nobj = r.obj(v, p)
        if nobj is None:
            failed = True
            continue
        dept = r.field(nobj, "department", p, r.ident)
        qual = r.field(nobj, "qualification", p, r.ident)
        count = r.field(nobj, "count", p, r.whole(MAX_NEED_COUNT, least=1), default=1)
        if not _ok(dept, qual, count):
            failed = True
            continue
        needs.append(Need(dept, qual, count, _extra(nobj, ("department", "qualification", "count"))))
    return _MISSING if failed else tuple(needs)


def _read_service(r: _Reader, obj: dict, path: str) -> Service | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    name = r.field(obj, "name", path, r.text, required=True)
    needs = _read_needs(r, obj, path)
    minutes = r.field(obj, "duration_minutes", path, r.whole(MAX_DURATION_MINUTES, least=1))
    if not _ok(id_, name, needs, minutes) or id_ is None or name is None:
        return None
    return Service(id_, name, needs, minutes, _extra(obj, ("id", "name", "needs", "duration_minutes")))


def _read_activity(r: _Reader, obj: dict, path: str) -> Activity | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    title = r.field(obj, "title", path, r.text, required=True)
    kind = r.field(obj, "kind", path, r.one_of(ACTIVITY_KINDS), default="other")
    partner = r.field(obj, "partner", path, r.ident)
    venue = r.field(obj, "venue", path, r.text)
    start = r.field(obj, "start", path, r.moment, required=True)
    end = r.field(obj, "end", path, r.moment, required=True)
    rule = r.field(obj, "rrule", path, r.text)
    organizer = r.field(obj, "organizer", path, r.ident)
    request = r.field(obj, "request", path, r.ident)
    status = r.field(obj, "status", path, r.one_of(ACTIVITY_STATUSES), default="planned")
    policy = r.field(obj, "holiday_policy", path, r.one_of(HOLIDAY_POLICIES), default="keep")
    ok = _ok(id_, title, kind, partner, venue, start, end, rule, organizer, request, status, policy)
    ok = ok and None not in (id_, title, start, end)
    if ok and not _interval_ok(r, start, end, path, obj.get("end"), _LONGEST_OCCURRENCE):
        ok = False
    if ok and rule is not None:
        reason = check_rule(rule, start)
        if reason is not None:
            r.bad(f"{path}.rrule", rule, Phrase(N_("is not a usable RRULE: %1"), reason))
            ok = False

    exdates, ok_ex = _read_exdates(r, obj, path)
    stations, station_ids, ok_st = _read_stations(r, obj, path)
    rotation, ok_rot = _read_rotation(r, obj, path, station_ids)
    moved, ok_mv = _read_moves(r, obj, path)
    ok = ok and ok_ex and ok_st and ok_rot and ok_mv
    if not ok:
        return None
    activity = Activity(
        id=id_,
        title=title,
        start=start,
        end=end,
        kind=kind,
        partner=partner,
        venue=venue,
        rrule=rule,
        exdates=tuple(exdates),
        organizer=organizer,
        request=request,
        status=status,
        stations=tuple(stations),
        rotation=tuple(rotation),
        moved=tuple(moved),
        holiday_policy=policy,
        extra=_extra(obj, _ACTIVITY_KEYS),
    )
    if not _dates_of_activity_ok(r, activity, path):
        return None
    for key, reason in rule_warnings(activity):
        r.warn(f"{path}.{key}", obj.get(key), reason)
    return activity


def _read_exdates(r: _Reader, obj: dict, path: str) -> tuple[list[date], bool]:
    ok = True
    exdates: list[date] = []
    raw_ex = obj.get("exdates")
    if raw_ex is not None:
        for p, v in r.items(raw_ex, f"{path}.exdates"):
            d = r.day(v, p)
            if d is _MISSING:
                ok = False
            elif d in exdates:
                r.bad(p, v, N_("is listed twice"))
                ok = False
            else:
                exdates.append(d)
        ok = ok and isinstance(raw_ex, list)

    return exdates, ok


def _read_stations(r: _Reader, obj: dict, path: str) -> tuple[list[Station], set[str], bool]:
    ok = True
    stations: list[Station] = []
    station_ids: set[str] = set()
    raw_st = obj.get("stations")
    if raw_st is not None:
        ok = ok and isinstance(raw_st, list)
        for p, v in r.items(raw_st, f"{path}.stations"):
            sobj = r.obj(v, p)
            if sobj is None:
                ok = False
                continue
            sid = r.field(sobj, "id", p, r.ident, required=True)
            sname = r.field(sobj, "name", p, r.text, required=True)
            sneeds = _read_needs(r, sobj, p)
            if not _ok(sid, sname, sneeds) or sid is None or sname is None:
                ok = False
                continue
            if sid in station_ids:
                r.bad(f"{p}.id", sobj.get("id"), N_("duplicate station id in this activity"))
                ok = False
                continue
            station_ids.add(sid)
            stations.append(Station(sid, sname, sneeds, _extra(sobj, ("id", "name", "needs"))))

    return stations, station_ids, ok


def _read_rotation(
    r: _Reader, obj: dict, path: str, station_ids: set[str]
) -> tuple[list[RotationEntry], bool]:
    ok = True
    rotation: list[RotationEntry] = []
    raw_rot = obj.get("rotation")
    if raw_rot is not None:
        ok = ok and isinstance(raw_rot, list)
        for p, v in r.items(raw_rot, f"{path}.rotation"):
            robj = r.obj(v, p)
            if robj is None:
                ok = False
                continue
            occ = r.field(robj, "occurrence", p, r.day)
            st = r.field(robj, "station", p, r.ident)
            dept = r.field(robj, "department", p, r.ident, required=True)
            if not _ok(occ, st, dept) or dept is None:
                ok = False
                continue
            if st is not None and st not in station_ids:
                r.bad(f"{p}.station", st, N_("is not a station of this activity"))
                ok = False
                continue
            rotation.append(
                RotationEntry(dept, occ, st, _extra(robj, ("occurrence", "station", "department")))
            )

    return rotation, ok


def _read_moves(r: _Reader, obj: dict, path: str) -> tuple[list[Move], bool]:
    ok = True
    moved: list[Move] = []
    raw_mv = obj.get("moved")
    if raw_mv is not None:
        ok = ok and isinstance(raw_mv, list)
        seen: set[date] = set()
        for p, v in r.items(raw_mv, f"{path}.moved"):
            mobj = r.obj(v, p)
            if mobj is None:
                ok = False
                continue
            frm = r.field(mobj, "from", p, r.day, required=True)
            ms = r.field(mobj, "start", p, r.moment, required=True)
            me = r.field(mobj, "end", p, r.moment, required=True)
            if not _ok(frm, ms, me) or None in (frm, ms, me):
                ok = False
                continue
            if not _interval_ok(r, ms, me, p, mobj.get("end"), _LONGEST_OCCURRENCE):
                ok = False
                continue
            if frm in seen:
                r.bad(f"{p}.from", mobj.get("from"), N_("this occurrence is moved twice"))
                ok = False
                continue
            seen.add(frm)
            moved.append(Move(frm, ms, me, _extra(mobj, ("from", "start", "end"))))

    return moved, ok


def _dates_of_activity_ok(r: _Reader, activity: Activity, path: str) -> bool:
    """Dates named inside the activity must be dates the activity really has."""
    ok = True
    dates = _all_dates(activity)
    for i, ex in enumerate(activity.exdates):
        if ex not in dates:
            r.bad(f"{path}.exdates[{i}]", ex.isoformat(), N_("is not a date of this activity's rule"))
            ok = False
    have = planned_dates(activity)
    for i, m in enumerate(activity.moved):
        if m.from_date not in have:
            r.bad(f"{path}.moved[{i}].from", m.from_date.isoformat(), _NOT_AN_OCCURRENCE)
            ok = False
    for i, rot in enumerate(activity.rotation):
        if rot.occurrence is not None and rot.occurrence not in have:
            r.bad(f"{path}.rotation[{i}].occurrence", rot.occurrence.isoformat(), _NOT_AN_OCCURRENCE)
            ok = False
    return ok


_NOT_AN_OCCURRENCE = N_("is not an occurrence of this activity (excluded, or never planned)")

_ACTIVITY_KEYS = (
    "id",
    "title",
    "kind",
    "partner",
    "venue",
    "start",
    "end",
    "rrule",
    "exdates",
    "organizer",
    "request",
    "status",
    "stations",
    "rotation",
    "moved",
    "holiday_policy",
)


def _all_dates(activity: Activity) -> set[date]:
    return {s.date() for s in first_planned_starts(activity)}


def _read_assignment(r: _Reader, obj: dict, path: str) -> Assignment | None:
    activity = r.field(obj, "activity", path, r.ident, required=True)
    occ = r.field(obj, "occurrence", path, r.day)
    station = r.field(obj, "station", path, r.ident)
    staff = r.field(obj, "staff", path, r.ident, required=True)
    role = r.field(obj, "role", path, r.one_of(ASSIGNMENT_ROLES), default="member")
    if not _ok(activity, occ, station, staff, role) or None in (activity, staff):
        return None
    keys = ("activity", "occurrence", "station", "staff", "role")
    return Assignment(activity, staff, occ, station, role, _extra(obj, keys))


def _read_request(r: _Reader, obj: dict, path: str) -> ServiceRequest | None:
    id_ = r.field(obj, "id", path, r.ident, required=True)
    partner = r.field(obj, "partner", path, r.ident, required=True)
    service = r.field(obj, "service", path, r.ident, required=True)
    received = r.field(obj, "received", path, r.moment, required=True)
    priority = r.field(obj, "priority", path, r.one_of(REQUEST_PRIORITIES), default="normal")
    audience = r.field(obj, "audience", path, r.whole(MAX_AUDIENCE))
    status = r.field(obj, "status", path, r.one_of(REQUEST_STATUSES), default="new")
    slots: list[Slot] = []
    ok = True
    raw = obj.get("preferred")
    if raw is not None:
        ok = isinstance(raw, list)
        for p, v in r.items(raw, f"{path}.preferred"):
            sobj = r.obj(v, p)
            if sobj is None:
                ok = False
                continue
            s = r.field(sobj, "start", p, r.moment, required=True)
            e = r.field(sobj, "end", p, r.moment, required=True)
            if not _only(r, sobj, ("start", "end"), p):
                ok = False
                continue
            if not _ok(s, e) or None in (s, e) or not _interval_ok(r, s, e, p, sobj.get("end")):
                ok = False
                continue
            slots.append(Slot(s, e))
    values = (id_, partner, service, received, priority, audience, status)
    if not ok or not _ok(*values) or None in (id_, partner, service, received):
        return None
    keys = ("id", "partner", "service", "received", "priority", "preferred", "audience", "status")
    return ServiceRequest(
        id_, partner, service, received, priority, tuple(slots), audience, status, _extra(obj, keys)
    )


def _read_record(r: _Reader, obj: dict, path: str) -> Record | None:
    activity = r.field(obj, "activity", path, r.ident, required=True)
    occ = r.field(obj, "occurrence", path, r.day, required=True)
    status = r.field(obj, "status", path, r.one_of(RECORD_STATUSES), default="done")
    reason = r.field(obj, "reason", path, r.text)
    served = r.field(obj, "served", path, r.whole(MAX_PEOPLE_SERVED))
    notes = r.field(obj, "notes", path, r.text)
    at = r.field(obj, "recorded_at", path, r.moment)
    by = r.field(obj, "recorded_by", path, r.text)
    ok = True
    services: list[tuple[str, int]] = []
    raw_s = obj.get("services")
    if raw_s is not None:
        sobj = r.obj(raw_s, f"{path}.services")
        if sobj is None:
            ok = False
        else:
            count = r.whole(MAX_PEOPLE_SERVED)
            for k, v in sobj.items():
                where = _key_path(f"{path}.services", k)
                key = normalize_id(k)
                if key not in SERVICE_COUNTS:
                    r.bad(where, k, _UNKNOWN_SERVICE)
                    ok = False
                    continue
                if key in dict(services):
                    r.bad(where, k, N_("names a service counted already in this record"))
                    ok = False
                    continue
                n = count(v, where)
                if n is _MISSING:
                    ok = False
                else:
                    services.append((key, n))
    attended: list[Attendance] = []
    raw_a = obj.get("attended")
    if raw_a is not None:
        ok = ok and isinstance(raw_a, list)
        seen: set[str] = set()
        for p, v in r.items(raw_a, f"{path}.attended"):
            aobj = r.obj(v, p)
            if aobj is None:
                ok = False
                continue
            st = r.field(aobj, "staff", p, r.ident, required=True)
            hrs = r.field(aobj, "hours", p, r.number(MAX_ATTENDED_HOURS, above_zero=True), required=True)
            if not _only(r, aobj, ("staff", "hours"), p):
                ok = False
                continue
            if not _ok(st, hrs) or None in (st, hrs):
                ok = False
                continue
            if st in seen:
                r.bad(f"{p}.staff", st, N_("is listed twice"))
                ok = False
                continue
            seen.add(st)
            attended.append(Attendance(st, hrs))
    values = (activity, occ, status, reason, served, notes, at, by)
    if not ok or not _ok(*values) or None in (activity, occ):
        return None
    if status == "cancelled" and not reason:
        r.bad(f"{path}.reason", reason, N_("a cancelled occurrence needs a reason"))
        return None
    keys = (
        "activity",
        "occurrence",
        "status",
        "reason",
        "served",
        "services",
        "attended",
        "notes",
        "recorded_at",
        "recorded_by",
    )
    return Record(
        activity,
        occ,
        status,
        reason,
        served,
        tuple(services),
        tuple(attended),
        notes,
        at,
        by,
        _extra(obj, keys),
    )


_UNKNOWN_SERVICE = Phrase(N_("is not a service the app counts; use one of %1"), ", ".join(SERVICE_COUNTS))


def _read_calendar(r: _Reader, obj: dict, path: str) -> CalendarEntry | None:
    day = r.field(obj, "date", path, r.day, required=True)
    kind = r.field(obj, "kind", path, r.one_of(CALENDAR_KINDS), required=True)
    name = r.field(obj, "name", path, r.text)
    if not _ok(day, kind, name) or None in (day, kind):
        return None
    return CalendarEntry(day, kind, name, _extra(obj, ("date", "kind", "name")))


class _Ids:
    """Looks an id up in the document first, then in what the database holds."""

    def __init__(self, plan: Plan, base: Plan, refused: set[tuple[str, str]]):
        self.plan = plan
        self.base = base
        self.refused = refused

    def has(self, section: str, key: Any) -> bool:
        """Known, or refused already (and reported there)."""
        return (
            key in getattr(self.plan, section)
            or key in getattr(self.base, section)
            or (section, key) in self.refused
        )

    def get(self, section: str, key: Any) -> Any:
        """The record (None when unknown, or refused in the document)."""
        if (section, key) in self.refused:
            return None
        got = getattr(self.plan, section).get(key)
        return got if got is not None else getattr(self.base, section).get(key)


_UNKNOWN_REFERENCE = {
    "department": N_("names no known department"),
    "campus": N_("names no known campus"),
    "staff member": N_("names no known staff member"),
    "branch": N_("names no known branch"),
    "partner": N_("names no known partner"),
    "service request": N_("names no known service request"),
    "service": N_("names no known service"),
}


def _check_references(r: _Reader, plan: Plan, paths: dict, base: Plan, refused: set[tuple[str, str]]) -> None:
    ids = _Ids(plan, base, refused)

    def ref(section: str, at: str, value: Any, what: str) -> None:
        if value is not None and not ids.has(section, value):
            r.bad(at, value, _UNKNOWN_REFERENCE[what])

    def needs(ns: tuple[Need, ...], at: str) -> None:
        for i, n in enumerate(ns):
            ref("departments", f"{at}.needs[{i}].department", n.department, "department")

    for d in plan.departments.values():
        ref("campuses", f"{paths[('departments', d.id)]}.campus", d.campus, "campus")
    for b in plan.branches.values():
        at = paths[("branches", b.id)]
        for i, dep in enumerate(b.departments):
            ref("departments", f"{at}.departments[{i}]", dep, "department")
        ref("staff", f"{at}.secretary", b.secretary, "staff member")
        ref("staff", f"{at}.contact", b.contact, "staff member")
    for s in plan.staff.values():
        at = paths[("staff", s.id)]
        ref("departments", f"{at}.department", s.department, "department")
        ref("branches", f"{at}.branch", s.branch, "branch")
    for u in plan.unavailability.values():
        ref("staff", f"{paths[('unavailability', u.key)]}.staff", u.staff, "staff member")
    for p in plan.pairings.values():
        at = paths[("pairings", p.id)]
        ref("branches", f"{at}.branch", p.branch, "branch")
        ref("partners", f"{at}.partner", p.partner, "partner")
    for sv in plan.services.values():
        needs(sv.needs, paths[("services", sv.id)])
    for a in plan.activities.values():
        at = paths[("activities", a.id)]
        ref("partners", f"{at}.partner", a.partner, "partner")
        ref("branches", f"{at}.organizer", a.organizer, "branch")
        ref("requests", f"{at}.request", a.request, "service request")
        for i, st in enumerate(a.stations):
            needs(st.needs, f"{at}.stations[{i}]")
        for i, rot in enumerate(a.rotation):
            ref("departments", f"{at}.rotation[{i}].department", rot.department, "department")
    for rq in plan.requests.values():
        at = paths[("requests", rq.id)]
        ref("partners", f"{at}.partner", rq.partner, "partner")
        ref("services", f"{at}.service", rq.service, "service")

    dates_cache: dict[str, set[date]] = {}

    def occurrence(activity_id: str, day: date | None, at: str) -> Activity | None:
        activity = ids.get("activities", activity_id)
        if activity is None:
            if not ids.has("activities", activity_id):
                r.bad(f"{at}.activity", activity_id, N_("names no known activity"))
            return None
        if day is not None:
            have = dates_cache.get(activity_id)
            if have is None:
                have = dates_cache[activity_id] = planned_dates(activity)
            if day not in have:
                r.bad(f"{at}.occurrence", day.isoformat(), _NOT_AN_OCCURRENCE)
        return activity

    for asg in plan.assignments.values():
        at = paths[("assignments", asg.key)]
        ref("staff", f"{at}.staff", asg.staff, "staff member")
        activity = occurrence(asg.activity, asg.occurrence, at)
        stations = {s.id for s in activity.stations} if activity is not None else set()
        if activity is not None and asg.station is not None and asg.station not in stations:
            r.bad(f"{at}.station", asg.station, N_("is not a station of this activity"))
    for rec in plan.records.values():
        at = paths[("records", rec.key)]
        occurrence(rec.activity, rec.occurrence, at)
        for i, att in enumerate(rec.attended):
            ref("staff", f"{at}.attended[{i}].staff", att.staff, "staff member")


# ---------------------------------------------------------------- writing


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        # isoformat writes every year with four digits (strftime writes the year 1 as "1").
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _with_extra(d: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for k, v in extra.items():
        d.setdefault(k, v)
    return d


# How the dataclasses of scheduler/plan/model.py are written: every field under its own name, but for
# these (the plan file's spelling), `extra` spread beside them, and a need's filters left out
# when it has none.
_KEY_OF_FIELD = {"from_date": "from"}
_OMITTED_WHEN_NONE = {Need: ("department", "qualification")}
# The order each section is listed in, so the same plan always gives the same text.
_ORDER: dict[str, Callable[[Any], Any]] = {
    "unavailability": lambda u: (u.staff, u.start, u.end),
    "assignments": lambda a: (a.activity, _dkey(a.occurrence), a.station or "", a.staff),
    "records": lambda r: (r.activity, r.occurrence),
    "calendar": lambda c: c.date,
}


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _value(value: Any, hint: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return _iso(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record_doc(value)
    if isinstance(value, tuple):
        inner = typing.get_args(hint)[0] if typing.get_args(hint) else Any
        if typing.get_origin(inner) is tuple:  # (key, count) pairs: an object
            return dict(value)
        items = sorted(value) if inner is date else value
        if typing.get_origin(hint) is tuple and inner is Move:
            items = sorted(value, key=lambda m: m.from_date)
        return [_value(v, inner) for v in items]
    return value


def _record_doc(item: Any) -> dict[str, Any]:
    """One record (or a part of one) as the plan file writes it."""
    cls = type(item)
    hints = _hints(cls)
    omitted = _OMITTED_WHEN_NONE.get(cls, ())
    out: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        if f.name == "extra":
            continue
        value = getattr(item, f.name)
        if value is None and f.name in omitted:
            continue
        out[_KEY_OF_FIELD.get(f.name, f.name)] = _value(value, hints[f.name])
    return _with_extra(out, getattr(item, "extra", {}))


def _sorted(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    return sorted(items, key=key)


def _dkey(d: date | None) -> str:
    return d.isoformat() if d else ""


def plan_to_document(plan: Plan) -> dict[str, Any]:
    """The plan as a plan-file document, each section sorted by its key so output is stable:
    every record written from its dataclass's fields (see _record_doc)."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if plan.hospital is not None:
        doc["hospital"] = _record_doc(plan.hospital)
    for section in SECTIONS:
        items = getattr(plan, section).values()
        order = _ORDER.get(section, lambda item: item.id)
        doc[section] = [_record_doc(item) for item in sorted(items, key=order)]
    for k, v in plan.extra.items():
        doc.setdefault(k, v)
    return doc


def dump_document(doc: dict[str, Any]) -> str:
    """The canonical text of a document: the same plan always gives the same bytes."""
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
