"""`notice` and `roster … -o FILE.png` as a user runs them: the text on stdout or in a file, the
picture read back, and one line with exit 2 when they cannot be made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from db.operations import NoticeSettings, database_hash, save_notice_settings
from db.store import Store
from tests.helpers import sample_text
from tests.reports.test_notice import EN, ZH

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def _hash(path: Path) -> str:
    with Store(path, readonly=True) as s:
        return database_hash(s)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    plan = tmp_path / "p.json"
    plan.write_text(sample_text(), encoding="utf-8")
    assert run("--db", str(path), "import", str(plan)).returncode == 0
    return path


def test_notice_to_stdout_in_either_language(db: Path) -> None:
    zh = run("notice", "--activity", "a1", "--occurrence", "2026-12-03", "--db", str(db), "--lang", "zh_CN")
    assert zh.returncode == 0 and zh.stdout == ZH and zh.stderr == ""
    en = run("--lang", "en", "--db", str(db), "notice", "--occurrence", "2026-12-03", "--activity", "a1")
    assert en.returncode == 0 and en.stdout == EN


def test_notice_to_a_file_with_the_gathering_time_of_the_settings(db: Path, tmp_path: Path) -> None:
    with Store(db) as s:
        save_notice_settings(s, NoticeSettings(gather_minutes=60, bring="签到表"))
    before = _hash(db)
    out = tmp_path / "notice.txt"
    r = run(
        "--db",
        str(db),
        "notice",
        "--activity",
        "a1",
        "--occurrence",
        "2026-12-03",
        "-o",
        str(out),
        "--lang",
        "zh_CN",
    )
    assert r.returncode == 0 and str(out) in r.stdout
    text = out.read_text(encoding="utf-8")
    assert "【集合】17:00（提前60分钟）" in text.splitlines()
    assert text.splitlines()[10] == "【请携带】工作牌、工作服、健康宣传资料、听诊器、签到表"
    assert _hash(db) == before  # read-only: nothing changed


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--activity", "a1", "--occurrence", "2026-12-31"], "2026-12-31"),  # left out of the series
        (["--activity", "nope", "--occurrence", "2026-12-03"], "nope"),
        (["--activity", "a1", "--occurrence", "3 Dec"], "3 Dec"),
        (["--activity", "a1"], "--occurrence"),
    ],
)
def test_notice_that_cannot_be_made_is_one_line_and_exit_2(db: Path, tmp_path: Path, args, needle) -> None:
    out = tmp_path / "n.txt"
    r = run("--db", str(db), "--lang", "en", "notice", *args, "-o", str(out))
    assert r.returncode == 2 and needle in r.stderr and r.stderr.count("\n") == 1 and r.stdout == ""
    assert "Traceback" not in r.stderr and not out.exists()


def test_notice_without_a_database_creates_none(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    r = run("--db", str(missing), "notice", "--activity", "a1", "--occurrence", "2026-12-03")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and not missing.exists()


def test_roster_png_is_one_picture_1080_wide(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.png"
    r = run("--db", str(db), "roster", "week", "--from", "2026-12-03", "-o", str(out), "--lang", "zh_CN")
    assert r.returncode == 0 and str(out) in r.stdout
    with Image.open(out) as image:
        assert image.format == "PNG" and image.width == 1080 and image.height > 400  # empty foot cut
    # The PDF of the same roster beside it: as many pages as the picture holds.
    pdf = tmp_path / "week.pdf"
    assert run("--db", str(db), "roster", "week", "--from", "2026-12-03", "-o", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp left


def test_roster_png_that_cannot_be_made_writes_nothing(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.png"
    r = run(
        "--db",
        str(db),
        "roster",
        "occurrence",
        "--activity",
        "a1",
        "--occurrence",
        "2026-12-31",
        "-o",
        str(out),
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and not out.exists()
    r = run("--db", str(db), "roster", "week", "-o", str(tmp_path / "r.jpg"))
    assert r.returncode == 2 and ".png" in r.stderr and r.stderr.count("\n") == 1
