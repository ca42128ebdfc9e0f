"""The command line's language: --lang, else the app's language setting, else the system
locale (Chinese when it starts with zh, English otherwise). Messages are written in English
in the code, marked `t("…")` or `tf("… %1 …", value)`, and looked up in the app's catalogue."""

from __future__ import annotations

import locale
import os
from collections.abc import Callable

from db.paths import load_preferences
from reports.document import translator
from reports.text import fill

LANGUAGES = ("zh_CN", "en")

_current: list[Callable[[str], str]] = [lambda text: text]


def resolve(chosen: str | None) -> str:
    """The language to speak: the option given, the app's setting, or the system's."""
    if chosen in LANGUAGES:
        return chosen
    saved = load_preferences().get("language")
    if saved in LANGUAGES:
        return str(saved)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    system = locale.getlocale()[0] or ""
    return "zh_CN" if system.lower().startswith("zh") else "en"


def use(lang: str) -> Callable[[str], str]:
    """Speak `lang` from now on; returns its translator (for documents and sentences)."""
    _current[0] = translator(lang)
    return _current[0]


def t(text: str) -> str:
    """A message in the command line's language."""
    return _current[0](text)


def tf(text: str, *args: object) -> str:
    """`t(text)` with %1, %2 … filled by `args`."""
    return fill(t(text), *args)
