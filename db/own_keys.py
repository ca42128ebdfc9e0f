"""Own keys that became fields. A key an older version kept as a record's own (in `extra`) and
this version declares as a field (docs/fields.md) gets its column empty from the migration; while
the field is empty, the own key is its value when a record is loaded, so the window, the notice and
the export all see it and the next save stores it in the column. A value the field could not hold
stays an own key, written back as it was."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from scheduler.exchange.planfile.problems import string_problem
from scheduler.plan.fields import FIELDS

_FITS: dict[str, Callable[[Any], bool]] = {
    "text": lambda v: isinstance(v, str) and string_problem(v) is None,
    "phone": lambda v: isinstance(v, str) and string_problem(v) is None,
    "int": lambda v: type(v) is int,
    "float": lambda v: type(v) in (int, float) and v == v and abs(v) != float("inf"),
    "bool": lambda v: type(v) is bool,
}
_DECLARED: dict[str, dict[str, Callable[[Any], bool]]] = {
    section: {f.key: _FITS[f.kind] for f in fields if "." not in f.key and f.kind in _FITS}
    for section, fields in FIELDS.items()
}


def _adopted(item: Any, own: dict[str, Callable[[Any], bool]]) -> Any:
    taken = {k: v for k, v in item.extra.items() if k in own and getattr(item, k, 0) is None and own[k](v)}
    if not taken:
        return item
    extra = {k: v for k, v in item.extra.items() if k not in taken}
    return dataclasses.replace(item, **taken, extra=extra)


def adopt_own_keys(section: str, items: list[Any]) -> list[Any]:
    """`items` of `section` with each declared own key taken into its empty field."""
    own = _DECLARED.get(section)
    if not own:
        return items
    return [_adopted(i, own) if i.extra and not own.keys().isdisjoint(i.extra) else i for i in items]
