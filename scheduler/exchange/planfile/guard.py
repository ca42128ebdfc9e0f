"""The hostile-JSON guard: a document from outside read as JSON, refusing (and naming the place
of) everything JSON allows but a plan cannot hold."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

from scheduler.exchange.planfile.problems import (
    MAX_PROBLEMS,
    PlanError,
    Problem,
    capped,
    key_path,
    string_problem,
)
from scheduler.plan.wording import N_, Phrase

# JSON nesting a document may have: a plan file needs seven levels, unknown keys get room.
MAX_DEPTH = 64
# Digits of a number in a document: more than any count or hour can mean.
MAX_DIGITS = 20


class _Refused:
    """Stands where the JSON text held a value no plan can hold; `load_json` names each."""

    __slots__ = ("reason", "shown")

    def __init__(self, reason: str, shown: Any):
        self.reason = reason
        self.shown = shown


class _Pairs(dict):
    """A JSON object whose text named some key more than once (the first value is kept)."""

    __slots__ = ("repeated",)
    repeated: list[str]


class _Hooks:
    """The JSON parser's hooks for one document; they note whether anything was refused, so
    that a clean document (nearly every one) is not walked value by value."""

    __slots__ = ("flagged",)

    def __init__(self) -> None:
        self.flagged = False

    def object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) == len(pairs):
            return out
        self.flagged = True
        seen: set[str] = set()
        marked = _Pairs(out)
        marked.repeated = [k for k, _v in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        return marked

    def int(self, text: str) -> Any:
        digits = len(text.lstrip("-"))
        if digits > MAX_DIGITS:
            self.flagged = True
            return _Refused(
                Phrase(N_("is a number of %1 digits, far beyond anything it can mean"), digits), None
            )
        return int(text)

    def float(self, text: str) -> Any:
        value = float(text)
        if not math.isfinite(value):
            self.flagged = True
            return _Refused(N_("is a number too large to hold"), text[:30])
        return value

    def constant(self, text: str) -> Any:
        self.flagged = True
        return _Refused(N_("is not a number JSON allows (NaN and Infinity are not)"), text)


# Where a NUL or a lone surrogate can come from in JSON text: an escape, or (in text handed over
# as a str) the character itself. Without either, no string needs looking at.
_ESCAPE_RE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


def _suspect(text: str) -> bool:
    if "\\u" in text and _ESCAPE_RE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_CONTAINERS = (dict, list, _Pairs)


def _deeper_than(doc: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` levels, looked at level by level."""
    level = [doc]
    for _ in range(limit):
        level = [
            v for c in level for v in (c.values() if isinstance(c, dict) else c) if type(v) in _CONTAINERS
        ]
        if not level:
            return False
    return True


def _inspect(doc: Any, problems: list[Problem], strings: bool) -> None:
    """Every value `load_json` refuses, with its path: nesting too deep, keys named twice,
    numbers refused by the parse hooks and (when `strings`) NULs and lone surrogates. The walk
    keeps its own stack and goes only where something can be wrong."""
    stack: list[tuple[Any, str, int]] = [(doc, "$", 0)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            reason = string_problem(value)
            if reason:
                problems.append(Problem(path, value, reason))
            continue
        if isinstance(value, _Refused):
            problems.append(Problem(path, value.shown, value.reason))
            continue
        if depth >= MAX_DEPTH:
            problems.append(Problem(path, None, Phrase(N_("is nested more than %1 levels deep"), MAX_DEPTH)))
            continue
        if isinstance(value, _Pairs):
            for k in value.repeated:
                problems.append(Problem(key_path(path, k), None, N_("is a key named twice in one object")))
        pairs: Iterable[tuple[Any, Any]] = value.items() if isinstance(value, dict) else enumerate(value)
        children = []
        for k, v in pairs:
            if isinstance(v, (dict, list, _Refused)) or (strings and isinstance(v, str)):
                children.append((v, key_path(path, k) if isinstance(k, str) else f"{path}[{k}]", depth + 1))
            if strings and isinstance(k, str):
                reason = string_problem(k)
                if reason:
                    problems.append(Problem(key_path(path, k), k, Phrase(N_("the key %1"), reason)))
        stack.extend(reversed(children))


def load_json(data: str | bytes) -> Any:
    """A JSON document from outside (a plan file, a records file, a field package), or PlanError
    naming every place where it holds what no plan can: a key named twice in one object, a NUL
    character or a lone surrogate in a string, NaN or Infinity, a number of more than
    MAX_DIGITS digits or beyond what a float holds, nesting deeper than MAX_DEPTH. Bytes must
    be UTF-8 (a byte-order mark is allowed)."""
    if isinstance(data, (bytes, bytearray)):
        try:
            text = bytes(data).decode(json.detect_encoding(data))
        except (UnicodeDecodeError, LookupError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                why = Phrase(N_("is not UTF-8 text (%1 at byte %2)"), exc.reason, exc.start)
            else:
                why = Phrase(N_("is not UTF-8 text (%1)"), exc)
            raise PlanError([Problem("$", None, why)]) from None
    else:
        text = data
    hooks = _Hooks()
    try:
        doc = json.loads(
            text,
            object_pairs_hook=hooks.object,
            parse_int=hooks.int,
            parse_float=hooks.float,
            parse_constant=hooks.constant,
        )
    except json.JSONDecodeError as exc:
        why = Phrase(N_("is not valid JSON: %1 at line %2, column %3"), exc.msg, exc.lineno, exc.colno)
        raise PlanError([Problem("$", None, why)]) from None
    except RecursionError:
        deep = Phrase(N_("is nested more than %1 levels deep"), MAX_DEPTH)
        raise PlanError([Problem("$", None, deep)]) from None
    problems: list[Problem] = []
    if isinstance(doc, (dict, list)):
        strings = _suspect(text)
        if strings or hooks.flagged or _deeper_than(doc, MAX_DEPTH):
            _inspect(doc, problems, strings)
    elif isinstance(doc, _Refused):
        problems.append(Problem("$", doc.shown, doc.reason))
    elif isinstance(doc, str) and string_problem(doc):
        problems.append(Problem("$", doc, string_problem(doc) or ""))
    if problems:
        raise PlanError(capped(problems))
    return doc
