"""The window on the office server offers each role only what ui/window/roles.py lets it do: every menu
entry and every push button of every screen is named in that one table and shown or hidden by
it (the server refuses the rest anyway: tests/cli/test_server.py). No server needed: the role is
what the store reports, set here on an SQLite store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QPushButton

from tests.helpers import sample
from tests.ui.windows import main_window
from ui.window.mainwindow import MainWindow
from ui.window.pages import PAGES
from ui.window.roles import PLANNER, RECORDER, ROLES, may

SHOTS = os.environ.get("OUTREACH_SHOTS")


def _menu_entries(menu) -> list:
    """Each entry the table decides: a named submenu is one entry, an unnamed one is looked into."""
    found = []
    for act in menu.actions():
        if act.isSeparator():
            continue
        if act.menu() is not None and not act.objectName():
            found += _menu_entries(act.menu())
        else:
            found.append(act)
    return found


def _buttons(window: MainWindow) -> list[tuple[str, QPushButton]]:
    found = [("conflicts", b) for b in window.conflicts_panel.findChildren(QPushButton)]
    for name in PAGES:
        page = window.page(name)
        found += [(name, b) for b in page.findChildren(QPushButton) if b.window() is window]
    return found


def _hidden(widget) -> bool:
    return widget.isHidden()


@pytest.mark.parametrize("role", ["planner", "recorder", "viewer"])
def test_every_action_follows_the_table(qtbot, tmp_path: Path, role: str) -> None:
    window = main_window(qtbot, tmp_path / "plan.sqlite3", role=role)
    entries = _menu_entries(window.menuBar())
    assert len(entries) >= 25
    for act in entries:
        name = act.objectName()
        assert name in ROLES, f"menu entry {act.text()!r} is not in ui/window/roles.py (name {name!r})"
        assert act.isVisible() == may(role, name), (role, name)
        if not may(role, name):
            assert not act.isEnabled(), (role, name)  # no shortcut either
    buttons = _buttons(window)
    assert len(buttons) >= 40
    for page, button in buttons:
        name = button.objectName()
        assert name in ROLES, (
            f"button {button.text()!r} of {page} is not in ui/window/roles.py (name {name!r})"
        )
        if not may(role, name):
            assert _hidden(button) and not button.isEnabled(), (role, page, name)
    # What the role may do is offered (a planner's window as on SQLite).
    calendar = window.page("calendar_view")
    assert _hidden(calendar.record_button) == (role == "viewer")
    assert _hidden(calendar.cancel_button) == (role == "viewer")
    assert _hidden(calendar.new_button) == (role != "planner")
    assert calendar.field_mode == (role != "planner")  # no dragging; double-click records
    assert window.page("staff").read_only == (role != "planner")
    assert not _hidden(window.page("stats").export_button)
    assert not _hidden(window.page("time_bank").print_ledger)
    if SHOTS and role != "planner":
        window.show_section("calendar_view")
        qtbot.waitExposed(window)
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / f"server-{role}-window-roles.png"))
    window.session.close()


def test_the_table_names_the_roles_it_knows() -> None:
    assert set().union(*ROLES.values()) == {"planner", "recorder", "viewer"}
    assert all(may(None, name) for name in ROLES)  # SQLite: everything
    assert may("viewer", "not-declared") is False and may("planner", "not-declared")
    recorder_only = {n for n, r in ROLES.items() if r == RECORDER}
    assert recorder_only == {"record", "call_off"}
    assert ROLES["import_plan_file"] == PLANNER


def test_a_viewer_double_click_records_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = main_window(qtbot, tmp_path / "plan.sqlite3", role="viewer")
    calendar = window.page("calendar_view")
    calls = []
    monkeypatch.setattr(calendar.edits, "record_current", lambda: calls.append(1))
    window.show_section("calendar_view")
    calendar.set_view(2)  # the agenda
    shown = calendar.shown[0] if calendar.shown else None
    if shown is None:
        calendar.go_to(sample_first_day())
        shown = calendar.shown[0]
    calendar.edits.edit_occurrence(shown)
    assert calls == [] and calendar.current is not None
    window.session.close()


def sample_first_day():
    from datetime import datetime

    return min(datetime.fromisoformat(a["start"]).date() for a in sample()["activities"])


def test_a_menu_entry_not_in_the_table_is_a_planners(qtbot, tmp_path: Path) -> None:
    """The next action added and forgotten in the table is not offered to a recorder."""
    from ui.widgets import add_action
    from ui.window.roles import apply_menus

    menu = QMenu()
    act = add_action(menu, "Something new", lambda: None, name="something_new")
    apply_menus(menu, "recorder")
    assert not act.isVisible() and not act.isEnabled()


@pytest.mark.parametrize("role", ["recorder", "viewer"])
def test_the_delete_key_of_a_table_deletes_nothing(qtbot, tmp_path: Path, role: str, monkeypatch) -> None:
    """The keys and double-clicks of a table follow its buttons: nothing asked, nothing deleted."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    for shown in ("warning", "critical", "information"):  # a refusal would be shown: no modal wait
        monkeypatch.setattr(QMessageBox, shown, lambda *a, **k: asked.append(a))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)  # "Cannot delete"
    window = main_window(qtbot, tmp_path / "plan.sqlite3", role=role)
    window.show_section("staff")
    page = window.current_page()
    before = page.proxy.rowCount()
    page.view.selectRow(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    page.delete()
    assert asked == [] and page.proxy.rowCount() == before
    assert len(window.session.catalog.staff) == before
    window.session.close()
