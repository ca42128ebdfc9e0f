"""`sheet duty FILE`: the messy grid imported, listed and replaced as the contract says (exactly the
entries an earlier import took for the same people on the dates the file covers; a refused row or
cell keeps what was there; counts that are true), then the checker knows who rests."""

from __future__ import annotations

import json
from datetime import date, datetime

from cli.commands import run
from db.operations import save_shift_codes, shift_codes
from db.planio import load_plan
from db.store import Store
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from tests.cli.test_sheets import _db, _hash, _roster_entries, _sheet
from tests.scheduler.exchange.test_duty import EXPECTED, EXPECTED_REFUSALS, grid_rows, messy_xlsx, plan_doc

HOW = " (define it in Settings ▸ Shift codes, or: shift-codes set X MEANING)"


def test_duty_dry_run_lists_the_refusals_and_changes_nothing(tmp_path, capsys) -> None:
    db = _db(tmp_path, typed_on_the_1st=True)
    xlsx = tmp_path / "骨伤科排班.xlsx"
    xlsx.write_bytes(messy_xlsx())
    before = _hash(db)
    code, out, err = _sheet(capsys, db, "duty", str(xlsx), "--dry-run")
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[:3] == [
        "row 6: several people in 骨伤科 are named 张伟 (s010, s011): give the staff number",
        "row 7, column F (4): unknown shift code X" + HOW,
        "row 8: no staff number E999, and no one in 骨伤科 is named 赵无",
    ]
    assert (
        "sheet 12月: duty roster of 骨伤科, 2026-12-01 – 2026-12-31, 1 block(s); columns read as C–AG" in out
    )
    assert "4 of 6 people taken, 15 entries: 14 written, 0 already there" in out
    assert "1 left out (held from elsewhere)" in out
    assert lines[-1].startswith("Dry run, nothing written.")
    assert _hash(db) == before
    code, out, _err = _sheet(capsys, db, "duty", str(xlsx), "--dry-run", "--json")
    doc = json.loads(out)
    assert code == 1 and _hash(db) == before
    got = (doc["department"], doc["month"], doc["people"], doc["taken"], doc["entries"], doc["written"])
    assert got == ("ortho", "2026-12", 6, 4, len(EXPECTED), len(EXPECTED) - 1)
    assert doc["left_out"] == 1 and doc["dry_run"] is True
    assert doc["by_reason"] == {"duty": 8, "leave": 4, "rest": 3}
    refused = [(r["row"], r["column"], r["value"], r["reason"]) for r in doc["refused"]]
    assert refused == EXPECTED_REFUSALS
    [sheet] = doc["sheets"]
    assert sheet["blocks"][0]["days"][0] == {"column": "C", "date": "2026-12-01"}
    assert [r["row"] for r in sheet["rows_skipped"]] == [10]  # the legend under the grid


def test_duty_import_then_the_checker_knows_who_rests(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    xlsx = tmp_path / "duty.xlsx"
    xlsx.write_bytes(messy_xlsx())
    assert _sheet(capsys, db, "duty", str(xlsx))[0] == 1  # refusals listed, the rest taken
    assert _roster_entries(db) == EXPECTED
    with Store(db) as s:
        plan = load_plan(s)
    ctx = CheckContext(plan, WorkCalendar(official_calendar(), plan.calendar.values()), datetime(2026, 12, 1))
    away = [
        c
        for c in check(ctx)
        if c.kind == "staff_unavailable" and ("a-day", date(2026, 12, 3)) in c.occurrences
    ]
    assert [(c.staff, dict(c.detail)["reasons"]) for c in away] == [("s012", ("rest",))]  # not 金伟, free


def test_reimport_replaces_its_own_entries_and_counts_true(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    with Store(db) as s:
        before_manual = sorted(u.key for u in load_plan(s).unavailability.values())  # the sample's own
    first = tmp_path / "duty.xlsx"
    first.write_bytes(messy_xlsx())
    _sheet(capsys, db, "duty", str(first))
    code, out, _err = _sheet(capsys, db, "duty", str(first), "--json")  # the same file again
    doc = json.loads(out)
    assert (doc["written"], doc["replaced"], doc["unchanged"]) == (0, 0, len(EXPECTED))
    # Again as GBK CSV: 金伟 free on the 2nd, 刘洋's X fixed to 休.
    rows = grid_rows()
    rows[3][3] = None
    rows[6][5] = "休"
    text = "\r\n".join(",".join("" if v is None else str(v) for v in row) for row in rows)
    second = tmp_path / "duty-v2.csv"
    second.write_bytes(text.encode("gbk"))
    code, out, _err = _sheet(capsys, db, "duty", str(second), "--json")
    doc = json.loads(out)
    assert [r["row"] for r in doc["refused"]] == [6, 8]  # the two people still not found; no cell
    # every entry's source changes (so it is written), 金伟's 2nd goes
    assert (doc["written"], doc["replaced"], doc["unchanged"]) == (len(EXPECTED) - 1, len(EXPECTED), 0)
    got = _roster_entries(db)
    assert got == [
        e for e in EXPECTED if e != ("s001", datetime(2026, 12, 2, 8), datetime(2026, 12, 2, 17, 30), "duty")
    ]
    with Store(db) as s:
        plan = load_plan(s)
    assert sorted(k for k, u in plan.unavailability.items() if "roster" not in u.extra) == before_manual
    out_file = tmp_path / "export.json"
    assert run(["export", "--db", str(db), "-o", str(out_file)]) == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))["unavailability"]
    night = next(u for u in exported if u["staff"] == "s012" and u["start"] == "2026-12-02T17:30")
    assert night["source"] == "duty-v2.csv" and night["roster"] == {
        "department": "ortho",
        "day": "2026-12-02",
    }


def test_a_clean_roster_exits_0_and_the_month_and_department_can_be_given(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    csv = tmp_path / "roster.csv"
    csv.write_text(
        "姓名,1,2,3,4,5,6,7\r\n金伟,白,夜,,白,白,休,休\r\n李娜,假,假,假,假,假,,\r\n", encoding="utf-8-sig"
    )
    code, out, _err = _sheet(capsys, db, "duty", str(csv), "--department", "ortho", "--month", "2027-01")
    assert code == 0 and "2 of 2 people taken, 10 entries" in out
    assert ("s002", datetime(2027, 1, 1), datetime(2027, 1, 2), "leave") in _roster_entries(db)


def test_shift_codes_of_the_plan_file_and_the_setting_are_used(tmp_path, capsys) -> None:
    doc = plan_doc()
    doc["hospital"]["shift_codes"] = {"白": "day", "X": "leave", "夜": "night"}
    db = _db(tmp_path, doc)
    with Store(db) as s:
        assert shift_codes(s) == {"白": "day", "X": "leave", "夜": "night"}
    xlsx = tmp_path / "duty.xlsx"
    xlsx.write_bytes(messy_xlsx())
    code, out, _err = _sheet(capsys, db, "duty", str(xlsx), "--dry-run", "--json")
    unknown = sorted({r["value"] for r in json.loads(out)["refused"] if r["column"]})
    # the file's table, not the defaults; 休 and 假 the roster's legend states ("休=休息，假=请假")
    assert unknown == ["n", "夜班", "年假"]
    legend = json.loads(out)["sheets"][0]["legend"]
    assert {e["code"]: e["reads"] for e in legend} == {
        "白": "day",
        "夜": "night",
        "休": "free",
        "假": "leave",
    }
    with Store(db) as s:
        save_shift_codes(
            s,
            {
                **shift_codes(s),
                "假": "leave",
                "休": "free",
                "夜班": "night",
                "年假": "leave",
                "N": {"on": "00:00", "off": "08:00"},
            },
        )
    code, out, _err = _sheet(capsys, db, "duty", str(xlsx), "--dry-run", "--json")
    assert [r["value"] for r in json.loads(out)["refused"] if r["column"]] == []  # X is leave here
    out_file = tmp_path / "export.json"
    assert run(["export", "--db", str(db), "-o", str(out_file)]) == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))["hospital"]["shift_codes"]
    assert exported["N"] == {"on": "00:00", "off": "08:00"}


def test_one_history_entry_per_roster_import(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    xlsx = tmp_path / "duty.xlsx"
    xlsx.write_bytes(messy_xlsx())

    def audit() -> list[tuple]:
        with Store(db) as s:
            return s.conn.execute(
                "SELECT key, old, new FROM audit WHERE section = 'unavailability'"
            ).fetchall()

    before = audit()
    _sheet(capsys, db, "duty", str(xlsx))
    added = audit()[len(before) :]
    assert added == [("duty roster duty.xlsx", '{"entries": 0}', f'{{"entries": {len(EXPECTED)}}}')]
    _sheet(capsys, db, "duty", str(xlsx))  # the same again: nothing written, nothing said
    assert len(audit()) == len(before) + 1
