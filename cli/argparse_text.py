"""argparse's own complaints in the command line's language. argparse writes them in English
(through gettext, which the app does not use); `say_argparse` reads the English phrase back and
says it again through the CLI's translator, the values (option names, what was typed) as they were."""

from __future__ import annotations

import re

from scheduler.plan.wording import N_

from .lang import tf

# argparse's phrases (Python 3.11), each a pattern and the template that says it again;
# a group that is itself a phrase ("argument X: invalid choice …") is said again too.
_PHRASES: tuple[tuple[re.Pattern[str], str, tuple[int, ...]], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template, nested)
    for pattern, template, nested in (
        (r"argument (.+?): (.*)", N_("argument %1: %2"), (2,)),
        (r"invalid choice: (.*) \(choose from (.*)\)", N_("invalid choice: %1 (choose from %2)"), ()),
        (r"the following arguments are required: (.*)", N_("the following arguments are required: %1"), ()),
        (r"unrecognized arguments: (.*)", N_("unrecognized arguments: %1"), ()),
        (r"expected one argument", N_("expected one argument"), ()),
        (r"expected at most one argument", N_("expected at most one argument"), ()),
        (r"expected at least one argument", N_("expected at least one argument"), ()),
        (r"expected (\d+) arguments?", N_("expected %1 argument(s)"), ()),
        (r"one of the arguments (.*) is required", N_("one of the arguments %1 is required"), ()),
        (r"not allowed with argument (.*)", N_("not allowed with argument %1"), ()),
        (r"ignored explicit argument (.*)", N_("ignored explicit argument %1"), ()),
        (r"ambiguous option: (.*) could match (.*)", N_("ambiguous option: %1 could match %2"), ()),
        (r"invalid (\S+) value: (.*)", N_("invalid %1 value: %2"), ()),
        (r"can't open '(.*)': (.*)", N_("can't open %1: %2"), ()),
        (r"unknown parser (.*) \(choices: (.*)\)", N_("unknown command %1 (choose from %2)"), ()),
        (r"unexpected option string: (.*)", N_("unexpected option string: %1"), ()),
    )
)


def say_argparse(message: str) -> str:
    """`message` from argparse in the user's language; anything not argparse's (a message a
    type function gave, already translated) is left as it is."""
    for pattern, template, nested in _PHRASES:
        m = pattern.fullmatch(message)
        if m:
            values = [say_argparse(v) if i in nested else v for i, v in enumerate(m.groups(), 1)]
            return tf(template, *values)
    return message
