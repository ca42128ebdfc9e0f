"""Staff, departments and partners from a sheet: each row a record (an existing one updated by
its key) with its problems. See docs/sheets.md."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from scheduler.exchange.spreadsheet.columns import REQUIRED
from scheduler.exchange.spreadsheet.row import TOO_LONG, Problem, RowResult, row_values
from scheduler.exchange.spreadsheet.service_requests import convert_requests
from scheduler.exchange.spreadsheet.sheet import N_
from scheduler.exchange.spreadsheet.values import by_name_or_id, closest, norm, number_in, phone_number
from scheduler.exchange.spreadsheet.words import (
    ACTIVE,
    INACTIVE,
    NO,
    NOT_PARTY,
    PARTNER_KIND_WORDS,
    QUALIFICATION_WORDS,
    YES,
)
from scheduler.plan.model import Contact, Department, Partner, Plan, Staff
from scheduler.plan.validation import MAX_HOURS_MONTH, MAX_ON_DUTY, MAX_POPULATION

LEADING_ZEROS = N_(
    "staff number {value}: the same number with other leading zeros (Excel drops them from a number; "
    "format the column as text and write the number as it is)"
)


def convert(
    target: str,
    rows: list[list[Any]],
    header_row: int,
    mapping: dict[int, str],
    plan: Plan,
    *,
    now: datetime | None = None,
    source: str = "",
    choices: Mapping[str, Mapping[str, str]] | None = None,
) -> list[RowResult]:
    """Every data row below the header as a record with its problems; blank rows are skipped.
    Requests: `now` is the receipt time of a row that does not say when it was sent, `source`
    the file's name, `choices` names the user matched by hand (field → name → id)."""
    if target == "requests":
        if now is None:
            raise ValueError("reading requests needs the time they are received (now)")
        return convert_requests(rows, header_row, mapping, plan, now, source, choices or {})
    out: list[RowResult] = []
    seen: dict[str, int] = {}
    missing = [f for f in REQUIRED[target] if f not in mapping.values()]
    for n, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        values, problems = row_values(row, mapping)
        if not any(values.values()):
            continue
        problems = [(f, N_("no column is mapped to it"), "") for f in missing] + problems
        for f in REQUIRED[target]:
            if f in values and not values[f]:
                problems.append((f, N_("is empty"), ""))
        if any(t == TOO_LONG for _f, t, _v in problems):
            out.append(RowResult(n, values, None, problems))  # refused: its cells not looked into
            continue
        key = values.get("id", "")
        if key:
            if key in seen:
                problems.append(("id", N_("appears twice (row {value})"), str(seen[key])))
            else:
                seen[key] = n
        record, update, more = _record(target, values, plan)
        problems += more
        res = RowResult(n, values, record, problems, update)
        if target == "staff" and any(f == "department" and v for f, _t, v in more):
            res.candidates["department"] = closest(values["department"], plan.departments)
        out.append(res)
    return out


def _record(target: str, v: dict[str, str], plan: Plan) -> tuple[Any | None, bool, list[Problem]]:
    problems: list[Problem] = []
    key = v.get("id", "")
    if not key or not v.get("name"):
        return None, False, problems
    if target == "staff":
        old = plan.staff.get(key)
        if old is None and key.isdigit():
            # 00123 and 123: Excel drops a number's leading zeros, so a sheet saved from one that
            # had them names the same person another way; never a new person in silence.
            same = sorted(
                s for s in plan.staff if s != key and s.isdigit() and s.lstrip("0") == key.lstrip("0")
            )
            if same:
                names = ", ".join(f"{s} {plan.staff[s].name}" for s in same)
                problems.append(("id", LEADING_ZEROS, f"{key} / {names}"))
        rec = old or Staff(key, v["name"], "")
        changes: dict[str, Any] = {"name": v["name"]}
        if "department" in v:
            dept = by_name_or_id(plan.departments, v["department"])
            if v["department"] and dept is None:
                problems.append(("department", N_("no department {value}"), v["department"]))
            changes["department"] = dept or ""
        if v.get("title"):
            changes["title"] = v["title"]
        if v.get("position"):  # kept beside the title, as the plan file's `position`
            changes["extra"] = {**rec.extra, "position": v["position"]}
        if v.get("phone"):
            phone = phone_number(v["phone"])
            if phone is None:
                problems.append(("phone", N_("{value} is not a phone number"), v["phone"]))
            changes["phone"] = phone or v["phone"]
        if v.get("qualifications"):
            quals = []
            for word in re.split(r"[、,，;；/\s]+", v["qualifications"]):
                if not word:
                    continue
                code = QUALIFICATION_WORDS.get(word, word if re.fullmatch(r"[a-z_]+", word) else None)
                if code is None:
                    problems.append(("qualifications", N_("unknown qualification {value}"), word))
                elif code not in quals:
                    quals.append(code)
            changes["qualifications"] = tuple(quals)
        if v.get("party_member"):
            word = norm(v["party_member"])
            if word in YES:
                changes["party_member"] = True
            elif word in NO or word in NOT_PARTY:
                changes["party_member"] = False
            else:
                problems.append(
                    (
                        "party_member",
                        N_("{value} is not a 政治面貌 the app knows (中共党员, 中共预备党员, 群众 …)"),
                        v["party_member"],
                    )
                )
        if v.get("branch"):
            branch = by_name_or_id(plan.branches, v["branch"])
            if branch is None:
                problems.append(("branch", N_("no party branch {value}"), v["branch"]))
            changes["branch"] = branch
        if v.get("max_hours_month"):
            hours = number_in(v["max_hours_month"], MAX_HOURS_MONTH, whole=False)
            if hours is None:
                problems.append(
                    ("max_hours_month", N_("{value} is not a number of hours a month"), v["max_hours_month"])
                )
            else:
                changes["max_hours_month"] = hours
        if v.get("active"):
            word = norm(v["active"])
            if word in YES or word in ACTIVE:
                changes["active"] = True
            elif word in NO or word in INACTIVE:
                changes["active"] = False
            else:
                problems.append(
                    ("active", N_("{value} is not a staff status (在职, 返聘, 离职, 退休 …)"), v["active"])
                )
        if v.get("volunteer_no"):
            changes["volunteer_no"] = v["volunteer_no"].strip()
        return replace(rec, **changes), old is not None, problems
    if target == "departments":
        old_d = plan.departments.get(key)
        d = old_d or Department(key, v["name"])
        dchanges: dict[str, Any] = {"name": v["name"]}
        if v.get("campus"):
            campus = by_name_or_id(plan.campuses, v["campus"])
            if campus is None:
                problems.append(("campus", N_("no campus {value}"), v["campus"]))
            dchanges["campus"] = campus
        if v.get("min_on_duty"):
            cover = number_in(v["min_on_duty"], MAX_ON_DUTY)
            if cover is None:
                problems.append(("min_on_duty", N_("{value} is not a number of people"), v["min_on_duty"]))
            else:
                dchanges["min_on_duty"] = int(cover)
        return replace(d, **dchanges), old_d is not None, problems
    old_p = plan.partners.get(key)
    p = old_p or Partner(key, v["name"])
    pchanges: dict[str, Any] = {"name": v["name"]}
    if v.get("kind"):
        kind = next((code for word, code in PARTNER_KIND_WORDS.items() if word in v["kind"]), None)
        kind = kind or (v["kind"] if v["kind"] in PARTNER_KIND_WORDS.values() else None)
        if kind is None:
            problems.append(("kind", N_("unknown kind {value}"), v["kind"]))
        pchanges["kind"] = kind or "other"
    for f in ("district", "address"):
        if v.get(f):
            pchanges[f] = v[f]
    if v.get("population"):
        people = number_in(v["population"], MAX_POPULATION)
        if people is None:
            problems.append(("population", N_("{value} is not a number of people"), v["population"]))
        else:
            pchanges["population"] = int(people)
    if v.get("contact_name") or v.get("contact_phone"):
        contact_phone = v.get("contact_phone", "")
        if contact_phone:
            contact_phone = phone_number(contact_phone) or contact_phone
            if phone_number(v["contact_phone"]) is None:
                problems.append(("contact_phone", N_("{value} is not a phone number"), v["contact_phone"]))
        pchanges["contact"] = Contact(
            v.get("contact_name") or p.contact.name, contact_phone or p.contact.phone
        )
    return replace(p, **pchanges), old_p is not None, problems


# -- service requests from a form's export
