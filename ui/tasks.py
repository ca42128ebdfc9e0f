"""Long work off the GUI thread: a QRunnable per job, a progress dialog with a working Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .i18n import tr

# A job gets a progress(done, total) -> bool callback; False means the user cancelled.
Job = Callable[[Callable[[int, int], bool]], Any]


class Cancelled(Exception):
    """Raised inside a job when its progress callback was told to stop."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, job: Job, cancel: threading.Event):
        super().__init__()
        self.job = job
        self.cancel = cancel
        self.signals = _Signals()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancel.is_set()

    def run(self) -> None:
        try:
            result = self.job(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_task(
    parent: QWidget | None,
    label: str,
    job: Job,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> QProgressDialog:
    """Start `job` on the thread pool with a modal progress dialog; results come back here."""
    cancel = threading.Event()
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(tr("Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    runnable = _Runnable(job, cancel)
    dialog.canceled.connect(cancel.set)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        on_failed(exc)

    runnable.signals.progress.connect(progress)
    runnable.signals.done.connect(finished)
    runnable.signals.failed.connect(failed)
    dialog._runnable = runnable  # keeps the signals object alive as long as the dialog
    QThreadPool.globalInstance().start(runnable)
    return dialog


def run_quietly(
    pool: QThreadPool,
    job: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> QObject:
    """Start `job` on `pool` with no dialog (work the window goes on beside, e.g. the conflict
    check); its result or error comes back on the GUI thread. Returns the signals object: keep
    it while the job runs."""
    runnable = _Runnable(lambda _progress: job(), threading.Event())
    runnable.setAutoDelete(False)
    signals = runnable.signals
    signals.done.connect(on_done)
    signals.failed.connect(on_failed)
    signals._runnable = runnable  # type: ignore[attr-defined]  # alive as long as its signals
    pool.start(runnable)
    return signals
