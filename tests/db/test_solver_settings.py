"""The solver's settings in a real database: the order of the preferences saved and read back,
and settings saved by the version that held weights still read (their order from the weights)."""

from __future__ import annotations

from db import operations as ops
from scheduler.solver.proposal import PREFERENCES, SolverSettings


def test_order_saved_and_read_back(store) -> None:
    assert ops.solver_settings(store) == SolverSettings()
    mine = SolverSettings(preferences=("evenings", "paired_branch"), time_limit=7.0, cap_is_hard=False)
    ops.save_solver_settings(store, mine)
    assert ops.solver_settings(store) == mine


def test_settings_with_weights_still_read(store) -> None:
    old = {
        "weights": {
            "lead": 5000,
            "lead_branch": 200,
            "paired_branch": 0,
            "hours_cap": 60,
            "fairness": 20,
            "evenings": 90,
        },
        "time_limit": 12.0,
        "cap_is_hard": True,
    }
    ops.write(store, ops.Edit(settings={"solver": old}))
    got = ops.solver_settings(store)
    # Heaviest first; one weighed 0 is left out; fairness, the lead and the lead's branch are no
    # longer preferences (the own-branch lead is a stage of its own, after the maximum of hours).
    assert got.preferences == ("evenings", "hours_cap")
    assert got.time_limit == 12.0 and got.cap_is_hard


def test_unknown_preferences_dropped(store) -> None:
    ops.write(store, ops.Edit(settings={"solver": {"preferences": ["evenings", "astrology", "evenings"]}}))
    assert ops.solver_settings(store).preferences == ("evenings",)
    ops.write(store, ops.Edit(settings={"solver": {"preferences": ["lead_branch", "paired_branch"]}}))
    assert ops.solver_settings(store).preferences == ("paired_branch",)
    assert set(SolverSettings().preferences) == set(PREFERENCES)
