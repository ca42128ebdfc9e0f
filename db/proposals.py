"""An auto-assign proposal as the edits that save it and take it back, said once for every door
(the `assign` command, the window's auto-assign): in one step the solver's earlier assignments
it moves go and the new ones come (docs/solver.md)."""

from __future__ import annotations

from db.operations import Edit
from scheduler.solver.proposal import Proposal


def proposal_edit(proposal: Proposal, expect_revision: int | None = None) -> Edit:
    """The edit that saves the proposal; with `expect_revision`, only onto the plan that was solved."""
    return Edit(
        saves={"assignments": list(proposal.assignments)},
        deletes={"assignments": [a.key for a in proposal.removed]},
        expect_revision=expect_revision,
    )


def proposal_undo(proposal: Proposal) -> Edit:
    """The edit that takes a saved proposal back: the solver's earlier assignments return, the
    new ones go (a record it replaced in place is put back by the save)."""
    replaced = {a.key for a in proposal.removed}
    return Edit(
        saves={"assignments": list(proposal.removed)},
        deletes={"assignments": [a.key for a in proposal.assignments if a.key not in replaced]},
    )
