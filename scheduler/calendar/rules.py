"""Recurrence rules as the editor shows them: daily, weekly on chosen days, every N weeks,
monthly on the Nth weekday; until a date or N times. Anything else stays a custom rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule the editor can show. `freq` is "none" for a single occurrence."""

    freq: str = "none"  # none | daily | weekly | monthly
    interval: int = 1
    weekdays: tuple[int, ...] = ()  # 0 = Monday; weekly only
    nth: int = 1  # monthly: the nth (1..4, or -1 for the last) ...
    nth_weekday: int = 0  # ... of this weekday
    count: int | None = None
    until: date | None = None


def to_rrule(spec: RuleSpec) -> str | None:
    """The RRULE text of a spec (None for a single occurrence)."""
    if spec.freq == "none":
        return None
    parts = [f"FREQ={spec.freq.upper()}"]
    if spec.interval > 1:
        parts.append(f"INTERVAL={spec.interval}")
    if spec.freq == "weekly" and spec.weekdays:
        parts.append("BYDAY=" + ",".join(WEEKDAYS[d] for d in sorted(spec.weekdays)))
    if spec.freq == "monthly":
        parts.append(f"BYDAY={spec.nth}{WEEKDAYS[spec.nth_weekday]}")
    if spec.count is not None:
        parts.append(f"COUNT={spec.count}")
    elif spec.until is not None:
        parts.append(f"UNTIL={spec.until.strftime('%Y%m%d')}T235959")
    return ";".join(parts)


def from_rrule(rule: str | None) -> RuleSpec | None:
    """The spec of a rule text, or None when the editor cannot show that rule faithfully."""
    if not rule:
        return RuleSpec()
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    fields: dict[str, str] = {}
    for piece in body.split(";"):
        if "=" not in piece:
            return None
        k, v = piece.split("=", 1)
        fields[k.strip().upper()] = v.strip().upper()
    freq = fields.pop("FREQ", "").lower()
    if freq not in ("daily", "weekly", "monthly"):
        return None
    try:
        interval = int(fields.pop("INTERVAL", "1"))
        count = int(fields.pop("COUNT")) if "COUNT" in fields else None
    except ValueError:
        return None
    until = None
    if "UNTIL" in fields:
        text = fields.pop("UNTIL")
        try:
            until = datetime.strptime(text[:8], "%Y%m%d").date()
        except ValueError:
            return None
    if fields.pop("WKST", "MO") != "MO":
        return None
    byday = fields.pop("BYDAY", "")
    if fields:  # BYMONTHDAY, BYSETPOS, BYHOUR …: not shown by the editor
        return None
    spec = RuleSpec(freq=freq, interval=interval, count=count, until=until)
    if freq == "daily":
        return spec if not byday else None
    if freq == "weekly":
        days = []
        for d in filter(None, byday.split(",")):
            if d not in WEEKDAYS:
                return None
            days.append(WEEKDAYS.index(d))
        return RuleSpec("weekly", interval, tuple(sorted(set(days))), count=count, until=until)
    # monthly: exactly one "nth weekday"
    if "," in byday or len(byday) < 3 or byday[-2:] not in WEEKDAYS:
        return None
    try:
        nth = int(byday[:-2])
    except ValueError:
        return None
    if nth not in (1, 2, 3, 4, -1):
        return None
    return RuleSpec("monthly", interval, (), nth, WEEKDAYS.index(byday[-2:]), count, until)
