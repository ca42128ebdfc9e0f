"""Reading a roster's cells into shifts, and the shifts into unavailability: a day's duty in
clinical hours, a night from their end to their start next day with rest until their end that
day (unless the roster has the person at work or on leave then), a shift with its own hours,
leave all day; each person's spans of a roster day merged where they touch. Pure."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.exchange.duty.codes import CODE_SEPARATORS, Shift, normalize_code
from scheduler.exchange.duty.roster import DutyPerson
from scheduler.plan.model import Unavailability


@functools.lru_cache(maxsize=256)
def clock(text: str) -> time:
    h, m = text.split(":")
    return time(int(h), int(m))


def cell_shifts(text: str, codes: Mapping[str, Shift]) -> list[Shift] | None:
    """What a cell says (empty: free), or None when a part of it is not a known code."""
    norm = normalize_code(text)
    if not norm:
        return []
    found = codes.get(norm)
    if found is not None:
        return [found]
    parts = [p for p in CODE_SEPARATORS.split(norm) if p]
    if len(parts) < 2 or any(p not in codes for p in parts):
        return None
    return [codes[p] for p in parts]


def cell_meanings(text: str, codes: Mapping[str, Shift]) -> set[str] | None:
    """The kinds a cell says (a shift with hours: "night" when it runs over midnight or starts at
    it, else its kind), or None when a part of it is not a known code."""
    shifts = cell_shifts(text, codes)
    if shifts is None:
        return None
    out = set()
    for s in shifts:
        if s.timed and s.kind != "leave":
            out.add("night" if s.overnight or s.on == "00:00" else "day")
        else:
            out.add(s.kind)
    return out


def roster_entries(
    people: list[DutyPerson], codes: Mapping[str, Shift], hours: tuple[time, time], dept: str, source: str
) -> list[Unavailability]:
    cells: dict[str, dict[date, str]] = {}
    refused: dict[str, set[date]] = {}
    for p in people:
        if p.staff is None:
            continue
        cells.setdefault(p.staff, {}).update(p.cells)
        refused.setdefault(p.staff, set()).update(p.refused_days)
    out: list[Unavailability] = []
    parsed: dict[str, list[Shift]] = {}
    for staff, said_cells in cells.items():
        said: dict[date, list[Shift]] = {}
        for day, text in said_cells.items():
            if day in refused[staff]:
                continue
            shifts = parsed.get(text)
            if shifts is None:
                shifts = parsed[text] = cell_shifts(text, codes) or []
            if shifts:
                said[day] = shifts
        out.extend(_entries(staff, said, hours, dept, source))
    return out


def _entries(
    staff: str, said: dict[date, list[Shift]], hours: tuple[time, time], dept: str, source: str
) -> list[Unavailability]:
    """The entries of one person, each day's spans merged where they touch (never across roster
    days: an import replaces its entries day by day)."""
    c0, c1 = hours
    out: list[Unavailability] = []
    keys: set[tuple[datetime, datetime]] = set()
    for day in sorted(said):
        shifts = said[day]
        if len(shifts) == 1 and (simple := _simple_span(shifts[0], c0, c1)) is not None:
            # Most cells: one shift whose span needs no other day (no rest to place).
            base = datetime(day.year, day.month, day.day)
            s0, e0 = base + simple[0], base + simple[1]
            if (s0, e0) not in keys:
                keys.add((s0, e0))
                tag = {"department": dept, "day": day.isoformat()}
                extra: dict[str, Any] = {"source": source, "roster": tag} if source else {"roster": tag}
                out.append(Unavailability(staff, s0, e0, simple[2], extra))
            continue
        nxt = day + timedelta(days=1)
        spans: list[tuple[datetime, datetime, str]] = []
        rests: list[tuple[datetime, datetime]] = []
        for s in shifts:
            if s.timed:
                assert s.on is not None and s.off is not None
                start = datetime.combine(day, clock(s.on))
                end = datetime.combine(nxt if s.off <= s.on else day, clock(s.off))
                spans.append((start, end, "leave" if s.kind == "leave" else "duty"))
                if s.rest_until:
                    rests.append((end, datetime.combine(end.date(), clock(s.rest_until))))
            elif s.kind == "leave":
                spans.append((datetime.combine(day, time()), datetime.combine(nxt, time()), "leave"))
            elif s.kind == "day":
                spans.append((datetime.combine(day, c0), datetime.combine(day, c1), "duty"))
            elif s.kind == "night":
                spans.append((datetime.combine(day, c1), datetime.combine(nxt, c0), "duty"))
                # Rest the day after, unless the roster has the person at work or on leave then.
                if not any(_busy_by_day(x, c1) for x in said.get(nxt, ())):
                    rests.append((datetime.combine(nxt, c0), datetime.combine(nxt, c1)))
        for r0, r1 in rests:
            # A rest ends where the roster's next shift of that person begins.
            for other in said.get(r0.date(), ()) if r0.date() != day else ():
                if other.timed and other.kind != "leave":
                    begin = datetime.combine(r0.date(), clock(other.on or "00:00"))
                    if r0 <= begin < r1:
                        r1 = begin
                elif other.kind in ("day", "leave"):
                    r1 = r0
            if r0 < r1:
                spans.append((r0, r1, "rest"))
        spans.sort()
        merged: list[list[Any]] = []
        for s0, e0, reason in spans:
            last = merged[-1] if merged else None
            if last is not None and last[2] == reason and last[1] >= s0:
                last[1] = max(last[1], e0)
            else:
                merged.append([s0, e0, reason])
        tag = {"department": dept, "day": day.isoformat()}
        for s0, e0, reason in merged:
            if (s0, e0) in keys:  # the same span from two days (a rest and a shift): once
                continue
            keys.add((s0, e0))
            extra = {"source": source, "roster": tag} if source else {"roster": tag}
            out.append(Unavailability(staff, s0, e0, reason, extra))
    return out


@functools.lru_cache(maxsize=1024)
def _simple_span(shift: Shift, c0: time, c1: time) -> tuple[timedelta, timedelta, str] | None:
    """A shift's one span from the day's midnight, when it has no rest to place (None: it has)."""

    def at(t: time) -> timedelta:
        return timedelta(hours=t.hour, minutes=t.minute)

    if shift.timed:
        if shift.rest_until or shift.on is None or shift.off is None:
            return None
        on, off = clock(shift.on), clock(shift.off)
        end = at(off) + (timedelta(days=1) if shift.off <= shift.on else timedelta())
        return at(on), end, "leave" if shift.kind == "leave" else "duty"
    if shift.kind == "leave":
        return timedelta(), timedelta(days=1), "leave"
    if shift.kind == "day":
        return at(c0), at(c1), "duty"
    return None  # a night (its rest) or free (nothing)


def _busy_by_day(s: Shift, clinic_end: time) -> bool:
    """Whether a shift has the person at work or on leave in the day's clinical hours (a night's
    rest is then not placed): a day, leave, or a shift of the day that starts before they end."""
    return s.kind in ("day", "leave") or (
        s.timed and s.kind != "leave" and not s.overnight and clock(s.on or "00:00") < clinic_end
    )
