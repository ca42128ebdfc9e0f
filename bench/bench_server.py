"""The office server (PostgreSQL, a throwaway cluster) beside SQLite, in the same run: the demo
hospital's import and export, the full check, recording throughput, the time for a change on one
connection to be seen on another (PostgreSQL: LISTEN/NOTIFY; SQLite: its data_version, polled),
and an office day: five clients at once (four planners editing different activities, one recorder
recording) with writes done, p95 write time, changes lost and the longest time until every other
client saw a change. Small mode: the small demo and a 5 s day."""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _seen_latency(target: Any, engine: str) -> float:
    """Seconds from a commit on one connection until another connection learns of it."""
    from db.operations import save
    from db.planio import load_plan
    from db.store import Store

    writer, reader = Store(target), Store(target)
    try:
        staff = next(iter(load_plan(writer).staff.values()))
        worst = 0.0
        for i in range(5):
            if engine == "postgresql":
                listener = _listener(target)
                t0 = time.perf_counter()
                save(writer, "staff", [replace(staff, phone=f"lat-{i}")])
                gen = listener.notifies(timeout=5)
                next(gen)
                gen.close()
                listener.close()
                worst = max(worst, time.perf_counter() - t0)
            else:
                before = reader.data_version()
                t0 = time.perf_counter()
                save(writer, "staff", [replace(staff, phone=f"lat-{i}")])
                while reader.data_version() == before:
                    time.sleep(0.005)
                worst = max(worst, time.perf_counter() - t0)
        return worst
    finally:
        writer.close()
        reader.close()


def _listener(target: Any) -> Any:
    import psycopg

    from db.pg_sql import CHANNEL

    conn = psycopg.connect(target, autocommit=True)
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


def _office_day(target: Any, engine: str, seconds: float) -> dict[str, float]:
    """Five clients at once: four planners renaming their own activities, one recorder saving
    records; each client also watches for the others' changes."""
    from db.operations import Stale, save
    from db.planio import load_plan, revision
    from db.store import Store

    with Store(target) as s:
        plan = load_plan(s)
    acts = sorted(plan.activities.values(), key=lambda a: a.id)
    recs = sorted(plan.records.values(), key=lambda r: (r.activity, r.occurrence))
    commits: dict[int, float] = {}
    write_times: list[float] = []
    last_value: dict[str, str] = {}
    stale = [0]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()
    worst_seen = [0.0]

    def planner(k: int) -> None:
        with Store(target) as st:
            mine = acts[k::4][:20]
            i = 0
            while time.perf_counter() < stop:
                a = mine[i % len(mine)]
                title = f"{a.title.split(' #')[0]} #{k}-{i}"
                while True:
                    v = revision(st)
                    t0 = time.perf_counter()
                    try:
                        save(st, "activities", [replace(a, title=title)], expect_revision=v)
                    except Stale:
                        with lock:
                            stale[0] += 1
                        continue
                    break
                t1 = time.perf_counter()
                n = revision(st)
                with lock:
                    write_times.append(t1 - t0)
                    commits.setdefault(n, t1)
                    last_value[a.id] = title
                i += 1
                time.sleep(0.05)

    def recorder() -> None:
        with Store(target) as st:
            i = 0
            while time.perf_counter() < stop and recs:
                r = recs[i % len(recs)]
                t0 = time.perf_counter()
                save(st, "records", [replace(r, notes=f"day {i}")])
                t1 = time.perf_counter()
                n = revision(st)
                with lock:
                    write_times.append(t1 - t0)
                    commits.setdefault(n, t1)
                i += 1
                time.sleep(0.05)

    def watcher() -> None:
        if engine == "postgresql":
            conn = _listener(target)
            try:
                while time.perf_counter() < stop + 1:
                    for note in conn.notifies(timeout=0.5, stop_after=1):
                        seen = time.perf_counter()
                        n = int(note.payload)
                        with lock:
                            at = commits.get(n)
                            if at is not None:
                                worst_seen[0] = max(worst_seen[0], seen - at)
            finally:
                conn.close()
        else:
            with Store(target, readonly=True) as st:
                version = st.data_version()
                while time.perf_counter() < stop + 1:
                    now = st.data_version()
                    if now != version:
                        version = now
                        seen = time.perf_counter()
                        n = revision(st)
                        with lock:
                            at = commits.get(n)
                            if at is not None:
                                worst_seen[0] = max(worst_seen[0], seen - at)
                    time.sleep(0.02)

    threads = [threading.Thread(target=planner, args=(k,)) for k in range(4)]
    threads.append(threading.Thread(target=recorder))
    threads += [threading.Thread(target=watcher) for _ in range(5)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    with Store(target) as s:
        now = load_plan(s).activities
    lost = sum(1 for aid, title in last_value.items() if now[aid].title != title)
    p95 = statistics.quantiles(write_times, n=20)[-1] if len(write_times) >= 20 else max(write_times or [0])
    return {
        "writes": len(write_times),
        "stale_retried": stale[0],
        "p95_ms": p95 * 1000,
        "lost": lost,
        "seen_s": worst_seen[0],
    }


def _engine(name: str, target: Any, text: str, small: bool) -> dict[str, Any]:
    from db.operations import import_document, save
    from db.planio import load_plan
    from db.store import Store
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.conflicts.checker import CheckContext, check
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document

    out: dict[str, Any] = {}
    with Store(target) as s:
        out["import_s"], _ = _timed(lambda: import_document(s, text))
    with Store(target, readonly=True) as s:
        out["export_s"], dumped = _timed(lambda: dump_document(plan_to_document(load_plan(s))))
        plan = load_plan(s)
    out["identical"] = dumped == text
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    ctx = CheckContext(plan, cal, datetime(2026, 12, 6))
    out["check_s"], found = _timed(lambda: check(ctx))
    recs = sorted(plan.records.values(), key=lambda r: (r.activity, r.occurrence))[: 30 if small else 200]
    with Store(target) as s:
        took, _ = _timed(lambda: [save(s, "records", [replace(r, notes="bench")]) for r in recs])
    out["records_per_s"] = len(recs) / took if took else 0.0
    out["seen_s"] = _seen_latency(target, name)
    out["day"] = _office_day(target, name, 3.0 if small else 60.0)
    return out


def run(small: bool = False) -> None:
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.demo.hospital import build_demo, demo_today
    from scheduler.exchange.planfile.writer import dump_document, plan_to_document

    scale = "small" if small else "hospital"
    print(f"== office server benchmark (demo scale: {scale}; SQLite beside PostgreSQL) ==")
    try:
        from tests.pg import Cluster
    except ImportError as exc:  # the test tools are not installed
        print(f"   skipped: {exc}")
        return
    cluster = Cluster()
    cluster.start()
    if cluster.error:
        print(f"   PostgreSQL skipped: {cluster.error}")
        return
    try:
        plan = build_demo(
            demo_recipe(),
            scale,
            1,
            2026,
            demo_today(2026, date(2026, 12, 6)),
            WorkCalendar(official_calendar()),
        )
        text = dump_document(plan_to_document(plan))
        with tempfile.TemporaryDirectory() as tmp:
            # the plan file as SQLite exports it: what the server must give back byte for byte
            from db.operations import import_document
            from db.planio import load_plan
            from db.store import Store

            with Store(Path(tmp) / "seed.sqlite3") as s:
                import_document(s, text)
                text = dump_document(plan_to_document(load_plan(s)))
            cpu0 = time.process_time()
            lite = _engine("sqlite", Path(tmp) / "bench.sqlite3", text, small)
            pg = _engine("postgresql", cluster.new_database(), text, small)
            cpu = time.process_time() - cpu0
        rows = [
            ("import (s)", "import_s", "{:.2f}"),
            ("export (s)", "export_s", "{:.2f}"),
            ("export identical to SQLite's", "identical", "{}"),
            ("full check (s)", "check_s", "{:.2f}"),
            ("recording (records/s, one transaction each)", "records_per_s", "{:.0f}"),
            ("change seen on another connection (worst of 5, s)", "seen_s", "{:.3f}"),
        ]
        print(f"   {'':52} {'SQLite':>12} {'PostgreSQL':>12}")
        for label, key, fmt in rows:
            print(f"   {label:52} {fmt.format(lite[key]):>12} {fmt.format(pg[key]):>12}")
        day = "3 s" if small else "60 s"
        for label, key, fmt in [
            (f"office day {day}, 5 clients: writes done", "writes", "{:.0f}"),
            ("  stale saves retried", "stale_retried", "{:.0f}"),
            ("  p95 write time (ms)", "p95_ms", "{:.0f}"),
            ("  changes lost", "lost", "{:.0f}"),
            ("  longest until every other client saw a change (s)", "seen_s", "{:.3f}"),
        ]:
            print(f"   {label:52} {fmt.format(lite['day'][key]):>12} {fmt.format(pg['day'][key]):>12}")
        print(f"   (threads of one process; CPU time of this process {cpu:.1f} s; the machine may be shared)")
    finally:
        cluster.stop()


if __name__ == "__main__":
    import sys

    run(small="--small" in sys.argv)
