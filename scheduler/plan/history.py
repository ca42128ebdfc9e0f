"""The audit history: every change made through the app's operations, with the values before
and after, when and by whom. Here: the entries and what changed in each (the database keeps them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    by: str | None
    section: str
    key: str
    old: dict[str, Any] | None  # None: the record was created
    new: dict[str, Any] | None  # None: the record was deleted

    @property
    def action(self) -> str:
        if self.old is None:
            return "created"
        if self.new is None:
            return "deleted"
        return "changed"


def changed_fields(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field that differs, nested objects by dotted path."""
    out: list[tuple[str, Any, Any]] = []

    def walk(path: str, a: Any, b: Any) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            for k in sorted(set(a) | set(b)):
                walk(f"{path}.{k}" if path else k, a.get(k), b.get(k))
        elif a != b:
            out.append((path, a, b))

    walk("", old or {}, new or {})
    return out
