"""Each plan section described once for the database: its dataclass, table, key and child
tables. Rows and objects are derived from that declaration (the dataclass fields name the
columns), so a new field is a field of scheduler/plan/model.py (declared in
scheduler/plan/fields.py) and a column in a migration of db/schema.py, nothing more."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.own_keys import adopt_own_keys
from db.store import Store
from scheduler.plan.model import (
    Activity,
    Assignment,
    Attendance,
    Branch,
    CalendarEntry,
    Campus,
    Department,
    Move,
    Need,
    Pairing,
    Partner,
    Record,
    RotationEntry,
    Service,
    ServiceRequest,
    Slot,
    Staff,
    Station,
    Unavailability,
    key_of,
)
from scheduler.plan.validation import stored_date, stored_datetime

# ---------------------------------------------------------------- values <-> column values


def _dt(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M") if value is not None else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _pdt(text: str | None) -> datetime | None:
    # Leniently: an older version wrote the year 1 as "1-01-01T00:00"; export must show it.
    return stored_datetime(text) if text else None


def _pd(text: str | None) -> date | None:
    return stored_date(text) if text else None


def _j(extra: dict[str, Any]) -> str | None:
    return json.dumps(extra, ensure_ascii=False) if extra else None


def _x(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _same(value: Any) -> Any:
    return value


def _to_int(value: bool) -> int:
    return int(value)


def _to_bool(value: Any) -> bool:
    return bool(value)


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _codec(hint: Any) -> Codec:
    """How a field of this type is stored: (to column, from column)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if hint is datetime:
        return _dt, _pdt
    if hint is date:
        return _d, _pd
    if hint is bool:
        return _to_int, _to_bool
    if hint is dict or typing.get_origin(hint) is dict:
        return _j, _x
    return _same, _same


@dataclass(frozen=True, slots=True)
class Column:
    """One stored field: a column, or a dataclass value spread over `<field>_<part>` columns."""

    field: str
    columns: tuple[str, ...]
    encode: Callable[[Any], tuple[Any, ...]]
    decode: Callable[[dict[str, Any]], Any]


def _column(name: str, hint: Any) -> Column:
    if dataclasses.is_dataclass(hint):
        parts = [f.name for f in dataclasses.fields(hint)]
        cls: Any = hint
        return Column(
            name,
            tuple(f"{name}_{p}" for p in parts),
            lambda v: tuple(getattr(v, p) for p in parts),
            lambda row: cls(**{p: row[f"{name}_{p}"] for p in parts}),
        )
    to_db, from_db = _codec(hint)
    return Column(name, (name,), lambda v: (to_db(v),), lambda row: from_db(row[name]))


# ---------------------------------------------------------------- the declarations


@dataclass(frozen=True, slots=True)
class Child:
    """A tuple field of a record kept in a table of its own, one row per element.
    `owner`: the child's columns naming its owner (the owner's key, in order). An element is a
    dataclass (`shape`), a single value (`column`) or a tuple of values (`columns`)."""

    field: str
    table: str
    owner: tuple[str, ...]
    shape: Shape | None = None
    columns: tuple[str, ...] = ()
    positioned: bool = True  # a `pos` column keeps the order; else rows come in column order


@dataclass(frozen=True, slots=True)
class Shape:
    """How objects of one dataclass are stored: their table, the columns identifying a row
    (for a section: its key; for a nested child: what its own children refer to), children."""

    cls: type
    table: str
    key: tuple[str, ...] = ()
    children: tuple[Child, ...] = ()
    # Derived from the dataclass once: the stored fields.
    columns: tuple[Column, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        hints = typing.get_type_hints(self.cls)
        nested = {c.field for c in self.children}
        columns = tuple(
            _column(f.name, hints[f.name]) for f in dataclasses.fields(self.cls) if f.name not in nested
        )
        object.__setattr__(self, "columns", columns)

    def to_row(self, item: Any) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for col in self.columns:
            row.update(zip(col.columns, col.encode(getattr(item, col.field)), strict=True))
        return row

    def stored(self) -> tuple[str, ...]:
        """The columns of this table the shape's fields are stored in."""
        return tuple(c for col in self.columns for c in col.columns)

    def reader(self, head: Sequence[str]) -> Reader:
        """How an object is made from a row whose columns are `head` (a tuple), the groups of its
        children (in the order of `children`: owner -> elements) and its own key: one expression
        building it positionally, compiled once per query as the dataclasses module compiles its
        __init__ (loading a hospital's plan makes some 20,000 objects)."""
        made = _READERS.get((self, tuple(head)))
        if made is not None:
            return made
        at = {name: i for i, name in enumerate(head)}
        hints = typing.get_type_hints(self.cls)
        stored = {col.field: col for col in self.columns}
        children = [c.field for c in self.children]
        names: dict[str, Any] = {"cls": self.cls, "loads": json.loads, "bool": bool}
        args = []
        for f in dataclasses.fields(self.cls):
            col = stored.get(f.name)
            hint = hints[f.name]
            if col is None:  # a child: its elements, looked up by the owner's key
                args.append(f"groups[{children.index(f.name)}].get(own, ())")
            elif dataclasses.is_dataclass(hint):  # a small object spread over columns
                names[f"part_{f.name}"] = hint
                args.append(f"part_{f.name}({', '.join(f'row[{at[c]}]' for c in col.columns)})")
            else:
                args.append(_read_expression(_codec(hint)[1], f"row[{at[f.name]}]", f.name, names))
        made = eval(f"lambda row, groups, own: cls({', '.join(args)})", names)  # noqa: S307 - our own code
        _READERS[(self, tuple(head))] = made
        return made


def _read_expression(from_db: Callable[[Any], Any], value: str, name: str, names: dict[str, Any]) -> str:
    """The expression reading a stored value (the converters of _codec, inlined)."""
    if from_db is _same:
        return value
    if from_db is _to_bool:
        return f"bool({value})"
    if from_db is _x:
        return f"(loads({value}) if {value} else {{}})"
    names[f"from_{name}"] = from_db
    return f"(from_{name}({value}) if {value} else None)"  # _pd, _pdt: None when empty


Reader = Callable[[Sequence[Any], Sequence[dict[tuple[Any, ...], tuple[Any, ...]]], Any], Any]
_READERS: dict[tuple[Shape, tuple[str, ...]], Reader] = {}


@dataclass(frozen=True, slots=True)
class Section:
    """A plan section: its records' shape, and the columns of its key where they may be null
    (compared through coalesce, as the unique index on them does)."""

    name: str
    shape: Shape
    nullable_key: tuple[str, ...] = ()
    order: tuple[str, ...] = ()  # how records are listed (default: by key)

    @property
    def table(self) -> str:
        return self.shape.table

    @property
    def key(self) -> tuple[str, ...]:
        return self.shape.key


def _needs(table: str, owner: tuple[str, ...]) -> Child:
    return Child("needs", table, owner, Shape(Need, table))


_SECTIONS = (
    Section("campuses", Shape(Campus, "campuses", ("id",))),
    Section("departments", Shape(Department, "departments", ("id",))),
    Section(
        "branches",
        Shape(
            Branch,
            "branches",
            ("id",),
            (Child("departments", "branch_departments", ("branch",), columns=("department",)),),
        ),
    ),
    Section(
        "staff",
        Shape(
            Staff,
            "staff",
            ("id",),
            (Child("qualifications", "staff_qualifications", ("staff",), columns=("qualification",)),),
        ),
    ),
    Section("unavailability", Shape(Unavailability, "unavailability", ("staff", "start", "end"))),
    Section("partners", Shape(Partner, "partners", ("id",))),
    Section("pairings", Shape(Pairing, "pairings", ("id",))),
    Section("services", Shape(Service, "services", ("id",), (_needs("service_needs", ("service",)),))),
    Section(
        "activities",
        Shape(
            Activity,
            "activities",
            ("id",),
            (
                Child("exdates", "activity_exdates", ("activity",), columns=("date",), positioned=False),
                Child(
                    "moved", "activity_moves", ("activity",), Shape(Move, "activity_moves"), positioned=False
                ),
                Child(
                    "stations",
                    "stations",
                    ("activity",),
                    Shape(
                        Station,
                        "stations",
                        ("activity", "id"),
                        (_needs("station_needs", ("activity", "station")),),
                    ),
                ),
                Child("rotation", "rotations", ("activity",), Shape(RotationEntry, "rotations")),
            ),
        ),
    ),
    Section(
        "assignments",
        Shape(Assignment, "assignments", ("activity", "occurrence", "station", "staff")),
        nullable_key=("occurrence", "station"),
        order=("id",),  # in the order they were made
    ),
    Section(
        "requests",
        Shape(
            ServiceRequest,
            "requests",
            ("id",),
            (Child("preferred", "request_slots", ("request",), Shape(Slot, "request_slots")),),
        ),
    ),
    Section(
        "records",
        Shape(
            Record,
            "records",
            ("activity", "occurrence"),
            (
                Child(
                    "services", "record_services", ("activity", "occurrence"), columns=("service", "count")
                ),
                Child(
                    "attended",
                    "record_attendance",
                    ("activity", "occurrence"),
                    Shape(Attendance, "record_attendance"),
                ),
            ),
        ),
    ),
    Section("calendar", Shape(CalendarEntry, "calendar", ("date",))),
)

SECTION: dict[str, Section] = {s.name: s for s in _SECTIONS}


# ---------------------------------------------------------------- the tables below (SQLite)
# Everything that speaks SQL to read or write a section is in the five functions below, so
# that another engine plugs in here.


def _where_keys(cols: Sequence[str], nullable: Sequence[str], count: int) -> str:
    left = ", ".join(f"coalesce(\"{c}\", '')" if c in nullable else f'"{c}"' for c in cols)
    row = "(" + ", ".join("?" for _ in cols) + ")"
    if len(cols) == 1:
        return f"{left} IN ({', '.join('?' for _ in range(count))})"
    return f"({left}) IN (VALUES {', '.join(row for _ in range(count))})"


_CHUNK = 300


def _chunks(seq: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def _select(
    store: Store,
    table: str,
    head: Sequence[str],
    order: Sequence[str],
    where_cols: Sequence[str] = (),
    keys: Sequence[tuple[Any, ...]] | None = None,
    nullable: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """The columns `head` of a table's rows (of the keys given, or all), as tuples."""
    names = ", ".join(f'"{c}"' for c in head)
    order_by = ", ".join(f'"{c}"' for c in order)
    if keys is None:
        return list(store.conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {order_by}').fetchall())
    out: list[tuple[Any, ...]] = []
    for part in _chunks(keys):
        where = _where_keys(where_cols, nullable, len(part))
        args = [
            ("" if v is None and c in nullable else v)
            for k in part
            for c, v in zip(where_cols, k, strict=True)
        ]
        sql = f'SELECT {names} FROM "{table}" WHERE {where} ORDER BY {order_by}'
        out.extend(store.conn.execute(sql, args).fetchall())
    return out


def _upsert(store: Store, section: Section, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if section.nullable_key:
        # A key with nullable columns is a unique index on expressions, which ON CONFLICT
        # cannot name: update what is there, then insert what is not.
        key, rest = section.key, [c for c in rows[0] if c not in section.key]
        where = " AND ".join(
            f"coalesce(\"{c}\", '') = coalesce(?, '')" if c in section.nullable_key else f'"{c}" = ?'
            for c in key
        )
        sets = ", ".join(f'"{c}" = ?' for c in rest)
        store.conn.executemany(
            f'UPDATE "{section.table}" SET {sets} WHERE {where}',
            [[r[c] for c in rest] + [r[c] for c in key] for r in rows],
        )
        cols = list(rows[0])
        names = ", ".join(f'"{c}"' for c in cols)
        store.conn.executemany(
            f'INSERT OR IGNORE INTO "{section.table}" ({names}) VALUES ({", ".join("?" for _ in cols)})',
            [[r[c] for c in cols] for r in rows],
        )
        return
    # sqlite-utils probes for ON CONFLICT support by creating and dropping a table, a schema
    # change in the user's file; every SQLite this app runs on (3.24+) has it.
    if not hasattr(store.db, "_supports_on_conflict"):
        store.db._supports_on_conflict = True  # type: ignore[attr-defined]
    # An upsert never deletes the row first (which would cascade to its children).
    store.db.table(section.table).upsert_all(rows, pk=section.key, alter=False)


def _delete(
    store: Store,
    table: str,
    cols: Sequence[str],
    keys: Sequence[tuple[Any, ...]],
    nullable: Sequence[str] = (),
) -> None:
    for part in _chunks(keys):
        args = [
            ("" if v is None and c in nullable else v) for k in part for c, v in zip(cols, k, strict=True)
        ]
        store.conn.execute(f'DELETE FROM "{table}" WHERE {_where_keys(cols, nullable, len(part))}', args)


def _insert(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        store.db.table(table).insert_all(rows, alter=False)


# ---------------------------------------------------------------- sections <-> rows


def key_values(section: Section, key: Any) -> tuple[Any, ...]:
    """A plan key as the values stored in the section's key columns."""
    parts = key if isinstance(key, tuple) else (key,)
    return tuple(_dt(p) if isinstance(p, datetime) else _d(p) if isinstance(p, date) else p for p in parts)


def _head(*parts: Sequence[str]) -> tuple[str, ...]:
    """Columns to select: each named once, in the order first named."""
    return tuple(dict.fromkeys(c for part in parts for c in part))


def _child_groups(
    store: Store, child: Child, keys: Sequence[tuple[Any, ...]] | None
) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """A child table's elements grouped by owner (restricted to the owners given)."""
    shape = child.shape
    if child.positioned:
        order = [*child.owner, "pos"]
    else:  # in the order of the element's first column (exdates by date, moves by from_date)
        order = [*child.owner, shape.stored()[0] if shape is not None else child.columns[0]]
    head = (
        _head(child.owner, shape.key, shape.stored())
        if shape is not None
        else _head(child.owner, child.columns)
    )
    rows = _select(store, child.table, head, order, child.owner[: len(keys[0])] if keys else (), keys)
    n = len(child.owner)
    out: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    if shape is None:
        if child.columns == ("date",):
            for row in rows:
                out[row[:n]].append(date.fromisoformat(row[n]))
        elif len(child.columns) == 1:
            for row in rows:
                out[row[:n]].append(row[n])
        else:
            for row in rows:
                out[row[:n]].append(row[n:])
        return {k: tuple(v) for k, v in out.items()}
    make = shape.reader(head)
    nested = [_child_groups(store, sub, keys) for sub in shape.children]
    if nested:
        own = [head.index(c) for c in shape.key]
        for row in rows:
            out[row[:n]].append(make(row, nested, tuple(row[i] for i in own)))
    else:
        for row in rows:
            out[row[:n]].append(make(row, (), None))
    return {k: tuple(v) for k, v in out.items()}


def load_section(store: Store, name: str, keys: Iterable[Any] | None = None) -> dict[Any, Any]:
    """A section's records by key: all of them, or those of the keys given."""
    section = SECTION[name]
    shape = section.shape
    wanted = None if keys is None else sorted({key_values(section, k) for k in keys}, key=repr)
    if wanted == []:
        return {}
    head = _head(shape.key, shape.stored(), section.order)
    rows = _select(
        store, shape.table, head, section.order or shape.key, shape.key, wanted, section.nullable_key
    )
    n = len(shape.key)
    owners = None if wanted is None else [row[:n] for row in rows]
    if owners == []:
        return {}
    groups = [_child_groups(store, c, owners) for c in shape.children]
    make = shape.reader(head)
    items = [make(row, groups, row[:n]) for row in rows] if groups else [make(row, (), None) for row in rows]
    items = adopt_own_keys(name, items)
    return {key_of(name, item): item for item in items}


def _child_rows(child: Child, owner: tuple[Any, ...], elements: Sequence[Any]) -> Iterator[dict[str, Any]]:
    for i, element in enumerate(elements):
        row = dict(zip(child.owner, owner, strict=True))
        if child.positioned:
            row["pos"] = i
        if child.shape is not None:
            row.update(child.shape.to_row(element))
        elif len(child.columns) == 1:
            row[child.columns[0]] = _d(element) if isinstance(element, date) else element
        else:
            row.update(zip(child.columns, element, strict=True))
        yield row


def _write_children(store: Store, child: Child, owned: list[tuple[tuple[Any, ...], Sequence[Any]]]) -> None:
    _delete(store, child.table, child.owner, [o for o, _ in owned])
    rows = [row for owner, elements in owned for row in _child_rows(child, owner, elements)]
    _insert(store, child.table, rows)
    if child.shape is not None:
        for sub in child.shape.children:
            nested = [
                (tuple(row[c] for c in child.shape.key), getattr(element, sub.field))
                for (owner, elements) in owned
                for row, element in zip(_child_rows(child, owner, elements), elements, strict=True)
            ]
            _write_children(store, sub, nested)


def write_section(store: Store, name: str, items: Iterable[Any]) -> None:
    """Add or update records of a section by key, their child rows replaced."""
    section = SECTION[name]
    items = list(items)
    rows = [section.shape.to_row(i) for i in items]
    _upsert(store, section, rows)
    for child in section.shape.children:
        owned = [
            (tuple(r[c] for c in section.key), getattr(i, child.field))
            for r, i in zip(rows, items, strict=True)
        ]
        _write_children(store, child, owned)


def write_plain(store: Store, name: str, items: Iterable[Any]) -> None:
    """Add or update records of a section without child rows in one statement run for all (a duty
    roster import's thousands of entries: sqlite-utils' upsert builds each row's query)."""
    section = SECTION[name]
    shape = section.shape
    if shape.children or section.nullable_key:
        write_section(store, name, items)
        return
    cols = [c for col in shape.columns for c in col.columns]
    # Each distinct value encoded once (the same times and staff recur through a roster).
    encoders: list[tuple[str, Callable[[Any], Any], dict[Any, Any]]] = [
        (col.field, col.encode, {}) for col in shape.columns
    ]

    def row(item: Any) -> tuple[Any, ...]:
        out: list[Any] = []
        for name, encode, memo in encoders:
            value = getattr(item, name)
            if type(value).__hash__ is None:  # a dict (extra): not memoised
                out.extend(encode(value))
                continue
            done = memo.get(value)
            if done is None:
                done = memo[value] = encode(value)
            out.extend(done)
        return tuple(out)

    rows = [row(i) for i in items]
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in cols)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c not in section.key)
    keys = ", ".join(f'"{c}"' for c in section.key)
    store.conn.executemany(
        f'INSERT INTO "{shape.table}" ({names}) VALUES ({", ".join("?" for _ in cols)}) '
        f"ON CONFLICT({keys}) DO UPDATE SET {updates}",
        rows,
    )


def delete_section(store: Store, name: str, keys: Iterable[Any]) -> None:
    """Delete records by key (their child rows go with them)."""
    section = SECTION[name]
    _delete(store, section.table, section.key, [key_values(section, k) for k in keys], section.nullable_key)
