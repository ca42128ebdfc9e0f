"""The master-data screens, one per section: what each adds to the section's declared fields
(ui/masterdata/screen.py derives the form and the table from those): the order shown where it
is not the declaration's, cells worded the screen's way, columns counted or named from other
sections, filters, and checks across fields (a phone number is checked for every field declared
a phone: ui/masterdata/screen.validate_form)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from scheduler.plan.model import (
    PARTNER_KINDS,
    Branch,
    CalendarEntry,
    Campus,
    Department,
    Need,
    Pairing,
    Partner,
    Service,
    Staff,
)
from ui.i18n import N_, tr, trf
from ui.labels import PARTNER_KINDS as PARTNER_KIND_LABELS
from ui.labels import QUALIFICATIONS, holiday_label, label, qualification_label
from ui.masterdata.catalog import Catalog
from ui.masterdata.screen import Column, EntitySpec, Filter


def _names(section: str) -> Callable[[Catalog], list[tuple[str, str]]]:
    def options(c: Catalog) -> list[tuple[str, str]]:
        items = c.section(section).values()
        return sorted(((i.id, i.name) for i in items), key=lambda x: x[1])

    return options


# ---------------------------------------------------------------- campuses

CAMPUSES = EntitySpec(
    section="campuses",
    title=N_("Campuses"),
    id_prefix="c",
    cls=Campus,
    computed=(
        Column(N_("Departments"), lambda i, c: sum(1 for d in c.departments.values() if d.campus == i.id)),
    ),
)

# ---------------------------------------------------------------- departments

DEPARTMENTS = EntitySpec(
    section="departments",
    title=N_("Departments"),
    id_prefix="d",
    cls=Department,
    computed=(
        Column(
            N_("Staff"), lambda i, c: sum(1 for s in c.staff.values() if s.department == i.id and s.active)
        ),
    ),
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
    id_prefix="b",
    cls=Branch,
    computed=(Column(N_("Members"), lambda i, c: sum(1 for s in c.staff.values() if s.branch == i.id)),),
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
    return problems


STAFF = EntitySpec(
    section="staff",
    title=N_("Staff"),
    id_prefix="s",
    cls=Staff,
    order=(
        "id",
        "name",
        "department",
        "title",
        "party_member",
        "branch",
        "qualifications",
        "phone",
        "volunteer_no",
        "max_hours_month",
        "active",
    ),
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


PARTNERS = EntitySpec(
    section="partners",
    title=N_("Partners"),
    id_prefix="p",
    cls=Partner,
    # The contact's name and phone in one column.
    shown={"contact_name": lambda i, c: " ".join(x for x in (i.contact.name, i.contact.phone) if x)},
    computed=(
        Column(
            N_("Paired branches"),
            lambda i, c: "、".join(
                c.name_of("branches", p.branch) for p in c.pairings.values() if p.partner == i.id
            ),
        ),
    ),
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
    id_prefix="pr",
    cls=Pairing,
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


SERVICES = EntitySpec(
    section="services",
    title=N_("Service catalogue"),
    id_prefix="svc",
    cls=Service,
    order=("id", "name", "duration_minutes", "needs"),
    shown={"needs": lambda i, c: _needs_text(i.needs, c)},
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
    id_prefix="",
    key_field="date",
    cls=CalendarEntry,
    shown={"name": lambda i, c: holiday_label(i.name)},
    computed=(
        Column(
            N_("Weekday"),
            lambda i, c: tr(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[i.date.weekday()]),
            after="date",
        ),
    ),
    check=_calendar_check,
)

ALL_SPECS = [STAFF, DEPARTMENTS, BRANCHES, CAMPUSES, PARTNERS, PAIRINGS, SERVICES, HOLIDAYS]
SPECS = {s.section: s for s in ALL_SPECS}
