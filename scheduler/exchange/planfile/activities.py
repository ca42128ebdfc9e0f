"""The reader of an activity: its flat fields as the declaration says (sections.read_fields),
then its nested parts read by hand on the same primitives: the dates left out, the stations
and their needs, the rotation of departments, the occurrences moved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from scheduler.calendar.recurrence import check_rule, first_planned_starts, planned_dates, rule_warnings
from scheduler.exchange.planfile.reader import (
    MISSING,
    Reader,
    all_read,
    extra_of,
    interval_ok,
)
from scheduler.exchange.planfile.sections import keys_of, order_ok, read_fields, read_needs, steps_of
from scheduler.plan.model import Activity, Move, RotationEntry, Station
from scheduler.plan.validation import MAX_OCCURRENCE_DAYS
from scheduler.plan.wording import N_, Phrase


def activity_reader(r: Reader) -> Any:
    """The reader of one activity of this document."""
    steps = steps_of(r, "activities")

    def read(r: Reader, obj: dict[str, Any], path: str) -> Activity | None:
        values, ok = read_fields(r, obj, path, steps)
        ok = ok and order_ok(r, "activities", values, obj, path)
        rule = values["rrule"]
        if ok and rule is not None:
            reason = check_rule(rule, values["start"])
            if reason is not None:
                r.bad(f"{path}.rrule", rule, Phrase(N_("is not a usable RRULE: %1"), reason))
                ok = False
        exdates, ok_ex = _read_exdates(r, obj, path)
        stations, station_ids, ok_st = _read_stations(r, obj, path)
        rotation, ok_rot = _read_rotation(r, obj, path, station_ids)
        moved, ok_mv = _read_moves(r, obj, path)
        if not (ok and ok_ex and ok_st and ok_rot and ok_mv):
            return None
        activity = Activity(
            **values,
            exdates=tuple(exdates),
            stations=tuple(stations),
            rotation=tuple(rotation),
            moved=tuple(moved),
            extra=extra_of(obj, keys_of("activities")),
        )
        if not _dates_of_activity_ok(r, activity, path):
            return None
        for key, reason in rule_warnings(activity):
            r.warn(f"{path}.{key}", obj.get(key), reason)
        return activity

    return read


_LONGEST_OCCURRENCE = timedelta(days=MAX_OCCURRENCE_DAYS)


def _read_exdates(r: Reader, obj: dict, path: str) -> tuple[list[date], bool]:
    ok = True
    exdates: list[date] = []
    raw_ex = obj.get("exdates")
    if raw_ex is not None:
        for p, v in r.items(raw_ex, f"{path}.exdates"):
            d = r.day(v, p)
            if d is MISSING:
                ok = False
            elif d in exdates:
                r.bad(p, v, N_("is listed twice"))
                ok = False
            else:
                exdates.append(d)
        ok = ok and isinstance(raw_ex, list)

    return exdates, ok


def _read_stations(r: Reader, obj: dict, path: str) -> tuple[list[Station], set[str], bool]:
    ok = True
    stations: list[Station] = []
    station_ids: set[str] = set()
    raw_st = obj.get("stations")
    if raw_st is not None:
        ok = ok and isinstance(raw_st, list)
        for p, v in r.items(raw_st, f"{path}.stations"):
            sobj = r.obj(v, p)
            if sobj is None:
                ok = False
                continue
            sid = r.field(sobj, "id", p, r.ident, required=True)
            sname = r.field(sobj, "name", p, r.text, required=True)
            sneeds = read_needs(r, sobj["needs"], f"{p}.needs") if sobj.get("needs") is not None else ()
            if not all_read(sid, sname, sneeds) or sid is None or sname is None:
                ok = False
                continue
            if sid in station_ids:
                r.bad(f"{p}.id", sobj.get("id"), N_("duplicate station id in this activity"))
                ok = False
                continue
            station_ids.add(sid)
            stations.append(Station(sid, sname, sneeds, extra_of(sobj, ("id", "name", "needs"))))

    return stations, station_ids, ok


def _read_rotation(
    r: Reader, obj: dict, path: str, station_ids: set[str]
) -> tuple[list[RotationEntry], bool]:
    ok = True
    rotation: list[RotationEntry] = []
    raw_rot = obj.get("rotation")
    if raw_rot is not None:
        ok = ok and isinstance(raw_rot, list)
        for p, v in r.items(raw_rot, f"{path}.rotation"):
            robj = r.obj(v, p)
            if robj is None:
                ok = False
                continue
            occ = r.field(robj, "occurrence", p, r.day)
            st = r.field(robj, "station", p, r.ident)
            dept = r.field(robj, "department", p, r.ident, required=True)
            if not all_read(occ, st, dept) or dept is None:
                ok = False
                continue
            if st is not None and st not in station_ids:
                r.bad(f"{p}.station", st, N_("is not a station of this activity"))
                ok = False
                continue
            rotation.append(
                RotationEntry(dept, occ, st, extra_of(robj, ("occurrence", "station", "department")))
            )

    return rotation, ok


def _read_moves(r: Reader, obj: dict, path: str) -> tuple[list[Move], bool]:
    ok = True
    moved: list[Move] = []
    raw_mv = obj.get("moved")
    if raw_mv is not None:
        ok = ok and isinstance(raw_mv, list)
        seen: set[date] = set()
        for p, v in r.items(raw_mv, f"{path}.moved"):
            mobj = r.obj(v, p)
            if mobj is None:
                ok = False
                continue
            frm = r.field(mobj, "from", p, r.day, required=True)
            ms = r.field(mobj, "start", p, r.moment, required=True)
            me = r.field(mobj, "end", p, r.moment, required=True)
            if not all_read(frm, ms, me) or None in (frm, ms, me):
                ok = False
                continue
            if not interval_ok(r, ms, me, p, mobj.get("end"), _LONGEST_OCCURRENCE):
                ok = False
                continue
            if frm in seen:
                r.bad(f"{p}.from", mobj.get("from"), N_("this occurrence is moved twice"))
                ok = False
                continue
            seen.add(frm)
            moved.append(Move(frm, ms, me, extra_of(mobj, ("from", "start", "end"))))

    return moved, ok


def _dates_of_activity_ok(r: Reader, activity: Activity, path: str) -> bool:
    """Dates named inside the activity must be dates the activity really has."""
    ok = True
    dates = _all_dates(activity)
    for i, ex in enumerate(activity.exdates):
        if ex not in dates:
            r.bad(f"{path}.exdates[{i}]", ex.isoformat(), N_("is not a date of this activity's rule"))
            ok = False
    have = planned_dates(activity)
    for i, m in enumerate(activity.moved):
        if m.from_date not in have:
            r.bad(f"{path}.moved[{i}].from", m.from_date.isoformat(), NOT_AN_OCCURRENCE)
            ok = False
    for i, rot in enumerate(activity.rotation):
        if rot.occurrence is not None and rot.occurrence not in have:
            r.bad(f"{path}.rotation[{i}].occurrence", rot.occurrence.isoformat(), NOT_AN_OCCURRENCE)
            ok = False
    return ok


NOT_AN_OCCURRENCE = N_("is not an occurrence of this activity (excluded, or never planned)")


def _all_dates(activity: Activity) -> set[date]:
    return {s.date() for s in first_planned_starts(activity)}
