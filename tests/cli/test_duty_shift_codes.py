"""`shift-codes list|set|remove`: the codes edited through the write core (undone by nothing else,
recorded in the history), the hours validated, the plan file carrying them, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.commands import run
from db.operations import database_hash, shift_codes
from db.store import Store
from tests.cli.test_sheets import _db


def _run(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = run(["shift-codes", *args, "--db", str(db), "--lang", "en"])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_set_remove_and_the_plan_file(tmp_path, capsys) -> None:
    db = _db(tmp_path)
    code, out, _err = _run(capsys, db, "list", "--json")
    listed = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and listed["N"]["means"] == {"on": "00:00", "off": "08:00"} and listed["N"]["default"]
    assert "midnight" in listed["P"]["why"]
    assert _run(capsys, db, "set", "P", "--on", "15:00", "--off", "24:00")[0] == 0
    assert _run(capsys, db, "set", "n", "--on", "22:00", "--off", "06:00", "--rest-until", "12:00")[0] == 0
    assert _run(capsys, db, "set", "进修学习", "leave")[0] == 0
    code, out, _err = _run(capsys, db, "set", "外", "--on", "08:00", "--off", "12:00", "--leave")
    assert code == 0 and out.strip() == "shift code 外: away 08:00–12:00"
    with Store(db) as s:
        codes = shift_codes(s)
    assert codes["P"] == {"on": "15:00", "off": "00:00"}
    assert codes["N"] == {"on": "22:00", "off": "06:00", "rest_until": "12:00"}  # the spelling held kept
    assert codes["进修学习"] == "leave" and codes["外"] == {"on": "08:00", "off": "12:00", "kind": "leave"}
    code, out, _err = _run(capsys, db, "list")
    assert "N\ton duty 22:00–06:00 (ends the next day), then rest until 12:00" in out
    assert _run(capsys, db, "remove", "进修学习")[0] == 0
    out_file = tmp_path / "export.json"
    assert run(["export", "--db", str(db), "-o", str(out_file)]) == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))["hospital"]["shift_codes"]
    assert exported["P"] == {"on": "15:00", "off": "00:00"} and "进修学习" not in exported
    with Store(db) as s:
        kinds = [r[0] for r in s.conn.execute("SELECT section FROM audit ORDER BY rowid DESC LIMIT 5")]
    assert kinds == ["hospital"] * 5  # each change in the history, as the Settings dialog's


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["set", "Q", "--on", "08:00"], "needs both --on and --off"),
        (["set", "Q", "banana"], "one of day, night, free, leave"),
        (["set", "Q", "day", "--on", "08:00", "--off", "09:00"], "not both"),
        (["set", "Q", "--on", "25:00", "--off", "09:00"], "not a time of day"),
        (["set", "Q", "--on", "08:00", "--off", "12:00", "--rest-until", "11:00"], "after the shift's end"),
        (["set", "a/b", "day"], "without / , + ; |"),
        (["remove", "nope"], "there is no shift code nope"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(tmp_path, capsys, args, words) -> None:
    db = _db(tmp_path)
    with Store(db) as s:
        before = database_hash(s)
    code, _out, err = _run(capsys, db, *args)
    assert code == 2 and words in err and err.count("\n") == 1
    with Store(db) as s:
        assert database_hash(s) == before
