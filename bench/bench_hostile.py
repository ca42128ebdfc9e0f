"""Hostile input: the time to refuse each runaway recurrence rule (and to expand it, had an older
version stored it), the time to refuse hostile plan files through a real import with the
database checked unchanged, and what reading a whole plan file as hostile costs."""

from __future__ import annotations

import json
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

RUNAWAY_RULES = (
    "FREQ=SECONDLY",
    "FREQ=MINUTELY",
    "FREQ=HOURLY",
    "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=DAILY;INTERVAL=7;BYDAY=MO",
    "FREQ=DAILY;BYHOUR=9,14",
    "FREQ=DAILY;INTERVAL=1000000000",
    "FREQ=DAILY",
)


def _hostile_files(text: str) -> dict[str, str]:
    rule = "FREQ=WEEKLY;BYDAY=TH;COUNT=10"
    return {
        "year 1": text.replace('"2026-12-03T18:00"', '"0001-01-01T00:00"', 1),
        "FREQ=MINUTELY": text.replace(rule, "FREQ=MINUTELY", 1),
        "never matching rule": text.replace(rule, "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", 1),
        "served 10^30": text.replace('"served": 180', '"served": 1' + "0" * 30, 1),
        "5,000-digit number": text.replace('"served": 180', '"served": ' + "9" * 5000, 1),
        "100,000 levels deep": '{"format": "outreach-plan", "version": 1, "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}",
        "lone surrogate": text.replace('"name": "金伟"', '"name": "\\ud800"', 1),
        "1e308 hours": text.replace('"hours": 3.0', '"hours": 1e308', 1),
        "duplicate key": text.replace('"name": "金伟"', '"name": "金伟", "name": "x"', 1),
    }


def run(small: bool = False) -> None:
    from db.operations import database_hash, import_document
    from db.store import Store
    from resources import demo_recipe
    from scheduler.calendar.recurrence import check_rule, first_planned_starts
    from scheduler.demo.hospital import build_demo
    from scheduler.exchange.planfile.document import parse_document
    from scheduler.exchange.planfile.problems import PlanError
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document
    from scheduler.plan.model import Activity
    from tests.helpers import sample_text

    print("== hostile input benchmark ==")
    start = datetime(2026, 12, 3, 18)
    print("rule                                       refused in   expanded (stored) in")
    for rule in RUNAWAY_RULES:
        check_rule.cache_clear()
        t0 = time.perf_counter()
        reason = check_rule(rule, start)
        refused = time.perf_counter() - t0
        activity = Activity("a", "t", start, start + timedelta(hours=2), rrule=rule)
        t0 = time.perf_counter()
        n = len(first_planned_starts(activity))
        expanded = time.perf_counter() - t0
        verdict = "accepted" if reason is None else "refused"
        print(
            f"{rule:42} {refused * 1000:7.1f} ms   {expanded * 1000:7.1f} ms ({n} dates)   {verdict}   aim < 1 s"
        )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.sqlite3"
        text = sample_text()
        with Store(path) as store:
            import_document(store, text)
            before = database_hash(store)
            for label, bad in _hostile_files(text).items():
                t0 = time.perf_counter()
                try:
                    import_document(store, bad)
                    outcome = "ACCEPTED"
                except PlanError as exc:
                    outcome = f"refused, {len(exc.problems)} problem(s)"
                took = time.perf_counter() - t0
                same = "unchanged" if database_hash(store) == before else "CHANGED"
                print(f"import {label:28} {took * 1000:7.1f} ms   {outcome}, database {same}")

    scale = "small" if small else "hospital"
    plan = build_demo(demo_recipe(), scale, 1, 2026)
    doc = dump_document(plan_to_document(plan))
    t0 = time.perf_counter()
    json.loads(doc)
    plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    parse_document(doc)
    whole = time.perf_counter() - t0
    print(
        f"reading the demo plan file ({scale}, {len(doc) // 1024} KB): {whole:.3f} s in all, "
        f"of which plain json.loads {plain:.3f} s"
    )
