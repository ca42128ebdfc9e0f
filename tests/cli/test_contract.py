"""The command line held to its contract (docs/command-line.md; issue 20): dates and
numbers within range, output files' permissions, foreign SQLite files, what an import changed."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from cli.commands import run as cli_run
from db.operations import database_hash
from db.store import Store
from tests.helpers import sample, sample_text


def _hash(path: Path) -> str:
    with Store(path, readonly=True) as s:
        return database_hash(s)


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    """main.py's command line in this process (English): exit code, stdout, stderr."""
    try:
        code = cli_run(["--lang", "en", *argv])
    except SystemExit as exc:  # argparse refused an argument
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def office(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "office.db"
    plan = tmp_path / "plan.json"
    plan.write_text(sample_text(), encoding="utf-8")
    assert cli(capsys, "--db", str(db), "import", str(plan))[0] == 0
    return db


def _one_line(code: int, err: str, *needles: str) -> None:
    assert code == 2, err
    assert err.startswith("error:") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err, err
    for n in needles:
        assert n in err, err


# ---- 1. dates and numbers on the command line -------------------------------------------------

FAR = [
    ("check", "--to", "9999-12-31"),
    ("roster", "annual", "--from", "9999-12-01", "-o", "{tmp}/a.pdf"),
    ("ics", "--staff", "s001", "--from", "9999-01-01", "-o", "{tmp}/a.ics"),
    ("field", "export", "--from", "9999-12-31", "-o", "{tmp}/a.pkg"),
    ("assign", "--from", "9999-12-31"),
    ("check", "--today", "1999-12-31"),
    ("notice", "--activity", "a1", "--occurrence", "2101-01-01"),
    ("stats", "--year", "2101"),
    ("demo", "--year", "2200"),
    ("demo", "--year", "2002"),
    ("demo", "--today", "2001-05-01"),
    ("ics", "--staff", "s001", "--to", "2001-01-01", "-o", "{tmp}/a.ics"),
    ("check", "--from", "2026-12-10", "--to", "2026-12-01"),
    ("field", "export", "--to", "2001-01-01", "-o", "{tmp}/a.pkg"),
    ("assign", "--to", "2001-01-01"),
    ("assign", "--time-limit", "nan"),
    ("assign", "--time-limit", "inf"),
    ("assign", "--time-limit", "-inf"),
    ("assign", "--time-limit", "0"),
    ("assign", "--time-limit", "-1"),
]


@pytest.mark.parametrize("argv", FAR, ids=[" ".join(a) for a in FAR])
def test_dates_and_numbers_beyond_the_contract_are_one_line_exit_2(office, tmp_path, capsys, argv) -> None:
    before = _hash(office)
    code, out, err = cli(capsys, "--db", str(office), *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    _one_line(code, err)
    assert not list(tmp_path.glob("a.*"))
    assert _hash(office) == before


def test_dates_at_the_ends_of_the_range_are_taken(office, tmp_path, capsys) -> None:
    code, out, err = cli(capsys, "--db", str(office), "check", "--from", "2000-01-01", "--to", "2100-12-31")
    assert code in (0, 1) and not err, err
    code, out, err = cli(capsys, "--db", str(office), "assign", "--from", "2100-12-31", "--dry-run")
    assert code == 0 and "2100-12-31 – 2100-12-31" in out, (out, err)
    code, out, err = cli(
        capsys,
        "--db",
        str(office),
        "ics",
        "--staff",
        "s001",
        "--from",
        "2100-12-01",
        "-o",
        str(tmp_path / "x.ics"),
    )
    assert code == 0 and "2100-12-31" in out, (out, err)


@pytest.mark.parametrize("year", ["2003", "2100"])
def test_demo_of_the_first_and_last_year_exports_and_imports_back(tmp_path, capsys, year) -> None:
    a, b, doc = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "demo.json"
    assert cli(capsys, "--db", str(a), "demo", "--year", year)[0] == 0
    assert cli(capsys, "--db", str(a), "export", "-o", str(doc))[0] == 0
    code, out, err = cli(capsys, "--db", str(b), "import", str(doc))
    assert code == 0, err


# ---- 2. output files: permission bits kept, a read-only file refused ------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("export", "-o", "{out}.json"),
        ("ics", "--staff", "s001", "-o", "{out}.ics"),
        ("roster", "week", "--from", "2026-12-07", "-o", "{out}.pdf"),
    ],
)
def test_an_output_that_exists_keeps_its_permission_bits(office, tmp_path, capsys, argv) -> None:
    out = tmp_path / "private"
    argv = tuple(a.replace("{out}", str(out)) for a in argv)
    target = Path(argv[-1])
    target.write_bytes(b"old")
    target.chmod(0o600)
    code, _, err = cli(capsys, "--db", str(office), *argv)
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() != b"old"
    target.chmod(0o640)
    assert cli(capsys, "--db", str(office), *argv)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_read_only_output_is_refused_even_for_root(office, tmp_path, capsys) -> None:
    """0444: no write bit at all. Root may write it, but the user marked it read-only."""
    target = tmp_path / "plan.json"
    target.write_bytes(b"keep me")
    target.chmod(0o444)
    code, _, err = cli(capsys, "--db", str(office), "export", "-o", str(target))
    _one_line(code, err, "read-only", str(target))
    assert target.read_bytes() == b"keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_output_this_user_may_not_write_is_refused(office, tmp_path, capsys, monkeypatch) -> None:
    """A file with write bits for its owner only, and this user is not the owner (os.access says
    no): refused too. As root os.access says yes, so the test makes it say what it says to others."""
    import db.files

    target = tmp_path / "plan.json"
    target.write_bytes(b"keep me")
    target.chmod(0o644)
    real = os.access
    monkeypatch.setattr(
        db.files.os, "access", lambda p, m, **kw: False if Path(p) == target else real(p, m, **kw)
    )
    code, _, err = cli(capsys, "--db", str(office), "export", "-o", str(target))
    _one_line(code, err, "read-only")
    assert target.read_bytes() == b"keep me"


# ---- 3. a SQLite file of another application ---------------------------------------------------------


def _foreign(path: Path, version: int = 0) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO patients (name) VALUES ('王芳')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path.read_bytes()


COMMANDS = [
    ("import", "{plan}"),
    ("demo",),
    ("check",),
    ("export", "-o", "{tmp}/out.json"),
    ("stats", "--year", "2026"),
    ("assign", "--dry-run"),
    ("assign",),
    ("record", "{plan}"),
    ("ics", "--staff", "s001", "-o", "{tmp}/out.ics"),
    ("roster", "week", "-o", "{tmp}/out.pdf"),
    ("field", "export", "-o", "{tmp}/out.pkg"),
]


@pytest.mark.parametrize("version", [0, 7])
@pytest.mark.parametrize("argv", COMMANDS, ids=[a[0] + ("-" + a[1] if len(a) > 1 else "") for a in COMMANDS])
def test_a_foreign_sqlite_file_is_refused_by_every_command(tmp_path, capsys, argv, version) -> None:
    db = tmp_path / "other-app.sqlite"
    before = _foreign(db, version)
    plan = tmp_path / "plan.json"
    plan.write_text(sample_text(), encoding="utf-8")
    argv = tuple(a.replace("{plan}", str(plan)).replace("{tmp}", str(tmp_path)) for a in argv)
    code, out, err = cli(capsys, "--db", str(db), *argv)
    _one_line(code, err, "another application", "patients")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.sqlite", "plan.json"]


def test_our_database_with_a_table_of_its_own_is_refused_too(office, capsys) -> None:
    conn = sqlite3.connect(office)
    conn.execute("CREATE TABLE my_notes (text TEXT)")
    conn.commit()
    conn.close()
    code, _, err = cli(capsys, "--db", str(office), "check")
    _one_line(code, err, "my_notes")


# ---- 4. import says what changed in the hospital record -------------------------------------------


def test_import_says_what_changed_in_the_hospital_record(office, tmp_path, capsys) -> None:
    doc = sample()
    doc["hospital"] = {
        **doc["hospital"],
        "name": "南湖市中心医院",
        "clinical_hours": ["08:00", "17:00"],
        "shift_codes": {"夜": "night", "白": "day"},
    }
    plan = tmp_path / "hospital.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli(capsys, "--db", str(office), "import", str(plan))
    assert code == 0, err
    assert "nothing to change" not in out
    assert "name (南湖市中心医院)" in out and "clinical hours (08:00–17:00)" in out, out
    assert "shift codes (2)" in out and "time zone" not in out, out
    code, out, err = cli(capsys, "--db", str(office), "import", str(plan))  # the same again
    assert code == 0 and "the hospital" not in out, out


# ---- 6. a rule cut at the horizon, a start off its rule, the time zone ----------------------------


def _activity(doc: dict, id_: str, start: str, rule: str) -> None:
    a = dict(doc["activities"][0], id=id_, start=start, end=start[:11] + "21:00", rrule=rule)
    for key in ("exdates", "moved", "rotation"):
        a.pop(key, None)
    doc["activities"].append(a)


def test_import_warns_of_a_rule_cut_at_the_horizon_and_a_start_off_its_rule(tmp_path, capsys) -> None:
    doc = sample()
    _activity(doc, "long", "2026-12-03T18:00", "FREQ=WEEKLY;COUNT=400")
    _activity(doc, "off", "2026-12-03T18:00", "FREQ=WEEKLY;BYDAY=WE;COUNT=3")  # a Thursday
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "a.db"
    code, out, err = cli(capsys, "--db", str(db), "import", str(plan))
    assert code == 0 and out.startswith("imported"), err
    lines = err.splitlines()
    assert len(lines) == 2 and all(x.startswith("warning: ") for x in lines), err
    n = len(doc["activities"])
    assert f"$.activities[{n - 2}].rrule" in lines[0] and "262 of them, up to 2031-12-04" in lines[0]
    assert f"$.activities[{n - 1}].start" in lines[1] and "begins on 2026-12-09T18:00" in lines[1]
    zh = cli_run(["--lang", "zh_CN", "--db", str(db), "import", str(plan)])
    said = capsys.readouterr().err
    assert zh == 0 and said.count("警告：") == 2 and "warning" not in said, said


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "Asia/Shang hai", "../../etc/passwd", ""])
def test_import_checks_the_time_zone(tmp_path, capsys, zone) -> None:
    doc = sample()
    doc["hospital"]["timezone"] = zone
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli(capsys, "--db", str(tmp_path / "a.db"), "import", str(plan))
    assert code == 2 and "$.hospital.timezone" in err and "IANA" in err, err
    doc["hospital"]["timezone"] = "Asia/Urumqi"
    plan.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli(capsys, "--db", str(tmp_path / "a.db"), "import", str(plan))
    assert code == 0, err


# ---- 7. roster week: the ISO week containing the date, and it says which ------------------------


def test_roster_week_of_a_sunday_says_the_week_it_printed(office, tmp_path, capsys) -> None:
    out = tmp_path / "week.pdf"
    code, said, err = cli(
        capsys, "--db", str(office), "roster", "week", "--from", "2026-12-13", "-o", str(out)
    )
    assert code == 0, err
    assert said.strip() == f"wrote {out}: 2026-12-07 – 2026-12-13"


# ---- 8. wording: kinds by name, the solver in plain words, one default language -----------------


def test_check_text_names_kinds_in_the_language_not_by_code(office, capsys) -> None:
    code = cli_run(["--lang", "zh_CN", "--db", str(office), "check", "--today", "2026-12-01"])
    out = capsys.readouterr().out
    assert code == 1
    assert "_" not in out and "understaffed" not in out and "unqualified" not in out, out
    assert "人员不足" in out or "资质不符" in out, out


def test_assign_says_how_it_ended_in_plain_words(office, capsys) -> None:
    argv = ["--db", str(office), "assign", "--from", "2026-12-01", "--to", "2026-12-31", "--dry-run"]
    code = cli_run(["--lang", "zh_CN", *argv])
    out = capsys.readouterr().out
    assert code in (0, 1)
    for jargon in ("optimal", "stopped", "greedy", "已证明最优", " s)", " s，"):
        assert jargon not in out, (jargon, out)
    lines = out.splitlines()
    goals = lines.index(next(x for x in lines if x.startswith("各项目标")))
    assert lines[goals + 1].startswith("  1. 填满所有岗位："), out
    code = cli_run(["--lang", "en", *argv])
    out = capsys.readouterr().out
    assert "(the best plan possible)" in out or "(the best plan found in the time given)" in out, out
    assert "  1. Fill every place: " in out and "(the best possible)" in out, out


@pytest.mark.parametrize(
    ("env", "saved", "expected"),
    [
        ({}, None, "zh_CN"),
        ({"LANG": "C.UTF-8"}, None, "zh_CN"),
        ({"LANG": "POSIX"}, None, "zh_CN"),
        ({"LANG": "en_US.UTF-8"}, None, "en"),
        ({"LANG": "de_DE.UTF-8"}, None, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, None, "zh_CN"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, None, "en"),
        ({"LANG": "en_US.UTF-8"}, "zh_CN", "zh_CN"),
        ({}, "en", "en"),
    ],
)
def test_one_default_language_for_the_window_and_the_command_line(
    monkeypatch, tmp_path, env, saved, expected
) -> None:
    """Issue 20: the command line said English where no system language is set, the window
    Chinese. Now both ask db/language.app_language: Chinese when nothing says otherwise."""
    from cli.lang import resolve
    from db.language import app_language
    from db.paths import save_preference

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("OUTREACH_SETTINGS_DIR", str(tmp_path / "settings"))
    if saved:
        save_preference("language", saved)
    assert app_language() == resolve(None) == expected
    assert resolve("en") == "en"
    import ui.i18n

    assert ui.i18n.current_language.__code__.co_names.count("app_language") == 1  # the same rule


# ---- 9. find: the ids the other commands need --------------------------------------------------


def test_find_lists_matching_records_with_their_ids(office, capsys) -> None:
    before = _hash(office)
    code, out, err = cli(capsys, "--db", str(office), "find", "夜市", "--today", "2026-12-01")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Activities (id, title")
    assert lines[1].split()[:2] == ["a1", "中医夜市"] and "next: 2026-12-03, 2026-12-10" in lines[1], out
    # Every section, by what a person remembers: a phone number, a partner, a branch.
    code, out, err = cli(capsys, "--db", str(office), "find", "13800000000", "--json")
    assert code == 0 and [(f["section"], f["id"]) for f in json.loads(out)["found"]] == [("staff", "s001")]
    code, out, err = cli(capsys, "--db", str(office), "find", "友谊", "--json", "--today", "2026-12-01")
    found = {(f["section"], f["id"]) for f in json.loads(out)["found"]}
    assert {("partners", "p-youyi"), ("pairings", "pr1"), ("requests", "r1")} <= found, found
    assert ("activities", "a1") in found  # its partner
    code, out, err = cli(capsys, "--db", str(office), "find", "B-ORTHO", "--json")
    assert ("branches", "b-ortho") in {(f["section"], f["id"]) for f in json.loads(out)["found"]}
    # Nothing found: exit 1 and one line; the database read only.
    code, out, err = cli(capsys, "--db", str(office), "find", "不存在的东西")
    assert code == 1 and out.strip() == "nothing found for '不存在的东西'"
    assert _hash(office) == before


def test_find_opens_the_database_read_only_and_creates_none(office, tmp_path, capsys) -> None:
    office.chmod(0o444)
    try:
        code, out, err = cli(capsys, "--db", str(office), "find", "金伟")
        assert code == 0 and "s001" in out, err
    finally:
        office.chmod(0o644)
    code, out, err = cli(capsys, "--db", str(tmp_path / "none.db"), "find", "金伟")
    _one_line(code, err, "no database")
    assert not (tmp_path / "none.db").exists()


def test_find_matches_as_a_slow_oracle_does() -> None:
    """scheduler.plan.search.find against a plain scan of every record's words."""
    import unicodedata
    from datetime import date

    from scheduler.exchange.planfile.document import parse_document
    from scheduler.plan.search import find

    plan = parse_document(sample_text()).plan
    words = {
        ("activities", a.id): [
            a.id,
            a.title,
            a.venue or "",
            plan.partners[a.partner].name if a.partner else "",
        ]
        for a in plan.activities.values()
    }
    words |= {("staff", s.id): [s.id, s.name, s.phone or ""] for s in plan.staff.values()}
    words |= {("partners", p.id): [p.id, p.name] for p in plan.partners.values()}
    for text in ("金", "a1", "A1", "ａ1", "社区", "s00", "讲座", "x"):
        got = {(f.section, f.id) for f in find(plan, text, date(2026, 12, 1))}
        folded = unicodedata.normalize("NFKC", text).casefold()
        want = {
            k
            for k, ws in words.items()
            if any(folded in unicodedata.normalize("NFKC", w).casefold() for w in ws)
        }
        assert want <= got, (text, want - got)
    assert find(plan, "  ", date(2026, 12, 1)) == []


def test_the_readme_lists_every_command_as_the_parser_takes_it() -> None:
    """README's command list complete and true: every sub-command the parser has is there (and
    none it has not), roster branch-month with its required --branch, find documented."""
    import argparse
    import re

    from cli.commands import build_parser

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("## Layout", 1)[0]
    listed = set(re.findall(r"^python main\.py ([a-z][a-z-]*)", block, re.M))
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert listed == set(sub.choices), (sorted(set(sub.choices) - listed), sorted(listed - set(sub.choices)))
    assert "roster branch-month --branch ID" in block and "branch-month [--branch ID]" not in block
    assert "python main.py find TEXT" in block and "Finding an id" in block
