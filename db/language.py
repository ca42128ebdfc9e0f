"""The language the app speaks: one rule for the window and the command line.

The language asked for (`--lang`), else the one chosen in Settings (kept beside the database,
where both read it), else the system's when it names one: English for an English locale
(`en_GB.UTF-8`, `English_United States`), Chinese otherwise. Where nothing says anything (no
locale, or `C` / `POSIX`) the app speaks Chinese, its default."""

from __future__ import annotations

import locale
import os

from db.paths import load_preferences

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def system_language() -> str | None:
    """The language the system's locale names (the first of LC_ALL, LC_MESSAGES, LANG that is
    set, as POSIX reads them; on Windows, else, the user's locale), or None when it names none
    (unset, C, POSIX)."""
    value = next((os.environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(n)), None)
    if value is None and os.name == "nt":  # on POSIX Python reads C.UTF-8 as en_US: not asked
        try:
            value = locale.getlocale()[0]
        except ValueError:
            value = None
    value = value or ""
    name = value.split(".")[0].strip().lower()
    if name in ("", "c", "posix"):
        return None
    if name.startswith("zh") or name.startswith("chinese"):
        return "zh_CN"
    if name.startswith("en"):
        return "en"
    return None


def app_language(chosen: str | None = None, legacy: object = None) -> str:
    """The language to speak: `chosen` (--lang), the Settings choice, `legacy` (where an older
    version kept the choice: Qt's settings), the system's, else Chinese."""
    for value in (chosen, load_preferences().get("language"), legacy, system_language()):
        if value in LANGUAGES:
            return str(value)
    return DEFAULT_LANGUAGE
