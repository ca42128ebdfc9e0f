"""The notice for a WeChat group: golden texts on the sample plan (Chinese and English), the
gathering time, what to bring, where the address goes, and hostile names kept as plain text."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from reports.document import translator
from reports.messages import QUALIFICATION_NAMES
from reports.notice import BRING_FOR_QUALIFICATION, notice_text, occurrence_notice
from reports.registry import RosterError
from reports.rosters import find_occurrence
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.exchange.planfile.document import parse_document
from tests.helpers import sample

ZH = """\
【活动通知】中医夜市
各位老师好！现将本次活动安排通知如下：
【日期】2026年12月3日（周四）
【时间】18:00–21:00
【集合】17:30（提前30分钟）
【地点】合乐城商场
【对接】友谊社区（友谊路1号） 张主任 0731-1234567
【带队】金伟 13800000000
【人员安排】
健康咨询区：金伟（带队）、王强
【请携带】工作牌、工作服、健康宣传资料、听诊器
请各位老师提前安排好科室工作，准时到达。收到请回复，谢谢！
骨伤党支部
"""

EN = """\
[Notice] 中医夜市
Dear colleagues, the arrangements are as follows:
Date: 2026-12-03 (Thursday)
Time: 18:00–21:00
Gathering: 17:30, 30 minutes before the start
Venue: 合乐城商场
Partner contact: 友谊社区 (友谊路1号) 张主任 0731-1234567
Lead: 金伟 13800000000
Stations and people:
健康咨询区: 金伟 (lead), 王强
Please bring: staff badge and work clothes, health leaflets, stethoscope
Please arrange cover in your department and be on time. Reply to confirm, thank you!
骨伤党支部
"""


def _plan(doc: dict | None = None):
    plan = parse_document(json.dumps(doc or sample(), ensure_ascii=False)).plan
    return plan, WorkCalendar(official_calendar(), plan.calendar.values())


@pytest.mark.parametrize("lang,expected", [("zh_CN", ZH), ("en", EN)])
def test_golden_notice_of_the_sample(lang: str, expected: str) -> None:
    plan, cal = _plan()
    assert occurrence_notice(plan, cal, "a1", date(2026, 12, 3), translator(lang)) == expected


def test_a_moved_occurrence_says_so_and_one_without_lead_says_to_be_decided() -> None:
    plan, cal = _plan()
    text = occurrence_notice(plan, cal, "a1", date(2026, 12, 10), translator("zh_CN"))
    lines = text.splitlines()
    assert "【日期】2026年12月11日（周五）（由 2026-12-10 改期）" in lines
    assert "【带队】待定" in lines
    assert "健康咨询区：王强" in lines  # the one assigned to every occurrence


def test_gathering_time_follows_the_setting() -> None:
    plan, cal = _plan()
    b = find_occurrence(plan, cal, "a1", date(2026, 12, 3))
    assert b is not None
    t = translator("zh_CN")
    assert "【集合】17:15（提前45分钟）" in notice_text(plan, b, t, gather_minutes=45).splitlines()
    assert "【集合】" not in notice_text(plan, b, t, gather_minutes=0)
    # Gathering the evening before an occurrence that starts just after midnight.
    early = replace(b, occ=replace(b.occ, start=b.occ.start.replace(hour=0, minute=10)))
    assert "【集合】12-02 23:40（提前30分钟）" in notice_text(plan, early, t).splitlines()


def test_what_to_bring_follows_the_stations_the_kind_and_the_setting() -> None:
    doc = sample()
    doc["activities"][0]["kind"] = "lecture"
    doc["activities"][0]["stations"][0]["needs"].append({"qualification": "ecg", "count": 1})
    plan, cal = _plan(doc)
    text = occurrence_notice(plan, cal, "a1", date(2026, 12, 3), translator("zh_CN"), bring="签到表、横幅")
    bring = next(x for x in text.splitlines() if x.startswith("【请携带】"))
    assert (
        bring == "【请携带】工作牌、工作服、健康宣传资料、课件（U盘）、听诊器、便携式心电图机、签到表、横幅"
    )
    # Every qualification the app knows has its kit.
    assert set(BRING_FOR_QUALIFICATION) == set(QUALIFICATION_NAMES)


def test_the_partners_address_goes_with_the_venue_only_where_the_venue_is_the_partners() -> None:
    doc = sample()
    doc["activities"][0]["venue"] = "友谊社区党群服务中心"
    plan, cal = _plan(doc)
    lines = occurrence_notice(plan, cal, "a1", date(2026, 12, 3), translator("zh_CN")).splitlines()
    assert "【地点】友谊社区党群服务中心（友谊路1号）" in lines
    assert "【对接】友谊社区 张主任 0731-1234567" in lines
    del doc["activities"][0]["venue"]
    plan, cal = _plan(doc)
    lines = occurrence_notice(plan, cal, "a1", date(2026, 12, 3), translator("zh_CN")).splitlines()
    assert "【地点】友谊社区（友谊路1号）" in lines


@pytest.mark.parametrize(
    "activity,day,reason",
    [("nope", date(2026, 12, 3), "unknown"), ("a1", date(2026, 12, 31), "not_held"), (None, None, "missing")],
)
def test_no_notice_for_an_occurrence_that_is_not_held(activity, day, reason) -> None:
    plan, cal = _plan()
    with pytest.raises(RosterError) as err:
        occurrence_notice(plan, cal, activity, day)
    assert err.value.reason == reason and err.value.kind == "notice"


def test_a_called_off_occurrence_has_no_notice() -> None:
    doc = sample()
    doc["records"] = [{"activity": "a1", "occurrence": "2026-12-17", "status": "cancelled", "reason": "雨"}]
    plan, cal = _plan(doc)
    with pytest.raises(RosterError) as err:
        occurrence_notice(plan, cal, "a1", date(2026, 12, 17))
    assert err.value.reason == "not_held"


HOSTILE = "金\n【带队】假冒\r\x1b[31m红\x00\u202e反转\u2066隔离\x7f\x85下一行\x9b2J\u2029段"


def test_hostile_names_stay_text_on_their_own_line() -> None:
    # Made on the objects (the plan file refuses a NUL): what a broken import might leave.
    plan, cal = _plan()
    s1 = plan.staff["s001"]
    plan.staff["s001"] = replace(s1, name=HOSTILE, phone="138\n【集合】凌晨三点")
    a = plan.activities["a1"]
    station = replace(a.stations[0], name="咨询\u2028区\n假")
    plan.activities["a1"] = replace(a, title="夜市<script>\t\x08", stations=(station,))
    p = plan.partners["p-youyi"]
    contact = replace(p.contact, name="张\x1b]0;title\x07", phone="\u202e7654321")
    plan.partners["p-youyi"] = replace(p, contact=contact, address="路" * 500)
    clean_plan, _ = _plan()
    for lang in ("zh_CN", "en"):
        text = occurrence_notice(plan, cal, "a1", date(2026, 12, 3), translator(lang))
        normal = occurrence_notice(clean_plan, cal, "a1", date(2026, 12, 3), translator(lang))
        # The same lines as the clean notice: no name started a line of its own.
        assert len(text.splitlines()) == len(normal.splitlines())
        assert text.count("\n") == normal.count("\n")
        for c in text:
            if c != "\n":
                assert unicodedata.category(c) not in ("Cc", "Cs"), repr(c)
            assert c not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", repr(c)
        label = "【集合】" if lang == "zh_CN" else "Gathering:"
        assert [x for x in text.splitlines() if x.startswith(label)] == [
            x for x in normal.splitlines() if x.startswith(label)
        ]  # the forged gathering time in a phone number stays inside the lead's line
        assert "<script>" in text  # markup is text here, as written
        assert "路" * 61 not in text and "…" in text  # a very long address is shortened
        lead = next(x for x in text.splitlines() if x.startswith(("【带队】", "Lead:")))
        assert "假冒" in lead and "红" in lead  # the name is all there, on the lead's line
