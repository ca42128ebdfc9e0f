"""docs/solver.md is kept in step with the solver: it names every stage, preference and reason
code, and every module of scheduler/solver/."""

from __future__ import annotations

from pathlib import Path

from scheduler.solver.proposal import PREFERENCES, REASONS, STAGES

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "solver.md").read_text(encoding="utf-8")


def test_the_doc_names_every_stage_preference_and_reason() -> None:
    missing = [code for code in (*STAGES, *PREFERENCES, *REASONS) if f"`{code}`" not in DOC]
    assert missing == []


def test_the_doc_names_every_module_of_the_solver() -> None:
    modules = sorted(p.stem for p in (ROOT / "scheduler" / "solver").glob("*.py") if p.stem != "__init__")
    assert [m for m in modules if f"| `{m}` |" not in DOC] == []
