"""GUI fixtures: a QApplication set up as the app sets it up, settings kept in a temp folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(scope="session")
def qapp_args():
    return ["outreach-tests"]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, qapp, monkeypatch):
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("OUTREACH_SETTINGS_DIR", str(folder))  # db/paths.settings_dir
    from ui.window.app import make_app

    make_app()  # Qt's settings into that folder too
    from db.paths import preferences_path

    preferences_path().unlink(missing_ok=True)  # a test that switched language leaves none behind
    QSettings().setValue("language", "zh_CN")
    from ui.i18n import install_language

    install_language("zh_CN")
    yield
    QSettings().clear()
