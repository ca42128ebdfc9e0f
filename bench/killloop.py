"""Kill the app's writing at random moments (SIGKILL) and check that nothing committed is lost
and the database stays sound: during a long import, and during recording.

`python -m bench.killloop child import DB PLANFILE` / `child record DB START COUNT` run the
writer; `run(kills)` drives the loop and returns its figures."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from db.operations import import_document, import_plan
    from db.planio import load_plan
    from db.store import Store
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.conflicts.held import held_occurrences
    from scheduler.office.recording import default_record
    from scheduler.plan.model import Plan

    mode, db = argv[0], argv[1]
    store = Store(db)
    store.user = "kill-loop"
    if mode == "import":
        data = Path(argv[2]).read_bytes()
        print("start", flush=True)
        import_document(store, data)
        print("done", flush=True)
        return 0
    start, count = int(argv[2]), int(argv[3])
    plan = load_plan(store)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    booked = [b for b in held_occurrences(plan, cal, None, None) if b.people]
    for b in booked[start : start + count]:
        rec = default_record(b, datetime(2026, 12, 1, 9, 0), "kill-loop")
        import_plan(store, Plan(records={rec.key: rec}))
        print(json.dumps([b.key[0], b.key[1].isoformat()]), flush=True)
    return 0


def _sound(db: Path) -> bool:
    import sqlite3

    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.killloop", "child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _kill_after(proc: subprocess.Popen, seconds: float, wait_for: str | None = None) -> list[str]:
    """SIGKILL the child `seconds` after it printed its first line (`wait_for` names it), or
    after it started."""
    first: list[str] = []
    if wait_for is not None and proc.stdout is not None:
        line = proc.stdout.readline().strip()
        first.append(line)
    time.sleep(seconds)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    return first + out.splitlines()


def run(kills: int = 50, scale: str = "small", seed: int = 1, quiet: bool = False) -> dict[str, int]:
    """Half the kills during imports, half during recording. Returns the tallies."""
    sys.path.insert(0, str(ROOT))
    from db.operations import database_hash, import_document, import_plan
    from db.planio import load_ledger, load_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document

    rng = random.Random(seed)
    tally = {"tried": 0, "survived": 0, "lost": 0, "unsound": 0, "mixed": 0, "killed_mid_import": 0}
    work = Path(tempfile.mkdtemp(prefix="killloop-"))
    try:
        plan = build_demo(demo_recipe(), scale, 1, 2026)
        base = work / "base.sqlite3"
        with Store(base) as s:
            import_plan(s, plan)
            before_hash = database_hash(s, skip=("audit",))
        # The import: every staff member renamed, so a half-done import would show. (The audit
        # history is left out of the comparison: its entries carry the moment they were made.)
        doc = plan_to_document(plan)
        for person in doc["staff"]:
            person["name"] += "·"
        changed = work / "changed.json"
        changed.write_text(dump_document(doc), encoding="utf-8")
        done_db = work / "done.sqlite3"
        shutil.copy(base, done_db)
        with Store(done_db) as s:
            import_document(s, changed.read_bytes())
            after_hash = database_hash(s, skip=("audit",))
        # Timing: how long a whole import takes, so kills land before, during and after it.
        probe = work / "probe.sqlite3"
        shutil.copy(base, probe)
        proc = _spawn("import", str(probe), str(changed))
        assert proc.stdout is not None
        proc.stdout.readline()  # "start": modules loaded, the import begins
        t0 = time.perf_counter()
        proc.communicate()
        whole = time.perf_counter() - t0

        record_db = work / "record.sqlite3"
        shutil.copy(base, record_db)
        next_start = 0
        committed: set[tuple[str, str]] = set()
        for k in range(kills):
            tally["tried"] += 1
            if k % 2 == 0:
                db = work / f"import-{k}.sqlite3"
                shutil.copy(base, db)
                lines = _kill_after(
                    _spawn("import", str(db), str(changed)), rng.uniform(0, whole * 1.2), "start"
                )
                ok = _sound(db)
                with Store(db) as s:
                    h = database_hash(s, skip=("audit",))
                if not ok:
                    tally["unsound"] += 1
                elif h not in (before_hash, after_hash):
                    tally["mixed"] += 1
                elif "done" in lines and h != after_hash:
                    tally["lost"] += 1
                else:
                    tally["survived"] += 1
                    if "start" in lines and "done" not in lines:
                        tally["killed_mid_import"] += 1
                db.unlink()
                for side in ("-wal", "-shm"):
                    Path(str(db) + side).unlink(missing_ok=True)
            else:
                # The kill comes a random time after the first record committed (the child
                # says so), so every round has committed work to lose, whatever the machine's speed.
                lines = _kill_after(
                    _spawn("record", str(record_db), str(next_start), "400"),
                    rng.uniform(0.0, 1.5),
                    "first record",
                )
                got = set()
                for x in lines:
                    with contextlib.suppress(ValueError):  # the line being printed when the kill came
                        got.add(tuple(json.loads(x)))
                committed |= got  # type: ignore[arg-type]
                next_start += len(got) + 1
                ok = _sound(record_db)
                with Store(record_db) as s:
                    records = load_plan(s).records
                    present = {(a, o.isoformat()) for a, o in records}
                    ledger: dict[tuple[str, date], float] = {}
                    for e in load_ledger(s):
                        ledger[(e.activity, e.occurrence)] = (
                            ledger.get((e.activity, e.occurrence), 0.0) + e.hours
                        )
                in_step = all(
                    abs(ledger.get(key, 0.0) - sum(a.hours for a in rec.attended)) < 1e-9
                    for key, rec in records.items()
                )
                if not ok:
                    tally["unsound"] += 1
                elif not committed <= present:
                    tally["lost"] += len(committed - present)
                elif not in_step:
                    tally["mixed"] += 1
                else:
                    tally["survived"] += 1
            if not quiet:
                print(f"\r   kill {k + 1}/{kills}", end="", file=sys.stderr, flush=True)
        if not quiet:
            print(file=sys.stderr)
        tally["records_committed"] = len(committed)
        tally["import_seconds_ms"] = round(whole * 1000)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return tally


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        sys.exit(_child(sys.argv[2:]))
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
