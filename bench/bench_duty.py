"""Duty rosters in: every department of the demo hospital sends its roster of November as an
.xlsx grid (a merged title, a header of day numbers, a weekday row, staff numbers and names, a
shift code in each cell); each is read, turned into unavailability and written as its own step,
as the office would import them one after the other. Then all are imported again (the same files:
nothing to write). Aim: the first round under 2 s for the hospital (1,592 people × 30 days): one
history entry per roster import, the entries written in one statement, each department's earlier
entries looked up through an index. The CPU time of each stage is printed (a shared machine)."""

from __future__ import annotations

import io
import tempfile
import time
from datetime import date
from pathlib import Path

MONTH = date(2026, 11, 1)
DAYS = 30
# A four-day turn (day, day, night, off), with leave now and then.
TURN = ("白", "白", "夜", "休")


def _grid(title: str, people: list[tuple[str, str]], offset: int) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "11月"
    ws.append([title])
    ws.append(["工号", "姓名", *range(1, DAYS + 1)])
    ws.append([None, None, *("一二三四五六日"[date(2026, 11, d).weekday()] for d in range(1, DAYS + 1))])
    for i, (number, name) in enumerate(people):
        row: list[object] = [number, name]
        for d in range(DAYS):
            k = i + d + offset
            row.append("年假" if k % 37 == 0 else TURN[k % 4] if (i + d) % 9 else None)
        ws.append(row)
    ws.merge_cells("A1:AF1")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def run(small: bool = False) -> None:
    from db.operations import Edit, import_plan, write
    from db.planio import load_plan
    from db.store import Store
    from resources import demo_recipe
    from scheduler.demo.hospital import build_demo
    from scheduler.exchange.duty.codes import read_shift_codes
    from scheduler.exchange.duty.grid import read_duty_grid
    from scheduler.exchange.duty.merge import merge_roster, roster_index
    from scheduler.exchange.spreadsheet.workbook import read_workbook
    from scheduler.plan.model import clinical_hours_of

    scale = "small" if small else "hospital"
    print(f"== duty roster benchmark (demo scale: {scale}, {MONTH:%Y-%m}) ==")
    plan = build_demo(demo_recipe(), scale, 1, MONTH.year, staffed=False)
    by_dept: dict[str, list[tuple[str, str]]] = {}
    for s in plan.staff.values():
        by_dept.setdefault(s.department, []).append((s.id, s.name))
    files = {
        d: _grid(f"{plan.departments[d].name} 2026年11月 排班表", people, n)
        for n, (d, people) in enumerate(sorted(by_dept.items()))
    }
    read_workbook(files[next(iter(files))], "warm-up.xlsx")  # openpyxl's import is not the import's cost
    codes = read_shift_codes(None)
    hours = clinical_hours_of(plan.hospital)
    people = sum(len(p) for p in by_dept.values())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        with Store(db) as store:
            import_plan(store, plan)
        for round_ in ("first import", "again (replaces)"):
            timing = {"read": 0.0, "grid": 0.0, "write": 0.0}
            entries = refused = 0
            started, cpu = time.perf_counter(), time.process_time()
            with Store(db) as store:
                held = load_plan(store).unavailability
                index = roster_index(held)
                for dept, data in files.items():
                    t0 = time.process_time()
                    [sheet] = read_workbook(data, f"{dept}.xlsx")
                    t1 = time.process_time()
                    roster = read_duty_grid(sheet.rows, plan, codes, hours, source=f"{dept}.xlsx")
                    assert roster.department == dept and roster.month == MONTH
                    merge = merge_roster(held, roster, index)
                    saves, gone = merge.saves, merge.deletes
                    t2 = time.process_time()
                    write(
                        store,
                        Edit(
                            saves={"unavailability": saves},
                            deletes={"unavailability": gone},
                            audit_as={"unavailability": f"duty roster {dept}.xlsx"},
                        ),
                    )
                    t3 = time.process_time()
                    merge.apply(held, index)
                    timing["read"] += t1 - t0
                    timing["grid"] += t2 - t1
                    timing["write"] += t3 - t2
                    entries += len(saves)
                    refused += len(roster.refusals)
            took, cpu = time.perf_counter() - started, time.process_time() - cpu
            print(
                f"{round_:18} {took:7.3f} s  (CPU {cpu:.2f} s; {len(files)} departments, {people} people × {DAYS} days, "
                f"{entries} entries, {refused} refused; CPU of reading the xlsx {timing['read']:.2f} s, grid "
                f"{timing['grid']:.2f} s, writing {timing['write']:.2f} s)   aim < 2 s"
            )
