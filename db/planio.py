"""Translation between database rows and scheduler objects: loading a Plan, writing records."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from scheduler.history import AuditEntry
from scheduler.model import (
    Activity,
    Assignment,
    Attendance,
    Branch,
    CalendarEntry,
    Campus,
    Contact,
    Department,
    Hospital,
    Move,
    Need,
    Pairing,
    Partner,
    Plan,
    Record,
    RotationEntry,
    Service,
    ServiceRequest,
    Slot,
    Staff,
    Station,
    Unavailability,
)
from scheduler.recording import LedgerEntry

from .store import Store


def _j(extra: dict[str, Any]) -> str | None:
    return json.dumps(extra, ensure_ascii=False) if extra else None


def _x(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _dt(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M") if value is not None else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _pdt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _pd(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[sqlite_row]:
    return store.conn.execute(sql, tuple(params)).fetchall()


sqlite_row = tuple


# ---------------------------------------------------------------- loading


def load_hospital(store: Store) -> Hospital | None:
    row = store.conn.execute("SELECT value FROM settings WHERE key = 'hospital'").fetchone()
    if row is None:
        return None
    h = json.loads(row[0])
    return Hospital(h["name"], h["timezone"], tuple(h["clinical_hours"]), h.get("extra") or {})


def load_campuses(store: Store) -> dict[str, Campus]:
    return {
        r[0]: Campus(r[0], r[1], _x(r[2]))
        for r in _rows(store, "SELECT id, name, extra FROM campuses ORDER BY id")
    }


def load_departments(store: Store) -> dict[str, Department]:
    sql = "SELECT id, name, campus, min_on_duty, extra FROM departments ORDER BY id"
    return {r[0]: Department(r[0], r[1], r[2], r[3], _x(r[4])) for r in _rows(store, sql)}


def is_empty(store: Store) -> bool:
    """Nothing entered yet: no hospital settings and no departments."""
    row = store.conn.execute("SELECT count(*) FROM departments").fetchone()
    return row[0] == 0 and load_hospital(store) is None


def load_plan(store: Store) -> Plan:
    """Everything the database holds, as one Plan."""
    plan = Plan(hospital=load_hospital(store))
    row = store.conn.execute("SELECT value FROM settings WHERE key = 'plan_extra'").fetchone()
    plan.extra = json.loads(row[0]) if row else {}
    plan.campuses = load_campuses(store)
    plan.departments = load_departments(store)
    plan.branches = load_branches(store)
    plan.staff = load_staff(store)
    plan.unavailability = load_unavailability(store)
    plan.partners = load_partners(store)
    plan.pairings = load_pairings(store)
    plan.services = load_services(store)
    plan.requests = load_requests(store)
    plan.activities = load_activities(store)
    plan.assignments = load_assignments(store)
    plan.records = load_records(store)
    plan.calendar = load_calendar(store)
    return plan


def load_assignments(store: Store) -> dict[tuple, Assignment]:
    out = {}
    sql = "SELECT activity, occurrence, station, staff, role, extra FROM assignments ORDER BY id"
    for r in _rows(store, sql):
        a = Assignment(r[0], r[3], _pd(r[1]), r[2], r[4], _x(r[5]))
        out[a.key] = a
    return out


def load_calendar(store: Store) -> dict[date, CalendarEntry]:
    out = {}
    for r in _rows(store, "SELECT date, kind, name, extra FROM calendar ORDER BY date"):
        c = CalendarEntry(date.fromisoformat(r[0]), r[1], r[2], _x(r[3]))
        out[c.date] = c
    return out


def _group(store: Store, sql: str) -> dict[Any, list[tuple]]:
    out: dict[Any, list[tuple]] = defaultdict(list)
    for r in _rows(store, sql):
        out[r[0]].append(r[1:])
    return out


def load_branches(store: Store) -> dict[str, Branch]:
    depts = _group(store, "SELECT branch, department FROM branch_departments ORDER BY branch, pos")
    out = {}
    for r in _rows(store, "SELECT id, name, secretary, contact, extra FROM branches ORDER BY id"):
        out[r[0]] = Branch(r[0], r[1], tuple(d[0] for d in depts.get(r[0], ())), r[2], r[3], _x(r[4]))
    return out


def load_staff(store: Store) -> dict[str, Staff]:
    quals = _group(store, "SELECT staff, qualification FROM staff_qualifications ORDER BY staff, pos")
    out = {}
    sql = (
        "SELECT id, name, department, branch, party_member, title, phone, max_hours_month, "
        "active, extra FROM staff ORDER BY id"
    )
    for r in _rows(store, sql):
        out[r[0]] = Staff(
            id=r[0],
            name=r[1],
            department=r[2],
            branch=r[3],
            party_member=bool(r[4]),
            title=r[5],
            qualifications=tuple(q[0] for q in quals.get(r[0], ())),
            phone=r[6],
            max_hours_month=r[7],
            active=bool(r[8]),
            extra=_x(r[9]),
        )
    return out


def load_unavailability(store: Store) -> dict[tuple, Unavailability]:
    out = {}
    for r in _rows(
        store, 'SELECT staff, start, "end", reason, extra FROM unavailability ORDER BY staff, start'
    ):
        u = Unavailability(r[0], datetime.fromisoformat(r[1]), datetime.fromisoformat(r[2]), r[3], _x(r[4]))
        out[u.key] = u
    return out


def load_partners(store: Store) -> dict[str, Partner]:
    out = {}
    sql = (
        "SELECT id, name, kind, district, address, population, share_60_plus, contact_name, "
        "contact_phone, extra FROM partners ORDER BY id"
    )
    for r in _rows(store, sql):
        out[r[0]] = Partner(r[0], r[1], r[2], r[3], r[4], r[5], r[6], Contact(r[7], r[8]), _x(r[9]))
    return out


def load_pairings(store: Store) -> dict[str, Pairing]:
    out = {}
    sql = 'SELECT id, branch, partner, start, "end", visits_per_year, extra FROM pairings ORDER BY id'
    for r in _rows(store, sql):
        out[r[0]] = Pairing(r[0], r[1], r[2], _pd(r[3]), _pd(r[4]), r[5], _x(r[6]))
    return out


def _need(r: tuple) -> Need:
    return Need(r[0], r[1], r[2], _x(r[3]))


def load_services(store: Store) -> dict[str, Service]:
    needs = _group(
        store,
        "SELECT service, department, qualification, count, extra FROM service_needs ORDER BY service, pos",
    )
    out = {}
    for r in _rows(store, "SELECT id, name, duration_minutes, extra FROM services ORDER BY id"):
        out[r[0]] = Service(r[0], r[1], tuple(_need(n) for n in needs.get(r[0], ())), r[2], _x(r[3]))
    return out


def load_requests(store: Store) -> dict[str, ServiceRequest]:
    slots = _group(store, 'SELECT request, start, "end" FROM request_slots ORDER BY request, pos')
    out = {}
    sql = "SELECT id, partner, service, received, priority, audience, status, extra FROM requests ORDER BY id"
    for r in _rows(store, sql):
        out[r[0]] = ServiceRequest(
            id=r[0],
            partner=r[1],
            service=r[2],
            received=datetime.fromisoformat(r[3]),
            priority=r[4],
            preferred=tuple(
                Slot(datetime.fromisoformat(s[0]), datetime.fromisoformat(s[1])) for s in slots.get(r[0], ())
            ),
            audience=r[5],
            status=r[6],
            extra=_x(r[7]),
        )
    return out


def load_activities(store: Store) -> dict[str, Activity]:
    exdates = _group(store, "SELECT activity, date FROM activity_exdates ORDER BY activity, date")
    moves = _group(
        store,
        'SELECT activity, from_date, start, "end", extra FROM activity_moves ORDER BY activity, from_date',
    )
    station_rows = _group(store, "SELECT activity, id, name, extra FROM stations ORDER BY activity, pos")
    needs: dict[tuple[str, str], list[Need]] = defaultdict(list)
    for r in _rows(
        store,
        "SELECT activity, station, department, qualification, count, extra FROM station_needs "
        "ORDER BY activity, station, pos",
    ):
        needs[(r[0], r[1])].append(_need(r[2:]))
    rotations = _group(
        store,
        "SELECT activity, occurrence, station, department, extra FROM rotations ORDER BY activity, pos",
    )
    out = {}
    sql = (
        'SELECT id, title, kind, partner, venue, start, "end", rrule, organizer, request, '
        "status, extra, holiday_policy FROM activities ORDER BY id"
    )
    for r in _rows(store, sql):
        aid = r[0]
        out[aid] = Activity(
            id=aid,
            title=r[1],
            kind=r[2],
            partner=r[3],
            venue=r[4],
            start=datetime.fromisoformat(r[5]),
            end=datetime.fromisoformat(r[6]),
            rrule=r[7],
            exdates=tuple(date.fromisoformat(e[0]) for e in exdates.get(aid, ())),
            organizer=r[8],
            request=r[9],
            status=r[10],
            stations=tuple(
                Station(s[0], s[1], tuple(needs.get((aid, s[0]), ())), _x(s[2]))
                for s in station_rows.get(aid, ())
            ),
            rotation=tuple(
                RotationEntry(ro[2], _pd(ro[0]), ro[1], _x(ro[3])) for ro in rotations.get(aid, ())
            ),
            moved=tuple(
                Move(
                    date.fromisoformat(m[0]),
                    datetime.fromisoformat(m[1]),
                    datetime.fromisoformat(m[2]),
                    _x(m[3]),
                )
                for m in moves.get(aid, ())
            ),
            holiday_policy=r[12],
            extra=_x(r[11]),
        )
    return out


def load_records(store: Store) -> dict[tuple[str, date], Record]:
    services: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for r in _rows(
        store,
        "SELECT activity, occurrence, service, count FROM record_services ORDER BY activity, occurrence, pos",
    ):
        services[(r[0], r[1])].append((r[2], r[3]))
    attended: dict[tuple[str, str], list[Attendance]] = defaultdict(list)
    for r in _rows(
        store,
        "SELECT activity, occurrence, staff, hours FROM record_attendance ORDER BY activity, occurrence, pos",
    ):
        attended[(r[0], r[1])].append(Attendance(r[2], r[3]))
    out = {}
    sql = (
        "SELECT activity, occurrence, status, reason, served, notes, recorded_at, recorded_by, "
        "extra FROM records ORDER BY activity, occurrence"
    )
    for r in _rows(store, sql):
        rec = Record(
            activity=r[0],
            occurrence=date.fromisoformat(r[1]),
            status=r[2],
            reason=r[3],
            served=r[4],
            services=tuple(services.get((r[0], r[1]), ())),
            attended=tuple(attended.get((r[0], r[1]), ())),
            notes=r[5],
            recorded_at=_pdt(r[6]),
            recorded_by=r[7],
            extra=_x(r[8]),
        )
        out[rec.key] = rec
    return out


# ---------------------------------------------------------------- writing


def _upsert(store: Store, table: str, key: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    """Insert or update rows by key, without deleting the row first (which would cascade)."""
    if not rows:
        return
    cols = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c not in key)
    conflict = ", ".join(f'"{k}"' for k in key)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks}) ON CONFLICT ({conflict}) {action}'
    store.conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _replace_children(
    store: Store, table: str, owner_cols: tuple[str, ...], owners: list[tuple], rows: list[dict]
) -> None:
    where = " AND ".join(f'"{c}" = ?' for c in owner_cols)
    store.conn.executemany(f'DELETE FROM "{table}" WHERE {where}', owners)
    if rows:
        cols = list(rows[0])
        quoted = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        store.conn.executemany(
            f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})',
            [tuple(r[c] for c in cols) for r in rows],
        )


def _need_rows(needs: tuple[Need, ...], **owner: Any) -> list[dict[str, Any]]:
    return [
        {
            **owner,
            "pos": i,
            "department": n.department,
            "qualification": n.qualification,
            "count": n.count,
            "extra": _j(n.extra),
        }
        for i, n in enumerate(needs)
    ]


def write_hospital(store: Store, hospital: Hospital) -> None:
    value = {
        "name": hospital.name,
        "timezone": hospital.timezone,
        "clinical_hours": list(hospital.clinical_hours),
        "extra": hospital.extra,
    }
    set_setting(store, "hospital", value)


def set_setting(store: Store, key: str, value: Any) -> None:
    store.conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def write_campuses(store: Store, items: Iterable[Campus]) -> None:
    _upsert(store, "campuses", ("id",), [{"id": c.id, "name": c.name, "extra": _j(c.extra)} for c in items])


def write_departments(store: Store, items: Iterable[Department]) -> None:
    rows = [
        {
            "id": d.id,
            "name": d.name,
            "campus": d.campus,
            "min_on_duty": d.min_on_duty,
            "extra": _j(d.extra),
        }
        for d in items
    ]
    _upsert(store, "departments", ("id",), rows)


def write_branches(store: Store, items: Iterable[Branch]) -> None:
    items = list(items)
    rows = [
        {"id": b.id, "name": b.name, "secretary": b.secretary, "contact": b.contact, "extra": _j(b.extra)}
        for b in items
    ]
    _upsert(store, "branches", ("id",), rows)
    children = [
        {"branch": b.id, "department": d, "pos": i} for b in items for i, d in enumerate(b.departments)
    ]
    _replace_children(store, "branch_departments", ("branch",), [(b.id,) for b in items], children)


def write_staff(store: Store, items: Iterable[Staff]) -> None:
    items = list(items)
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "department": s.department,
            "branch": s.branch,
            "party_member": int(s.party_member),
            "title": s.title,
            "phone": s.phone,
            "max_hours_month": s.max_hours_month,
            "active": int(s.active),
            "extra": _j(s.extra),
        }
        for s in items
    ]
    _upsert(store, "staff", ("id",), rows)
    quals = [
        {"staff": s.id, "qualification": q, "pos": i} for s in items for i, q in enumerate(s.qualifications)
    ]
    _replace_children(store, "staff_qualifications", ("staff",), [(s.id,) for s in items], quals)


def write_unavailability(store: Store, items: Iterable[Unavailability]) -> None:
    rows = [
        {
            "staff": u.staff,
            "start": _dt(u.start),
            "end": _dt(u.end),
            "reason": u.reason,
            "extra": _j(u.extra),
        }
        for u in items
    ]
    _upsert(store, "unavailability", ("staff", "start", "end"), rows)


def write_partners(store: Store, items: Iterable[Partner]) -> None:
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "district": p.district,
            "address": p.address,
            "population": p.population,
            "share_60_plus": p.share_60_plus,
            "contact_name": p.contact.name,
            "contact_phone": p.contact.phone,
            "extra": _j(p.extra),
        }
        for p in items
    ]
    _upsert(store, "partners", ("id",), rows)


def write_pairings(store: Store, items: Iterable[Pairing]) -> None:
    rows = [
        {
            "id": p.id,
            "branch": p.branch,
            "partner": p.partner,
            "start": _d(p.start),
            "end": _d(p.end),
            "visits_per_year": p.visits_per_year,
            "extra": _j(p.extra),
        }
        for p in items
    ]
    _upsert(store, "pairings", ("id",), rows)


def write_services(store: Store, items: Iterable[Service]) -> None:
    items = list(items)
    rows = [
        {"id": s.id, "name": s.name, "duration_minutes": s.duration_minutes, "extra": _j(s.extra)}
        for s in items
    ]
    _upsert(store, "services", ("id",), rows)
    needs = [row for s in items for row in _need_rows(s.needs, service=s.id)]
    _replace_children(store, "service_needs", ("service",), [(s.id,) for s in items], needs)


def write_requests(store: Store, items: Iterable[ServiceRequest]) -> None:
    items = list(items)
    rows = [
        {
            "id": q.id,
            "partner": q.partner,
            "service": q.service,
            "received": _dt(q.received),
            "priority": q.priority,
            "audience": q.audience,
            "status": q.status,
            "extra": _j(q.extra),
        }
        for q in items
    ]
    _upsert(store, "requests", ("id",), rows)
    slots = [
        {"request": q.id, "pos": i, "start": _dt(s.start), "end": _dt(s.end)}
        for q in items
        for i, s in enumerate(q.preferred)
    ]
    _replace_children(store, "request_slots", ("request",), [(q.id,) for q in items], slots)


def write_activities(store: Store, items: Iterable[Activity]) -> None:
    items = list(items)
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "kind": a.kind,
            "partner": a.partner,
            "venue": a.venue,
            "start": _dt(a.start),
            "end": _dt(a.end),
            "rrule": a.rrule,
            "organizer": a.organizer,
            "request": a.request,
            "status": a.status,
            "holiday_policy": a.holiday_policy,
            "extra": _j(a.extra),
        }
        for a in items
    ]
    _upsert(store, "activities", ("id",), rows)
    owners = [(a.id,) for a in items]
    _replace_children(
        store,
        "activity_exdates",
        ("activity",),
        owners,
        [{"activity": a.id, "date": _d(d)} for a in items for d in a.exdates],
    )
    _replace_children(
        store,
        "activity_moves",
        ("activity",),
        owners,
        [
            {
                "activity": a.id,
                "from_date": _d(m.from_date),
                "start": _dt(m.start),
                "end": _dt(m.end),
                "extra": _j(m.extra),
            }
            for a in items
            for m in a.moved
        ],
    )
    # Station needs go with their station (ON DELETE CASCADE), so stations are rewritten whole.
    _replace_children(
        store,
        "stations",
        ("activity",),
        owners,
        [
            {"activity": a.id, "id": s.id, "pos": i, "name": s.name, "extra": _j(s.extra)}
            for a in items
            for i, s in enumerate(a.stations)
        ],
    )
    _replace_children(
        store,
        "station_needs",
        ("activity",),
        owners,
        [row for a in items for s in a.stations for row in _need_rows(s.needs, activity=a.id, station=s.id)],
    )
    _replace_children(
        store,
        "rotations",
        ("activity",),
        owners,
        [
            {
                "activity": a.id,
                "pos": i,
                "occurrence": _d(r.occurrence),
                "station": r.station,
                "department": r.department,
                "extra": _j(r.extra),
            }
            for a in items
            for i, r in enumerate(a.rotation)
        ],
    )


def write_assignments(store: Store, items: Iterable[Assignment]) -> None:
    rows = [(a.activity, _d(a.occurrence), a.station, a.staff, a.role, _j(a.extra)) for a in items]
    # The key is an expression index (absent occurrence or station count as one value),
    # which ON CONFLICT cannot name; update first, then insert what was not there.
    store.conn.executemany(
        "UPDATE assignments SET role = ?, extra = ? WHERE activity = ? "
        "AND coalesce(occurrence, '') = coalesce(?, '') AND coalesce(station, '') = coalesce(?, '') "
        "AND staff = ?",
        [(r[4], r[5], r[0], r[1], r[2], r[3]) for r in rows],
    )
    store.conn.executemany(
        "INSERT OR IGNORE INTO assignments (activity, occurrence, station, staff, role, extra) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def write_records(store: Store, items: Iterable[Record]) -> None:
    items = list(items)
    rows = [
        {
            "activity": r.activity,
            "occurrence": _d(r.occurrence),
            "status": r.status,
            "reason": r.reason,
            "served": r.served,
            "notes": r.notes,
            "recorded_at": _dt(r.recorded_at),
            "recorded_by": r.recorded_by,
            "extra": _j(r.extra),
        }
        for r in items
    ]
    _upsert(store, "records", ("activity", "occurrence"), rows)
    owners = [(r.activity, _d(r.occurrence)) for r in items]
    _replace_children(
        store,
        "record_services",
        ("activity", "occurrence"),
        owners,
        [
            {"activity": r.activity, "occurrence": _d(r.occurrence), "pos": i, "service": k, "count": n}
            for r in items
            for i, (k, n) in enumerate(r.services)
        ],
    )
    _replace_children(
        store,
        "record_attendance",
        ("activity", "occurrence"),
        owners,
        [
            {
                "activity": r.activity,
                "occurrence": _d(r.occurrence),
                "pos": i,
                "staff": a.staff,
                "hours": a.hours,
            }
            for r in items
            for i, a in enumerate(r.attended)
        ],
    )


def write_calendar(store: Store, items: Iterable[CalendarEntry]) -> None:
    rows = [{"date": _d(c.date), "kind": c.kind, "name": c.name, "extra": _j(c.extra)} for c in items]
    _upsert(store, "calendar", ("date",), rows)


WRITERS: dict[str, Callable[[Store, Iterable[Any]], None]] = {
    "campuses": write_campuses,
    "departments": write_departments,
    "branches": write_branches,
    "staff": write_staff,
    "unavailability": write_unavailability,
    "partners": write_partners,
    "pairings": write_pairings,
    "services": write_services,
    "requests": write_requests,
    "activities": write_activities,
    "assignments": write_assignments,
    "records": write_records,
    "calendar": write_calendar,
}

# Where each section's records live: the table and its key columns.
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "campuses": ("campuses", ("id",)),
    "departments": ("departments", ("id",)),
    "branches": ("branches", ("id",)),
    "staff": ("staff", ("id",)),
    "unavailability": ("unavailability", ("staff", "start", "end")),
    "partners": ("partners", ("id",)),
    "pairings": ("pairings", ("id",)),
    "services": ("services", ("id",)),
    "requests": ("requests", ("id",)),
    "activities": ("activities", ("id",)),
    "records": ("records", ("activity", "occurrence")),
    "calendar": ("calendar", ("date",)),
}


def key_params(key: Any) -> tuple:
    """A plan key as the values stored in the key columns."""
    parts = key if isinstance(key, tuple) else (key,)
    out = []
    for p in parts:
        if isinstance(p, datetime):
            out.append(_dt(p))
        elif isinstance(p, date):
            out.append(p.isoformat())
        else:
            out.append(p)
    return tuple(out)


def delete_rows(store: Store, section: str, keys: Iterable[Any]) -> None:
    if section == "assignments":
        store.conn.executemany(
            "DELETE FROM assignments WHERE activity = ? AND coalesce(occurrence, '') = coalesce(?, '') "
            "AND coalesce(station, '') = coalesce(?, '') AND staff = ?",
            [key_params(k) for k in keys],
        )
        return
    table, cols = TABLES[section]
    where = " AND ".join(f'"{c}" = ?' for c in cols)
    store.conn.executemany(f'DELETE FROM "{table}" WHERE {where}', [key_params(k) for k in keys])


def load_acknowledgements(store: Store) -> dict[str, tuple[str, str | None, str]]:
    """Acknowledged warnings: conflict key -> (reason, by whom, when)."""
    return {
        r[0]: (r[1], r[2], r[3]) for r in _rows(store, "SELECT key, reason, by, at FROM acknowledgements")
    }


# Loaders of single sections, for screens that refresh one section at a time.
LOADERS = {
    "campuses": load_campuses,
    "departments": load_departments,
    "branches": load_branches,
    "staff": load_staff,
    "unavailability": load_unavailability,
    "partners": load_partners,
    "pairings": load_pairings,
    "services": load_services,
    "requests": load_requests,
    "activities": load_activities,
    "assignments": load_assignments,
    "records": load_records,
    "calendar": load_calendar,
    "acknowledgements": load_acknowledgements,
}


def load_ledger(store: Store, staff: str | None = None) -> list[LedgerEntry]:
    """The time bank in the order it was written (of one person, or everyone)."""
    sql = "SELECT staff, activity, occurrence, hours, at, kind, by FROM time_bank"
    args: tuple = ()
    if staff is not None:
        sql += " WHERE staff = ?"
        args = (staff,)
    return [
        LedgerEntry(r[0], r[1], date.fromisoformat(r[2]), r[3], datetime.fromisoformat(r[4]), r[5], r[6])
        for r in _rows(store, sql + " ORDER BY id", args)
    ]


def credited(store: Store, occurrences: Iterable[tuple[str, date]]) -> dict[tuple[str, str, date], float]:
    """The ledger's sum per (staff, activity, occurrence) for the occurrences given."""
    out: dict[tuple[str, str, date], float] = {}
    for activity, occurrence in set(occurrences):
        for r in _rows(
            store,
            "SELECT staff, sum(hours) FROM time_bank WHERE activity = ? AND occurrence = ? GROUP BY staff",
            (activity, _d(occurrence)),
        ):
            out[(r[0], activity, occurrence)] = r[1]
    return out


def write_ledger(store: Store, entries: Iterable[LedgerEntry]) -> None:
    store.conn.executemany(
        "INSERT INTO time_bank (staff, activity, occurrence, hours, at, kind, by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(e.staff, e.activity, _d(e.occurrence), e.hours, _dt(e.at), e.kind, e.by) for e in entries],
    )


def write_audit(store: Store, entries: Iterable[AuditEntry]) -> None:
    store.conn.executemany(
        "INSERT INTO audit (at, by, section, key, old, new) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                e.at.isoformat(timespec="seconds"),
                e.by,
                e.section,
                e.key,
                None if e.old is None else json.dumps(e.old, ensure_ascii=False, sort_keys=True),
                None if e.new is None else json.dumps(e.new, ensure_ascii=False, sort_keys=True),
            )
            for e in entries
        ],
    )


def load_audit(store: Store, section: str | None = None, key: str | None = None) -> list[AuditEntry]:
    """The history of one record (or a section, or everything), oldest first."""
    sql = "SELECT at, by, section, key, old, new FROM audit"
    where, args = [], []
    if section is not None:
        where.append("section = ?")
        args.append(section)
    if key is not None:
        where.append("key = ?")
        args.append(key)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [
        AuditEntry(
            datetime.fromisoformat(r[0]),
            r[1],
            r[2],
            r[3],
            None if r[4] is None else json.loads(r[4]),
            None if r[5] is None else json.loads(r[5]),
        )
        for r in _rows(store, sql + " ORDER BY id", args)
    ]
