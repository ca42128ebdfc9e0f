"""Running an edit a user asked for: a refusal from the database becomes a message that says
why (what still refers to a record, which fields are wrong), never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from db.operations import OperationError, StillReferenced
from db.store import NetworkDatabase, ReadOnlyDatabase, StoreError
from scheduler.exchange.planfile.problems import PlanError
from scheduler.plan.wording import say
from ui.i18n import tr, trf
from ui.labels import SECTION_NAMES, label


def attempt(parent: QWidget | None, action: Callable[[], Any]) -> bool:
    """Run `action` (an edit through the session); False when it was refused and nothing was
    written, after telling the user why."""
    try:
        action()
    except StillReferenced as exc:
        show_referrers(parent, exc)
        return False
    except PlanError as exc:
        lines = "\n".join(f"• {p}" for p in exc.problems[:25])
        QMessageBox.warning(parent, tr("Not saved"), trf("The change was not saved: %1", lines))
        return False
    except (OperationError, StoreError) as exc:
        QMessageBox.warning(parent, tr("Not saved"), trf("The change was not saved: %1", describe_error(exc)))
        return False
    return True


def show_referrers(parent: QWidget | None, exc: StillReferenced) -> None:
    lines = []
    for r in exc.referrers[:25]:
        kind = label(SECTION_NAMES, r.section)
        lines.append(f"• {kind}: {r.label}")
    if len(exc.referrers) > 25:
        lines.append(trf("… and %1 more", len(exc.referrers) - 25))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Cannot delete"))
    box.setText(
        trf(
            "%1 is still referred to by %2 record(s). Change or delete those first:",
            f"“{exc.name}”",
            len(exc.referrers),
        )
    )
    box.setInformativeText("\n".join(lines))
    box.exec()


def describe_error(exc: BaseException) -> str:
    """A user-facing sentence for an error a job raised (never a traceback)."""
    if isinstance(exc, PlanError):
        return trf("The file has %1 problem(s); nothing was imported.", len(exc.problems))
    if isinstance(exc, NetworkDatabase):
        return trf(
            "The database %1 is on a network drive (%2). It is not opened for changes there: "
            "SQLite's locking does not work between computers and the file can be damaged. Keep the "
            "database on the disk of the one computer that owns it (copy it there and open the copy); "
            "sharing a plan between computers is the office server's job, not a shared folder's.",
            exc.path,
            exc.kind,
        )
    if isinstance(exc, ReadOnlyDatabase):
        return trf(
            "The database %1 cannot be changed: its disk or folder is read-only. Copy it to a folder "
            "you can write to and open the copy.",
            exc.path,
        )
    if isinstance(exc, (StoreError, OperationError)):
        return say(exc, tr)  # in the user's language (the server's refusals too)
    if isinstance(exc, OSError):
        return str(exc)
    return trf("Unexpected error: %1", f"{type(exc).__name__}: {exc}")
