"""Long work off the GUI thread: a job on a thread pool, its result brought back to the GUI thread,
a progress dialog with a working Cancel, and every job stopped and waited for before quitting.

How objects live (the cause of a crash and of a hang on quit, both fixed here):
- No Qt object belongs to a job. Results come back through one object made on the GUI thread
  that lives as long as the application (`_Main`, the way Anki's task manager does it): a worker
  appends a closure under a lock and emits that object's signal, queued to the GUI thread. A
  per-job signals QObject held by a QRunnable was freed on the pool thread when Qt deleted the
  runnable, or by the garbage collector (a reference cycle) running on whichever thread
  allocated next, e.g. the next check's worker: a QObject of the GUI thread deleted under it
  (signal 11, now and then).
- The pool is given a plain function (QThreadPool.start(callable)): no Python QRunnable whose
  C++ side Qt deletes while Python still holds it.
- A job is told to stop by a flag its progress callback reads (False: stop). When its owner (a
  window, a page) is destroyed its result is dropped; on QCoreApplication.aboutToQuit (and at
  interpreter exit, for scripts that never run the event loop) every job is told to stop and
  waited for, so no pool thread runs Python into the interpreter's exit (that hung the process
  with "Error calling Python override of QRunnable::run()")."""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.i18n import tr

# A job gets a progress(done, total) -> bool callback; False means it is to stop (the user
# cancelled, its window closed, the application is quitting).
Job = Callable[[Callable[[int, int], bool]], Any]

QUIT_WAIT_MS = 10_000  # how long quitting waits for the jobs told to stop


class Cancelled(Exception):
    """Raised inside a job when its progress callback was told to stop."""


class Handle:
    """One job started (no Qt object: it may be let go on any thread). `stop()` asks the job to
    stop; `abandon()` also drops whatever it would still hand back."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self.finished = threading.Event()  # set by the worker once it is done with the job
        self.abandoned = False

    def stop(self) -> None:
        self.cancel.set()

    def abandon(self) -> None:
        self.abandoned = True
        self.cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the worker to be done with the job (the GIL is let go meanwhile); the
        result, if any, is then queued to the GUI thread (see `deliver`)."""
        return self.finished.wait(None if msecs < 0 else msecs / 1000)


class _Main(QObject):
    """Runs closures handed over by workers on the GUI thread (made there, lives as long as the
    application: never deleted while a worker may emit)."""

    pending = Signal()

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.lock = threading.Lock()
        self.closures: list[Callable[[], None]] = []
        self.jobs: set[Handle] = set()
        self.pools: list[QThreadPool] = [QThreadPool.globalInstance()]
        self.closing = False
        self.pending.connect(self.run_pending, Qt.ConnectionType.QueuedConnection)
        app.aboutToQuit.connect(shutdown)

    def post(self, handle: Handle, closure: Callable[[], None]) -> None:
        """From a worker: run `closure` on the GUI thread, unless the job was abandoned."""
        with self.lock:
            if self.closing or handle.abandoned or not shiboken6.isValid(self):  # the app is gone
                return
            self.closures.append(closure)
            self.pending.emit()  # under the lock: shutdown cannot let go of this object meanwhile

    def run_pending(self) -> None:
        with self.lock:
            closures, self.closures = self.closures, []
        for closure in closures:
            closure()


_main: _Main | None = None


def _bridge() -> _Main:
    global _main
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication first"
    if _main is None or _main.closing or _main.parent() is not app:  # quit before, or a new app
        _main = _Main(app)
    return _main


def deliver() -> None:
    """Run, now, what finished jobs handed back to the GUI thread (tests, benchmarks, waits)."""
    if _main is not None:
        _main.run_pending()


def start(
    job: Job,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Handle:
    """Run `job(progress)` on `pool` (the global pool by default); `on_done(result)`,
    `on_failed(exc)` and `on_progress(done, total)` are called on the GUI thread. Nothing comes
    back once the job is abandoned: when `owner` is destroyed, or the application quits. A job
    told to stop that ends in an error hands that error (e.g. Cancelled) to `on_failed`."""
    main = _bridge()
    handle = Handle()
    if owner is not None:
        owner.destroyed.connect(handle.abandon)

    def live(call: Callable[..., None], *args: Any) -> Callable[[], None]:
        def closure() -> None:
            if not handle.abandoned:
                call(*args)

        return closure

    def progress(done: int, total: int) -> bool:
        if on_progress is not None and not handle.cancel.is_set():
            main.post(handle, live(on_progress, done, total))
        return not handle.cancel.is_set()

    def work() -> None:
        try:
            try:
                result = job(progress)
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                main.post(handle, live(on_failed, exc))
            else:
                main.post(handle, live(on_done, result))
        finally:
            with main.lock:
                main.jobs.discard(handle)
            handle.finished.set()

    pool = pool or QThreadPool.globalInstance()
    with main.lock:
        main.jobs.add(handle)
        if pool not in main.pools:
            main.pools.append(pool)
    pool.start(work)
    return handle


def shutdown(msecs: int = QUIT_WAIT_MS) -> bool:
    """Tell every job to stop, drop what they would hand back, and wait for them (quitting).
    True when none is left running."""
    main = _main
    if main is None:
        return True
    with main.lock:
        main.closing = True
        jobs = list(main.jobs)
        main.closures.clear()
    for handle in jobs:
        handle.abandon()
    until = None if msecs < 0 else time.monotonic() + msecs / 1000
    left = all(h.finished.wait(None if until is None else max(0.0, until - time.monotonic())) for h in jobs)
    # Then the threads themselves, past the last of their Python (the GIL is let go meanwhile).
    for pool in main.pools:
        left = (
            pool.waitForDone(-1 if until is None else max(0, int((until - time.monotonic()) * 1000))) and left
        )
    return left


atexit.register(shutdown)  # scripts and tests that never run the event loop


def run_task(
    parent: QWidget | None,
    label: str,
    job: Job,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> QProgressDialog:
    """Start `job` on the thread pool with a modal progress dialog; results come back here."""
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(tr("Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        on_failed(exc)

    handle = start(job, finished, failed, progress, owner=dialog)
    dialog.canceled.connect(handle.stop)
    dialog.task = handle  # type: ignore[attr-defined]  # no Qt object: safe to keep anywhere
    return dialog


def run_quietly(
    pool: QThreadPool | None,
    job: Job,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    owner: QObject | None = None,
) -> Handle:
    """Start `job(progress)` with no dialog (work the window goes on beside, e.g. the conflict
    check); its result or error comes back on the GUI thread, unless `owner` is gone."""
    return start(job, on_done, on_failed, owner=owner, pool=pool)
