"""Duty rosters as offices lay them out, one small file per layout made here with openpyxl, each
imported with `sheet duty` and read back through `export`: the entries on the right dates and
hours; --dry-run leaves the database as it was; next week's sheet leaves this week's entries; a
weekday row that disagrees refuses the file naming the column. A property test: any grid written
as a roster and read back gives the entries the grid says, cell by cell (a slow oracle)."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from cli.commands import run
from db.operations import database_hash
from db.store import Store
from scheduler.exchange.duty.codes import read_shift_codes
from scheduler.exchange.duty.grid import read_duty_grid
from scheduler.exchange.duty.legend import workbook_legend
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.spreadsheet.sheet import Sheet
from scheduler.exchange.spreadsheet.workbook import read_workbook
from tests.scheduler.exchange.test_duty import plan_doc

WD = "一二三四五六日"
PLAN = parse_document(json.dumps(plan_doc(), ensure_ascii=False)).plan
CODES = read_shift_codes(None)


def xlsx(*sheets: tuple[str, list[list[Any]]], hidden: dict[str, str] | None = None) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if hidden and name in hidden:
            ws.sheet_state = hidden[name]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    doc = plan_doc()
    doc["unavailability"] = []
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "office.sqlite3"
    assert run(["import", "--db", str(path), str(plan)]) == 0
    return path


def sheet(capsys, db: Path, data: bytes, name: str, *args: str) -> tuple[int, dict, str]:
    f = db.parent / name
    f.write_bytes(data)
    capsys.readouterr()
    code = run(["sheet", "duty", str(f), "--db", str(db), "--lang", "en", "--json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else {}), err


def exported(db: Path) -> list[tuple[str, str, str, str]]:
    out = db.parent / "export.json"
    assert run(["export", "--db", str(db), "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    return sorted((u["staff"], u["start"], u["end"], u["reason"]) for u in doc["unavailability"])


def _hash(db: Path) -> str:
    with Store(db) as s:
        return database_hash(s)


def test_month_grid_with_a_legend_of_hours(db, capsys) -> None:
    """A nursing grid of A/P/N with the legend under it: N is that day 00:00-08:00, P ends at
    midnight; 年 per the legend; an unreadable legend entry is named, not guessed."""
    days = range(1, 31)
    rows = [
        ["骨伤科护理排班表 2026年11月"],
        ["工号", "姓名", *days],
        [None, None, *(WD[date(2026, 11, d).weekday()] for d in days)],
        ["s001", "金伟", "A", "P", "N", "休", "年"],
        ["s002", "李娜", "N", "N", "下夜", "夜休", "Y"],
        ["班次说明：A班 08:00-16:00；P班 16:00-24:00；N班 00:00-08:00；年：年休假；Y：机动"],
        ["制表人：王护士长"],
    ]
    code, doc, _err = sheet(capsys, db, xlsx(("11月", rows)), "ortho-11.xlsx")
    assert code == 1  # the cell Y is refused: the legend's Y is not understood
    [r] = doc["refused"]
    assert (r["row"], r["column"], r["value"]) == (5, "G", "Y") and "shift-codes set Y" in r["reason"]
    legend = {e["code"]: (e["reads"], e["used"]) for e in doc["sheets"][0]["legend"]}
    assert legend["N"] == ({"on": "00:00", "off": "08:00"}, True)
    assert legend["P"] == ({"on": "16:00", "off": "00:00"}, True)
    assert legend["年"] == ("leave", True) and legend["Y"] == (None, False)
    assert [s["row"] for s in doc["rows_skipped"]] == [6, 7]
    assert exported(db) == [
        ("s001", "2026-11-01T08:00", "2026-11-01T16:00", "duty"),
        ("s001", "2026-11-02T16:00", "2026-11-03T00:00", "duty"),  # P: to midnight
        ("s001", "2026-11-03T00:00", "2026-11-03T08:00", "duty"),  # N: that day, from midnight
        ("s001", "2026-11-05T00:00", "2026-11-06T00:00", "leave"),
        ("s002", "2026-11-01T00:00", "2026-11-01T08:00", "duty"),
        ("s002", "2026-11-02T00:00", "2026-11-02T08:00", "duty"),
    ]


def test_the_offices_own_code_wins_over_the_legend(db, capsys) -> None:
    run(["shift-codes", "set", "N", "--on", "22:00", "--off", "06:00", "--db", str(db)])
    rows = [["工号", *range(1, 8)], ["s001", "N"], ["注：N班 00:00-08:00"]]
    code, doc, _err = sheet(
        capsys, db, xlsx(("Sheet1", rows)), "ortho.xlsx", "--month", "2026-11", "--department", "ortho"
    )
    assert code == 0
    assert [(e["code"], e["used"]) for e in doc["sheets"][0]["legend"]] == [("N", False), ("N班", True)]
    assert exported(db) == [("s001", "2026-11-01T22:00", "2026-11-02T06:00", "duty")]


@pytest.mark.parametrize(
    "head",
    [
        lambda d: f"周{WD[d.weekday()]}\n{d.month}月{d.day}日",  # weekday first
        lambda d: f"{d.month}月{d.day}日\n周{WD[d.weekday()]}",  # date first
        lambda d: f"{d.month}-{d.day:02d}",
        lambda d: d,  # real dates
    ],
)
def test_one_week_sheet_with_the_range_in_the_title(db, capsys, head) -> None:
    week = [date(2026, 12, 7) + timedelta(days=k) for k in range(7)]
    rows = [
        ["骨伤科医师周排班 2026年12月7日—12月13日"],
        ["姓名", *(head(d) for d in week)],
        ["金伟", "门诊", "病房", "手术", "休", "门诊", None, "值"],
    ]
    code, doc, _err = sheet(capsys, db, xlsx(("第50周", rows)), "week.xlsx")
    assert code == 0, doc
    assert doc["sheets"][0]["blocks"][0]["days"][0] == {"column": "B", "date": "2026-12-07"}
    got = exported(db)
    assert got[:3] == [
        ("s001", "2026-12-07T08:00", "2026-12-07T17:30", "duty"),
        ("s001", "2026-12-08T08:00", "2026-12-08T17:30", "duty"),
        ("s001", "2026-12-09T08:00", "2026-12-09T17:30", "duty"),
    ]
    assert got[-2:] == [
        ("s001", "2026-12-13T17:30", "2026-12-14T08:00", "duty"),  # 值: on call overnight
        ("s001", "2026-12-14T08:00", "2026-12-14T17:30", "rest"),
    ]


def _cycle_rows(title: str, weekdays: bool, wrong: int | None = None) -> list[list[Any]]:
    days = [date(2026, 11, 26) + timedelta(days=k) for k in range(30)]
    said = [WD[d.weekday()] for d in days]
    if wrong is not None:
        said[wrong] = WD[(days[wrong].weekday() + 1) % 7]
    rows = [[title], ["工号", "姓名", *(d.day for d in days)]]
    if weekdays:
        rows.append([None, None, *said])
    rows.append(["s001", "金伟", "白", *([None] * 28), "年"])
    return rows


@pytest.mark.parametrize(
    ("title", "weekdays"),
    [("骨伤科 2026年12月排班（考勤）", True), ("骨伤科排班 2026年11月26日-12月25日", False)],
)
def test_an_attendance_cycle_is_placed_by_the_weekday_row_or_the_title(db, capsys, title, weekdays) -> None:
    code, doc, _err = sheet(capsys, db, xlsx(("12月", _cycle_rows(title, weekdays))), "cycle.xlsx")
    assert code == 0, doc
    assert (doc["sheets"][0]["from"], doc["sheets"][0]["to"], doc["month"]) == (
        "2026-11-26",
        "2026-12-25",
        "2026-12",
    )
    assert exported(db) == [
        ("s001", "2026-11-26T08:00", "2026-11-26T17:30", "duty"),
        ("s001", "2026-12-25T00:00", "2026-12-26T00:00", "leave"),
    ]


def test_a_weekday_row_that_disagrees_refuses_the_file_naming_the_column(db, capsys) -> None:
    before = _hash(db)
    rows = _cycle_rows("骨伤科 2026年12月排班", True, wrong=4)  # one column of thirty
    code, doc, err = sheet(capsys, db, xlsx(("12月", rows)), "cycle.xlsx")
    assert code == 2 and "G3 (周二 ≠ 2026-11-30 周一)" in err and _hash(db) == before


def test_weeks_stacked_in_one_sheet(db, capsys) -> None:
    rows: list[list[Any]] = [["骨伤科 2026年12月 排班"]]
    for k, monday in enumerate((date(2026, 11, 30), date(2026, 12, 7))):
        week = [monday + timedelta(days=i) for i in range(7)]
        rows += [
            [f"第{k + 1}周"],
            ["姓名", *(f"{d.month}月{d.day}日" for d in week)],
            [None, *(f"周{WD[d.weekday()]}" for d in week)],
            ["金伟", "白", None, None, None, None, None, "休"],
            ["李娜", None, "年"],
        ]
    code, doc, _err = sheet(capsys, db, xlsx(("12月", rows)), "weeks.xlsx")
    assert code == 0, doc
    assert [b["header_row"] for b in doc["sheets"][0]["blocks"]] == [3, 8]
    assert exported(db) == [
        ("s001", "2026-11-30T08:00", "2026-11-30T17:30", "duty"),
        ("s001", "2026-12-07T08:00", "2026-12-07T17:30", "duty"),
        ("s002", "2026-12-01T00:00", "2026-12-02T00:00", "leave"),
        ("s002", "2026-12-08T00:00", "2026-12-09T00:00", "leave"),
    ]


def test_several_departments_in_one_workbook_hidden_sheets_skipped(db, capsys) -> None:
    def grid(name: str, number: str, code: str) -> list[list[Any]]:
        return [[f"{name} 2026年12月医师值班表"], ["工号", *range(1, 32)], [number, code]]

    data = xlsx(
        ("骨伤科", grid("骨伤科", "s001", "白")),
        ("旧表", grid("骨伤科", "s001", "年")),
        ("针灸科", grid("针灸科", "s003", "值")),
        ("说明", [["本表由医务科汇总"]]),
        ("隐藏", grid("针灸科", "s003", "年")),
        hidden={"旧表": "hidden", "隐藏": "veryHidden"},
    )
    code, doc, _err = sheet(capsys, db, data, "医师值班表.xlsx")
    assert code == 0, doc
    assert [(s["sheet"], s.get("department"), s.get("skipped", "")[:10]) for s in doc["sheets"]] == [
        ("骨伤科", "ortho", ""),
        ("旧表", None, "hidden"),
        ("针灸科", "acu", ""),
        ("说明", None, "no row of "),
        ("隐藏", None, "veryHidden"),
    ]
    assert exported(db) == [
        ("s001", "2026-12-01T08:00", "2026-12-01T17:30", "duty"),
        ("s003", "2026-12-01T17:30", "2026-12-02T08:00", "duty"),
        ("s003", "2026-12-02T08:00", "2026-12-02T17:30", "rest"),
    ]


def test_rows_that_are_not_people_are_skipped_and_listed(db, capsys) -> None:
    rows = [
        ["骨伤科 2026年12月"],
        ["姓名", *range(1, 32)],
        ["金伟", "白", "白"],
        ["合计", 1, 1],
        ["护士长签名：", None],
        ["制表人：李娜    审核：金伟"],
    ]
    code, doc, _err = sheet(capsys, db, xlsx(("12月", rows)), "sig.xlsx")
    assert code == 0 and doc["refused"] == []
    assert [(s["row"], s["text"][:3]) for s in doc["rows_skipped"]] == [
        (4, "合计"),
        (5, "护士长"),
        (6, "制表人"),
    ]


def test_a_semicolon_csv_roster(db, capsys) -> None:
    text = "骨伤科 2026年12月;;;;;;;;\r\n姓名;1;2;3;4;5;6;7;8\r\n金伟;白;;;;;;;休\r\n"
    code, doc, _err = sheet(capsys, db, text.encode("gbk"), "roster.csv")
    assert code == 0, doc
    assert exported(db) == [("s001", "2026-12-01T08:00", "2026-12-01T17:30", "duty")]


def test_next_weeks_sheet_keeps_this_weeks_entries_and_dry_run_changes_nothing(db, capsys) -> None:
    def week(monday: date, code: str) -> bytes:
        days = [monday + timedelta(days=i) for i in range(7)]
        title = f"骨伤科周排班 {days[0].month}月{days[0].day}日-{days[-1].month}月{days[-1].day}日 2026年"
        return xlsx(("周", [[title], ["姓名", *(f"{d.month}-{d.day}" for d in days)], ["金伟", code, code]]))

    assert sheet(capsys, db, week(date(2026, 12, 7), "白"), "w50.xlsx")[0] == 0
    this_week = exported(db)
    before = _hash(db)
    code, doc, _err = sheet(capsys, db, week(date(2026, 12, 14), "年"), "w51.xlsx", "--dry-run")
    assert code == 0 and doc["written"] == 2 and doc["replaced"] == 0 and _hash(db) == before
    assert sheet(capsys, db, week(date(2026, 12, 14), "年"), "w51.xlsx")[0] == 0
    got = exported(db)
    assert all(e in got for e in this_week) and len(got) == 4  # this week's stay
    # this week again with the 8th free: only that day's entry goes
    code, doc, _err = sheet(
        capsys,
        db,
        xlsx(("周", [["骨伤科 2026年12月7日-12月13日"], ["姓名", *range(7, 14)], ["金伟", "白"]])),
        "w50b.xlsx",
    )
    # the 7th written again from the new file (its source changes), the 8th's entry goes
    assert (doc["written"], doc["replaced"], doc["unchanged"]) == (1, 2, 0)
    assert len(exported(db)) == 3


# ---- any grid written as a roster reads back as the grid says

# The codes of the oracle, each with the spans it means on day d (clinical hours 08:00-17:30).
ORACLE = {
    "白": [("08:00", 0, "17:30", 0, "duty")],
    "A": [("08:00", 0, "16:00", 0, "duty")],
    "P": [("16:00", 0, "00:00", 1, "duty")],
    "N": [("00:00", 0, "08:00", 0, "duty")],
    "年": [("00:00", 0, "00:00", 1, "leave")],
    "休": [],
}
PEOPLE = [("s001", "金伟"), ("s002", "李娜"), ("s012", "刘洋")]


def _oracle(grid: dict[tuple[str, date], str]) -> list[tuple]:
    out = []
    for (staff, d), code in grid.items():
        for on, k0, off, k1, reason in ORACLE[code]:
            h0, m0 = map(int, on.split(":"))
            h1, m1 = map(int, off.split(":"))
            start = datetime(d.year, d.month, d.day, h0, m0) + timedelta(days=k0)
            end = datetime(d.year, d.month, d.day, h1, m1) + timedelta(days=k1)
            out.append((staff, start, end, reason))
    return sorted(out)


def _layout(kind: str, first: date, n: int, grid: dict[tuple[str, date], str]) -> list[list[Any]]:
    days = [first + timedelta(days=k) for k in range(n)]
    rows: list[list[Any]] = [[f"骨伤科排班 {first.year}年"]]
    if kind == "weeks":
        for w in range(0, n, 7):
            part = days[w : w + 7]
            rows += [[f"第{w // 7 + 1}周"], ["姓名", *(f"{d.month}月{d.day}日" for d in part)]]
            rows += [[name, *(grid.get((s, d)) for d in part)] for s, name in PEOPLE]
        return rows
    if kind == "weekday-first":
        rows.append(["姓名", *(f"周{WD[d.weekday()]}\n{d.month}月{d.day}日" for d in days)])
    elif kind == "cycle":
        rows[0] = [
            f"骨伤科排班 {days[0]:%Y}年{days[0].month}月{days[0].day}日-{days[-1].month}月{days[-1].day}日"
        ]
        rows.append(["姓名", *(d.day for d in days)])
        rows.append([None, *(WD[d.weekday()] for d in days)])
    else:
        rows.append(["姓名", *(d.isoformat() for d in days)])
    rows += [[name, *(grid.get((s, d)) for d in days)] for s, name in PEOPLE]
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["month", "weeks", "weekday-first", "cycle"]),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 1)),
    st.integers(7, 31),
    st.data(),
)
def test_any_grid_written_as_a_roster_reads_back_as_the_grid(kind, first, n, data) -> None:
    days = [first + timedelta(days=k) for k in range(n)]
    cells = st.dictionaries(
        st.tuples(st.sampled_from([s for s, _n in PEOPLE]), st.sampled_from(days)),
        st.sampled_from(sorted(ORACLE)),
        max_size=40,
    )
    grid = data.draw(cells)
    [sheet] = read_workbook(xlsx(("排班", _layout(kind, first, n, grid))), "roster.xlsx")
    roster = read_duty_grid(sheet.rows, PLAN, CODES, department="ortho")
    assert [d for _c, d in sorted(roster.days, key=lambda x: x[1])] == days
    got = sorted((e.staff, e.start, e.end, e.reason) for e in roster.entries)
    assert got == _oracle(grid) and roster.refusals == []


def test_the_docs_say_every_default_code_and_why() -> None:
    from scheduler.exchange.duty.codes import DEFAULT_CODES

    text = (Path(__file__).resolve().parents[3] / "docs" / "duty-rosters.md").read_text(encoding="utf-8")
    for code, (_shift, why) in DEFAULT_CODES.items():
        assert f"| {code} | " in text and why in text, code


def test_a_sheet_that_cannot_be_read_is_named_and_the_others_taken(db, capsys) -> None:
    good = [["骨伤科 2026年12月"], ["工号", *range(1, 32)], ["s001", "白"]]
    bad = _cycle_rows("针灸科 2026年12月排班", True, wrong=4)
    f = db.parent / "two.xlsx"
    f.write_bytes(xlsx(("骨伤科", good), ("针灸科", bad)))
    capsys.readouterr()
    code = run(["sheet", "duty", str(f), "--db", str(db), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[0] == "sheet 针灸科: not read: the weekdays written do not fit the dates read, in G3 " \
        "(周二 ≠ 2026-11-30 周一): check the month or the title's dates"  # fmt: skip
    assert "0 row(s) and 0 cell(s) refused" in out
    assert exported(db) == [("s001", "2026-12-01T08:00", "2026-12-01T17:30", "duty")]


def test_a_legend_entry_that_cannot_be_read_is_not_replaced_by_the_default(db, capsys) -> None:
    rows = [["工号", *range(1, 8)], ["s001", "N", "A"], ["注：N班 25:00-08:00；A班 08:00-16:00"]]
    code, doc, _err = sheet(
        capsys, db, xlsx(("S", rows)), "o.xlsx", "--month", "2026-11", "--department", "ortho"
    )
    assert code == 1 and [(r["column"], r["value"]) for r in doc["refused"]] == [("B", "N")]
    legend = {e["code"]: e["reads"] for e in doc["sheets"][0]["legend"]}
    assert legend["N"] is None and legend["N班"] is None and legend["A"] == {"on": "08:00", "off": "16:00"}
    assert exported(db) == [("s001", "2026-11-02T08:00", "2026-11-02T16:00", "duty")]


def test_a_totals_row_of_day_counts_is_no_header() -> None:
    rows = [
        ["骨伤科 2026年12月"],
        ["姓名", *range(1, 32)],
        ["金伟", "白", "白"],
        ["在岗人数", *range(5, 36)],  # counts per day: seven and more numbers that could be days
        ["护士长签名："],
    ]
    roster = read_duty_grid(rows, PLAN, CODES, department="ortho")
    assert len(roster.blocks) == 1 and roster.refusals == []
    assert [(k.row, k.text) for k in roster.skipped] == [(4, "在岗人数"), (5, "护士长签名:")]


def test_a_title_range_outside_the_month_given_is_refused() -> None:
    rows = [["骨伤科 2026年12月7日—12月13日"], ["姓名", *range(7, 14)], ["金伟", "白"]]
    with pytest.raises(
        Exception, match="the title says 2026-12-07 – 2026-12-13, not the month given .2026-11."
    ):
        read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1))
    assert read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 12, 1)).dates[0] == date(
        2026, 12, 7
    )


def test_wrapping_day_numbers_with_nothing_to_place_them_are_refused_naming_both() -> None:
    rows = [["骨伤科 2026年12月排班"], ["姓名", *range(26, 31), *range(1, 26)], ["金伟", "白"]]
    with pytest.raises(Exception, match="2026-11-26 – 2026-12-25 or 2026-12-26 – 2027-01-25"):
        read_duty_grid(rows, PLAN, CODES, department="ortho")


@pytest.mark.parametrize("title", ["骨伤科周排班 12月28日—1月3日", "骨伤科周排班"])
def test_a_week_across_the_new_year_given_as_either_month(title) -> None:
    """R3: 12月28日—1月3日 (no year written) with the month given as January 2027 was read as
    2027-12-28 – 2028-01-03 and refused; without a title range the header's 12月 dates were taken
    as December 2027. Given as December 2026 or January 2027, it is the same week."""
    week = [date(2026, 12, 28) + timedelta(days=k) for k in range(7)]
    rows = [[title], ["姓名", *(f"{d.month}月{d.day}日\n周{WD[d.weekday()]}" for d in week)], ["金伟", "白"]]
    for month in (date(2026, 12, 1), date(2027, 1, 1)):
        roster = read_duty_grid(rows, PLAN, CODES, department="ortho", month=month)
        assert roster.dates == week, month
    with pytest.raises(Exception, match="not in the month given|not the month given"):
        read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2027, 2, 1))


def test_a_workbook_of_sheets_named_short_reads_each_department(db, capsys) -> None:
    """R3: 医务科's workbook with sheets named as people say them (骨伤, 针灸) and no --department
    was refused whole ('the sheet does not say which department it is for'): a sheet whose whole
    name is a department's name without its 科/部/室/中心 is that department."""

    def grid(name: str, code: str) -> list[list[Any]]:
        return [["2026年12月医师值班表"], ["姓名", *range(1, 32)], [name, code]]

    data = xlsx(("骨伤", grid("金伟", "白")), ("针灸", grid("王强", "值")))
    code, doc, _err = sheet(capsys, db, data, "医师值班表.xlsx")
    assert code == 0, doc
    assert [(s["sheet"], s.get("department")) for s in doc["sheets"]] == [("骨伤", "ortho"), ("针灸", "acu")]
    assert exported(db)[0] == ("s001", "2026-12-01T08:00", "2026-12-01T17:30", "duty")


def test_a_staff_number_that_lost_its_leading_zeros_is_said() -> None:
    """R3: a grid of numbers only (no names) whose 00124 Excel made 124: 'no staff number 124'
    said nothing of why; now it names 00124 and the cause."""
    doc = plan_doc()
    doc["staff"].append({"id": "00124", "name": "零号乙", "department": "ortho"})
    plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    rows = [["骨伤科 2026年12月"], ["工号", *range(1, 32)], [124, "白"], ["00124", "白"]]
    roster = read_duty_grid(rows, plan, CODES, department="ortho")
    [refusal] = roster.refusals
    assert refusal.row == 3 and "00124 零号乙" in refusal.text() and "leading zeros" in refusal.text()
    assert [p.staff for p in roster.people if p.staff] == ["00124"]


def test_a_title_naming_two_departments_is_refused_naming_both() -> None:
    """R3: 中医科、针灸科排班表 was read as one of the two (the first of the longest names), its
    other department's people then refused one by one. 针灸推拿科 holding 推拿科 is still one."""
    rows = [["骨伤科、针灸科排班表 2026年12月"], ["姓名", *range(1, 32)], ["金伟", "白"]]
    with pytest.raises(Exception, match=r"names several departments \(针灸科, 骨伤科\): give the department"):
        read_duty_grid(rows, PLAN, CODES)
    assert read_duty_grid(rows, PLAN, CODES, department="ortho").department == "ortho"


def test_month_day_headers_typed_as_numbers_lose_no_day() -> None:
    """R3: a header of 12.1 … 12.31 typed as numbers holds 12.1 for the 10th (Excel drops the
    zero of 12.10), 12.2 for the 20th, 12.3 for the 30th: three columns were refused as days
    that already had one, their entries not taken; after 12.9 (12.19, 12.29) they are those days."""
    header = ["姓名", *(float(f"12.{k}") for k in range(1, 32))]
    assert header[10] == 12.1 and header[20] == 12.2 and header[30] == 12.3
    roster = read_duty_grid(
        [["骨伤科 2026年12月"], header, ["金伟", *(["白"] * 31)]], PLAN, CODES, department="ortho"
    )
    assert roster.refusals == [] and roster.dates == [
        date(2026, 12, 1) + timedelta(days=k) for k in range(31)
    ]
    week = ["姓名", 12.8, 12.9, 12.1, 12.11, 12.12, 12.13, 12.14]  # a week sheet across the 10th
    roster = read_duty_grid([["骨伤科 2026年12月"], week, ["金伟", "白"]], PLAN, CODES, department="ortho")
    assert roster.dates[:3] == [date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)]


@pytest.mark.parametrize("as_text", [False, True])
def test_a_header_of_excel_serial_numbers_is_read_as_the_dates(as_text) -> None:
    """R3: dates whose cell format was lost show Excel's serial numbers (46357 = 2026-12-01): the
    sheet was refused as 'no row of day columns'. At least a week of them following one another
    day by day are those dates; a row of other numbers is not."""
    serial = [(date(2026, 12, k) - date(1899, 12, 30)).days for k in range(1, 32)]
    assert serial[0] == 46357
    header = ["姓名", *(str(n) if as_text else n for n in serial)]
    roster = read_duty_grid([["骨伤科排班"], header, ["金伟", "白"]], PLAN, CODES, department="ortho")
    assert roster.dates[0] == date(2026, 12, 1) and roster.dates[-1] == date(2026, 12, 31)
    gaps = ["姓名", *serial[::2]]  # not day by day: no dates
    with pytest.raises(Exception, match="no row of day columns"):
        read_duty_grid([["骨伤科排班"], gaps, ["金伟", "白"]], PLAN, CODES, department="ortho")


def _hours_of(roster, staff: str) -> list[tuple[datetime, datetime]]:
    return sorted((e.start, e.end) for e in roster.entries if e.staff == staff and e.reason == "duty")


def test_a_legend_laid_out_as_a_table_or_on_a_sheet_of_its_own_is_read() -> None:
    """R3: a legend as a small table (A班 | 07:30-15:30, one code a row), under the grid or on a
    班次说明 sheet beside it, was not read: A was taken as the default 08:00-16:00, exit 0."""
    grid = [["骨伤科护理排班 2026年12月"], ["姓名", *range(1, 32)], ["金伟", "A", "N"]]
    table = [["班次", "时间"], ["A班", "07:30-15:30"], ["N", "夜班", "23:30-07:30"]]
    under = read_duty_grid([*grid, [], *table], PLAN, CODES, department="ortho")
    beside = read_duty_grid(
        grid,
        PLAN,
        CODES,
        department="ortho",
        legend_texts=workbook_legend([Sheet("12月", grid), Sheet("班次说明", table)]),
    )
    for roster in (under, beside):
        assert _hours_of(roster, "s001") == [
            (datetime(2026, 12, 1, 7, 30), datetime(2026, 12, 1, 15, 30)),
            (datetime(2026, 12, 2, 23, 30), datetime(2026, 12, 3, 7, 30)),
        ]
        assert roster.refusals == []
    assert workbook_legend([Sheet("12月", grid), Sheet("旧表", table, "hidden")]) == ()


def test_a_persons_row_of_hours_is_no_legend_table() -> None:
    """A person whose one cell states hours (金伟 | 08:00-12:00) is a person, not a legend row."""
    rows = [["骨伤科排班 2026年12月"], ["姓名", *range(1, 32)], ["金伟", "08:00-12:00"], ["刘洋", "白"]]
    roster = read_duty_grid(rows, PLAN, CODES, department="ortho")
    assert [p.name for p in roster.people] == ["金伟", "刘洋"] and roster.skipped == []


def test_a_month_named_two_ways_with_nothing_else_to_say_is_refused() -> None:
    """R3: last month's sheet copied (its tab still 11月) under a title of 2026年12月, plain day
    numbers and no weekday row, was read as December in silence; it names both readings now.
    A weekday row, a title's date range or the month given says which."""
    rows = [["骨伤科排班表 2026年12月"], ["姓名", *range(1, 31)], ["金伟", "白"]]
    with pytest.raises(Exception, match=r"2026-12 by one name and month 11 by another \(11月\)"):
        read_duty_grid(rows, PLAN, CODES, department="ortho", hints=("11月", "排班"))
    given = read_duty_grid(rows, PLAN, CODES, department="ortho", month=date(2026, 11, 1), hints=("11月",))
    assert given.dates[0] == date(2026, 11, 1)
    weekdays = [*rows[:2], ["星期", *(WD[(date(2026, 12, k)).weekday()] for k in range(1, 31))], rows[2]]
    assert read_duty_grid(weekdays, PLAN, CODES, department="ortho", hints=("11月",)).dates[0] == date(
        2026, 12, 1
    )
    assert read_duty_grid(rows, PLAN, CODES, department="ortho", hints=("12月",)).dates[0] == date(
        2026, 12, 1
    )


def test_a_legend_sheet_beside_the_roster_through_the_command_line(db, capsys) -> None:
    """R3: the 班次说明 sheet's hours are used, and the output says the sheet is the legend."""
    grid = [["骨伤科护理排班 2026年12月"], ["姓名", *range(1, 32)], ["金伟", "A"]]
    table = [["班次", "时间"], ["A班", "07:30-15:30"]]
    code, doc, _err = sheet(capsys, db, xlsx(("12月", grid), ("班次说明", table)), "排班.xlsx")
    assert code == 0, doc
    assert doc["sheets"][1] == {"sheet": "班次说明", "legend": True}
    assert exported(db) == [("s001", "2026-12-01T07:30", "2026-12-01T15:30", "duty")]
