"""A short kill loop (the long one is in bench/): SIGKILL during imports and during recording
loses nothing committed, leaves the database sound and never half an import."""

from __future__ import annotations

from bench.killloop import run


def test_kill_loop_loses_nothing() -> None:
    tally = run(kills=6, scale="small", seed=7, quiet=True)
    assert tally["tried"] == 6 and tally["survived"] == 6, tally
    assert tally["lost"] == tally["unsound"] == tally["mixed"] == 0
    # Each recording child is killed only after it said its first record was committed.
    assert tally["records_committed"] >= 3
