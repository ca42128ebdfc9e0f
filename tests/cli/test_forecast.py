"""`forecast --year` as a user runs it: JSON with the contract's keys and the fixes' text, the
summary, an .xlsx whose hostile names stay text, and one line with exit 2 when it cannot run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.operations import database_hash
from db.store import Store
from tests.helpers import sample

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    doc = sample()
    # Two ECG technicians with 2 h a month for four Saturdays of ECG screening in March 2027.
    doc["departments"].append({"id": "ecgroom", "name": '=HYPERLINK("x")心电图室', "min_on_duty": 0})
    doc["staff"] += [
        {
            "id": f"e{i}",
            "name": f"技师{i}",
            "department": "ecgroom",
            "qualifications": ["ecg"],
            "max_hours_month": 2,
        }
        for i in (1, 2)
    ]
    doc["activities"].append(
        {
            "id": "ecg",
            "title": "心电图筛查",
            "start": "2027-03-06T09:00",
            "end": "2027-03-06T11:00",
            "rrule": "FREQ=WEEKLY;COUNT=4",
            "stations": [
                {"id": "s", "name": "筛查", "needs": [{"department": "ecgroom", "qualification": "ecg"}]}
            ],
        }
    )
    path, plan = tmp_path / "a.db", tmp_path / "p.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run("--db", str(path), "import", str(plan))
    assert r.returncode == 0, r.stderr
    return path


def _hash(path: Path) -> str:
    with Store(path, readonly=True) as s:
        return database_hash(s)


def test_json_text_and_workbook(db: Path, tmp_path: Path) -> None:
    before = _hash(db)
    r = run("--db", str(db), "--lang", "en", "forecast", "--year", "2027", "--today", "2026-12-01", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["year"] == 2027 and isinstance(doc["bound_hours"], float)
    march = [p for p in doc["pools"] if p["qualification"] == "ecg" and p["month"] == "2027-03"]
    assert march and all(
        p["short_hours"] == max(0.0, p["needed_hours"] - p["available_hours"]) for p in march
    )
    assert max(p["short_hours"] for p in march) == 4.0
    for p in doc["pools"]:
        assert p["short_hours"] >= max(0.0, round(p["needed_hours"] - p["available_hours"], 2))
    fixes = [x for x in doc["fixes"] if x["qualification"] == "ecg"]
    assert fixes and all(x["month"] == "2027-03" and "short by 4 h" in x["text"] for x in fixes)
    text = run("--db", str(db), "--lang", "en", "forecast", "--year", "2027", "--today", "2026-12-01")
    assert text.returncode == 0 and "2027-03" in text.stdout and "short 4 h" in text.stdout
    out = tmp_path / "f.xlsx"
    assert run("--db", str(db), "forecast", "--year", "2027", "-o", str(out)).returncode == 0
    wb = load_workbook(out)
    assert len(wb.sheetnames) == 4
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    hostile = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert hostile and all(c.data_type == "s" for c in hostile)
    assert _hash(db) == before


@pytest.mark.parametrize(
    "args",
    [
        ("--year", "1999"),
        ("--year", "soon"),
        ("--year", "2027", "-o", "x.csv"),
        ("--year", "2027", "-o", "/no/such/folder/x.xlsx"),
    ],
)
def test_refusals_are_one_line(db: Path, args: tuple[str, ...]) -> None:
    r = run("--db", str(db), "--lang", "en", "forecast", *args)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_no_database_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert run("--db", str(missing), "forecast", "--year", "2027").returncode == 2 and not missing.exists()
