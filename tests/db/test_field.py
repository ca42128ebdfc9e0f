"""Field packages: the round trip office → laptop → office with a conflict, a second import that
changes nothing, and every damaged or forged package refused with the database unchanged."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
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
from db.planio import get_setting, load_ledger, load_plan, set_setting
from db.store import Store
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.held import held_occurrences
from scheduler.exchange.field import PackageError, checksum, seal
from scheduler.exchange.planfile.problems import PlanError
from scheduler.office.recording import default_record
from scheduler.plan.model import Attendance
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


def _version(doc: dict, version: int) -> str:
    doc["version"] = version
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


def _record(doc: dict, occurrence: str, hours: float = 1, staff: str = "s003") -> None:
    doc["records"] = [
        {"activity": "a1", "occurrence": occurrence, "attended": [{"staff": staff, "hours": hours}]}
    ]


def _outside_recorded(doc: dict) -> str:
    """A record for an occurrence (a real one, in January) the package was not made for,
    checksum recomputed, the sealed part left alone."""
    _record(doc, "2027-01-07")
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


def _outside_added(doc: dict) -> str:
    """The forgery of defect 6: an occurrence outside the window added to the package's list,
    with a record for it, and the checksum recomputed (what anyone could do before the seal)."""
    doc["occurrences"].append("a1|2027-01-07")
    doc["base"]["a1|2027-01-07"] = None
    _record(doc, "2027-01-07")
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


def _resealed_with_a_guess(doc: dict) -> str:
    """The same forgery, resealed with a key that is not the office's."""
    doc["occurrences"].append("a1|2027-01-07")
    _record(doc, "2027-01-07")
    doc["seal"] = seal(doc, secrets.token_bytes(32))
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


def _resealed_with_sha256(doc: dict) -> str:
    """The seal replaced by a plain SHA-256 of the sealed part (a checksum anyone can compute)."""
    doc["occurrences"].append("a1|2027-01-07")
    sealed = {k: v for k, v in doc.items() if k not in ("checksum", "seal", "records")}
    doc["seal"] = hashlib.sha256(json.dumps(sealed, sort_keys=True).encode()).hexdigest()
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


def _parts(doc: dict, **parts) -> str:
    doc.update(parts)
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize(
    "spoil, says",
    [
        (lambda doc, text: text[: len(text) // 2], "damaged or incomplete"),
        (lambda doc, text: _tampered(doc), "changed outside the app"),
        (lambda doc, text: _version(doc, 7), "version 7"),
        (lambda doc, text: _version(doc, 1), "version 1"),  # made before packages were sealed
        (
            lambda doc, text: json.dumps({**doc, "format": "outreach-plan"}),
            "not a field package",
        ),
        (lambda doc, text: b"\xff\xfe" + text.encode("utf-16"), "not text|damaged"),
        (lambda doc, text: _outside_recorded(doc), "not made for"),
        (lambda doc, text: _outside_added(doc), "seal does not match"),
        (lambda doc, text: _resealed_with_a_guess(doc), "seal does not match"),
        (lambda doc, text: _resealed_with_sha256(doc), "seal does not match"),
        (lambda doc, text: _parts(doc, occurrences=5), "'occurrences' part"),
        (lambda doc, text: _parts(doc, records={"a": 1}), "'records' part"),
        (lambda doc, text: _parts(doc, base=[]), "'base' part"),
        (lambda doc, text: _parts(doc, to="soon"), "window"),
        (lambda doc, text: json.dumps({k: v for k, v in doc.items() if k != "seal"}), "lacks its 'seal'"),
        (lambda doc, text: "[" * 100_000 + "]" * 100_000, "nested more than 64 levels"),
        (
            lambda doc, text: _parts(doc, x_deep=json.loads("[" * 500 + "]" * 500)),
            "nested more than 64 levels",
        ),
        (lambda doc, text: '{"format": "outreach-field", "n": ' + "9" * 5000 + "}", "5000 digits"),
        (
            lambda doc, text: text.replace('"format":', '"format":"outreach-field","format":', 1),
            "named twice",
        ),
        (lambda doc, text: text.replace('"records":[]', '"records":[{"notes":"\\ud800"}]'), "lone surrogate"),
        (lambda doc, text: text[:-2] + ',"x":1e999}', "too large to hold"),
    ],
)
def test_damaged_or_forged_packages_are_refused_whole(office: Store, spoil, says) -> None:
    text = export_package(office, date(2026, 12, 1), date(2026, 12, 31))
    bad = spoil(json.loads(text), text)
    before = database_hash(office)
    with pytest.raises((PackageError, PlanError)) as caught:
        import_package(office, bad)
    exc = caught.value
    told = "; ".join(str(p) for p in exc.problems) if isinstance(exc, PlanError) else str(exc)
    assert re.search(says, told), told
    assert database_hash(office) == before


def test_the_secret_is_made_once_kept_in_the_database_and_never_travels(office: Store, tmp_path) -> None:
    assert get_setting(office, "field_secret") is None
    first = export_package(office, date(2026, 12, 1), date(2026, 12, 31))
    key = get_setting(office, "field_secret")
    assert isinstance(key, str) and len(bytes.fromhex(key)) == 32
    second = export_package(office, date(2026, 12, 1), date(2026, 12, 7))
    assert get_setting(office, "field_secret") == key  # made once
    for text in (first, second):
        doc = json.loads(text)
        assert key not in text
        assert doc["seal"] == hmac.new(bytes.fromhex(key), _sealed_part(doc), "sha256").hexdigest()


def _sealed_part(doc: dict) -> bytes:
    sealed = {k: v for k, v in doc.items() if k not in ("checksum", "seal", "records")}
    return json.dumps(sealed, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode()


def test_a_database_with_the_same_identity_but_another_secret_cannot_make_packages(office, tmp_path) -> None:
    """A copy of the office's identity (say, an old backup restored elsewhere and given a new
    secret) does not make packages the office takes."""
    export_package(office, date(2026, 12, 1), date(2026, 12, 2))
    with Store(tmp_path / "other.sqlite3") as other:
        import_document(other, sample_text())
        with other.atomic():
            set_setting(other, "database_id", get_setting(office, "database_id"))
        text = export_package(other, date(2026, 12, 1), date(2026, 12, 31))
    before = database_hash(office)
    with pytest.raises(PackageError, match="seal does not match"):
        import_package(office, text)
    assert database_hash(office) == before


def _laptop_package(office: Store, tmp_path, rec: dict) -> bytes:
    """A package as the laptop writes it back: records added, checksum recomputed, seal kept."""
    doc = json.loads(export_package(office, date(2026, 12, 1), date(2026, 12, 31)))
    doc["records"] = [rec]
    doc["checksum"] = checksum(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    "rec, says",
    [
        (
            {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s003", "hours": 100_000}]},
            "at most 24",
        ),
        (
            {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s003", "hours": 1e308}]},
            "at most 24",
        ),
        (
            {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s003", "hours": 0}]},
            "above 0",
        ),
        ({"activity": "a1", "occurrence": "2026-12-17", "served": -5}, "must not be negative"),
        (
            {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s999", "hours": 2}]},
            "staff member",
        ),
        ({"activity": "a1", "occurrence": "2026-12-17", "status": "cancelled"}, "needs a reason"),
        # excluded from the series: no occurrence that day
        ({"activity": "a1", "occurrence": "2026-12-31", "status": "done"}, "is not an occurrence"),
        # in the window, but not a day the activity has
        ({"activity": "a1", "occurrence": "2026-12-16", "status": "done"}, "is not an occurrence"),
        ({"activity": "a9", "occurrence": "2026-12-17", "status": "done"}, "names no known activity"),
    ],
)
def test_field_records_get_the_checks_record_applies(office: Store, tmp_path, rec, says) -> None:
    data = _laptop_package(office, tmp_path, rec)
    before = database_hash(office)
    with pytest.raises((PlanError, PackageError)) as caught:
        import_package(office, data)
    exc = caught.value
    text = "; ".join(str(p) for p in exc.problems) if isinstance(exc, PlanError) else str(exc)
    assert says in text
    assert database_hash(office) == before
    assert load_ledger(office, "s003") == []  # nothing went into the time bank


def test_a_good_laptop_package_is_taken(office: Store, tmp_path) -> None:
    rec = {
        "activity": "a1",
        "occurrence": "2026-12-17",
        "served": 40,
        "attended": [{"staff": "s003", "hours": 2.5}],
    }
    result = import_package(office, _laptop_package(office, tmp_path, rec))
    assert (result.taken, result.conflicts) == (1, 0)
    assert [e.hours for e in load_ledger(office, "s003")] == [2.5]


def test_a_database_constraint_is_reported_as_what_was_wrong(office: Store, tmp_path) -> None:
    """A constraint failing at import (here a trigger standing for a person deleted by another
    window between the check and the write) is said as what is wrong, and nothing changes."""
    rec = {"activity": "a1", "occurrence": "2026-12-17", "attended": [{"staff": "s003", "hours": 2}]}
    data = _laptop_package(office, tmp_path, rec)
    office.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON field_imports "
        "BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END"
    )
    before = database_hash(office)
    with pytest.raises(
        PackageError, match="names a person, activity or occurrence this database does not have"
    ):
        import_package(office, data)
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


def test_conflicts_only_import_and_keeping_the_office_go_through_the_write_core(office: Store) -> None:
    """A package whose every record was changed in the office too changes nothing in the plan:
    its Changes say only the conflicts kept aside (no revision raised: a solver's answer stays
    good); keeping the office's version settles one, said the same way; taking the field's
    saves the record and settles it."""
    from db.planio import revision

    doc = json.loads(export_package(office, date(2026, 12, 1), date(2026, 12, 31)))
    plan = load_plan(office)
    held = {x.key: x for x in held_occurrences(plan, CAL, None, None)}
    apply(
        office,
        saves={"records": [default_record(held[("a1", d)], recorded_by="办公室") for d in (DEC10, DEC17)]},
    )
    doc["records"] = [
        {
            "activity": "a1",
            "occurrence": d.isoformat(),
            "served": 40,
            "attended": [{"staff": "s003", "hours": 2}],
        }
        for d in (DEC10, DEC17)
    ]
    doc["checksum"] = checksum(doc)
    records, version = load_plan(office).records, revision(office)
    result = import_package(office, json.dumps(doc, ensure_ascii=False))
    assert (result.taken, result.conflicts) == (0, 2)
    ids = {c.id for c in field_conflicts(office)}
    assert len(ids) == 2 and result.changes.keys == {"field_conflicts": frozenset(ids)}
    assert result.changes.beside_plan and not result.changes.needs_recheck
    assert load_plan(office).records == records and revision(office) == version
    first, second = field_conflicts(office)
    kept = resolve_conflict(office, first.id, "office")
    assert kept.keys == {"field_conflicts": frozenset({first.id})} and kept.beside_plan
    assert load_plan(office).records == records and revision(office) == version
    assert resolve_conflict(office, first.id, "office").keys == {}  # settled already: nothing
    taken = resolve_conflict(office, second.id, "field")
    assert taken.touches("records") and not taken.beside_plan
    assert taken.keys["field_conflicts"] == {second.id} and revision(office) == version + 1
    assert field_conflicts(office) == [] and load_plan(office).records[("a1", DEC17)].served == 40


def test_a_conflict_kept_and_settled_on_the_office_server(tmp_path) -> None:
    """The same through the write core on PostgreSQL: the conflict's id comes back from the
    insert itself (not a max(id) another planner's import could change meanwhile)."""
    from tests.pg import cluster

    url = cluster().new_database()
    with Store(url) as office:
        import_document(office, sample_text())
        doc = json.loads(export_package(office, date(2026, 12, 1), date(2026, 12, 31)))
        plan = load_plan(office)
        b = next(x for x in held_occurrences(plan, CAL, None, None) if x.key == ("a1", DEC17))
        apply(office, saves={"records": [default_record(b, recorded_by="办公室")]})
        _record(doc, "2026-12-17", 3)
        doc["checksum"] = checksum(doc)
        result = import_package(office, json.dumps(doc, ensure_ascii=False))
        [conflict] = field_conflicts(office)
        assert result.changes.keys == {"field_conflicts": frozenset({conflict.id})}
        assert resolve_conflict(office, conflict.id, "office").keys == {
            "field_conflicts": frozenset({conflict.id})
        }
        assert field_conflicts(office) == []
