"""The command line's language: the app's one rule (db/language.py: --lang, else the app's
language setting, else an English system locale, else Chinese). Messages are written in English
in the code, marked `t("…")` or `tf("… %1 …", value)`, and looked up in the app's catalogue.
Also what the terminal is given: text with no control characters from names in files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from db.language import LANGUAGES, app_language
from reports.document import translator
from reports.text import REPLACEMENT, fill, one_line

_current: list[Callable[[str], str]] = [lambda text: text]


def resolve(chosen: str | None) -> str:
    """The language to speak: the option given, the app's setting, the system's, or Chinese."""
    return app_language(chosen)


def asked(argv: Sequence[str]) -> str | None:
    """The --lang given in `argv`, looked for before argparse reads it (so that its own
    complaints are said in that language too); None when not given or not one we speak."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in LANGUAGES else None
    return None


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


# C1 controls (U+0080–U+009F): a terminal may take U+009B as the start of an escape sequence,
# as it takes ESC (C0, replaced by `one_line`).
_C1 = re.compile("[\x80-\x9f]")


def terminal(text: object) -> str:
    """One line a terminal shows as text: what names from a file may hold that would move the
    cursor, change colours or retitle the window (C0 and C1 controls, DEL) is replaced by U+FFFD,
    a line break by a space, a lone surrogate (which cannot be printed) by U+FFFD."""
    return _C1.sub(REPLACEMENT, one_line(text))


_UNSHOWN = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_text(doc: Any) -> str:
    """A JSON document for the terminal, Chinese as it is: control characters are written as
    \\u escapes (json writes C0 so already; DEL, C1 and lone surrogates too here), so the data is
    whole and the terminal sees none of them."""
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    return _UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
