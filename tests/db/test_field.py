"""Field packages: the round trip office → laptop → office with a conflict, a second import that
changes nothing, and every damaged package refused with the database unchanged."""

from __future__ import annotations

import json
from datetime import date

import pytest

from db.field import (
    export_package,
    field_conflicts,
    field_package,
    import_package,
    open_package,
    resolve_conflict,
    write_back,
)
from db.operations import apply, database_hash, import_document
from db.planio import load_ledger, load_plan
from db.store import Store
from scheduler.conflicts import held_occurrences
from scheduler.field import PackageError, checksum
from scheduler.model import Attendance
from scheduler.recording import default_record
from scheduler.workdays import WorkCalendar, official_calendar
from tests.helpers import sample_text

CAL = WorkCalendar(official_calendar())
DEC10, DEC17 = date(2026, 12, 10), date(2026, 12, 17)


@pytest.fixture
def office(tmp_path) -> Store:
    s = Store(tmp_path / "office.sqlite3")
    import_document(s, sample_text())
    yield s
    s.close()


def _record_on_laptop(store: Store, day: date, hours: float, served: int) -> None:
    """What the recording form does: start from the plan, change by exception, save."""
    plan = load_plan(store)
    b = next(x for x in held_occurrences(plan, CAL, None, None) if x.key == ("a1", day))
    rec = default_record(b, recorded_by="现场")
    rec = rec.__class__(
        **{
            **{f: getattr(rec, f) for f in rec.__slots__},
            "served": served,
            "attended": (Attendance("s003", hours),),
        }
    )
    apply(store, saves={"records": [rec]})
    write_back(store)


def test_round_trip_with_a_conflict_and_a_second_import(office: Store, tmp_path) -> None:
    pkg = tmp_path / "dec.outreach-field"
    pkg.write_text(export_package(office, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    doc = json.loads(pkg.read_text(encoding="utf-8"))
    assert "a1|2026-12-10" in doc["occurrences"] and doc["records"] == []
    # The laptop: a working database made from the package, in field mode.
    work = open_package(pkg, tmp_path)
    with Store(work) as laptop:
        assert field_package(laptop)["package"] == doc["package"]
        _record_on_laptop(laptop, DEC10, 2.5, 80)
        _record_on_laptop(laptop, DEC17, 3.0, 60)
    assert len(json.loads(pkg.read_text(encoding="utf-8"))["records"]) == 2
    # Meanwhile the office records 12-17 differently.
    plan = load_plan(office)
    b17 = next(x for x in held_occurrences(plan, CAL, None, None) if x.key == ("a1", DEC17))
    apply(office, saves={"records": [default_record(b17, recorded_by="办公室")]})
    office_17 = load_plan(office).records[("a1", DEC17)]
    result = import_package(office, pkg.read_bytes())
    assert (result.taken, result.conflicts, result.already) == (1, 1, False)
    records = load_plan(office).records
    assert records[("a1", DEC10)].served == 80  # the office had not touched it: the field's version
    assert records[("a1", DEC17)] == office_17  # both changed: the office's stays, the field's is kept aside
    [conflict] = field_conflicts(office)
    assert conflict.office == office_17 and conflict.field.served == 60
    # The same package again: nothing changes at all.
    before = database_hash(office)
    again = import_package(office, pkg.read_bytes())
    assert again.already and database_hash(office) == before
    # Choosing the field's version settles it, and the time bank follows.
    resolve_conflict(office, conflict.id, "field")
    assert field_conflicts(office) == [] and load_plan(office).records[("a1", DEC17)].served == 60
    hours = sum(e.hours for e in load_ledger(office, "s003") if e.occurrence == DEC17)
    assert hours == 3.0


def _tampered(doc: dict) -> str:
    doc["plan"]["staff"][0]["name"] = "冒名"
    return json.dumps(doc, ensure_ascii=False)


def _version_2(doc: dict) -> str:
    doc["version"] = 2
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


def _outside(doc: dict) -> str:
    doc["records"] = [
        {"activity": "a1", "occurrence": "2026-12-03", "attended": [{"staff": "s003", "hours": 1}]}
    ]
    doc["occurrences"] = [o for o in doc["occurrences"] if o != "a1|2026-12-03"]
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize(
    "spoil, says",
    [
        (lambda doc, text: text[: len(text) // 2], "damaged or incomplete"),
        (lambda doc, text: _tampered(doc), "changed outside the app"),
        (lambda doc, text: _version_2(doc), "version 2"),
        (
            lambda doc, text: json.dumps({**doc, "format": "outreach-plan"}),
            "not a field package",
        ),
        (lambda doc, text: b"\xff\xfe" + text.encode("utf-16"), "not text|damaged"),
        (lambda doc, text: _outside(doc), "not made for"),
    ],
)
def test_damaged_packages_are_refused_whole(office: Store, spoil, says) -> None:
    text = export_package(office, date(2026, 12, 1), date(2026, 12, 31))
    bad = spoil(json.loads(text), text)
    before = database_hash(office)
    with pytest.raises(PackageError, match=says):
        import_package(office, bad)
    assert database_hash(office) == before


def test_a_package_of_another_database_is_refused(office: Store, tmp_path) -> None:
    with Store(tmp_path / "other.sqlite3") as other:
        import_document(other, sample_text())
        text = export_package(other, date(2026, 12, 1), date(2026, 12, 31))
    export_package(office, date(2026, 12, 1), date(2026, 12, 2))  # the office has its own identity
    before = database_hash(office)
    with pytest.raises(PackageError, match="another database"):
        import_package(office, text)
    assert database_hash(office) == before
