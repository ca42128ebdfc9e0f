"""What is wrong with a document: a Problem (where, the value found, why) and the PlanError
carrying all of them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scheduler.plan.wording import N_, Phrase, fill, say_text

# Problems listed at most for one document; the rest are counted.
MAX_PROBLEMS = 1_000

SURROGATE_RE = re.compile("[\ud800-\udfff]")
_PLAIN_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _safe_text(text: str) -> str:
    """Text that can be printed and stored: lone surrogates written as escapes."""
    return SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _shown(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return Phrase(N_("a number of about %1 digits"), int(value.bit_length() * 0.30103) + 1)
    try:
        shown = json.dumps(value, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError):
        shown = type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return _safe_text(shown)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document: where (a JSON path), the value found, and why."""

    path: str
    value: Any
    reason: str

    def __str__(self) -> str:
        return self.say(lambda text: text)

    def say(self, t: Callable[[str], str]) -> str:
        """The problem in the language of the translator `t` (English: `str(problem)`)."""
        reason = say_text(self.reason, t)
        if self.value is not None:
            reason = fill(t("%1 (found %2)"), reason, _shown(self.value))
        return f"{_safe_text(self.path)}: {reason}"


class PlanError(ValueError):
    """A document that cannot be taken: carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the plan file")


def key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if _PLAIN_KEY_RE.match(key) else f"{path}[{json.dumps(key)}]"


def string_problem(text: str) -> str | None:
    if "\x00" in text:
        return Phrase(N_("contains a NUL character"))
    if SURROGATE_RE.search(text):
        return Phrase(N_("contains a lone surrogate (\\ud800-\\udfff), which is not Unicode text"))
    return None


def capped(problems: list[Problem]) -> list[Problem]:
    return problems if len(problems) < MAX_PROBLEMS else [*problems[:MAX_PROBLEMS], MORE]


MORE = Problem("$", None, Phrase(N_("has more problems; the first %1 are listed"), MAX_PROBLEMS))
