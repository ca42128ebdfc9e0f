"""Rosters from plan objects: one occurrence, a week, and the sign-in sheet (签到表)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from reports.document import HEADING_LIMIT, Frame, build, heading, para, styles, table
from reports.messages import QUALIFICATION_NAMES, WEEKDAY_NAMES
from reports.text import fill, one_line, shorten
from scheduler.calendar.planning import department_on_turn
from scheduler.calendar.workdays import DayKind, WorkCalendar
from scheduler.conflicts.held import Booked, held_occurrences
from scheduler.plan.model import Pairing, Plan

WEEKDAYS = WEEKDAY_NAMES
# Characters of a name (a person, a station, a holiday) where it stands among others, so that a
# very long one leaves room in its cell for the rest; a longer name ends in an ellipsis.
NAME_LIMIT = 60
_SPACES = re.compile(r"\s{2,}")
# A row of the sign-in sheet, tall enough to write a name in by hand; 26 of them, with the caption
# and the header, fill a page of A4.
WRITING_ROW = 9.3 * mm
RESIDENTS_PER_PAGE = 26


def _short(text: str | None) -> str:
    # A run of spaces as one, so that a name padded with spaces keeps its letters when shortened.
    return shorten(_SPACES.sub(" ", one_line(text)), NAME_LIMIT)


def record_name(plan: Plan, section: str, key: str | None) -> str:
    """The name of a record of the plan (a person, a partner …) as a roster shows it, its id when
    it has no name or is gone; "" for none."""
    if key is None:
        return ""
    item = getattr(plan, section).get(key)
    return _short(getattr(item, "name", None) or key)


def _continued(t: Callable[[str], str], caption: str) -> str:
    """A table's caption on the pages after its first."""
    return fill(t("%1 (continued)"), caption)


def hospital_name(plan: Plan) -> str:
    """The hospital's name for a page's header ("" when none is set)."""
    return plan.hospital.name if plan.hospital else ""


def _station_name(b: Booked, station: str | None, t: Callable[[str], str]) -> str:
    if station is None:
        return t("Whole activity")
    return _short(next((s.name for s in b.activity.stations if s.id == station), station))


def _needs(plan: Plan, b: Booked, t: Callable[[str], str]) -> dict[str | None, str]:
    out: dict[str | None, str] = {}
    for st in b.activity.stations:
        parts = []
        for n in st.needs:
            who = " ".join(
                x
                for x in (
                    record_name(plan, "departments", n.department),
                    t(QUALIFICATION_NAMES.get(n.qualification or "", n.qualification or "")),
                )
                if x
            )
            parts.append(f"{who or t('anyone')} × {n.count}")
        turn = department_on_turn(b.activity, b.occ.date, st.id)
        if turn:
            parts.append(t("on turn") + ": " + record_name(plan, "departments", turn))
        out[st.id] = "；".join(parts)
    return out


def _when(b: Booked) -> str:
    return f"{b.occ.start:%Y-%m-%d %H:%M}–{b.occ.end:%H:%M}"


def find_occurrence(plan: Plan, calendar: WorkCalendar, activity: str, day: date) -> Booked | None:
    a = plan.activities.get(activity)
    if a is None:
        return None
    for b in held_occurrences(plan, calendar, None, None, [a]):
        if b.occ.date == day:
            return b
    return None


def occurrence_roster(
    out: str | Path | BinaryIO, plan: Plan, b: Booked, t: Callable[[str], str], printed: datetime
) -> None:
    """One occurrence: venue and time, partner contact, lead, each station with needs and people."""
    st = styles()
    a = b.activity
    hospital = hospital_name(plan)
    frame = Frame(hospital, t("Occurrence roster"), _when(b), printed, t)
    partner = plan.partners.get(a.partner or "")
    lead = [x for x in b.assignments if x.role == "lead"]
    facts = [
        [
            t("When"),
            _when(b)
            + (" " + t("(moved from %1)").replace("%1", b.occ.date.isoformat()) if b.occ.moved else ""),
        ],
        [t("Venue"), a.venue or ""],
        [t("Organizer"), record_name(plan, "branches", a.organizer)],
        [
            t("Partner"),
            (
                _short(partner.name)
                + "  "
                + " ".join(_short(x) for x in (partner.contact.name, partner.contact.phone) if x)
            )
            if partner
            else "",
        ],
        [t("Lead"), "、".join(record_name(plan, "staff", x.staff) for x in lead)],
    ]
    story: list[Any] = [
        heading([a.title], st["h1"]),
        table([t("Item"), t("Details")], facts, [35 * mm, 145 * mm], st),
    ]
    needs = _needs(plan, b, t)
    rows = []
    for x in sorted(b.assignments, key=lambda x: (x.station or "", x.role != "lead", x.staff)):
        s = plan.staff.get(x.staff)
        rows.append(
            [
                _station_name(b, x.station, t),
                needs.get(x.station, ""),
                _short(s.name if s else x.staff) + (" ★" if s and s.party_member else ""),
                record_name(plan, "departments", s.department) if s else "",
                (s.title or "") if s else "",
                (s.phone or "") if s else "",
                t("Lead") if x.role == "lead" else t("Member"),
            ]
        )
    for stn in a.stations:
        if not any(x.station == stn.id for x in b.assignments):
            rows.append([_short(stn.name), needs.get(stn.id, ""), t("Nobody assigned yet"), "", "", "", ""])
    story += [
        table(
            [t("Station"), t("Needs"), t("Full name"), t("Department"), t("Title"), t("Phone"), t("Role")],
            rows,
            [28 * mm, 38 * mm, 24 * mm, 24 * mm, 22 * mm, 26 * mm, 18 * mm],
            st,
            caption=t("Stations and people"),
            continued=_continued(t, t("Stations and people")),
        ),
    ]
    build(out, frame, story)


def sign_in_sheet(
    out: str | Path | BinaryIO,
    plan: Plan,
    b: Booked,
    t: Callable[[str], str],
    printed: datetime,
    audience: int | None = None,
) -> None:
    """The assigned people with blank sign-in and sign-out columns, then blank rows for the
    residents served — as many pages as the expected audience needs (RESIDENTS_PER_PAGE rows a
    page, each WRITING_ROW tall)."""
    st = styles()
    a = b.activity
    hospital = hospital_name(plan)
    frame = Frame(hospital, t("Sign-in sheet"), _when(b), printed, t)
    people = []
    for i, x in enumerate(
        sorted(b.assignments, key=lambda x: (x.role != "lead", x.station or "", x.staff)), 1
    ):
        s = plan.staff.get(x.staff)
        people.append(
            [
                str(i),
                _short(s.name if s else x.staff),
                record_name(plan, "departments", s.department) if s else "",
                _station_name(b, x.station, t),
                "",
                "",
            ]
        )
    story: list[Any] = [
        heading([a.title, a.venue or ""], st["h1"]),
        table(
            [t("No."), t("Full name"), t("Department"), t("Station"), t("Sign in"), t("Sign out")],
            people,
            [10 * mm, 30 * mm, 34 * mm, 40 * mm, 33 * mm, 33 * mm],
            st,
            min_row_height=WRITING_ROW,
            caption=t("Staff"),
            continued=_continued(t, t("Staff")),
        ),
        PageBreak(),
    ]
    if audience is None and a.request and a.request in plan.requests:
        audience = plan.requests[a.request].audience
    per_page = RESIDENTS_PER_PAGE
    rows_needed = max(per_page, math.ceil((audience or per_page) / per_page) * per_page)
    blanks = [[str(i + 1), "", "", "", ""] for i in range(rows_needed)]
    story.append(
        table(
            [t("No."), t("Full name"), t("Age"), t("Service"), t("Phone")],
            blanks,
            [12 * mm, 45 * mm, 20 * mm, 60 * mm, 43 * mm],
            st,
            min_row_height=WRITING_ROW,
            caption=t("Residents served"),
            continued=_continued(t, t("Residents served")),
        )
    )
    build(out, frame, story)


def weekly_roster(
    out: str | Path | BinaryIO,
    plan: Plan,
    calendar: WorkCalendar,
    monday: date,
    t: Callable[[str], str],
    printed: datetime,
) -> None:
    """Every held occurrence of a week, by day, with stations and people (landscape)."""
    st = styles()
    monday = monday - timedelta(days=monday.weekday())
    start = datetime.combine(monday, datetime.min.time())
    booked = held_occurrences(plan, calendar, start, start + timedelta(days=7))
    hospital = hospital_name(plan)
    period = f"{monday:%Y-%m-%d} – {monday + timedelta(days=6):%Y-%m-%d}"
    frame = Frame(hospital, t("Weekly roster"), period, printed, t)
    story: list[Any] = [para(t("Weekly roster") + " " + period, st["h1"])]
    for i in range(7):
        day = monday + timedelta(days=i)
        items = [b for b in booked if b.occ.start.date() == day]
        info = calendar.info(day)
        head = f"{day:%m-%d} {t(WEEKDAYS[i])}"
        if info.kind is DayKind.HOLIDAY:
            head += f" · {t('Statutory holiday')}: {_short(info.name)}"
        elif info.kind is DayKind.MAKEUP:
            head += f" · {t('Make-up workday')}"
        if not items:
            story.append(
                KeepTogether([para(head, st["h2"], HEADING_LIMIT), para(t("No activities."), st["small"])])
            )
            continue
        rows = []
        for b in items:
            per_station: dict[str | None, list[str]] = {}
            for x in b.assignments:
                name = record_name(plan, "staff", x.staff) + (
                    "（" + t("Lead") + "）" if x.role == "lead" else ""
                )
                per_station.setdefault(x.station, []).append(name)
            stations = [f"{_station_name(b, k, t)}：{'、'.join(v)}" for k, v in per_station.items()]
            empty = [
                _short(s.name) + "：" + t("Nobody assigned yet")
                for s in b.activity.stations
                if s.id not in per_station
            ]
            rows.append(
                [
                    f"{b.occ.start:%H:%M}–{b.occ.end:%H:%M}",
                    b.activity.title,
                    b.activity.venue or "",
                    record_name(plan, "branches", b.activity.organizer),
                    "\n".join(stations + empty),
                ]
            )
        # The day's heading is the table's caption, so that a day continued on the next page is
        # headed there too.
        story.append(
            table(
                [t("Time"), t("Activity"), t("Venue"), t("Organizer"), t("Stations and people")],
                rows,
                [24 * mm, 55 * mm, 45 * mm, 40 * mm, 103 * mm],
                st,
                caption=head,
                continued=_continued(t, head),
                whole=(0,),
            )
        )
        story.append(Spacer(1, 3 * mm))
    build(out, frame, story, wide=True)


def personal_duty_list(
    out: str | Path | BinaryIO,
    plan: Plan,
    calendar: WorkCalendar,
    staff: str,
    start: date,
    end: date,
    t: Callable[[str], str],
    printed: datetime,
    booked: list[Booked] | None = None,
) -> None:
    """One person's occurrences in a window (inclusive dates): times, venues, station, role, lead."""
    st = styles()
    person = plan.staff[staff]
    if booked is None:
        booked = held_occurrences(
            plan,
            calendar,
            datetime.combine(start, datetime.min.time()),
            datetime.combine(end + timedelta(days=1), datetime.min.time()),
        )
    mine = [(b, x) for b in booked for x in b.assignments if x.staff == staff]
    hospital = hospital_name(plan)
    period = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    frame = Frame(hospital, t("Personal duty list"), period, printed, t)
    rows = []
    hours = 0.0
    for b, x in sorted(mine, key=lambda p: p[0].occ.start):
        leads = [record_name(plan, "staff", y.staff) for y in b.assignments if y.role == "lead"]
        hours += (b.occ.end - b.occ.start).total_seconds() / 3600
        rows.append(
            [
                f"{b.occ.start:%m-%d} {t(WEEKDAYS[b.occ.start.weekday()])}",
                f"{b.occ.start:%H:%M}–{b.occ.end:%H:%M}",
                b.activity.title,
                b.activity.venue or "",
                _station_name(b, x.station, t),
                t("Lead") if x.role == "lead" else "、".join(leads),
            ]
        )
    story: list[Any] = [
        heading(
            [person.name, record_name(plan, "departments", person.department), person.title or ""], st["h1"]
        ),
        para(
            t("%1 occurrences, %2 hours").replace("%1", str(len(rows))).replace("%2", f"{hours:g}"),
            st["body"],
        ),
        Spacer(1, 3 * mm),
    ]
    if rows:
        story.append(
            table(
                [t("Date"), t("Time"), t("Activity"), t("Venue"), t("Station"), t("Lead")],
                rows,
                [22 * mm, 24 * mm, 44 * mm, 38 * mm, 28 * mm, 24 * mm],
                st,
                whole=(0, 1),
            )
        )
    else:
        story.append(para(t("No activities."), st["body"]))
    build(out, frame, story)


def branch_month_plan(
    out: str | Path | BinaryIO,
    plan: Plan,
    calendar: WorkCalendar,
    branch: str,
    month: date,
    t: Callable[[str], str],
    printed: datetime,
) -> None:
    """A branch's activities, partners and people for a month."""
    st = styles()
    b0 = plan.branches[branch]
    first = month.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    booked = [
        b
        for b in held_occurrences(
            plan,
            calendar,
            datetime.combine(first, datetime.min.time()),
            datetime.combine(nxt, datetime.min.time()),
        )
        if b.activity.organizer == branch
    ]
    hospital = hospital_name(plan)
    frame = Frame(hospital, t("Branch month plan"), f"{first:%Y-%m}", printed, t)
    pairings = [p for p in plan.pairings.values() if p.branch == branch]
    story: list[Any] = [heading([b0.name, f"{first:%Y-%m}"], st["h1"])]
    if pairings:
        story.append(_paired_partners(plan, pairings, booked, t, st))
    story += _branch_activities(plan, booked, t, st)
    build(out, frame, story)


def _paired_partners(
    plan: Plan, pairings: list[Pairing], booked: list[Booked], t: Callable[[str], str], st: dict[str, Any]
) -> Flowable:
    """A branch's paired partners: contact, visits a year and the occurrences of the month."""
    return table(
        [t("Partner"), t("Contact"), t("Visits a year"), t("This month")],
        [
            [
                record_name(plan, "partners", p.partner),
                " ".join(
                    x
                    for x in (
                        _short(plan.partners[p.partner].contact.name),
                        _short(plan.partners[p.partner].contact.phone),
                    )
                    if x
                )
                if p.partner in plan.partners
                else "",
                str(p.visits_per_year),
                str(sum(1 for b in booked if b.activity.partner == p.partner)),
            ]
            for p in pairings
        ],
        [60 * mm, 60 * mm, 30 * mm, 30 * mm],
        st,
        caption=t("Paired partners"),
        continued=_continued(t, t("Paired partners")),
    )


def _branch_activities(
    plan: Plan, booked: list[Booked], t: Callable[[str], str], st: dict[str, Any]
) -> list[Flowable]:
    """The month's occurrences a branch organizes, with their people (or a line saying none)."""
    rows = []
    for b in booked:
        people = "、".join(
            record_name(plan, "staff", x.staff) + ("（" + t("Lead") + "）" if x.role == "lead" else "")
            for x in b.assignments
        ) or t("Nobody assigned yet")
        rows.append(
            [
                f"{b.occ.start:%m-%d %H:%M}",
                b.activity.title,
                record_name(plan, "partners", b.activity.partner),
                b.activity.venue or "",
                people,
            ]
        )
    if not rows:
        return [para(t("Activities"), st["h2"]), para(t("No activities."), st["body"])]
    return [
        table(
            [t("When"), t("Activity"), t("Partner"), t("Venue"), t("People")],
            rows,
            [24 * mm, 42 * mm, 30 * mm, 34 * mm, 50 * mm],
            st,
            caption=t("Activities"),
            continued=_continued(t, t("Activities")),
            whole=(0,),
        )
    ]


def annual_plan(
    out: str | Path | BinaryIO,
    plan: Plan,
    calendar: WorkCalendar,
    year: int,
    t: Callable[[str], str],
    printed: datetime,
) -> None:
    """The year's pairing visits and series by month and partner, with the year's holidays."""
    st = styles()
    booked = held_occurrences(plan, calendar, datetime(year, 1, 1), datetime(year + 1, 1, 1))
    counts: dict[tuple[str, str], list[int]] = {}
    for b in booked:
        key = (
            record_name(plan, "branches", b.activity.organizer),
            record_name(plan, "partners", b.activity.partner) or "—",
        )
        counts.setdefault(key, [0] * 12)[b.occ.start.month - 1] += 1
    hospital = hospital_name(plan)
    frame = Frame(hospital, t("Annual plan"), str(year), printed, t)
    rows = [
        [branch, partner, *[str(n) if n else "" for n in months], str(sum(months))]
        for (branch, partner), months in sorted(counts.items())
    ]
    totals = [sum(m[i] for m in counts.values()) for i in range(12)]
    rows.append([t("Total"), "", *[str(n) for n in totals], str(sum(totals))])
    story: list[Any] = [
        para(t("Annual plan") + f" {year}", st["h1"]),
        table(
            [t("Party branch"), t("Partner"), *[str(m) for m in range(1, 13)], t("Total")],
            rows,
            [48 * mm, 40 * mm, *[12 * mm] * 12, 16 * mm],
            st,
        ),
    ]
    days = [calendar.info(date(year, 1, 1) + timedelta(days=i)) for i in range(366 if year % 4 == 0 else 365)]
    marked = [d for d in days if d.kind in (DayKind.HOLIDAY, DayKind.MAKEUP)]
    story.append(para(t("Holidays and make-up workdays"), st["h2"]))
    if marked or calendar.knows(year):
        text = "；".join(
            f"{d.day:%m-%d} {_short(d.name)}{'（' + t('Make-up workday') + '）' if d.kind is DayKind.MAKEUP else ''}"
            for d in marked
        )
        story.append(para(text or t("None."), st["small"]))
    else:
        story.append(para(t("%1 holidays not entered.").replace("%1", str(year)), st["small"]))
    build(out, frame, story, wide=True)
