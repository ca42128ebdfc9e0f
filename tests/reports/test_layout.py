"""The PDFs' layout read back from the pages: words whole in the rosters, what heads a continued table,
how tall the sign-in rows are, and that every table header stands on one line (zh and en)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from db.operations import import_document
from db.planio import load_plan
from db.store import Store
from reports.document import translator
from reports.registry import ROSTERS, RosterArgs
from reports.rosters import (
    RESIDENTS_PER_PAGE,
    find_occurrence,
    occurrence_roster,
    personal_duty_list,
    sign_in_sheet,
    weekly_roster,
)
from reports.timebank import certificate_pdf, ledger_pdf
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.office.recording import LedgerEntry
from scheduler.plan.model import Plan
from tests.helpers import sample

PRINTED = datetime(2026, 11, 23, 10, 0)
THURSDAY = date(2026, 12, 3)
BUSY = 30  # one-off activities added on THURSDAY, nobody assigned to them: two pages of the week


def _plan(tmp_path, busy: int = BUSY) -> Plan:
    """The sample plan in a real database, with `busy` more activities on THURSDAY."""
    doc = sample()
    for i in range(busy):
        doc["activities"].append(
            {
                "id": f"talk{i}",
                "title": f"健康讲座{i}",
                "kind": "lecture",
                "partner": "p-youyi",
                "venue": "友谊社区活动室",
                "start": f"2026-12-03T{8 + i % 10:02d}:00",
                "end": f"2026-12-03T{9 + i % 10:02d}:30",
                "organizer": "b-ortho",
                "status": "planned",
                "stations": [
                    {"id": "talk", "name": "讲座", "needs": [{"qualification": "physician", "count": 1}]}
                ],
            }
        )
    with Store(tmp_path / "layout.db") as s:
        import_document(s, json.dumps(doc, ensure_ascii=False))
        return load_plan(s)


def _calendar(plan: Plan) -> WorkCalendar:
    return WorkCalendar(official_calendar(), plan.calendar.values())


@dataclass(frozen=True)
class Line:
    """What is written on one baseline of a page: each cell's (or paragraph's) text, left to right."""

    y: float
    cells: list[str]
    sizes: list[float]

    @property
    def text(self) -> str:
        return " ".join(self.cells)


def _collect(runs: dict[tuple[float, float], list[Any]]) -> Callable[..., None]:
    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        y = round(tm[5] * cm[3] + cm[5], 1)
        x = round(tm[4] * cm[0] + cm[4], 1)
        run = runs.setdefault((y, x), ["", size])
        run[0] += text.replace("\n", "")

    return visit


def _pages(data: bytes) -> list[list[Line]]:
    """Each page's lines, top to bottom. reportlab writes a line of text as one or more runs (a
    new run where the embedded font's subset changes) that start at the line's own x; runs at
    the same x and y are one cell's line."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        runs: dict[tuple[float, float], list[Any]] = {}
        page.extract_text(visitor_text=_collect(runs))
        by_y: dict[float, list[tuple[float, str, float]]] = {}
        for (y, x), (text, size) in runs.items():
            by_y.setdefault(y, []).append((x, text, size))
        lines = []
        for y in sorted(by_y, reverse=True):
            # pypdf hands over the spaces it puts between runs too: a cell is its text stripped.
            cells = [(x, text.strip(), size) for x, text, size in sorted(by_y[y]) if text.strip()]
            if cells:
                lines.append(Line(y, [c[1] for c in cells], [c[2] for c in cells]))
        out.append(lines)
    return out


def _text(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def _render(fn: Callable[..., None], *args: Any) -> bytes:
    buf = io.BytesIO()
    fn(buf, *args)
    return buf.getvalue()


def test_weekdays_and_nobody_assigned_are_whole_in_english(tmp_path) -> None:
    plan = _plan(tmp_path)
    cal = _calendar(plan)
    t = translator("en")
    person = _render(personal_duty_list, plan, cal, "s003", date(2026, 12, 1), date(2026, 12, 31), t, PRINTED)
    text = "".join(_text(person))
    for day in ("12-03 Thursday", "12-11 Friday", "12-17 Thursday", "12-24 Thursday"):
        assert day in text, day  # on one line, as the date column holds it
    week = "".join(_text(_render(weekly_roster, plan, cal, THURSDAY, t, PRINTED)))
    assert "讲座：Nobody assigned yet" in week and "Thurs\n" not in week
    # The occurrence roster's name column is narrow: the phrase wraps, at a space only.
    b = find_occurrence(plan, cal, "talk0", THURSDAY)
    occurrence = "".join(_text(_render(occurrence_roster, plan, b, t, PRINTED)))
    assert "Nobody assigned yet" in " ".join(occurrence.split())
    assert "Nobody" in occurrence.split() and "assigned" in occurrence.split()


# --- A day continued on the next page -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "continued"),
    [("en", "12-03 Thursday", "12-03 Thursday (continued)"), ("zh_CN", "12-03 周四", "12-03 周四（续）")],
)
def test_a_day_continued_on_the_next_page_is_headed_there(tmp_path, lang, heading, continued) -> None:
    plan = _plan(tmp_path)
    pages = _pages(_render(weekly_roster, plan, _calendar(plan), THURSDAY, translator(lang), PRINTED))
    assert len(pages) >= 2
    talks = [
        i for i, p in enumerate(pages) if any(c.startswith("健康讲座") for line in p for c in line.cells)
    ]
    assert len(talks) >= 2, "Thursday's table goes on over a page"
    for i in talks:
        body = [line.text for line in pages[i][1:]]  # below the page header
        if i == talks[0]:
            assert heading in body and continued not in body
        else:
            # The first line under the page header heads the rest of the day's table.
            assert body[0] == continued, (i, body[:3])


# --- The sign-in sheet --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_sign_in_rows_are_tall_enough_to_write_in(tmp_path, lang) -> None:
    plan = _plan(tmp_path, busy=0)
    b = find_occurrence(plan, _calendar(plan), "a1", THURSDAY)
    t = translator(lang)
    data = _render(sign_in_sheet, plan, b, t, PRINTED, 60)
    pages = _pages(data)
    assert len(pages) == 1 + 3  # the staff, then 60 residents at 26 a page
    for n, page in enumerate(pages):
        header = [t("No."), t("Full name")]
        assert any(line.cells[:2] == header for line in page), (n, "the header on one line")
        # The row numbers in the first column, top to bottom: one row every 9 mm or more.
        rows = [line.y for line in page if line.cells and line.cells[0].isdigit()]
        assert len(rows) == (2 if n == 0 else RESIDENTS_PER_PAGE)
        pitches = [a - b for a, b in zip(rows, rows[1:], strict=False)]
        assert pitches and min(pitches) >= 9 * mm, (n, min(pitches) / mm)


# --- Headers on one line ------------------------------------------------------------------

DAY = date(2026, 12, 3)
ARGS = RosterArgs(today=DAY, activity="a1", occurrence=DAY, staff="s003", branch="b-ortho", start=DAY)

# Each document's table headers (and, for the certificate, its title), in the English source.
HEADERS: dict[str, list[list[str]]] = {
    "occurrence": [
        ["Item", "Details"],
        ["Station", "Needs", "Full name", "Department", "Title", "Phone", "Role"],
    ],
    "sign-in": [
        ["No.", "Full name", "Department", "Station", "Sign in", "Sign out"],
        ["No.", "Full name", "Age", "Service", "Phone"],
    ],
    "week": [["Time", "Activity", "Venue", "Organizer", "Stations and people"]],
    "person": [["Date", "Time", "Activity", "Venue", "Station", "Lead"]],
    "branch-month": [
        ["Partner", "Contact", "Visits a year", "This month"],
        ["When", "Activity", "Partner", "Venue", "People"],
    ],
    "annual": [["Party branch", "Partner", *[str(m) for m in range(1, 13)], "Total"]],
    "ledger": [["Date", "Activity", "Entry", "Hours", "Total", "Entered", "By"]],
    "certificate": [["Certificate of volunteer service hours"]],
}


def _documents(plan: Plan, lang: str) -> dict[str, bytes]:
    cal, t = _calendar(plan), translator(lang)
    out = {}
    for name, kind in ROSTERS.items():
        buf = io.BytesIO()
        kind.render(buf, plan, cal, ARGS, t, PRINTED)
        out[name] = buf.getvalue()
    ledger = [
        LedgerEntry("s003", "a1", DAY, 3.0, datetime(2026, 12, 3, 22, 0), "credit", "王老师"),
        LedgerEntry("s003", "a1", DAY, -0.5, datetime(2026, 12, 4, 9, 0), "correction", "王老师"),
    ]
    for name, fn in (("ledger", ledger_pdf), ("certificate", certificate_pdf)):
        out[name] = _render(fn, plan, "s003", ledger, 2026, t, PRINTED)
    return out


def test_every_document_is_listed_here() -> None:
    assert set(ROSTERS) | {"ledger", "certificate"} == set(HEADERS)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_header_stands_on_one_line(tmp_path, lang) -> None:
    t = translator(lang)
    documents = _documents(_plan(tmp_path, busy=0), lang)
    for name, data in documents.items():
        lines = [line for page in _pages(data) for line in page]
        for header in HEADERS[name]:
            want = [t(h) for h in header]
            # One baseline holds exactly the header's cells, each whole: a cell that wrapped
            # would leave part of its text on the line below.
            assert any(line.cells == want for line in lines), (name, want)
    # And in the body of the English ledger, the words of the narrow columns are whole.
    if lang == "en":
        ledger = "".join(_text(documents["ledger"]))
        assert "Correction" in ledger.split() and "2026-12-04 09:00" in ledger
