"""Where the CP-SAT search starts: the better of the plain and the fair greedy answers, read into
the sets the formulation gives its variables' first values from (docs/solver.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from scheduler.plan.model import Assignment
from scheduler.solver.greedy import greedy_assignments
from scheduler.solver.window import StaffingWindow

PlaceKey = tuple[str, date | None, str | None, Any, str]  # activity, occurrence, station, need, person
AtKey = tuple[str, date | None, str]  # activity, occurrence, person


@dataclass(slots=True)
class Start:
    """The answer the search starts from: the better of the plain and the fair greedy answers
    by the stages' order (fill, leads, changes, busiest person, own-branch leads, people at that
    load)."""

    made: list[Assignment]
    places: set[PlaceKey] = field(default_factory=set)  # new places filled
    at_station: set[AtKey] = field(default_factory=set)  # people placed at a station
    leads: set[AtKey] = field(default_factory=set)  # people named lead
    activity_level: set[AtKey] = field(default_factory=set)  # records for the activity as a whole

    def __post_init__(self) -> None:
        for a in self.made:
            self.places.add((a.activity, a.occurrence, a.station, a.extra.get("need"), a.staff))
            if a.station is not None:
                self.at_station.add((a.activity, a.occurrence, a.staff))
            else:
                self.activity_level.add((a.activity, a.occurrence, a.staff))
            if a.role == "lead":
                self.leads.add((a.activity, a.occurrence, a.staff))

    @classmethod
    def best(cls, window: StaffingWindow) -> Start:
        found = [greedy_assignments(window, None, fair)[0] for fair in (False, True)]
        return cls(max(found, key=lambda made: _standing(window, made)))


def _standing(window: StaffingWindow, made: list[Assignment]) -> tuple:
    """An answer's figures in the stages' order, larger is better."""
    filled = sum(window.filled_per_opening(made).values())
    led = {(a.activity, a.occurrence) for a in made if a.role == "lead"}
    r = window.result(made, 0.0, "") if window.replan else None
    changes = len(r.assignments) + len(r.removed) if r is not None else 0
    hours = window.hours_after(made)
    top = max(hours.values(), default=0.0)
    return (
        filled,
        len(led),
        -changes,
        -round(top * 60),
        window.own_leads(made).count,
        -sum(1 for h in hours.values() if abs(h - top) < 1e-6),
    )
