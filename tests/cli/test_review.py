"""`review --week` as a user runs it: JSON with the contract's keys, the text summary, a PDF and a
PNG written, and one line with exit 2 for a bad week, a bad file name or a missing database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from db.operations import database_hash
from db.store import Store
from tests.helpers import sample_text

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    plan = tmp_path / "p.json"
    plan.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(path), "import", str(plan)).returncode == 0
    return path


def _hash(path: Path) -> str:
    with Store(path, readonly=True) as s:
        return database_hash(s)


def test_json_and_text(db: Path) -> None:
    before = _hash(db)
    r = run("--db", str(db), "review", "--week", "2026-W49", "--today", "2026-12-20", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["week"], doc["from"], doc["to"]) == ("2026-W49", "2026-11-30", "2026-12-06")
    assert (doc["held"], doc["served"], doc["hours"], doc["people"]) == (1, 180, 3.0, 1)
    assert doc["requests"]["answered"] == 1 and doc["ahead"]["occurrences"] == 1
    for key in ("called_off", "moved", "not_recorded", "open_places"):
        assert isinstance(doc[key], int)
    # The statistics say the same (the year holds this one record only).
    s = run("--db", str(db), "stats", "--year", "2026", "--json")
    totals = json.loads(s.stdout)["totals"]
    assert (totals["served"], totals["hours"], totals["occurrences"]) == (
        doc["served"],
        doc["hours"],
        doc["held"],
    )
    r = run("--lang", "en", "--db", str(db), "review", "--today", "2026-12-20", "--week", "2026-w49")
    assert r.returncode == 0 and "week 2026-W49" in r.stdout and "people served 180" in r.stdout
    assert _hash(db) == before


def test_pdf_and_png(db: Path, tmp_path: Path) -> None:
    pdf, png = tmp_path / "w.pdf", tmp_path / "w.png"
    assert (
        run("--db", str(db), "--lang", "zh_CN", "review", "--week", "2026-W49", "-o", str(pdf)).returncode
        == 0
    )
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1 and "周复盘" in reader.pages[0].extract_text()
    assert run("--db", str(db), "review", "--week", "2026-W49", "-o", str(png)).returncode == 0
    with Image.open(png) as im:
        assert im.width == 1080 and im.height > 400  # a page, its empty foot cut


@pytest.mark.parametrize(
    "args",
    [
        ("--week", "2026-W54"),
        ("--week", "1999-W52"),
        ("--week", "2026-12-01"),
        ("--week", "2026-W49", "-o", "x.txt"),
        ("--week", "2026-W49", "-o", "/no/such/folder/x.pdf"),
        ("--week", "2026-W49", "--today", "2026-13-01"),
    ],
)
def test_refusals_are_one_line(db: Path, args: tuple[str, ...]) -> None:
    before = _hash(db)
    r = run("--db", str(db), "--lang", "en", "review", *args)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert _hash(db) == before


def test_a_week_past_the_years_last_is_named(db: Path) -> None:
    """2027 has 52 ISO weeks, 2026 and 2020 have 53: W53 of 2027 is refused saying so."""
    r = run("--db", str(db), "--lang", "en", "review", "--week", "2027-W53")
    assert r.returncode == 2 and "2027 has 52 ISO weeks" in r.stderr
    assert run("--db", str(db), "review", "--week", "2026-W53").returncode == 0
    r = run("--db", str(db), "--lang", "en", "review", "--week", "2025-W10", "--today", "2026-12-20")
    assert r.returncode == 0 and "This week lies before the plan" in r.stdout


def test_no_database_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    r = run("--db", str(missing), "review", "--week", "2026-W49")
    assert r.returncode == 2 and not missing.exists()
