"""How the rooms stand: files over 600 lines, functions over 80, and modules that import each other.

    python tools/rooms.py [PATH-PREFIX ...]   print what is over the limits (all of it, or under the prefixes)

tests/test_rooms.py holds the same limits; this prints them all at once while one works."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("scheduler", "ui", "cli", "db", "reports", "resources")
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80


def sources(folders: tuple[str, ...] = PACKAGES) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def long_files(paths: list[Path]) -> list[tuple[str, int]]:
    out = []
    for p in paths:
        n = len(p.read_text(encoding="utf-8").splitlines())
        if n > MAX_FILE_LINES:
            out.append((str(p.relative_to(ROOT)), n))
    return out


def long_functions(paths: list[Path]) -> list[tuple[str, str, int]]:
    out = []
    for p in paths:
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    out.append((f"{p.relative_to(ROOT)}:{node.lineno}", node.name, n))
    return out


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The modules of ours that `path` imports anywhere in it (a function's own imports too)."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != me and not me.startswith(name + "."):
                out.add(name)
    return out


def import_rings(paths: list[Path]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a ring (Tarjan's components)."""
    known = {module_name(p) for p in paths}
    graph = {module_name(p): imports_of(p, known) for p in paths}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    rings: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            ring = []
            while True:
                w = stack.pop()
                on.discard(w)
                ring.append(w)
                if w == v:
                    break
            if len(ring) > 1:
                rings.append(sorted(ring))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return rings


def main(prefixes: list[str]) -> int:
    """Prints what is over the limits; exit 1 when anything is, 2 for a path that is not there."""
    if any(p.startswith("-") for p in prefixes):
        print(__doc__.strip().splitlines()[2].strip())
        return 0
    missing = [x for x in prefixes if not (ROOT / x).exists() and not list(ROOT.glob(x.rstrip("/") + "*"))]
    if missing:
        print("no such path: " + ", ".join(missing))
        return 2
    paths = sources()
    mine = [p for p in paths if not prefixes or any(str(p.relative_to(ROOT)).startswith(x) for x in prefixes)]
    found = [f"file over {MAX_FILE_LINES} lines: {name} ({n})" for name, n in long_files(mine)]
    found += [
        f"function over {MAX_FUNCTION_LINES} lines: {where} {name} ({n})"
        for where, name, n in long_functions(mine)
    ]
    for ring in import_rings(paths):
        if not prefixes or any(
            m.replace(".", "/").startswith(x.rstrip("/").removesuffix(".py")) for m in ring for x in prefixes
        ):
            found.append("modules importing each other: " + " <-> ".join(ring))
    print("\n".join(found + [f"{len(mine)} files read, {len(found)} over the limits"]))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
