"""The partner's WeChat group (微信群), the field added through the declaration alone: it
round-trips through the plan file and the database (an older database gains its column), is
read from a partners sheet under each of its headers, and the notice says where it is posted."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from db import operations as ops
from db.planio import load_plan
from db.schema import MIGRATIONS
from db.store import Store
from reports.document import translator
from reports.notice import occurrence_notice
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.planfile.problems import PlanError
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.exchange.spreadsheet.headers import guess_mapping
from scheduler.exchange.spreadsheet.records import convert
from tests.helpers import sample

ROOT = Path(__file__).resolve().parents[3]
GROUP = "友谊社区志愿服务群"


def _with_group(group: object = GROUP) -> dict:
    doc = sample()
    doc["partners"][0]["wechat_group"] = group
    return doc


def test_the_plan_file_reads_and_writes_it_and_the_database_keeps_it(store: Store) -> None:
    parsed = parse_document(json.dumps(_with_group(), ensure_ascii=False))
    assert parsed.plan.partners["p-youyi"].wechat_group == GROUP
    assert "wechat_group" not in parsed.plan.partners["p-youyi"].extra  # a field, not a key of one's own
    ops.import_document(store, json.dumps(_with_group(), ensure_ascii=False))
    plan = load_plan(store)
    assert plan.partners["p-youyi"].wechat_group == GROUP
    written = json.loads(dump_document(plan_to_document(plan)))
    [partner] = [p for p in written["partners"] if p["id"] == "p-youyi"]
    assert partner["wechat_group"] == GROUP
    assert list(partner).index("wechat_group") == list(partner).index("contact") + 1
    assert parse_document(dump_document(plan_to_document(plan))).plan.partners == plan.partners


def test_a_group_that_is_not_text_is_refused_where_it_is(store: Store) -> None:
    with pytest.raises(PlanError) as caught:
        parse_document(json.dumps(_with_group(["a"]), ensure_ascii=False))
    assert [str(p) for p in caught.value.problems] == [
        '$.partners[0].wechat_group: must be a string (found ["a"])'
    ]
    before = ops.database_hash(store)
    with pytest.raises(PlanError):
        ops.import_document(store, json.dumps(_with_group(3), ensure_ascii=False))
    assert ops.database_hash(store) == before


def test_an_older_database_gains_the_column_and_keeps_its_partners(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    for n, script in enumerate(MIGRATIONS[:-1], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {n};\nCOMMIT;")
    conn.execute("INSERT INTO partners (id, name, kind) VALUES ('p1', '友谊社区', 'community')")
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        assert load_plan(store).partners["p1"].wechat_group is None
        partner = load_plan(store).partners["p1"]
        ops.save(store, "partners", [replace(partner, wechat_group=GROUP)])
        assert load_plan(store).partners["p1"].wechat_group == GROUP


@pytest.mark.parametrize("header", ["微信群", "群名称", "微信群名", "WeChat group"])
def test_a_partners_sheet_names_it_under_each_header(header: str, store: Store) -> None:
    ops.import_document(store, json.dumps(sample(), ensure_ascii=False))
    plan = load_plan(store)
    rows = [["编号", "单位名称", header], ["p-youyi", "友谊社区", f" {GROUP} "]]
    mapping = guess_mapping("partners", rows[0])
    assert mapping[2] == "wechat_group"
    [row] = convert("partners", rows, 0, mapping, plan)
    assert row.ok and row.update
    ops.save(store, "partners", [row.record])
    partner = load_plan(store).partners["p-youyi"]
    assert partner.wechat_group == GROUP
    assert partner.contact == plan.partners["p-youyi"].contact  # the rest of the record kept


def _notice(doc: dict, lang: str) -> str:
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    return occurrence_notice(plan, calendar, "a1", date(2026, 12, 3), translator(lang))


def test_the_notice_says_which_group_it_is_for() -> None:
    zh = _notice(_with_group(), "zh_CN")
    assert zh.startswith(f"发至：{GROUP}\n【活动通知】中医夜市\n")
    en = _notice(_with_group(), "en")
    assert en.startswith(f"To: {GROUP}\n[Notice] 中医夜市\n")
    assert (
        _notice(_with_group("群\n【带队】假"), "zh_CN").splitlines()[0] == "发至：群 【带队】假"
    )  # one line
    without = _notice(sample(), "zh_CN")
    assert "发至" not in without and zh == f"发至：{GROUP}\n{without}"


def test_the_notice_command_says_it_too(tmp_path: Path) -> None:
    db, plan = tmp_path / "a.db", tmp_path / "p.json"
    plan.write_text(json.dumps(_with_group(), ensure_ascii=False), encoding="utf-8")
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    assert (
        subprocess.run([*run, "import", str(plan)], capture_output=True, cwd=ROOT, timeout=120).returncode
        == 0
    )
    out = subprocess.run(
        [*run, "--lang", "zh_CN", "notice", "--activity", "a1", "--occurrence", "2026-12-03"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0 and out.stdout.splitlines()[0] == f"发至：{GROUP}"


def _schema_8_partner(db_path: Path, own: dict) -> None:
    conn = sqlite3.connect(db_path)
    for n, script in enumerate(MIGRATIONS[:-1], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {n};\nCOMMIT;")
    conn.execute(
        "INSERT INTO partners (id, name, kind, extra) VALUES ('p1', '友谊社区', 'community', ?)",
        (json.dumps(own, ensure_ascii=False),),
    )
    conn.commit()
    conn.close()


def test_an_own_key_of_an_older_version_becomes_the_field(db_path: Path, tmp_path: Path) -> None:
    """An office that kept its own "wechat_group" key in a plan file (stored as the partner's own
    keys by the older version) finds it in the field after the upgrade: loaded, in the export, in
    the notice; saved into the column; cleared for good when the planner clears it."""
    _schema_8_partner(db_path, {"wechat_group": GROUP, "片区": "东片"})
    with Store(db_path) as store:
        partner = load_plan(store).partners["p1"]
        assert (partner.wechat_group, partner.extra) == (GROUP, {"片区": "东片"})
        text = dump_document(plan_to_document(load_plan(store)))
        ops.save(store, "partners", [replace(partner, name="友谊社区居委会")])
        assert load_plan(store).partners["p1"].wechat_group == GROUP  # now in its column
        ops.save(store, "partners", [replace(load_plan(store).partners["p1"], wechat_group=None)])
        cleared = load_plan(store)
    assert cleared.partners["p1"].wechat_group is None and cleared.partners["p1"].extra == {"片区": "东片"}
    assert json.loads(dump_document(plan_to_document(cleared)))["partners"][0].get("wechat_group") is None
    partner = json.loads(text)["partners"][0]
    assert (partner["wechat_group"], partner["片区"]) == (GROUP, "东片")
    with Store(tmp_path / "again.sqlite3") as again:
        ops.import_document(again, text)
        back = load_plan(again).partners["p1"]
    assert back.wechat_group == GROUP and back.extra == {"片区": "东片"}


@pytest.mark.parametrize("value", [12345, "群\x00名", ["a", "b"]])
def test_an_own_key_the_field_cannot_hold_stays_an_own_key_and_is_written_back(db_path: Path, value) -> None:
    _schema_8_partner(db_path, {"wechat_group": value})
    with Store(db_path) as store:
        plan = load_plan(store)
    assert plan.partners["p1"].wechat_group is None and plan.partners["p1"].extra == {"wechat_group": value}
    assert json.loads(dump_document(plan_to_document(plan)))["partners"][0]["wechat_group"] == value
