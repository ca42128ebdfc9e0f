"""Entry point: no sub-command starts the GUI; `--version` prints the version; otherwise run the
command line."""

from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()
# The bundle's smoke test (docs/bundle.md): the GUI quits once its first window is drawn, saying when.
SMOKE = "OUTREACH_SCHEDULER_SMOKE"


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
    if argv in (["--version"], ["-V"]):
        from scheduler.version import VERSION

        print(f"outreach-scheduler {VERSION}")
        return 0
    gui, db = _gui_db(argv)
    if not gui:
        from cli.commands import run

        return run(argv)
    from ui.window.app import run_gui

    if os.environ.get(SMOKE):
        _quit_after_first_window()
    if argv[:1] == ["--field"]:
        return run_gui(field=argv[1])  # a laptop working on a field package
    return run_gui(db)


def _quit_after_first_window() -> None:
    from PySide6.QtWidgets import QApplication

    import ui.window.app

    class FirstWindow(ui.window.app.MainWindow):  # type: ignore[misc,valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.drawn.connect(self._smoke_done)

        def _smoke_done(self) -> None:
            drawn = time.perf_counter() - STARTED
            print(f"first window drawn {drawn:.2f} s after start: {self.windowTitle()}", flush=True)
            # The first conflict check runs beside the window: wait for it, so that no thread is
            # left running into the interpreter's exit.
            self.watch.wait(60_000)
            print(f"first check done {time.perf_counter() - STARTED:.2f} s after start", flush=True)
            QApplication.quit()

    ui.window.app.MainWindow = FirstWindow  # type: ignore[misc]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
