"""Checks of single values that every way in (forms, plan files, spreadsheets) shares."""

from __future__ import annotations

import re

_PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{4,19}$")
_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")


def phone_ok(text: str) -> bool:
    """A phone number: digits, with an optional leading + and - or spaces between groups."""
    return bool(_PHONE_RE.match(text.strip()))


def id_ok(text: str) -> bool:
    """An id a person can type and a file can carry: letters, digits, '-', '_' and '.'."""
    return bool(_ID_RE.match(text))
