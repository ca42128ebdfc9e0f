"""The Help menu: the user manual (docs/manual, Markdown, Chinese and English side by side), F1 for
the screen in front of the user, and About (versions, the database, the licences of what ships)."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QIcon, QImage, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from resources import FONT_FILE
from resources import ROOT as RESOURCES
from scheduler.version import VERSION
from ui.i18n import current_language, tr, trf
from ui.widgets import add_action

if TYPE_CHECKING:
    from collections.abc import Callable

# The manual sits beside resources/ in the source tree and in the bundle alike.
MANUAL = RESOURCES.parent / "docs" / "manual"
ICON_FILE = RESOURCES / "icons" / "outreach-scheduler.png"
CONTENTS = "index"

# The manual's section for each screen of the main window (ui/pages.PAGES), as "file#id": F1 opens
# it. Declared here once; tests/ui/window/test_help.py holds it complete and every target present.
PAGE_HELP: dict[str, str] = {
    "calendar_view": "calendar",
    "requests_view": "requests",
    "staff": "master-data#staff",
    "time_bank": "statistics#time-bank",
    "departments": "master-data#departments",
    "branches": "master-data#branches",
    "campuses": "master-data#campuses",
    "calendar": "master-data#working-days",
    "partners": "master-data#partners",
    "pairings": "master-data#pairings",
    "services": "master-data#services",
    "stats": "statistics",
    "review": "statistics#review",
    "forecast": "statistics#forecast",
}

CONFLICTS_HELP = "conflicts#panel"  # F1 in the conflicts panel

# What the app ships, with the licence it is shipped under (Help ▸ About; tests/test_bundle.py holds
# it equal to what requirements.txt installs and what those packages pull in).
LIBRARIES: tuple[tuple[str, str], ...] = (
    ("PySide6-Essentials", "LGPL-3.0-only"),
    ("PySide6-Addons", "LGPL-3.0-only"),
    ("shiboken6", "LGPL-3.0-only"),
    ("ortools", "Apache-2.0"),
    ("absl-py", "Apache-2.0"),
    ("immutabledict", "MIT"),
    ("numpy", "BSD-3-Clause (and 0BSD, MIT, Zlib, CC0-1.0 parts)"),
    ("pandas", "BSD-3-Clause"),
    ("protobuf", "BSD-3-Clause"),
    ("sqlite-utils", "Apache-2.0"),
    ("sqlite-fts4", "Apache-2.0"),
    ("click", "BSD-3-Clause"),
    ("click-default-group", "BSD-3-Clause"),
    ("pluggy", "MIT"),
    ("tabulate", "MIT"),
    ("python-dateutil", "Apache-2.0 / BSD-3-Clause"),
    ("six", "MIT"),
    ("reportlab", "BSD-3-Clause"),
    ("pypdfium2", "Apache-2.0 / BSD-3-Clause (PDFium: BSD-3-Clause)"),
    ("pillow", "MIT-CMU"),
    ("platformdirs", "MIT"),
    ("chinese-calendar", "MIT"),
    ("openpyxl", "MIT"),
    ("et-xmlfile", "MIT"),
    ("icalendar", "BSD-2-Clause"),
    ("tzdata", "Apache-2.0"),
    ("typing-extensions", "PSF-2.0"),
    ("charset-normalizer", "MIT"),
    ("psycopg", "LGPL-3.0-only"),  # the office server's client
    ("psycopg-binary", "LGPL-3.0-only (its libpq: PostgreSQL Licence)"),
)
FONT_LICENCE = "Apache-2.0 or GPL-3.0-or-later with font exception"

_HEADING = re.compile(r"^(#{1,6}[ \t]+.*?)[ \t]*\{#([A-Za-z0-9_-]+)\}[ \t]*$", re.M)
_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)


def manual_language(lang: str | None = None) -> str:
    """The manual's language for the UI's: Chinese unless the UI is English."""
    return "en" if (lang or current_language()) == "en" else "zh"


def manual_file(section: str, lang: str | None = None) -> Path:
    return MANUAL / f"{section}.{manual_language(lang)}.md"


def manual_url(target: str, lang: str | None = None) -> QUrl:
    """`section` or `section#id` as a URL of the manual file in the language wanted."""
    section, _, anchor = target.partition("#")
    url = QUrl.fromLocalFile(str(manual_file(section, lang)))
    if anchor:
        url.setFragment(anchor)
    return url


def heading_ids(markdown: str) -> dict[str, str]:
    """The ids given to headings with `{#id}` (outside code blocks): id -> heading text."""
    text = _FENCE.sub("", markdown)
    return {m.group(2): m.group(1).lstrip("#").strip() for m in _HEADING.finditer(text)}


def strip_ids(markdown: str) -> str:
    return _HEADING.sub(lambda m: m.group(1), markdown)


class ManualBrowser(QTextBrowser):
    """Shows the manual's Markdown files: links between them are followed, and a heading written
    `## Title {#id}` is the target of `file.md#id` (Qt's Markdown has no heading anchors of its
    own, so the ids are taken out of the text and set as anchors on the headings)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("manual_browser")
        self.setOpenExternalLinks(True)
        self._ids: dict[str, str] = {}

    def loadResource(self, kind: int, url: QUrl) -> Any:
        if url.isLocalFile() and url.toLocalFile().endswith(".md"):
            try:
                text = Path(url.toLocalFile()).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                return trf("This page of the manual cannot be read: %1", exc)
            self._ids = heading_ids(text)
            return strip_ids(text)
        if kind == QTextDocument.ResourceType.ImageResource and url.isLocalFile():
            image = QImage(url.toLocalFile())
            room = self.viewport().width() - 2 * int(self.document().documentMargin()) - 24
            if not image.isNull() and image.width() > room > 200:  # a picture never wider than the page
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            return image
        return super().loadResource(kind, url)

    def doSetSource(
        self, url: QUrl, kind: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource
    ) -> None:
        super().doSetSource(url, kind)
        self._set_anchors()
        if url.fragment():
            # Room after the page's end, so that a section near the end (F1 on the time bank, the
            # holidays page…) still comes to the top of the window rather than somewhere below it.
            frame = self.document().rootFrame()
            room = frame.frameFormat()
            room.setBottomMargin(max(self.viewport().height() - 40, 0))
            frame.setFrameFormat(room)
            self.scrollToAnchor(url.fragment())

    def _set_anchors(self) -> None:
        wanted = {text: anchor for anchor, text in self._ids.items()}
        doc = self.document()
        block = doc.begin()
        while block.isValid():
            anchor = wanted.get(block.text().strip()) if block.blockFormat().headingLevel() else None
            if anchor is not None:
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setAnchor(True)
                fmt.setAnchorNames([anchor])
                cursor.mergeCharFormat(fmt)
            block = block.next()

    def anchors(self) -> list[str]:
        """The heading ids of the page shown (for tests)."""
        out: list[str] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                out += it.fragment().charFormat().anchorNames()
                it += 1
            block = block.next()
        return out


class ManualWindow(QMainWindow):
    """The user manual in its own window: back, forward, contents."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("manual_window")
        self.setWindowTitle(tr("User manual"))
        self.resize(960, 760)
        self.browser = ManualBrowser(self)
        self.setCentralWidget(self.browser)
        bar = QToolBar(self)
        bar.setObjectName("manual_toolbar")
        bar.setMovable(False)
        back = bar.addAction(tr("Back"), self.browser.backward)
        back.setShortcut(QKeySequence.StandardKey.Back)
        forward = bar.addAction(tr("Forward"), self.browser.forward)
        forward.setShortcut(QKeySequence.StandardKey.Forward)
        bar.addAction(tr("Contents"), lambda: self.show_target(CONTENTS))
        self.browser.backwardAvailable.connect(back.setEnabled)
        self.browser.forwardAvailable.connect(forward.setEnabled)
        back.setEnabled(False)
        forward.setEnabled(False)
        self.addToolBar(bar)

    def show_target(self, target: str) -> None:
        """Open `section` or `section#id` in the UI's language and bring the window forward."""
        self.show()  # first: the page is laid out to the window's own size
        self.browser.setSource(manual_url(target))
        self.raise_()
        self.activateWindow()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def about_html(database: Path | None) -> str:
    """The About text: versions, the database, the licences of the font and the libraries."""
    import PySide6

    def esc(text: object) -> str:
        return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    rows = "".join(
        f"<tr><td>{esc(name)}</td><td>{esc(_version(name))}</td><td>{esc(licence)}</td></tr>"
        for name, licence in LIBRARIES
        if _version(name) != "?"  # listed, but not installed here: not shipped
    )
    bundle = getattr(sys, "frozen", False)
    licences = (
        tr("the folder “licenses” of the application and each library’s *.dist-info folder")
        if bundle
        else "packaging/licenses/"
    )
    return (
        f"<h2>{esc(tr('Community outreach scheduler'))} {esc(VERSION)}</h2>"
        "<table cellspacing='0' cellpadding='2'>"
        f"<tr><td>{esc(tr('Licence'))}</td><td>Apache-2.0</td></tr>"
        f"<tr><td>Python</td><td>{esc(sys.version.split()[0])}</td></tr>"
        f"<tr><td>Qt</td><td>{esc(qVersion())}</td></tr>"
        f"<tr><td>PySide6</td><td>{esc(PySide6.__version__)}</td></tr>"
        f"<tr><td>OR-Tools</td><td>{esc(_version('ortools'))}</td></tr>"
        f"<tr><td>{esc(tr('Database'))}</td><td>{esc(database or '—')}</td></tr>"
        "</table>"
        f"<h3>{esc(tr('Font'))}</h3>"
        f"<p>WenQuanYi Micro Hei (文泉驿微米黑), {esc(FONT_FILE.name)}: {esc(FONT_LICENCE)}.</p>"
        f"<h3>{esc(tr('Libraries'))}</h3>"
        "<table cellspacing='0' cellpadding='2'>"
        f"<tr><th align='left'>{esc(tr('Name'))}</th><th align='left'>{esc(tr('Version'))}</th>"
        f"<th align='left'>{esc(tr('Licence'))}</th></tr>{rows}</table>"
        f"<p>{esc(trf('Licence texts: %1', licences))}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, database: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(tr("About"))
        self.resize(620, 640)
        self.text = QTextBrowser(self)
        self.text.setObjectName("about_text")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(database))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def app_icon() -> QIcon:
    return QIcon(str(ICON_FILE))


class HelpActions(QObject):
    """The Help menu of one window: `screen` names the screen shown (a key of PAGE_HELP),
    `panel` is the conflicts panel (F1 in it opens its own section)."""

    def __init__(self, window: QWidget, database: Path, screen: Callable[[], str | None], panel: QWidget):
        super().__init__(window)
        self.window = window
        self.database, self.screen, self.panel = database, screen, panel
        self.manual: ManualWindow | None = None

    def build_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu(tr("&Help"))
        add_action(menu, tr("&User manual"), lambda: self.open_manual(CONTENTS), name="user_manual")
        add_action(menu, tr("Help on this &screen"), self.help_on_screen, "F1")
        menu.addSeparator()
        add_action(menu, tr("&About…"), self.about)
        return menu

    def open_manual(self, target: str) -> ManualWindow:
        if self.manual is None:
            self.manual = ManualWindow(self.window)
        self.manual.show_target(target)
        return self.manual

    def help_on_screen(self) -> ManualWindow:
        """F1: the section of the screen shown, or of the conflicts panel when the user is in it."""
        focus = QApplication.focusWidget()
        if focus is not None and self.panel.isAncestorOf(focus):
            return self.open_manual(CONFLICTS_HELP)
        return self.open_manual(PAGE_HELP.get(self.screen() or "", CONTENTS))

    def about(self) -> AboutDialog:
        dialog = AboutDialog(self.database, self.window)
        dialog.show()
        return dialog
