"""The details of one occurrence as a small HTML page for the calendar's side panel: when and
where and what became of it (done with how many served, called off, moved) first, then its
stations with what they need and who is assigned, then who organises it and the rest. Every text
that comes from the plan (a title, a name, a reason) is escaped: user text is text, never markup."""

from __future__ import annotations

from datetime import date
from html import escape as e
from typing import Any

from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.rules import from_rrule
from scheduler.plan.model import Assignment
from ui.calendar.activity_editor import describe_rule
from ui.calendar.shown import DONE_COLOUR, STATE_MARKS, Shown, state_text
from ui.i18n import tr, trf
from ui.labels import ACTIVITY_KINDS, ACTIVITY_STATUSES, ROLES, holiday_label, label, qualification_label
from ui.masterdata.catalog import Catalog

GREY = "#707070"
RED = "#b00020"
GREEN = DONE_COLOUR.name()


def empty_html() -> str:
    return f"<p style='color:{GREY}'>{e(tr('Click an occurrence to see its stations and people.'))}</p>"


def details_html(shown: Shown, catalog: Catalog, today: date | None = None) -> str:
    """The page; `today` (when given) tells a past occurrence still waiting for its record."""
    a, o = shown.activity, shown.occurrence
    people = [
        x for x in catalog.assignments.values() if x.activity == a.id and x.occurrence in (None, o.date)
    ]
    parts = [f"<h3>{e(a.title)}</h3>", _headline(shown, catalog, today)]
    whole = [_person(x, catalog) for x in people if x.station is None]
    if whole:
        parts.append(f"<p><b>{e(tr('Whole activity'))}</b>: " + "、".join(whole) + "</p>")
    parts += [_station(shown, st, people, catalog) for st in a.stations]
    parts.append(_facts(shown, catalog))
    return "".join(parts)


def _headline(shown: Shown, catalog: Catalog, today: date | None) -> str:
    """When and where, and what became of the occurrence, before anything else."""
    a, o = shown.activity, shown.occurrence
    when = e(f"{o.start:%Y-%m-%d %H:%M} – {o.end:%H:%M}")
    day = catalog.work_calendar.info(o.start.date())
    if day.name:
        when += f" · <span style='color:#c62828'>{e(holiday_label(day.name))}</span>"
    if a.venue:
        when += f" · {e(a.venue)}"
    out = f"<p>{when}</p>"
    state = shown.state
    mark = STATE_MARKS.get(state, "")
    if state == "done":
        record = catalog.records.get((a.id, o.date))
        out += f"<p style='color:{GREEN}'><b>{mark} {e(state_text(shown))}</b>"
        more = []
        if record is not None and record.attended:
            hours = sum(x.hours for x in record.attended)
            more.append(e(trf("%1 attended, %2 h", len(record.attended), f"{hours:g}")))
        if record is not None and record.recorded_by:
            more.append(e(trf("recorded by %1", record.recorded_by)))
        if more:
            out += f"<br/><span style='color:{GREY}'>{' · '.join(more)}</span>"
        out += "</p>"
    elif state == "cancelled":
        out += f"<p style='color:{RED}'><b>{mark} {e(state_text(shown))}</b></p>"
    elif state == "moved":
        out += f"<p style='color:#1a56c4'><b>{mark} {e(state_text(shown))}</b></p>"
    if state != "cancelled" and state != "done" and today is not None and o.end.date() < today:
        out += f"<p style='color:#b26a00'>{e(tr('Not recorded yet: record what was done.'))}</p>"
    return out


def _facts(shown: Shown, catalog: Catalog) -> str:
    """The table of facts; values are HTML already escaped."""
    a = shown.activity
    status = state_text(shown) if shown.state in ("done", "cancelled") else label(ACTIVITY_STATUSES, a.status)
    facts = [
        (tr("Status"), e(status)),
        (tr("Kind"), e(label(ACTIVITY_KINDS, a.kind))),
        (tr("Organizer"), e(catalog.name_of("branches", a.organizer))),
    ]
    partner = catalog.partners.get(a.partner or "")
    if partner is not None:
        contact = " ".join(x for x in (partner.contact.name, partner.contact.phone) if x)
        facts.append((tr("Partner"), e(partner.name) + (f"（{e(contact)}）" if contact else "")))
    if a.rrule:
        facts.append((tr("Repeat"), e(describe_rule(from_rrule(a.rrule), a.rrule))))
    if a.request:
        request = catalog.requests.get(a.request)
        text = a.request
        if request is not None:
            text = f"{catalog.name_of('partners', request.partner)} · {catalog.name_of('services', request.service)}"
        facts.append((tr("Service request"), e(text)))
    cell = "<tr><td style='color:#606060;padding-right:8px'>{}</td><td>{}</td></tr>"
    return "<hr/><table>" + "".join(cell.format(e(k), v) for k, v in facts) + "</table>"


def _person(x: Assignment, catalog: Catalog) -> str:
    s = catalog.staff.get(x.staff)
    name = s.name if s else x.staff
    dept = catalog.name_of("departments", s.department) if s else ""
    role = f"<b>{e(label(ROLES, x.role))}</b> " if x.role == "lead" else ""
    return f"{role}{e(name)} <span style='color:{GREY}'>{e(dept)}</span>"


def _station(shown: Shown, st: Any, people: list[Assignment], catalog: Catalog) -> str:
    """A station: whose turn it is, what it needs, who is assigned (or that nobody is yet)."""
    a, o = shown.activity, shown.occurrence
    head = f"<p><b>{e(st.name)}</b>"
    turn = department_on_turn(a, o.date, st.id)
    if turn:
        head += f" · {e(tr('on turn'))}: {e(catalog.name_of('departments', turn))}"
    needs = []
    for n in st.needs:
        parts = (catalog.name_of("departments", n.department), qualification_label(n.qualification or ""))
        who = " ".join(x for x in parts if x)
        needs.append(f"<li>{e(who or tr('anyone'))} × {n.count}</li>")
    at = [_person(x, catalog) for x in people if x.station == st.id]
    nobody = f"<span style='color:{RED}'>{e(tr('Nobody assigned yet'))}</span>"
    return head + "</p><ul>" + "".join(needs) + "</ul><p>" + ("、".join(at) if at else nobody) + "</p>"
