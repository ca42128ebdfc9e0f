"""Calendars for phones and mail clients (iCalendar): a person's or a branch's occurrences with
venue, station and lead. UIDs are stable (activity and occurrence), so importing a newer file
updates the events instead of adding them again; called-off occurrences go out as CANCELLED.

Names and titles are user text: cleaned (reports/text.py), escaped as RFC 5545 TEXT and folded at
75 octets by icalendar when the file is written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vText

from reports import ReportError
from reports.text import clean
from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import Booked, held_occurrences
from scheduler.plan.model import Plan

PRODID = "-//Community outreach scheduler//outreach//ZH"

# SEQUENCE tells a client that an event with a UID it already has is a newer version (a changed
# time, a cancellation); a client drops a version whose SEQUENCE is lower than the one it holds.
# It must therefore never decrease. A number derived from the event's content would change with
# every edit but could go down; nothing of the plan remembers how often an occurrence changed.
# The export time in whole minutes since this epoch only grows, from any computer with a right
# clock: every export is a newer version of every event in it (an unchanged event is replaced by
# the same), and it stays within RFC 5545's 32-bit INTEGER until the year 6000.
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class _Text(vText):
    """RFC 5545 TEXT escaping (backslash, semicolon, comma, line feed). icalendar's own also turns a
    written backslash-N into a line break, so "C:\\New" would come back changed."""

    def to_ical(self) -> bytes:
        text = str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
        return text.encode("utf-8")


def _text(value: object) -> _Text:
    return _Text(clean(value))


def uid(activity: str, occurrence: date) -> str:
    return f"{activity}-{occurrence:%Y%m%d}@outreach-scheduler"


def sequence(stamp: datetime) -> int:
    """The SEQUENCE of every event of a file written at `stamp` (see SEQUENCE_EPOCH)."""
    return max(int((stamp - SEQUENCE_EPOCH).total_seconds() // 60), 0)


def time_zone(name: str) -> ZoneInfo:
    """The hospital's time zone; ReportError (one line) for a name that is no known time zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ReportError(
            f"the hospital's time zone {clean(name)!r} is not a known time zone name "
            "(set one such as Asia/Shanghai in the hospital settings)"
        ) from None


def _mine(b: Booked, plan: Plan, staff: str | None, branch: str | None) -> bool:
    if staff is not None:
        return staff in b.people
    if branch is not None:
        depts = set(plan.branches[branch].departments) if branch in plan.branches else set()
        return b.activity.organizer == branch or any(
            p in plan.staff and (plan.staff[p].branch == branch or plan.staff[p].department in depts)
            for p in b.people
        )
    return True


def calendar_file(
    plan: Plan,
    work: WorkCalendar,
    start: date,
    end: date,
    t: Callable[[str], str],
    staff: str | None = None,
    branch: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """The occurrences held between `start` and `end` (inclusive) as an iCalendar file: all of
    them, a person's or a party branch's; and those called off, so that a phone drops them."""
    tz = time_zone(plan.hospital.timezone if plan.hospital else "Asia/Shanghai")
    w0 = datetime.combine(start, time.min)
    w1 = datetime.combine(end + timedelta(days=1), time.min)
    stamp = (now or datetime.now()).astimezone(UTC)
    seq = sequence(stamp)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    who = _calendar_of(plan, staff, branch)
    cal.add("x-wr-calname", _text(f"{t('Outreach')} · {who}" if who else t("Outreach")))
    cal.add("x-wr-timezone", str(tz))
    # Each name is cleaned before it is put together with others, so a description says exactly
    # the names (a name ending in a carriage return does not merge with the line break after it).
    names = {k: clean(s.name) for k, s in plan.staff.items()}
    for b in held_occurrences(plan, work, w0, w1):
        if not _mine(b, plan, staff, branch):
            continue
        e = _event(b, stamp, seq, tz)
        if b.activity.venue:
            e.add("location", _text(b.activity.venue))
        lines = _description(b, plan, names, staff, t)
        if lines:
            e.add("description", _text("\n".join(lines)))
        e.add("status", "CONFIRMED" if b.activity.status == "confirmed" else "TENTATIVE")
        cal.add_component(e)
    for b in _called_off(plan, work, w0, w1):
        if _mine(b, plan, staff, branch):
            e = _event(b, stamp, seq, tz)
            e.add("status", "CANCELLED")
            cal.add_component(e)
    cal.add_missing_timezones()  # a VTIMEZONE for Asia/Shanghai, so every client reads the times alike
    return cal.to_ical()


def _calendar_of(plan: Plan, staff: str | None, branch: str | None) -> str:
    """Whose calendar it is: the person's or the branch's name, or "" for the whole office."""
    if staff in plan.staff:
        return plan.staff[staff].name
    if branch in plan.branches:
        return plan.branches[branch].name
    return ""


def _event(b: Booked, stamp: datetime, seq: int, tz: ZoneInfo) -> Event:
    """An occurrence's event: its identity, version, times and title."""
    e = Event()
    e.add("uid", _text(uid(b.activity.id, b.occ.date)))
    e.add("dtstamp", stamp)
    e.add("sequence", seq)
    e.add("dtstart", b.occ.start.replace(tzinfo=tz))
    e.add("dtend", b.occ.end.replace(tzinfo=tz))
    e.add("summary", _text(b.activity.title))
    return e


def _description(
    b: Booked, plan: Plan, names: dict[str, str], staff: str | None, t: Callable[[str], str]
) -> list[str]:
    """The lines of a held occurrence's description: the person's station and whether they lead
    (a person's calendar), the leads, the partner and its contact."""
    a = b.activity
    leads = sorted({names.get(x.staff, clean(x.staff)) for x in b.assignments if x.role == "lead"})
    lines = []
    if staff is not None:
        stations = {s.id: clean(s.name) for s in a.stations}
        mine = [x for x in b.assignments if x.staff == staff]
        where = sorted({stations.get(x.station, clean(x.station)) for x in mine if x.station})
        if where:
            lines.append(f"{t('Station')}: {'、'.join(where)}")
        if any(x.role == "lead" for x in mine):
            lines.append(t("You lead this occurrence."))
    if leads:
        lines.append(f"{t('Lead')}: {'、'.join(leads)}")
    partner = plan.partners.get(a.partner) if a.partner else None
    if partner is not None:
        contact = " ".join(clean(x) for x in (partner.contact.name, partner.contact.phone) if x)
        lines.append(f"{t('Partner')}: {clean(partner.name)}" + (f" ({contact})" if contact else ""))
    return lines


def _called_off(plan: Plan, work: WorkCalendar, w0: datetime, w1: datetime) -> Iterator[Booked]:
    """The occurrences in [w0, w1) called off (the activity cancelled, or a record calling the
    occurrence off), each with the assignments it had."""
    called_off = {k for k, r in plan.records.items() if r.status == "cancelled"}
    for a in plan.activities.values():
        for o in expand(a, w0, w1, work):
            if (a.id, o.date) not in called_off and a.status != "cancelled":
                continue
            yield Booked(
                o,
                a,
                tuple(
                    x
                    for x in plan.assignments.values()
                    if x.activity == a.id and x.occurrence in (None, o.date)
                ),
            )
