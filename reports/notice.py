"""The notice for one occurrence, as the office posts it in a WeChat group: plain text to paste.

Activity, date and weekday, time, the gathering time, venue and address, the partner's contact,
each station with its people, the lead, and what to bring. The templates are English, marked for
translation; the Chinese ones read as the office writes (【日期】…). User text is made one safe line
each (see `_line`), so that a name can neither start a line of its own nor turn the text around."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from reports.messages import WEEKDAY_NAMES
from reports.registry import OCCURRENCE, RosterError
from reports.rosters import find_occurrence
from reports.text import REPLACEMENT, fill, one_line, shorten
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import Booked
from scheduler.plan.model import Plan
from scheduler.plan.wording import N_

Translate = Callable[[str], str]

DEFAULT_GATHER_MINUTES = 30
MAX_GATHER_MINUTES = 240
# Characters of one name, title or venue in the notice; a longer one ends in an ellipsis.
NAME_LIMIT = 60
BRING_LIMIT = 300

# Beyond what `one_line` removes: C1 controls (U+0085 is a line break to some readers, U+009B a
# terminal escape), and bidirectional embeddings, overrides and isolates, which pasted into a
# chat would run the rest of the line backwards, so that a hostile name could disguise what
# follows. The line and paragraph separators break a line in a chat, and a tab is no space
# there: they become spaces.
_UNSAFE = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\u2028\u2029]")

# What to bring, by what the stations ask for: the usual kit of each qualification.
BRING_FOR_QUALIFICATION = {
    "physician": N_("stethoscope"),
    "tcm_physician": N_("pulse pillow"),
    "nurse": N_("blood pressure monitor and glucose meter"),
    "acupuncture": N_("disposable acupuncture needles and disinfectant"),
    "moxibustion": N_("moxa sticks"),
    "massage": N_("massage towels"),
    "ecg": N_("portable ECG machine"),
    "first_aid_instructor": N_("CPR manikin and AED trainer"),
    "pharmacist": N_("medication leaflets"),
    "rehab_therapist": N_("rehabilitation aids"),
    "dietitian": N_("diet leaflets"),
    "psychologist": N_("screening questionnaires"),
    "lab_technician": N_("rapid test kits"),
    "ultrasound": N_("portable ultrasound scanner"),
}
BRING_ALWAYS = (N_("staff badge and work clothes"), N_("health leaflets"))
BRING_FOR_KIND = {"lecture": N_("slides on a USB stick"), "training": N_("slides on a USB stick")}


def _line(value: object, limit: int = NAME_LIMIT) -> str:
    """User text as one safe line of the notice: no control characters, no line breaks of any
    kind, no bidirectional controls, at most `limit` characters."""
    return shorten(_BREAKS.sub(" ", _UNSAFE.sub(REPLACEMENT, one_line(value))).strip(), limit)


def _date(t: Translate, day: date) -> str:
    # %1 year, %2 month and %3 day of two digits, %4 weekday, %5 month and %6 day as numbers
    # (Chinese writes 12月3日): each language takes those it needs, in its own order.
    return fill(
        t(N_("%1-%2-%3 (%4)")),
        day.year,
        f"{day.month:02d}",
        f"{day.day:02d}",
        t(WEEKDAY_NAMES[day.weekday()]),
        day.month,
        day.day,
    )


def _time(start: datetime, end: datetime) -> str:
    if end.date() == start.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%H:%M}–{end:%m-%d %H:%M}"


def _things_to_bring(plan: Plan, b: Booked, t: Translate, bring: str) -> list[str]:
    items = [t(x) for x in BRING_ALWAYS]
    if b.activity.kind in BRING_FOR_KIND:
        items.append(t(BRING_FOR_KIND[b.activity.kind]))
    wanted: list[str] = []
    for station in b.activity.stations:
        wanted += [n.qualification for n in station.needs if n.qualification]
    # The people's own skills too, where the stations do not say (a station with no needs).
    for x in b.assignments:
        s = plan.staff.get(x.staff)
        if s is not None and not any(st.needs for st in b.activity.stations):
            wanted += list(s.qualifications)
    for q in dict.fromkeys(wanted):
        if q in BRING_FOR_QUALIFICATION:
            items.append(t(BRING_FOR_QUALIFICATION[q]))
    extra = _line(bring, BRING_LIMIT)
    if extra:
        items.append(extra)
    return list(dict.fromkeys(items))


def notice_text(
    plan: Plan,
    b: Booked,
    t: Translate = lambda s: s,
    gather_minutes: int = DEFAULT_GATHER_MINUTES,
    bring: str = "",
) -> str:
    """The notice of one held occurrence. `gather_minutes`: how long before the start people
    meet (0: at the start); `bring`: the office's own things to bring, added to those the
    stations call for."""
    a, o = b.activity, b.occ
    sep = t(N_(", "))
    lines = [fill(t(N_("[Notice] %1")), _line(a.title))]
    lines.append(t(N_("Dear colleagues, the arrangements are as follows:")))
    when = _date(t, o.start.date())
    if o.moved:
        when = fill(t(N_("%1 (moved from %2)")), when, o.date.isoformat())
    lines.append(fill(t(N_("Date: %1")), when))
    lines.append(fill(t(N_("Time: %1")), _time(o.start, o.end)))
    minutes = max(0, min(gather_minutes, MAX_GATHER_MINUTES))
    if minutes:
        gather = o.start - timedelta(minutes=minutes)
        at = f"{gather:%H:%M}" if gather.date() == o.start.date() else f"{gather:%m-%d %H:%M}"
        lines.append(fill(t(N_("Gathering: %1, %2 minutes before the start")), at, minutes))
    partner = plan.partners.get(a.partner or "")
    if partner is not None and partner.wechat_group:
        lines.insert(0, fill(t(N_("To: %1")), _line(partner.wechat_group)))
    venue = _line(a.venue)
    address = _line(partner.address) if partner else ""
    partner_name = _line(partner.name) if partner else ""
    # The partner's address is the venue's only where the venue is the partner's own place.
    at_partner = not venue or (partner_name and partner_name in venue)
    if not venue:
        venue = partner_name
    if venue:
        place = fill(t(N_("%1 (%2)")), venue, address) if address and at_partner else venue
        lines.append(fill(t(N_("Venue: %1")), place))
    if partner:
        contact = " ".join(x for x in (_line(partner.contact.name), _line(partner.contact.phone)) if x)
        who = fill(t(N_("%1 (%2)")), partner_name, address) if address and not at_partner else partner_name
        lines.append(fill(t(N_("Partner contact: %1")), " ".join(x for x in (who, contact) if x)))
    leads = [x for x in b.assignments if x.role == "lead"]
    lead_names = []
    for x in leads:
        s = plan.staff.get(x.staff)
        name = _line(s.name if s else x.staff)
        phone = _line(s.phone) if s else ""
        lead_names.append(" ".join(p for p in (name, phone) if p))
    lines.append(fill(t(N_("Lead: %1")), sep.join(dict.fromkeys(lead_names)) or t(N_("to be decided"))))
    lines.append(t(N_("Stations and people:")))
    lines += _stations(plan, b, t, sep)
    lines.append(fill(t(N_("Please bring: %1")), sep.join(_things_to_bring(plan, b, t, bring))))
    lines.append(
        t(N_("Please arrange cover in your department and be on time. Reply to confirm, thank you!"))
    )
    organizer = plan.branches.get(a.organizer or "")
    signed = _line(organizer.name) if organizer else _line(plan.hospital.name if plan.hospital else "")
    if signed:
        lines.append(signed)
    return "\n".join(lines) + "\n"


def _stations(plan: Plan, b: Booked, t: Translate, sep: str) -> list[str]:
    """One line per station, in the order the activity declares them: its people, the lead
    first; then the people assigned to the activity as a whole."""
    per: dict[str | None, list[str]] = {}
    for x in sorted(b.assignments, key=lambda x: (x.role != "lead", x.staff)):
        s = plan.staff.get(x.staff)
        name = _line(s.name if s else x.staff)
        if x.role == "lead":
            name = fill(t(N_("%1 (lead)")), name)
        per.setdefault(x.station, [])
        if name not in per[x.station]:
            per[x.station].append(name)
    known = {s.id for s in b.activity.stations}
    out = []
    for st in b.activity.stations:
        people = sep.join(per.get(st.id, ())) or t(N_("to be arranged"))
        out.append(fill(t(N_("%1: %2")), _line(st.name), people))
    for key, names in per.items():
        if key is None or key not in known:  # the whole activity, or a station since removed
            label = t(N_("Whole activity")) if key is None else _line(key)
            out.append(fill(t(N_("%1: %2")), label, sep.join(names)))
    if not out:
        out.append(t(N_("to be arranged")))
    return out


def occurrence_notice(
    plan: Plan,
    calendar: WorkCalendar,
    activity: str | None,
    day: date | None,
    t: Translate = lambda s: s,
    gather_minutes: int = DEFAULT_GATHER_MINUTES,
    bring: str = "",
) -> str:
    """The notice of the occurrence of `activity` first planned for `day`; RosterError (kind
    "notice") when either is missing, the activity is unknown, or it is not held that day."""
    if not activity or day is None:
        raise RosterError("notice", OCCURRENCE)
    if activity not in plan.activities:
        raise RosterError("notice", OCCURRENCE, "unknown", activity)
    booked = find_occurrence(plan, calendar, activity, day)
    if booked is None:
        raise RosterError("notice", OCCURRENCE, "not_held", day.isoformat(), activity)
    return notice_text(plan, booked, t, gather_minutes, bring)
