"""User text made safe to write into any output (PDF, xlsx, iCalendar): one rule for all of them.

Names, titles and venues come from files exchanged with other offices and are hostile until shown
otherwise. What no output format can carry is replaced by U+FFFD (the replacement character, which
shows the reader that something was there): control characters other than tab and line feed
(C0, DEL), lone surrogates (not encodable as UTF-8) and the non-characters U+FFFE/U+FFFF (not
allowed in XML). A carriage return, alone or before a line feed, becomes a line feed, as XML
readers would make it anyway. Everything else — markup, quotes, CJK — stays as written; each
writer escapes it for its own format."""

from __future__ import annotations

import re
from collections.abc import Callable

from scheduler.plan.wording import fill  # one filler of %1 places for every room

REPLACEMENT = "\ufffd"
ELLIPSIS = "…"

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """The text of `value` with what no output can carry replaced (see the module's note)."""
    text = "" if value is None else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWRITABLE.sub(REPLACEMENT, text)


def one_line(value: object) -> str:
    """`clean(value)` for a place that holds one line (a name in a sentence or a list)."""
    return clean(value).replace("\n", " ")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters: a longer text is cut and ends in an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def translated(t: Callable[[str], str], template: str, *args: object) -> str:
    """`t(template)` filled with `args`: one sentence in the reader's language."""
    return fill(t(template), *args)
