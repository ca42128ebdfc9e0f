"""Duty rosters in: a messy department grid (merged title, a weekday row, names and staff numbers,
an unknown code, an ambiguous name, a legend under it) as .xlsx and as GBK CSV, read into the
expected unavailability and refusals; header variants, month and department found or refused,
shift codes, and a re-import that replaces only its own department-month."""

from __future__ import annotations

import io
import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scheduler.exchange.duty.codes import (
    DEFAULT_SHIFT_CODES,
    Shift,
    normalize_code,
    read_shift_codes,
    shift_code_problems,
)
from scheduler.exchange.duty.grid import read_duty_grid
from scheduler.exchange.duty.merge import merge_roster
from scheduler.exchange.duty.roster import DutyError
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.spreadsheet.sheet import column_index, column_letter
from scheduler.exchange.spreadsheet.workbook import read_workbook
from scheduler.plan.model import Unavailability
from tests.helpers import sample

CODES = read_shift_codes(None)
WEEKDAY = "一二三四五六日"


def plan_doc() -> dict:
    """The sample hospital with two namesakes (张伟) and one more person in 骨伤科 (ortho)."""
    doc = sample()
    doc["staff"] += [
        {"id": "s010", "name": "张伟", "department": "ortho"},
        {"id": "s011", "name": "张伟", "department": "ortho"},
        {"id": "s012", "name": "刘洋", "department": "ortho"},
    ]
    return doc


PLAN = parse_document(json.dumps(plan_doc(), ensure_ascii=False)).plan

# The people of the grid: (staff number, name, {day: code}).
PEOPLE = [
    ("s001", "金伟", {1: "白", 2: "白", 4: "夜", 5: "休"}),
    ("", "李娜", {1: "假", 2: "假", 3: "假", 4: "白"}),  # by name
    ("", "张伟", {1: "白"}),  # two 张伟 in 骨伤科: refused
    ("s012", "刘洋", {1: "白", 2: "夜", 4: "X", 5: "ｎ", 31: "夜班"}),  # X unknown; ｎ full-width N
    ("E999", "赵无", {1: "白"}),  # nobody
    ("s003", "王强", {7: "年假"}),  # of 针灸科, found by number
]
LEGEND = "说明：白=白班，夜=夜班，休=休息，假=请假"


def grid_rows(merged: bool = True) -> list[list]:
    """The grid as a department keeps it: title, header (工号, 姓名, 1…31), weekday row, people, legend."""
    title = ["骨伤科 2026年12月 排班表"]
    header = ["工号", "姓名", *range(1, 32)]
    weekdays = [None, None, *("周" + WEEKDAY[date(2026, 12, d).weekday()] for d in range(1, 32))]
    rows = [title, header, weekdays]
    for number, name, codes in PEOPLE:
        rows.append([number or None, name, *(codes.get(d) for d in range(1, 32))])
    rows.append([LEGEND])
    return rows


def messy_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "12月"
    for row in grid_rows():
        ws.append(row)
    ws.merge_cells("A1:AG1")  # the title over the whole grid
    ws.merge_cells("A2:A3")  # 工号 and 姓名 over the weekday row
    ws.merge_cells("B2:B3")
    ws.merge_cells(f"A{len(PEOPLE) + 4}:AG{len(PEOPLE) + 4}")  # the legend
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def messy_csv(encoding: str = "gbk") -> bytes:
    lines = [",".join("" if v is None else str(v) for v in row) for row in grid_rows()]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def at(day: int, hm: str = "00:00", month: int = 12, year: int = 2026) -> datetime:
    h, m = hm.split(":")
    return datetime(year, month, day, int(h), int(m))


EXPECTED = [
    ("s001", at(1, "08:00"), at(1, "17:30"), "duty"),
    ("s001", at(2, "08:00"), at(2, "17:30"), "duty"),
    ("s001", at(4, "17:30"), at(5, "08:00"), "duty"),  # night of the 4th
    ("s001", at(5, "08:00"), at(5, "17:30"), "rest"),  # rest after it (the 5th is free)
    ("s002", at(1), at(2), "leave"),  # three days of leave, one entry a day
    ("s002", at(2), at(3), "leave"),
    ("s002", at(3), at(4), "leave"),
    ("s002", at(4, "08:00"), at(4, "17:30"), "duty"),
    ("s003", at(7), at(8), "leave"),
    ("s012", at(1, "08:00"), at(1, "17:30"), "duty"),
    ("s012", at(2, "17:30"), at(3, "08:00"), "duty"),
    ("s012", at(3, "08:00"), at(3, "17:30"), "rest"),
    ("s012", at(5, "00:00"), at(5, "08:00"), "duty"),  # N: 00:00-08:00 of that day, not the evening
    ("s012", at(31, "17:30"), at(1, "08:00", 1, 2027), "duty"),  # the last night of the month
    ("s012", at(1, "08:00", 1, 2027), at(1, "17:30", 1, 2027), "rest"),  # rests into January
]
EXPECTED_REFUSALS = [
    (6, "", "张伟", "several people in 骨伤科 are named 张伟 (s010, s011): give the staff number"),
    (
        7,
        "F",
        "X",
        "unknown shift code X (define it in Settings ▸ Shift codes, or: shift-codes set X MEANING)",
    ),
    (8, "", "赵无", "no staff number E999, and no one in 骨伤科 is named 赵无"),
]


def entries(roster) -> list[tuple]:
    return sorted((e.staff, e.start, e.end, e.reason) for e in roster.entries)


def refusals(roster) -> list[tuple]:
    return [(r.row, r.column, r.value, r.text()) for r in roster.refusals]


@pytest.mark.parametrize("kind", ["xlsx", "gbk", "utf-8-sig"])
def test_the_messy_grid_gives_the_expected_entries_and_refusals(kind: str) -> None:
    data, name = (messy_xlsx(), "duty.xlsx") if kind == "xlsx" else (messy_csv(kind), "duty.csv")
    [sheet] = read_workbook(data, name)
    roster = read_duty_grid(sheet.rows, PLAN, CODES, ("08:00", "17:30"), source=name)
    assert (roster.department, roster.month) == ("ortho", date(2026, 12, 1))  # from the title
    assert (roster.header_row, roster.weekday_row, roster.number_column, roster.name_column) == (1, 2, 0, 1)
    assert len(roster.days) == 31
    assert entries(roster) == EXPECTED
    assert refusals(roster) == EXPECTED_REFUSALS
    assert [p.name for p in roster.people] == [p[1] for p in PEOPLE]  # the legend is not a person
    assert {p.staff for p in roster.taken} == {"s001", "s002", "s012", "s003"}
    assert all(
        e.extra["source"] == name and e.extra["roster"]["department"] == "ortho" for e in roster.entries
    )
    # each entry says the roster day it was read from (a night's rest: the night's day)
    rest = next(e for e in roster.entries if e.staff == "s001" and e.reason == "rest")
    assert rest.extra["roster"]["day"] == "2026-12-04" and rest.start == at(5, "08:00")


def test_clinical_hours_and_codes_are_those_passed_in() -> None:
    [sheet] = read_workbook(messy_xlsx(), "duty.xlsx")
    codes = {**CODES, "X": Shift("leave")}  # the office taught the app its X
    roster = read_duty_grid(sheet.rows, PLAN, codes, ("07:30", "16:00"))
    got = entries(roster)
    assert ("s001", at(1, "07:30"), at(1, "16:00"), "duty") in got
    assert ("s001", at(4, "16:00"), at(5, "07:30"), "duty") in got
    assert ("s012", at(4), at(5), "leave") in got
    assert [r.column for r in roster.refusals] == ["", ""]  # only the two people


def test_night_then_day_or_leave_needs_no_rest_and_combined_codes() -> None:
    rows = [
        ["姓名", *range(1, 31)],
        ["金伟", "夜", "白", "夜", "假", "白/夜", None, "休"],
    ]
    roster = read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    assert entries(roster) == [  # duty spans of one day that touch are one
        ("s001", at(1, "17:30", 11), at(2, "08:00", 11), "duty"),  # the night, then on duty: no rest
        ("s001", at(2, "08:00", 11), at(2, "17:30", 11), "duty"),
        ("s001", at(3, "17:30", 11), at(4, "08:00", 11), "duty"),
        ("s001", at(4, "00:00", 11), at(5, "00:00", 11), "leave"),  # on leave: no rest either
        ("s001", at(5, "08:00", 11), at(6, "08:00", 11), "duty"),  # 白/夜: the day and the night
        ("s001", at(6, "08:00", 11), at(6, "17:30", 11), "rest"),
    ]
    assert roster.refusals == []


@pytest.mark.parametrize(("hours", "rest"), [(("08:00", "17:30"), False), (("08:00", "15:30"), True)])
def test_a_shift_after_a_night_is_at_work_when_it_starts_in_clinical_hours(hours, rest) -> None:
    """The day after a night the person rests until the end of clinical hours, unless the roster
    has them at work then: a shift from 16:00 starts in the default hours (no rest), after those
    of a hospital whose clinical hours end at 15:30 (a rest until then)."""
    codes = {**CODES, "P": Shift("duty", "16:00", "00:00")}
    rows = [["姓名", *range(1, 31)], ["金伟", "夜", "P"]]
    roster = read_duty_grid(rows, PLAN, codes, hours, department="ortho", month=date(2026, 11, 1))
    got = entries(roster)
    assert ("s001", at(2, "16:00", 11), at(3, "00:00", 11), "duty") in got
    assert (("s001", at(2, hours[0], 11), at(2, hours[1], 11), "rest") in got) == rest


def _wd(n: int) -> str:
    return "周" + WEEKDAY[date(2026, 12, n).weekday()]


@pytest.mark.parametrize(
    ("cell", "title", "month"),
    [
        (lambda n: f"12-{n:02d}", "骨伤科排班 2026年", None),  # month-day, the year in the title
        (lambda n: f"2026-12-{n:02d}", "", None),
        (lambda n: f"2026/12/{n}", "", None),
        (lambda n: datetime(2026, 12, n), "", None),  # real dates in the cells
        (lambda n: f"{n}日", "2026年12月", None),
        (lambda n: f"{n}\n{_wd(n)}", "", date(2026, 12, 1)),  # the weekday in the day's cell
        (lambda n: n, "", date(2026, 12, 1)),
        (lambda n: float(n), "", date(2026, 12, 1)),
    ],
)
def test_day_headers_of_every_kind(cell, title, month) -> None:
    rows = [[title], ["工号", *(cell(n) for n in range(1, 11))], ["s001", "白", None, "夜"]]
    roster = read_duty_grid(rows, PLAN, CODES, department="骨伤科", month=month)
    assert roster.month == date(2026, 12, 1) and roster.department == "ortho"
    assert [d for _c, d in roster.days] == [date(2026, 12, n) for n in range(1, 11)]
    assert entries(roster)[0] == ("s001", at(1, "08:00"), at(1, "17:30"), "duty")


def test_weekdays_in_the_day_cells_must_fit_the_month() -> None:
    rows = [["工号", *(f"{n}\n{_wd(n)}" for n in range(1, 11))], ["s001", "白"]]
    with pytest.raises(
        DutyError, match="weekdays written do not fit the dates read, in B1 .周二 ≠ 2027-12-01 周三."
    ):
        read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2027, 12, 1))


def test_the_department_from_the_file_name_or_the_people() -> None:
    rows = [["工号", "姓名", *range(1, 31)], ["s003", "王强", "白"]]
    got = read_duty_grid(rows, PLAN, CODES, month=date(2026, 11, 1), hints=("Sheet1", "针灸科11月排班"))
    assert got.department == "acu"
    got = read_duty_grid(rows, PLAN, CODES, month=date(2026, 11, 1))  # from the people found by number
    assert got.department == "acu"


@pytest.mark.parametrize(
    ("rows", "kwargs", "reason"),
    [
        ([["姓名", "白班", "夜班"], ["金伟", "白", "夜"]], {}, "no row of day columns"),
        ([["姓名", *range(1, 31)], ["金伟", "白"]], {"department": "ortho"}, "which month"),
        ([["姓名", *range(1, 31)], ["李四", "白"]], {"month": date(2026, 11, 1)}, "which department"),
        ([["姓名", *range(1, 31)]], {"month": date(2026, 11, 1), "department": "眼科"}, "no department 眼科"),
        (
            [["姓名", *(f"2026-11-{d:02d}" for d in range(1, 31))]],
            {"month": date(2026, 12, 1), "department": "ortho"},
            "in 2026-11, not in the month given",
        ),
        (  # the weekday row of November under a December header
            [
                ["姓名", *range(1, 31)],
                [None, *("周" + WEEKDAY[date(2026, 11, d).weekday()] for d in range(1, 31))],
            ],
            {"month": date(2026, 12, 1), "department": "ortho"},
            "weekdays written do not fit the dates read, in B2 (周日 ≠ 2026-12-01 周二)",
        ),
        (
            [["备注", *range(1, 31)], ["x", "白"]],
            {"month": date(2026, 11, 1), "department": "ortho"},
            "no column of names",
        ),
    ],
)
def test_a_grid_that_cannot_be_read_is_refused_whole(rows, kwargs, reason) -> None:
    with pytest.raises(DutyError) as exc:
        read_duty_grid(rows, PLAN, CODES, **kwargs)
    assert reason in str(exc.value)


def test_a_day_the_month_has_not_and_a_day_twice_refuse_their_column() -> None:
    rows = [["姓名", *range(1, 31), 31, 30], ["金伟", *(["白"] * 32)]]
    roster = read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    assert [(r.row, r.column, r.value, r.text()) for r in roster.refusals] == [
        (1, "AF", "31", "2026-11 has no day 31"),
        (1, "AG", "30", "the day 30 has a column already (AE)"),
    ]
    assert len(roster.entries) == 30


def test_a_staff_number_with_another_name_or_listed_twice_is_refused() -> None:
    rows = [
        ["工号", "姓名", *range(1, 31)],
        ["s001", "李娜", "白"],  # s001 is 金伟
        ["s002", "李娜", "白"],
        ["", "李娜", "夜"],  # 李娜 again
        ["", "王强", "白"],  # in 针灸科, not here
    ]
    roster = read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    assert [r.text() for r in roster.refusals] == [
        "staff number s001 is 金伟 in the app, not 李娜",
        "李娜 is in the roster twice (row 3)",
        "no one in 骨伤科 is named 王强 (elsewhere: s003 (针灸科))",
    ]
    assert {e.staff for e in roster.entries} == {"s002"}


def test_shift_codes_normalised_validated_and_read_from_a_damaged_value() -> None:
    assert normalize_code(" ｎ ") == "N" and normalize_code("白 班") == "白班"
    assert read_shift_codes(None) == {
        normalize_code(k): read_shift_codes({k: v})[normalize_code(k)] for k, v in DEFAULT_SHIFT_CODES.items()
    }
    assert read_shift_codes({"a": "night", "B": "banana", 5: "day", "": "free"}) == {"A": Shift("night")}
    assert shift_code_problems({"夜": "night", "白": "day"}) == []
    got = shift_code_problems({"n": "night", "N": "leave", "a/b": "day", "x": "holiday"})
    assert [(w, v) for w, v, _r in got] == [(".N", "N"), (".a/b", "a/b"), (".x", "holiday")]
    assert shift_code_problems(["夜"])[0][0] == ""


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
    assert [column_index(column_letter(i)) for i in range(800)] == list(range(800))


def test_a_new_import_replaces_its_own_entries_of_its_people_and_days_only() -> None:
    [sheet] = read_workbook(messy_xlsx(), "duty.xlsx")
    first = read_duty_grid(sheet.rows, PLAN, CODES, source="duty.xlsx")
    manual = Unavailability("s001", at(20, "08:00"), at(20, "12:00"), "leave")
    tag_nov = {"department": "ortho", "day": "2026-11-03"}
    other_month = Unavailability("s001", at(3, "08:00", 11), at(3, "17:30", 11), "duty", {"roster": tag_nov})
    held = {u.key: u for u in [*first.entries, manual, other_month]}
    again = merge_roster(held, first)
    assert (again.saves, again.deletes, again.unchanged, again.replaced) == ([], [], len(first.entries), 0)
    # The department changed 金伟's 2nd from 白 to 休 and sent the roster again.
    rows = [list(r) for r in sheet.rows]
    rows[3][3] = "休"
    second = read_duty_grid(rows, PLAN, CODES, source="duty v2.xlsx")
    m = merge_roster(held, second)
    assert m.deletes == [("s001", at(2, "08:00"), at(2, "17:30"))]
    assert len(m.saves) == len(first.entries) - 1 and all(
        e.extra["source"] == "duty v2.xlsx" for e in m.saves
    )
    assert m.replaced == len(m.saves) + 1 and m.left_out == [] and m.unchanged == 0
    # An entry typed in for the same person and times stays as it is; the roster's is left out.
    typed = Unavailability("s001", at(1, "08:00"), at(1, "17:30"), "leave", {"note": "typed in"})
    m = merge_roster({**held, typed.key: typed}, second)
    assert [e.key for e in m.left_out] == [typed.key] and typed.key not in {e.key for e in m.saves}
    assert typed.key not in m.deletes


def test_a_refused_cell_or_row_keeps_what_was_there() -> None:
    rows = [
        ["工号", "姓名", *range(1, 31)],
        ["s001", "金伟", "白", "白", "白"],
        ["s002", "李娜", "夜", None, "假"],
    ]
    first = read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    held = {u.key: u for u in first.entries}
    rows2 = [["工号", "姓名", *range(1, 31)], ["s001", "金伟", "白", "X", "白"], ["s002", "李那", "休"]]
    second = read_duty_grid(rows2, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    m = merge_roster(held, second)
    # 金伟's 2nd (X refused) is kept; 李那 is nobody: 李娜's entries are all kept
    assert m.deletes == [] and m.saves == [] and m.kept == 1 and m.unchanged == 2 and m.untouched == 3


def test_a_plan_file_with_a_bad_shift_code_table_is_refused() -> None:
    from scheduler.exchange.planfile.problems import PlanError

    doc = sample()
    doc["hospital"]["shift_codes"] = {"夜": "night", "x": "banana", "N": "night", "n": "day"}
    with pytest.raises(PlanError) as exc:
        parse_document(json.dumps(doc, ensure_ascii=False))
    assert [p.path for p in exc.value.problems] == ["$.hospital.shift_codes.x", "$.hospital.shift_codes.n"]
    doc["hospital"]["shift_codes"] = {"夜": "night", "Ａ班": "day"}
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    assert plan.hospital is not None and read_shift_codes(plan.hospital.extra["shift_codes"]) == {
        "夜": Shift("night"),
        "A班": Shift("day"),
    }


# ---- any grid, however made, gives a roster or DutyError


_cells = st.one_of(
    st.none(),
    st.integers(-5, 40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        ["白", "夜", "休", "假", "X", "", " ", "姓名", "工号", "周一", "金伟", "s001", "张伟", "说明：x"]
    ),
    st.from_regex(r"\d{1,4}[-/.年月]\d{1,2}([-/.月]\d{1,2}日?)?", fullmatch=True),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.text(max_size=8),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_cells, max_size=12), max_size=8),
    st.sampled_from([None, "ortho", "骨伤科", "nowhere"]),
    st.sampled_from([None, date(2026, 2, 1), date(2100, 12, 1), date(2000, 1, 1)]),
)
def test_any_grid_gives_a_roster_or_a_duty_error(rows, department, month) -> None:
    header = ["姓名", *range(1, 8)]
    for grid in (
        rows,
        [header, *rows],
        [["2026年11月"], ["工号", *(f"0000-01-{d:02d}" for d in range(1, 9))], *rows],
    ):
        try:
            roster = read_duty_grid(grid, PLAN, CODES, department=department, month=month)
        except DutyError as exc:
            assert exc.reason
            continue
        for e in roster.entries:
            assert e.start < e.end and e.staff in PLAN.staff
        for r in roster.refusals:
            assert r.text()


def test_one_long_text_in_many_cells_is_read_once(monkeypatch) -> None:
    """A hostile sheet: one long string (a shared string) in every cell. Its work is bounded by
    the distinct texts, not the cells: each is normalised and read as a legend once."""
    import scheduler.exchange.duty.cells as cells
    import scheduler.exchange.duty.legend as legend_module

    calls = {"normalize": 0, "legend": 0}
    normalize, read_legend = cells.unicodedata.normalize, legend_module.read_legend

    def counting(form, text):
        calls["normalize"] += 1
        return normalize(form, text)

    def legend(text):
        calls["legend"] += 1
        return read_legend(text)

    cells.nfkc.cache_clear()
    monkeypatch.setattr(cells.unicodedata, "normalize", counting)
    monkeypatch.setattr(legend_module, "read_legend", legend)
    long = "注：A班 08:00-16:00；" * 90
    rows = [["姓名", *range(1, 32)], *([long] * 40 for _ in range(500))]
    roster = read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    assert calls["legend"] == 1 and calls["normalize"] < 1_000  # 20,000 cells
    assert len(roster.skipped) == 500 and roster.people == []


def test_shift_hours_in_the_plan_file_validated_and_round_trip() -> None:
    from scheduler.exchange.planfile.problems import PlanError
    from scheduler.exchange.planfile.writer import plan_to_document

    doc = sample()
    codes = {
        "P": {"on": "16:00", "off": "00:00"},
        "N": {"on": "22:00", "off": "06:00", "rest_until": "12:00"},
        "外": {"on": "08:00", "off": "12:00", "kind": "leave"},
        "休": "free",
    }
    doc["hospital"]["shift_codes"] = codes
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    assert plan_to_document(plan)["hospital"]["shift_codes"] == codes
    assert read_shift_codes(codes)["N"] == Shift("duty", "22:00", "06:00", "12:00")
    doc["hospital"]["shift_codes"] = {
        "A": {"on": "8:00", "off": "16:00"},
        "B": {"on": "08:00"},
        "C": {"on": "08:00", "off": "24:00"},
        "D": {"on": "08:00", "off": "12:00", "rest_until": "11:00"},
        "E": {"on": "08:00", "off": "12:00", "kind": "night", "colour": "red"},
    }
    with pytest.raises(PlanError) as exc:
        parse_document(json.dumps(doc, ensure_ascii=False))
    assert [p.path for p in exc.value.problems] == [
        "$.hospital.shift_codes.A.on",
        "$.hospital.shift_codes.B.off",
        "$.hospital.shift_codes.C.off",
        "$.hospital.shift_codes.D.rest_until",
        "$.hospital.shift_codes.E.colour",
        "$.hospital.shift_codes.E.kind",
    ]


_layout_cells = st.one_of(
    st.none(),
    st.integers(0, 33),
    st.sampled_from(
        [
            "A",
            "P",
            "N",
            "年",
            "下夜",
            "值",
            "门诊",
            "√",
            "第1周",
            "第二周",
            "合计",
            "制表人：x",
            "护士长签名",
            "周一\n12月7日",
            "12月7日\n周二",
            "12-31",
            "1-01",
            "2月30日",
            "周日",
            "星期三",
            "MON",
            "班次说明：A班 08:00-16:00；N班 00:00-08:00；Y：机动",
            "注：P 16点-24点",
            "N班 25:00-08:00",
            "12月26日-1月25日",
            "2026年11月26日-12月25日",
            "金伟",
            "s001",
            "姓名",
            "工号",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_layout_cells, max_size=10), max_size=10),
    st.sampled_from([None, "ortho"]),
    st.sampled_from([None, date(2026, 12, 1), date(2100, 12, 1)]),
)
def test_any_layout_gives_a_roster_or_a_duty_error(rows, department, month) -> None:
    weeks = [["第1周"], ["姓名", *(f"周{WEEKDAY[(k + 0) % 7]}\n12月{k + 7}日" for k in range(7))]]
    cycle = [["2026年12月"], ["工号", "姓名", *range(26, 32), *range(1, 26)]]
    for grid in (rows, [*weeks, *rows], [*cycle, *rows], [*weeks, *rows, *weeks, *rows]):
        try:
            roster = read_duty_grid(grid, PLAN, CODES, department=department, month=month)
        except DutyError as exc:
            assert exc.text()
            continue
        for e in roster.entries:
            assert e.start < e.end and e.staff in PLAN.staff
        assert len({e.key for e in roster.entries}) == len(roster.entries)
        for r in roster.refusals:
            assert r.text()
        merge_roster({e.key: e for e in roster.entries}, roster)
