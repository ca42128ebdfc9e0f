"""The reader of a record (what happened at an occurrence): its flat fields as the declaration
says, then by hand the people served per service and the people who were there.

Decided: a record's `services` key must be one of recording.SERVICE_COUNTS (the counts the
recording form, the statistics and the sheets know). An unknown key is refused with the known
ones named, not kept: kept, it would be counted nowhere and shown nowhere, and a typo
("blood_presure") would lose the count silently. Records an older version stored with other
keys stay as they are; the export shows them and a re-import names them, to be corrected."""

from __future__ import annotations

from typing import Any

from scheduler.exchange.planfile.problems import key_path
from scheduler.exchange.planfile.reader import MISSING, Reader, all_read, extra_of, only_keys
from scheduler.exchange.planfile.sections import keys_of, read_fields, steps_of
from scheduler.office.recording import SERVICE_COUNTS
from scheduler.plan.model import Attendance, Record
from scheduler.plan.validation import MAX_ATTENDED_HOURS, MAX_PEOPLE_SERVED, normalize_id
from scheduler.plan.wording import N_, Phrase


def record_reader(r: Reader) -> Any:
    """The reader of one record of this document."""
    steps = steps_of(r, "records")

    def read(r: Reader, obj: dict[str, Any], path: str) -> Record | None:
        values, ok = read_fields(r, obj, path, steps)
        services, ok_s = _read_services(r, obj, path)
        attended, ok_a = _read_attended(r, obj, path)
        if not (ok and ok_s and ok_a):
            return None
        if values["status"] == "cancelled" and not values["reason"]:
            r.bad(f"{path}.reason", values["reason"], N_("a cancelled occurrence needs a reason"))
            return None
        return Record(
            **values,
            services=tuple(services),
            attended=tuple(attended),
            extra=extra_of(obj, keys_of("records")),
        )

    return read


def _read_services(r: Reader, obj: dict[str, Any], path: str) -> tuple[list[tuple[str, int]], bool]:
    ok = True
    services: list[tuple[str, int]] = []
    raw_s = obj.get("services")
    if raw_s is not None:
        sobj = r.obj(raw_s, f"{path}.services")
        if sobj is None:
            ok = False
        else:
            count = r.whole(MAX_PEOPLE_SERVED)
            for k, v in sobj.items():
                where = key_path(f"{path}.services", k)
                key = normalize_id(k)
                if key not in SERVICE_COUNTS:
                    r.bad(where, k, _UNKNOWN_SERVICE)
                    ok = False
                    continue
                if key in dict(services):
                    r.bad(where, k, N_("names a service counted already in this record"))
                    ok = False
                    continue
                n = count(v, where)
                if n is MISSING:
                    ok = False
                else:
                    services.append((key, n))
    return services, ok


_UNKNOWN_SERVICE = Phrase(N_("is not a service the app counts; use one of %1"), ", ".join(SERVICE_COUNTS))


def _read_attended(r: Reader, obj: dict[str, Any], path: str) -> tuple[list[Attendance], bool]:
    ok = True
    attended: list[Attendance] = []
    raw_a = obj.get("attended")
    if raw_a is not None:
        ok = isinstance(raw_a, list)
        seen: set[str] = set()
        for p, v in r.items(raw_a, f"{path}.attended"):
            aobj = r.obj(v, p)
            if aobj is None:
                ok = False
                continue
            st = r.field(aobj, "staff", p, r.ident, required=True)
            hrs = r.field(aobj, "hours", p, r.number(MAX_ATTENDED_HOURS, above_zero=True), required=True)
            if not only_keys(r, aobj, ("staff", "hours"), p):
                ok = False
                continue
            if not all_read(st, hrs) or None in (st, hrs):
                ok = False
                continue
            if st in seen:
                r.bad(f"{p}.staff", st, N_("is listed twice"))
                ok = False
                continue
            seen.add(st)
            attended.append(Attendance(st, hrs))
    return attended, ok
