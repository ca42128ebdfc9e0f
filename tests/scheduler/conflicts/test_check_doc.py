"""docs/check.md says what the code does: its table of kinds is the declaration of
scheduler/conflicts/kinds.py (code, severity, name in both languages, sentence, in report order),
every kind has its paragraph, and the exit statuses are those of the command line."""

from __future__ import annotations

import re
from pathlib import Path

from cli.common import EXIT_FAILED, EXIT_OK, EXIT_WANTING, column
from reports.document import translator
from scheduler.conflicts.kinds import ERROR, KINDS, WARNING

DOC = (Path(__file__).resolve().parents[3] / "docs" / "check.md").read_text(encoding="utf-8")
ZH = translator("zh_CN")


def _part(title: str) -> str:
    m = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^#+ |\Z)", DOC, re.M | re.S)
    assert m, f"docs/check.md has no part headed {title}"
    return m.group(1)


def _rows(text: str) -> list[list[str]]:
    """The body rows of the first table in `text`, cell by cell."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]


def test_the_table_is_the_declaration_of_every_kind_in_report_order() -> None:
    rows = _rows(_part("The kinds"))
    assert [r[0] for r in rows] == [f"`{code}`" for code in KINDS]
    for (_code, severity, name, zh_name, sentence), kind in zip(rows, KINDS.values(), strict=True):
        assert severity == kind.severity in (ERROR, WARNING)
        assert name == kind.name
        assert zh_name == ZH(kind.name) != kind.name
        assert sentence == kind.template


def test_every_kind_has_its_paragraph() -> None:
    text = _part("The kinds")
    for code in KINDS:
        assert len(re.findall(rf"^- `{code}`: \S", text, re.M)) == 1, code


def test_the_text_example_is_laid_out_as_check_prints() -> None:
    names = {k.name for k in KINDS.values()} | {ZH(k.name) for k in KINDS.values()}
    severities = {"ERROR", "WARNING", ZH("ERROR"), ZH("WARNING")}
    lines = [line for line in _part("As text").splitlines() if line.split(" ")[0] in severities]
    assert len(lines) >= 5
    for line in lines:
        severity = line.split(" ")[0]
        rest = line[len(column(severity, 7)) + 1 :]
        name = next(n for n in names if rest.startswith(column(n, 20) + " "))
        assert name, line


def test_the_exit_statuses_are_the_command_lines() -> None:
    rows = {int(r[0]) for r in _rows(_part("Exit status"))}
    assert rows == {EXIT_OK, EXIT_WANTING, EXIT_FAILED}
