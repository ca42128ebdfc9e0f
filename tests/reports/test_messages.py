"""Sentences about conflicts and open needs: every conflict kind and every reason for an open need
has its sentence and name, in English and in Chinese, and reads with the plan's real names."""

from __future__ import annotations

import string
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from reports.messages import UNFILLED, describe, describe_need, describe_unfilled
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.kinds import KINDS
from scheduler.plan.model import Plan
from scheduler.solver.proposal import REASONS, Unfilled
from tests.scheduler.conflicts.test_conflicts_kinds import CAL, TODAY, every_kind

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402

ZH = translations.read_ts()


def zh(text: str) -> str:
    """The Chinese of a string; a missing translation fails the test that asks for it."""
    assert text in ZH, f"no Chinese translation of {text!r}"
    return ZH[text]


def fields(template: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


def plan() -> Plan:
    p = every_kind()
    titles = {"x": "友谊社区义诊", "y": "健康讲座", "day": "结对走访", "hol": "国庆义诊"}
    for aid, title in titles.items():
        p.activities[aid] = replace(p.activities[aid], title=title)
    return p


def conflicts_by_kind(p: Plan) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in check(CheckContext(p, CAL, TODAY)):
        out.setdefault(c.kind, []).append(c)
    return out


# ---- every kind declared once, in both languages


def test_every_kind_has_a_name_and_a_sentence() -> None:
    for code, kind in KINDS.items():
        assert kind.name.strip() and kind.template.strip(), code
    assert len({k.name for k in KINDS.values()}) == len(KINDS)  # names tell kinds apart


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_chinese_name_and_sentence_with_the_same_placeholders(kind: str) -> None:
    text = KINDS[kind]
    assert zh(text.name) != text.name
    assert fields(zh(text.template)) == fields(text.template)


@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_for_an_open_need_has_a_sentence_in_both_languages(reason: str) -> None:
    assert reason in UNFILLED
    assert fields(zh(UNFILLED[reason])) == fields(UNFILLED[reason])


# ---- the sentences, with the plan's names and figures

ENGLISH = {
    "staff_double_booked": "骨2 is booked twice: 友谊社区义诊 11-28 and 健康讲座 11-28 overlap (2026-11-28 10:00–11:00).",
    "staff_unavailable": "骨3 is assigned to 友谊社区义诊 11-28 (2026-11-28 09:00–11:00) but is away: on leave.",
    "department_cover": "骨伤科 keeps only 1 of the 2 people it needs in the hospital 2026-11-23 14:00–16:00, "
    "because of 结对走访 11-23.",
    "understaffed": "针灸区 of 友谊社区义诊 11-28 (2026-11-28 09:00–11:00) is understaffed: 0 of 1 places filled.",
    "unqualified": "骨2 at 针灸区 of 友谊社区义诊 11-28 (2026-11-28 09:00–11:00) meets none of the station's needs.",
    "no_lead": "友谊社区义诊 11-28 (2026-11-28 09:00–11:00) has no lead who is a party member.",
    "venue_double_booked": "友谊社区 活动室 is booked twice: 友谊社区义诊 11-28 and 健康讲座 11-28 overlap "
    "(2026-11-28 10:00–11:00).",
    "hours_cap": "骨4 is planned for 2 h of outreach in 2026-11, over the cap of 1 h.",
    "holiday": "国庆义诊 10-01 (2026-10-01 09:00–11:00) falls on a statutory holiday: 国庆节.",
    "pairing_behind_plan": "The pairing of 骨伤科党支部 with 友谊社区 is behind plan: 0 held, 10.72 expected by now "
    "(target 12 a year).",
    "request_overdue": "Request r of 友谊社区 (凉茶) is overdue: it was due by 2026-11-15 09:00.",
}

CHINESE = {
    "staff_double_booked": "骨2时间冲突：友谊社区义诊 11-28与健康讲座 11-28重叠（2026-11-28 10:00–11:00）。",
    "staff_unavailable": "骨3被排到友谊社区义诊 11-28（2026-11-28 09:00–11:00），但其请假。",
    "hours_cap": "骨4在 2026-11 计划外出服务 2 小时，超过上限 1 小时。",
    "request_overdue": "友谊社区的点单 r（凉茶）已超时：应于 2026-11-15 09:00 前排期。",
}


def test_expected_sentences_cover_every_kind() -> None:
    assert set(ENGLISH) == set(KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_reads_in_english(kind: str) -> None:
    p = plan()
    first = conflicts_by_kind(p)[kind][0]
    assert describe(first, p) == ENGLISH[kind]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_reads_in_chinese(kind: str) -> None:
    p = plan()
    first = conflicts_by_kind(p)[kind][0]
    english = describe(first, p)
    text = describe(first, p, zh)
    assert text != english and "{" not in text and "}" not in text
    # The names and figures of the English sentence all come through the translation.
    for name in ("骨2", "骨3", "骨4", "骨伤科", "针灸区", "友谊社区", "国庆节", "2026-11", "10.72", "凉茶"):
        if name in english:
            assert name in text, (kind, name)
    if kind in CHINESE:
        assert text == CHINESE[kind]


def test_every_away_reason_reads_in_both_languages() -> None:
    p = plan()
    c = conflicts_by_kind(p)["staff_unavailable"][0]
    for reason, en, cn in (
        ("leave", "on leave", "请假"),
        ("duty", "on clinical duty", zh("on clinical duty")),
        ("rest", "resting after a night shift", zh("resting after a night shift")),
    ):
        c2 = replace(c, detail=(("reasons", (reason,)),))
        assert describe(c2, p).endswith(f"but is away: {en}.")
        assert describe(c2, p, zh).endswith(f"但其{cn}。")
    both = replace(c, detail=(("reasons", ("duty", "leave")),))
    assert describe(both, p).endswith("but is away: on clinical duty, on leave.")
    assert describe(both, p, zh).endswith(f"但其{zh('on clinical duty')}、请假。")


def test_a_conflict_on_something_deleted_still_reads() -> None:
    """An activity or person gone from the plan is named by its id, not an error."""
    p = plan()
    c = conflicts_by_kind(p)["staff_double_booked"][0]
    del p.activities["y"]
    del p.staff["o2"]
    assert (
        describe(c, p)
        == "o2 is booked twice: 友谊社区义诊 11-28 and y 11-28 overlap (2026-11-28 10:00–11:00)."
    )


# ---- open needs


def test_describe_need_in_both_languages() -> None:
    p = plan()
    assert describe_need("ortho", "physician", p, lambda s: s) == "Physician, 骨伤科"
    assert describe_need("ortho", "physician", p, zh) == "医师、骨伤科"
    assert describe_need(None, "nurse", p, zh) == "护士"
    assert describe_need("gone", None, p, lambda s: s) == "gone"
    assert describe_need(None, None, p, lambda s: s) == "anyone"
    assert describe_need(None, None, p, zh) == "不限"


def test_describe_unfilled_for_every_reason() -> None:
    p = plan()
    for reason in REASONS:
        u = Unfilled("x", date(2026, 11, 28), "s", 0, 2, reason, "acu", "acupuncture")
        en = describe_unfilled(u, p)
        cn = describe_unfilled(u, p, zh)
        assert en.startswith("针灸区 of 友谊社区义诊 11-28: 2 missing — ")
        assert cn.startswith("友谊社区义诊 11-28 的针灸区：缺 2 人 — ")
        assert "Acupuncture, 针灸科" in en and f"{zh('Acupuncture')}、针灸科" in cn
    rotation = Unfilled("x", date(2026, 11, 28), "s", 0, 1, "no_qualified_on_rotation", "acu", "acupuncture")
    assert describe_unfilled(rotation, p).endswith(
        "nobody of 针灸科, the department on turn, matches (Acupuncture, 针灸科)"
    )
