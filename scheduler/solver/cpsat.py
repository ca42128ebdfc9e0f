"""Automatic assignment with OR-Tools CP-SAT: every open need of the window at once, the hard
rules as constraints and a lexicographic objective solved in stages (docs/solver.md gives the
goals and their order). The steps: the start (scheduler.solver.start), the formulation's
choices and hard rules (scheduler.solver.formulation), the staged search
(scheduler.solver.stages), and the answer read back as a proposal.

OR-Tools is loaded on the first call of `solve`, not with this module, so that the window and
the command line start without it."""

from __future__ import annotations

import time as _time

from scheduler.solver.proposal import Progress, Proposal
from scheduler.solver.window import StaffingWindow

BUILD_STEPS = 1000  # progress units of the search (after one per opening and target to build)


def solve(window: StaffingWindow, progress: Progress | None = None) -> Proposal:
    """Every open need of the window at once, stage by stage (docs/solver.md)."""
    from scheduler.solver.formulation import Formulation
    from scheduler.solver.stages import Stages
    from scheduler.solver.start import Start

    began = _time.perf_counter()
    if not window.openings and all(t.has_lead for t in window.targets) and not window.movable:
        return window.result([], _time.perf_counter() - began, "nothing to do")
    model = Formulation(window, Start.best(window))
    built = len(window.openings) + len(window.targets)
    if not model.add_places(progress, built + BUILD_STEPS):
        return window.result([], _time.perf_counter() - began, "cancelled")
    model.add_leads()
    model.add_kept()
    model.add_one_place_at_a_time()
    model.add_department_cover()
    model.add_hours_caps()
    stages = Stages(model, progress, built)
    stages.run()
    made = model.extract()
    if progress is not None and not stages.cancelled:
        progress(built + BUILD_STEPS, built + BUILD_STEPS)
    if stages.cancelled:
        status = "cancelled"
    elif all(s.status == "optimal" for s in stages.done):
        status = "optimal"
    else:
        status = "stopped"
    return window.result(made, _time.perf_counter() - began, status, stages.done)
