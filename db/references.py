"""What refers to a record: the records that would lose their target if it went, each said by the
name people know it by. Which tables belong to a record of another section, and which column
names a record, come from the sections' declaration (db/sections.py) and the schema's foreign
keys; nothing here lists the sections again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.sections import SECTION, Child, Shape
from db.store import Store

# The columns a record is known by, the first it has (else its id).
LABEL_COLUMNS = ("name", "title")


@dataclass(frozen=True, slots=True)
class Referrer:
    section: str
    key: Any
    label: str


def label_column(section: str) -> str | None:
    """The column naming a record of `section` as people know it; None for a section not keyed
    by an id (its records are not named on their own)."""
    s = SECTION.get(section)
    if s is None or s.key != ("id",):
        return None
    stored = s.shape.stored()
    return next((c for c in LABEL_COLUMNS if c in stored), "id")


def _children(shape: Shape) -> list[Child]:
    """Every child table of a shape, its children's children too."""
    out: list[Child] = []
    for child in shape.children:
        out.append(child)
        if child.shape is not None:
            out += _children(child.shape)
    return out


def _named_by(store: Store, table: str, column: str) -> str | None:
    """The section whose records `column` of `table` names (by the schema's foreign key)."""
    for fk in store.conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
        if fk[3] == column:  # id, seq, table, from, to, on_update, on_delete, match
            return next((n for n, s in SECTION.items() if s.table == fk[2]), None)
    return None


_OWNERS: dict[str, tuple[str, str]] = {}


def owners(store: Store) -> dict[str, tuple[str, str]]:
    """Tables whose rows belong to a record of another section, a reference from them shown as one
    from that record: table -> (its section, the table's column naming the record). A child table
    belongs to its section's record; a section keyed by several columns (an assignment, a record
    of an occurrence) and its children belong to the record its first key column names."""
    if not _OWNERS:
        found: dict[str, tuple[str, str]] = {}
        for name, section in SECTION.items():
            owner = name
            if len(section.key) > 1:
                owner = _named_by(store, section.table, section.key[0]) or name
                if owner != name:
                    found[section.table] = (owner, section.key[0])
            for child in _children(section.shape):
                found[child.table] = (owner, child.owner[0])
        _OWNERS.update(found)
    return _OWNERS


def referrers(store: Store, section: str, key: Any) -> list[Referrer]:
    """The records that would lose their target if this one went (owned children excluded)."""
    table, cols = SECTION[section].table, SECTION[section].key
    if len(cols) != 1:
        return []
    found: dict[tuple[str, Any], Referrer] = {}
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    sections = {s.table: n for n, s in SECTION.items()}
    for child in tables:
        for fk in store.conn.execute(f'PRAGMA foreign_key_list("{child}")').fetchall():
            # id, seq, table, from, to, on_update, on_delete, match
            if fk[2] != table or fk[6] == "CASCADE":
                continue
            owner = owners(store).get(child)
            if owner is not None:
                o_section, o_col = owner
                o_table = SECTION[o_section].table
                label = label_column(o_section) or "id"
                sql = (
                    f'SELECT DISTINCT o.id, o."{label}" FROM "{child}" c JOIN "{o_table}" o '
                    f'ON o.id = c."{o_col}" WHERE c."{fk[3]}" = ?'
                )
                rows = store.conn.execute(sql, (key,)).fetchall()
                for r in rows:
                    found[(o_section, r[0])] = Referrer(o_section, r[0], str(r[1]))
                continue
            c_section = sections.get(child, child)
            label = label_column(c_section) or "id"
            sql = f'SELECT id, "{label}" FROM "{child}" WHERE "{fk[3]}" = ?'
            for r in store.conn.execute(sql, (key,)).fetchall():
                found[(c_section, r[0])] = Referrer(c_section, r[0], str(r[1]))
    found.pop((section, key), None)
    return sorted(found.values(), key=lambda r: (r.section, str(r.key)))


def label_of(store: Store, section: str, key: Any) -> str | None:
    """A record's name as people know it (its id where it has none)."""
    column = label_column(section)
    if column is None:
        return None
    row = store.conn.execute(
        f'SELECT "{column}" FROM "{SECTION[section].table}" WHERE "{SECTION[section].key[0]}" = ?', (key,)
    ).fetchone()
    return str(row[0]) if row is not None and row[0] is not None else None
