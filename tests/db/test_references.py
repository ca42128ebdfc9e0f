"""What refers to a record, derived from the sections' declaration and the schema's foreign keys
(db/references.py), against an oracle: the tables the write core listed by hand before (which
table belongs to which record, which column names a record), on the demo hospital, for every
record of every section keyed by an id."""

from __future__ import annotations

from typing import Any

import pytest

from db.operations import import_plan
from db.references import Referrer, label_of, owners, referrers
from db.sections import SECTION
from db.store import Store
from resources import demo_recipe
from scheduler.demo.hospital import build_demo

# The hand-written tables of db/operations.py before the references were derived.
ORACLE_OWNERS = {
    "branch_departments": ("branches", "branch"),
    "service_needs": ("services", "service"),
    "station_needs": ("activities", "activity"),
    "rotations": ("activities", "activity"),
    "assignments": ("activities", "activity"),
    "record_attendance": ("activities", "activity"),
    "staff_qualifications": ("staff", "staff"),
}
ORACLE_LABELS = {
    "campuses": "name",
    "departments": "name",
    "branches": "name",
    "staff": "name",
    "partners": "name",
    "pairings": "id",
    "services": "name",
    "requests": "id",
    "activities": "title",
}


def oracle_referrers(store: Store, section: str, key: Any) -> list[Referrer]:
    table = SECTION[section].table
    tables = {s.table: n for n, s in SECTION.items()}
    found: dict[tuple[str, Any], Referrer] = {}
    for (child,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in store.conn.execute(f'PRAGMA foreign_key_list("{child}")').fetchall():
            if fk[2] != table or fk[6] == "CASCADE":
                continue
            if child in ORACLE_OWNERS:
                o_section, o_col = ORACLE_OWNERS[child]
                label = ORACLE_LABELS.get(o_section, "id")
                rows = store.conn.execute(
                    f'SELECT DISTINCT o.id, o."{label}" FROM "{child}" c JOIN "{SECTION[o_section].table}" o '
                    f'ON o.id = c."{o_col}" WHERE c."{fk[3]}" = ?',
                    (key,),
                ).fetchall()
                found.update({(o_section, r[0]): Referrer(o_section, r[0], str(r[1])) for r in rows})
                continue
            c_section = tables.get(child, child)
            label = ORACLE_LABELS.get(c_section, "id")
            for r in store.conn.execute(f'SELECT id, "{label}" FROM "{child}" WHERE "{fk[3]}" = ?', (key,)):
                found[(c_section, r[0])] = Referrer(c_section, r[0], str(r[1]))
    found.pop((section, key), None)
    return sorted(found.values(), key=lambda r: (r.section, str(r.key)))


@pytest.fixture(scope="module")
def hospital(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("refs") / "demo.sqlite3")
    import_plan(store, build_demo(demo_recipe(), "small", 1, 2026))
    yield store
    store.close()


def test_the_owners_derived_agree_with_the_hand_written_table(hospital: Store) -> None:
    derived = owners(hospital)
    assert {t: derived[t] for t in ORACLE_OWNERS} == ORACLE_OWNERS
    # Every other table the derivation names belongs to its record only through cascading keys:
    # a reference from it never reaches the list.
    for table in set(derived) - set(ORACLE_OWNERS):
        keys = hospital.conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        assert all(fk[6] == "CASCADE" for fk in keys), table


@pytest.mark.parametrize("section", [n for n, s in SECTION.items() if s.key == ("id",)])
def test_referrers_and_names_of_every_record_agree_with_the_oracle(hospital: Store, section: str) -> None:
    keys = [r[0] for r in hospital.conn.execute(f'SELECT id FROM "{SECTION[section].table}" ORDER BY id')]
    assert keys
    referred = 0
    for key in keys:
        found = referrers(hospital, section, key)
        assert found == oracle_referrers(hospital, section, key), (section, key)
        referred += bool(found)
        column = ORACLE_LABELS[section]
        (name,) = hospital.conn.execute(
            f'SELECT "{column}" FROM "{SECTION[section].table}" WHERE id = ?', (key,)
        ).fetchone()
        assert label_of(hospital, section, key) == str(name)
    if section in ("departments", "staff", "branches", "partners", "services"):
        assert referred  # the demo holds references to these: the comparison saw some


def test_records_not_keyed_by_an_id_are_not_named_on_their_own(hospital: Store) -> None:
    for section in ("unavailability", "assignments", "records", "calendar"):
        assert label_of(hospital, section, "x") is None
