"""The registry of conflict kinds: spelled as docs/check.md spells them, each with a severity and
a scope the incremental checker knows, each found by its own check on a plan that has them all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from scheduler.conflicts.checker import FINDERS, CheckContext, check
from scheduler.conflicts.held import held_occurrences, window_bounds
from scheduler.conflicts.kinds import ERROR, KINDS, SCOPES, WARNING
from scheduler.plan.model import (
    Branch,
    Need,
    Pairing,
    Partner,
    Plan,
    Service,
    ServiceRequest,
    Station,
    Unavailability,
)
from tests.scheduler.conflicts.test_conflicts import CAL, MON, NATIONAL_DAY, SAT, act, at, base, put

TODAY = datetime.combine(MON, datetime.min.time())

# docs/check.md: the kinds, spelled exactly, in the order a report lists them.
DOCUMENTED_KINDS = (
    "staff_double_booked",
    "staff_unavailable",
    "department_cover",
    "understaffed",
    "unqualified",
    "no_lead",
    "venue_double_booked",
    "hours_cap",
    "holiday",
    "pairing_behind_plan",
    "request_overdue",
)


def every_kind() -> Plan:
    """A small plan in which every kind of docs/check.md occurs at least once (judged at MON)."""
    p = base()  # ortho: o1..o4 physicians (o1 a party member of branch b), minimum 2; acu: a1, a2
    p.branches["b"] = Branch("b", "骨伤科党支部", ("ortho",))
    p.partners["pt"] = Partner("pt", "友谊社区")
    p.services["tea"] = Service("tea", "凉茶", (Need(None, None, 1),))
    p.pairings["pr"] = Pairing("pr", "b", "pt", None, None, 12)  # no visit all year: behind plan
    p.requests["r"] = ServiceRequest("r", "pt", "tea", datetime(2026, 11, 1, 9, 0))  # due 11-15
    p.staff["o4"] = replace(p.staff["o4"], max_hours_month=1)
    acu = Station("s", "针灸区", (Need(None, "acupuncture", 1),))
    # x and y overlap at one venue with o2 on both; o2 meets no need of x's station; nobody leads.
    act(
        p, "x", at(SAT, 9), at(SAT, 11), venue="友谊社区 活动室", stations=(acu,), organizer="b", partner="pt"
    )
    act(p, "y", at(SAT, 10), at(SAT, 12), venue="友谊社区 活动室")
    put(p, "x", "o2", "s")
    put(p, "y", "o2")
    put(p, "y", "o4")  # 2 h against a cap of 1 h
    put(p, "x", "o3")
    u = Unavailability("o3", at(SAT, 8), at(SAT, 9, 30), "leave")
    p.unavailability[u.key] = u
    # Three of ortho's four out on a Monday afternoon: one left of the two it needs.
    act(p, "day", at(MON, 14), at(MON, 16))
    for s in ("o1", "o2", "o3"):
        put(p, "day", s, role="lead" if s == "o1" else "member")
    act(p, "hol", at(NATIONAL_DAY, 9), at(NATIONAL_DAY, 11))
    put(p, "hol", "o1", role="lead")
    return p


def test_kinds_are_the_interchange_kinds_in_report_order() -> None:
    assert tuple(KINDS) == DOCUMENTED_KINDS
    for name, kind in KINDS.items():
        assert kind.code == name
        assert kind.severity in (ERROR, WARNING)
        assert kind.scope in SCOPES
    # docs/check.md: these are errors, the rest warnings.
    errors = {k for k, v in KINDS.items() if v.severity == ERROR}
    assert errors == {"staff_double_booked", "staff_unavailable", "department_cover", "understaffed"}


def test_every_kind_has_one_finder() -> None:
    assert list(FINDERS) == list(KINDS.values())


def test_every_kind_occurs_in_the_every_kind_plan() -> None:
    found = {c.kind for c in check(CheckContext(every_kind(), CAL, TODAY))}
    assert found == set(KINDS)


@pytest.mark.parametrize("name", list(KINDS))
def test_each_kind_finds_only_its_own(name: str) -> None:
    ctx = CheckContext(every_kind(), CAL, TODAY)
    booked = held_occurrences(ctx.plan, CAL, *window_bounds(None, None))
    kind = KINDS[name]
    got = FINDERS[kind](booked, ctx)
    assert got and {c.kind for c in got} == {name}
    assert {c.severity for c in got} == {kind.severity}
    assert sorted(got, key=lambda c: c.key) == sorted(
        (c for c in check(ctx) if c.kind == name), key=lambda c: c.key
    )


def test_a_window_keeps_only_its_kinds() -> None:
    """Outside the window only the plan-wide kinds remain (and the month of a cap)."""
    ctx = CheckContext(every_kind(), CAL, TODAY, date(2026, 12, 1), date(2026, 12, 31))
    assert {c.kind for c in check(ctx)} == {"pairing_behind_plan", "request_overdue"}
