"""The rooms of docs/rooms.md: Qt only in ui/, SQL only in db/, scheduler/ pure and clock-free; tests mirror
the rooms; no file over 600 lines, no function over 80, no two modules importing each other."""

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


# ---------------------------------------------------------------- the rooms' shape (#21)

SUBPACKAGE_ROOTS = ("scheduler", "ui")


def _rooms(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_tests_mirror_the_rooms() -> None:
    """scheduler/ and ui/ are cut into rooms named by the office's words; their tests sit in the
    room of the same name, so a newcomer finds the code and its tests the same way."""
    for root in SUBPACKAGE_ROOTS:
        rooms = _rooms(ROOT / root)
        assert rooms, root
        assert _rooms(ROOT / "tests" / root) == rooms, root


def test_every_module_sits_in_a_room() -> None:
    """The top of scheduler/ and ui/ holds only what every room shares, named here; the rest is in rooms."""
    shared = {
        "scheduler": {"__init__.py", "version.py"},
        "ui": {"__init__.py", "i18n.py", "session.py", "tasks.py", "labels.py", "widgets.py", "edits.py"},
    }
    for root, allowed in shared.items():
        assert {p.name for p in (ROOT / root).glob("*.py")} <= allowed, root


def test_no_file_over_600_lines_and_no_function_over_80() -> None:
    from tools.rooms import long_files, long_functions, sources

    paths = sources()
    assert long_files(paths) == []
    assert long_functions(paths) == []


def test_no_two_modules_import_each_other() -> None:
    """Directly or round a ring, a function's own imports included: dependencies go one way."""
    from tools.rooms import import_rings, sources

    assert import_rings(sources()) == []


def test_ring_finder_finds_a_ring(tmp_path: Path) -> None:
    """The check above can fail: two modules that import each other inside functions are a ring."""
    import tools.rooms as rooms

    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("def f():\n    from pkg.b import g\n", encoding="utf-8")
    (pkg / "b.py").write_text("from . import a\n", encoding="utf-8")
    (pkg / "c.py").write_text("import pkg.a\n", encoding="utf-8")
    old = rooms.ROOT
    rooms.ROOT = tmp_path
    try:
        assert rooms.import_rings(sorted(pkg.glob("*.py"))) == [["pkg.a", "pkg.b"]]
        long = "def f():\n" + "    x = 1\n" * 80
        (pkg / "d.py").write_text(long, encoding="utf-8")
        assert [n for _, n, _ in rooms.long_functions([pkg / "d.py"])] == ["f"]
    finally:
        rooms.ROOT = old


def test_docs_name_every_room_and_every_contract_page_exists() -> None:
    text = (ROOT / "docs" / "rooms.md").read_text(encoding="utf-8")
    for root in SUBPACKAGE_ROOTS:
        for room in _rooms(ROOT / root):
            assert f"`{root}/{room}`" in text, f"docs/rooms.md does not name {root}/{room}"
    for page in re.findall(r"\]\(([\w-]+\.md)\)", text):
        assert (ROOT / "docs" / page).exists(), f"docs/rooms.md links {page}, which does not exist"
