"""Occurrences led by their own branch: the measure the office means by "the pairing's branch
leads its visits", one reading for the solver, the auto-assign preview, `assign` and the
statistics.

Reading: an occurrence is led by its own branch when some assignment to it with role "lead"
(to a station or to the activity as a whole) names a party member whose own `branch` is the
activity's `organizer`. A person of one of the branch's departments who belongs to another
branch (77 branches share 44 departments in the demo hospital) does not count, nor does a
person who is not a party member. Occurrences of activities without an organizing branch are
outside the measure (neither counted nor in the total)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from scheduler.plan.model import Activity, Assignment, Staff


@dataclass(frozen=True, slots=True)
class OwnLeads:
    """How many of `of` occurrences are led by their own branch; `bound`: no plan keeping what
    is fixed can lead more so (None: not known)."""

    count: int
    of: int
    bound: int | None = None

    def to_json(self) -> dict:
        return {"count": self.count, "of": self.of, "bound": self.bound}


def is_own_lead(person: Staff | None, organizer: str | None) -> bool:
    """A party member of the organizing branch itself."""
    return person is not None and organizer is not None and person.party_member and person.branch == organizer


def of_branch(person: Staff, organizer: str | None, departments: Iterable[str]) -> bool:
    """A helper from the organizing branch: a party member of it, or someone without a branch
    from one of its departments (a party member of another branch is not)."""
    if organizer is None:
        return False
    if person.branch:
        return person.branch == organizer
    return person.department in departments


def led_by_own_branch(activity: Activity, assignments: Iterable[Assignment], staff: dict[str, Staff]) -> bool:
    """Whether the occurrence with these assignments is led by its own branch."""
    return any(a.role == "lead" and is_own_lead(staff.get(a.staff), activity.organizer) for a in assignments)


@dataclass(slots=True)
class BranchMonth:
    """One branch in one month: its occurrences and those it led itself."""

    branch: str
    month: str  # "2026-10"
    occurrences: int = 0
    led_by_branch: int = 0


def by_branch_and_month(
    occurrences: Iterable[tuple[Activity, date, Iterable[Assignment]]], staff: dict[str, Staff]
) -> list[BranchMonth]:
    """Per organizing branch and month (of the occurrence's day): occurrences and those led by
    the branch itself; sorted by branch, then month."""
    rows: dict[tuple[str, str], BranchMonth] = {}
    for activity, day, assignments in occurrences:
        if not activity.organizer:
            continue
        # The month without strftime, which costs an import per call under PySide.
        key = (activity.organizer, f"{day.year:04d}-{day.month:02d}")
        row = rows.get(key)
        if row is None:
            row = rows[key] = BranchMonth(*key)
        row.occurrences += 1
        if led_by_own_branch(activity, assignments, staff):
            row.led_by_branch += 1
    return [rows[k] for k in sorted(rows)]
