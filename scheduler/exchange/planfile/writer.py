"""Writing a Plan as a plan-file document: every record from its dataclass's fields, each
section sorted by its key, so that the same plan always gives the same text."""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from scheduler.exchange.planfile.reader import FORMAT, VERSION
from scheduler.plan.model import SECTIONS, Move, Need, Plan, key_of


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        # isoformat writes every year with four digits (strftime writes the year 1 as "1").
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _with_extra(d: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The record's own keys beside its fields. An own key a later version declares as a field
    (kept in `extra` by the older one) is written while the field is empty, so it is never lost:
    reading the file back puts it in the field."""
    for k, v in extra.items():
        if d.get(k) is None:
            d[k] = v
    return d


# How the dataclasses of scheduler/plan/model.py are written: every field under its own name, but for
# these (the plan file's spelling), `extra` spread beside them, and a need's filters left out
# when it has none.
_KEY_OF_FIELD = {"from_date": "from"}
_OMITTED_WHEN_NONE = {Need: ("department", "qualification")}


# Each section is listed in the order of its records' keys (key_of), so the same plan always
# gives the same text: a part not given (an assignment's occurrence or station) first.
def _order(section: str) -> Callable[[Any], Any]:
    def key(item: Any) -> tuple[str, ...]:
        parts = key_of(section, item)
        parts = parts if isinstance(parts, tuple) else (parts,)
        return tuple(
            "" if p is None else p.isoformat() if isinstance(p, (date, datetime)) else p for p in parts
        )

    return key


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


def plan_to_document(plan: Plan) -> dict[str, Any]:
    """The plan as a plan-file document, each section sorted by its key so output is stable:
    every record written from its dataclass's fields (see _record_doc)."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if plan.hospital is not None:
        doc["hospital"] = _record_doc(plan.hospital)
    for section in SECTIONS:
        items = getattr(plan, section).values()
        doc[section] = [_record_doc(item) for item in sorted(items, key=_order(section))]
    for k, v in plan.extra.items():
        doc.setdefault(k, v)
    return doc


def dump_document(doc: dict[str, Any]) -> str:
    """The canonical text of a document: the same plan always gives the same bytes."""
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
