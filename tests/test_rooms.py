"""The rooms of STYLE.md: Qt only in ui/, SQL only in db/, scheduler/ pure and clock-free."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(folder: str) -> list[tuple[str, str]]:
    out = []
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out += [(path.name, a.name.split(".")[0]) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                out.append((path.name, node.module.split(".")[0]))
    return out


def test_scheduler_imports_nothing_of_ours_and_no_io() -> None:
    banned = {
        "PySide6",
        "sqlite3",
        "sqlite_utils",
        "reportlab",
        "db",
        "ui",
        "reports",
        "cli",
        "resources",
        "os",
    }
    assert [i for i in _imports("scheduler") if i[1] in banned] == []
    for path in (ROOT / "scheduler").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "datetime.now(" not in text and "date.today(" not in text, path
        assert not re.search(r"(?<![\w.])open\(|\.open\(", text), path  # open() or x.open(), not needs_open()


def test_qt_only_in_ui() -> None:
    for folder in ("scheduler", "db", "reports", "cli"):
        assert [i for i in _imports(folder) if i[1] in ("PySide6", "shiboken6")] == [], folder


def test_sql_only_in_db() -> None:
    for folder in ("scheduler", "ui", "reports", "cli"):
        assert [i for i in _imports(folder) if i[1] in ("sqlite3", "sqlite_utils")] == [], folder
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert ".execute(" not in text and "SELECT " not in text, path
