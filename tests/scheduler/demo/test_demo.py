"""The demo hospital as a living office on its today: staffed and recorded before it, mostly
staffed after it, a handful of teachable problems of every kind, deterministic."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest

from resources import demo_recipe
from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.kinds import KINDS
from scheduler.demo.hospital import build_demo, demo_today
from scheduler.exchange.planfile.document import parse_plan
from scheduler.exchange.planfile.writer import plan_to_document
from scheduler.office.stats import compute

TODAY = date(2026, 11, 25)
CAL = WorkCalendar(official_calendar())


@pytest.fixture(scope="module")
def small():
    return build_demo(demo_recipe(), "small", 1, 2026, TODAY, CAL)


def test_every_kind_of_conflict_is_there_and_errors_are_few(small) -> None:
    conflicts = check(CheckContext(small, CAL, datetime.combine(TODAY, datetime.min.time())))
    kinds = Counter(c.kind for c in conflicts)
    assert set(kinds) == set(KINDS), set(KINDS) - set(kinds)
    errors = [c for c in conflicts if c.severity == "error"]
    assert 0 < len(errors) < 30
    # The teachable problems lie ahead of today, where the planner can still act on them.
    assert all(min(o[1] for o in c.occurrences) >= TODAY for c in errors if c.occurrences)


def test_the_past_is_recorded_and_the_figures_are_real(small) -> None:
    st = compute(small, CAL, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    assert st.totals.occurrences > 100 and st.totals.served > 1000 and st.totals.hours > 100
    statuses = Counter(r.status for r in small.records.values())
    assert statuses["done"] > 100 and statuses["cancelled"] >= 1
    assert all(r.occurrence < TODAY for r in small.records.values())
    assert all(r.reason for r in small.records.values() if r.status == "cancelled")
    requests = Counter(q.status for q in small.requests.values())
    assert requests["new"] >= 1 and requests["done"] >= 1 and requests["accepted"] >= 1


def test_the_weeks_ahead_are_mostly_staffed(small) -> None:
    ahead = {
        (a.activity, a.occurrence)
        for a in small.assignments.values()
        if a.occurrence is not None and TODAY <= a.occurrence <= date(2026, 12, 31)
    }
    occurrences = {
        (aid, occ.date)
        for aid, act in small.activities.items()
        for occ in expand(act)
        if TODAY <= occ.date <= date(2026, 12, 31)
    }
    assert len(ahead) >= 0.9 * len(occurrences)


def test_the_demo_is_a_valid_plan_file_and_deterministic(small) -> None:
    doc = plan_to_document(small)
    assert parse_plan(doc).plan.counts() == small.counts()
    again = build_demo(demo_recipe(), "small", 1, 2026, TODAY, CAL)
    assert plan_to_document(again) == doc
    assert small.hospital is not None and small.hospital.extra["demo_today"] == "2026-11-25"


def test_the_demo_today() -> None:
    assert demo_today(2026, date(2026, 3, 4)) == date(2026, 3, 4)
    assert demo_today(2025, date(2026, 3, 4)) == date(2025, 12, 31)
    assert demo_today(2027, date(2026, 3, 4)) == date(2027, 1, 1)
    bare = build_demo(demo_recipe(), "small", 1, 2026, TODAY, CAL, staffed=False)
    assert not bare.assignments and not bare.records


# What a partner is, not who: a name that is only this would read "社区义诊", "… with 社区".
KIND_WORDS = {"社区", "街道", "村", "企业", "学校", "车站", "机关", "商场", "集市", "其他", "单位", "公司"}


@pytest.mark.parametrize("scale", ["small", "hospital"])
def test_every_partner_has_a_real_looking_name_of_its_own(scale) -> None:
    plan = build_demo(demo_recipe(), scale, 1, 2026, TODAY, CAL)
    names = [p.name for p in plan.partners.values()]
    assert len(names) == len(set(names))  # no two alike
    for name in names:
        assert name not in KIND_WORDS and len(name) >= 3, name
        assert not any(name == w + str(n) for w in KIND_WORDS for n in range(100)), name
    # The activities and pairings made from them read the same.
    for a in plan.activities.values():
        assert not a.title.startswith(tuple(w + "义诊" for w in KIND_WORDS)), a.title
