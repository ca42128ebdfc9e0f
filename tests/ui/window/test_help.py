"""Help menu: the manual (Chinese and English side by side, every link and F1 target present, every
conflict kind described), F1 on each screen, the language of the manual window, About."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction

from reports.document import translator
from scheduler.conflicts.kinds import KINDS
from scheduler.version import VERSION
from tests.helpers import sample
from tests.ui.windows import import_plan_doc, main_window
from ui.i18n import install_language, set_language_setting
from ui.session import Session
from ui.window.help import (
    CONFLICTS_HELP,
    CONTENTS,
    MANUAL,
    PAGE_HELP,
    AboutDialog,
    ManualBrowser,
    heading_ids,
    manual_file,
    strip_ids,
)
from ui.window.mainwindow import MainWindow
from ui.window.pages import PAGES

pytestmark = pytest.mark.gui

LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)


def _pages() -> list[Path]:
    return sorted(MANUAL.glob("*.md"))


def _sections() -> list[str]:
    return sorted({p.name.split(".")[0] for p in _pages()})


def _links(path: Path) -> list[tuple[bool, str]]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return [(bang == "!", target) for bang, target in LINK.findall(text)]


def test_every_section_is_in_chinese_and_english_with_the_same_headings() -> None:
    assert CONTENTS in _sections()
    assert len(_sections()) >= 11
    for section in _sections():
        zh, en = MANUAL / f"{section}.zh.md", MANUAL / f"{section}.en.md"
        assert zh.exists() and en.exists(), section
        zh_text, en_text = zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
        assert list(heading_ids(zh_text)) == list(heading_ids(en_text)), section
        assert len(re.findall(r"[\u4e00-\u9fff]", zh_text)) > 150, f"{zh.name} is not Chinese"
        cjk, latin = (len(re.findall(r"[\u4e00-\u9fff]", en_text)), len(re.findall(r"[A-Za-z]", en_text)))
        assert cjk * 10 < latin, f"{en.name} is not English"
        zh_pictures = [t.replace(".zh.", ".") for image, t in _links(zh) if image]
        en_pictures = [t.replace(".en.", ".") for image, t in _links(en) if image]
        assert zh_pictures == en_pictures, section
    for path in _pages():
        assert path.name.count(".") == 2 and path.name.split(".")[1] in ("zh", "en"), path.name


def test_every_manual_link_and_picture_exists() -> None:
    checked = 0
    for path in _pages():
        lang = path.name.split(".")[1]
        for image, target in _links(path):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            file_part, _, anchor = unquote(target).partition("#")
            dest = (path.parent / file_part).resolve() if file_part else path
            assert dest.exists(), f"{path.name}: {target} does not exist"
            if image:
                assert dest.suffix == ".png" and f".{lang}." in dest.name, f"{path.name}: {target}"
                assert dest.stat().st_size < 120_000, f"{dest.name} is not a small PNG"
                assert dest.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            elif dest.suffix == ".md":
                if dest.parent == MANUAL and dest.name != path.name:
                    other = dest.name.split(".")[1]
                    # a page links to its own language, except the one link to the other language's page
                    assert other == lang or dest.name.split(".")[0] == path.name.split(".")[0], target
                if anchor:
                    assert anchor in heading_ids(dest.read_text(encoding="utf-8")), f"{path.name}: {target}"
            checked += 1
    assert checked > 100
    # Every picture in shots/ is used (the tool makes no more than the manual shows).
    used = {(p.parent / t).resolve().name for p in _pages() for image, t in _links(p) if image}
    assert {p.name for p in (MANUAL / "shots").glob("*.png")} == used


def test_every_conflict_kind_has_its_section_in_both_languages() -> None:
    zh_name = translator("zh_CN")
    for lang, name_of in (("zh", zh_name), ("en", lambda s: s)):
        text = (MANUAL / f"conflicts.{lang}.md").read_text(encoding="utf-8")
        ids = heading_ids(text)
        for kind in KINDS:
            assert kind in ids, f"conflicts.{lang}.md has no section {{#{kind}}}"
            assert name_of(KINDS[kind].name) in ids[kind], (lang, kind, ids[kind])
            section = text.split(f"{{#{kind}}}", 1)[1].split("\n## ", 1)[0]
            severity = {
                "zh": {"error": "错误。", "warning": "警告。"},
                "en": {"error": "Error.", "warning": "Warning."},
            }
            assert f"**{severity[lang][KINDS[kind].severity]}**" in section, (lang, kind)
            assert {"zh": "怎么处理：", "en": "What to do:"}[lang] in section, (lang, kind)


def test_every_screen_has_an_f1_target_that_exists() -> None:
    assert set(PAGES) <= set(PAGE_HELP), "a screen without its section of the manual"
    for target in [*PAGE_HELP.values(), CONFLICTS_HELP]:
        section, _, anchor = target.partition("#")
        for lang in ("zh_CN", "en"):
            path = manual_file(section, lang)
            assert path.exists(), target
            if anchor:
                assert anchor in heading_ids(path.read_text(encoding="utf-8")), (lang, target)


def test_ids_are_taken_out_of_the_headings() -> None:
    text = "# A {#a}\n\n```\n## not {#b}\n```\n\n## C d {#c-d}\nbody {#e}\n"
    assert heading_ids(text) == {"a": "A", "c-d": "C d"}
    assert strip_ids(text) == "# A\n\n```\n## not\n```\n\n## C d\nbody {#e}\n"


@pytest.fixture
def window(qtbot, db_path) -> MainWindow:
    return main_window(qtbot, db_path)


def _f1(window: MainWindow):
    (action,) = [a for a in window.findChildren(QAction) if a.shortcut().toString() == "F1"]
    action.trigger()
    return window.help.manual


def test_f1_on_each_screen_opens_its_section(qtbot, window: MainWindow) -> None:
    for name in PAGES:
        window.show_section(name)
        assert window.current_section() == name
        manual = _f1(window)
        browser = manual.browser
        assert manual.isVisible()
        section, _, anchor = PAGE_HELP[name].partition("#")
        source = browser.source()
        assert Path(source.toLocalFile()) == manual_file(section, "zh_CN")
        assert source.fragment() == anchor
        assert browser.toPlainText().strip(), name
        if anchor:
            assert anchor in browser.anchors(), name
            # the section's heading is what the reader sees first
            block = browser.document().begin()
            while block.isValid() and anchor not in [
                f.fragment().charFormat().anchorNames()[0]
                for f in [block.begin()]
                if not f.atEnd() and f.fragment().charFormat().anchorNames()
            ]:
                block = block.next()
            top = browser.document().documentLayout().blockBoundingRect(block).top()
            bar = browser.verticalScrollBar()
            # at the top of the window, a section near the page's end too (not "as far as it goes")
            assert abs(bar.value() - top) < 2, (name, bar.value(), top, bar.maximum())


def test_f1_in_the_conflicts_panel_opens_the_conflicts_section(qtbot, window: MainWindow) -> None:
    window.show_section("staff")
    window.activateWindow()
    window.conflicts_panel.tree.setFocus()
    qtbot.waitUntil(lambda: window.conflicts_panel.tree.hasFocus())
    browser = _f1(window).browser
    assert Path(browser.source().toLocalFile()).name == "conflicts.zh.md"
    assert browser.source().fragment() == "panel" and "panel" in browser.anchors()


def test_the_manual_window_follows_links_and_goes_back(qtbot, window: MainWindow) -> None:
    manual = window.help.open_manual(CONTENTS)
    browser = manual.browser
    assert browser.source().toLocalFile().endswith("index.zh.md")
    assert "用户手册" in browser.toPlainText()
    browser.setSource(QUrl("conflicts.zh.md#no_lead"))  # as a click on a relative link does
    assert browser.source().toLocalFile().endswith("conflicts.zh.md") or browser.source().path().endswith(
        "conflicts.zh.md"
    )
    assert "no_lead" in browser.anchors()
    assert "{#" not in browser.toPlainText()
    images = browser.document().allFormats()
    assert any(f.isImageFormat() for f in images)
    browser.backward()
    assert "用户手册" in browser.toPlainText()


def test_the_manual_is_chinese_by_default_and_english_in_the_english_ui(qtbot, db_path) -> None:
    import_plan_doc(db_path, sample())
    w = MainWindow(Session(db_path))
    qtbot.addWidget(w)
    manual = w.help.open_manual(CONTENTS)
    assert manual.browser.source().toLocalFile().endswith("index.zh.md")
    assert manual.windowTitle() == "用户手册"
    set_language_setting("en")
    install_language("en")
    try:
        w2 = MainWindow(Session(db_path))
        qtbot.addWidget(w2)
        manual2 = w2.help.open_manual(CONTENTS)
        assert manual2.browser.source().toLocalFile().endswith("index.en.md")
        assert manual2.windowTitle() == "User manual"
        assert "User manual" in manual2.browser.toPlainText()
        w2.show_section("requests_view")
        assert Path(_f1(w2).browser.source().toLocalFile()).name == "requests.en.md"
    finally:
        set_language_setting("zh_CN")
        install_language("zh_CN")


def test_a_page_that_cannot_be_read_is_said_not_raised(qtbot, tmp_path) -> None:
    bad = tmp_path / "bad.zh.md"
    bad.write_bytes(b"# \xff\xfe broken \x80")
    browser = ManualBrowser()
    qtbot.addWidget(browser)
    browser.setSource(QUrl.fromLocalFile(str(bad)))
    assert "无法读取" in browser.toPlainText()
    browser.setSource(QUrl.fromLocalFile(str(tmp_path / "missing.zh.md")))  # no traceback either


def test_about_names_versions_database_and_licences(qtbot, window: MainWindow) -> None:
    dialog = window.help.about()
    assert isinstance(dialog, AboutDialog)
    text = dialog.text.toPlainText()
    assert VERSION in text
    for word in (
        "Python",
        "Qt",
        "PySide6",
        "OR-Tools",
        "WenQuanYi",
        "Apache-2.0",
        "LGPL-3.0-only",
        "MIT-CMU",
    ):
        assert word in text, word
    assert str(window.session.path) in text
    assert dialog.windowTitle() == "关于"
    dialog.close()


def test_the_help_menu_is_translated(qtbot, window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "帮助(&H)"
    entries = [a.text() for a in window.menuBar().actions()[-1].menu().actions() if not a.isSeparator()]
    assert entries == ["用户手册(&U)", "本页帮助(&S)", "关于(&A)…"]
    assert not window.windowIcon().isNull()


def _ui_strings(lang: str) -> set[str]:
    """Every text the app shows, as the manual would name it: the English sources or their
    Chinese, without the accelerator ('(&F)', '&') and the closing '…'."""
    import xml.etree.ElementTree as ET

    from resources import TRANSLATIONS

    out = set()
    for message in ET.parse(TRANSLATIONS / "outreach_zh_CN.ts").iter("message"):
        node = message.find("source" if lang == "en" else "translation")
        if node is not None and node.text:
            out.add(_as_named(node.text))
    return out


def _as_named(text: str) -> str:
    return re.sub(r"\(&.\)|&", "", text).strip().removesuffix("…").strip()


def test_the_menus_and_buttons_the_manual_names_are_the_apps() -> None:
    """A menu path ('文件 ▸ 导出计划文件'), a button ('变更历史…') or a row of them ('Add / Edit /
    Delete') in bold is named as the app names it (the manual said 修改记录… for a button the app
    calls 变更历史…). Only that each name is some text of the app is checked, not where it stands."""
    checked = 0
    for path in _pages():
        lang = path.name.split(".")[1]
        known = _ui_strings(lang)
        for span in re.findall(r"\*\*(.+?)\*\*", FENCE.sub("", path.read_text(encoding="utf-8"))):
            if "▸" not in span and " / " not in span and not span.rstrip().endswith("…"):
                continue
            for part in re.split(r"\s*▸\s*", span):
                for name in part.split(" / "):
                    assert _as_named(name) in known, f"{path.name}: **{span}**: {name!r} is not in the app"
                    checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_manual_names_the_solver_rules_as_settings_shows_them(lang: str) -> None:
    """The rules and their order on the auto-assign page are the Settings dialog's own lines, in its
    order (scheduler.solver.proposal.STAGES), then its preferences; the organizer is 牵头支部 as the activity
    form calls it (the manual said 组织支部)."""
    from scheduler.solver.proposal import PREFERENCES
    from ui.assign.autoassign import PREFERENCE_NAMES, RULE_ORDER

    t = translator("zh_CN" if lang == "zh" else "en")
    text = (MANUAL / f"auto-assign.{lang}.md").read_text(encoding="utf-8")
    section = text.split("{#rules}", 1)[1].split("\n## ", 1)[0]
    said = [
        " ".join(line.split())
        for line in re.findall(r"^\d+\. (.+?)(?=^\d+\. |^\s*- |\Z)", section, re.M | re.S)
    ]
    wanted = [t(rule) for rule in RULE_ORDER]
    assert [re.sub(r"[；;]$", "", s) for s in said[: len(wanted)]] == wanted
    preferences = re.findall(r"^\s+- (.+?)$", section, re.M)
    assert preferences == [t(PREFERENCE_NAMES[p]) for p in PREFERENCES]
    if lang == "zh":
        for path in MANUAL.glob("*.zh.md"):
            assert "组织支部" not in path.read_text(encoding="utf-8"), path.name
    else:
        for path in MANUAL.glob("*.en.md"):  # the app's spelling: Organizer, organizing branch
            assert not re.search(r"organis(er|ing)", path.read_text(encoding="utf-8")), path.name
