"""The volunteer time bank on paper: a person's ledger for a year, and a certificate of hours."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from reports.document import Frame, build, heading, para, styles, table
from reports.rosters import hospital_name, record_name
from reports.text import one_line, shorten
from scheduler.office.recording import LedgerEntry
from scheduler.plan.model import Plan

# Characters of a name on the certificate: a longer one is shortened so the certificate stays one page.
CERTIFICATE_NAME_LIMIT = 80


def _mine(entries: Iterable[LedgerEntry], staff: str, year: int) -> list[LedgerEntry]:
    return [e for e in entries if e.staff == staff and e.occurrence.year == year]


def ledger_pdf(
    out: str | Path | BinaryIO,
    plan: Plan,
    staff: str,
    entries: Iterable[LedgerEntry],
    year: int,
    t: Callable[[str], str],
    printed: datetime,
) -> None:
    """Every entry of one person's year, corrections included, with the running total."""
    st = styles()
    person = plan.staff[staff]
    mine = sorted(_mine(entries, staff, year), key=lambda e: (e.occurrence, e.at))
    rows = []
    total = 0.0
    for e in mine:
        total += e.hours
        act = plan.activities.get(e.activity)
        rows.append(
            [
                f"{e.occurrence:%Y-%m-%d}",
                act.title if act else e.activity,
                t("Credit") if e.kind == "credit" else t("Correction"),
                f"{e.hours:+g}",
                f"{total:g}",
                f"{e.at:%Y-%m-%d %H:%M}",
                e.by or "",
            ]
        )
    frame = Frame(hospital_name(plan), t("Volunteer hours ledger"), str(year), printed, t)
    story: list[Any] = [
        heading([person.name, record_name(plan, "departments", person.department)], st["h1"]),
        para(t("%1 hours in %2").replace("%1", f"{total:g}").replace("%2", str(year)), st["body"]),
        *_volunteer_no(person, t, st["body"]),
        Spacer(1, 3 * mm),
    ]
    if rows:
        story.append(
            table(
                [t("Date"), t("Activity"), t("Entry"), t("Hours"), t("Total"), t("Entered"), t("By")],
                rows,
                [22 * mm, 52 * mm, 16 * mm, 14 * mm, 14 * mm, 28 * mm, 24 * mm],
                st,
                whole=(0, 2, 3, 4, 5),
            )
        )
    else:
        story.append(para(t("No hours recorded."), st["body"]))
    build(out, frame, story)


def _volunteer_no(person: Any, t: Callable[[str], str], style: ParagraphStyle) -> list[Any]:
    """The person's number on the national volunteer platform, where it is known."""
    if not person.volunteer_no:
        return []
    number = shorten(one_line(person.volunteer_no), CERTIFICATE_NAME_LIMIT)
    return [para(t("Volunteer number: %1").replace("%1", number), style)]


def certificate_pdf(
    out: str | Path | BinaryIO,
    plan: Plan,
    staff: str,
    entries: Iterable[LedgerEntry],
    year: int,
    t: Callable[[str], str],
    printed: datetime,
) -> None:
    """A one-page certificate of a person's volunteer hours in a year, for signing and stamping."""
    st = styles()
    person = plan.staff[staff]
    mine = _mine(entries, staff, year)
    total = round(sum(e.hours for e in mine), 2)
    net: dict[tuple[str, Any], float] = {}
    for e in mine:
        net[(e.activity, e.occurrence)] = net.get((e.activity, e.occurrence), 0.0) + e.hours
    occurrences = sum(1 for h in net.values() if round(h, 4) > 0)
    title_style = ParagraphStyle("cert_title", parent=st["h1"], fontSize=24, leading=32, alignment=TA_CENTER)
    body_style = ParagraphStyle("cert_body", parent=st["body"], fontSize=14, leading=26, firstLineIndent=28)
    sign_style = ParagraphStyle("cert_sign", parent=st["body"], fontSize=12, leading=20, alignment=TA_RIGHT)
    hospital = hospital_name(plan)
    frame = Frame(hospital, t("Certificate of volunteer service hours"), str(year), printed, t)
    text = (
        t(
            "This is to certify that %1 of %2 took part in %3 community health outreach occurrences in %4, with %5 hours of volunteer service in all."
        )
        .replace("%1", shorten(one_line(person.name), CERTIFICATE_NAME_LIMIT))
        .replace(
            "%2",
            shorten(one_line(record_name(plan, "departments", person.department)), CERTIFICATE_NAME_LIMIT),
        )
        .replace("%3", str(occurrences))
        .replace("%4", str(year))
        .replace("%5", f"{total:g}")
    )
    story: list[Any] = [
        Spacer(1, 30 * mm),
        para(t("Certificate of volunteer service hours"), title_style),
        Spacer(1, 16 * mm),
        para(text, body_style),
        *_volunteer_no(person, t, sign_style),
        Spacer(1, 40 * mm - (8 * mm if person.volunteer_no else 0)),
        para(shorten(one_line(hospital), CERTIFICATE_NAME_LIMIT) + t(" (seal)"), sign_style),
        para(f"{printed:%Y-%m-%d}", sign_style),
    ]
    build(out, frame, story)
