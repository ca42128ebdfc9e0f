"""`sheet requests` and `sheet staff` with files laid out as the offices' real ones are, each made
here by code: a 问卷星 export (.xlsx, multi-choice joined by ┋, 其他〖…〗), a 腾讯问卷 export (.csv,
one 0/1 column per choice), a 金数据 export (.xlsx), the same answers exported again with other
columns, an HR 花名册 (科室编号 beside 工号, 职务 and 职称, +86 phones, 人员状态). Each is imported
through the CLI and read back through `export`; --dry-run leaves the database as it was."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from cli.commands import run
from db.operations import database_hash
from db.store import Store
from tests.helpers import sample

SERVICES = [
    ("free-clinic", "义诊"),
    ("talk", "健康讲座"),
    ("bp", "血压血糖检测"),
]


def plan_doc() -> dict:
    doc = sample()
    for sid, name in SERVICES:
        doc["services"].append(
            {
                "id": sid,
                "name": name,
                "needs": [{"department": "ortho", "qualification": "physician", "count": 1}],
                "duration_minutes": 120,
            }
        )
    doc["partners"].append({"id": "p-donghu", "name": "东湖社区", "kind": "community"})
    return doc


def database(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(plan_doc(), ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "office.sqlite3"
    assert run(["import", "--db", str(db), str(plan)]) == 0
    return db


def sheet(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["sheet", *args, "--db", str(db), "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def exported(tmp_path: Path, db: Path) -> dict:
    out = tmp_path / "export.json"
    assert run(["export", "--db", str(db), "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def form_requests(tmp_path: Path, db: Path) -> list[tuple]:
    """(partner, service, received, preferred, audience, notes, submission) of each request a
    form gave, read back through `export`."""
    doc = exported(tmp_path, db)
    return sorted(
        (
            r["partner"],
            r["service"],
            r["received"],
            tuple((p["start"], p["end"]) for p in r.get("preferred", ())),
            r.get("audience"),
            r.get("notes", ""),
            bool(r.get("submission")),
        )
        for r in doc["requests"]
        if r["id"].startswith("form-")
    )


def digest(db: Path) -> str:
    with Store(db) as s:
        return database_hash(s)


def xlsx(rows: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list], encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


# 问卷星 (wjx), 按文本下载: its own columns first, numbered questions, multi-choice joined by ┋.
WJX_HEADER = [
    "序号",
    "提交答卷时间",
    "所用时间",
    "来源",
    "来源详情",
    "来自IP",
    "1、您所在的社区",
    "2、需要的服务项目",
    "3、期望服务日期",
    "4、期望服务时间段",
    "5、预计参加人数",
    "6、联系人",
    "7、联系电话",
    "8、其他需求",
    "总分",
]
WJX_ROWS = [
    [
        1,
        "2026/11/20 9:31:02",
        "125秒",
        "微信",
        "N/A",
        "113.246.1.1(湖南-长沙)",
        "友谊社区",
        "义诊┋健康讲座",
        "2026-12-05",
        "9:00-11:00",
        "50",
        "张主任",
        "13800000001",
        "(空)",
        0,
    ],
    [
        2,
        "2026/11/21 10:00:00",
        "64秒",
        "手机提交",
        "直接访问",
        "113.246.1.2(湖南-长沙)",
        "东湖社区",
        "血压血糖检测┋其他〖中医推拿〗",
        "2026-12-06",
        "下午",
        "30",
        "李",
        "0731-88886666",
        "老人多",
        0,
    ],
    [
        3,
        "2026/11/22 16:45:00",
        "30秒",
        "微信",
        "N/A",
        "113.246.1.3(湖南-长沙)",
        "友谊社区",
        "运动损伤预防讲座",
        "12月7日",
        "",
        "",
        "",
        "",
        "",
        0,
    ],
]


def test_a_wjx_export_one_request_per_chosen_service(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "问卷星导出.xlsx"
    f.write_bytes(xlsx([WJX_HEADER, *WJX_ROWS]))
    before = digest(db)
    code, out, err = sheet(capsys, db, "requests", str(f), "--dry-run")
    assert code == 0 and err == "" and digest(db) == before, out
    code, out, err = sheet(capsys, db, "requests", str(f), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["taken"] == 4 and doc["refused"] == []
    assert [(c["column"], c["as"]) for c in doc["platform_columns"]] == [
        ("A", "number"),
        ("B", "received"),
        ("C", "platform"),
        ("D", "platform"),
        ("E", "platform"),
        ("F", "platform"),
        ("O", "platform"),
    ]
    assert doc["service_columns"] == {"columns": ["H"], "as": "text"}
    assert form_requests(tmp_path, db) == [
        (
            "p-donghu",
            "bp",
            "2026-11-21T10:00",
            (("2026-12-06T14:30", "2026-12-06T17:00"),),
            30,
            "老人多；中医推拿",
            False,
        ),
        (
            "p-youyi",
            "free-clinic",
            "2026-11-20T09:31",
            (("2026-12-05T09:00", "2026-12-05T11:00"),),
            50,
            "",
            True,
        ),
        (
            "p-youyi",
            "sports-injury",
            "2026-11-22T16:45",
            (("2026-12-07T09:00", "2026-12-07T10:30"),),
            None,
            "",
            False,
        ),
        ("p-youyi", "talk", "2026-11-20T09:31", (("2026-12-05T09:00", "2026-12-05T11:00"),), 50, "", True),
    ]
    # The text says so too, each line as the terminal should show it.
    code, out, _ = sheet(capsys, db, "requests", str(f))
    assert code == 0
    assert "columns of the form platform, not read as answers: A (序号) = submission number, " in out
    assert "B (提交答卷时间) = submission time, C (所用时间), D (来源)" in out
    assert out.splitlines()[-1].endswith(
        "0 request(s) taken, 4 already there (repeated, or imported before), 0 row(s) refused"
    )


def test_the_same_answers_exported_again_with_other_columns_add_nothing(tmp_path, capsys) -> None:
    db = database(tmp_path)
    first = tmp_path / "第一次.xlsx"
    first.write_bytes(xlsx([WJX_HEADER, *WJX_ROWS]))
    assert sheet(capsys, db, "requests", str(first))[0] == 0
    before = digest(db)
    # Exported again a week later: 来源 and IP left out, 总分 gone, a new answer row, as CSV.
    keep = [0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13]
    rows = [[r[i] for i in keep] for r in [WJX_HEADER, *WJX_ROWS]]
    rows.append(
        [4, "2026/11/28 08:00:00", "40秒", "东湖社区", "义诊", "2026-12-12", "上午", "20", "王", "", ""]
    )
    again = tmp_path / "第二次.csv"
    again.write_bytes(csv_bytes(rows, "gbk"))
    code, out, _ = sheet(capsys, db, "requests", str(again), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["taken"] == 1 and len(doc["skipped"]) == 4, out
    assert len(form_requests(tmp_path, db)) == 5
    assert digest(db) != before
    # And the same file a third time: nothing at all.
    before = digest(db)
    code, out, _ = sheet(capsys, db, "requests", str(again))
    assert code == 0 and digest(db) == before
    # Exported once more without 序号 (only the time and the answers): still the same submissions.
    no_number = [r[1:] for r in rows]
    bare = tmp_path / "没有序号.csv"
    bare.write_bytes(csv_bytes(no_number))
    code, out, _ = sheet(capsys, db, "requests", str(bare), "--json")
    assert code == 0 and json.loads(out)["taken"] == 0 and digest(db) == before, out


# 腾讯问卷 (wj.qq.com): 编号, 开始/结束答题时间, 答题时长, 填写设备, 地理位置; one 0/1 column per choice.
TENCENT_HEADER = [
    "编号",
    "开始答题时间",
    "结束答题时间",
    "答题时长",
    "填写设备",
    "地理位置",
    "Q1.社区名称",
    "Q2.希望的服务(义诊)",
    "Q2.希望的服务(健康讲座)",
    "Q2.希望的服务(血压血糖检测)",
    "Q2.希望的服务(其他)",
    "Q3.期望日期",
    "Q4.期望时间",
    "Q5.联系人",
]
TENCENT_ROWS = [
    [
        1,
        "2026-11-20 09:29:40",
        "2026-11-20 09:31:02",
        "82秒",
        "手机",
        "湖南省长沙市",
        "友谊社区",
        1,
        0,
        1,
        "",
        "2026-12-05",
        "9:00-11:00",
        "张主任",
    ],
    [
        2,
        "2026-11-21 09:58:00",
        "2026-11-21 10:00:00",
        "120秒",
        "电脑",
        "湖南省长沙市",
        "东湖社区",
        0,
        1,
        0,
        "口腔检查",
        "2026-12-06",
        "14:00-16:00",
        "李",
    ],
    [
        3,
        "2026-11-22 08:00:00",
        "2026-11-22 08:01:00",
        "60秒",
        "手机",
        "湖南省长沙市",
        "东湖社区",
        0,
        0,
        0,
        "",
        "2026-12-07",
        "上午",
        "王",
    ],
]


def test_a_tencent_export_with_one_0_1_column_per_choice(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "腾讯问卷.csv"
    f.write_bytes(csv_bytes([TENCENT_HEADER, *TENCENT_ROWS]))
    code, out, err = sheet(capsys, db, "requests", str(f), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["taken"] == 3, out
    assert doc["service_columns"] == {
        "columns": ["H", "I", "J"],
        "choices": ["义诊", "健康讲座", "血压血糖检测"],
        "as": "0/1",
    }
    assert [(c["column"], c["as"]) for c in doc["platform_columns"]] == [
        ("A", "number"),
        ("B", "platform"),
        ("C", "received"),
        ("D", "platform"),
        ("E", "platform"),
        ("F", "platform"),
    ]
    # Row 4 chose nothing: refused, said so.
    assert [(r["row"], r["reason"]) for r in doc["refused"]] == [(4, "no service chosen")]
    got = form_requests(tmp_path, db)
    assert [(p, s, rec, note) for p, s, rec, _pref, _a, note, _sub in got] == [
        ("p-donghu", "talk", "2026-11-21T10:00", "口腔检查"),
        ("p-youyi", "bp", "2026-11-20T09:31", ""),
        ("p-youyi", "free-clinic", "2026-11-20T09:31", ""),
    ]
    # 开始答题时间 is never the preferred time, 答题时长 never a time at all.
    assert got[1][3] == (("2026-12-05T09:00", "2026-12-05T11:00"),)


# 金数据 (jinshuju): 序号 first, 提交人/填写设备/填写时长/创建时间/更新时间 at the end.
JINSHUJU_HEADER = [
    "序号",
    "单位名称",
    "服务项目",
    "期望日期",
    "期望时间段",
    "服务人数",
    "备注",
    "提交人",
    "填写设备",
    "填写时长",
    "创建时间",
    "更新时间",
]
JINSHUJU_ROWS = [
    [
        1,
        "友谊社区",
        "义诊、健康讲座",
        "2026-12-05",
        "上午",
        "约80人",
        "N/A",
        "匿名",
        "iPhone",
        "3分20秒",
        datetime(2026, 11, 20, 9, 31, 2),
        datetime(2026, 11, 25, 8, 0, 0),
    ],
    [
        2,
        "东湖社区",
        "义诊",
        "2026-12-09",
        "14:30-16:30",
        "",
        "",
        "匿名",
        "Android",
        "1分5秒",
        datetime(2026, 11, 21, 10, 0, 0),
        datetime(2026, 11, 21, 10, 0, 0),
    ],
]


def test_a_jinshuju_export(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "金数据.xlsx"
    f.write_bytes(xlsx([JINSHUJU_HEADER, *JINSHUJU_ROWS]))
    code, out, err = sheet(capsys, db, "requests", str(f), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["taken"] == 3 and doc["refused"] == [], out
    assert {c["header"]: c["as"] for c in doc["platform_columns"]} == {
        "序号": "number",
        "提交人": "platform",
        "填写设备": "platform",
        "填写时长": "platform",
        "创建时间": "received",
        "更新时间": "platform",
    }
    assert [(p, s, rec, pref, a) for p, s, rec, pref, a, _n, _s in form_requests(tmp_path, db)] == [
        ("p-donghu", "free-clinic", "2026-11-21T10:00", (("2026-12-09T14:30", "2026-12-09T16:30"),), None),
        ("p-youyi", "free-clinic", "2026-11-20T09:31", (("2026-12-05T09:00", "2026-12-05T11:30"),), 80),
        ("p-youyi", "talk", "2026-11-20T09:31", (("2026-12-05T09:00", "2026-12-05T11:30"),), 80),
    ]


# HR's 花名册: a 科室编号 left of 工号, 职务 (a position) beside 职称 (the title), phones as written.
HR_HEADER = ["序号", "科室编号", "工号", "姓名", "科室", "职务", "职称", "政治面貌", "手机号", "人员状态"]
HR_ROWS = [
    [1, "K01", "s001", "金伟", "骨伤科", "科主任", "主任医师", "中共党员", "+86 138 0000 0009", "在职"],
    [2, "K01", "E3001", "周敏", "骨伤科", "护士长", "主管护师", "预备党员", "138-0000-0010", "返聘"],
    [3, "K02", "E3002", "吴刚", "针灸科", "", "主治医师", "群众", "(0731) 8888 6666", "退休"],
    [4, "K02", "E3003", "郑和", "针炙科", "", "医师", "群众", "0731-88886666-123", "调出"],
    [5, "K02", "E3004", "钱多", "针灸科", "", "医师", "群众", "abc", "在职"],
]


def test_an_hr_roster_with_department_codes_positions_and_phones(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "花名册.xlsx"
    f.write_bytes(xlsx([["南湖医院职工花名册"], HR_HEADER, *HR_ROWS]))
    before = digest(db)
    code, out, _ = sheet(capsys, db, "staff", str(f), "--dry-run")
    assert code == 1 and digest(db) == before
    code, out, _ = sheet(capsys, db, "staff", str(f), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["taken"] == 3 and doc["new"] == 2 and doc["updated"] == 1, out
    assert [(r["row"], r["column"], r["value"], r["reason"]) for r in doc["refused"]] == [
        (6, "E", "针炙科", "no department 针炙科; closest: 针灸科"),
        (7, "I", "abc", "abc is not a phone number"),
    ]
    staff = {s["id"]: s for s in exported(tmp_path, db)["staff"]}
    assert "K01" not in staff and "K02" not in staff  # the department code is not a staff number
    jin, zhou, wu = staff["s001"], staff["E3001"], staff["E3002"]
    assert (jin["title"], jin["position"], jin["phone"], jin["active"]) == (
        "主任医师",
        "科主任",
        "13800000009",
        True,
    )
    assert (zhou["title"], zhou["position"], zhou["phone"], zhou["active"]) == (
        "主管护师",
        "护士长",
        "13800000010",
        True,
    )
    assert zhou["party_member"] is True and zhou["department"] == "ortho"
    assert (wu["title"], wu.get("position"), wu["phone"], wu["active"]) == (
        "主治医师",
        None,
        "0731-88886666",
        False,
    )
    # Imported again: the same people updated, nobody duplicated.
    code, out, _ = sheet(capsys, db, "staff", str(f), "--json")
    doc = json.loads(out)
    assert doc["new"] == 0 and doc["updated"] == 3
    assert len(exported(tmp_path, db)["staff"]) == len(staff)


def test_two_columns_that_could_be_the_staff_number_are_both_named(tmp_path, capsys) -> None:
    db = database(tmp_path)
    f = tmp_path / "花名册.csv"
    f.write_bytes(csv_bytes([["工号", "人员编号", "姓名", "科室"], ["s001", "P-17", "金伟", "骨伤科"]]))
    before = digest(db)
    code, out, err = sheet(capsys, db, "staff", str(f))
    assert code == 2 and out == "" and digest(db) == before
    assert "can be read two ways: columns A (工号) / B (人员编号) could each be the staff number" in err
