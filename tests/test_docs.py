"""docs/plan-file.md is kept in step with the code: every example in it goes through the real import
into a real SQLite file, every refused example is refused with exactly the problems the page shows,
the check report it shows is the one `check --json` prints, and every section, key, choice and
limit the code knows is described on it. Also: every command of `python main.py` has a help text."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import shlex
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from cli.commands import build_parser, run
from db.operations import database_hash, import_document, import_records
from db.planio import load_plan
from db.store import Store
from scheduler.calendar.recurrence import (
    MAX_INTERVAL,
    OPEN_ENDED_HORIZON,
    check_rule,
    first_planned_starts,
    planned_dates,
    rule_warnings,
)
from scheduler.conflicts.kinds import KINDS
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.planfile.guard import MAX_DEPTH, MAX_DIGITS
from scheduler.exchange.planfile.problems import MAX_PROBLEMS, PlanError
from scheduler.exchange.planfile.writer import plan_to_document
from scheduler.office.recording import SERVICE_COUNTS
from scheduler.plan import model, validation
from scheduler.plan.fields import FIELDS, Field
from scheduler.plan.model import SECTIONS, Activity, Plan

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "plan-file.md"
DOC = DOC_PATH.read_text(encoding="utf-8")

_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)


@dataclasses.dataclass(frozen=True)
class Block:
    info: str  # the fence's info string: "json", "json refused", "text", …
    text: str
    line: int  # where it starts in the page, for messages

    @property
    def words(self) -> list[str]:
        return self.info.split()

    def __str__(self) -> str:
        return f"the ```{self.info} block at line {self.line} of docs/plan-file.md"


def _blocks() -> list[Block]:
    return [
        Block(m.group(1).strip(), m.group(2), DOC.count("\n", 0, m.start()) + 1) for m in _FENCE.finditer(DOC)
    ]


BLOCKS = _blocks()
JSON_KINDS = {
    ("json",),
    ("json", "refused"),
    ("json", "records"),
    ("json", "records", "refused"),
    ("json", "check"),
}


def _json_blocks() -> list[Block]:
    return [b for b in BLOCKS if b.words[:1] == ["json"]]


def test_the_page_has_examples_of_every_kind() -> None:
    kinds = [tuple(b.words) for b in _json_blocks()]
    unknown = [str(b) for b in _json_blocks() if tuple(b.words) not in JSON_KINDS]
    assert not unknown, f"fence info strings this test does not know: {unknown}"
    assert kinds.count(("json",)) >= 3
    assert ("json", "refused") in kinds and ("json", "records") in kinds
    assert ("json", "records", "refused") in kinds and ("json", "check") in kinds


# ---------------------------------------------------------------- the examples, imported for real


def _import(store: Store, block: Block) -> None:
    data = block.text.encode("utf-8")
    if "records" in block.words:
        import_records(store, data)
    else:
        import_document(store, data)


def _covers(got: Any, want: Any) -> bool:
    """Whether the exported value says what the example wrote: the same value, where objects
    may hold more keys (the export writes every key, null where nothing was given)."""
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_covers(got.get(k), v) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(_covers, got, want))
    return bool(got == want and type(got) in (type(want), float if type(want) is int else type(want)))


def _record_key(section: str, entry: dict[str, Any]) -> Any:
    fields = {
        "unavailability": ("staff", "start", "end"),
        "assignments": ("activity", "occurrence", "station", "staff"),
        "records": ("activity", "occurrence"),
        "calendar": ("date",),
    }.get(section, ("id",))
    return tuple(entry.get(f) for f in fields)


def _assert_exported_as_written(raw: dict[str, Any], exported: dict[str, Any], where: Block) -> None:
    """Every key the example writes comes back from the export with the value written."""
    for key, value in raw.items():
        if key in ("format", "version"):
            continue
        if key == "hospital":
            for k, v in value.items():
                assert _covers(exported["hospital"][k], v), f"{where}: hospital.{k}"
            continue
        if key not in SECTIONS:
            assert exported.get(key) == value, f"{where}: top-level key {key!r} was not kept"
            continue
        out = {_record_key(key, e): e for e in exported[key]}
        for entry in value:
            got = out.get(_record_key(key, entry))
            assert got is not None, f"{where}: {key} entry {entry} did not come back"
            for k, v in entry.items():
                want = (
                    sorted(v) if k == "exdates" else sorted(v, key=lambda m: m["from"]) if k == "moved" else v
                )
                assert _covers(got.get(k), want), f"{where}: {key} {_record_key(key, entry)} key {k!r}"


def _plan_sections(plan: Plan) -> dict[str, Any]:
    return {s: getattr(plan, s) for s in SECTIONS} | {"hospital": plan.hospital, "extra": plan.extra}


@dataclasses.dataclass
class Imported:
    block: Block
    path: Path


def _walk(tmp_path: Path) -> list[tuple[Block, Imported | None]]:
    """Each json block with the last complete example imported before it (None before the first)."""
    out: list[tuple[Block, Imported | None]] = []
    last: Imported | None = None
    for i, block in enumerate(_json_blocks()):
        out.append((block, last))
        if block.words == ["json"]:
            path = tmp_path / f"example{i}.sqlite3"
            with Store(path) as store:
                _import(store, block)
            last = Imported(block, path)
    return out


def _copy_db(source: Path, target: Path) -> Path:
    with Store(source) as src:
        src.conn.execute("VACUUM INTO ?", (str(target),))
    return target


@pytest.mark.parametrize("index", [i for i, b in enumerate(_json_blocks()) if b.words == ["json"]])
def test_a_complete_example_imports_and_exports_back_to_the_same_records(tmp_path: Path, index: int) -> None:
    block = _json_blocks()[index]
    raw = json.loads(block.text)
    expected = parse_document(block.text).plan
    path = tmp_path / "office.sqlite3"
    with Store(path) as store:
        changes = import_document(store, block.text.encode("utf-8"))
        assert changes, f"{block}: the import changed nothing"
        stored = load_plan(store)
    assert _plan_sections(stored) == _plan_sections(expected), f"{block}: the database holds something else"
    exported = plan_to_document(stored)
    assert exported == plan_to_document(expected)
    _assert_exported_as_written(raw, exported, block)
    # The export is a plan file itself: into an empty database it gives the same plan again.
    with Store(tmp_path / "again.sqlite3") as again:
        import_document(again, json.dumps(exported, ensure_ascii=False))
        assert _plan_sections(load_plan(again)) == _plan_sections(stored)


def test_a_records_example_adds_its_records_to_the_example_before_it(tmp_path: Path) -> None:
    walked = [(b, base) for b, base in _walk(tmp_path) if b.words == ["json", "records"]]
    assert walked
    for i, (block, base) in enumerate(walked):
        assert base is not None, f"{block}: no complete example before it"
        path = _copy_db(base.path, tmp_path / f"records{i}.sqlite3")
        with Store(path) as store:
            before = load_plan(store)
            import_records(store, block.text.encode("utf-8"))
            after = load_plan(store)
        new = parse_document(block.text, before).plan.records
        assert new and after.records == {**before.records, **new}
        assert {s: getattr(after, s) for s in SECTIONS if s != "records"} == {
            s: getattr(before, s) for s in SECTIONS if s != "records"
        }
        _assert_exported_as_written(json.loads(block.text), plan_to_document(after), block)


def _problems_shown(block: Block) -> list[str]:
    """The lines of the ```text block right after a refused example."""
    following = BLOCKS[BLOCKS.index(block) + 1] if BLOCKS.index(block) + 1 < len(BLOCKS) else None
    assert following is not None and following.info == "text", (
        f"{block}: no ```text block of problems after it"
    )
    return [line.strip() for line in following.text.splitlines() if line.strip()]


def test_every_refused_example_is_refused_with_the_problems_shown_and_changes_nothing(tmp_path: Path) -> None:
    walked = [(b, base) for b, base in _walk(tmp_path) if "refused" in b.words]
    assert len(walked) >= 5
    for i, (block, base) in enumerate(walked):
        path = tmp_path / f"refused{i}.sqlite3"
        if base is not None:
            _copy_db(base.path, path)
        with Store(path) as store:
            before = database_hash(store)
            with pytest.raises(PlanError) as refused:
                _import(store, block)
            assert database_hash(store) == before, f"{block}: the refused file changed the database"
        assert [str(p) for p in refused.value.problems] == _problems_shown(block), f"{block}"


def test_the_check_report_shown_is_what_check_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walked = [(b, base) for b, base in _walk(tmp_path) if b.words == ["json", "check"]]
    assert len(walked) == 1
    block, base = walked[0]
    assert base is not None
    shown = BLOCKS[: BLOCKS.index(block)]
    command = next(b for b in reversed(shown) if b.info == "sh").text.strip()
    argv = shlex.split(command)
    assert argv[:3] == ["python", "main.py", "check"], command
    argv = argv[2:]
    argv[argv.index("--db") + 1] = str(base.path)
    capsys.readouterr()
    code = run(argv)
    printed = json.loads(capsys.readouterr().out)
    documented = json.loads(block.text)

    def facts(report: dict[str, Any]) -> dict[str, Any]:
        # The sentences follow the app's language; every other key must be as the page shows.
        for c in report["conflicts"]:
            assert isinstance(c.pop("message"), str) and c  # present, a string
        return report

    assert facts(printed) == facts(documented)
    assert code == (1 if documented["counts"]["error"] else 0)
    assert "exits with 0 when there is no error, 1 when there is at least one" in _flat(DOC)


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- every key of the code is described


def _section_text(heading: str) -> str:
    """The text under a `### \\`name\\`` heading, up to the next heading."""
    m = re.search(rf"^### `{re.escape(heading)}`[^\n]*\n(.*?)(?=^#{{2,3}} )", DOC, re.M | re.S)
    assert m, f"docs/plan-file.md has no section headed ### `{heading}`"
    return m.group(1)


def _part(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}[^\n]*\n(.*?)(?=^## )", DOC + "\n## end\n", re.M | re.S)
    assert m, f"docs/plan-file.md has no part headed ## {title}"
    return m.group(1)


def _row(section: str, key: str) -> list[str]:
    """The table row describing `key` in a section, split into its cells."""
    rows = [line for line in _section_text(section).splitlines() if line.startswith(f"| `{key}` |")]
    assert len(rows) == 1, f"section {section} of docs/plan-file.md has {len(rows)} table rows for `{key}`"
    return [cell.strip() for cell in rows[0].strip().strip("|").split("|")]


# Where a field of the model is called something else in the file.
PLAN_KEYS = {"from_date": "from"}


def _model_class(annotation: Any) -> tuple[type | None, bool]:
    """The model dataclass an annotation holds, and whether as a list of them."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is tuple and args:
        inner = args[0]
        return (inner, True) if dataclasses.is_dataclass(inner) else (None, True)
    if dataclasses.is_dataclass(annotation):
        return annotation, False  # type: ignore[return-value]
    return None, False


def documented_keys() -> list[tuple[str, str, dataclasses.Field[Any]]]:
    """(section, key as the file spells it, model field) for every field the code reads from a
    plan file, derived from the model: a new field fails the tests below until it is described.
    A nested class is described once, where it first appears (a need under services)."""
    out: list[tuple[str, str, dataclasses.Field[Any]]] = []
    seen: set[type] = set()

    def walk(section: str, cls: type, prefix: str) -> None:
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.name == "extra":
                continue
            key = prefix + PLAN_KEYS.get(f.name, f.name)
            out.append((section, key, f))
            inner, many = _model_class(hints[f.name])
            if inner is not None and inner not in seen:
                walk(section, inner, key + ("[]." if many else "."))

    hints = typing.get_type_hints(Plan)
    walk("hospital", model.Hospital, "")
    for section in SECTIONS:
        walk(section, typing.get_args(hints[section])[1], "")
    return out


def test_every_section_is_described() -> None:
    for name in ("hospital", *SECTIONS):
        assert _section_text(name).strip()
        assert f"`{name}`" in _part("The sections")


def test_documented_keys_cover_the_model() -> None:
    keys = {(s, k) for s, k, _f in documented_keys()}
    # The walk really reaches the nested objects and the renamed keys.
    for expected in [
        ("staff", "volunteer_no"),
        ("partners", "contact.phone"),
        ("services", "needs[].count"),
        ("activities", "stations[].needs"),
        ("activities", "rotation[].occurrence"),
        ("activities", "moved[].from"),
        ("activities", "holiday_policy"),
        ("requests", "preferred[].end"),
        ("records", "attended[].hours"),
        ("calendar", "kind"),
    ]:
        assert expected in keys
    assert ("activities", "stations[].needs[].count") not in keys  # needs are described once


@pytest.mark.parametrize(("section", "key", "field"), documented_keys(), ids=lambda v: getattr(v, "name", v))
def test_every_key_the_code_reads_is_in_its_section_table(
    section: str, key: str, field: dataclasses.Field[Any]
) -> None:
    cells = _row(section, key)
    assert len(cells) == 4 and cells[1] and cells[2], f"{section}.{key}: a row needs type, required, meaning"
    has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
    if has_default:
        assert not cells[2].startswith("**yes**"), f"{section}.{key} is optional in the code"
    else:
        assert cells[2].startswith("**yes**"), f"{section}.{key} is required in the code"
    default = field.default
    if isinstance(default, (str, bool, int, float)) or (isinstance(default, tuple) and default):
        shown = json.dumps(list(default) if isinstance(default, tuple) else default, ensure_ascii=False)
        assert f"default `{shown}`" in cells[2], f"{section}.{key}: the default {shown} is not stated"


def test_the_documented_keys_are_all_the_keys_the_tables_name() -> None:
    """No table describes a key the code does not read (a renamed or removed field)."""
    known = {(s, k) for s, k, _f in documented_keys()} | {("hospital", "shift_codes")}
    for section in ("hospital", *SECTIONS):
        for line in _section_text(section).splitlines():
            m = re.match(r"^\| `([^`]+)` \|", line)
            if m:
                assert (section, m.group(1)) in known, f"section {section} describes `{m.group(1)}`"


CHOICES = {
    "unavailability": {"reason": model.STAFF_UNAVAILABILITY_REASONS},
    "partners": {"kind": model.PARTNER_KINDS},
    "activities": {
        "kind": model.ACTIVITY_KINDS,
        "status": model.ACTIVITY_STATUSES,
        "holiday_policy": model.HOLIDAY_POLICIES,
    },
    "assignments": {"role": model.ASSIGNMENT_ROLES},
    "requests": {"priority": model.REQUEST_PRIORITIES, "status": model.REQUEST_STATUSES},
    "records": {"status": model.RECORD_STATUSES, "services": SERVICE_COUNTS},
    "calendar": {"kind": model.CALENDAR_KINDS},
    "staff": {"qualifications": model.KNOWN_QUALIFICATIONS},
}


@pytest.mark.parametrize(("section", "key"), [(s, k) for s, keys in CHOICES.items() for k in keys])
def test_every_choice_the_code_accepts_is_listed_in_its_row(section: str, key: str) -> None:
    row = " | ".join(_row(section, key))
    missing = [v for v in CHOICES[section][key] if f"`{v}`" not in row]
    assert not missing, f"{section}.{key}: {missing} not described"


def _n(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


LIMITS = [
    ("departments", "min_on_duty", validation.MAX_ON_DUTY),
    ("staff", "max_hours_month", validation.MAX_HOURS_MONTH),
    ("partners", "population", validation.MAX_POPULATION),
    ("pairings", "visits_per_year", validation.MAX_VISITS_PER_YEAR),
    ("services", "needs[].count", validation.MAX_NEED_COUNT),
    ("services", "duration_minutes", validation.MAX_DURATION_MINUTES),
    ("activities", "end", validation.MAX_OCCURRENCE_DAYS),
    ("activities", "moved[].end", validation.MAX_OCCURRENCE_DAYS),
    ("activities", "rrule", validation.MAX_RULE_LENGTH),
    ("requests", "audience", validation.MAX_AUDIENCE),
    ("records", "served", validation.MAX_PEOPLE_SERVED),
    ("records", "services", validation.MAX_PEOPLE_SERVED),
    ("records", "attended[].hours", validation.MAX_ATTENDED_HOURS),
]


@pytest.mark.parametrize(("section", "key", "limit"), LIMITS)
def test_every_limit_is_stated_in_its_row(section: str, key: str, limit: float) -> None:
    row = " | ".join(_row(section, key))
    assert re.search(rf"(?<![\d,.]){re.escape(_n(limit))}(?![\d,])", row), f"{section}.{key}: {_n(limit)}"


# How the page names the type of a field of each kind (its row's second cell starts so).
_TYPE_WORDS = {
    "id": "id",
    "ref": "id",
    "refs": "list of ids of",
    "codes": "list of ids",
    "text": "text",
    "phone": "text",
    "rule": "text",
    "timezone": "text",
    "int": "whole number",
    "float": "number",
    "share": "number",
    "bool": "true/false",
    "date": "date",
    "datetime": "time",
    "choice": "one of",
    "hours": "list of two times",
}


@pytest.mark.parametrize(
    ("section", "field"),
    [(s, f) for s, fields in FIELDS.items() for f in fields],
    ids=lambda v: getattr(v, "key", v),
)
def test_every_declared_field_is_in_its_table_with_its_type_default_and_limits(
    section: str, field: Field
) -> None:
    """Derived from scheduler/plan/fields.py: a field added to the declaration fails here until
    docs/plan-file.md has its row, saying its type, whether it is required, its default, its
    range or length, its choices and the field it may not come before."""
    kind, required, meaning = _row(section, field.key)[1:]
    row = " | ".join((kind, required, meaning))
    if field.kind in _TYPE_WORDS:
        assert kind.startswith(_TYPE_WORDS[field.kind]), f"{section}.{field.key}: the type is {kind!r}"
    if field.ref is not None:
        assert f"of {field.ref}" in kind, f"{section}.{field.key}: names {field.ref}"
    assert required.startswith("**yes**") == field.required, f"{section}.{field.key}: required?"
    if field.default not in (None, ()):
        shown = json.dumps(list(field.default) if isinstance(field.default, tuple) else field.default)
        assert f"default `{shown}`" in required, f"{section}.{field.key}: the default {shown}"
    if field.maximum is not None:
        least = "0" if field.kind in ("float", "share") else _n(field.minimum)
        assert f"{least}–{_n(field.maximum)}" in kind, f"{section}.{field.key}: {least}–{_n(field.maximum)}"
    if field.kind == "id" or field.kind == "ref":
        assert f"at most {validation.MAX_ID_LENGTH:,} characters" in _flat(_part("Conventions"))
    elif field.max_length is not None:
        assert f"at most {field.max_length:,} characters" in row, f"{section}.{field.key}: its length"
    if field.within_days is not None:
        assert f"at most {field.within_days} days after" in row, f"{section}.{field.key}: its length"
    if field.after is not None:
        word = "not before" if field.kind == "date" else "after"
        assert f"{word} `{field.after}`" in row, f"{section}.{field.key}: {word} `{field.after}`"
    missing = [c for c in field.choices if f"`{c}`" not in row]
    assert not missing, f"{section}.{field.key}: {missing} not described"


def test_the_conventions_state_the_limits_of_the_reader() -> None:
    text = _flat(_part("Conventions"))
    assert f"at most {validation.MAX_ID_LENGTH:,} characters" in text
    assert f"between {validation.EARLIEST_DATE.isoformat()} and {validation.LATEST_DATE.isoformat()}" in text
    assert f"more than {MAX_DIGITS} digits" in text
    assert f"deeper than {MAX_DEPTH} levels" in text
    assert f"the first {MAX_PROBLEMS:,} listed" in text


def test_the_recurrence_rules_are_those_the_code_accepts() -> None:
    text = _flat(_part("Recurrence rules"))
    assert f"between 1 and {MAX_INTERVAL:,}" in text
    assert f"{OPEN_ENDED_HORIZON.days:,} days" in text
    rows = re.findall(r"^\| `(FREQ=[^`]+)` \| `([^`]+)` \|", _part("Recurrence rules"), re.M)
    assert len(rows) >= 5
    for rule, start in rows:
        first = datetime.fromisoformat(start)
        assert check_rule(rule, first) is None, rule
        activity = Activity("x", "x", first, first.replace(hour=23, minute=59), rrule=rule)
        assert first_planned_starts(activity)[0] == first, f"{rule} does not start on {start}"
    for refused in (
        "FREQ=HOURLY;COUNT=3",
        "FREQ=DAILY;BYHOUR=6,18;COUNT=2",
        "FREQ=WEEKLY;UNTIL=20270101T000000Z",
    ):
        assert check_rule(refused, datetime(2027, 1, 1, 9)) is not None


def test_every_conflict_kind_is_described_exactly() -> None:
    text = _part("The `check --json` report")
    for name, kind in KINDS.items():
        rows = [line for line in text.splitlines() if line.startswith(f"| `{name}` |")]
        assert len(rows) == 1, name
        assert f"| {kind.severity} |" in rows[0], f"{name} is an {kind.severity}"
    described = set(re.findall(r"^\| `([a-z_]+)` \| (?:error|warning) \|", text, re.M))
    assert described == set(KINDS)


# ---------------------------------------------------------------- the command line


def _subcommands(
    parser: argparse.ArgumentParser, path: str = ""
) -> list[tuple[str, str, argparse.ArgumentParser]]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                full = f"{path} {name}".strip()
                out.append((full, helps.get(name) or "", sub))
                out.extend(_subcommands(sub, full))
    return out


def test_every_command_and_option_has_a_help_text() -> None:
    commands = _subcommands(build_parser())
    assert {"import", "export", "record", "check", "field export", "field import"} <= {
        c for c, _h, _p in commands
    }
    for name, help_, sub in commands:
        assert help_.strip(), f"`python main.py {name}` has no help text"
        assert (sub.description or "").strip(), f"`python main.py {name} --help` has no description"
        for action in sub._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            label = "/".join(action.option_strings) or action.dest
            assert action.help and action.help.strip(), f"`python main.py {name}`: {label} has no help text"


def test_the_plan_file_commands_are_described_with_the_options_they_have() -> None:
    commands = {name: sub for name, _h, sub in _subcommands(build_parser())}
    text = _part("Commands")
    for name in ("import", "export", "record", "check"):
        assert f"`python main.py {name}" in text, f"{name} is not described"
        for action in commands[name]._actions:
            if action.option_strings and not isinstance(action, argparse._HelpAction):
                shown = [o for o in action.option_strings if re.search(rf"`[^`]*{re.escape(o)}\b", DOC)]
                assert shown, f"the option {'/'.join(action.option_strings)} of {name} is not described"
    check_options = {o for a in commands["check"]._actions for o in a.option_strings if o.startswith("--")}
    table = _part("The `check --json` report")
    assert {o for o in check_options if o != "--help"} == set(re.findall(r"^\| `(--[a-z-]+)", table, re.M))


def test_the_documented_exit_codes_hold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0 for a file taken and a clean check, 1 for a check with an error, 2 for a refused file
    (one line naming the file, then its problems), and a refused file leaves the database alone."""
    examples = [b for b in _json_blocks() if b.words == ["json"]]
    refused = next(b for b in _json_blocks() if b.words == ["json", "refused"])
    db = tmp_path / "office.sqlite3"
    first = tmp_path / "first.json"
    first.write_text(examples[0].text, encoding="utf-8")
    assert run(["import", "--db", str(db), str(first)]) == 0
    assert run(["check", "--db", str(db), "--json"]) == 0
    full = tmp_path / "full.json"
    full.write_text(examples[-1].text, encoding="utf-8")
    assert run(["import", "--db", str(db), str(full)]) == 0
    assert run(["check", "--db", str(db), "--today", "2026-12-20", "--json"]) == 1
    bad = tmp_path / "bad.json"
    bad.write_text(refused.text, encoding="utf-8")
    with Store(db) as store:
        before = database_hash(store)
    capsys.readouterr()
    assert run(["import", "--db", str(db), "--lang", "en", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert str(bad) in err[0] and "nothing changed" in err[0]
    assert [line.strip() for line in err[1:]] == _problems_shown(refused)
    with Store(db) as store:
        assert database_hash(store) == before
    out = tmp_path / "export.json"
    assert run(["export", "--db", str(db), "-o", str(out)]) == 0
    assert run(["import", "--db", str(tmp_path / "copy.sqlite3"), str(out)]) == 0
    assert run(["check", "--db", str(tmp_path / "missing.sqlite3")]) == 2
    assert not (tmp_path / "missing.sqlite3").exists()


# ---------------------------------------------------------------- what the page says the code does


def test_keys_of_ones_own_are_never_dropped_silently() -> None:
    """The page says keys of one's own inside contact, preferred[] and attended[] are refused
    with their path (docs/plan-file.md: kept or reported, never dropped)."""
    assert "a file with any other key there is refused" in _flat(_part("Conventions"))
    doc = json.loads(next(b for b in _json_blocks() if b.words == ["json"]).text)
    doc["partners"] = [{"id": "p1", "name": "友谊社区", "contact": {"name": "张", "x_wechat": "zhang-yy"}}]
    try:
        plan = parse_document(json.dumps(doc, ensure_ascii=False)).plan
    except PlanError as exc:
        assert [p.path for p in exc.problems] == ["$.partners[0].contact.x_wechat"]
        return
    assert plan_to_document(plan)["partners"][0]["contact"].get("x_wechat") == "zhang-yy"


def test_the_readme_points_to_the_page_inside_the_repository() -> None:
    readme = (DOC_PATH.parent.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/plan-file.md" in readme
    assert "INTERCHANGE" not in readme


def test_the_dates_of_the_examples_are_in_the_documented_range() -> None:
    for block in _json_blocks():
        if "refused" in block.words:
            continue
        for text in re.findall(r'"(\d{4}-\d{2}-\d{2})', block.text):
            assert validation.date_in_range(date.fromisoformat(text)), f"{block}: {text}"


def test_a_rule_reaching_past_the_horizon_is_cut_as_the_page_says() -> None:
    """The page says such a rule is taken, cut and warned of; if the code comes to refuse it or
    plan it whole, this fails: change the page with it."""
    assert "is taken but cut at that point, and the import says so as a **warning**" in _flat(
        _part("Recurrence rules")
    )
    assert rule_warnings(
        Activity(
            "x", "x", datetime(2026, 12, 3, 18, 30), datetime(2026, 12, 3, 21), rrule="FREQ=YEARLY;COUNT=10"
        )
    )
    start = datetime(2026, 12, 3, 18, 30)
    assert check_rule("FREQ=YEARLY;COUNT=10", start) is None
    activity = Activity("x", "x", start, start.replace(hour=21), rrule="FREQ=YEARLY;COUNT=10")
    starts = first_planned_starts(activity)
    assert len(starts) < 10
    assert (starts[-1] - start).days <= OPEN_ENDED_HORIZON.days


def test_a_start_off_the_rule_is_no_occurrence_as_the_page_says() -> None:
    assert "the series begins on the rule's first date after it" in _flat(_part("Recurrence rules"))
    assert "the import takes it and warns" in _flat(_part("Recurrence rules"))
    thursday = datetime(2026, 12, 3, 18, 30)
    assert check_rule("FREQ=WEEKLY;BYDAY=WE;COUNT=3", thursday) is None
    activity = Activity("x", "x", thursday, thursday.replace(hour=21), rrule="FREQ=WEEKLY;BYDAY=WE;COUNT=3")
    assert sorted(planned_dates(activity)) == [date(2026, 12, 9), date(2026, 12, 16), date(2026, 12, 23)]
