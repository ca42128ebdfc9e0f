"""Every user-facing string of ui/ has a Chinese translation, and the app loads it."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402


def test_every_string_has_a_chinese_translation() -> None:
    gaps = translations.missing()
    assert gaps == [], f"untranslated: {gaps}"


def test_compiled_translation_is_current(qapp) -> None:
    from ui.i18n import install_language, tr

    assert install_language("zh_CN")
    have = translations.read_ts()
    for source, text in have.items():
        assert tr(source) == text, f"{source!r}: the .qm is older than the .ts; run tools/translations.py"


def test_ui_has_no_bare_literal_in_widgets() -> None:
    # Strings handed straight to common widget setters must come through tr().
    import ast

    setters = {
        "setText",
        "setWindowTitle",
        "setPlaceholderText",
        "setToolTip",
        "addItem",
        "setInformativeText",
    }
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in setters
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.strip()
            ):
                offenders.append(f"{path.name}:{node.lineno} {node.args[0].value!r}")
    assert offenders == []


def test_trf_fills_the_translation_in_one_pass(qapp) -> None:
    from ui.i18n import install_language, tr, trf

    assert install_language("zh_CN")
    text = tr("%1 of %2 shown")
    assert text != "%1 of %2 shown"  # translated: the Chinese places its own numbers
    # A value that looks like a place holder is shown as it is, not filled again.
    assert trf("%1 of %2 shown", "%2", 5) == text.replace("%2", "5").replace("%1", "%2")
    assert trf("Imported %1.", 3) == tr("Imported %1.").replace("%1", "3")
