"""Hostile and odd plan files (issue 14, defects 3, 8, 12): each is refused whole with every
problem named by its JSON path, never an internal error, and the database stays byte for byte
as it was; what an older version stored (a year written as "1") can still be exported and
corrected."""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.operations import database_hash, import_document
from db.planio import load_plan
from db.store import Store
from scheduler.exchange.planfile.document import parse_document, parse_plan
from scheduler.exchange.planfile.guard import MAX_DEPTH, load_json
from scheduler.exchange.planfile.problems import MAX_PROBLEMS, PlanError, Problem
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.office.recording import record_problems
from scheduler.plan.model import Attendance, Record
from scheduler.plan.validation import (
    MAX_ATTENDED_HOURS,
    MAX_HOURS_MONTH,
    MAX_PEOPLE_SERVED,
    RANGE_REASON,
    stored_date,
    stored_datetime,
)
from tests.helpers import sample, sample_text

ROOT = Path(__file__).resolve().parents[3]


def _problems(data: Any) -> list[Problem]:
    with pytest.raises(PlanError) as info:
        if isinstance(data, (str, bytes)):
            parse_document(data)
        else:
            parse_plan(data)
    problems = info.value.problems
    for p in problems:
        # Every problem prints, and as UTF-8 (a lone surrogate would not encode).
        str(p).encode("utf-8")
    return problems


def _at(doc: dict, path: list, value: Any) -> dict:
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value
    return doc


def _json_path(path: list) -> str:
    out = "$"
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


# ---------------------------------------------------------------- dates (defect 3)

DATE_KEYS = [
    (["activities", 0, "start"], "moment"),
    (["activities", 0, "end"], "moment"),
    (["activities", 0, "exdates", 0], "day"),
    (["activities", 0, "moved", 0, "from"], "day"),
    (["activities", 0, "moved", 0, "start"], "moment"),
    (["activities", 0, "moved", 0, "end"], "moment"),
    (["activities", 0, "rotation", 0, "occurrence"], "day"),
    (["unavailability", 0, "start"], "moment"),
    (["unavailability", 0, "end"], "moment"),
    (["pairings", 0, "start"], "day"),
    (["pairings", 0, "end"], "day"),
    (["requests", 0, "received"], "moment"),
    (["requests", 0, "preferred", 0, "start"], "moment"),
    (["requests", 0, "preferred", 0, "end"], "moment"),
    (["assignments", 0, "occurrence"], "day"),
    (["records", 0, "occurrence"], "day"),
    (["records", 0, "recorded_at"], "moment"),
    (["calendar", 0, "date"], "day"),
]


@pytest.mark.parametrize(
    ("path", "kind"), DATE_KEYS, ids=lambda v: _json_path(v) if isinstance(v, list) else v
)
@pytest.mark.parametrize("when", ["early", "late", "year1", "year9999"])
def test_every_date_key_refuses_dates_out_of_range(path: list, kind: str, when: str) -> None:
    value = {
        "early": ("1999-12-31", "1999-12-31T23:59"),
        "late": ("2101-01-01", "2101-01-01T00:00"),
        "year1": ("0001-01-01", "0001-01-01T00:00"),
        "year9999": ("9999-12-31", "9999-12-31T23:59"),
    }[when][kind == "moment"]
    problems = _problems(_at(sample(), path, value))
    assert any(p.path == _json_path(path) and p.reason == RANGE_REASON for p in problems), problems


def test_the_range_ends_are_allowed() -> None:
    doc = sample()
    doc["calendar"] = [{"date": "2000-01-01", "kind": "holiday"}, {"date": "2100-12-31", "kind": "holiday"}]
    doc["unavailability"][0].update(start="2000-01-01T00:00", end="2100-12-31T23:59")
    plan = parse_plan(doc).plan
    assert len(plan.calendar) == 2


# ---------------------------------------------------------------- types and ranges (defect 8)


def _text_with(old: str, new: str) -> str:
    text = sample_text()
    assert old in text
    return text.replace(old, new, 1)


NUMBERS = [
    ("served 10^30", '"served": 180', '"served": 1' + "0" * 30, "$.records[0].served", "digits"),
    ("served 10^19", '"served": 180', '"served": 1' + "0" * 19, "$.records[0].served", "at most"),
    (
        "served above the maximum",
        '"served": 180',
        f'"served": {MAX_PEOPLE_SERVED + 1}',
        "$.records[0].served",
        "at most",
    ),
    (
        "a count of 10^20",
        '"blood_pressure": 60',
        '"blood_pressure": 1' + "0" * 20,
        "$.records[0].services.blood_pressure",
        "digits",
    ),
    (
        "a 5,000-digit number",
        '"served": 180',
        '"served": ' + "9" * 5000,
        "$.records[0].served",
        "5000 digits",
    ),
    ("1e308 hours", '"hours": 3.0', '"hours": 1e308', "$.records[0].attended[0].hours", "at most 24"),
    ("25 hours", '"hours": 3.0', '"hours": 25', "$.records[0].attended[0].hours", "at most 24"),
    ("no hours", '"hours": 3.0', '"hours": 0', "$.records[0].attended[0].hours", "above 0"),
    ("1e999 hours", '"hours": 3.0', '"hours": 1e999', "$.records[0].attended[0].hours", "too large"),
    ("NaN hours", '"hours": 3.0', '"hours": NaN', "$.records[0].attended[0].hours", "NaN"),
    ("Infinity served", '"served": 180', '"served": Infinity', "$.records[0].served", "Infinity"),
    (
        "-Infinity share",
        '"share_60_plus": 0.23',
        '"share_60_plus": -Infinity',
        "$.partners[0].share_60_plus",
        "NaN",
    ),
    (
        "cap of hours a month",
        '"max_hours_month": 16',
        '"max_hours_month": 1e300',
        "$.staff[0].max_hours_month",
        "at most",
    ),
    ("population", '"population": 8200', '"population": 1' + "0" * 18, "$.partners[0].population", "at most"),
    (
        "visits per year",
        '"visits_per_year": 12',
        '"visits_per_year": 100000',
        "$.pairings[0].visits_per_year",
        "at most",
    ),
    ("audience", '"audience": 100', '"audience": 99999999999', "$.requests[0].audience", "at most"),
    ("min on duty", '"min_on_duty": 3', '"min_on_duty": 10000000', "$.departments[0].min_on_duty", "at most"),
    ("need count", '"count": 2', '"count": 5000', "$.activities[0].stations[0].needs[0].count", "at most"),
    (
        "duration",
        '"duration_minutes": 90',
        '"duration_minutes": 100000',
        "$.services[0].duration_minutes",
        "at most",
    ),
]


@pytest.mark.parametrize(("label", "old", "new", "path", "reason"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_numbers_beyond_meaning_are_refused(label: str, old: str, new: str, path: str, reason: str) -> None:
    problems = _problems(_text_with(old, new))
    assert any(p.path == path and reason in p.reason for p in problems), problems


def test_the_maxima_themselves_are_allowed() -> None:
    doc = sample()
    doc["records"][0]["served"] = MAX_PEOPLE_SERVED
    doc["records"][0]["attended"][0]["hours"] = MAX_ATTENDED_HOURS
    doc["staff"][0]["max_hours_month"] = MAX_HOURS_MONTH
    rec = next(iter(parse_plan(doc).plan.records.values()))
    assert rec.served == MAX_PEOPLE_SERVED and rec.attended[0].hours == 24


def test_deep_nesting_is_refused() -> None:
    deep = '{"format": "outreach-plan", "version": 1, "x_deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    problems = _problems(deep)
    assert len(problems) == 1 and "nested more than" in problems[0].reason
    just_over = (
        '{"format": "outreach-plan", "version": 1, "x_deep": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}"
    )
    problems = _problems(just_over)
    assert problems[0].path.startswith("$.x_deep[0][0]") and "nested more than" in problems[0].reason
    # Unknown keys may nest, within the limit, and are kept.
    fine = '{"format": "outreach-plan", "version": 1, "x_deep": ' + "[" * 20 + "]" * 20 + "}"
    assert parse_document(fine).plan.extra["x_deep"] is not None


def test_lone_surrogates_are_refused() -> None:
    escaped = _text_with('"name": "金伟"', '"name": "金\\ud800伟"')
    problems = _problems(escaped)
    assert [p.path for p in problems] == ["$.staff[0].name"] and "surrogate" in problems[0].reason
    assert "\\ud800" in str(problems[0])
    # The same surrogate written into the bytes as UTF-8 (which strict UTF-8 forbids).
    raw = (
        _text_with('"name": "金伟"', '"name": "SURROGATE"')
        .encode("utf-8")
        .replace(b"SURROGATE", b"\xed\xa0\x80")
    )
    problems = _problems(raw)
    assert problems[0].path == "$" and "UTF-8" in problems[0].reason
    # In a key.
    problems = _problems(_text_with('"name": "金伟"', '"name": "金伟", "x_\\udc00": 1'))
    assert problems[0].path == '$.staff[0]["x_\\udc00"]' and "surrogate" in problems[0].reason


def test_a_byte_order_mark_is_allowed() -> None:
    plan = parse_document(b"\xef\xbb\xbf" + sample_text().encode("utf-8")).plan
    assert "s001" in plan.staff


# ---------------------------------------------------------------- odd input (defect 12)


def test_duplicate_keys_are_refused_everywhere() -> None:
    text = _text_with('"name": "金伟"', '"name": "金伟", "name": "李四"')
    text = text.replace('"format": "outreach-plan"', '"format": "outreach-plan", "format": "outreach-plan"')
    problems = _problems(text)
    assert {p.path for p in problems} == {"$.format", "$.staff[0].name"}
    assert all("named twice" in p.reason for p in problems)


def test_nul_characters_are_refused() -> None:
    problems = _problems(_text_with('"name": "金伟"', '"name": "金\\u0000伟"'))
    assert [(p.path, p.reason) for p in problems] == [("$.staff[0].name", "contains a NUL character")]
    problems = _problems(_text_with('"id": "s001"', '"id": "s001\\u0000"'))
    assert problems[0].path == "$.staff[0].id" and "NUL" in problems[0].reason
    # A NUL in a document given as an object (a field package's plan) is refused too.
    doc = _at(sample(), ["partners", 0, "name"], "友谊\x00社区")
    assert _problems(doc)[0].path == "$.partners[0].name"


def test_ids_are_trimmed_and_normalised_where_read_and_referred_to() -> None:
    doc = sample()
    doc["staff"][0]["id"] = "  s001 "
    doc["assignments"][0]["staff"] = "s001\u3000"  # an ideographic space
    decomposed = unicodedata.normalize("NFD", "café")
    doc["campuses"][0]["id"] = decomposed
    doc["departments"][0]["campus"] = "café"
    doc["departments"][1]["campus"] = " café"
    plan = parse_plan(doc).plan
    assert "s001" in plan.staff and "café" in plan.campuses
    assert next(iter(plan.assignments.values())).staff == "s001"
    assert plan.departments["ortho"].campus == "café"


@pytest.mark.parametrize(
    ("first", "second"),
    [("s001", "s001 "), ("s001", " s001"), ("é", unicodedata.normalize("NFD", "é"))],
)
def test_ids_equal_after_normalisation_collide(first: str, second: str) -> None:
    doc = sample()
    doc["staff"][0]["id"] = first
    doc["staff"][1]["id"] = second
    problems = _problems(doc)
    assert any(
        p.path == "$.staff[1]" and "duplicate id" in p.reason and "$.staff[0]" in p.reason for p in problems
    )


@pytest.mark.parametrize(
    ("value", "reason"), [("   ", "non-empty"), ("a\tb", "control"), ("x" * 201, "at most")]
)
def test_unusable_ids_are_refused(value: str, reason: str) -> None:
    problems = _problems(_at(sample(), ["partners", 0, "id"], value))
    assert any(p.path == "$.partners[0].id" and reason in p.reason for p in problems)


def test_unknown_service_key_is_refused_with_the_known_ones_named() -> None:
    doc = sample()
    doc["records"][0]["services"]["blod_pressure"] = 3
    problems = _problems(doc)
    assert [p.path for p in problems] == ["$.records[0].services.blod_pressure"]
    assert "blood_pressure" in problems[0].reason and "blood_sugar" in problems[0].reason


def test_a_refused_record_does_not_cascade() -> None:
    """An activity refused for its start is one problem, not one more per reference to it."""
    problems = _problems(_at(sample(), ["activities", 0, "start"], "0001-01-01T00:00"))
    assert [p.path for p in problems] == ["$.activities[0].start"]


# ---------------------------------------------------------------- the database stays as it was


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _seeded(path: Path) -> None:
    with Store(path) as store:
        import_document(store, sample_text())


HOSTILE = {
    "year 1": _text_with('"start": "2026-12-03T18:00"', '"start": "0001-01-01T00:00"'),
    "unavailability 0001..9999": _text_with(
        '"start": "2026-12-01T08:00", "end": "2026-12-01T17:30"',
        '"start": "0001-01-01T00:00", "end": "9999-12-31T23:59"',
    ),
    "minutely": _text_with("FREQ=WEEKLY;BYDAY=TH;COUNT=10", "FREQ=MINUTELY"),
    "never": _text_with("FREQ=WEEKLY;BYDAY=TH;COUNT=10", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"),
    "two a day": _text_with("FREQ=WEEKLY;BYDAY=TH;COUNT=10", "FREQ=DAILY;BYHOUR=9,14"),
    "served 10^30": _text_with('"served": 180', '"served": 1' + "0" * 30),
    "5,000 digits": _text_with('"served": 180', '"served": ' + "9" * 5000),
    "deep": '{"format": "outreach-plan", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "surrogate": _text_with('"name": "金伟"', '"name": "\\udfff"'),
    "1e308 hours": _text_with('"hours": 3.0', '"hours": 1e308'),
    "NaN": _text_with('"hours": 3.0', '"hours": NaN'),
    "duplicate key": _text_with('"name": "金伟"', '"name": "金伟", "name": "x"'),
    "NUL": _text_with('"name": "金伟"', '"name": "\\u0000"'),
    "ids colliding": _text_with('"id": "s002"', '"id": "s001 "'),
    "unknown service": _text_with('"blood_pressure": 60', '"blood_presure": 60'),
    "a 40-day occurrence": _text_with('"end": "2026-12-03T21:00"', '"end": "2027-01-12T21:00"'),
}


@pytest.mark.parametrize("label", list(HOSTILE))
def test_refused_import_leaves_the_database_byte_for_byte(tmp_path: Path, label: str) -> None:
    path = tmp_path / "plan.sqlite3"
    _seeded(path)
    with Store(path) as store:
        before = database_hash(store)
    file_before = _file_hash(path)
    with Store(path) as store:
        with pytest.raises(PlanError) as info:
            import_document(store, HOSTILE[label])
        assert info.value.problems and all(p.path.startswith("$") for p in info.value.problems)
        assert database_hash(store) == before
    assert _file_hash(path) == file_before


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.mark.parametrize("label", ["year 1", "surrogate", "deep", "5,000 digits", "NaN", "minutely"])
def test_cli_names_every_problem_in_lines_without_traceback(tmp_path: Path, label: str) -> None:
    db = tmp_path / "plan.sqlite3"
    _seeded(db)
    before = _file_hash(db)
    bad = tmp_path / "bad.json"
    bad.write_text(HOSTILE[label], encoding="utf-8", errors="surrogatepass")
    r = _run("--db", str(db), "import", str(bad))
    assert r.returncode == 2, r.stderr
    lines = r.stderr.splitlines()
    assert lines[0].startswith("error: ") and "nothing changed" in lines[0]
    assert len(lines) >= 2 and all(line.startswith("  $") for line in lines[1:])
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert _file_hash(db) == before


# ---------------------------------------------------------------- what an older version stored


def test_stored_values_are_read_back_whatever_their_year() -> None:
    assert stored_datetime("1-01-01T00:00").year == 1
    assert stored_datetime("2026-12-03T18:00").hour == 18
    assert stored_date("1-01-01").year == 1
    assert stored_date("9999-12-31").year == 9999
    with pytest.raises(ValueError):
        stored_datetime("yesterday")


def _age(path: Path) -> None:
    """Rows as a version without the date range stored them (strftime drops the zeros)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            """UPDATE activities SET start = '1-01-01T00:00', "end" = '1-01-01T03:00' WHERE id = 'a1'"""
        )
        conn.execute("""UPDATE unavailability SET start = '1-01-01T00:00', "end" = '9999-12-31T23:59'""")
    conn.close()


def test_year_one_in_the_database_exports_and_is_corrected_by_import(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _seeded(path)
    _age(path)
    with Store(path) as store:
        exported = dump_document(plan_to_document(load_plan(store)))
        doc = json.loads(exported)
        assert doc["activities"][0]["start"] == "0001-01-01T00:00"
        assert doc["unavailability"][0]["end"] == "9999-12-31T23:59"
        before = database_hash(store)
        # Imported back as it is, it is refused, by path, and nothing changes.
        with pytest.raises(PlanError) as info:
            import_document(store, exported)
        paths = {p.path for p in info.value.problems}
        assert {"$.activities[0].start", "$.unavailability[0].start", "$.unavailability[0].end"} <= paths
        assert database_hash(store) == before
        # Corrected, it is taken.
        doc["activities"][0].update(start="2026-12-03T18:00", end="2026-12-03T21:00")
        doc["unavailability"] = []
        import_document(store, json.dumps(doc, ensure_ascii=False))
        plan = load_plan(store)
        assert plan.activities["a1"].start.year == 2026


def test_year_one_in_the_database_keeps_every_command_working(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    _seeded(db)
    _age(db)
    out = tmp_path / "out.json"
    r = _run("--db", str(db), "export", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert '"0001-01-01T00:00"' in out.read_text(encoding="utf-8")
    r = _run("--db", str(db), "check", "--today", "2026-12-01")
    assert r.returncode in (0, 1), r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["activities"][0].update(start="2026-12-03T18:00", end="2026-12-03T21:00")
    doc["unavailability"][0].update(start="2026-12-01T08:00", end="2026-12-01T17:30")
    fixed = tmp_path / "fixed.json"
    fixed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = _run("--db", str(db), "import", str(fixed))
    assert r.returncode == 0, r.stderr


def test_load_json_is_the_door_for_other_documents() -> None:
    """Field packages read their JSON with load_json too: the same refusals, by path."""
    with pytest.raises(PlanError) as info:
        load_json(b'{"format": "outreach-field", "records": [{"a": 1, "a": 2}], "n": NaN}')
    assert {p.path for p in info.value.problems} == {"$.records[0].a", "$.n"}
    assert load_json('{"ok": [1, 2.5, "x"]}') == {"ok": [1, 2.5, "x"]}


def test_an_occurrence_lasts_at_most_a_month() -> None:
    """A century-long occurrence (in range, but absurd) would make every check walk each day."""
    problems = _problems(_at(sample(), ["activities", 0, "end"], "2100-12-03T21:00"))
    assert [(p.path, p.reason) for p in problems] == [
        ("$.activities[0].end", "an occurrence lasts at most 31 days")
    ]
    problems = _problems(_at(sample(), ["activities", 0, "moved", 0, "end"], "2027-02-11T21:00"))
    assert problems[0].path == "$.activities[0].moved[0].end"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (Record("a1", date(2026, 12, 3), served=MAX_PEOPLE_SERVED + 1), "served"),
        (Record("a1", date(2026, 12, 3), services=(("ecg", 10**20),)), "services.ecg"),
        (Record("a1", date(2026, 12, 3), attended=(Attendance("s001", 1e308),)), "attended.s001"),
        (Record("a1", date(2026, 12, 3), attended=(Attendance("s001", math.nan),)), "attended.s001"),
        (Record("a1", date(2026, 12, 3), attended=(Attendance("s001", math.inf),)), "attended.s001"),
    ],
)
def test_record_problems_hold_the_same_maxima(record: Record, field: str) -> None:
    """Every door that saves a record (form, record file, field package) runs record_problems."""
    plan = parse_document(sample_text()).plan
    assert field in [f for f, _ in record_problems(record, plan)]
    assert record_problems(Record("a1", date(2026, 12, 3), served=MAX_PEOPLE_SERVED), plan) == []


def test_a_flood_of_problems_is_listed_up_to_a_limit() -> None:
    doc = sample()
    doc["staff"] = [{"id": f"s{i}", "name": 5} for i in range(MAX_PROBLEMS + 500)]
    problems = _problems(doc)
    assert len(problems) == MAX_PROBLEMS + 1 and "more problems" in problems[-1].reason
    text = '{"format": "outreach-plan", "version": 1, "x": [' + ",".join(["NaN"] * 5000) + "]}"
    problems = _problems(text)
    assert len(problems) == MAX_PROBLEMS + 1 and "more problems" in problems[-1].reason


@pytest.mark.parametrize(
    "rule", ["FREQ=MINUTELY", "FREQ=SECONDLY", "FREQ=DAILY;BYHOUR=9,14", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"]
)
def test_a_runaway_rule_in_the_database_stays_inert(tmp_path: Path, rule: str) -> None:
    """Stored by an older version: check and export run (bounded), and the exported file,
    imported back, names the rule to be corrected."""
    db = tmp_path / "old.sqlite3"
    _seeded(db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE activities SET rrule = ? WHERE id = 'a1'", (rule,))
    conn.close()
    r = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "check", "--today", "2026-12-01"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,  # the old expansion ran for minutes and past a gigabyte
    )
    assert r.returncode in (0, 1), r.stderr
    with Store(db) as store:
        exported = dump_document(plan_to_document(load_plan(store)))
        with pytest.raises(PlanError) as info:
            import_document(store, exported)
    assert any(p.path == "$.activities[0].rrule" for p in info.value.problems)
