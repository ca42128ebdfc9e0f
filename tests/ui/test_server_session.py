"""Two computers on one office server: a change committed on another connection reaches this
window's session within 2 s through LISTEN/NOTIFY, as one `changed` signal (everything re-read)."""

from __future__ import annotations

import time
from dataclasses import replace

from db.operations import import_document, save
from db.planio import load_plan
from db.store import Store
from tests.helpers import sample_text
from ui.session import Session


def test_change_from_another_computer_arrives_within_two_seconds(qtbot, pg_url: str) -> None:
    with Store(pg_url) as other:
        import_document(other, sample_text())
    session = Session(pg_url)
    try:
        session._watch.stop()  # no polling: only the server's announcement may bring it
        seen: list[object] = []
        session.changed.connect(lambda changes, initiator: seen.append(changes))
        with Store(pg_url) as other:
            staff = next(iter(load_plan(other).staff.values()))
            t0 = time.perf_counter()
            save(other, "staff", [replace(staff, name="新名字")])
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
        assert time.perf_counter() - t0 < 2.0
        assert session.catalog.section("staff")[staff.id].name == "新名字"
    finally:
        session.close()


def test_a_refusal_of_the_server_is_said_in_the_users_language(qtbot, pg_url: str, monkeypatch) -> None:
    """A recorder renaming an activity: the window said the server's refusal in English
    (describe_error gave str(exc) for every StoreError); now one Chinese sentence, nothing saved."""
    from PySide6.QtWidgets import QMessageBox

    from db.pg import ServerGone
    from db.pg_server import add_login
    from ui.edits import attempt, describe_error
    from ui.i18n import install_language

    install_language("zh_CN")
    with Store(pg_url) as s:
        import_document(s, sample_text())
    from cli.commands import run

    assert run(["server", "init", "--db", pg_url]) == 0
    with Store(pg_url) as s:
        add_login(s, "rec_z", "recorder", ["b-ortho"], None)
    session = Session(pg_url.replace("postgresql://postgres@", "postgresql://rec_z@", 1))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    try:
        activity = next(iter(session.catalog.section("activities").values()))
        renamed = replace(activity, title="改名")
        assert not attempt(None, lambda: session.save("activities", renamed, activity, "rename"))
    finally:
        session.close()
    assert len(said) == 1 and "\n" not in said[0], said
    assert "服务器拒绝了 rec_z（记录员）" in said[0] and "不允许" in said[0], said[0]
    with Store(pg_url) as s:
        assert load_plan(s).activities[activity.id].title == activity.title
    gone = describe_error(ServerGone("server closed the connection unexpectedly"))
    assert gone.startswith("服务器没有响应") and "\n" not in gone


def test_the_server_gone_mid_edit_is_one_line_and_the_window_goes_on(qtbot, pg_url: str, monkeypatch) -> None:
    """The server stops answering while the window is open: a save says so in one line in the
    user's language, nothing is half-kept, the watch keeps quiet; once it answers, the same save
    goes through."""
    import psycopg
    from PySide6.QtWidgets import QMessageBox

    from ui.edits import attempt
    from ui.i18n import install_language

    install_language("zh_CN")
    with Store(pg_url) as s:
        import_document(s, sample_text())
    session = Session(pg_url)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    try:
        staff = next(iter(session.catalog.section("staff").values()))
        conn = session.store.conn
        url = conn.url
        with psycopg.connect(pg_url, autocommit=True) as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", (conn.raw.info.backend_pid,))
        conn.url = "postgresql://nobody@/nothing?host=/nonexistent-folder&port=1"  # and it does not come back
        assert not attempt(None, lambda: session.save("staff", replace(staff, name="断线"), staff, "rename"))
        assert len(said) == 1 and "\n" not in said[0] and "服务器没有响应" in said[0], said
        assert session.poll() is False  # the watch: quiet, no traceback
        conn.url = url  # the server answers again
        assert attempt(None, lambda: session.save("staff", replace(staff, name="恢复"), staff, "rename")), (
            said
        )
    finally:
        session.close()
    with Store(pg_url) as s:
        assert load_plan(s).staff[staff.id].name == "恢复"
