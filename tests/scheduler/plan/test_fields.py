"""The field declaration (scheduler/plan/fields.py) says every field of the model once, as the
model has it: the same keys, required exactly where the dataclass has no default, the same
defaults; kinds, references and choices that the readers know."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from scheduler.plan import model
from scheduler.plan.fields import FIELDS, KINDS, field_of
from scheduler.plan.model import SECTIONS, Plan
from scheduler.plan.validation import MAX_ID_LENGTH, MAX_RULE_LENGTH

_HINTS = typing.get_type_hints(Plan)


def _cls(section: str) -> type:
    return model.Hospital if section == "hospital" else typing.get_args(_HINTS[section])[1]


def _model_fields(section: str) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(_cls(section)) if f.name != "extra"}


def test_every_section_is_declared() -> None:
    assert list(FIELDS) == ["hospital", *SECTIONS]


@pytest.mark.parametrize("section", list(FIELDS))
def test_the_declared_keys_are_the_models(section: str) -> None:
    declared = [f.key.split(".")[0] for f in FIELDS[section]]
    assert set(declared) == set(_model_fields(section)), section
    plain = [f.key for f in FIELDS[section] if "." not in f.key]
    assert len(plain) == len(set(plain)), f"{section}: a key declared twice"


@pytest.mark.parametrize(("section", "key"), [(s, f.key) for s in FIELDS for f in FIELDS[s]])
def test_required_and_default_are_the_dataclasses(section: str, key: str) -> None:
    f = field_of(section, key)
    top, _, part = key.partition(".")
    mf = _model_fields(section)[top]
    if part:  # a key of a small object (a partner's contact): optional, its own default
        assert not f.required and f.default is None
        inner = {x.name: x for x in dataclasses.fields(typing.get_type_hints(_cls(section))[top])}
        assert inner[part].default is None
        return
    has_default = mf.default is not dataclasses.MISSING or mf.default_factory is not dataclasses.MISSING
    if not has_default:
        assert f.required, f"{section}.{key} has no default in the model"
    else:
        assert not f.required, f"{section}.{key} has a default in the model"
        default = mf.default if mf.default is not dataclasses.MISSING else mf.default_factory()  # type: ignore[operator]
        assert f.default == default, f"{section}.{key}: {f.default!r} against {default!r}"


@pytest.mark.parametrize(("section", "key"), [(s, f.key) for s in FIELDS for f in FIELDS[s]])
def test_kinds_references_and_choices_are_known(section: str, key: str) -> None:
    f = field_of(section, key)
    assert f.kind in KINDS
    if f.ref is not None:
        assert f.kind in ("ref", "refs") and f.ref in SECTIONS
    if f.kind == "choice":
        assert f.choices and (f.default is None or f.default in f.choices)
    if f.kind in ("int", "float"):
        # the readers each need it (without, the plan file would take no number above 0)
        assert f.maximum is not None and f.minimum <= f.maximum
    if f.after is not None:
        assert f.after in {g.key for g in FIELDS[section]}
    # A length is said for the docs; what checks it is the reader of its kind (validation.id_problem,
    # recurrence.check_rule): on a field of another kind it would be checked nowhere.
    assert f.max_length == {"id": MAX_ID_LENGTH, "rule": MAX_RULE_LENGTH}.get(f.kind), f"{section}.{key}"
    assert all(h == h.lower() and " " not in h for h in f.headers), "headers are normalised"
    assert f.form_widget in {*KINDS.values(), "needs", "opt_int"}


def test_a_missing_field_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        field_of("partners", "nothing")
