"""A sheet's header: each cell read once (a form's question number and choice apart), the row
that is the header, and the field each column is guessed to be. See docs/sheets.md."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from scheduler.exchange.spreadsheet.columns import EXACT_ONLY, MANY, PLATFORM_COLUMNS, SYNONYMS
from scheduler.exchange.spreadsheet.sheet import MAX_COLUMNS
from scheduler.exchange.spreadsheet.values import cell_text, norm
from scheduler.exchange.spreadsheet.words import CHOSEN, EMPTY, NOT_CHOSEN

MAX_HEADER_TEXT = 200  # a header cell longer than this names no field

_QUESTION_NO = re.compile(
    r"^\s*(?:[Qq]\s*(\d{1,3})|第\s*(\d{1,3})\s*题|(\d{1,3})(?=\s*[、.．:：)）(（\s]))\s*[、.．:：)）]?\s*"
)
_CHOICE = re.compile(r"^(.*?)\s*(?:[(（]\s*(.+?)\s*[)）]|[:：]\s*([^:：]+?))\s*$", re.S)


@dataclass(frozen=True, slots=True)
class Header:
    """A header cell read once: its question number ("4、", "Q4.", "第4题"), its text without it,
    and, for a choice spread over columns ("3(义诊)", "3、服务项目:义诊"), the question's stem and
    the choice; `key` is the text as it is matched (no spaces or punctuation, lower case)."""

    number: str | None
    key: str
    stem: str
    choice: str | None


_NO_HEADER = Header(None, "", "", None)
_headers: dict[str, Header] = {}


def read_header(value: Any) -> Header:
    """The header of a cell, worked out once per distinct text (a sheet may repeat one long text
    in every cell; a text longer than any header is none)."""
    if value is None:
        return _NO_HEADER
    text = value if isinstance(value, str) else cell_text(value)
    if len(text) > MAX_HEADER_TEXT:
        return _NO_HEADER
    found = _headers.get(text)
    if found is None:
        if len(_headers) > 50_000:
            _headers.clear()
        t = unicodedata.normalize("NFKC", text).strip()
        m = _QUESTION_NO.match(t)
        number = next((g for g in m.groups() if g), None) if m else None
        rest = t[m.end() :] if m and m.end() < len(t) else t
        choice = _CHOICE.match(rest)
        stem, label = (choice.group(1), choice.group(2) or choice.group(3)) if choice else (rest, None)
        found = Header(number, norm(rest), norm(stem), label.strip() if label else None)
        _headers[text] = found
    return found


_CODE_ENDINGS = ("编号", "编码", "代码")
_LONG_PLATFORM = tuple(p for p in PLATFORM_COLUMNS if len(p) >= 3)


def _named(target: str, key: str, exact_only: bool = False) -> str | None:
    """The field a header's key names: the whole of one of its names first, then (not for a
    code such as 科室编号, which names none of the fields its words do) one name within it."""
    if not key:
        return None
    for f, names in SYNONYMS[target].items():
        if key in names:
            return f
    if exact_only:
        return None
    if target == "requests" and (key in PLATFORM_COLUMNS or key.startswith(_LONG_PLATFORM)):
        return "platform"  # "所用时间(秒)" too
    code = key.endswith(_CODE_ENDINGS)
    for f, names in SYNONYMS[target].items():  # "科室名称（全称）" and the like
        if (target, f) in EXACT_ONLY:
            continue  # only a whole staff-number header is one, and so on
        if any(len(n) > 1 and n in key and (not code or n.endswith(_CODE_ENDINGS)) for n in names):
            return f
    return None


def guess_field(target: str, header: Any) -> str | None:
    h = read_header(header)
    if target == "requests" and h.number is None and h.key in PLATFORM_COLUMNS:
        return "platform"
    return _named(target, h.key)


def find_header(target: str, rows: list[list[Any]]) -> int:
    """The first row (of the first ten) naming at least two known fields; 0 if none does."""
    for i, row in enumerate(rows[:10]):
        if len({g for g in (guess_field(target, c) for c in row[:MAX_COLUMNS]) if g}) >= 2:
            return i
    return 0


def choice_mark(value: Any, label: str | None = None) -> bool | None:
    """A 0/1 cell of a choice column: chosen, not chosen, or None when it is text. A cell that
    repeats its column's choice (腾讯问卷: 义诊 under "Q2:服务项目:义诊", empty when not chosen)
    is chosen."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, str) and len(value) > 12:
        return None  # text, not a mark
    t = cell_text(value).lower()
    if t in CHOSEN or (label and t and norm(t) == norm(label)):
        return True
    if t in NOT_CHOSEN or t in EMPTY:
        return False
    return None


def guess_mapping(target: str, header: list[Any], rows: list[list[Any]] | None = None) -> dict[int, str]:
    """Column index -> field, each field taken once (the first column that names it), except
    the fields in MANY. For a form export (`target` "requests"): the platform's own columns
    first; then a choice spread over 0/1 columns ("3(义诊)", "3(讲座)" …, each column 0 or 1 in
    every row of `rows`) is the service when its question names the service, or names nothing
    and no other column does; its 其他 column's text is "other" (a note). A field two columns
    could be the staff number of is given to neither (see `ambiguous`)."""
    header = header[:MAX_COLUMNS]
    heads = [read_header(c) for c in header]
    out: dict[int, str] = {}
    services: set[str | None] = set()
    if target == "requests":
        for i, h in enumerate(heads):
            f = "platform" if h.number is None and h.key in PLATFORM_COLUMNS else None
            if h.number is None and _named(target, h.key, exact_only=True) in ("number", "received"):
                f = _named(target, h.key, exact_only=True)
            if f is not None and (f in MANY or f not in out.values()):
                out[i] = f
        groups: dict[tuple[str | None, str], list[int]] = {}
        for i, h in enumerate(heads):
            if i not in out and h.choice is not None:
                groups.setdefault((h.number, h.stem), []).append(i)
        data = rows or []
        for (_number, stem), cols in groups.items():
            flags = [c for c in cols if not heads[c].choice.startswith("其他")]  # type: ignore[union-attr]
            if len(cols) < 2 or not flags:
                continue
            if any(choice_mark(r[c], heads[c].choice) is None for r in data for c in flags if c < len(r)):
                continue  # not a 0/1 column
            names_service = _named(target, stem) == "service"
            if not (
                names_service or (not stem and not any(_named(target, h.key) == "service" for h in heads))
            ):
                continue
            if "service" in out.values():
                continue
            for c in cols:
                out[c] = "service" if c in flags else "other"
        services = {heads[i].number for i, f in out.items() if f == "service"}
    clashes = ambiguous(target, header)
    for i, h in enumerate(heads):
        if i in out:
            continue
        f = _named(target, h.key)
        if f is None or f in clashes:
            continue
        if target == "requests" and h.number and h.choice and h.choice.startswith("其他"):
            continue  # the text beside a question's 其他: see below
        if f == "platform" or f not in out.values():
            out[i] = f
    if target == "requests":  # 问卷星's "4、(其他（请补充）:)": the text written beside 其他
        services = {heads[i].number for i, f in out.items() if f == "service"}
        for i, h in enumerate(heads):
            other = h.choice and h.choice.startswith("其他") and h.number and h.number in services
            if other and out.get(i) != "service":
                out[i] = "other"
    return out


def ambiguous(target: str, header: list[Any]) -> dict[str, list[int]]:
    """Fields that two or more columns name whole and that must be one column (the staff
    number: 工号 and 人员编号 side by side): field -> those columns. The file can be read two
    ways, so neither is taken; the user chooses."""
    if target != "staff":
        return {}
    cols = [i for i, c in enumerate(header[:MAX_COLUMNS]) if _named(target, read_header(c).key, True) == "id"]
    return {"id": cols} if len(cols) > 1 else {}
