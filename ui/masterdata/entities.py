"""What each master-data screen shows and edits: columns, form fields, filters, per section."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from scheduler.plan.model import (
    PARTNER_KINDS,
    Branch,
    CalendarEntry,
    Campus,
    Contact,
    Department,
    Need,
    Pairing,
    Partner,
    Service,
    Staff,
)
from scheduler.plan.validation import id_ok, phone_ok
from ui.i18n import N_, tr, trf
from ui.labels import CALENDAR_KINDS as CALENDAR_KIND_LABELS
from ui.labels import PARTNER_KINDS as PARTNER_KIND_LABELS
from ui.labels import QUALIFICATIONS, holiday_label, label, qualification_label, yes_no
from ui.masterdata.catalog import Catalog


@dataclass(frozen=True)
class Field:
    """One form field. `kind` chooses the widget; `name` is the form value's key."""

    name: str
    label: str
    kind: str  # id text int opt_int opt_float share bool choice ref multi_ref multi_choice opt_date needs
    required: bool = False
    choices: dict[str, str] | None = None
    ref: str | None = None
    maximum: float = 1_000_000
    placeholder: str = ""
    help: str = ""


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any, Catalog], Any]
    # An internal key (a partner's "p012"): kept for search and sorting, not shown as a column;
    # a user never needs it on this screen (the staff number is not internal: people use it).
    internal: bool = False


@dataclass(frozen=True)
class Filter:
    """A drop-down that narrows the table: its options come from the catalog."""

    label: str
    options: Callable[[Catalog], list[tuple[str, str]]]  # (value, text)
    matches: Callable[[Any, str], bool]


_TEXT_KINDS = ("text",)
_LIST_KINDS = ("multi_ref", "multi_choice")


@dataclass(frozen=True)
class EntitySpec:
    """A master-data screen: its table columns and its form. Where a form field is named after
    the record's attribute, the form is derived from the fields (`cls`), so a new attribute is
    one Field here; `to_form`/`from_form` are given only where a form differs from the record."""

    section: str
    title: str
    singular: str
    id_prefix: str
    columns: list[Column]
    fields: list[Field]
    cls: type | None = None
    custom_to_form: Callable[[Any], dict[str, Any]] | None = None
    custom_from_form: Callable[[dict[str, Any], Any | None], Any] | None = None
    check: Callable[[dict[str, Any], Catalog], list[tuple[str, str]]] = lambda v, c: []
    filters: list[Filter] = field(default_factory=list)
    key_field: str = "id"

    def to_form(self, item: Any) -> dict[str, Any]:
        if self.custom_to_form is not None:
            return self.custom_to_form(item)
        out = {}
        for f in self.fields:
            value = getattr(item, f.name)
            if f.kind in _TEXT_KINDS:
                value = value or ""
            elif f.kind in _LIST_KINDS:
                value = list(value)
            out[f.name] = value
        return out

    def from_form(self, values: dict[str, Any], old: Any | None) -> Any:
        """The record the form describes; attributes the form does not show are kept from `old`."""
        if self.custom_from_form is not None:
            return self.custom_from_form(values, old)
        assert self.cls is not None, self.section
        out: dict[str, Any] = {}
        for f in self.fields:
            value = values[f.name]
            if f.kind in _TEXT_KINDS:
                value = value.strip() if f.required else _opt_text(value)
            elif f.kind in _LIST_KINDS:
                value = tuple(value)
            elif f.kind == "bool":
                value = bool(value)
            elif f.kind == "int":
                value = int(value)
            out[f.name] = value
        return replace(old, **out) if old is not None else self.cls(**out)


def _keep_extra(old: Any | None) -> dict[str, Any]:
    return dict(old.extra) if old is not None else {}


def _opt_text(v: Any) -> str | None:
    v = (v or "").strip() if isinstance(v, str) else v
    return v or None


def _names(section: str) -> Callable[[Catalog], list[tuple[str, str]]]:
    def options(c: Catalog) -> list[tuple[str, str]]:
        items = c.section(section).values()
        return sorted(((i.id, i.name) for i in items), key=lambda x: x[1])

    return options


def _phone_ok(values: dict[str, Any], key: str, problems: list[tuple[str, str]]) -> None:
    phone = (values.get(key) or "").strip()
    if phone and not phone_ok(phone):
        problems.append((key, tr("A phone number has digits only (with + or - where needed).")))


# ---------------------------------------------------------------- campuses

CAMPUSES = EntitySpec(
    section="campuses",
    title=N_("Campuses"),
    singular=N_("Campus"),
    id_prefix="c",
    columns=[
        Column(N_("ID"), lambda i, c: i.id, internal=True),
        Column(N_("Name"), lambda i, c: i.name),
        Column(N_("Departments"), lambda i, c: sum(1 for d in c.departments.values() if d.campus == i.id)),
    ],
    fields=[Field("id", N_("ID"), "id", True), Field("name", N_("Name"), "text", True)],
    cls=Campus,
)

# ---------------------------------------------------------------- departments

DEPARTMENTS = EntitySpec(
    section="departments",
    title=N_("Departments"),
    singular=N_("Department"),
    id_prefix="d",
    columns=[
        Column(N_("ID"), lambda i, c: i.id, internal=True),
        Column(N_("Name"), lambda i, c: i.name),
        Column(N_("Campus"), lambda i, c: c.name_of("campuses", i.campus)),
        Column(N_("Minimum on duty"), lambda i, c: i.min_on_duty),
        Column(
            N_("Staff"), lambda i, c: sum(1 for s in c.staff.values() if s.department == i.id and s.active)
        ),
    ],
    fields=[
        Field("id", N_("ID"), "id", True),
        Field("name", N_("Name"), "text", True),
        Field("campus", N_("Campus"), "ref", ref="campuses"),
        Field(
            "min_on_duty",
            N_("Minimum on duty"),
            "int",
            maximum=10_000,
            help=N_("People who must stay in the hospital during clinical hours."),
        ),
    ],
    cls=Department,
    check=lambda v, c: (
        [("min_on_duty", tr("The minimum on duty is more than the department's active staff."))]
        if v["id"] in c.departments
        and v["min_on_duty"] > sum(1 for s in c.staff.values() if s.department == v["id"] and s.active)
        else []
    ),
    filters=[Filter(N_("Campus"), _names("campuses"), lambda i, v: i.campus == v)],
)

# ---------------------------------------------------------------- branches


def _branch_check(v: dict[str, Any], c: Catalog) -> list[tuple[str, str]]:
    if not v["departments"]:
        return [("departments", tr("A branch is built on at least one department."))]
    return []


BRANCHES = EntitySpec(
    section="branches",
    title=N_("Party branches"),
    singular=N_("Party branch"),
    id_prefix="b",
    columns=[
        Column(N_("ID"), lambda i, c: i.id, internal=True),
        Column(N_("Name"), lambda i, c: i.name),
        Column(N_("Departments"), lambda i, c: "、".join(c.name_of("departments", d) for d in i.departments)),
        Column(N_("Secretary"), lambda i, c: c.name_of("staff", i.secretary)),
        Column(N_("Contact person"), lambda i, c: c.name_of("staff", i.contact)),
        Column(N_("Members"), lambda i, c: sum(1 for s in c.staff.values() if s.branch == i.id)),
    ],
    fields=[
        Field("id", N_("ID"), "id", True),
        Field("name", N_("Name"), "text", True),
        Field("departments", N_("Departments"), "multi_ref", ref="departments"),
        Field("secretary", N_("Secretary"), "ref", ref="staff"),
        Field(
            "contact", N_("Contact person"), "ref", ref="staff", help=N_("Named contact for the partners.")
        ),
    ],
    custom_to_form=lambda i: {
        "id": i.id,
        "name": i.name,
        "departments": list(i.departments),
        "secretary": i.secretary,
        "contact": i.contact,
    },
    custom_from_form=lambda v, old: Branch(
        v["id"], v["name"].strip(), tuple(v["departments"]), v["secretary"], v["contact"], _keep_extra(old)
    ),
    check=_branch_check,
    filters=[
        Filter(N_("Department"), _names("departments"), lambda i, v: v in i.departments),
    ],
)

# ---------------------------------------------------------------- staff


def _staff_check(v: dict[str, Any], c: Catalog) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if v["party_member"] and not v["branch"]:
        problems.append(("branch", tr("A party member belongs to a party branch.")))
    if v["branch"] and not v["party_member"]:
        problems.append(("party_member", tr("Only party members have a party branch.")))
    _phone_ok(v, "phone", problems)
    return problems


STAFF = EntitySpec(
    section="staff",
    title=N_("Staff"),
    singular=N_("Staff member"),
    id_prefix="s",
    columns=[
        Column(N_("Staff number"), lambda i, c: i.id),
        Column(N_("Full name"), lambda i, c: i.name),
        Column(N_("Department"), lambda i, c: c.name_of("departments", i.department)),
        Column(N_("Title"), lambda i, c: i.title or ""),
        Column(N_("Party member"), lambda i, c: yes_no(i.party_member)),
        Column(N_("Party branch"), lambda i, c: c.name_of("branches", i.branch)),
        Column(
            N_("Qualifications"), lambda i, c: "、".join(qualification_label(q) for q in i.qualifications)
        ),
        Column(N_("Phone"), lambda i, c: i.phone or ""),
        Column(N_("Volunteer number"), lambda i, c: i.volunteer_no or ""),
        Column(
            N_("Hours cap / month"),
            lambda i, c: "" if i.max_hours_month is None else f"{i.max_hours_month:g}",
        ),
        Column(N_("Active"), lambda i, c: yes_no(i.active)),
    ],
    fields=[
        Field("id", N_("ID"), "id", True, help=N_("Staff number, unique in the hospital.")),
        Field("name", N_("Full name"), "text", True),
        Field("department", N_("Department"), "ref", True, ref="departments"),
        Field("title", N_("Title"), "text", placeholder=N_("e.g. 主治医师")),
        Field("party_member", N_("Party member"), "bool"),
        Field("branch", N_("Party branch"), "ref", ref="branches"),
        Field("qualifications", N_("Qualifications"), "multi_choice", choices=QUALIFICATIONS),
        Field("phone", N_("Phone"), "text"),
        Field(
            "volunteer_no",
            N_("Volunteer number"),
            "text",
            help=N_("Number on the national volunteer service platform (志愿者编号)."),
        ),
        Field(
            "max_hours_month",
            N_("Hours cap / month"),
            "opt_float",
            maximum=200,
            help=N_("Most outreach hours a month; empty: no cap."),
        ),
        Field("active", N_("Active"), "bool"),
    ],
    cls=Staff,
    check=_staff_check,
    filters=[
        Filter(N_("Department"), _names("departments"), lambda i, v: i.department == v),
        Filter(N_("Party branch"), _names("branches"), lambda i, v: i.branch == v),
        Filter(
            N_("Qualification"),
            lambda c: [(q, qualification_label(q)) for q in QUALIFICATIONS],
            lambda i, v: v in i.qualifications,
        ),
    ],
)

# ---------------------------------------------------------------- partners


def _partner_check(v: dict[str, Any], c: Catalog) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    _phone_ok(v, "contact_phone", problems)
    return problems


PARTNERS = EntitySpec(
    section="partners",
    title=N_("Partners"),
    singular=N_("Partner"),
    id_prefix="p",
    columns=[
        Column(N_("ID"), lambda i, c: i.id, internal=True),
        Column(N_("Name"), lambda i, c: i.name),
        Column(N_("Kind"), lambda i, c: label(PARTNER_KIND_LABELS, i.kind)),
        Column(N_("District"), lambda i, c: i.district or ""),
        Column(N_("Population"), lambda i, c: i.population if i.population is not None else ""),
        Column(N_("Aged 60+"), lambda i, c: "" if i.share_60_plus is None else f"{i.share_60_plus:.0%}"),
        Column(N_("Contact"), lambda i, c: " ".join(x for x in (i.contact.name, i.contact.phone) if x)),
        Column(
            N_("Paired branches"),
            lambda i, c: "、".join(
                c.name_of("branches", p.branch) for p in c.pairings.values() if p.partner == i.id
            ),
        ),
    ],
    fields=[
        Field("id", N_("ID"), "id", True),
        Field("name", N_("Name"), "text", True),
        Field("kind", N_("Kind"), "choice", True, choices=PARTNER_KIND_LABELS),
        Field("district", N_("District"), "text"),
        Field("address", N_("Address"), "text"),
        Field("population", N_("Population"), "opt_int", maximum=100_000_000),
        Field("share_60_plus", N_("Aged 60+"), "share", help=N_("Share of residents aged 60 or over.")),
        Field("contact_name", N_("Contact name"), "text"),
        Field("contact_phone", N_("Contact phone"), "text"),
    ],
    custom_to_form=lambda i: {
        "id": i.id,
        "name": i.name,
        "kind": i.kind,
        "district": i.district or "",
        "address": i.address or "",
        "population": i.population,
        "share_60_plus": i.share_60_plus,
        "contact_name": i.contact.name or "",
        "contact_phone": i.contact.phone or "",
    },
    custom_from_form=lambda v, old: Partner(
        id=v["id"],
        name=v["name"].strip(),
        kind=v["kind"],
        district=_opt_text(v["district"]),
        address=_opt_text(v["address"]),
        population=v["population"],
        share_60_plus=v["share_60_plus"],
        contact=Contact(_opt_text(v["contact_name"]), _opt_text(v["contact_phone"])),
        extra=_keep_extra(old),
    ),
    check=_partner_check,
    filters=[
        Filter(
            N_("Kind"),
            lambda c: [(k, label(PARTNER_KIND_LABELS, k)) for k in PARTNER_KINDS],
            lambda i, v: i.kind == v,
        )
    ],
)

# ---------------------------------------------------------------- pairings


def _pairing_check(v: dict[str, Any], c: Catalog) -> list[tuple[str, str]]:
    start, end = v["start"], v["end"]
    if isinstance(start, date) and isinstance(end, date) and end < start:
        return [("end", tr("The pairing cannot end before it starts."))]
    return []


PAIRINGS = EntitySpec(
    section="pairings",
    title=N_("Pairings"),
    singular=N_("Pairing"),
    id_prefix="pr",
    columns=[
        Column(N_("ID"), lambda i, c: i.id, internal=True),
        Column(N_("Party branch"), lambda i, c: c.name_of("branches", i.branch)),
        Column(N_("Partner"), lambda i, c: c.name_of("partners", i.partner)),
        Column(N_("From"), lambda i, c: i.start.isoformat() if i.start else ""),
        Column(N_("Until"), lambda i, c: i.end.isoformat() if i.end else ""),
        Column(N_("Visits a year"), lambda i, c: i.visits_per_year),
    ],
    fields=[
        Field("id", N_("ID"), "id", True),
        Field("branch", N_("Party branch"), "ref", True, ref="branches"),
        Field("partner", N_("Partner"), "ref", True, ref="partners"),
        Field("start", N_("From"), "opt_date"),
        Field("end", N_("Until"), "opt_date"),
        Field(
            "visits_per_year", N_("Visits a year"), "int", maximum=1000, help=N_("The yearly visit target.")
        ),
    ],
    custom_to_form=lambda i: {
        "id": i.id,
        "branch": i.branch,
        "partner": i.partner,
        "start": i.start,
        "end": i.end,
        "visits_per_year": i.visits_per_year,
    },
    custom_from_form=lambda v, old: Pairing(
        v["id"], v["branch"], v["partner"], v["start"], v["end"], int(v["visits_per_year"]), _keep_extra(old)
    ),
    check=_pairing_check,
    filters=[
        Filter(N_("Party branch"), _names("branches"), lambda i, v: i.branch == v),
        Filter(N_("Partner"), _names("partners"), lambda i, v: i.partner == v),
    ],
)

# ---------------------------------------------------------------- services


def _needs_text(needs: tuple[Need, ...], c: Catalog) -> str:
    parts = []
    for n in needs:
        who = " ".join(
            x
            for x in (c.name_of("departments", n.department), qualification_label(n.qualification or ""))
            if x
        )
        parts.append(f"{who or tr('anyone')} × {n.count}")
    return "；".join(parts)


def _service_check(v: dict[str, Any], c: Catalog) -> list[tuple[str, str]]:
    return []


SERVICES = EntitySpec(
    section="services",
    title=N_("Service catalogue"),
    singular=N_("Service"),
    id_prefix="svc",
    columns=[
        Column(N_("ID"), lambda i, c: i.id, internal=True),
        Column(N_("Name"), lambda i, c: i.name),
        Column(N_("Duration (minutes)"), lambda i, c: i.duration_minutes or ""),
        Column(N_("Needs"), lambda i, c: _needs_text(i.needs, c)),
    ],
    fields=[
        Field("id", N_("ID"), "id", True),
        Field("name", N_("Name"), "text", True),
        Field("duration_minutes", N_("Duration (minutes)"), "opt_int", maximum=24 * 60),
        Field("needs", N_("Needs"), "needs", help=N_("Who must go: each line is met by that many people.")),
    ],
    custom_to_form=lambda i: {
        "id": i.id,
        "name": i.name,
        "duration_minutes": i.duration_minutes,
        "needs": list(i.needs),
    },
    custom_from_form=lambda v, old: Service(
        v["id"], v["name"].strip(), tuple(v["needs"]), v["duration_minutes"] or None, _keep_extra(old)
    ),
    check=_service_check,
)

# ---------------------------------------------------------------- holidays (the user's calendar)


def _calendar_check(v: dict[str, Any], c: Catalog) -> list[tuple[str, str]]:
    if v["date"] is None:
        return [("date", trf("“%1” is required.", tr("Date")))]
    if v["kind"] == "workday" and v["date"].weekday() < 5:
        return [("kind", tr("A make-up workday is a Saturday or Sunday."))]
    return []


HOLIDAYS = EntitySpec(
    section="calendar",
    title=N_("Holidays and make-up workdays"),
    singular=N_("Calendar day"),
    id_prefix="",
    key_field="date",
    columns=[
        Column(N_("Date"), lambda i, c: i.date.isoformat()),
        Column(
            N_("Weekday"),
            lambda i, c: tr(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[i.date.weekday()]),
        ),
        Column(N_("Kind"), lambda i, c: label(CALENDAR_KIND_LABELS, i.kind)),
        Column(N_("Name"), lambda i, c: holiday_label(i.name)),
    ],
    fields=[
        Field("date", N_("Date"), "opt_date", True),
        Field("kind", N_("Kind"), "choice", True, choices=CALENDAR_KIND_LABELS),
        Field("name", N_("Name"), "text", placeholder=N_("e.g. 春节")),
    ],
    cls=CalendarEntry,
    check=_calendar_check,
)

ALL_SPECS = [STAFF, DEPARTMENTS, BRANCHES, CAMPUSES, PARTNERS, PAIRINGS, SERVICES, HOLIDAYS]
SPECS = {s.section: s for s in ALL_SPECS}


def validate_form(
    spec: EntitySpec, values: dict[str, Any], catalog: Catalog, adding: bool
) -> list[tuple[str, str]]:
    """Problems with a filled-in form, as (field name, message); empty when it can be saved."""
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
