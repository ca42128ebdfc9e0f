"""A conflict as a structured result (no sentences here: reports/messages.py words it): what it
concerns, its identity across re-checks, its JSON form (docs/check.md), the order a report lists
conflicts in and their counts by severity."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from scheduler.conflicts.kinds import ERROR, KINDS, WARNING

OccKey = tuple[str, date]


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # the code of its kind (scheduler/conflicts/kinds.py)
    occurrences: tuple[OccKey, ...] = ()
    staff: str | None = None
    department: str | None = None
    station: str | None = None
    partner: str | None = None
    pairing: str | None = None
    request: str | None = None
    start: datetime | None = None  # when it holds: a shortfall's stretch, the month of a cap …
    end: datetime | None = None
    detail: tuple[tuple[str, Any], ...] = ()  # figures for the message (hours, counts, reasons)

    @property
    def key(self) -> tuple:
        """Identifies the conflict across re-checks (for acknowledgements and updates)."""
        return (
            self.kind,
            self.occurrences,
            self.staff,
            self.department,
            self.station,
            self.pairing,
            self.request,
            self.start,
        )

    @property
    def severity(self) -> str:
        return KINDS[self.kind].severity

    def info(self) -> dict[str, Any]:
        return dict(self.detail)


def sort_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    order = {k: i for i, k in enumerate(KINDS)}

    def key(c: Conflict) -> tuple:
        first = c.start or (
            min(datetime.combine(d, time.min) for _a, d in c.occurrences) if c.occurrences else datetime.min
        )
        return (
            order[c.kind],
            first,
            c.occurrences,
            c.staff or "",
            c.department or "",
            c.station or "",
            c.pairing or "",
            c.request or "",
        )

    return sorted(conflicts, key=key)


def counts(conflicts: Iterable[Conflict]) -> dict[str, int]:
    c = {ERROR: 0, WARNING: 0}
    for x in conflicts:
        c[x.severity] += 1
    return c


def to_json(conflict: Conflict, message: str) -> dict[str, Any]:
    """The JSON form of one conflict (docs/check.md): kind, severity, message, occurrences, and only
    the id keys that apply."""
    out: dict[str, Any] = {
        "kind": conflict.kind,
        "severity": conflict.severity,
        "message": message,
        "occurrences": [{"activity": a, "occurrence": d.isoformat()} for a, d in conflict.occurrences],
    }
    for key in ("staff", "department", "station", "partner", "pairing", "request"):
        value = getattr(conflict, key)
        if value is not None:
            out[key] = value
    return out


def key_text(conflict: Conflict) -> str:
    """The conflict's identity as text (kept with an acknowledgement)."""

    def plain(v: Any) -> Any:
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        if isinstance(v, tuple):
            return [plain(x) for x in v]
        return v

    return json.dumps(plain(conflict.key), ensure_ascii=False, separators=(",", ":"))
