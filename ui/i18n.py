"""Translation: English source strings, Chinese by default through Qt's translator.

Every user-facing string is written as `tr("...")` (translated now), `trf("... %1 ...", value)`
(translated, then filled) or `N_("...")` (marked for translation, translated where it is shown);
tools/translations.py collects all three."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from db.language import app_language
from db.paths import save_preference
from reports.text import fill
from resources import TRANSLATIONS

CONTEXT = "app"
LANGUAGES = {"zh_CN": "中文", "en": "English"}

_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def trf(text: str, *args: object) -> str:
    """`tr(text)` with %1, %2 … filled by `args` (in one pass, so a value holding "%2" stays
    as it is). The English text is the msgid, so the translation keeps its own word order."""
    return fill(tr(text), *args)


def N_(text: str) -> str:
    """Marks a string for translation without translating it yet."""
    return text


def current_language() -> str:
    """The language chosen in Settings (kept beside the database, where the command line reads
    it too; an older version kept it in Qt's settings), else the system's, else Chinese: the
    command line's rule, db/language.py."""
    return app_language(legacy=QSettings().value("language"))


def set_language_setting(lang: str) -> None:
    save_preference("language", lang)


def install_language(lang: str) -> bool:
    """Load the translator for `lang` (English needs none). Returns False if it is missing."""
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"outreach_{lang}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    qt_base = QTranslator(app)
    from PySide6.QtCore import QLibraryInfo

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return True
