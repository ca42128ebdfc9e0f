"""Staff, departments and partners from a sheet: each row a record (an existing one updated by
its key) with its problems. A column gives the declared field it is mapped to
(scheduler/plan/fields.py), read by the field's kind (readers.py); a field of a small object of
the record ("contact.name") goes into that object. See docs/sheets.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from functools import cache
from typing import Any

from scheduler.exchange.spreadsheet.columns import REQUIRED, sheet_fields
from scheduler.exchange.spreadsheet.readers import KEEP, READERS, Reader, read_text
from scheduler.exchange.spreadsheet.row import TOO_LONG, Problem, RowResult, row_values
from scheduler.exchange.spreadsheet.service_requests import convert_requests
from scheduler.exchange.spreadsheet.values import closest
from scheduler.plan.fields import Field
from scheduler.plan.model import Department, Partner, Plan, Staff
from scheduler.plan.wording import N_

LEADING_ZEROS = N_(
    "staff number {value}: the same number with other leading zeros (Excel drops them from a number; "
    "format the column as text and write the number as it is)"
)
RECORDS = {"staff": Staff, "departments": Department, "partners": Partner}


def convert(
    target: str,
    rows: list[list[Any]],
    header_row: int,
    mapping: dict[int, str],
    plan: Plan,
    *,
    now: datetime | None = None,
    source: str = "",
    choices: Mapping[str, Mapping[str, str]] | None = None,
) -> list[RowResult]:
    """Every data row below the header as a record with its problems; blank rows are skipped.
    Requests: `now` is the receipt time of a row that does not say when it was sent, `source`
    the file's name, `choices` names the user matched by hand (field → name → id)."""
    if target == "requests":
        if now is None:
            raise ValueError("reading requests needs the time they are received (now)")
        return convert_requests(rows, header_row, mapping, plan, now, source, choices or {})
    out: list[RowResult] = []
    seen: dict[str, int] = {}
    missing = [f for f in REQUIRED[target] if f not in mapping.values()]
    for n, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        values, problems = row_values(row, mapping)
        if not any(values.values()):
            continue
        problems = [(f, N_("no column is mapped to it"), "") for f in missing] + problems
        for f in REQUIRED[target]:
            if f in values and not values[f]:
                problems.append((f, N_("is empty"), ""))
        if any(t == TOO_LONG for _f, t, _v in problems):
            out.append(RowResult(n, values, None, problems))  # refused: its cells not looked into
            continue
        key = values.get("id", "")
        if key:
            if key in seen:
                problems.append(("id", N_("appears twice (row {value})"), str(seen[key])))
            else:
                seen[key] = n
        record, update, more = section_record(target, values, plan)
        problems += more
        res = RowResult(n, values, record, problems, update)
        for name, section in _required_refs(target):  # one not found: the closest names offered
            if any(p == name and v for p, _t, v in more):
                res.candidates[name] = closest(values[name], getattr(plan, section))
        out.append(res)
    return out


def section_record(target: str, v: dict[str, str], plan: Plan) -> tuple[Any | None, bool, list[Problem]]:
    """The record a row gives (None without its key and name), whether it updates one there,
    and the problems of its cells."""
    key = v.get("id", "")
    if not key or not v.get("name"):
        return None, False, []
    old = getattr(plan, target).get(key)
    problems = _same_number(key, plan) if target == "staff" and old is None else []
    record = old or _new(target, key, v["name"])
    changes, more = _changes(target, v, plan)
    problems += more
    if target == "staff" and v.get("position"):  # kept beside the title, as the plan file's `position`
        changes["extra"] = {**record.extra, "position": v["position"]}
    return _changed(target, record, changes), old is not None, problems


def _same_number(key: str, plan: Plan) -> list[Problem]:
    """00123 and 123: Excel drops a number's leading zeros, so a sheet saved from one that had
    them names the same person another way; never a new person in silence."""
    if not key.isdigit():
        return []
    same = sorted(s for s in plan.staff if s != key and s.isdigit() and s.lstrip("0") == key.lstrip("0"))
    if not same:
        return []
    names = ", ".join(f"{s} {plan.staff[s].name}" for s in same)
    return [("id", LEADING_ZEROS, f"{key} / {names}")]


def _new(target: str, key: str, name: str) -> Any:
    """A record of the section that is not there yet: its key, its name, and its other required
    fields empty (a staff member's department, said by the row or refused)."""
    return RECORDS[target](id=key, name=name, **_required_empty(target))


def _changes(target: str, v: dict[str, str], plan: Plan) -> tuple[dict[str, Any], list[Problem]]:
    """Field key -> value of each mapped cell that holds something, read by its field's kind;
    a required field's empty cell empties it (the row is refused for it)."""
    changes: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, key, f, reader in _readers(target):
        text = v.get(name)
        if not text:
            if text is not None and f.required:
                changes[key] = ""
            continue
        if reader is read_text:  # most cells: the text as it is, without the call
            changes[key] = text
            continue
        value, more = reader(f, text, plan)
        if more:
            problems += more
        if value is not KEEP:
            changes[key] = value
    return changes, problems


def _changed(target: str, record: Any, changes: dict[str, Any]) -> Any:
    """`record` with `changes`; a key "contact.name" changes the name of its `contact`."""
    if not _dotted(target):
        return _with(record, changes)
    flat: dict[str, Any] = {}
    inner: dict[str, dict[str, Any]] = {}
    for k, value in changes.items():
        part, dot, attr = k.partition(".")
        if dot:
            inner.setdefault(part, {})[attr] = value
        else:
            flat[k] = value
    for part, values in inner.items():
        flat[part] = _with(getattr(record, part), values)
    return _with(record, flat)


def _with(record: Any, changes: dict[str, Any]) -> Any:
    """dataclasses.replace, for the records of a sheet (thousands of rows): a new record of the
    same kind, `changes` over its own values."""
    return type(record)(
        **{n: changes[n] if n in changes else getattr(record, n) for n in _names(type(record))}
    )


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    """The fields a record of this kind is made with (worked out once per kind)."""
    names = _NAMES.get(kind)
    if names is None:
        names = _NAMES[kind] = tuple(f.name for f in fields(kind) if f.init)
    return names


@cache
def _readers(target: str) -> tuple[tuple[str, str, Field, Reader], ...]:
    """(name, key, field, reader) of each field a sheet's cell gives but the key."""
    return tuple((f.name, f.key, f, READERS[f.kind]) for f in sheet_fields(target) if f.key != "id")


@cache
def _required_refs(target: str) -> tuple[tuple[str, str], ...]:
    """(name, section) of the required references: one not found is offered its closest names."""
    return tuple((f.name, f.ref or "") for f in sheet_fields(target) if f.kind == "ref" and f.required)


@cache
def _required_empty(target: str) -> dict[str, str]:
    return {f.key: "" for f in sheet_fields(target) if f.required and f.key not in ("id", "name")}


@cache
def _dotted(target: str) -> bool:
    """Whether a section's sheet has fields of a small object of the record ("contact.name")."""
    return any("." in f.key for f in sheet_fields(target))
