"""Hostile text through every output: markup, formulas, control characters, lone surrogates, very
long names and CJK as staff names, titles and partner names. Nothing crashes, markup stays text,
no formula is made, and what comes out reads back as the text that went in.

What "the same text" means per output (reports/text.py and reports/document.py say why):
- everywhere: control characters (C0 but tab and line feed, DEL), lone surrogates and U+FFFE/U+FFFF
  come out as U+FFFD; a carriage return as a line feed (`clean`);
- PDF: also a character the embedded font has no glyph for comes out as U+FFFD (`printable`); line
  breaks and spaces are the layout's, so texts are compared without white space; a text too long
  for its place is cut and ends in "…";
- xlsx: the cleaned text, at most 32,767 characters; ICS: the cleaned text.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.document import printable, translator
from reports.ics import calendar_file
from reports.messages import describe, describe_unfilled
from reports.registry import ROSTERS, RosterArgs
from reports.stats_xlsx import write_workbook
from reports.text import REPLACEMENT, clean
from reports.timebank import certificate_pdf, ledger_pdf
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.exchange.planfile.document import parse_document
from scheduler.office.recording import LedgerEntry
from scheduler.office.stats import compute
from scheduler.plan.model import Contact, Plan
from scheduler.solver.proposal import Unfilled
from tests.helpers import sample_text

PRINTED = datetime(2026, 11, 23, 10, 0)
DAY = date(2026, 12, 3)  # a1's first occurrence: s001 leads, s003 serves, partner p-youyi
ARGS = RosterArgs(today=DAY, activity="a1", occurrence=DAY, staff="s003", branch="b-ortho", start=DAY)
IMG = '<img src="/etc/passwd" width="100" height="100"/>'
FORMULAS = ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("x")', "#N/A"]


def hostile_plan(staff: str = "金伟", title: str = "中医夜市", partner: str = "友谊社区") -> Plan:
    """The sample plan with every person, the activity, its venue and stations, the partner and the
    branch renamed: `staff` for people, `title` for the activity and its places, `partner` for the
    partner, its contact and the branch."""
    plan = parse_document(sample_text()).plan
    plan.staff = {k: replace(s, name=staff, title=staff) for k, s in plan.staff.items()}
    plan.activities = {
        k: replace(
            a,
            title=title,
            venue=title,
            stations=tuple(replace(s, name=title) for s in a.stations),
        )
        for k, a in plan.activities.items()
    }
    plan.partners = {
        k: replace(p, name=partner, contact=Contact(partner, partner)) for k, p in plan.partners.items()
    }
    plan.branches = {k: replace(b, name=partner) for k, b in plan.branches.items()}
    plan.departments = {k: replace(d, name=partner) for k, d in plan.departments.items()}
    assert plan.hospital is not None
    plan.hospital = replace(plan.hospital, name=title)
    return plan


def _calendar(plan: Plan) -> WorkCalendar:
    return WorkCalendar(official_calendar(), plan.calendar.values())


def _ledger(plan: Plan) -> list[LedgerEntry]:
    return [
        LedgerEntry("s003", "a1", DAY, 3.0, datetime(2026, 12, 3, 22, 0), "credit", "王老师"),
        LedgerEntry("s003", "a1", DAY, -0.5, datetime(2026, 12, 4, 9, 0), "correction", "王老师"),
    ]


def render_pdfs(plan: Plan) -> dict[str, bytes]:
    """Every printed document: each roster of the registry, the time bank ledger and certificate."""
    cal = _calendar(plan)
    out = {}
    for name, kind in ROSTERS.items():
        buf = io.BytesIO()
        kind.check(plan, cal, ARGS)
        kind.render(buf, plan, cal, ARGS, translator("zh_CN"), PRINTED)
        out[name] = buf.getvalue()
    for name, fn in (("ledger", ledger_pdf), ("certificate", certificate_pdf)):
        buf = io.BytesIO()
        fn(buf, plan, "s003", _ledger(plan), 2026, translator("zh_CN"), PRINTED)
        out[name] = buf.getvalue()
    return out


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def shows(pdf: str, value: str) -> bool:
    """The PDF's text holds `value` as printed: whole, or (cut for its place) a beginning of it
    followed by the ellipsis; white space aside."""
    want, got = _squeeze(printable(value)), _squeeze(pdf)
    if want in got:
        return True
    # Cut: the longest beginning of `want` that is in the text must end where an ellipsis follows.
    shortest = min(len(want), 20)  # every place keeps at least this much of a text it cuts
    return any(want[:n] + "…" in got for n in range(len(want) - 1, shortest - 1, -1))


# Where each document shows which name (staff, title, partner: the arguments of hostile_plan).
SHOWN = {
    "occurrence": ("staff", "title", "partner"),
    "sign-in": ("staff", "title"),
    "week": ("staff", "title", "partner"),
    "person": ("staff", "title"),
    "branch-month": ("staff", "title", "partner"),
    "annual": ("partner",),
    "ledger": ("staff", "title"),
    "certificate": ("staff", "partner"),
}


def test_every_printed_document_is_listed_here() -> None:
    assert set(ROSTERS) | {"ledger", "certificate"} == set(SHOWN)


def test_paragraphs_are_made_in_one_place() -> None:
    # Text reaches reportlab's markup parser only through document.para, which escapes it.
    reports = Path(__file__).resolve().parents[2] / "reports"
    for path in reports.glob("*.py"):
        if path.name != "document.py":
            assert not re.search(r"\bParagraph\(", path.read_text(encoding="utf-8")), path.name


def _fonts_and_images(data: bytes) -> tuple[set[str], int]:
    fonts, images = set(), 0
    for page in PdfReader(io.BytesIO(data)).pages:
        res = page["/Resources"]
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
        images += sum(
            1 for x in (res.get("/XObject") or {}).values() if x.get_object()["/Subtype"] == "/Image"
        )
    return fonts, images


MARKUP = [
    IMG,
    "<i>slanted</i>",
    '<font name="Courier">c</font>',
    "</para><para>",
    "&amp; &#60; &lt;b>",
    "A<b>bold",
]


@pytest.mark.parametrize("markup", ["".join(MARKUP), "A<b>bold"], ids=["all", "unclosed"])
def test_markup_in_names_prints_as_written(markup: str) -> None:
    values = {"staff": markup + "伟", "title": markup + "夜市", "partner": markup + "社区"}
    for name, data in render_pdfs(hostile_plan(**values)).items():
        text = pdf_text(data)
        for what in SHOWN[name]:
            assert shows(text, values[what]), (name, what)
        fonts, images = _fonts_and_images(data)
        assert images == 0, name  # <img> opened nothing
        # <i> or <b> switched to no other font (Helvetica is the canvas's own, unused).
        assert {f.lstrip("/").split("+")[-1] for f in fonts} <= {"WenQuanYiMicroHei-0", "Helvetica"}, (
            name,
            fonts,
        )


@pytest.mark.parametrize(
    "long",
    ["x" * 3000, "中" * 600, "\n" * 500 + "n", "0\r" * 300, ("word " * 800).strip()],
    ids=["latin-3000", "cjk-600", "blank-lines", "broken-lines", "words"],
)
def test_very_long_names_wrap_or_are_shortened_never_a_layout_error(long: str) -> None:
    values = {"staff": long, "title": long, "partner": long}
    for name, data in render_pdfs(hostile_plan(**values)).items():
        text = pdf_text(data)
        for what in SHOWN[name]:
            assert shows(text, values[what]), (name, what)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        assert pages < 12, name  # shortened, not printed over pages and pages
        assert name != "certificate" or pages == 1  # a name there is one line, shortened
    certificate = render_pdfs(hostile_plan(staff="x" * 3000))["certificate"]
    assert "x…" in pdf_text(certificate) and len(PdfReader(io.BytesIO(certificate)).pages) == 1


def test_unwritable_characters_become_replacement_marks() -> None:
    value = "a\x00b\x07c\ud800d\x1be\x7ff\ufffeg\r\nh\ri"
    assert clean(value) == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\nh\ni"
    assert printable("😀中\U00020000x") == f"{REPLACEMENT}中{REPLACEMENT}x"  # no glyph: shown as a mark
    for name, data in render_pdfs(hostile_plan(staff=value, title=value, partner=value)).items():
        assert "a\ufffdb\ufffdc" in pdf_text(data), name


def test_formulas_stay_text_in_the_workbook() -> None:
    plan = hostile_plan()
    plan.partners = {k: replace(p, name=FORMULAS[0]) for k, p in plan.partners.items()}
    plan.branches = {k: replace(b, name=FORMULAS[3]) for k, b in plan.branches.items()}
    plan.staff = {
        k: replace(s, name=FORMULAS[i % len(FORMULAS)]) for i, (k, s) in enumerate(plan.staff.items())
    }
    wb = _workbook(plan)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]
    pairing = wb["Pairings"][2]
    assert pairing[0].value == "@SUM(A1)" and pairing[1].value == "=cmd|' /C calc'!A0"
    assert pairing[0].data_type == pairing[1].data_type == "s" and pairing[1].quotePrefix
    people = {c.value for c in wb["Busiest people"]["A"][1:]}
    assert people == {clean(plan.staff["s001"].name)}  # the only one with hours
    # Numbers stay numbers and dates dates.
    assert wb["Pairings"][2][2].data_type == "n" and isinstance(wb["Pairings"][2][2].value, int)
    assert isinstance(wb["Requests"][2][4].value, datetime)
    # Every staff-like value as a name, read back the same, as a string, never a formula.
    for value in FORMULAS:
        plan.staff = {k: replace(s, name=value) for k, s in plan.staff.items()}
        cell = _workbook(plan)["Busiest people"]["A2"]
        assert (cell.value, cell.data_type) == (clean(value), "s"), value


def _workbook_bytes(plan: Plan) -> bytes:
    cal = _calendar(plan)
    stats = compute(plan, cal, date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 31))
    buf = io.BytesIO()
    write_workbook(buf, stats, plan, translator("en"))
    data = buf.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # no formula element anywhere in the file
        assert not any(
            re.search(rb"<f[ >]", z.read(n)) for n in z.namelist() if n.startswith("xl/worksheets/")
        )
    return data


def _workbook(plan: Plan):  # noqa: ANN202
    return load_workbook(io.BytesIO(_workbook_bytes(plan)))


def _ics(plan: Plan, staff: str = "s003", now: datetime = PRINTED) -> bytes:
    return calendar_file(
        plan, _calendar(plan), date(2026, 12, 1), date(2027, 1, 31), translator("en"), staff=staff, now=now
    )


def _event(data: bytes, day: str = "20261203"):  # noqa: ANN202
    return next(
        e for e in Calendar.from_ical(data).walk("VEVENT") if str(e["UID"]) == f"a1-{day}@outreach-scheduler"
    )


def test_ics_text_is_escaped_folded_and_reads_back() -> None:
    name = "王\r\n强, Jr.; C:\\New\\folder \\N " + "很长" * 60
    title = "夜市;\n第二行, \\; \\n" + "x" * 200
    plan = hostile_plan(staff=name, title=title, partner="=社区,;\\")
    data = _ics(plan)
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
    event = _event(data)
    assert str(event["SUMMARY"]) == clean(title) and str(event["LOCATION"]) == clean(title)
    description = str(event["DESCRIPTION"])
    assert f"Lead: {clean(name)}" in description and "Partner: =社区,;\\" in description
    raw = data.replace(b"\r\n ", b"")  # unfolded
    assert (
        b"SUMMARY:\xe5\xa4\x9c\xe5\xb8\x82\\;\\n\xe7\xac\xac\xe4\xba\x8c\xe8\xa1\x8c\\, \\\\\\; \\\\n" in raw
    )
    assert b"X-WR-CALNAME:Outreach \xc2\xb7 \xe7\x8e\x8b\\n" in raw  # the calendar's name escaped too


def test_ics_sequence_grows_with_each_export_for_updates_and_cancellations() -> None:
    plan = hostile_plan()
    first = _event(_ics(plan, now=datetime(2026, 12, 1, 9, 0)))
    later_plan = hostile_plan()
    later_plan.records[("a1", DAY)] = replace(later_plan.records[("a1", DAY)], status="cancelled")
    later = _event(_ics(later_plan, now=datetime(2026, 12, 1, 9, 5)))
    assert str(later["STATUS"]) == "CANCELLED" and str(first["STATUS"]) != "CANCELLED"
    assert int(later["SEQUENCE"]) > int(first["SEQUENCE"]) >= 0
    assert int(later["SEQUENCE"]) < 2**31


def test_ics_unknown_time_zone_is_one_clear_line() -> None:
    from reports import ReportError

    for zone in ("Mars/Olympus", "../../etc/passwd", "", "Asia/Shang\x00hai"):
        plan = hostile_plan()
        assert plan.hospital is not None
        plan.hospital = replace(plan.hospital, timezone=zone)
        with pytest.raises(ReportError) as info:
            _ics(plan)
        message = str(info.value)
        assert "time zone" in message and "\n" not in message and "\x00" not in message


# --- Property tests: random hostile strings through every output --------------------------------

_pieces = st.sampled_from(
    [
        IMG,
        "<i>",
        "</b>",
        "A<b>bold",
        "&amp;",
        "&#0;",
        "<br/>",
        "=1+1",
        "@",
        "-",
        "+",
        "\\N",
        "\\",
        ";",
        ",",
        "\r",
        "\n",
        "\t",
    ]
)
_alphabet = st.characters(
    codec=None,
    exclude_categories=("Mn", "Me", "Mc", "Cf", "Co", "Cn"),  # marks and format characters: see below
)
# Marks and invisible format characters (combining accents, zero-width joiners, bidi controls) are
# drawn, but a PDF text extractor may merge or drop them; they are left to the cases above.
_short = st.one_of(
    st.text(_alphabet, min_size=1, max_size=40),
    st.lists(
        st.one_of(_pieces, st.text(_alphabet, max_size=8), st.sampled_from(["中", "医", "夜", "市"])),
        min_size=1,
        max_size=12,
    ).map("".join),
    st.text(st.sampled_from("\x00\x01\x1b\x7f\ud800\udfff\ufffe\uffff\r\n\t x中"), min_size=1, max_size=20),
).filter(bool)  # a name is never empty (the plan file requires one)
_long = st.builds(lambda piece, n: (piece * (n // len(piece) + 1))[:n], _short, st.integers(300, 3000))
hostile = st.one_of(_short, _long)

FEW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(staff=hostile, title=hostile, partner=hostile)
@example(staff="0", title="0", partner="0\r" * 150)  # line breaks in a name on the certificate
def test_pdfs_never_crash_and_show_the_text(staff: str, title: str, partner: str) -> None:
    values = {"staff": staff, "title": title, "partner": partner}
    for name, data in render_pdfs(hostile_plan(**values)).items():
        text = pdf_text(data)
        for what in SHOWN[name]:
            assert shows(text, values[what]), (name, what, values[what])


@settings(max_examples=25, deadline=None)
@given(staff=hostile, partner=hostile)
def test_workbook_cells_read_back_as_the_same_text(staff: str, partner: str) -> None:
    plan = hostile_plan(staff=staff, partner=partner)
    wb = _workbook(plan)
    assert wb["Busiest people"]["A2"].value == clean(staff)
    assert wb["Pairings"]["B2"].value == clean(partner) and wb["Pairings"]["A2"].value == clean(partner)
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)


@settings(max_examples=25, deadline=None)
@given(staff=hostile, title=hostile, partner=hostile)
def test_ics_reads_back_as_the_same_text(staff: str, title: str, partner: str) -> None:
    data = _ics(hostile_plan(staff=staff, title=title, partner=partner))
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = _event(data)
    assert str(event["SUMMARY"]) == clean(title) and str(event["LOCATION"]) == clean(title)
    description = str(event["DESCRIPTION"])
    assert f"Lead: {clean(staff)}" in description and f"Partner: {clean(partner)}" in description


@settings(max_examples=25, deadline=None)
@given(staff=hostile, title=hostile, partner=hostile)
def test_command_line_sentences_hold_the_names_as_given(staff: str, title: str, partner: str) -> None:
    # messages.py makes plain text (no markup to escape): the names come out exactly as given.
    plan = hostile_plan(staff=staff, title=title, partner=partner)
    conflicts = check(CheckContext(plan, _calendar(plan), datetime(2026, 12, 20)))
    kinds = {c.kind for c in conflicts}
    assert {"unqualified", "no_lead", "pairing_behind_plan", "understaffed"} <= kinds
    for c in conflicts:
        text = describe(c, plan)
        shown = {"unqualified": staff, "no_lead": title, "pairing_behind_plan": partner}.get(c.kind)
        assert shown is None or shown in text, (c.kind, text)
    u = Unfilled("a1", DAY, "consult", 0, 1, "all_busy_or_away", "ortho", "physician")
    assert title in describe_unfilled(u, plan) and partner in describe_unfilled(u, plan)
