"""Killing a client of the office server at any moment (SIGKILL) loses nothing committed and
leaves nothing half-written: the server rolls back what the killed connection had not committed."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from db.operations import import_plan
from db.planio import load_plan
from db.store import Store
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo, demo_today
from scheduler.exchange.planfile.writer import dump_document, plan_to_document

ROOT = Path(__file__).resolve().parents[2]

_IMPORT = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from db.operations import import_document
from db.store import Store
s = Store({url!r})
print("start", flush=True)
import_document(s, Path({file!r}).read_bytes())
print("done", flush=True)
"""

_RECORD = """
import sys, json
sys.path.insert(0, {root!r})
from dataclasses import replace
from db.operations import save
from db.planio import load_plan
from db.store import Store
s = Store({url!r})
recs = sorted(load_plan(s).records.values(), key=lambda r: (r.activity, r.occurrence))
for i, r in enumerate(recs):
    save(s, "records", [replace(r, notes="k{k}-" + str(i))])
    print(json.dumps([r.activity, r.occurrence.isoformat(), "k{k}-" + str(i)]), flush=True)
"""


def _export(url: str) -> str:
    with Store(url, readonly=True) as s:
        return dump_document(plan_to_document(load_plan(s)))


def test_killed_clients_lose_nothing_committed(pg_url: str, tmp_path: Path) -> None:
    plan = build_demo(
        demo_recipe(),
        "small",
        5,
        2026,
        demo_today(2026, date(2026, 12, 6)),
        WorkCalendar(official_calendar()),
    )
    with Store(tmp_path / "a.sqlite3") as lite:
        import_plan(lite, plan)
        full = dump_document(plan_to_document(load_plan(lite)))
    planfile = tmp_path / "plan.json"
    planfile.write_text(full, encoding="utf-8")
    with Store(pg_url) as s:
        empty = dump_document(plan_to_document(load_plan(s)))
    rng = random.Random(24)
    for _ in range(2):  # a long import killed part way: nothing of it, or all of it
        child = subprocess.Popen(
            [sys.executable, "-c", _IMPORT.format(root=str(ROOT), url=pg_url, file=str(planfile))],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.1, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert _export(pg_url) in (empty, full)
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT.format(root=str(ROOT), url=pg_url, file=str(planfile))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _export(pg_url) == full
    total = 0
    for k in range(2):  # recording killed part way: every record it said it saved is there
        child = subprocess.Popen(
            [sys.executable, "-c", _RECORD.format(root=str(ROOT), url=pg_url, k=k)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # recording has begun
        time.sleep(rng.uniform(0.0, 1.0))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        saved = [json.loads(line) for line in (first + out).splitlines() if line.startswith("[")]
        with Store(pg_url, readonly=True) as s:
            records = {(r.activity, r.occurrence.isoformat()): r.notes for r in load_plan(s).records.values()}
        for activity, occurrence, notes in saved:
            assert records[(activity, occurrence)] == notes
        total += len(saved)
    assert total > 0  # the kills came while records were being saved
