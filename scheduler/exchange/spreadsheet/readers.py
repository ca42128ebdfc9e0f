"""What a cell gives a declared field of a staff, department or partner sheet, by the field's
kind (scheduler/plan/fields.py): text as written, a phone number in one spelling, a record named
by its id or name, a number within the field's limits, yes or no in the words of an HR export,
codes or a choice from their Chinese words. Each reader gives the value and the problems; KEEP
leaves the record's value as it was. See docs/sheets.md."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from scheduler.exchange.spreadsheet.row import Problem
from scheduler.exchange.spreadsheet.values import by_name_or_id, norm, number_in, phone_number
from scheduler.exchange.spreadsheet.words import (
    ACTIVE,
    INACTIVE,
    NO,
    NOT_PARTY,
    PARTNER_KIND_WORDS,
    QUALIFICATION_WORDS,
    YES,
)
from scheduler.plan.fields import Field
from scheduler.plan.model import Plan
from scheduler.plan.wording import N_

KEEP: Any = object()  # a reader's value that leaves the record's own
FINE: tuple[Problem, ...] = ()  # a reader's problems when there are none

# The problem of a name that matches no record, by the section it names (a staff sheet's
# department, a request's partner: scheduler/exchange/spreadsheet/service_requests.py).
NO_SUCH = {
    "departments": N_("no department {value}"),
    "branches": N_("no party branch {value}"),
    "campuses": N_("no campus {value}"),
    "partners": N_("no partner {value}"),
    "services": N_("no service {value}"),
}
# The problem of a cell that is no number of the field's kind.
NOT_A_NUMBER = {
    "max_hours_month": N_("{value} is not a number of hours a month"),
    "min_on_duty": N_("{value} is not a number of people"),
    "population": N_("{value} is not a number of people"),
}
# Yes and no of a field, in the words an HR export writes them, and the problem of another word.
YES_NO = {
    "party_member": (
        YES,
        NO | NOT_PARTY,
        N_("{value} is not a 政治面貌 the app knows (中共党员, 中共预备党员, 群众 …)"),
    ),
    "active": (YES | ACTIVE, NO | INACTIVE, N_("{value} is not a staff status (在职, 返聘, 离职, 退休 …)")),
}
# The words of a field's codes (qualifications) or choices (a partner's kind), and the problem
# of a word the app does not know.
WORDS = {
    "qualifications": (QUALIFICATION_WORDS, N_("unknown qualification {value}")),
    "kind": (PARTNER_KIND_WORDS, N_("unknown kind {value}")),
}

_WORDS_SPLIT = re.compile(r"[、,，;；/\s]+")  # 医师、针灸 / 医师,针灸 …
_CODE = re.compile(r"[a-z_]+")

Reader = Callable[[Field, str, Plan], tuple[Any, Sequence[Problem]]]


def read_text(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    return text, FINE


def _phone(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    """A phone number in one spelling; one that is none is kept as written, and said."""
    phone = phone_number(text)
    if phone is None:
        return text, [(field.name, N_("{value} is not a phone number"), text)]
    return phone, FINE


def _ref(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    """The id of the record of section `field.ref` named by its id or its name (none: empty)."""
    found = by_name_or_id(getattr(plan, field.ref or ""), text)
    if found is None:
        return ("" if field.required else None), [(field.name, NO_SUCH[field.ref or ""], text)]
    return found, FINE


def _number(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    """A number from 0 to the field's maximum (a whole one for an int, from its minimum, as the
    plan file reads it)."""
    whole = field.kind == "int"
    value = number_in(text, field.maximum if field.maximum is not None else float("inf"), whole=whole)
    if value is None or (whole and value < field.minimum):
        return KEEP, [(field.name, NOT_A_NUMBER[field.name], text)]
    return (int(value) if whole else value), FINE


def _yes_no(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    yes, no, problem = YES_NO[field.name]
    word = norm(text)
    if word in yes:
        return True, FINE
    if word in no:
        return False, FINE
    return KEEP, [(field.name, problem, text)]


def _codes(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    """Codes from the words of a cell (医师、针灸 → physician, acupuncture), a code as itself;
    each unknown word said."""
    words, problem = WORDS[field.name]
    codes: list[str] = []
    problems: list[Problem] = []
    for word in _WORDS_SPLIT.split(text):
        if not word:
            continue
        code = words.get(word, word if _CODE.fullmatch(word) else None)
        if code is None:
            problems.append((field.name, problem, word))
        elif code not in codes:
            codes.append(code)
    return tuple(codes), problems


def _choice(field: Field, text: str, plan: Plan) -> tuple[Any, Sequence[Problem]]:
    """The choice whose word the cell holds (社区卫生服务站 → community), or the code itself;
    another is "other", and said."""
    words, problem = WORDS[field.name]
    code = next((c for word, c in words.items() if word in text), None)
    code = code or (text if text in words.values() else None)
    if code is None:
        return "other", [(field.name, problem, text)]
    return code, FINE


READERS: dict[str, Reader] = {
    "id": read_text,
    "text": read_text,
    "phone": _phone,
    "ref": _ref,
    "int": _number,
    "float": _number,
    "bool": _yes_no,
    "codes": _codes,
    "choice": _choice,
}
