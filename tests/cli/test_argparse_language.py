"""argparse's own complaints ("argument --week:", "invalid choice", "the following arguments
are required", "unrecognized arguments", "expected one argument") in the user's language: all
Chinese under --lang zh_CN (the values as typed), argparse's English under --lang en."""

from __future__ import annotations

import argparse
import re

import pytest

from cli.argparse_text import say_argparse
from cli.commands import run as cli_run
from cli.lang import use

ENGLISH = re.compile(
    r"argument |invalid choice|choose from|the following arguments|unrecognized arguments|expected one"
)

CASES = [
    # argv, what zh_CN says, what en says
    (["review", "--week", "2026-W99"], ["参数 --week：", "2026-W99"], ["argument --week: "]),
    (["review"], ["缺少必需的参数：--week"], ["the following arguments are required: --week"]),
    (["review", "--week"], ["参数 --week：需要一个值"], ["argument --week: expected one argument"]),
    (["review", "--week", "2026-W10", "extra"], ["无法识别的参数：extra"], ["unrecognized arguments: extra"]),
    (
        ["roster", "--kind", "x"],
        ["参数 kind：无效的取值：'x'（可选：", "'week'"],
        ["invalid choice: 'x' (choose from"],
    ),
    (["frobnicate"], ["参数 command：无效的取值：'frobnicate'"], ["argument command: invalid choice"]),
]


@pytest.mark.parametrize(("argv", "zh", "en"), CASES)
def test_argparse_complaints_in_each_language(argv, zh, en, capsys) -> None:
    said = {}
    for lang in ("zh_CN", "en"):
        with pytest.raises(SystemExit) as exit_:
            cli_run([*argv, "--lang", lang])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err  # one line
        said[lang] = err
    assert said["zh_CN"].startswith("错误：") and said["zh_CN"].rstrip().endswith("（参见 --help）")
    for part in zh:
        assert part in said["zh_CN"], said["zh_CN"]
    assert not ENGLISH.search(said["zh_CN"]), said["zh_CN"]
    assert said["en"].startswith("error: ")
    for part in en:
        assert part in said["en"], said["en"]


class _Said(Exception):
    pass


class _Catching(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise _Said(message)


def _complaint(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    with pytest.raises(_Said) as exc:
        parser.parse_args(argv)
    return str(exc.value)


def test_every_phrase_argparse_says_is_translated() -> None:
    """argparse's own wording (this Python's), not copies of it: each is said in Chinese with no
    English phrase left, and the values in it kept."""
    p = _Catching()
    p.add_argument("--one")
    p.add_argument("--opt", nargs="?")
    p.add_argument("--many", nargs="+")
    p.add_argument("--two", nargs=2)
    p.add_argument("--num", type=int)
    p.add_argument("--kind", choices=["a", "b"])
    p.add_argument("--flag", action="store_true")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--left", action="store_true")
    group.add_argument("--right", action="store_true")
    p.add_argument("--right-hand")
    messages = [
        _complaint(p, ["--one"]),
        _complaint(p, ["--many"]),
        _complaint(p, ["--two", "x"]),
        _complaint(p, ["--num", "x1"]),
        _complaint(p, ["--kind", "c"]),
        _complaint(p, ["--flag=yes"]),
        _complaint(p, ["--left", "--right"]),
        _complaint(p, ["--righ", "x"]),
    ]
    required = _Catching()
    required.add_argument("--week", required=True)
    messages.append(_complaint(required, []))
    messages.append(_complaint(required, ["--week", "1", "a", "b"]))
    messages.append("expected at most one argument")
    use("zh_CN")
    try:
        for message in messages:
            said = say_argparse(message)
            assert said != message, message
            assert not re.search(r"[a-z]{3,} [a-z]{3,}", re.sub(r"'[^']*'|--\S+", "", said)), (message, said)
            for value in re.findall(r"'[^']*'|--[a-z-]+", message):
                assert value.strip("'") in said, (message, said)
    finally:
        use("en")
    assert say_argparse("2026 年只有 53 个 ISO 周") == "2026 年只有 53 个 ISO 周"  # not argparse's: as it is
