"""The bundle's spec, checked without building (CI builds only when asked): it lists every data file
the app loads (fonts, translations, manual, icons, licences) where the app looks for it, every library
that ships with its licence, only the Qt modules the app imports; the version is said once."""

from __future__ import annotations

import ast
import configparser
import re
import subprocess
import sys
import types
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scheduler.version import VERSION

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "outreach-scheduler.spec"
# Installed with sqlite-utils but never imported by it or by us: PyInstaller leaves them out.
NOT_SHIPPED = {"pip", "setuptools"}


class _Built:
    """What the spec handed to PyInstaller's classes, recorded instead of building."""

    def __init__(self) -> None:
        self.calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def recorder(self, name: str, result: Any = None) -> Any:
        def record(*args: Any, **kwargs: Any) -> Any:
            self.calls.setdefault(name, []).append((args, kwargs))
            return result if result is not None else types.SimpleNamespace(name=name)

        return record


def run_spec(
    monkeypatch: pytest.MonkeyPatch, binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]]
) -> tuple[dict[str, Any], _Built]:
    """Execute the spec as PyInstaller would, with PyInstaller's names replaced by recorders."""
    built = _Built()
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.copy_metadata = lambda dist: [(f"/site-packages/{dist}.dist-info", f"{dist}.dist-info")]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    analysis = types.SimpleNamespace(binaries=binaries, datas=datas, pure=[], scripts=[])
    spec_globals: dict[str, Any] = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": built.recorder("Analysis", analysis),
        "PYZ": built.recorder("PYZ"),
        "EXE": built.recorder("EXE"),
        "COLLECT": built.recorder("COLLECT"),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    return spec_globals, built


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return run_spec(monkeypatch, [], [])[0]


def _covered(path: Path, datas: list[tuple[str, str]]) -> bool:
    """Whether a DATAS entry brings `path` into the bundle at the same place as in the source tree."""
    rel = path.relative_to(ROOT).as_posix()
    for src, dest in datas:
        if rel == src and Path(src).parent.as_posix() == dest:
            return True
        if rel.startswith(src.rstrip("/") + "/") and src == dest:
            return True
    return False


def test_every_data_file_the_app_loads_is_in_the_spec(spec: dict[str, Any]) -> None:
    from resources import FONT_FILE, TRANSLATIONS, demo_recipe  # noqa: F401
    from ui.window.help import ICON_FILE, MANUAL

    datas = spec["DATAS"]
    for src, _dest in datas:
        assert (ROOT / src).exists(), f"the spec lists {src}, which does not exist"
    loaded = [
        FONT_FILE,
        TRANSLATIONS / "outreach_zh_CN.qm",  # the GUI's translator
        TRANSLATIONS / "outreach_zh_CN.ts",  # read without Qt by the CLI and the PDFs (reports.document)
        ROOT / "resources" / "demo" / "recipe.json",
        ICON_FILE,
        *MANUAL.rglob("*"),
    ]
    # Every file in resources/ is there to be loaded, except the Python code PyInstaller collects itself.
    loaded += [p for p in (ROOT / "resources").rglob("*") if p.suffix not in (".py", ".pyc")]
    missing = [str(p.relative_to(ROOT)) for p in loaded if p.is_file() and not _covered(p, datas)]
    assert missing == [], f"data files the app loads but the spec does not ship: {missing}"
    manual_files = [p for p in MANUAL.rglob("*") if p.is_file()]
    assert any(p.suffix == ".md" for p in manual_files) and any(p.suffix == ".png" for p in manual_files)


def test_the_licence_texts_are_shipped(spec: dict[str, Any]) -> None:
    assert ("packaging/licenses", "licenses") in spec["DATAS"]
    folder = ROOT / "packaging" / "licenses"
    for name in (
        "LGPL-3.0.txt",
        "GPL-3.0.txt",
        "Apache-2.0.txt",
        "Python-PSF.txt",
        "chinese-calendar-MIT.txt",
    ):
        text = (folder / name).read_text(encoding="utf-8")
        assert len(text) > 900, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (folder / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "Apache" in (ROOT / "resources" / "fonts" / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")


def _runtime_distributions() -> set[str]:
    """requirements.txt's packages and everything they require, as installed here."""
    pins = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            pins.append(canonicalize_name(Requirement(line).name))
    seen: set[str] = set()
    todo = list(pins)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for text in metadata.requires(name) or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(req.name))
    return seen - NOT_SHIPPED


def test_every_shipped_library_is_named_with_its_licence(spec: dict[str, Any]) -> None:
    from ui.window.help import LIBRARIES

    named = [canonicalize_name(name) for name, _licence in LIBRARIES]
    assert len(named) == len(set(named))
    assert all(licence.strip() for _name, licence in LIBRARIES)
    shipped = _runtime_distributions()
    assert shipped <= set(named), (
        f"shipped without a licence line in ui/help.LIBRARIES: {shipped - set(named)}"
    )
    # (A line for a library not required, e.g. one on its way in, is left out of About when it is
    # not installed.)
    # The bundle keeps their metadata: About reads the versions, and their licence files come along.
    assert {canonicalize_name(d) for d in spec["DISTRIBUTIONS"]} == set(named)


def _qt_modules_imported() -> set[str]:
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if name.startswith("PySide6.Qt"):
                    found.add(name.split(".")[1])
    return found


def test_only_the_qt_modules_the_app_imports(spec: dict[str, Any]) -> None:
    assert set(spec["QT_MODULES"]) == _qt_modules_imported()
    excluded = {name.removeprefix("PySide6.") for name in spec["EXCLUDES"] if name.startswith("PySide6.")}
    assert {"QtWebEngineCore", "QtWebEngineWidgets", "QtQuick", "QtQml", "QtMultimedia"} <= excluded
    assert excluded.isdisjoint(spec["QT_MODULES"])
    # pandas is kept on purpose: OR-Tools' cp_model imports it.
    assert "pandas" not in spec["EXCLUDES"]


def test_the_spec_drops_what_qt_plugins_drag_in(monkeypatch: pytest.MonkeyPatch) -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", "/x", "BINARY"),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "/x", "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/x", "BINARY"),
        ("PySide6\\Qt6Quick.dll", "/x", "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", "/x", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
    ]
    datas = [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/x", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
        ("resources/fonts/wqy-microhei.ttc", "/x", "DATA"),
    ]
    _globals, built = run_spec(monkeypatch, binaries, datas)
    (args, _kwargs), *_ = built.calls["COLLECT"]
    kept = {entry[0] for group in args if isinstance(group, list) for entry in group}
    assert kept == {
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "resources/fonts/wqy-microhei.ttc",
    }
    (_a, analysis), *_ = built.calls["Analysis"]
    assert analysis["excludes"] == _globals["EXCLUDES"]
    assert Path(_a[0][0]).name == "main.py"
    exe = built.calls["EXE"][0][1]
    assert exe["name"] == "outreach-scheduler" and exe["console"] is True
    # stripping the wheels' patched libraries broke numpy's OpenBLAS in the bundle
    assert exe["strip"] is False and built.calls["COLLECT"][0][1]["strip"] is False


def test_the_bundle_tools_are_installed_by_the_bundle_target_only() -> None:
    bundle_reqs = (ROOT / "requirements-bundle.txt").read_text(encoding="utf-8")
    assert "pyinstaller==" in bundle_reqs and "-r requirements.txt" in bundle_reqs
    for other in ("requirements.txt", "requirements-dev.txt"):
        assert "pyinstaller" not in (ROOT / other).read_text(encoding="utf-8").lower()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\nbundle:") :]
    assert "requirements-bundle.txt" in target and "packaging/outreach-scheduler.spec" in target
    assert makefile.count("requirements-bundle.txt") == 2  # a comment and the bundle target
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "/dist/" in ignored and "/build/" in ignored


def test_the_desktop_file_names_the_icon_and_the_executable() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "outreach-scheduler.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Name"] and d["Name[zh_CN]"]
    assert d["Exec"].endswith("/outreach-scheduler")
    assert (ROOT / "resources" / "icons" / f"{d['Icon']}.svg").exists()
    assert (ROOT / "resources" / "icons" / f"{d['Icon']}.png").exists()


def test_the_version_is_said_once() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    assert cfg["metadata"]["version"] == "attr: scheduler.version.VERSION"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout == f"outreach-scheduler {VERSION}\n"
    assert done.stderr == ""


def test_the_readme_keeps_its_two_commands_and_points_to_the_manual_and_the_bundle() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    targets = re.findall(r"\]\(([^)\s#]+)", readme)
    for wanted in ("docs/manual/index.zh.md", "docs/manual/index.en.md", "docs/bundle.md"):
        assert wanted in targets, wanted
    assert any(t.startswith("docs/manual/shots/") and t.endswith(".png") for t in targets)
    for target in targets:
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), target
    assert "make bundle" in readme


def test_the_smoke_mode_reaches_the_first_window_and_quits(tmp_path: Path) -> None:
    """What the bundle's smoke test runs (docs/bundle.md), from the source tree: the GUI on a
    database draws its first window, waits for the first conflict check and quits by itself."""
    import os

    from db.operations import import_document
    from db.store import Store
    from tests.helpers import sample_text

    db = tmp_path / "demo.sqlite3"
    with Store(db) as store:
        import_document(store, sample_text())
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OUTREACH_SETTINGS_DIR": str(tmp_path / "settings"),
        "OUTREACH_SCHEDULER_SMOKE": "1",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "first window drawn" in done.stdout and "first check done" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr and "Error calling Python override" not in done.stderr
