"""What each role of the office server may do in the window: ONE table, action → roles.

An action is a menu entry or a button of the main window, named by its object name. The
server enforces the roles (GRANTs and row-level security, docs/server.md); the window only
stops offering what the server would refuse. On SQLite (no role) everything is offered.
`apply` runs over the menus and over each screen when it is made: an action the table does not
name is offered to a planner only (so a new one is never offered by mistake), and
tests/ui/window/test_server_roles_gui.py fails until it is named here."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar, QPushButton, QWidget

PLANNER = frozenset({"planner"})
RECORDER = frozenset({"planner", "recorder"})  # records what was done, calls off (own branches)
EVERYONE = frozenset({"planner", "recorder", "viewer"})  # reads, prints, exports

ROLES: dict[str, frozenset[str]] = {
    # File
    "new_database": EVERYONE,
    "open_database": EVERYONE,
    "connect_server": EVERYONE,
    "recent_databases": EVERYONE,
    "import_plan_file": PLANNER,
    "export_plan_file": EVERYONE,
    "import_from_spreadsheet": PLANNER,
    "import_spreadsheet": PLANNER,
    "import_duty_roster": PLANNER,
    "import_requests": PLANNER,
    "open_field_package": EVERYONE,
    "export_field_package": PLANNER,
    "import_field_package": PLANNER,
    "show_field_conflicts": PLANNER,
    "back_up_now": EVERYONE,  # on the server it says backups are the server's
    "restore_backup": PLANNER,
    "quit": EVERYONE,
    # Edit, View
    "undo": EVERYONE,  # what this login did itself
    "redo": EVERYONE,
    "conflicts_panel": EVERYONE,
    # Settings (backups and user name are SQLite's only, whatever the role)
    "edit_hospital": PLANNER,
    "edit_response_times": PLANNER,
    "edit_solver_settings": PLANNER,
    "edit_shift_codes": PLANNER,
    "edit_notice_settings": PLANNER,
    "edit_backup_keep": EVERYONE,
    "edit_user_name": EVERYONE,
    "language": EVERYONE,
    # Help
    "user_manual": EVERYONE,
    "help_on_screen": EVERYONE,
    "about": EVERYONE,
    # Calendar (double-click and dragging follow edit_activity and record)
    "today": EVERYONE,
    "new_activity": PLANNER,
    "auto_assign": PLANNER,
    "patrol_plan": PLANNER,
    "print": EVERYONE,  # also the print buttons of the review, staff and branches screens
    "record": RECORDER,
    "call_off": RECORDER,
    "assign": PLANNER,
    "unassign": PLANNER,
    "auto_assign_one": PLANNER,
    "edit_activity": PLANNER,
    "rotation": PLANNER,
    "exclude": PLANNER,
    "delete_activity": PLANNER,
    "copy_notice": EVERYONE,
    "history": EVERYONE,  # also the tables'
    # Service requests
    "new": PLANNER,
    "accept": PLANNER,
    "decline": PLANNER,
    "schedule": PLANNER,
    # Tables (staff, departments, branches, campuses, partners, pairings, services, holidays);
    # double-click follows "edit"
    "add": PLANNER,
    "edit": PLANNER,
    "delete": PLANNER,
    "ics": EVERYONE,
    # Time bank, statistics, review, forecast
    "print_ledger": EVERYONE,
    "print_certificate": EVERYONE,
    "export_xlsx": EVERYONE,
    "copy_picture": EVERYONE,
    # Conflicts panel
    "acknowledge": PLANNER,
    "withdraw_acknowledgement": PLANNER,
}


def may(role: str | None, action: str) -> bool:
    """May a login of that role do that? No role (SQLite, a field package): everything."""
    if role is None:
        return True
    return role in ROLES.get(action, PLANNER)


def _offer(item: object, role: str | None, name: str) -> None:
    if not may(role, name):  # what is allowed keeps the state its screen gives it
        item.setVisible(False)  # type: ignore[attr-defined]
        item.setEnabled(False)  # type: ignore[attr-defined]  (and no shortcut)


def apply_menus(bar: QMenuBar | QMenu, role: str | None) -> None:
    """Each entry of the menus shown to the roles the table names; a named submenu is one
    entry (its name decides for all it holds), an unnamed one (File, Edit …) is looked into."""
    if role is None:
        return
    for act in bar.actions():
        if act.isSeparator():
            continue
        if act.menu() is not None and not act.objectName():
            apply_menus(act.menu(), role)
        else:
            _offer(act, role, act.objectName())


def apply_buttons(widget: QWidget, role: str | None) -> None:
    """Each push button of a screen or panel shown to the roles the table names (buttons of a
    dialog opened from it are that dialog's own)."""
    if role is None:
        return
    top = QWidget.window(widget)  # (a screen may have a `window` of its own: the calendar's dates)
    for button in widget.findChildren(QPushButton):
        if button.window() is top:
            _offer(button, role, button.objectName())
