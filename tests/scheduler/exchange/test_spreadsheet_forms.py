"""The header and cell readings of form exports and staff sheets, one rule each: question numbers
in all their spellings, the platforms' own columns, multi-choice in a cell or over 0/1 columns
(问卷星's "3(义诊)", the "3、服务项目:义诊" spelling, -3 for a skipped question), (空)/N/A/(跳过)
empty, what identifies a submission, phone numbers, 人员状态, 职务 beside 职称."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.spreadsheet.forms import submission_id
from scheduler.exchange.spreadsheet.headers import ambiguous, guess_field, guess_mapping, read_header
from scheduler.exchange.spreadsheet.records import convert
from scheduler.exchange.spreadsheet.values import phone_number
from tests.cli.test_sheets_forms import plan_doc

PLAN = parse_document(json.dumps(plan_doc(), ensure_ascii=False)).plan
NOW = datetime(2026, 11, 25, 10, 0)


@pytest.mark.parametrize(
    "header, field",
    [
        ("6、期望服务时间段", "time"),
        ("Q6.期望服务时间段", "time"),
        ("6.期望服务时间段", "time"),
        ("第6题 期望服务时间段", "time"),
        ("所用时间", "platform"),
        ("所用时间(秒)", "platform"),
        ("开始答题时间", "platform"),
        ("答题时长", "platform"),
        ("更新时间", "platform"),
        ("来自IP", "platform"),
        ("提交答卷时间", "received"),
        ("结束答题时间", "received"),
        ("创建时间", "received"),
        ("序号", "number"),
        ("答题序号", "number"),  # R3: 问卷星's number under this name was not recognised
        ("答卷ID", "number"),
        ("编号", "number"),
        ("4、您所在的社区", "partner"),
        ("12月份活动日期", "date"),
    ],
)
def test_request_headers(header: str, field: str) -> None:
    assert guess_field("requests", header) == field


def test_question_numbers_and_choices_read_once() -> None:
    h = read_header("3、服务项目:义诊")
    assert (h.number, h.stem, h.choice) == ("3", "服务项目", "义诊")
    h = read_header("3(义诊)")
    assert (h.number, h.stem, h.choice) == ("3", "", "义诊")
    h = read_header("Q12．期望日期")
    assert (h.number, h.key, h.choice) == ("12", "期望日期", None)
    assert read_header("x" * 201).key == ""  # longer than any header


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "1、社区", "2、服务项目:义诊", "2、服务项目:健康讲座", "2、服务项目:其他", "3、期望日期"],
        ["序号", "1、社区", "2(义诊)", "2(健康讲座)", "2(其他)", "3、期望日期"],
    ],
)
def test_choices_over_0_1_columns_in_both_spellings(header) -> None:
    rows = [
        header,
        [1, "友谊社区", 1, -3, "", "2026-12-05"],
        [2, "东湖社区", 0, 1, "量血压", "2026-12-06"],
        [3, "东湖社区", "-3", "-3", "(跳过)", "2026-12-07"],
    ]
    mapping = guess_mapping("requests", header, rows[1:])
    assert mapping == {0: "number", 1: "partner", 2: "service", 3: "service", 4: "other", 5: "date"}
    got = convert("requests", rows, 0, mapping, PLAN, now=NOW)
    assert [(r.line, r.values["service"], r.values.get("notes", ""), r.ok) for r in got] == [
        (2, "义诊", "", True),
        (3, "健康讲座", "量血压", True),
        (4, "", "", False),
    ]
    assert got[2].problems == [("service", "no service chosen", "")]


def test_a_choice_group_that_is_not_0_1_is_not_the_service() -> None:
    header = ["社区", "服务项目", "对象(老人)", "对象(儿童)"]
    rows = [header, ["友谊社区", "义诊", "很多", "少"]]
    assert guess_mapping("requests", header, rows[1:]) == {0: "partner", 1: "service"}


def test_joined_choices_other_text_and_empty_words() -> None:
    header = ["提交时间", "社区", "服务项目", "备注"]
    rows = [
        header,
        ["2026-11-20 09:31", "友谊社区", "义诊；健康讲座，血压血糖检测", "N/A"],
        ["2026-11-20 09:32", "友谊社区", "其他〖义诊〗", "(空)"],  # the text beside 其他 names a service
        ["2026-11-20 09:33", "友谊社区", "健康讲座、其他〖送药上门〗", "（空）"],
    ]
    got = convert("requests", rows, 0, guess_mapping("requests", header), PLAN, now=NOW)
    assert [(r.line, r.record.service, r.record.extra.get("notes", "")) for r in got] == [
        (2, "free-clinic", ""),
        (2, "talk", ""),
        (2, "bp", ""),
        (3, "free-clinic", ""),
        (4, "talk", "送药上门"),
    ]
    subs = {r.record.extra.get("submission") for r in got[:3]}
    assert len(subs) == 1 and None not in subs and len({r.record.id for r in got}) == 5


def test_a_service_name_holding_a_separator_is_not_split() -> None:
    doc = plan_doc()
    doc["services"].append({"id": "eyes", "name": "视力、听力筛查", "needs": [], "duration_minutes": 60})
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    rows = [["社区", "服务项目"], ["友谊社区", "视力、听力筛查"]]
    [r] = convert("requests", rows, 0, guess_mapping("requests", rows[0]), plan, now=NOW)
    assert r.ok and r.record.service == "eyes"


def test_what_identifies_a_submission() -> None:
    t = "2026/11/20 9:31:02"
    a = submission_id({"number": "7", "received": t, "partner": "友谊社区"}, t, ["义诊"])
    b = submission_id(
        {"number": "7", "received": t, "partner": "友谊 社区", "notes": "x"},
        datetime(2026, 11, 20, 9, 31, 2),
        [],
    )
    assert a == b  # the number and time, whatever else the export holds
    c = submission_id({"received": t, "partner": "友谊社区"}, t, ["义诊", "健康讲座"])
    d = submission_id({"received": t, "partner": "友谊社区"}, t, ["健康讲座", "义诊"])
    e = submission_id({"received": t, "partner": "东湖社区"}, t, ["健康讲座", "义诊"])
    assert c == d != e  # else by the answers


@pytest.mark.parametrize(
    "text, phone",
    [
        ("+86 136 0000 0000", "13600000000"),
        ("+86-136-0000-0000", "13600000000"),
        ("136 0000 0000", "13600000000"),
        ("０７３１－８８８８６６６６", "0731-88886666"),
        ("(010) 6666 8888", "010-66668888"),
        ("0731-88886666-123", "0731-88886666-123"),
        ("0731 8888 6666 转 8", "0731-88886666-8"),
        ("abc", None),
        ("123", None),
        ("+1 202 555 0100", None),
        ("1380000", None),
    ],
)
def test_phone_numbers_as_people_write_them(text, phone) -> None:
    assert phone_number(text) == phone


def test_staff_status_position_and_title() -> None:
    header = ["工号", "姓名", "科室", "职务", "职称", "手机", "人员状态"]
    rows = [
        header,
        ["E1", "甲", "骨伤科", "护士长", "主管护师", "abc", "返聘"],
        ["E2", "乙", "骨伤科", "", "护师", "", "停薪留职"],
        ["E3", "丙", "骨伤科", "", "护师", "", "借调中"],
    ]
    mapping = guess_mapping("staff", header)
    assert mapping == {
        0: "id",
        1: "name",
        2: "department",
        3: "position",
        4: "title",
        5: "phone",
        6: "active",
    }
    a, b, c = convert("staff", rows, 0, mapping, PLAN)
    assert a.record.title == "主管护师" and a.record.extra["position"] == "护士长" and a.record.active
    assert a.problems == [("phone", "{value} is not a phone number", "abc")]  # the preview says so too
    assert b.ok and not b.record.active
    assert c.problems == [("active", "{value} is not a staff status (在职, 返聘, 离职, 退休 …)", "借调中")]


def test_only_a_staff_number_header_is_the_key() -> None:
    assert guess_mapping("staff", ["科室编号", "姓名", "科室"]) == {1: "name", 2: "department"}
    assert guess_mapping("staff", ["编号", "姓名", "科室"]) == {1: "name", 2: "department"}
    assert ambiguous("staff", ["工号", "职工号", "姓名"]) == {"id": [0, 1]}
    assert guess_mapping("departments", ["科室编号", "科室名称"]) == {0: "id", 1: "name"}


def test_a_staff_number_that_lost_its_leading_zeros_is_no_new_person() -> None:
    """R3: HR's 00123 saved by Excel as the number 123 made a second 零号甲 (a new person 123)."""
    doc = plan_doc()
    doc["staff"].append({"id": "00123", "name": "零号甲", "department": "ortho"})
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    header = ["工号", "姓名", "科室"]
    rows = [header, [123, "零号甲", "骨伤科"], ["00123", "零号甲", "骨伤科"], ["456", "新人", "骨伤科"]]
    lost, kept, new = convert("staff", rows, 0, guess_mapping("staff", header), plan)
    assert not lost.ok and lost.problems[0][0] == "id" and "00123 零号甲" in lost.problems[0][2]
    assert kept.ok and kept.update and new.ok and not new.update


@pytest.mark.parametrize(
    "said, member",
    [
        ("中共党员", True),
        ("中共预备党员", True),
        ("共产党员", True),  # was False in silence
        ("中国共产党党员", True),
        ("中共党员（预备）", True),
        ("群众", False),
        ("共青团员", False),
        ("九三学社社员", False),
        ("民盟盟员", False),
        ("无党派人士", False),
    ],
)
def test_political_status_words(said, member) -> None:
    header = ["工号", "姓名", "科室", "政治面貌"]
    [r] = convert("staff", [header, ["E9", "甲", "骨伤科", said]], 0, guess_mapping("staff", header), PLAN)
    assert r.ok and r.record.party_member is member


def test_a_political_status_the_app_does_not_know_is_said_not_taken_as_no() -> None:
    """R3: any word but the few known (党员(预备), 中共党员（正式）, a typo 中共党园) was 'not a member'."""
    header = ["工号", "姓名", "科室", "政治面貌"]
    [r] = convert(
        "staff", [header, ["E9", "甲", "骨伤科", "中共党园"]], 0, guess_mapping("staff", header), PLAN
    )
    assert not r.ok and r.problems[0][:1] == ("party_member",)


@pytest.mark.parametrize(
    "said, people",
    [
        ("120", 120),
        ("约80人", 80),
        ("100余人", 100),
        ("1,200人", 1200),  # was 1: the first digits
        ("80-100", 100),  # a range: the most, for planning (was 80)
        ("８０～１００人", 100),
        ("50人（老人为主）", 50),
        ("1e3", None),  # was 1
        ("3月份约50人", None),  # was 3
        ("2026年12月", None),  # was refused only as too many
        ("很多", None),
    ],
)
def test_the_number_of_people_is_read_whole_or_not_at_all(said, people) -> None:
    """R3: the audience was the first run of digits anywhere in the answer."""
    header = ["单位名称", "服务项目", "预计人数"]
    [r] = convert(
        "requests", [header, ["友谊社区", "义诊", said]], 0, guess_mapping("requests", header), PLAN, now=NOW
    )
    if people is None:
        assert not r.ok and r.problems == [("audience", "{value} is not a number of people", said)]
    else:
        assert r.ok and r.record.audience == people, r.problems


def test_a_date_whose_cell_format_was_lost_is_the_date() -> None:
    """R3: 期望日期 46376 (Excel's serial of 2026-12-20, its date format lost) was 'not a date'."""
    header = ["提交时间", "单位名称", "服务项目", "期望日期"]
    rows = [header, [46357.375, "友谊社区", "义诊", 46376], [46357.4, "友谊社区", "义诊", 120]]
    ok, low = convert("requests", rows, 0, guess_mapping("requests", header), PLAN, now=NOW)
    assert ok.ok and ok.record.preferred[0].start.date() == date(2026, 12, 20)
    assert ok.record.received == datetime(2026, 12, 1, 9, 0)
    assert not low.ok and low.problems[0][0] == "date"  # 120 is no date


@pytest.mark.parametrize(
    "said, urgent", [("紧急", True), ("较急", True), ("非紧急", False), ("不太急", False)]
)
def test_a_priority_that_denies_urgency_is_not_urgent(said, urgent) -> None:
    """R3: any answer holding 急 was urgent: 非紧急 and 不太急 too."""
    header = ["单位名称", "服务项目", "是否紧急"]
    [r] = convert(
        "requests", [header, ["友谊社区", "义诊", said]], 0, guess_mapping("requests", header), PLAN, now=NOW
    )
    assert r.ok and r.record.priority == ("urgent" if urgent else "normal")
    [r] = convert(
        "requests",
        [header, ["友谊社区", "义诊", "无需着急"]],
        0,
        guess_mapping("requests", header),
        PLAN,
        now=NOW,
    )
    assert not r.ok  # a word that denies, not known: said, not urgent


def test_tencent_choice_columns_that_repeat_the_choice() -> None:
    """R3: 腾讯问卷 spreads a multi-choice over one column per option whose cell repeats the option
    when chosen and is empty when not. Only the first column was read: 义诊┋体质辨识 gave 义诊
    alone (the other lost in silence), a row choosing only the second was 'no service chosen'."""
    header = [
        "编号",
        "结束答题时间",
        "Q1:单位名称",
        "Q2:服务项目:义诊",
        "Q2:服务项目:健康讲座",
        "Q2:服务项目:其他",
    ]
    rows = [
        header,
        [1, "2026/11/20 9:31", "友谊社区", "义诊", "健康讲座", ""],
        [2, "2026/11/20 9:40", "东湖社区", "", "健康讲座", "送药上门"],
    ]
    mapping = guess_mapping("requests", header, rows[1:])
    assert [mapping.get(i) for i in (3, 4, 5)] == ["service", "service", "other"]
    got = convert("requests", rows, 0, mapping, PLAN, now=NOW)
    taken = [(r.record.partner, r.record.service, r.record.extra.get("notes")) for r in got if r.ok]
    assert len(taken) == 3 and all(r.ok for r in got), [r.problems for r in got]
    assert taken[-1][2] == "送药上门"
