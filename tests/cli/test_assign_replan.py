"""`assign` as a planner runs it: the JSON keys of the contract (max hours, the bound and its pool,
how each stage ended), and `--replan` after a leave is entered on a month the solver staffed:
exactly the broken assignments move, the manual ones stay, a second re-plan changes nothing."""

from __future__ import annotations

import json
from datetime import date, datetime

from db.planio import load_plan
from db.store import Store
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from tests.cli.test_cli import run

WINDOW = ("--from", "2026-10-01", "--to", "2026-10-31")


def _assignments(db) -> dict:
    with Store(db) as s:
        return dict(load_plan(s).assignments)


def _errors(db) -> list:
    with Store(db) as s:
        plan = load_plan(s)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    ctx = CheckContext(plan, cal, datetime(2026, 9, 28), date(2026, 10, 1), date(2026, 10, 31))
    return [c for c in check(ctx) if c.severity == "error"]


def test_assign_json_keys_and_replan_after_a_leave(tmp_path) -> None:
    db = tmp_path / "a.db"
    assert (
        run("--db", str(db), "demo", "--scale", "small", "--year", "2026", "--today", "2026-09-28").returncode
        == 0
    )
    first = run("--db", str(db), "assign", *WINDOW, "--json", "--time-limit", "2")
    assert first.returncode in (0, 1), first.stderr
    doc = json.loads(first.stdout)
    assert doc["max_hours"] > 0 and doc["bound"]["hours"] > 0 and doc["bound"]["pool"]
    assert doc["max_hours"] >= doc["bound"]["hours"]
    assert [s["stage"] for s in doc["stages"]][:3] == ["fill", "lead", "max_hours"]
    assert all(s["status"] in ("optimal", "stopped", "kept") and s["repeatable"] for s in doc["stages"])
    made = {k: a for k, a in _assignments(db).items() if a.extra.get("source") == "solver"}
    assert made and doc["assignments"] == len(made)
    # A leave for one person on a day the solver gave them.
    victim = sorted(made.values(), key=lambda a: (a.occurrence, a.activity, a.staff))[0]
    day = victim.occurrence.isoformat()
    leave = {
        "format": "outreach-plan",
        "version": 1,
        "unavailability": [
            {"staff": victim.staff, "start": f"{day}T00:00", "end": f"{day}T23:59", "reason": "leave"}
        ],
    }
    (tmp_path / "leave.json").write_text(json.dumps(leave), encoding="utf-8")
    assert run("--db", str(db), "import", str(tmp_path / "leave.json")).returncode == 0
    broken = {k for k, a in made.items() if a.staff == victim.staff and a.occurrence == victim.occurrence}
    assert any(c.kind == "staff_unavailable" and c.staff == victim.staff for c in _errors(db))
    before = _assignments(db)
    text = run("--db", str(db), "assign", *WINDOW, "--replan", "--dry-run", "--time-limit", "2")
    assert text.returncode in (0, 1) and "CHANGED" in text.stdout and "busiest person" in text.stdout, (
        text.stdout
    )
    assert _assignments(db) == before  # a dry run changes nothing
    r = run("--db", str(db), "assign", *WINDOW, "--replan", "--json", "--time-limit", "2")
    assert r.returncode in (0, 1), r.stderr
    moved = json.loads(r.stdout)
    assert moved["removed"] == len(broken) and moved["stages"][2]["stage"] == "changes"
    after = _assignments(db)
    assert not set(broken) & set(after)
    assert {k: a for k, a in after.items() if k in before and k not in broken} == {
        k: a for k, a in before.items() if k not in broken
    }  # everything else as it was, the manual assignments too
    assert not any(c.kind == "staff_unavailable" and c.staff == victim.staff for c in _errors(db))
    again = json.loads(
        run("--db", str(db), "assign", *WINDOW, "--replan", "--json", "--time-limit", "2").stdout
    )
    assert again["assignments"] == 0 and again["removed"] == 0
