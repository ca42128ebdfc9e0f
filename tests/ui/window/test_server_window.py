"""The GUI on the office server: File ▸ Connect to office server… (refuses what is not a server
or cannot be reached, in the dialog; accepts a server that answers, remembering only the shown
connection string), and a recorder's window offering only what a recorder may do."""

from __future__ import annotations

import os
from pathlib import Path

from db.operations import import_document
from db.store import Store
from tests.helpers import sample_text
from ui.session import Session
from ui.window.mainwindow import MainWindow
from ui.window.server_dialog import ServerDialog

SHOTS = os.environ.get("OUTREACH_SHOTS")  # a folder to keep the screenshots in (looked at by people)


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_connect_dialog(qtbot, pg_url: str) -> None:
    dialog = ServerDialog(None)
    qtbot.addWidget(dialog)
    dialog.address.setText("/home/someone/plan.sqlite3")
    dialog.accept()
    assert dialog.result() == 0 and "postgresql://" in dialog.message.text()
    dialog.address.setText("postgresql://nobody@/nothing?host=/nonexistent-folder&port=1")
    dialog.accept()
    assert dialog.result() == 0 and dialog.message.text()
    dialog.resize(640, 300)
    dialog.show()
    _shot(dialog, "server-connect-refused.png")
    dialog.address.setText(pg_url)
    dialog.password.setText("secret")
    dialog.accept()
    assert dialog.result() == 1 and dialog.url == pg_url.replace("postgres@", "postgres@", 1)


def test_recorder_window_offers_only_what_a_recorder_may(qtbot, pg_url: str) -> None:
    from cli.commands import run

    with Store(pg_url) as s:
        import_document(s, sample_text())
    assert run(["server", "init", "--db", pg_url]) == 0
    assert (
        run(
            [
                "server",
                "user",
                "add",
                "rec_w",
                "--role",
                "recorder",
                "--branch",
                "b-ortho",
                "--no-password",
                "--db",
                pg_url,
            ]
        )
        == 0
    )
    url = pg_url.replace("postgresql://postgres@", "postgresql://rec_w@", 1)
    window = MainWindow(Session(url))
    qtbot.addWidget(window)
    window.resize(1400, 820)
    window.show()
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.isVisible()]
    assert not any("导入计划文件" in t or "Import plan file" in t for t in texts)
    assert any("导出计划文件" in t or "Export plan file" in t for t in texts)
    assert "记录员" in window.db_label.text() and "rec_w" in window.db_label.text()
    calendar = window.pages.get("calendar_view") or window.current_page()
    assert calendar.new_button.isHidden() and calendar.auto_button.isHidden()
    assert not calendar.record_button.isHidden()
    window.show_section("staff")
    assert window.current_page().read_only
    window.show_section("calendar_view")
    assert window.conflicts_panel.ack_button.isHidden()
    window.show_section("requests_view")
    assert all(b.isHidden() for b in window.current_page().buttons.values())
    window.show_section("calendar_view")
    settings = [a.text() for a in window.menuBar().actions()[3].menu().actions() if a.isVisible()]
    assert not any("医院" in t or "Hospital" in t for t in settings), settings
    assert not any("备份" in t or "Backups" in t for t in settings), settings
    _shot(window, "server-recorder-window.png")
    window.session.close()


def test_connect_dialog_asks_the_password(qtbot, pg_url: str, monkeypatch) -> None:
    from cli.commands import run
    from tests.pg import PASSWORD_LOGIN

    monkeypatch.setenv("OUTREACH_NEW_PASSWORD", "s3cret")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert run(["server", "init", "--db", pg_url]) == 0
    assert run(["server", "user", "add", PASSWORD_LOGIN, "--role", "planner", "--db", pg_url]) == 0
    url = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}@", 1)
    dialog = ServerDialog(None, url)
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong")
    dialog.accept()
    assert (
        dialog.result() == 0 and "密码" in dialog.message.text() and PASSWORD_LOGIN in dialog.message.text()
    )
    dialog.password.setText("s3cret")
    dialog.accept()
    assert dialog.result() == 1
    session = Session(dialog.url)  # what File ▸ Connect opens: the password from the dialog
    try:
        assert session.store.role == "planner" and "s3cret" not in str(session.path)
    finally:
        session.close()
    dialog.resize(640, 300)
    dialog.message.setText("")
    dialog.show()
    _shot(dialog, "server-connect.png")


def test_a_server_opened_is_listed_among_recent_databases_without_password(
    qtbot, pg_url: str, monkeypatch
) -> None:
    from cli.commands import run
    from db.pg import remember_password
    from tests.pg import PASSWORD_LOGIN
    from ui.exchange.file_actions import recent_databases
    from ui.window.app import Controller

    monkeypatch.setenv("OUTREACH_NEW_PASSWORD", "s3cret")
    with Store(pg_url) as s:
        import_document(s, sample_text())
    assert run(["server", "init", "--db", pg_url]) == 0
    assert (
        run(
            [
                "server",
                "user",
                "add",
                PASSWORD_LOGIN,
                "--role",
                "recorder",
                "--branch",
                "b-ortho",
                "--db",
                pg_url,
            ]
        )
        == 0
    )
    url = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}:s3cret@", 1)
    remember_password(url, "s3cret")
    controller = Controller()
    assert controller.open(url, first_start=False)
    try:
        assert recent_databases()[0] == url.replace(":s3cret@", "@")
        assert "s3cret" not in " ".join(recent_databases())
        assert controller.window is not None and "记录员" in controller.window.db_label.text()
    finally:
        assert controller.session is not None
        controller.session.close()
        if controller.window is not None:
            controller.window.close()


def test_a_planner_imports_a_plan_file_in_the_window(qtbot, pg_url: str, tmp_path: Path, monkeypatch) -> None:
    """The window's background job opens a connection of its own with the typed password."""
    from cli.commands import run
    from db.pg import remember_password
    from tests.pg import PASSWORD_LOGIN

    monkeypatch.setenv("OUTREACH_NEW_PASSWORD", "s3cret")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert run(["server", "init", "--db", pg_url]) == 0
    assert run(["server", "user", "add", PASSWORD_LOGIN, "--role", "planner", "--db", pg_url]) == 0
    url = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}@", 1)
    remember_password(url, "s3cret")
    plan = tmp_path / "plan.json"
    plan.write_text(sample_text(), encoding="utf-8")
    window = MainWindow(Session(url))
    qtbot.addWidget(window)
    window.show_section("staff")
    window.files.import_plan_file(str(plan))
    qtbot.waitUntil(lambda: window.current_page().proxy.rowCount() == 3, timeout=15_000)
    with Store(pg_url) as s:
        assert s.conn.execute("SELECT DISTINCT by FROM audit").fetchall() == [(PASSWORD_LOGIN,)]
    window.session.close()


def test_a_password_typed_into_the_connection_string(qtbot, pg_url: str, monkeypatch) -> None:
    """A password with @ ? / and quotes typed into the string itself: it connects, the string
    kept and listed has no password, and a wrong one is not quoted in the dialog's message."""
    from urllib.parse import quote

    from cli.commands import run
    from db.pg import forget_password
    from tests.pg import PASSWORD_LOGIN

    secret = "p@ss/w?rd'\"#1"
    monkeypatch.setenv("OUTREACH_NEW_PASSWORD", secret)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert run(["server", "init", "--db", pg_url]) == 0
    assert run(["server", "user", "add", PASSWORD_LOGIN, "--role", "planner", "--db", pg_url]) == 0
    bare = pg_url.replace("postgresql://postgres@", f"postgresql://{PASSWORD_LOGIN}@", 1)
    dialog = ServerDialog(None)
    qtbot.addWidget(dialog)
    for typed in (
        f"{PASSWORD_LOGIN}:wr@ng?secret",
        f"{PASSWORD_LOGIN}:{secret}",
        f"{PASSWORD_LOGIN}:{quote(secret, safe='')}",
    ):
        forget_password(bare)
        dialog.password.setText("")
        dialog.address.setText(pg_url.replace("postgres@", typed + "@", 1))
        dialog.accept()
        if "wr@ng" in typed:
            assert dialog.result() == 0 and dialog.message.text()
            assert "wr@ng" not in dialog.message.text() and "secret" not in dialog.message.text()
            assert "wr@ng" not in dialog.address.text()
            dialog.resize(640, 300)
            dialog.show()
            _shot(dialog, "server-connect-password-in-string.png")
            continue
        assert dialog.result() == 1 and dialog.url == bare and dialog.address.text() == bare
        session = Session(dialog.url)
        try:
            assert session.store.role == "planner" and "p@ss" not in str(session.path)
        finally:
            session.close()
