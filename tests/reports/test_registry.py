"""The roster registry: each kind declared once, used by the command line (choices, messages) and
open to a menu (label, needs, window)."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.document import translator
from reports.registry import BRANCH, OCCURRENCE, ROSTERS, STAFF, WINDOW, RosterArgs, RosterError
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.planfile.document import parse_document
from tests.helpers import sample_text

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 9)  # a Wednesday
PRINTED = datetime(2026, 11, 23, 10, 0)


def _plan_and_calendar():  # noqa: ANN202
    plan = parse_document(sample_text()).plan
    return plan, WorkCalendar(official_calendar(), plan.calendar.values())


def test_every_kind_has_a_translated_label_and_known_needs() -> None:
    zh = translator("zh_CN")
    assert list(ROSTERS) == ["occurrence", "week", "person", "branch-month", "sign-in", "annual"]
    for kind in ROSTERS.values():
        assert zh(kind.label) != kind.label, kind.name
        assert set(kind.needs) <= {OCCURRENCE, STAFF, BRANCH, WINDOW}
        assert (WINDOW in kind.needs) == (kind.period is not None)


@pytest.mark.parametrize(
    "kind,args,window",
    [
        ("week", {}, (date(2026, 12, 7), date(2026, 12, 13))),
        ("week", {"start": date(2027, 1, 3)}, (date(2026, 12, 28), date(2027, 1, 3))),
        ("branch-month", {"start": date(2027, 2, 14)}, (date(2027, 2, 1), date(2027, 2, 28))),
        ("annual", {}, (date(2026, 1, 1), date(2026, 12, 31))),
        ("person", {}, (date(2026, 12, 1), date(2026, 12, 31))),
        ("person", {"start": date(2026, 12, 5)}, (date(2026, 12, 5), date(2026, 12, 31))),
        (
            "person",
            {"start": date(2026, 12, 5), "end": date(2027, 1, 4)},
            (date(2026, 12, 5), date(2027, 1, 4)),
        ),
    ],
)
def test_windows(kind: str, args: dict, window: tuple[date, date]) -> None:
    w = ROSTERS[kind].window(RosterArgs(today=TODAY, **args))
    assert (w.start, w.end) == window


@pytest.mark.parametrize(
    "kind,args,need,reason,cli_words",
    [
        (
            "occurrence",
            {},
            OCCURRENCE,
            "missing",
            "roster occurrence needs --activity ID and --occurrence DATE",
        ),
        ("sign-in", {"activity": "a1"}, OCCURRENCE, "missing", "needs --activity ID and --occurrence DATE"),
        (
            "occurrence",
            {"activity": "nope", "occurrence": date(2026, 12, 3)},
            OCCURRENCE,
            "unknown",
            "no activity with id 'nope'",
        ),
        (
            "sign-in",
            {"activity": "a1", "occurrence": date(2026, 12, 31)},
            OCCURRENCE,
            "not_held",
            "activity a1 has no occurrence on '2026-12-31'",
        ),
        ("person", {}, STAFF, "missing", "roster person needs --staff ID"),
        ("person", {"staff": "nobody"}, STAFF, "unknown", "no staff member with id 'nobody' (--staff ID)"),
        ("branch-month", {}, BRANCH, "missing", "roster branch-month needs --branch ID"),
        ("branch-month", {"branch": "x\ny"}, BRANCH, "unknown", "no party branch with id 'x\\ny'"),
        (
            "person",
            {"staff": "s003", "start": date(2026, 12, 9), "end": date(2026, 12, 1)},
            WINDOW,
            "reversed",
            "the window ends before it starts",
        ),
    ],
)
def test_missing_or_unknown_arguments_are_named(kind, args, need, reason, cli_words) -> None:  # noqa: ANN001
    plan, cal = _plan_and_calendar()
    with pytest.raises(RosterError) as info:
        ROSTERS[kind].check(plan, cal, RosterArgs(today=TODAY, **args))
    err = info.value
    assert (err.need, err.reason) == (need, reason)
    names = {OCCURRENCE: "--activity ID and --occurrence DATE", STAFF: "--staff ID", BRANCH: "--branch ID"}
    message = err.message(names, title=f"roster {kind}")
    assert cli_words in message and "\n" not in message
    # A menu names the argument its own way, in its language.
    zh = err.message(t=translator("zh_CN"), title="X")
    assert "X" in zh and zh != err.message(title="X")


def test_each_kind_renders_its_document_through_the_registry() -> None:
    plan, cal = _plan_and_calendar()
    args = RosterArgs(
        today=TODAY, activity="a1", occurrence=date(2026, 12, 3), staff="s003", branch="b-ortho"
    )
    zh = translator("zh_CN")
    for kind in ROSTERS.values():
        kind.check(plan, cal, args)
        buf = io.BytesIO()
        kind.render(buf, plan, cal, args, zh, PRINTED)
        reader = PdfReader(io.BytesIO(buf.getvalue()))
        text = "".join(p.extract_text() for p in reader.pages)
        assert zh(kind.label) in text, kind.name  # its title in the page header
        landscape = reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
        assert landscape == kind.wide, kind.name


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_command_line_takes_its_choices_and_messages_from_the_registry(tmp_path) -> None:
    db, plan = tmp_path / "a.db", tmp_path / "p.json"
    plan.write_text(sample_text(), encoding="utf-8")
    assert _run("--db", str(db), "import", str(plan)).returncode == 0
    help_text = _run("roster", "--help").stdout
    for kind in ROSTERS.values():
        assert kind.name in help_text and kind.label in help_text
    out = tmp_path / "r.pdf"
    r = _run("--db", str(db), "roster", "nonsense", "-o", str(out))
    assert r.returncode == 2 and "invalid choice" in r.stderr
    for args, words in [
        (["person"], "roster person needs --staff ID"),
        (["person", "--staff", "nobody"], "no staff member with id 'nobody'"),
        (["branch-month"], "roster branch-month needs --branch ID"),
        (["sign-in", "--activity", "a1"], "roster sign-in needs --activity ID and --occurrence DATE"),
        (
            ["occurrence", "--activity", "a1", "--occurrence", "2026-12-31"],
            "has no occurrence on '2026-12-31'",
        ),
    ]:
        r = _run("--db", str(db), "roster", *args, "-o", str(out))
        assert r.returncode == 2 and words in r.stderr and r.stderr.count("\n") == 1, (args, r.stderr)
        assert not out.exists() and not list(tmp_path.glob(".r.pdf.*"))
    r = _run(
        "--db",
        str(db),
        "roster",
        "person",
        "--staff",
        "s003",
        "--from",
        "2026-12-01",
        "-o",
        str(out),
        "--lang",
        "zh_CN",
    )
    assert r.returncode == 0, r.stderr
    assert "共 4 场，12 小时" in "".join(p.extract_text() for p in PdfReader(out).pages)
