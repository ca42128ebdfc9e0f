"""Merging a duty roster into the unavailability held: an import replaces exactly what an
earlier import of the same department took for the people it takes on the days of their blocks
(a refused cell's day and a refused row keep theirs); an entry of the same person and times held
from elsewhere stays. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from scheduler.exchange.duty.roster import DutyRoster, roster_day
from scheduler.plan.model import Unavailability


@dataclass(slots=True)
class RosterMerge:
    """What saving rosters writes against the unavailability held: entries to save (new or
    changed), keys to delete, and the counts the summary states."""

    saves: list[Unavailability] = field(default_factory=list)
    deletes: list[Any] = field(default_factory=list)
    left_out: list[Unavailability] = field(
        default_factory=list
    )  # the same person and times held from elsewhere
    unchanged: int = 0  # entries held already as they are
    replaced: int = 0  # earlier entries of these people and days that go or change
    kept: int = 0  # earlier entries kept because their cell was refused
    untouched: int = 0  # earlier entries of these days of people not taken (row refused, or not listed)

    def apply(self, held: dict[Any, Unavailability], index: RosterIndex | None = None) -> None:
        """Bring `held` (and its roster_index) to what saving this gives."""
        for key in self.deletes:
            gone = held.pop(key, None)
            if gone is not None and index is not None:
                tag = gone.extra.get("roster")
                index.get(str(tag.get("department")) if isinstance(tag, dict) else "", {}).pop(key, None)
        for e in self.saves:
            held[e.key] = e
            tag = e.extra.get("roster")
            if index is not None and isinstance(tag, dict):
                index.setdefault(str(tag.get("department")), {})[e.key] = e


RosterIndex = dict[str, dict[Any, Unavailability]]  # department → key → an entry a roster import made


def roster_index(held: Mapping[Any, Unavailability]) -> RosterIndex:
    """The entries of duty-roster imports by department: what merge_roster looks through (built
    once for many rosters imported one after the other, and kept in step by RosterMerge.apply)."""
    out: RosterIndex = {}
    for key, u in held.items():
        tag = u.extra.get("roster")
        if isinstance(tag, dict):
            out.setdefault(str(tag.get("department")), {})[key] = u
    return out


def merge_roster(
    held: Mapping[Any, Unavailability], roster: DutyRoster, index: RosterIndex | None = None
) -> RosterMerge:
    """What saving `roster` writes against the unavailability `held` (by key; `index`: its
    roster_index, when the caller keeps one). It replaces exactly the entries an earlier import of
    the same department took for the people it takes, on the days of their blocks, except a
    refused cell's day; a refused row touches nothing. An entry of the same person and times held
    from elsewhere (typed in, another roster) stays as it is."""
    if index is None:
        index = roster_index(held)
    covered: dict[str, set[date]] = {}
    refused: dict[str, set[date]] = {}
    for p in roster.people:
        if p.staff is not None:
            covered.setdefault(p.staff, set()).update(d for d in p.dates if d not in p.refused_days)
            refused.setdefault(p.staff, set()).update(p.refused_days)
    earlier: dict[Any, Unavailability] = {}
    out = RosterMerge()
    dates = set(roster.dates)
    for key, u in index.get(roster.department, {}).items():
        day = roster_day(u)
        if u.staff not in covered:
            if day in dates:
                out.untouched += 1
            continue
        if day in covered[u.staff]:
            earlier[key] = u
        elif day in refused[u.staff]:
            out.kept += 1
    new_keys = set()
    for e in roster.entries:
        new_keys.add(e.key)
        there = held.get(e.key)
        if there is None:
            out.saves.append(e)
        elif e.key not in earlier:
            out.left_out.append(e)
        elif there == e:
            out.unchanged += 1
        else:
            out.saves.append(e)
            out.replaced += 1
    for key in earlier:
        if key not in new_keys:
            out.deletes.append(key)
            out.replaced += 1
    return out
