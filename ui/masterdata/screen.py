"""What a master-data screen is made of: the editor's form fields and the table's columns, both
derived from the section's declared fields (scheduler/plan/fields.py, docs/fields.md), and what
a screen adds of its own (the order it shows them in, cells worded its own way, columns worked
out from other sections, filters, a check across fields).

A field declared for a section with an editor widget is in its form and, unless declared
otherwise, a column of its table: a new field needs no edit here."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import Any

from scheduler.plan import fields as declared
from scheduler.plan.validation import id_ok, phone_ok
from ui.i18n import tr, trf
from ui.labels import CODE_LABELS, SECTION_NAMES, label, yes_no
from ui.masterdata.catalog import Catalog

Cell = Callable[[Any, Catalog], Any]

_TEXT = ("id", "text")
_LISTS = ("multi_ref", "multi_choice", "needs")


@dataclass(frozen=True)
class FormField:
    """One field of an editor form, as the editor shows it. `widget` chooses the widget
    (id text int opt_int opt_float share bool choice ref multi_ref multi_choice opt_date needs);
    `name` is the form value's key ("contact_name" for the record's contact.name)."""

    name: str
    key: str
    kind: str  # the declared kind (a "phone" is text checked to be a number)
    label: str
    widget: str
    required: bool = False
    choices: dict[str, str] | None = None  # code -> label, in the order offered
    ref: str | None = None
    minimum: int = 0
    maximum: float = 1_000_000
    default: Any = None
    placeholder: str = ""
    help: str = ""


def form_field(section: str, f: declared.Field) -> FormField:
    """The form field of a declared field. A choice with a default always has a value: the
    form asks for it as for a required field. The choices offered are the declared ones, in
    words where ui/labels has them (a code it has none for is offered as itself)."""
    choices = None
    if f.choices:
        words = CODE_LABELS.get((section, f.key), {})
        choices = {code: words.get(code, code) for code in f.choices}
    return FormField(
        name=f.name,
        key=f.key,
        kind=f.kind,
        label=f.label,
        widget=f.form_widget,
        required=f.required or (f.kind == "choice" and f.default is not None),
        choices=choices,
        ref=f.ref,
        minimum=f.minimum,
        maximum=f.form_maximum or f.maximum or 1_000_000,
        default=f.default,
        placeholder=f.placeholder,
        help=f.help,
    )


@dataclass(frozen=True)
class Column:
    header: str
    value: Cell
    # An internal key (a partner's "p012"): kept for search and sorting, not shown as a column;
    # a user never needs it on this screen (the staff number is not internal: people use it).
    internal: bool = False
    # A column worked out from other sections: shown after the column of this field name
    # (None: at the end).
    after: str | None = None


@dataclass(frozen=True)
class Filter:
    """A drop-down that narrows the table: its options come from the catalog."""

    label: str
    options: Callable[[Catalog], list[tuple[str, str]]]  # (value, text)
    matches: Callable[[Any, str], bool]


def cell(section: str, f: declared.Field) -> Cell:
    """How a declared field reads in a table cell: numbers stay numbers (sorted as numbers,
    right-aligned), names of other records instead of their ids, codes in words."""
    get = attrgetter(f.key)
    kind = f.kind
    if kind in ("id", "text", "phone"):
        return lambda i, c: get(i) or ""
    if kind == "int":
        return lambda i, c: "" if (v := get(i)) is None else v
    if kind == "float":
        return lambda i, c: "" if (v := get(i)) is None else f"{v:g}"
    if kind == "share":
        return lambda i, c: "" if (v := get(i)) is None else f"{v:.0%}"
    if kind == "bool":
        return lambda i, c: yes_no(get(i))
    if kind == "date":
        return lambda i, c: v.isoformat() if (v := get(i)) else ""
    if kind == "ref":
        ref = f.ref or ""
        return lambda i, c: c.name_of(ref, get(i))
    if kind == "refs":
        ref = f.ref or ""
        return lambda i, c: "、".join(c.name_of(ref, x) for x in get(i))
    words = CODE_LABELS.get((section, f.key), {})
    if kind == "choice":
        return lambda i, c: label(words, get(i))
    if kind == "codes":
        return lambda i, c: "、".join(label(words, x) for x in get(i))
    raise ValueError(f"{section}.{f.key}: a {kind} field is shown by the screen (EntitySpec.shown)")


@dataclass(frozen=True)
class EntitySpec:
    """A master-data screen of one section. Its form fields and table columns come from the
    section's declared fields; the rest is the screen's own."""

    section: str
    title: str
    id_prefix: str
    cls: type
    # Form fields and columns in this order (by name); fields not named follow in the
    # declaration's order.
    order: tuple[str, ...] = ()
    shown: dict[str, Cell] = field(default_factory=dict)  # cells worded by the screen
    computed: tuple[Column, ...] = ()  # columns worked out from other sections
    check: Callable[[dict[str, Any], Catalog], list[tuple[str, str]]] = lambda v, c: []
    filters: list[Filter] = field(default_factory=list)
    key_field: str = "id"

    @property
    def singular(self) -> str:
        """What one record is called ("Staff member"), marked for translation."""
        return SECTION_NAMES[self.section]

    def _declared(self) -> list[declared.Field]:
        out = list(declared.FIELDS[self.section])
        rank = {name: n for n, name in enumerate(self.order)}
        return sorted(out, key=lambda f: rank.get(f.name, len(rank)))

    @cached_property
    def fields(self) -> list[FormField]:
        return [form_field(self.section, f) for f in self._declared() if f.form_widget]

    @cached_property
    def columns(self) -> list[Column]:
        out: list[Column] = []
        for f in self._declared():
            if not f.column and f.key != "id":  # an id not shown is kept for search and sorting
                continue
            value = self.shown.get(f.name) or cell(self.section, f)
            out.append(Column(f.column_label or f.label, value, internal=not f.column))
            out.extend(c for c in self.computed if c.after == f.name)
        return out + [c for c in self.computed if c.after is None]

    def to_form(self, item: Any) -> dict[str, Any]:
        out = {}
        for f in self.fields:
            value = attrgetter(f.key)(item)
            if f.widget in _TEXT:
                value = value or ""
            elif f.widget in _LISTS:
                value = list(value)
            out[f.name] = value
        return out

    def from_form(self, values: dict[str, Any], old: Any | None) -> Any:
        """The record the form describes; attributes the form does not show are kept from `old`."""
        out: dict[str, Any] = {}
        parts: dict[str, dict[str, Any]] = {}  # "contact.name" -> parts["contact"]["name"]
        for f in self.fields:
            value = _value(f, values[f.name])
            head, dot, part = f.key.partition(".")
            if dot:
                parts.setdefault(head, {})[part] = value
            else:
                out[f.key] = value
        for head, given in parts.items():
            out[head] = replace(getattr(old, head) if old is not None else _default(self.cls, head), **given)
        return replace(old, **out) if old is not None else self.cls(**out)


def _value(f: FormField, value: Any) -> Any:
    """A form value as the record holds it."""
    if f.widget in _TEXT:
        return value.strip() if f.required else _opt_text(value)
    if f.widget in _LISTS:
        return tuple(value)
    if f.widget == "bool":
        return bool(value)
    if f.widget == "int":
        return int(value)
    if f.widget == "opt_int" and value is not None and value < f.minimum:
        return None  # below the least allowed (a duration of 0): not set
    return value


def _default(cls: type, name: str) -> Any:
    """The default of a record's attribute (a new partner's empty contact)."""
    f = {x.name: x for x in dataclasses.fields(cls)}[name]
    return f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default


def _opt_text(v: Any) -> str | None:
    v = (v or "").strip() if isinstance(v, str) else v
    return v or None


def validate_form(
    spec: EntitySpec, values: dict[str, Any], catalog: Catalog, adding: bool
) -> list[tuple[str, str]]:
    """Problems with a filled-in form, as (field name, message); empty when it can be saved: the
    required fields first, then the screen's own check, then the phone numbers."""
    problems: list[tuple[str, str]] = []
    for f in spec.fields:
        v = values.get(f.name)
        if f.required and (v is None or (isinstance(v, str) and not v.strip())):
            problems.append((f.name, trf("“%1” is required.", tr(f.label))))
    key = values.get(spec.key_field)
    if spec.key_field == "id":
        key = (key or "").strip()
        if key and not id_ok(key):
            problems.append(("id", tr("An ID has letters, digits, “-”, “_” or “.” only.")))
            key = None
    if adding and key and key in catalog.section(spec.section):
        shown = key.isoformat() if isinstance(key, date) else key
        problems.append((spec.key_field, trf("%1 is entered already.", shown)))
    if not problems:
        problems.extend(spec.check(values, catalog))
        for f in spec.fields:
            phone = (values.get(f.name) or "").strip() if f.kind == "phone" else ""
            if phone and not phone_ok(phone):
                problems.append((f.name, tr("A phone number has digits only (with + or - where needed).")))
    return problems


def next_id(spec: EntitySpec, catalog: Catalog) -> str:
    """A free id in the section's own style (prefix and the next number)."""
    if spec.key_field != "id":
        return ""
    existing = catalog.section(spec.section)
    best, width = 0, 3
    for key in existing:
        m = re.match(rf"^{re.escape(spec.id_prefix)}(\d+)$", key)
        if m:
            best = max(best, int(m.group(1)))
            width = max(width, len(m.group(1)))
    n = best + 1
    while f"{spec.id_prefix}{n:0{width}d}" in existing:
        n += 1
    return f"{spec.id_prefix}{n:0{width}d}"
