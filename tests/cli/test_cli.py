"""The command line as a user runs it: exit codes, messages, and the database left intact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.operations import database_hash
from db.store import Store
from tests.helpers import sample, sample_text

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def _hash(path: Path) -> str:
    with Store(path) as s:
        return database_hash(s)


def test_import_export_round_trip_identical_bytes(tmp_path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(sample_text(), encoding="utf-8")
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert run("--db", str(a), "import", str(plan)).returncode == 0
    assert run("import", str(plan), "--db", str(a)).returncode == 0  # twice = once
    out1, out2 = tmp_path / "1.json", tmp_path / "2.json"
    assert run("--db", str(a), "export", "-o", str(out1)).returncode == 0
    assert run("--db", str(b), "import", str(out1)).returncode == 0
    assert run("--db", str(b), "export", "-o", str(out2)).returncode == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert json.loads(out1.read_text(encoding="utf-8"))["staff"][0]["name"] == "金伟"


BAD_FILES = {
    "not-json": "hello",
    "truncated": sample_text()[: len(sample_text()) // 2],
    "wrong-version": json.dumps({**sample(), "version": 7}),
    "unknown-ref": json.dumps(
        {**sample(), "pairings": [{"id": "x", "branch": "nope", "partner": "p-youyi"}]}
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_exit_2_database_unchanged(tmp_path, name) -> None:
    db = tmp_path / "a.db"
    good = tmp_path / "good.json"
    good.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(db), "import", str(good)).returncode == 0
    before = _hash(db)
    bad = tmp_path / f"{name}.json"
    bad.write_text(BAD_FILES[name], encoding="utf-8")
    result = run("--db", str(db), "import", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("error:")
    assert "nothing changed" in result.stderr
    assert _hash(db) == before


def test_missing_file_and_bad_arguments(tmp_path) -> None:
    r = run("--db", str(tmp_path / "a.db"), "import", str(tmp_path / "nope.json"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "cannot read" in r.stderr
    r = run("--db", str(tmp_path / "a.db"), "demo", "--scale", "galaxy")
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    r = run("--db", str(tmp_path / "a.db"), "export", "-o", str(tmp_path / "no" / "dir" / "x.json"))
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_damaged_database_is_one_line(tmp_path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    r = run("--db", str(db), "export", "-o", str(tmp_path / "x.json"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert db.read_bytes() == b"garbage" * 1000


def test_demo_is_deterministic(tmp_path) -> None:
    outs = []
    for n in (1, 2):
        db = tmp_path / f"{n}.db"
        assert (
            run("--db", str(db), "demo", "--scale", "small", "--seed", "5", "--year", "2026").returncode == 0
        )
        out = tmp_path / f"{n}.json"
        assert run("--db", str(db), "export", "-o", str(out)).returncode == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    doc = json.loads(outs[0])
    assert {d["name"] for d in doc["departments"]} >= {"骨伤科", "针灸科", "康复医学科", "心内科"}


def test_every_command_has_help() -> None:
    from cli.commands import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.description, name
        for action in p._actions:
            assert action.help, f"{name} {action.dest}"


def test_check_json_contract_and_exit_codes(tmp_path) -> None:
    db = tmp_path / "a.db"
    plan = sample()
    # s003 is at the night market on every Thursday; put them on leave for 17 December.
    plan["unavailability"].append(
        {"staff": "s003", "start": "2026-12-17T08:00", "end": "2026-12-17T22:00", "reason": "leave"}
    )
    f = tmp_path / "p.json"
    f.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    assert run("--db", str(db), "import", str(f)).returncode == 0
    r = run("--db", str(db), "check", "--json", "--today", "2026-12-01")
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc) == {"conflicts", "counts"}
    kinds = {c["kind"] for c in doc["conflicts"]}
    assert "staff_unavailable" in kinds and "understaffed" in kinds
    for c in doc["conflicts"]:
        assert set(c) <= {
            "kind",
            "severity",
            "message",
            "occurrences",
            "staff",
            "department",
            "station",
            "partner",
            "pairing",
            "request",
        }
        assert c["severity"] in ("error", "warning") and c["message"]
    away = next(c for c in doc["conflicts"] if c["kind"] == "staff_unavailable")
    assert away["staff"] == "s003" and away["occurrences"] == [{"activity": "a1", "occurrence": "2026-12-17"}]
    assert doc["counts"]["error"] == sum(1 for c in doc["conflicts"] if c["severity"] == "error")
    # A window with no occurrence: no error, exit 0.
    r = run("--db", str(db), "check", "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-11-21")
    assert r.returncode == 0 and r.stdout.strip().endswith("warning(s)")


@pytest.mark.parametrize(
    "args",
    [["--from", "2026-12-10", "--to", "2026-12-01"], ["--from", "12/10/2026"], ["--today", "tomorrow"]],
)
def test_check_bad_arguments_exit_2(tmp_path, args) -> None:
    r = run("--db", str(tmp_path / "a.db"), "check", *args)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_roster_command_writes_pdf_or_exits_2(tmp_path) -> None:
    db = tmp_path / "a.db"
    f = tmp_path / "p.json"
    f.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(db), "import", str(f)).returncode == 0
    out = tmp_path / "r.pdf"
    r = run(
        "--db",
        str(db),
        "roster",
        "occurrence",
        "--activity",
        "a1",
        "--occurrence",
        "2026-12-03",
        "-o",
        str(out),
    )
    assert r.returncode == 0 and out.read_bytes().startswith(b"%PDF")
    bad = tmp_path / "bad.pdf"
    r = run(
        "--db",
        str(db),
        "roster",
        "occurrence",
        "--activity",
        "nope",
        "--occurrence",
        "2026-12-03",
        "-o",
        str(bad),
    )
    assert r.returncode == 2 and "no activity" in r.stderr and not bad.exists()
    assert not list(tmp_path.glob(".bad.pdf.*"))  # no half-written file left behind
    r = run(
        "--db", str(db), "roster", "sign-in", "--activity", "a1", "--occurrence", "2026-12-31", "-o", str(bad)
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and not bad.exists()


@pytest.mark.parametrize(
    "args,needle",
    [
        (["person", "--staff", "nobody"], "--staff"),
        (["branch-month", "--branch", "nope"], "--branch"),
        (["week", "-o", "x.txt"], ".pdf"),
    ],
)
def test_roster_arguments_are_checked(tmp_path, args, needle) -> None:
    f = tmp_path / "p.json"
    f.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(tmp_path / "a.db"), "import", str(f)).returncode == 0
    out = ["-o", str(tmp_path / "r.pdf")] if "-o" not in args else []
    r = run("--db", str(tmp_path / "a.db"), "roster", *args, *out)
    assert r.returncode == 2 and needle in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "r.pdf").exists()


def _error_keys(db: Path, *window: str) -> set[str]:
    r = run("--db", str(db), "check", "--json", "--today", "2026-10-01", *window)
    keys = set()
    for c in json.loads(r.stdout)["conflicts"]:
        if c["severity"] == "error":
            c.pop("message")
            keys.add(json.dumps(c, sort_keys=True))
    return keys


def test_assign_fills_without_new_errors_dry_run_and_twice(tmp_path) -> None:
    db = tmp_path / "a.db"
    # On its today the demo leaves a few places open in the weeks after it.
    assert (
        run("--db", str(db), "demo", "--scale", "small", "--year", "2026", "--today", "2026-09-28").returncode
        == 0
    )
    window = ("--from", "2026-10-01", "--to", "2026-10-31")
    before = _error_keys(db, *window)
    assert any('"understaffed"' in k for k in before)
    untouched = _hash(db)
    dry = run("--db", str(db), "assign", *window, "--json", "--dry-run", "--time-limit", "3")
    assert dry.returncode in (0, 1), dry.stderr
    assert _hash(db) == untouched  # --dry-run changes nothing
    r = run("--db", str(db), "assign", *window, "--json", "--time-limit", "3")
    assert r.returncode in (0, 1), r.stderr
    doc = json.loads(r.stdout)
    assert {"filled", "unfilled", "seconds"} <= set(doc) and doc["filled"] > 0
    assert doc["filled"] == json.loads(dry.stdout)["filled"]
    for u in doc["unfilled"]:
        assert {"activity", "occurrence", "station", "reason"} <= set(u) and u["message"]
    assert (r.returncode == 1) == bool(doc["unfilled"])
    after = _error_keys(db, *window)
    assert not after - before  # no error that was not there before
    assert len(after) < len(before)
    again = run("--db", str(db), "assign", *window, "--json", "--time-limit", "3")
    assert json.loads(again.stdout)["filled"] == 0 and json.loads(again.stdout)["assignments"] == 0


@pytest.mark.parametrize(
    "args",
    [("--from", "2026-10-31", "--to", "2026-10-01"), ("--time-limit", "0"), ("--from", "2026-13-01")],
)
def test_assign_bad_arguments_exit_2(tmp_path, args) -> None:
    db = tmp_path / "a.db"
    assert run("--db", str(db), "demo", "--scale", "small", "--year", "2026").returncode == 0
    untouched = _hash(db)
    r = run("--db", str(db), "assign", *args)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    assert _hash(db) == untouched


def test_record_command_credits_hours_and_refuses_bad_files(tmp_path) -> None:
    db = tmp_path / "a.db"
    f = tmp_path / "p.json"
    f.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(db), "import", str(f)).returncode == 0
    good = tmp_path / "r.json"
    rec = {
        "activity": "a1",
        "occurrence": "2026-12-10",
        "served": 50,
        "attended": [{"staff": "s003", "hours": 2.5}],
    }
    good.write_text(json.dumps({"format": "outreach-plan", "version": 1, "records": [rec]}), encoding="utf-8")
    r = run("--db", str(db), "record", str(good), "--by", "李护士")
    assert r.returncode == 0 and "1 record" in r.stdout, r.stderr
    with Store(db) as s:
        from db.planio import load_ledger

        assert [(e.staff, e.hours, e.by) for e in load_ledger(s, "s003")] == [("s003", 2.5, "李护士")]
    before = _hash(db)
    bad = tmp_path / "bad.json"
    rec = {"activity": "a1", "occurrence": "2026-12-10", "status": "cancelled"}
    bad.write_text(json.dumps({"format": "outreach-plan", "version": 1, "records": [rec]}), encoding="utf-8")
    r = run("--db", str(db), "record", str(bad))
    assert r.returncode == 2 and "$.records[0].reason" in r.stderr and "Traceback" not in r.stderr
    assert _hash(db) == before


def test_stats_json_and_workbook_read_back(tmp_path) -> None:
    from datetime import datetime as _dt

    from openpyxl import load_workbook

    db = tmp_path / "a.db"
    f = tmp_path / "p.json"
    f.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(db), "import", str(f)).returncode == 0
    r = run("--db", str(db), "stats", "--year", "2026", "--json", "--today", "2026-12-31")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["totals"] == {"occurrences": 1, "served": 180, "hours": 3.0}
    assert doc["by_month"][11] == {"key": "2026-12", "occurrences": 1, "served": 180, "hours": 3.0}
    out = tmp_path / "stats.xlsx"
    r = run("--db", str(db), "stats", "--year", "2026", "-o", str(out), "--lang", "zh_CN")
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["汇总", "按月份", "按党支部"]
    month = wb["按月份"]
    assert [c.value for c in month[1]][:4] == ["月", "举办场次", "服务人数", "志愿服务时长"]
    assert [c.value for c in month[1]][4:] == ["已计划或已举行的场次", "本支部党员带队"]
    assert [c.value for c in month[13]][:4] == ["2026-12", 1, 180, 3]
    assert isinstance(month[13][1].value, int) and isinstance(month[13][3].value, (int, float))
    req = wb["点单"]
    assert isinstance(req[2][4].value, _dt) and req[2][4].value == _dt(2026, 11, 20, 9, 30)
    assert run("--db", str(db), "stats", "--year", "2026", "-o", str(tmp_path / "x.csv")).returncode == 2


def test_ics_parses_back_with_stable_uids(tmp_path) -> None:
    from icalendar import Calendar

    db = tmp_path / "a.db"
    doc = sample()
    doc["records"].append(
        {"activity": "a1", "occurrence": "2026-12-24", "status": "cancelled", "reason": "雪"}
    )
    f = tmp_path / "p.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run("--db", str(db), "import", str(f)).returncode == 0
    out1, out2 = tmp_path / "1.ics", tmp_path / "2.ics"
    for out in (out1, out2):
        r = run(
            "--db",
            str(db),
            "ics",
            "--staff",
            "s003",
            "--from",
            "2026-12-01",
            "--to",
            "2027-01-31",
            "-o",
            str(out),
        )
        assert r.returncode == 0, r.stderr
    cal = Calendar.from_ical(out1.read_bytes())
    events = cal.walk("VEVENT")
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Asia/Shanghai"
    held = [e for e in events if str(e["STATUS"]) != "CANCELLED"]
    cancelled = [e for e in events if str(e["STATUS"]) == "CANCELLED"]
    assert [str(e["UID"]) for e in cancelled] == ["a1-20261224@outreach-scheduler"]
    first = next(e for e in held if str(e["UID"]) == "a1-20261203@outreach-scheduler")
    assert str(first["SUMMARY"]) == "中医夜市" and str(first["LOCATION"]) == "合乐城商场"
    assert first.decoded("DTSTART").isoformat() == "2026-12-03T18:00:00+08:00"
    assert "健康咨询区" in str(first["DESCRIPTION"]) and "金伟" in str(first["DESCRIPTION"])
    moved = next(e for e in held if str(e["UID"]) == "a1-20261210@outreach-scheduler")
    assert moved.decoded("DTSTART").day == 11  # moved: the new day, the same identity
    uids = sorted(str(e["UID"]) for e in Calendar.from_ical(out2.read_bytes()).walk("VEVENT"))
    assert uids == sorted(str(e["UID"]) for e in events)  # a second export updates, never duplicates
    assert run("--db", str(db), "ics", "--staff", "nobody", "-o", str(out1)).returncode == 2
    assert run("--db", str(db), "ics", "-o", str(out1)).returncode == 2
