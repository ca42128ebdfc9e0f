"""Print actions: make the PDF where the user stands, save it, open it in the system's viewer
(which prints to any printer). The in-app preview (QtPdf) is still to come."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reports.document import translator

from .i18n import current_language, tr

Maker = Callable[[str, Callable[[str], str], datetime], None]


def save_pdf(parent: QWidget, suggested: str, make: Maker, open_after: bool = True) -> Path | None:
    """Ask where to save, write the whole file or nothing, and open it."""
    start = str(Path.home() / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save as PDF"), start, tr("PDF files (*.pdf)"))
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        make(tmp, translator(current_language()), datetime.now())
        os.replace(tmp, target)
    except OSError as exc:
        QMessageBox.warning(
            parent, tr("Save as PDF"), tr("Cannot write %1: %2").replace("%1", path).replace("%2", str(exc))
        )
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)
    if open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target
