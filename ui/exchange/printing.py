"""Print actions: make the PDF where the user stands and show it in a preview inside the app
(QtPdf: pages, zoom), from which it is saved as a PDF or printed on a system printer."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.files import atomic_path, write_atomically
from reports.document import translator
from ui.i18n import current_language, tr, trf

Maker = Callable[[str, Callable[[str], str], datetime], None]

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
# Pages go to the printer as images of at most this resolution: sharp on paper, and an A4 page
# stays near 35 MB in memory even when the driver reports 1200 dpi.
PRINT_DPI = 300


def save_pdf(parent: QWidget, suggested: str, make: Maker) -> PreviewDialog | None:
    """Make the document and open it in the preview (kept name: every print action calls it)."""
    fd, tmp = tempfile.mkstemp(prefix="outreach-", suffix=".pdf")
    os.close(fd)
    try:
        make(tmp, translator(current_language()), datetime.now())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        QMessageBox.warning(parent, tr("Print"), trf("Cannot write %1: %2", tmp, exc))
        return None
    dialog = PreviewDialog(Path(tmp), suggested, parent)
    dialog.show()
    return dialog


def copy_atomically(source: Path, target: Path) -> None:
    """The whole file at `target`, or nothing (a temp file beside it, then rename)."""
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)


def print_document(document: QPdfDocument, printer: QPrinter, first: int = 1, last: int = 0) -> int:
    """Paint pages first..last (1-based; 0 = to the end) on the printer, each scaled into the
    printable area keeping its proportions. Returns the number of pages sent."""
    count = document.pageCount()
    last = count if last <= 0 else min(last, count)
    first = max(first, 1)
    if first > last:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for index in range(first - 1, last):
            if sent:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent


class PreviewDialog(QDialog):
    """The document as it will print: page by page, zoomable; save as PDF or print."""

    def __init__(self, path: Path, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(trf("Print preview – %1", suggested))
        self.path = path
        self.suggested = suggested
        self._build_view()
        self._build_page_tools()
        self._build_zoom_tools()
        self._build_output_buttons()
        self._lay_out()

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _z: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _m: self._show_zoom())
        # In a fit mode the zoom follows the page area's width, known only once it is laid out:
        # the label is worked out again whenever that area changes size.
        self._viewport = self.view.viewport()
        self._viewport.installEventFilter(self)
        self._page_changed(0)
        self.resize(900, 1000)
        self._show_zoom()

    def _build_view(self) -> None:
        """The document, all its pages one under the other, as wide as the window."""
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

    def _build_page_tools(self) -> None:
        """Previous and next page, and the page number to go to."""
        self.prev_button = self._tool("‹", tr("Previous page"), QKeySequence.StandardKey.MoveToPreviousPage)
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.page() - 1))
        self.page_box = QSpinBox()
        self.page_box.setRange(1, max(1, self.document.pageCount()))
        self.page_box.setToolTip(tr("Page"))
        self.page_box.editingFinished.connect(lambda: self.go_to_page(self.page_box.value()))
        self.count_label = QLabel(f"/ {self.document.pageCount()}")
        self.next_button = self._tool("›", tr("Next page"), QKeySequence.StandardKey.MoveToNextPage)
        self.next_button.clicked.connect(lambda: self.go_to_page(self.page() + 1))

    def _build_zoom_tools(self) -> None:
        """Zoom out and in, the zoom shown, fit the width or the whole page."""
        self.zoom_out_button = self._tool("−", tr("Zoom out"), QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool("+", tr("Zoom in"), QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.fit_width_button = QPushButton(tr("Fit width"))
        self.fit_width_button.clicked.connect(lambda: self.set_fit(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button = QPushButton(tr("Whole page"))
        self.fit_page_button.clicked.connect(lambda: self.set_fit(QPdfView.ZoomMode.FitInView))

    def _build_output_buttons(self) -> None:
        """Where the document goes: a picture, a PDF file, the printer; and Close."""
        self.save_button = QPushButton(tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        # Pictures for phones: the same PDF drawn by reports/picture.py, 1080 px wide, one long image.
        self.copy_picture_button = QPushButton(tr("Copy as picture"))
        self.copy_picture_button.clicked.connect(self.copy_picture)
        self.save_picture_button = QPushButton(tr("Save as picture…"))
        self.save_picture_button.clicked.connect(self.save_picture)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.close)

    def _lay_out(self) -> None:
        """One bar over the pages: paging, zooming, then (at the right) the outputs."""
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_box, self.count_label, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_width_button,
            self.fit_page_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (
            self.copy_picture_button,
            self.save_picture_button,
            self.save_button,
            self.print_button,
            self.close_button,
        ):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _tool(self, text: str, tip: str, key: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setShortcut(QKeySequence(key))
        return button

    # Pages ---------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def page(self) -> int:
        """The page shown, 1-based."""
        return self.view.pageNavigator().currentPage() + 1

    def go_to_page(self, number: int) -> None:
        number = max(1, min(number, self.page_count()))
        self.view.pageNavigator().jump(number - 1, QPointF(), self.view.pageNavigator().currentZoom())

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < self.page_count())

    # Zoom ----------------------------------------------------------------
    def zoom(self) -> float:
        return self.view.zoomFactor()

    def step_zoom(self, direction: int) -> None:
        current = self._effective_zoom()
        if direction > 0:
            steps = [z for z in ZOOM_STEPS if z > current + 1e-3]
            target = steps[0] if steps else ZOOM_STEPS[-1]
        else:
            steps = [z for z in ZOOM_STEPS if z < current - 1e-3]
            target = steps[-1] if steps else ZOOM_STEPS[0]
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(target)
        self._show_zoom()

    def set_fit(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._show_zoom()

    def _effective_zoom(self) -> float:
        """The zoom as shown: in a fit mode, the page width on screen over its width at 100 %."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(0)
        at_100 = points.width() * self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        available = self.view.viewport().width() - margins.left() - margins.right()
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            at_100_h = points.height() * self.logicalDpiY() / 72
            available_h = self.view.viewport().height() - margins.top() - margins.bottom()
            return max(0.05, min(available / at_100, available_h / at_100_h))
        return max(0.05, available / at_100)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)} %")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self._viewport and event.type() == QEvent.Type.Resize:
            self._show_zoom()
        return False

    # Output --------------------------------------------------------------
    def save_as(self) -> Path | None:
        start = str(Path.home() / self.suggested)
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as PDF"), start, tr("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            copy_atomically(self.path, Path(path))
        except OSError as exc:
            QMessageBox.warning(self, tr("Save as PDF"), trf("Cannot write %1: %2", path, exc))
            return None
        return Path(path)

    def picture(self, title: str) -> bytes | None:
        """The document as one long PNG for phones (None, with a word why, when it cannot be)."""
        from reports import ReportError
        from reports.picture import pdf_to_png

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return pdf_to_png(self.path, translator(current_language()))
        except ReportError as exc:
            QMessageBox.warning(self, title, str(exc))
        except OSError as exc:
            QMessageBox.warning(self, title, trf("Cannot read %1: %2", self.path, exc.strerror or exc))
        finally:
            QApplication.restoreOverrideCursor()
        return None

    def copy_picture(self) -> bool:
        """The picture on the clipboard, to paste into a chat."""
        png = self.picture(tr("Copy as picture"))
        if png is None:
            return False
        QGuiApplication.clipboard().setImage(QImage.fromData(png, "PNG"))
        return True

    def save_picture(self) -> Path | None:
        start = str(Path.home() / Path(self.suggested).with_suffix(".png").name)
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as picture"), start, tr("PNG pictures (*.png)"))
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        png = self.picture(tr("Save as picture"))
        if png is None:
            return None
        try:
            write_atomically(path, png)
        except OSError as exc:
            QMessageBox.warning(self, tr("Save as picture"), trf("Cannot write %1: %2", path, exc))
            return None
        return Path(path)

    def print_(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:
            first, last = 1, 0
        sent = print_document(self.document, printer, first, last)
        if sent == 0:
            QMessageBox.warning(
                self, tr("Print"), tr("Nothing was printed: the printer could not be opened.")
            )
        return sent

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.document.close()
        self.path.unlink(missing_ok=True)
        super().closeEvent(event)
