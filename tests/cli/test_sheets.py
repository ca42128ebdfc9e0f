"""`python main.py sheet KIND FILE`: exit 0 when every row is taken, 1 when some rows or cells are
refused (the rest taken, each refusal listed), 2 when it cannot run (nothing taken); --dry-run
changes nothing; --json lists the same. After a duty roster is in, the checker knows who rests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from cli.commands import run
from db.operations import database_hash
from db.planio import load_plan
from db.store import Store
from tests.scheduler.exchange.test_duty import messy_csv, messy_xlsx, plan_doc
from tests.scheduler.exchange.test_spreadsheet import _messy_xlsx, form_csv, form_xlsx

ROOT = Path(__file__).resolve().parents[2]


def _db(tmp_path: Path, doc: dict | None = None, typed_on_the_1st: bool = False) -> Path:
    """A database holding the sample hospital with 张伟 twice and 刘洋 in 骨伤科, and one
    morning activity on 3 December that 刘洋 (a night on the 2nd) and 金伟 (free) are assigned to.
    金伟's leave typed in is on the 20th, or (`typed_on_the_1st`) at the times of his day shift on
    the 1st in the roster."""
    doc = doc or plan_doc()
    if not typed_on_the_1st:
        doc["unavailability"][0].update(start="2026-12-20T08:00", end="2026-12-20T12:00")
    doc["activities"].append(
        {
            "id": "a-day",
            "title": "社区义诊",
            "kind": "free_clinic",
            "start": "2026-12-03T09:00",
            "end": "2026-12-03T11:00",
        }
    )
    doc["assignments"] += [
        {"activity": "a-day", "staff": "s012", "role": "member"},
        {"activity": "a-day", "staff": "s001", "role": "lead"},
    ]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "office.sqlite3"
    assert run(["import", "--db", str(db), str(plan)]) == 0
    return db


def _hash(db: Path) -> str:
    with Store(db) as s:
        return database_hash(s)


def _sheet(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = run(["sheet", *args, "--db", str(db), "--lang", "en"])
    except SystemExit as exc:  # argparse refuses an argument (main.py exits with its code)
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _roster_entries(db: Path) -> list[tuple]:
    with Store(db) as s:
        plan = load_plan(s)
    return sorted(
        (u.staff, u.start, u.end, u.reason) for u in plan.unavailability.values() if "roster" in u.extra
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["duty", "{missing}"], "cannot read"),
        (["duty", "{garbage}"], "not a readable .xlsx workbook"),
        (["duty", "{staff}"], "no row of day columns"),
        (["duty", "{nomonth}"], "which month"),
        (["duty", "{nomonth}", "--month", "2026-13"], "not a month"),
        (["duty", "{nomonth}", "--month", "2026-12", "--department", "nowhere"], "no department nowhere"),
        (["duty", "{xlsx}", "--sheet", "Sheet9"], "no sheet named Sheet9"),
        (["staff", "{xlsx}", "--month", "2026-12"], "--department and --month are for sheet duty"),
        (["staff", "{duty_csv}"], "no column for"),
        (["partners", "{empty}"], "no rows under the header"),
    ],
)
def test_exit_2_when_it_cannot_run_and_nothing_changes(tmp_path, capsys, args, words) -> None:
    db = _db(tmp_path)
    files = {
        "missing": tmp_path / "nope.xlsx",
        "garbage": tmp_path / "garbage.xlsx",
        "staff": tmp_path / "staff.xlsx",
        "nomonth": tmp_path / "nomonth.csv",
        "xlsx": tmp_path / "duty.xlsx",
        "duty_csv": tmp_path / "duty.csv",
        "empty": tmp_path / "empty.csv",
    }
    files["garbage"].write_bytes(b"PK\x03\x04 not a workbook")
    files["staff"].write_bytes(_messy_xlsx())
    files["nomonth"].write_text("姓名,1,2,3,4,5,6,7\r\n金伟,白\r\n", encoding="utf-8")
    files["xlsx"].write_bytes(messy_xlsx())
    files["duty_csv"].write_bytes(messy_csv())
    files["empty"].write_text("编号,名称\r\n", encoding="utf-8")
    before = _hash(db)
    code, out, err = _sheet(capsys, db, *(a.format(**files) for a in args))
    assert code == 2 and words in err and err.startswith("error:") and err.count("\n") == 1
    assert _hash(db) == before


def test_no_traceback_and_no_database_created_on_a_dry_run(tmp_path) -> None:
    xlsx = tmp_path / "duty.xlsx"
    xlsx.write_bytes(messy_xlsx())
    missing = tmp_path / "missing.sqlite3"
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "sheet",
            "duty",
            str(xlsx),
            "--dry-run",
            "--db",
            str(missing),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr and not missing.exists()


def test_staff_sheet_lists_row_column_value_and_reason(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    xlsx = tmp_path / "hr.xlsx"
    xlsx.write_bytes(_messy_xlsx())
    before = _hash(db)
    code, out, _err = _sheet(capsys, db, "staff", str(xlsx), "--dry-run", "--json")
    doc = json.loads(out)
    assert code == 1 and _hash(db) == before
    assert (doc["rows"], doc["taken"], doc["new"], doc["updated"]) == (6, 2, 1, 1)
    assert [(r["row"], r["column"], r["header"], r["value"], r["reason"]) for r in doc["refused"]] == [
        (5, "E", "手机", "1380000", "1380000 is not a phone number"),
        (6, "C", "科室", "放射科", "no department 放射科"),
        (7, "D", "执业资格", "魔法", "unknown qualification 魔法"),
        (8, "A", "工号", "5", "appears twice (row 5)"),
    ]
    code, out, _err = _sheet(capsys, db, "staff", str(xlsx))
    assert (
        code == 1 and out.splitlines()[-1] == "hr.xlsx: 2 row(s) taken (1 new, 1 updated), 4 row(s) refused"
    )
    with Store(db) as s:
        assert load_plan(s).staff["2004"].name == "李四"


def test_requests_from_a_form_export_taken_once(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    form = tmp_path / "点单.csv"
    form.write_bytes(form_csv("gbk"))
    code, out, _err = _sheet(capsys, db, "requests", str(form), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["taken"] == 2 and len(doc["requests"]) == 2
    assert [(r["row"], r["column"], r["value"], r["reason"]) for r in doc["refused"]] == [
        (4, "C", "友谊小区", "no partner 友谊小区; closest: 友谊社区"),
        (5, "D", "针灸体验", "no service 针灸体验"),
    ]
    assert doc["refused"][0]["candidates"] == ["友谊社区"]
    assert doc["skipped"] == [{"row": 6, "reason": "the same as row 3"}]
    with Store(db) as s:
        got = {k: r for k, r in load_plan(s).requests.items() if k.startswith("form-")}
    assert sorted((r.status, r.partner, r.received) for r in got.values()) == [
        ("new", "p-youyi", datetime(2026, 11, 20, 9, 31)),
        ("new", "p-youyi", datetime(2026, 11, 23, 8, 5)),
    ]
    # The same rows again, now as .xlsx: nothing imported twice.
    xlsx = tmp_path / "点单 again.xlsx"
    xlsx.write_bytes(form_xlsx())
    before = _hash(db)
    code, out, _err = _sheet(capsys, db, "requests", str(xlsx))
    assert code == 1 and _hash(db) == before
    assert "row 3: not imported again: imported before (form-" in out
    assert (
        out.splitlines()[-1]
        == "点单 again.xlsx: 0 request(s) taken, 3 already there (repeated, or imported before), 2 row(s) refused"
    )
