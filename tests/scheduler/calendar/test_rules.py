"""The recurrence editor's rules: every rule it can show round-trips; others stay custom."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from scheduler.calendar.planning import department_on_turn, occurrences_between, rotation_from_order
from scheduler.calendar.recurrence import check_rule
from scheduler.calendar.rules import RuleSpec, from_rrule, to_rrule
from scheduler.plan.model import Activity, RotationEntry

specs = st.one_of(
    st.just(RuleSpec()),
    st.builds(
        RuleSpec,
        st.just("daily"),
        st.integers(1, 5),
        st.just(()),
        st.just(1),
        st.just(0),
        st.one_of(st.none(), st.integers(1, 50)),
        st.none(),
    ),
    st.builds(
        RuleSpec,
        st.just("weekly"),
        st.integers(1, 4),
        st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(lambda x: tuple(sorted(x))),
        st.just(1),
        st.just(0),
        st.none(),
        st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2030, 1, 1))),
    ),
    st.builds(
        RuleSpec,
        st.just("monthly"),
        st.integers(1, 3),
        st.just(()),
        st.sampled_from([1, 2, 3, 4, -1]),
        st.integers(0, 6),
        st.one_of(st.none(), st.integers(1, 24)),
        st.none(),
    ),
)


@given(specs)
def test_every_rule_the_editor_shows_round_trips(spec: RuleSpec) -> None:
    text = to_rrule(spec)
    assert from_rrule(text) == spec
    if text:
        assert check_rule(text, datetime(2025, 12, 1, 9)) is None


def test_rules_the_editor_cannot_show_are_custom() -> None:
    assert from_rrule("FREQ=MONTHLY;BYMONTHDAY=15") is None
    assert from_rrule("FREQ=YEARLY") is None
    assert from_rrule("FREQ=WEEKLY;BYDAY=MO;WKST=SU") is None
    assert from_rrule("FREQ=WEEKLY;BYDAY=TH;COUNT=10") == RuleSpec("weekly", 1, (3,), count=10)


def test_rotation_and_turns() -> None:
    a = Activity(
        "nm", "夜市", datetime(2026, 12, 3, 18), datetime(2026, 12, 3, 21), rrule="FREQ=WEEKLY;COUNT=4"
    )
    rot = rotation_from_order(a, ["tcm", "acu", "rehab"], ["consult", "tea"])
    assert [(r.occurrence.day, r.station, r.department) for r in rot[:4]] == [
        (3, "consult", "tcm"),
        (3, "tea", "acu"),
        (10, "consult", "acu"),
        (10, "tea", "rehab"),
    ]
    a2 = Activity(
        **{
            **{f: getattr(a, f) for f in a.__slots__},
            "rotation": (
                RotationEntry("ortho"),
                RotationEntry("acu", None, "consult"),
                RotationEntry("tcm", date(2026, 12, 10), "consult"),
            ),
        }
    )
    assert department_on_turn(a2, date(2026, 12, 3), "consult") == "acu"
    assert department_on_turn(a2, date(2026, 12, 10), "consult") == "tcm"
    assert department_on_turn(a2, date(2026, 12, 10), "tea") == "ortho"


def test_occurrences_between_is_half_open_and_sorted() -> None:
    a = Activity("a", "x", datetime(2026, 12, 3, 18), datetime(2026, 12, 3, 21), rrule="FREQ=WEEKLY;COUNT=3")
    b = Activity("b", "y", datetime(2026, 12, 10, 9), datetime(2026, 12, 10, 10))
    got = occurrences_between([a, b], datetime(2026, 12, 10), datetime(2026, 12, 17))
    assert [(o.activity, o.date.day) for o in got] == [("b", 10), ("a", 10)]
