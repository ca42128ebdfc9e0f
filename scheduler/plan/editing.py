"""Edits of a recurring series as desktop calendars offer them: one occurrence, this and the
following ones (the series is split, the past stays as it was), or all."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from scheduler.calendar.recurrence import first_planned_starts
from scheduler.plan.model import Activity, Assignment, Move, Record


def exclude_occurrence(activity: Activity, day: date) -> Activity:
    """Leave one occurrence out of the series (an exdate); a move of it goes too."""
    if day in activity.exdates:
        return activity
    return replace(
        activity,
        exdates=tuple(sorted((*activity.exdates, day))),
        moved=tuple(m for m in activity.moved if m.from_date != day),
        rotation=tuple(r for r in activity.rotation if r.occurrence != day),
    )


def original_start(activity: Activity, day: date) -> datetime | None:
    """Where the occurrence of `day` stands by the rule, before any move."""
    for s in first_planned_starts(activity):
        if s.date() == day:
            return s
        if s.date() > day:
            break
    return None


def move_occurrence(activity: Activity, day: date, start: datetime, end: datetime) -> Activity:
    """Hold one occurrence at another time; it keeps its identity (`day`). Moving it back to
    where the rule puts it removes the move."""
    if end <= start:
        raise ValueError("an occurrence must end after it starts")
    others = tuple(m for m in activity.moved if m.from_date != day)
    first = original_start(activity, day)
    if first is not None and start == first and end - start == activity.end - activity.start:
        return replace(activity, moved=others)
    moves = tuple(sorted((*others, Move(day, start, end)), key=lambda m: m.from_date))
    return replace(activity, moved=moves)


def _rule_parts(rule: str) -> list[tuple[str, str]]:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts = []
    for piece in body.split(";"):
        if "=" in piece:
            k, v = piece.split("=", 1)
            parts.append((k.strip().upper(), v.strip()))
    return parts


def _rule_text(parts: list[tuple[str, str]]) -> str:
    return ";".join(f"{k}={v}" for k, v in parts)


@dataclass(frozen=True, slots=True)
class Split:
    """A series cut at one occurrence: `head` keeps the past, `tail` carries on from the cut.
    Assignments and records of the tail's dates are re-keyed to it."""

    head: Activity
    tail: Activity
    remove_assignments: tuple[Assignment, ...]
    add_assignments: tuple[Assignment, ...]
    remove_records: tuple[Record, ...]
    add_records: tuple[Record, ...]


def split_series(
    activity: Activity,
    day: date,
    new_id: str,
    assignments: list[Assignment],
    records: list[Record],
) -> Split:
    """Split `activity` so that the occurrence of `day` and those after it form `new_id`.

    The head keeps its id and every occurrence before `day` unchanged (times, exdates, moves,
    rotation, assignments, records). Assignments naming no occurrence (every occurrence) are
    copied to the tail, so both halves keep them."""
    if not activity.rrule:
        raise ValueError("only a recurring activity can be split")
    starts = first_planned_starts(activity)
    index = next((i for i, s in enumerate(starts) if s.date() == day), None)
    if index is None:
        raise ValueError(f"{day} is not an occurrence of {activity.id}")
    if index == 0:
        raise ValueError("splitting at the first occurrence changes the whole series")
    parts = _rule_parts(activity.rrule)
    count = next((int(v) for k, v in parts if k == "COUNT"), None)
    base = [(k, v) for k, v in parts if k not in ("COUNT", "UNTIL")]
    until = [(k, v) for k, v in parts if k == "UNTIL"]
    # COUNT counts the first-planned occurrences (exdates included), so cutting by index is exact.
    head_rule = _rule_text([*base, ("COUNT", str(index))])
    if count is not None:
        tail_rule = _rule_text([*base, ("COUNT", str(count - index))])
    else:
        tail_rule = _rule_text([*base, *until])
    start = starts[index]
    duration = activity.end - activity.start
    head = replace(
        activity,
        rrule=head_rule,
        exdates=tuple(d for d in activity.exdates if d < day),
        moved=tuple(m for m in activity.moved if m.from_date < day),
        rotation=tuple(r for r in activity.rotation if r.occurrence is None or r.occurrence < day),
    )
    tail = replace(
        activity,
        id=new_id,
        start=start,
        end=start + duration,
        rrule=tail_rule,
        exdates=tuple(d for d in activity.exdates if d >= day),
        moved=tuple(m for m in activity.moved if m.from_date >= day),
        rotation=tuple(r for r in activity.rotation if r.occurrence is None or r.occurrence >= day),
    )
    mine = [a for a in assignments if a.activity == activity.id]
    moving = [a for a in mine if a.occurrence is not None and a.occurrence >= day]
    shared = [a for a in mine if a.occurrence is None]
    add = [replace(a, activity=new_id) for a in (*moving, *shared)]
    rec_moving = [r for r in records if r.activity == activity.id and r.occurrence >= day]
    return Split(
        head,
        tail,
        tuple(moving),
        tuple(add),
        tuple(rec_moving),
        tuple(replace(r, activity=new_id) for r in rec_moving),
    )
