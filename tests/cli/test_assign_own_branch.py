"""`assign` says how many occurrences are led by their own branch, the way the office means it
(a party member whose own branch organizes the activity, not anyone of its departments): the
`own_branch_leads` of --json and one line of the text, greedy against the solver."""

from __future__ import annotations

import json

from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from tests.cli.test_cli import run
from tests.scheduler.solver.test_assign_own_branch import shared_department

DAY = ("--from", "2026-11-28", "--to", "2026-11-28")


def _db(tmp_path) -> str:
    plan = tmp_path / "plan.json"
    plan.write_text(dump_document(plan_to_document(shared_department())), encoding="utf-8")
    db = tmp_path / "a.db"
    done = run("--db", str(db), "import", str(plan))
    assert done.returncode == 0, done.stderr
    return str(db)


def test_own_branch_leads_in_the_json_strict(tmp_path) -> None:
    db = _db(tmp_path)
    greedy = json.loads(run("--db", db, "assign", *DAY, "--json", "--dry-run", "--method", "greedy").stdout)
    # Greedy's lead of v2 is of b's department but of branch c: not counted.
    assert greedy["own_branch_leads"] == {"count": 1, "of": 2, "bound": 2}
    done = run("--db", db, "assign", *DAY, "--json", "--time-limit", "5")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["own_branch_leads"] == {"count": 2, "of": 2, "bound": 2}
    own = next(s for s in doc["stages"] if s["stage"] == "own_branch")
    assert (own["status"], own["value"], own["bound"]) == ("optimal", 2, 2)
    names = [s["stage"] for s in doc["stages"]]
    assert names.index("max_hours") < names.index("own_branch") < names.index("at_max")


def test_own_branch_leads_line_in_the_text(tmp_path) -> None:
    db = _db(tmp_path)
    en = run("--db", db, "--lang", "en", "assign", *DAY, "--dry-run", "--time-limit", "5")
    assert "Led by their own branch: 2 of 2, at most 2" in en.stdout.splitlines(), en.stdout
    zh = run("--db", db, "--lang", "zh_CN", "assign", *DAY, "--dry-run", "--time-limit", "5")
    assert "由本支部党员带队：2 / 2，最多 2" in zh.stdout.splitlines(), zh.stdout


def test_statistics_say_per_branch_and_month_what_the_branch_led(tmp_path) -> None:
    db = _db(tmp_path)
    assert run("--db", db, "assign", *DAY, "--time-limit", "5").returncode == 0
    doc = json.loads(run("--db", db, "stats", "--year", "2026", "--json").stdout)
    assert doc["own_branch_leads"] == [
        {"branch": "b", "month": "2026-11", "occurrences": 1, "led_by_branch": 1},
        {"branch": "c", "month": "2026-11", "occurrences": 1, "led_by_branch": 1},
    ]
    text = run("--db", db, "--lang", "en", "stats", "--year", "2026").stdout.splitlines()
    assert "led by their own branch: 2 of 2 occurrences planned or held" in text
