"""The readers of the flat sections, derived from the declaration (scheduler/plan/fields.py):
each field read by the primitive its kind names, in the declaration's order, then the checks
it declares between fields (an end after its start). The nested parts of a flat section (a
service's needs, a request's preferred times) have a reader of their own here; activities
and records read their fields with `read_fields` and their nested parts by hand."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from scheduler.exchange.duty.codes import shift_code_problems
from scheduler.exchange.planfile.reader import (
    MISSING,
    Reader,
    all_read,
    extra_of,
    interval_ok,
    only_keys,
)
from scheduler.plan.fields import FIELDS, Field
from scheduler.plan.model import Hospital, Need, Plan, Slot
from scheduler.plan.validation import MAX_NEED_COUNT
from scheduler.plan.wording import N_

Convert = Callable[[Any, str], Any]
# One field as a section reader reads it: (key, converter, required, default); for a small
# object of the record (a partner's contact): (key, None, its own steps, its class).
Step = tuple[str, Any, Any, Any]


def _converter(r: Reader, section: str, f: Field) -> Convert:
    kind = f.kind
    if kind in ("id", "ref"):
        return r.ident
    if kind in ("text", "phone", "rule"):
        return r.text
    if kind == "int":
        return r.whole(int(f.maximum or 0), f.minimum)
    if kind == "float":
        return r.number(float(f.maximum or 0))
    if kind == "nested":
        read = NESTED[(section, f.key)]
        return lambda value, path: read(r, value, path)
    simple: dict[str, Convert] = {
        "share": r.share,
        "bool": r.boolean,
        "date": r.day,
        "datetime": r.moment,
        "timezone": r.timezone,
        "hours": r.hours,
        "refs": r.ids,
        "codes": r.ids,
    }
    if kind == "choice":
        return r.one_of(f.choices)
    return simple[kind]


def steps_of(r: Reader, section: str) -> list[Step]:
    """How a section's fields are read (those with a reader: nested parts read by hand are not)."""
    steps: list[Step] = []
    groups: dict[str, list[Step]] = {}
    cls = section_class(section)
    for f in FIELDS[section]:
        if f.kind == "nested" and (section, f.key) not in NESTED:
            continue
        step = (f.key, _converter(r, section, f), f.required, f.default)
        if "." in f.key:
            group, key = f.key.split(".", 1)
            if group not in groups:
                groups[group] = []
                part = typing.get_type_hints(cls)[group]
                steps.append((group, None, groups[group], part))
            groups[group].append((key, *step[1:]))
            continue
        steps.append(step)
    return steps


def read_fields(r: Reader, obj: dict[str, Any], path: str, steps: list[Step]) -> tuple[dict[str, Any], bool]:
    """The fields' values by key, and whether every one was read (and every required one given)."""
    values: dict[str, Any] = {}
    ok = True
    for key, conv, required, default in steps:
        if conv is None:
            got = _read_part(r, obj, key, path, required, default)
        else:
            value = obj.get(key)
            if value is None:
                if required:
                    r.bad(f"{path}.{key}", None, N_("is required"))
                    ok = False
                got = default
            else:
                got = conv(value, f"{path}.{key}")
        if got is MISSING:
            ok = False
        values[key] = got
    return values, ok


def _read_part(r: Reader, obj: dict[str, Any], key: str, path: str, steps: list[Step], cls: type) -> Any:
    """A small object of the record, which keeps no keys of its own (a partner's contact)."""
    raw = obj.get(key)
    if raw is None:
        return cls()
    where = f"{path}.{key}"
    part = r.obj(raw, where)
    if part is None:
        return MISSING
    values, ok = read_fields(r, part, where, steps)
    if not only_keys(r, part, tuple(s[0] for s in steps), where) or not ok:
        return MISSING
    return cls(**values)


def order_ok(r: Reader, section: str, values: dict[str, Any], obj: dict[str, Any], path: str) -> bool:
    """The declared order of fields: a date not before, a time after, the one it follows."""
    for f in FIELDS[section]:
        if f.after is None:
            continue
        start, end = values[f.after], values[f.key]
        if f.kind == "date":
            if start is not None and end is not None and end < start:
                r.bad(f"{path}.{f.key}", obj.get(f.key), N_("must not be before the start"))
                return False
        else:
            longest = timedelta(days=f.within_days) if f.within_days is not None else None
            if not interval_ok(r, start, end, path, obj.get(f.key), longest):
                return False
    return True


def section_class(section: str) -> type:
    return _CLASSES[section]


_PLAN_HINTS = typing.get_type_hints(Plan)
_CLASSES: dict[str, type] = {
    "hospital": Hospital,
    **{s: typing.get_args(_PLAN_HINTS[s])[1] for s in FIELDS if s != "hospital"},
}
_KEYS = {s: frozenset(f.key.split(".")[0] for f in fs) for s, fs in FIELDS.items()}


def keys_of(section: str) -> frozenset[str]:
    """The keys a section's records are read from (others are kept as the record's own)."""
    return _KEYS[section]


def flat_reader(r: Reader, section: str) -> Callable[[Reader, dict[str, Any], str], Any]:
    """The reader of one record of a flat section: its fields, then their declared order."""
    steps = steps_of(r, section)
    cls = section_class(section)
    keys = keys_of(section)
    ordered = any(f.after for f in FIELDS[section])

    def read(r: Reader, obj: dict[str, Any], path: str) -> Any:
        values, ok = read_fields(r, obj, path, steps)
        if not ok or (ordered and not order_ok(r, section, values, obj, path)):
            return None
        return cls(**values, extra=extra_of(obj, keys))

    return read


def read_hospital(r: Reader, raw: Any, path: str) -> Hospital | None:
    obj = r.obj(raw, path)
    if obj is None:
        return None
    values, ok = read_fields(r, obj, path, steps_of(r, "hospital"))
    if obj.get("shift_codes") is not None:  # an app key kept in `extra`: how duty rosters are read
        for where, value, reason in shift_code_problems(obj["shift_codes"]):
            r.bad(f"{path}.shift_codes{where}", value, reason)
    if not ok:
        return None
    return Hospital(**values, extra=extra_of(obj, keys_of("hospital")))


# ---------------------------------------------------------------- nested parts of flat sections


def read_needs(r: Reader, raw: Any, path: str) -> Any:
    """A list of needs (a service's, a station's) at `path`."""
    needs: list[Need] = []
    failed = not isinstance(raw, list)
    for p, v in r.items(raw, path):
        nobj = r.obj(v, p)
        if nobj is None:
            failed = True
            continue
        dept = r.field(nobj, "department", p, r.ident)
        qual = r.field(nobj, "qualification", p, r.ident)
        count = r.field(nobj, "count", p, r.whole(MAX_NEED_COUNT, least=1), default=1)
        if not all_read(dept, qual, count):
            failed = True
            continue
        needs.append(Need(dept, qual, count, extra_of(nobj, _NEED_KEYS)))
    return MISSING if failed else tuple(needs)


_NEED_KEYS = tuple(f.name for f in dataclasses.fields(Need) if f.name != "extra")


def _read_preferred(r: Reader, raw: Any, path: str) -> Any:
    """A request's preferred times."""
    slots: list[Slot] = []
    ok = isinstance(raw, list)
    for p, v in r.items(raw, path):
        sobj = r.obj(v, p)
        if sobj is None:
            ok = False
            continue
        s = r.field(sobj, "start", p, r.moment, required=True)
        e = r.field(sobj, "end", p, r.moment, required=True)
        if not only_keys(r, sobj, ("start", "end"), p):
            ok = False
            continue
        if not all_read(s, e) or None in (s, e) or not interval_ok(r, s, e, p, sobj.get("end")):
            ok = False
            continue
        slots.append(Slot(s, e))
    return tuple(slots) if ok else MISSING


NESTED: dict[tuple[str, str], Callable[[Reader, Any, str], Any]] = {
    ("services", "needs"): read_needs,
    ("requests", "preferred"): _read_preferred,
}
