"""The sheet import's columns come from the field declaration (scheduler/plan/fields.py): every
declared header of staff, departments and partners names its field, a sheet with every declared
header gives every declared field, a field added to the declaration with its headers is read with
no edit in the sheet import, and the labels are the declaration's."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from scheduler.exchange.spreadsheet.columns import (
    EXACT_ONLY,
    KEY_LABEL,
    REQUIRED,
    SECTIONS,
    SYNONYMS,
    field_label,
    ref_section,
    sheet_fields,
)
from scheduler.exchange.spreadsheet.headers import find_header, guess_field, guess_mapping
from scheduler.exchange.spreadsheet.readers import KEEP, NO_SUCH, NOT_A_NUMBER, READERS
from scheduler.exchange.spreadsheet.records import convert
from scheduler.plan.fields import FIELDS, Field, field_of
from scheduler.plan.model import Plan
from tests.scheduler.exchange.test_spreadsheet import PLAN

ROOT = Path(__file__).resolve().parents[3]


def _cell(f: Field, plan: Plan, row: int) -> tuple[str, object]:
    """A cell a sheet could hold for field `f`, and the value the record should then have."""
    if f.kind == "id":
        return f"X-{row}", f"X-{row}"
    if f.kind == "text":
        return f"文字{row}", f"文字{row}"
    if f.kind == "phone":
        return f"138-0000-{row:04d}", f"1380000{row:04d}"
    if f.kind == "ref":
        key = sorted(getattr(plan, f.ref or ""))[0]
        return key, key
    if f.kind == "int":
        return "12", 12
    if f.kind == "float":
        return "1.5", 1.5
    if f.kind == "bool":
        return "是", True
    if f.kind in ("codes", "choice"):
        return f.choices[0], (f.choices[0],) if f.kind == "codes" else f.choices[0]
    raise AssertionError(f"no cell for a {f.kind} field ({f.key})")


def _value(record: object, key: str) -> object:
    for part in key.split("."):
        record = getattr(record, part)
    return record


def test_every_declared_field_with_headers_has_a_reader_and_its_label() -> None:
    for target in SECTIONS:
        assert sheet_fields(target), target
        for f in sheet_fields(target):
            assert f.kind in READERS, (target, f.key, f.kind)
            assert SYNONYMS[target][f.name] == f.headers
            assert field_label(target, f.name) == (KEY_LABEL if f.name == "id" else f.label)
            assert ((target, f.name) in EXACT_ONLY) == f.exact_headers
            assert ref_section(target, f.name) == (f.ref if f.kind == "ref" else "")
        assert REQUIRED[target] == tuple(f.name for f in FIELDS[target] if f.required and f.headers)
    # the label the editor and the sheet import share (the sheet import said "Max hours a month")
    assert field_label("staff", "max_hours_month") == "Hours cap / month"
    assert (ref_section("requests", "partner"), ref_section("requests", "service")) == (
        "partners",
        "services",
    )


@pytest.mark.parametrize("target", SECTIONS)
def test_every_declared_header_names_its_field(target: str) -> None:
    for f in sheet_fields(target):
        for header in f.headers:
            assert guess_field(target, header) == f.name, (target, header)


@pytest.mark.parametrize("target", SECTIONS)
def test_a_sheet_with_every_declared_header_gives_every_declared_field(target: str) -> None:
    fields = sheet_fields(target)
    for k in range(max(len(f.headers) for f in fields)):
        header = [f.headers[min(k, len(f.headers) - 1)] for f in fields]
        cells = [[_cell(f, PLAN, row) for f in fields] for row in range(1, 4)]
        rows = [header, *[[c for c, _v in line] for line in cells]]
        assert find_header(target, rows) == 0
        mapping = guess_mapping(target, header, rows[1:])
        assert mapping == {i: f.name for i, f in enumerate(fields)}, header
        results = convert(target, rows, 0, mapping, PLAN)
        assert [r.problems for r in results] == [[], [], []]
        for res, line in zip(results, cells, strict=True):
            assert res.ok and not res.update
            for f, (_c, want) in zip(fields, line, strict=True):
                assert _value(res.record, f.key) == want, (target, f.key)


def test_a_field_added_to_the_declaration_is_read_with_no_edit_in_the_sheet_import() -> None:
    """A new optional text field of partners, its headers declared (and the model given it):
    a fresh interpreter reads it from a sheet, by any of its headers, with nothing else changed."""
    script = textwrap.dedent(
        """
        import dataclasses, json
        import scheduler.plan.model as model
        import scheduler.plan.fields as fields

        model.Partner = dataclasses.make_dataclass(
            "Partner",
            [("notice_board", "str | None", dataclasses.field(default=None))],
            bases=(model.Partner,),
            frozen=True,
        )
        fields.FIELDS["partners"] = (
            *fields.FIELDS["partners"],
            fields.Field("notice_board", "text", "Notice board", headers=("公告栏", "公告栏名称", "noticeboard")),
        )
        from scheduler.exchange.spreadsheet.headers import find_header, guess_mapping
        from scheduler.exchange.spreadsheet.records import convert

        out = []
        for header in ("公告栏", "公告栏名称", "Notice board"):
            rows = [["编号", "单位名称", header], ["p9", "东湖社区", "东湖社区居民群"]]
            h = find_header("partners", rows)
            mapping = guess_mapping("partners", rows[h], rows[h + 1 :])
            [res] = convert("partners", rows, h, mapping, model.Plan())
            out.append([mapping.get(2), res.ok, res.record.notice_board])
        print(json.dumps(out, ensure_ascii=False))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout) == [["notice_board", True, "东湖社区居民群"]] * 3


def test_the_docs_say_every_limit_and_every_module() -> None:
    """docs/sheets.md: each limit's value and where it is said, each module of the package."""
    import scheduler.exchange.spreadsheet as package
    from scheduler.exchange.spreadsheet import guards, headers, row, sheet, workbook

    doc = (ROOT / "docs" / "sheets.md").read_text(encoding="utf-8")
    for module in (guards, headers, row, sheet, workbook):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for name in dir(module):
            if not name.startswith("MAX_") or f"\n{name} = " not in source:
                continue  # a limit said in another module
            value = getattr(module, name)
            short = module.__name__.rsplit(".", 1)[1]
            assert f"`{short}.{name}`" in doc, name
            said = (
                f"{value // (1024 * 1024)} MB" if value >= 1024 * 1024 and "BYTES" in name else f"{value:,}"
            )
            line = next(x for x in doc.splitlines() if f"`{short}.{name}`" in x)
            assert said in line, (name, said, line)
    for path in Path(package.__file__).parent.glob("*.py"):
        if path.name != "__init__.py":
            assert f"`{path.name}`" in doc, path.name


def test_the_key_column_is_named_by_its_use_and_a_group_header_is_not_a_name() -> None:
    """The import names the id column by what it does (it matches a row to the record it updates),
    as before the declaration; "微信群名称" is the partner's WeChat group, not its name (名称)."""
    for target in SECTIONS:
        assert field_label(target, "id") == "Key (staff number / code)"
    assert field_label("staff", "max_hours_month") == "Hours cap / month"
    assert guess_field("partners", "微信群名称") == "wechat_group"
    assert guess_field("partners", "名称") == "name"


def test_the_problem_of_a_name_found_nowhere_is_said_once_for_every_section_a_sheet_names() -> None:
    """A reference of a staff, department or partner sheet and a request's partner and service:
    the problem of a name that matches no record is readers.NO_SUCH's, one table (the requests
    said theirs apart)."""
    named = {f.ref for t in SECTIONS for f in sheet_fields(t) if f.kind == "ref"}
    named |= {ref_section("requests", "partner"), ref_section("requests", "service")}
    assert named <= set(NO_SUCH), named - set(NO_SUCH)
    rows = [
        ["单位", "服务项目"],
        ["无此社区", sorted(PLAN.services)[0]],
        [sorted(PLAN.partners)[0], "无此服务"],
    ]
    results = convert("requests", rows, 0, {0: "partner", 1: "service"}, PLAN, now=datetime(2026, 12, 1, 9))
    said = [(f, reason) for res in results for f, reason, _v in res.problems]
    assert ("partner", NO_SUCH["partners"]) in said and ("service", NO_SUCH["services"]) in said


@pytest.mark.parametrize("target", SECTIONS)
def test_a_cell_that_is_no_value_of_its_field_is_a_problem_never_an_error(target: str) -> None:
    """Each declared field a sheet reads, given a cell that is nothing it can take, says so in a
    problem of its own (a field of a new kind or name needs its words in readers.py: NO_SUCH,
    NOT_A_NUMBER, YES_NO, WORDS; this fails, not the user's import, when they are missing)."""
    for f in sheet_fields(target):
        value, problems = READERS[f.kind](f, "§ 不是 §", PLAN)
        if f.kind in ("id", "text"):
            assert value == "§ 不是 §" and not problems
        else:
            assert problems and all(name == f.name and "{value}" in why for name, why, _v in problems), f.key


def test_a_whole_number_from_a_sheet_is_at_least_the_declared_minimum_as_in_the_plan_file() -> None:
    """A sheet's number keeps the declared range both ways: a field whose least is 1 (as a
    service's duration) takes no 0 from a sheet that the plan file would then refuse on export."""
    f = dataclasses.replace(field_of("partners", "population"), minimum=1)
    value, problems = READERS["int"](f, "0", PLAN)
    assert value is KEEP and [(name, why) for name, why, _v in problems] == [
        ("population", NOT_A_NUMBER["population"])
    ]
    assert READERS["int"](f, "1", PLAN) == (1, ())
    assert READERS["int"](field_of("partners", "population"), "0", PLAN) == (0, ())
