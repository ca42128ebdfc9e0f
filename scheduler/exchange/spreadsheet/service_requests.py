"""Service requests from a form's export: one request per service a submission chose, each
with its row's problems, and a submission imported before is not imported again. See
docs/sheets.md."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.exchange.spreadsheet.columns import MANY, REQUIRED
from scheduler.exchange.spreadsheet.forms import chosen_services, request_id, submission_id
from scheduler.exchange.spreadsheet.readers import NO_SUCH
from scheduler.exchange.spreadsheet.row import MAX_FIELD_TEXT, Problem, RowResult, row_values
from scheduler.exchange.spreadsheet.values import audience_number, closest, find_record, fold, norm
from scheduler.exchange.spreadsheet.when import (
    DEFAULT_MINUTES,
    DEFAULT_START,
    date_and_time,
    received_at,
    time_span,
)
from scheduler.plan.model import Plan, ServiceRequest, Slot
from scheduler.plan.validation import date_in_range
from scheduler.plan.wording import N_

_URGENT = {"紧急", "加急", "特急", "急", "是", "urgent", "high", "yes", "y", "高"}
_NORMAL = {
    "一般",
    "普通",
    "正常",
    "否",
    "不急",
    "不紧急",
    "非紧急",
    "不太急",
    "不太紧急",
    "不着急",
    "normal",
    "low",
    "no",
    "n",
    "低",
    "中",
}


def _short(name: str) -> str:
    return hashlib.sha256(fold(name).encode("utf-8")).hexdigest()[:6]


def convert_requests(
    rows: list[list[Any]],
    header_row: int,
    mapping: dict[int, str],
    plan: Plan,
    now: datetime,
    source: str,
    choices: Mapping[str, Mapping[str, str]],
) -> list[RowResult]:
    """One result per service a submission chose (a row choosing two gives two requests, of one
    submission: extra "submission" the same), each with the row's problems."""
    out: list[RowResult] = []
    fields = set(mapping.values())
    missing = [f for f in REQUIRED["requests"] if f not in fields]
    header = rows[header_row] if header_row < len(rows) else []
    seen: dict[str, int] = {}
    column_of = {f: i for i, f in mapping.items() if f not in MANY}
    # The requests imported before by their answers (extra "answers"): an export that leaves out
    # the platform's number (or one that has it, after one that did not) is the same submission.
    by_answers = {
        (r.extra.get("answers"), r.service): k for k, r in plan.requests.items() if r.extra.get("answers")
    }
    for n, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        values, long = row_values(row, mapping)
        services, notes = chosen_services(row, header, mapping, plan.services, choices.get("service", {}))
        answered = {f: v for f, v in values.items() if f not in ("number", "received")}
        if not any(answered.values()) and not services and not notes:
            continue
        if notes:
            values["notes"] = "；".join([*([values["notes"]] if values.get("notes") else []), *notes])
        raw = {f: row[i] if i < len(row) else None for f, i in column_of.items()}
        submission = submission_id(values, raw.get("received"), services)
        answers = submission_id(values, raw.get("received"), services, by_answers=True)
        # The id an import before this version gave the row (a hash of every cell; not worked out
        # for a row with a cell longer than any answer, which that import never took either).
        short = all(not isinstance(c, str) or len(c) <= MAX_FIELD_TEXT for c in row)
        legacy = request_id(row) if short else ""
        for service in services or [""]:
            v = {**values, "service": service}
            problems: list[Problem] = [(f, N_("no column is mapped to it"), "") for f in missing] + list(long)
            if "partner" in fields and not v.get("partner"):
                problems.append(("partner", N_("is empty"), ""))
            if "service" in fields and not service:
                problems.append(("service", N_("no service chosen"), ""))
            res = RowResult(n, v, None, problems)
            out.append(res)
            rid = submission if len(services) <= 1 else f"{submission}-{_short(service)}"
            record = _request(rid, v, raw, plan, now, source, n, choices, res)
            more = {"answers": answers, **({"submission": submission} if len(services) > 1 else {})}
            record = replace(record, extra={**record.extra, **more})
            if rid in seen:
                res.skip = (N_("the same as row {value}"), str(seen[rid]))
            elif rid in plan.requests:
                res.skip = (N_("imported before ({value})"), rid)
            elif (answers, record.service) in by_answers:
                res.skip = (N_("imported before ({value})"), by_answers[(answers, record.service)])
            elif legacy in plan.requests and len(services) <= 1:
                res.skip = (N_("imported before ({value})"), legacy)
            seen.setdefault(rid, n)
            res.record = record if not res.problems else None
    return out


def _request(
    rid: str,
    v: dict[str, str],
    raw: dict[str, Any],
    plan: Plan,
    now: datetime,
    source: str,
    line: int,
    choices: Mapping[str, Mapping[str, str]],
    res: RowResult,
) -> ServiceRequest:
    """The request a row's answers make for one service; each answer that is not what it should
    be is a problem of `res` (a partner or service not found with its closest names)."""
    problems = res.problems
    partner = _named(v, "partner", plan.partners, NO_SUCH["partners"], choices, res)
    service = _named(v, "service", plan.services, NO_SUCH["services"], choices, res)
    received = _received(v, raw, now, problems)
    known = plan.services.get(service or "")
    minutes = known.duration_minutes if known and known.duration_minutes else DEFAULT_MINUTES
    extra: dict[str, Any] = {"source": f"{source} row {line}" if source else f"row {line}"}
    for f in ("contact_name", "contact_phone", "notes"):
        if v.get(f):
            extra[f] = v[f]
    return ServiceRequest(
        rid,
        partner or "",
        service or "",
        received,
        _priority(v, problems),
        _preferred(v, raw, received.year, minutes, problems),
        _audience(v, problems),
        "new",
        extra,
    )


def _named(
    v: dict[str, str],
    f: str,
    items: Mapping[str, Any],
    reason: str,
    choices: Mapping[str, Mapping[str, str]],
    res: RowResult,
) -> str | None:
    """The id of the record an answer names (one chosen by hand, its id or its one name)."""
    name = v.get(f, "")
    found = find_record(items, name, choices.get(f, {})) if name else None
    if name and found is None:
        res.problems.append((f, reason, name))
        res.candidates[f] = closest(name, items)
    return found


def _received(v: dict[str, str], raw: dict[str, Any], now: datetime, problems: list[Problem]) -> datetime:
    """When the submission was sent, as its row says, else `now` (to the minute)."""
    if v.get("received"):
        got = received_at(raw["received"])
        if got is not None and date_in_range(got):
            return got
        problems.append(("received", N_("{value} is not a date and time"), v["received"]))
    return now.replace(second=0, microsecond=0)


def _priority(v: dict[str, str], problems: list[Problem]) -> str:
    """Urgent or normal: 紧急, 加急 … or a 急 not denied (不急 is normal)."""
    if not v.get("priority"):
        return "normal"
    word = norm(v["priority"])
    if word in _NORMAL:
        return "normal"
    if word in _URGENT or ("急" in word and not re.search("[不非无否没]", word)):
        return "urgent"
    problems.append(("priority", N_("{value} is neither urgent nor normal"), v["priority"]))
    return "normal"


def _preferred(
    v: dict[str, str], raw: dict[str, Any], year: int, minutes: int, problems: list[Problem]
) -> tuple[Slot, ...]:
    """The preferred time: the date answered (`year` for one without it), with the time or span
    written with it or in the time column (DEFAULT_START without one; `minutes` long without
    an end)."""
    span: tuple[time, time | None] | None = None
    day: date | None = None
    if v.get("date"):
        when = date_and_time(raw["date"], year)
        if when is None or not date_in_range(when[0]):
            problems.append(("date", N_("{value} is not a date"), v["date"]))
        else:
            day, span = when
    if v.get("time"):
        value = raw["time"]
        got_span = (value, None) if isinstance(value, time) else time_span(v["time"])
        if got_span is None:
            problems.append(("time", N_("{value} is not a time of day"), v["time"]))
        else:
            span = got_span
    if day is None:
        if v.get("time") and not problems:
            problems.append(("date", N_("a time without a date"), v["time"]))
        return ()
    start_t, end_t = span or (DEFAULT_START, None)
    start = datetime.combine(day, start_t)
    end = datetime.combine(day, end_t) if end_t is not None else start + timedelta(minutes=minutes)
    if end <= start:
        problems.append(("time", N_("{value} ends before it starts"), v.get("time") or v["date"]))
        return ()
    return (Slot(start, end),)


def _audience(v: dict[str, str], problems: list[Problem]) -> int | None:
    if not v.get("audience"):
        return None
    audience = audience_number(v["audience"])
    if audience is None:
        problems.append(("audience", N_("{value} is not a number of people"), v["audience"]))
    return audience
