"""The people of a duty roster: the department it is for (given, named in the title, the
sheet's or the file's name, or that of most of its staff numbers), the rows that are not people
(the legend, 制表人, 签名, 合计: skipped and listed), and each row's person found by staff
number or, failing that, by name within the department. An unknown or ambiguous person refuses
their row only, an unknown code its cell only; nothing is guessed. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from scheduler.exchange.duty.cells import cell_text, is_week_heading, norm_name
from scheduler.exchange.duty.codes import N_, Shift, looks_like_legend
from scheduler.exchange.duty.legend import table_legend
from scheduler.exchange.duty.roster import Block, DutyError, DutyPerson, Refusal, Skipped
from scheduler.exchange.duty.shifts import cell_shifts
from scheduler.exchange.spreadsheet.sheet import column_letter
from scheduler.plan.model import Plan, Staff


def resolve_department(department: str | None, plan: Plan, texts: list[str], numbers: Iterable[str]) -> str:
    if department is not None:
        if department in plan.departments:
            return department
        found = [d.id for d in plan.departments.values() if d.name == department]
        if len(found) == 1:
            return found[0]
        raise DutyError(N_("no department {value}"), department)
    for text in texts:  # the department name the title, the sheet's or the file's name holds
        named = [d for d in plan.departments.values() if d.name and d.name in text]
        # 针灸推拿科 holds 推拿科: the longer is meant. Two apart (中医科、针灸科) are two readings.
        whole = [d for d in named if not any(d.name != o.name and d.name in o.name for o in named)]
        if len({d.id for d in whole}) > 1:
            raise DutyError(
                N_("{value} names several departments ({names}): give the department"),
                text.strip()[:60],
                (("names", ", ".join(sorted(d.name for d in whole))),),
            )
        if named:
            return max(named, key=lambda d: len(d.name)).id
    for text in texts:  # a sheet named as people say it: 急诊 for 急诊科, 药学 for 药学部
        said = norm_name(text)
        short = [d for d in plan.departments.values() if len(said) >= 2 and _short_name(d.name) == said]
        if len(short) == 1:
            return short[0].id
    of_people = Counter(plan.staff[n].department for n in numbers if n in plan.staff)
    if of_people:
        return of_people.most_common(1)[0][0]
    raise DutyError(N_("the sheet does not say which department it is for: give the department"))


def _short_name(name: str) -> str:
    """A department's name as people shorten it: without its 科, 部, 室 or 中心 (急诊科 → 急诊)."""
    return re.sub(r"(?:科|部|室|中心)$", "", norm_name(name or ""))


# Rows that are not people: signatures, totals, headings, notes under or over the grid.
_NOT_PERSON = re.compile(
    r"^(?:合计|小计|总计|统计|人数|在岗|出勤人数|制表|填表|审核|审批|核对|签名|签字|负责人|护士长|科主任|"
    r"备注|注|说明|班次|图例|日期|星期|周次|第\s*[0-9一二三四五六七八九十]{1,3}\s*周)"
)


def not_a_person(
    row: Sequence[Any], name: str, number: str, has_cells: bool, plan: Plan | None = None
) -> str | None:
    """Why a row is not a person (a template), or None when it may be one."""
    said = name or number
    if looks_like_legend(said) or (not number and table_legend(row, plan) is not None):
        return N_("the legend")
    values = [t for t in (cell_text(v) for v in row) if t]
    if len(values) > 2 and len(set(values)) == 1:
        return N_("a note across the sheet")
    if _NOT_PERSON.match(said) or "签名" in said or "签字" in said or "制表" in said:
        return N_("a signature, total or heading row")
    if not has_cells and (len(said) > 12 or ":" in said or "：" in said) and not (name and number):
        return N_("a note under the grid")
    return None


def read_people(
    rows: Sequence[Sequence[Any]],
    blocks: list[Block],
    plan: Plan,
    dept: str,
    codes: Mapping[str, Shift],
    refusals: list[Refusal],
    skipped: list[Skipped],
) -> list[DutyPerson]:
    by_name: dict[str, list[Staff]] = {}  # built when a row needs it (most give a staff number)
    dept_name = plan.departments[dept].name if dept in plan.departments else dept
    out: list[DutyPerson] = []
    known: dict[str, bool] = {}  # a cell's text → whether every part of it is a code
    for b, block in enumerate(blocks):
        start = max(block.header_row, block.weekday_row if block.weekday_row is not None else -1) + 1
        end = blocks[b + 1].header_row if b + 1 < len(blocks) else len(rows)
        if b + 1 < len(blocks):
            nxt = blocks[b + 1]
            if nxt.weekday_row is not None and nxt.weekday_row < nxt.header_row:
                end = nxt.weekday_row
        taken_at: dict[str, int] = {}
        dates = tuple(d for _c, d in block.days)
        name_col, number_col = block.name_column, block.number_column
        for i in range(start, end):
            row = rows[i]
            line = i + 1
            number = cell_text(row[number_col]) if number_col is not None and number_col < len(row) else ""
            name = cell_text(row[name_col]) if name_col is not None and name_col < len(row) else ""
            if not number and not name:
                if is_week_heading(row):
                    heading = next(t for t in (cell_text(v) for v in row if v is not None) if t)
                    skipped.append(Skipped(line, heading, N_("a signature, total or heading row")))
                continue
            cells = {}
            for col, day in block.days:
                if col < len(row):
                    v = row[col]
                    if v is not None:
                        t = cell_text(v)
                        if t:
                            cells[day] = t
            why_not = not_a_person(row, name, number, bool(cells), plan)
            if why_not is not None:
                skipped.append(Skipped(line, name or number, why_not))
                continue
            person = DutyPerson(line, number, name, None, cells, block=b, dates=dates)
            out.append(person)
            if not by_name and not (number and number in plan.staff):
                for s in plan.staff.values():
                    by_name.setdefault(norm_name(s.name), []).append(s)
            staff, why = _match(number, name, plan, by_name, dept, dept_name)
            if staff is None:
                assert why is not None
                refusals.append(why(line))
                continue
            if staff in taken_at:
                refusals.append(
                    Refusal(
                        line,
                        "",
                        name or number,
                        N_("{value} is in the roster twice (row {first})"),
                        (("first", str(taken_at[staff])),),
                    )
                )
                continue
            taken_at[staff] = line
            person.staff = staff
            for col, day in block.days:
                text = cells.get(day)
                if not text:
                    continue
                ok = known.get(text)
                if ok is None:
                    ok = known[text] = cell_shifts(text, codes) is not None
                if not ok:
                    person.refused_days.add(day)
                    refusals.append(Refusal(line, column_letter(col), text, UNKNOWN_CODE))
    return out


# Every "unknown code" says where codes are defined.
UNKNOWN_CODE = N_(
    "unknown shift code {value} (define it in Settings ▸ Shift codes, or: shift-codes set {value} MEANING)"
)


def _match(
    number: str,
    name: str,
    plan: Plan,
    by_name: dict[str, list[Staff]],
    dept: str,
    dept_name: str,
) -> tuple[str | None, Callable[[int], Refusal] | None]:
    """The staff id a row names, or why none (a function of the row's line)."""
    if number and number in plan.staff:
        s = plan.staff[number]
        if name and norm_name(name) != norm_name(s.name):
            return None, lambda line: Refusal(
                line,
                "",
                number,
                N_("staff number {value} is {name} in the app, not {written}"),
                (("name", s.name), ("written", name)),
            )
        return s.id, None
    if not name:
        same = [
            f"{k} {plan.staff[k].name}"
            for k in sorted(plan.staff)
            if number.isdigit() and k != number and k.isdigit() and k.lstrip("0") == number.lstrip("0")
        ]
        if same:  # 124 for 00124: Excel dropped the zeros; said, not guessed
            return None, lambda line: Refusal(
                line,
                "",
                number,
                N_(
                    "no staff number {value}, but {same} has it with other leading zeros (Excel drops "
                    "them from a number: format the column as text and write the number as it is)"
                ),
                (("same", ", ".join(same)),),
            )
        return None, lambda line: Refusal(line, "", number, N_("no staff number {value}"))
    namesakes = by_name.get(norm_name(name), [])
    here = [s for s in namesakes if s.department == dept]
    if len(here) > 1:
        active = [s for s in here if s.active]
        here = active if len(active) == 1 else here
    if len(here) == 1:
        return here[0].id, None
    if len(here) > 1:
        ids = ", ".join(sorted(s.id for s in here))
        return None, lambda line: Refusal(
            line,
            "",
            name,
            N_("several people in {department} are named {value} ({ids}): give the staff number"),
            (("department", dept_name), ("ids", ids)),
        )
    if namesakes:
        elsewhere = ", ".join(
            sorted(
                f"{s.id} ({plan.departments[s.department].name if s.department in plan.departments else s.department})"
                for s in namesakes
            )[:5]
        )
        return None, lambda line: Refusal(
            line,
            "",
            name,
            N_("no one in {department} is named {value} (elsewhere: {others})"),
            (("department", dept_name), ("others", elsewhere)),
        )
    if number:
        return None, lambda line: Refusal(
            line,
            "",
            name,
            N_("no staff number {number}, and no one in {department} is named {value}"),
            (("number", number), ("department", dept_name)),
        )
    return None, lambda line: Refusal(
        line, "", name, N_("no one in {department} is named {value}"), (("department", dept_name),)
    )
