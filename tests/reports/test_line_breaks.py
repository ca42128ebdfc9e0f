"""Where the PDFs' lines break: between Chinese characters, at spaces, never inside an English
word (unless it alone is wider than its line), and never before a closing mark."""

from __future__ import annotations

from reports.document import may_break, para, styles, words


def _lines(text: str, width: float) -> list[str]:
    p = para(text, styles()["body"])
    p.wrap(width, 1e9)
    return ["".join(f.text for f in line.words).rstrip() for line in p.blPara.lines]


def test_english_breaks_at_spaces_and_chinese_between_characters() -> None:
    # reportlab's own CJK wrapping gave "Nobody assig / ned yet" and "12-03 Thurs / day".
    assert _lines("Nobody assigned yet", 56) == ["Nobody", "assigned yet"]
    assert _lines("12-03 Thursday", 50) == ["12-03", "Thursday"]
    # Chinese fills each line: six characters of 9 pt in 55 pt.
    assert _lines("中医夜市合乐城商场中医夜市合乐城商场健康咨询区", 55) == [
        "中医夜市合乐",
        "城商场中医夜",
        "市合乐城商场",
        "健康咨询区",
    ]
    # Mixed: a line may break after the Chinese colon, never inside the English word after it
    # (reportlab broke "Nobo / dy" here, with either of its wrappings).
    assert _lines("体检报告解读：Nobody assigned yet", 90) == ["体检报告解读：", "Nobody assigned yet"]
    # A word wider than its line is broken where the line is full, and every line fits.
    long = _lines("x" * 40, 60)
    assert "".join(long) == "x" * 40 and len(long) == 4
    # Punctuation stays with its word: a closing mark never starts a line, an opening one never
    # ends one.
    for line in _lines("金伟（带队）、王强（带队）、李娜（带队）、张三（带队）", 50):
        assert line[0] not in "）、：" and line[-1] != "（", line


def test_where_a_line_may_break() -> None:
    assert may_break(" ", "a") and may_break("中", "医") and may_break("：", "N") and may_break("N", "中")
    assert not may_break("a", "b") and not may_break("1", ":") and not may_break("a", " ")
    assert not may_break("伟", "）") and not may_break("（", "带") and not may_break("市", "，")
    assert not may_break("a", "\u00a0") and not may_break("\u00a0", "b")  # a no-break space binds
    assert words("12-03 Thursday 18:00–21:00") == ["12-03", "Thursday", "18:00–21:00"]
    assert words("健康咨询区：王强") == ["健", "康", "咨", "询", "区：", "王", "强"]
