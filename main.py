"""Entry point: no sub-command starts the GUI; otherwise run the command line."""

from __future__ import annotations

import sys


def _gui_db(argv: list[str]) -> tuple[bool, str | None]:
    """Whether the arguments ask for the GUI, and which database it should open."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--field":
        return True, None
    if len(argv) == 2 and argv[0] == "--db":
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0][5:]
    return False, None


def main(argv: list[str]) -> int:
    gui, db = _gui_db(argv)
    if not gui:
        from cli.commands import run

        return run(argv)
    from ui.app import run_gui

    if argv[:1] == ["--field"]:
        return run_gui(field=argv[1])  # a laptop working on a field package
    return run_gui(db)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
