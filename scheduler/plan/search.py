"""Finding records by what a person remembers of them (a title, a name, a phone number, an id),
for the command line's `find`: which id to give `notice`, `roster`, `ics` and the rest."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from scheduler.calendar.recurrence import expand
from scheduler.plan.model import Plan

# The sections `find` looks in, in the order it lists them.
FOUND_SECTIONS = ("activities", "staff", "partners", "branches", "pairings", "requests")


@dataclass(frozen=True, slots=True)
class Found:
    """One record that matches: its section, its id, its name, and what tells it apart (for an
    activity its first start and its next dates from `today`: the dates `--occurrence` takes)."""

    section: str
    id: str
    name: str
    detail: str = ""
    dates: tuple[date, ...] = ()


def _folded(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text or "")).casefold()


def _named(plan: Plan, section: str, key: str | None) -> str:
    item = getattr(plan, section).get(key) if key else None
    return getattr(item, "name", None) or key or ""


def find(plan: Plan, text: str, today: date, upcoming: int = 3) -> list[Found]:
    """Every record of FOUND_SECTIONS whose id or words contain `text` (case and width
    ignored: "ａ1" finds "a1", "Night" finds "night"), by section, then by id. An empty text
    finds nothing."""
    needle = _folded(text).strip()
    if not needle:
        return []
    found: list[Found] = []

    def hit(*fields: object) -> bool:
        return any(needle in _folded(f) for f in fields)

    since = datetime.combine(today, datetime.min.time())
    for a in sorted(plan.activities.values(), key=lambda x: x.id):
        partner = _named(plan, "partners", a.partner)
        organizer = _named(plan, "branches", a.organizer)
        if hit(a.id, a.title, a.venue, partner, organizer):
            nexts = tuple(o.date for o in expand(a, since)[:upcoming])
            detail = " · ".join(x for x in (f"{a.start:%Y-%m-%d %H:%M}", a.venue or "", organizer) if x)
            found.append(Found("activities", a.id, a.title, detail, nexts))
    for s in sorted(plan.staff.values(), key=lambda x: x.id):
        department = _named(plan, "departments", s.department)
        if hit(s.id, s.name, s.phone, s.volunteer_no, department):
            found.append(
                Found("staff", s.id, s.name, " · ".join(x for x in (department, s.title or "") if x))
            )
    for p in sorted(plan.partners.values(), key=lambda x: x.id):
        if hit(p.id, p.name, p.district, p.address, p.contact.name, p.contact.phone):
            found.append(Found("partners", p.id, p.name, p.district or ""))
    for b in sorted(plan.branches.values(), key=lambda x: x.id):
        if hit(b.id, b.name):
            found.append(Found("branches", b.id, b.name))
    for pr in sorted(plan.pairings.values(), key=lambda x: x.id):
        branch, partner = _named(plan, "branches", pr.branch), _named(plan, "partners", pr.partner)
        if hit(pr.id, branch, partner):
            found.append(Found("pairings", pr.id, f"{branch} – {partner}"))
    for q in sorted(plan.requests.values(), key=lambda x: x.id):
        partner, service = _named(plan, "partners", q.partner), _named(plan, "services", q.service)
        if hit(q.id, partner, service):
            found.append(Found("requests", q.id, f"{partner}: {service}", f"{q.received:%Y-%m-%d}"))
    return found
