"""The command line held to its contract (INTERCHANGE.md, "The command line"; issue 20): dates and
numbers within range, output files' permissions, foreign SQLite files, what an import changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.commands import run as cli_run
from db.operations import database_hash
from db.store import Store
from tests.helpers import sample_text


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
