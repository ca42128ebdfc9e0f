"""Reading and writing the plan file: every kind of bad document is caught with its path."""

from __future__ import annotations

import json

import pytest

from scheduler.exchange.planfile.document import parse_document, parse_plan
from scheduler.exchange.planfile.problems import PlanError
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.plan.model import Plan
from tests.helpers import sample, sample_text


def test_sample_reads_completely() -> None:
    plan = parse_document(sample_text()).plan
    assert set(plan.staff) == {"s001", "s002", "s003"}
    assert plan.staff["s003"].extra == {"x_employee_no": "E1003"}
    a1 = plan.activities["a1"]
    assert a1.stations[0].needs[1].department == "ortho"
    assert a1.moved[0].from_date.isoformat() == "2026-12-10"
    assert plan.hospital is not None and plan.hospital.clinical_hours == ("08:00", "17:30")
    assert len(plan.assignments) == 2 and len(plan.records) == 1 and len(plan.calendar) == 2


def test_write_then_read_gives_same_plan_and_bytes() -> None:
    plan = parse_document(sample_text()).plan
    text = dump_document(plan_to_document(plan))
    again = parse_document(text).plan
    assert dump_document(plan_to_document(again)) == text
    assert again.staff == plan.staff and again.activities == plan.activities


def test_unknown_keys_are_kept() -> None:
    doc = sample()
    doc["x_app_section"] = {"anything": 1}
    doc["activities"][0]["stations"][0]["x_colour"] = "red"
    plan = parse_plan(doc).plan
    out = plan_to_document(plan)
    assert out["x_app_section"] == {"anything": 1}
    assert out["activities"][0]["stations"][0]["x_colour"] == "red"


def _problems(doc_or_text) -> list:
    with pytest.raises(PlanError) as info:
        if isinstance(doc_or_text, (str, bytes)):
            parse_document(doc_or_text)
        else:
            parse_plan(doc_or_text)
    return info.value.problems


def _edit(path: list, value):
    doc = sample()
    target = doc
    for p in path[:-1]:
        target = target[p]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


BAD = [
    ("wrong format", _edit(["format"], "other"), "$.format"),
    ("wrong version", _edit(["version"], 2), "$.version"),
    ("missing staff name", _edit(["staff", 0, "name"], KeyError), "$.staff[0].name"),
    ("missing department id", _edit(["departments", 0, "id"], KeyError), "$.departments[0].id"),
    ("missing activity start", _edit(["activities", 0, "start"], KeyError), "$.activities[0].start"),
    ("unknown department", _edit(["staff", 1, "department"], "nowhere"), "$.staff[1].department"),
    ("unknown staff in assignment", _edit(["assignments", 0, "staff"], "s999"), "$.assignments[0].staff"),
    ("unknown partner in pairing", _edit(["pairings", 0, "partner"], "p-x"), "$.pairings[0].partner"),
    ("unknown station", _edit(["assignments", 1, "station"], "nope"), "$.assignments[1].station"),
    ("bad date", _edit(["pairings", 0, "start"], "2025-02-30"), "$.pairings[0].start"),
    ("bad date shape", _edit(["calendar", 0, "date"], "1/1/2027"), "$.calendar[0].date"),
    ("bad time", _edit(["activities", 0, "start"], "2026-12-03 18:00"), "$.activities[0].start"),
    (
        "time with offset",
        _edit(["unavailability", 0, "end"], "2026-12-01T17:30+08:00"),
        "$.unavailability[0].end",
    ),
    ("end before start", _edit(["activities", 0, "end"], "2026-12-03T17:00"), "$.activities[0].end"),
    (
        "unavailability end before start",
        _edit(["unavailability", 0, "end"], "2026-12-01T07:00"),
        "$.unavailability[0].end",
    ),
    ("bad rrule", _edit(["activities", 0, "rrule"], "FREQ=SOMETIMES"), "$.activities[0].rrule"),
    ("negative count", _edit(["services", 0, "needs", 0, "count"], -1), "$.services[0].needs[0].count"),
    ("negative cover", _edit(["departments", 0, "min_on_duty"], -2), "$.departments[0].min_on_duty"),
    ("negative population", _edit(["partners", 0, "population"], -5), "$.partners[0].population"),
    ("unknown kind", _edit(["partners", 0, "kind"], "planet"), "$.partners[0].kind"),
    ("unknown role", _edit(["assignments", 0, "role"], "boss"), "$.assignments[0].role"),
    ("unknown status", _edit(["activities", 0, "status"], "maybe"), "$.activities[0].status"),
    ("share above 1", _edit(["partners", 0, "share_60_plus"], 23), "$.partners[0].share_60_plus"),
    ("share below 0", _edit(["partners", 0, "share_60_plus"], -0.1), "$.partners[0].share_60_plus"),
    (
        "excluded occurrence assigned",
        _edit(["assignments", 0, "occurrence"], "2026-12-31"),
        "$.assignments[0].occurrence",
    ),
    (
        "moved-to day assigned",
        _edit(["assignments", 0, "occurrence"], "2026-12-11"),
        "$.assignments[0].occurrence",
    ),
    ("record on no occurrence", _edit(["records", 0, "occurrence"], "2026-12-04"), "$.records[0].occurrence"),
    ("string for number", _edit(["staff", 0, "max_hours_month"], "16"), "$.staff[0].max_hours_month"),
    ("section not a list", _edit(["staff"], {"id": "s1"}), "$.staff"),
]


@pytest.mark.parametrize("case,doc,path", BAD, ids=[b[0] for b in BAD])
def test_bad_document_names_the_place(case, doc, path) -> None:
    problems = _problems(doc)
    assert path in [p.path for p in problems], problems


def test_duplicate_ids_both_places_named() -> None:
    doc = sample()
    doc["staff"].append(dict(doc["staff"][0]))
    problems = _problems(doc)
    assert problems[0].path == "$.staff[3]" and "$.staff[0]" in problems[0].reason


def test_every_problem_is_listed_not_just_the_first() -> None:
    doc = sample()
    doc["staff"][0]["department"] = "nowhere"
    doc["partners"][0]["share_60_plus"] = 7
    doc["activities"][0]["rrule"] = "BANANA"
    paths = {p.path for p in _problems(doc)}
    assert {"$.staff[0].department", "$.partners[0].share_60_plus", "$.activities[0].rrule"} <= paths


@pytest.mark.parametrize("text", ["not json at all", sample_text()[:200], "", "[1, 2]", "null"])
def test_not_json_or_truncated(text) -> None:
    problems = _problems(text)
    assert problems[0].path == "$"


def test_not_utf8() -> None:
    assert "UTF-8" in _problems(b"\xff\xfe{\x00")[0].reason or _problems(b"\xff\xfe{\x00")[0].path == "$"


def test_references_may_point_into_the_database() -> None:
    base = parse_document(sample_text()).plan
    doc = {
        "format": "outreach-plan",
        "version": 1,
        "staff": [{"id": "s010", "name": "赵敏", "department": "ortho"}],
        "assignments": [{"activity": "a1", "occurrence": "2026-12-17", "staff": "s010"}],
    }
    plan = parse_plan(doc, base).plan
    assert "s010" in plan.staff
    with pytest.raises(PlanError):
        parse_plan(doc, Plan())


def test_count_applies_before_exdates() -> None:
    # COUNT=10 from 2026-12-03 ends at 2027-02-04 although 2026-12-31 is excluded.
    doc = sample()
    doc["assignments"][0]["occurrence"] = "2027-02-04"
    parse_plan(doc)
    doc["assignments"][0]["occurrence"] = "2027-02-11"
    assert _problems(doc)[0].path == "$.assignments[0].occurrence"


def test_problem_text_names_path_value_and_reason() -> None:
    problem = _problems(_edit(["partners", 0, "share_60_plus"], 23))[0]
    text = str(problem)
    assert "$.partners[0].share_60_plus" in text and "23" in text and "between 0 and 1" in text
    json.dumps([problem.path, problem.value, problem.reason])


def _nested_doc(extra: dict | None = None) -> dict:
    """The sample with every key of the three small objects that keep no keys of their own."""
    doc = sample()
    doc["partners"][0]["contact"] = {"name": "张主任", "phone": "0731-84001234", **(extra or {})}
    doc["requests"][0]["preferred"][0].update(extra or {})
    doc["records"][0]["attended"][0].update(extra or {})
    return doc


def test_nested_small_objects_round_trip_whole() -> None:
    """A partner's contact, a request's preferred times and a record's attended people come back
    from export as they went in (docs/plan-file.md, keys of your own)."""
    doc = _nested_doc()
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    again = plan_to_document(plan)
    assert again["partners"][0]["contact"] == doc["partners"][0]["contact"]
    assert again["requests"][0]["preferred"] == doc["requests"][0]["preferred"]
    assert again["records"][0]["attended"] == doc["records"][0]["attended"]
    assert dump_document(plan_to_document(parse_document(dump_document(again)).plan)) == dump_document(again)


def test_unknown_keys_inside_the_small_objects_are_refused_with_their_path_not_dropped() -> None:
    doc = _nested_doc({"x_title": "主任"})
    with pytest.raises(PlanError) as err:
        parse_document(json.dumps(doc, ensure_ascii=False))
    where = {p.path: p for p in err.value.problems}
    assert set(where) == {
        "$.partners[0].contact.x_title",
        "$.requests[0].preferred[0].x_title",
        "$.records[0].attended[0].x_title",
    }
    assert all(p.value == "主任" for p in where.values())
    said = where["$.partners[0].contact.x_title"].say(lambda s: s)
    assert "name, phone" in said and "kept on the record itself" in said
    # Kept one level up: the same key on the partner itself comes back on export.
    doc = _nested_doc()
    doc["partners"][0]["x_title"] = "主任"
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    assert plan_to_document(plan)["partners"][0]["x_title"] == "主任"
