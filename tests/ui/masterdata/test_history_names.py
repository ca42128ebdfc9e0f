"""The history of a record names the records its fields point at (the fields the declaration
says are references), and shows every other value as it is."""

from __future__ import annotations

from datetime import datetime

from scheduler.plan.history import AuditEntry
from ui.masterdata.history_dialog import describe_entry, references

NAMES = {
    ("staff", "s1"): "金伟",
    ("staff", "s2"): "李娜",
    ("branches", "b1"): "骨伤党支部",
    ("departments", "d1"): "骨伤科",
}


def _names(section: str, key: str) -> str:
    return NAMES.get((section, key), key)


def _entry(section: str, old: dict, new: dict) -> AuditEntry:
    return AuditEntry(datetime(2026, 3, 1, 9, 0), "办公室", section, "x", old, new)


def test_references_are_the_declared_reference_fields() -> None:
    assert references("branches") == {"departments": "departments", "secretary": "staff", "contact": "staff"}
    assert references("activities")["organizer"] == "branches"
    assert "contact" not in references("partners")  # a partner's contact is a name and a phone
    assert references("calendar") == {}


def test_a_change_names_the_records_pointed_at() -> None:
    e = _entry(
        "branches", {"contact": "s1", "departments": ["d1"]}, {"contact": "s2", "departments": ["d1", "d9"]}
    )
    assert describe_entry(e, {"contact": "联系人"}, _names).splitlines() == [
        "联系人: 金伟 → 李娜",
        "departments: 骨伤科 → 骨伤科、d9",
    ]
    e = _entry("activities", {"organizer": "b1"}, {"organizer": None})
    assert describe_entry(e, names=_names) == "organizer: 骨伤党支部 → —"
    e = _entry("partners", {"contact": {"name": "s1"}}, {"contact": {"name": "s2"}})
    assert describe_entry(e, names=_names) == "contact.name: s1 → s2"  # a person's name, not a staff id
