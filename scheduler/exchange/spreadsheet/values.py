"""What a cell's text says, read the same way by every kind of sheet: text, a number, a phone
number, a count of people, a record named by its id or its name. See docs/sheets.md."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from scheduler.plan.validation import MAX_AUDIENCE

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes of two digits after the 0: Beijing 010 and 020-029; the others have three.
_SHORT_AREA = re.compile(r"0(?:10|2\d)")
_PHONE_TEXT = re.compile(r"[+\d\s\-()（）./]+(?:(?:转|ext\.?|x|分机)\s*\d{1,6})?", re.I)
_EXTENSION = re.compile(r"(?:转|ext\.?|x|分机)\s*(\d{1,6})$", re.I)
_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"\d+(\.\d+)?")
_SPACES = re.compile(r"\s+")


_COUNT = r"(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.0+)?"
_AUDIENCE = re.compile(
    r"^(?:约|大约|大概|预计|预估|估计|近|将近|接近|超过|不少于|至少|不低于|多于)?\s*"
    + _COUNT
    + r"\s*(?:(?:-|~|至|到|—|–)\s*"
    + _COUNT
    + r"\s*)?(?:余|多|来|左右|以上|上下|\+)?\s*(?:人次|人|名|位)?\s*(?:左右|以上|上下)?\s*(?:\(.*\))?$"
)


def audience_number(text: str) -> int | None:
    """The number of people an answer states (120, 约80人, 100余人, 1,200, 80-100: the most, for
    planning), or None for anything else: a number is never picked out of other text (1e3, 3月份约
    50人, 2026年12月 are none)."""
    m = _AUDIENCE.match(unicodedata.normalize("NFKC", text).strip())
    if m is None:
        return None
    n = max(int(g.replace(",", "")) for g in m.groups() if g)
    return n if n <= MAX_AUDIENCE else None


def phone_number(text: str) -> str | None:
    """A phone number as people write it, in one spelling: a mobile as its 11 digits
    ("+86 136 0000 0000", "136-0000-0000"), a landline as area code, dash, number and any
    extension ("(0731) 8888 6666", "+86 731 88886666", "0731-88886666-123"); None when the
    text is none ("abc", too few digits)."""
    t = unicodedata.normalize("NFKC", text).strip()
    if len(t) > 40 or not _PHONE_TEXT.fullmatch(t):
        return None
    ext = ""
    m = _EXTENSION.search(t)
    if m:
        ext, t = m.group(1), t[: m.start()]
    international = t.startswith("+") or t.startswith("00")
    groups = _DIGITS.findall(t)
    digits = "".join(groups)
    if international:
        if not digits.startswith(("86", "0086")):
            return None
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        if not _MOBILE.fullmatch(digits):
            digits = "0" + digits.lstrip("0")  # the area code without its 0, as dialled from abroad
    elif digits.startswith("86") and len(digits) == 13 and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]
    if _MOBILE.fullmatch(digits) and not ext:
        return digits
    if not digits.startswith("0"):
        return None
    if not ext and len(groups) >= 3 and not international and len(groups[-1]) <= 6 and len(digits) > 12:
        ext, digits = groups[-1], digits[: -len(groups[-1])]  # "0731-8888 6666-123": the last part
    area = 3 if _SHORT_AREA.match(digits) else 4
    number = digits[area:]
    if not 7 <= len(number) <= 8:
        return None
    return f"{digits[:area]}-{number}" + (f"-{ext}" if ext else "")


PUNCT = re.compile(r"[\s_\-（）()*：:、.．。?？!！]")


def norm(value: Any) -> str:
    """A header or a word as it is matched: no spaces or punctuation, lower case."""
    return PUNCT.sub("", str(value or "")).lower()


def cell_text(value: Any) -> str:
    """A cell's value as text: None is "", a whole float its digits (12.0 → "12"), trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def by_name_or_id(items: dict[str, Any], value: str) -> str | None:
    if value in items:
        return value
    found = [k for k, v in items.items() if getattr(v, "name", None) == value]
    return found[0] if len(found) == 1 else None


def number_in(text: str, highest: float, whole: bool = True) -> float | None:
    """A number from 0 to `highest` (a whole one when `whole`), or None: "12", "12.0", "1,200"."""
    t = text.replace(",", "").strip()
    if len(t) > 20 or not _NUMBER.fullmatch(t):
        return None
    value = float(t)
    if value > highest or (whole and not value.is_integer()):
        return None
    return value


def fold(text: str) -> str:
    """A name as it is compared: NFKC (full-width letters and digits made plain), no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


def closest(name: str, items: Mapping[str, Any], n: int = 3) -> tuple[str, ...]:
    """The ids of the records whose names come closest to `name`: names holding it or held in it
    first, then the most alike (difflib)."""
    folded = fold(name)
    names = {fold(getattr(v, "name", "") or ""): k for k, v in items.items()}
    out = [k for nm, k in names.items() if nm and folded and (folded in nm or nm in folded)]
    for nm in difflib.get_close_matches(folded, list(names), n=n + len(out), cutoff=0.4):
        if names[nm] not in out:
            out.append(names[nm])
    return tuple(out[:n])


def find_record(items: Mapping[str, Any], name: str, chosen: Mapping[str, str]) -> str | None:
    """The record a name means: one chosen by hand, its id, or the one record of that name."""
    if name in chosen and chosen[name] in items:
        return chosen[name]
    if name in items:
        return name
    folded = fold(name)
    found = [k for k, v in items.items() if fold(getattr(v, "name", "") or "") == folded]
    return found[0] if len(found) == 1 else None
