"""Sentences decided in one room and said in another: an English template with %1, %2 … places
and the values that fill them, kept apart so that the window and the command line can each say
it in their reader's language. Templates are marked `N_("…")` where they are written, so that
tools/translations.py collects them."""

from __future__ import annotations

import re
from collections.abc import Callable

_PLACE = re.compile(r"%(\d+)")


def N_(text: str) -> str:
    """Marks a template for translation; the text itself is unchanged."""
    return text


def fill(template: str, *args: object) -> str:
    """`template` with %1, %2 … replaced by `args`, in one pass (so a value holding "%2" stays as
    it is). Translations keep the places, in their own word order."""
    values = [str(a) for a in args]

    def one(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return values[n - 1] if 1 <= n <= len(values) else m.group(0)

    return _PLACE.sub(one, template)


class Phrase(str):
    """An English sentence with %1 places filled, that remembers its template and values: a str
    (it goes wherever text goes, compares as its English), and `say(t)` in another language.
    A value that is itself a Phrase is said in that language too."""

    template: str
    values: tuple[object, ...]

    def __new__(cls, template: str, *values: object) -> Phrase:
        self = super().__new__(cls, fill(template, *values))
        self.template = template
        self.values = values
        return self

    def say(self, t: Callable[[str], str]) -> str:
        return said(self.template, self.values, t)


def said(template: str, values: tuple[object, ...], t: Callable[[str], str]) -> str:
    """`template` in `t`'s language, filled with `values` (a Phrase among them said there too)."""
    return fill(t(template), *(v.say(t) if isinstance(v, Phrase) else v for v in values))


def say_text(text: str, t: Callable[[str], str]) -> str:
    """A reason or message in `t`'s language: a Phrase said there, a plain text looked up."""
    return text.say(t) if isinstance(text, Phrase) else t(text)


class Worded(Exception):
    """An error whose message is a template and its values: `str()` is the English sentence,
    `say(t)` the sentence in the language of the translator `t`."""

    def __init__(self, template: str, *values: object) -> None:
        super().__init__(fill(template, *values))
        self.template = template
        self.values = values

    def say(self, t: Callable[[str], str]) -> str:
        return said(self.template, self.values, t)


def say(exc: BaseException, t: Callable[[str], str]) -> str:
    """Any error's one-line message in `t`'s language: translated when it carries a template
    (a `Worded` error, or another that sets `template` and `values`), else as it is."""
    template = getattr(exc, "template", None)
    if isinstance(template, str):
        return said(template, tuple(getattr(exc, "values", ())), t)
    return str(exc)
