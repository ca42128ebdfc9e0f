"""Statistics ▸ Capacity forecast (人力预测): for a year, a chart per qualification pool of the hours
needed against the hours the pool can give month by month (a click on a bar lists the pairings and
activities behind it), the months short with what would close each gap, and the workbook."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.files import write_atomically
from reports.forecast import describe_fix, pool_name, write_workbook
from scheduler.office.forecast.figures import Forecast, Pool
from scheduler.office.forecast.year import forecast
from scheduler.plan.model import SECTIONS
from ui.i18n import current_language, tr, trf
from ui.masterdata.catalog import Catalog
from ui.office.timebank_page import MONTHS
from ui.session import Session
from ui.tasks import run_task
from ui.widgets import ChangeFollower, ask_save_path

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView

NEEDED_COLOUR, AVAILABLE_COLOUR, SHORT_COLOUR = "#2f6fb0", "#9aa5b1", "#b00020"


class BehindDialog(QDialog):
    """The pairings and activities behind one month's need of a pool, largest first."""

    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        self.list.setObjectName("behind")
        self.list.addItems(lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 420)


class ForecastPage(QWidget):
    status = Signal(str)

    def __init__(self, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.result: Forecast | None = None
        self.task: Any = None
        self.again = False
        self.today = date.today()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year + 1)
        self.year.valueChanged.connect(self.refresh)
        self.pool = QComboBox()
        self.pool.setObjectName("pool")
        self.pool.setMinimumContentsLength(24)
        self.pool.currentIndexChanged.connect(self.show_pool)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(tr("Export to Excel…"))
        self.export_button.setObjectName("export_xlsx")
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year")))
        top.addWidget(self.year)
        top.addWidget(QLabel(tr("Pool")))
        top.addWidget(self.pool)
        top.addStretch(1)
        top.addWidget(self.export_button)

        # The chart is made when the first figures are shown (QtCharts loaded then): the page's
        # first visit draws a light page at once, the figures follow from the worker.
        self.chart: QChart | None = None
        self.chart_view: QChartView | None = None
        self.chart_place = QLabel(tr("Working out the forecast…"))
        self.chart_place.setObjectName("chart_place")
        self.chart_place.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_place.setMinimumHeight(260)
        self.fixes = QTableWidget(0, 4)
        self.fixes.setObjectName("fixes")
        self.fixes.setHorizontalHeaderLabels(
            [tr("Pool"), tr("Month"), tr("Hours short"), tr("What would close it")]
        )
        self.fixes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fixes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fixes.verticalHeader().hide()
        self.fixes.setWordWrap(True)
        self.fixes.cellDoubleClicked.connect(lambda r, _c: self.choose_fix(r))
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart_place)
        split.addWidget(self.fixes)
        split.setSizes([380, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        # The first figures are asked for once the page has been drawn (`paintEvent`): the job's
        # Python shares the GIL with the drawing, and started here it held up the page's first
        # paint by ~0.1 s on the hospital demo.
        self.drawn = False
        self.leaving = threading.Event()
        ChangeFollower(self, session, lambda c: c.touches(*SECTIONS), self.refresh)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self.drawn:
            self.drawn = True
            QTimer.singleShot(0, self, self._first_figures)  # once this paint is on screen

    def _first_figures(self) -> None:
        if not self.isVisible():  # left before this came: asked for when drawn again
            self.drawn = False
        elif self.task is None and self.result is None:  # not asked for meanwhile (another year)
            self.refresh()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        """The page left (another page chosen) before its first figures came: the job is
        stopped (it would slow the next page down, sharing the GIL) and started again when the
        page is drawn next."""
        super().hideEvent(event)
        if not event.spontaneous() and self.task is not None and self.result is None:
            self.leaving.set()
            self.drawn = False

    # -- figures

    def refresh(self, *_args: Any) -> None:
        """Work the forecast out off the GUI thread (CP-SAT may take seconds), then show it; a
        change or another year meanwhile starts it again once this one is back."""
        if self.task is not None:
            self.again = True
            return
        self.again = False
        c = self.catalog
        # A snapshot: the screens replace the catalog's sections while the job reads them.
        sections: dict[str, Any] = {name: dict(getattr(c, name)) for name in SECTIONS}
        plan = replace(c.plan(), **sections)
        calendar, year, today = c.work_calendar, self.year.value(), self.today

        leaving = self.leaving = threading.Event()  # set when the page is left before the figures

        def job(progress: Callable[[int, int], bool]) -> Forecast | None:
            shown = [-1]

            def asked(done: int, total: int) -> bool:
                """Stops the job once the page was left; each step goes to the GUI once."""
                if leaving.is_set():
                    return False
                if done == shown[0]:
                    return True
                shown[0] = done
                return progress(done, total)

            return forecast(plan, calendar, year, today, progress=asked)

        self.task = run_task(self, tr("Working out the forecast…"), job, self._done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        QMessageBox.warning(self, tr("Capacity forecast"), str(exc))

    def _done(self, result: Forecast | None) -> None:
        self.task = None
        if self.again:
            self.refresh()
            return
        if result is None:  # cancelled: what was shown stays
            if self.result is None and self.isVisible():  # stopped on leaving, and back since
                self.refresh()
            return
        self.result = f = result
        plan = self.catalog.plan()
        # Pools short first, then the tightest.
        tightness: dict[Pool, tuple[float, float]] = {}
        for r in f.pools:
            use = r.needed_hours / r.available_hours if r.available_hours else float("inf")
            most, tight = tightness.get(r.pool, (0.0, 0.0))
            tightness[r.pool] = (max(most, r.short_hours + r.short_places), max(tight, use))
        pools = sorted(tightness, key=lambda p: (-tightness[p][0], -tightness[p][1], p[1] or "", p[0] or ""))
        chosen = self.pool.currentData()
        self.pool.blockSignals(True)
        self.pool.clear()
        for p in pools:
            mark = " ⚠" if tightness[p][0] > 0 else ""
            self.pool.addItem(pool_name(plan, p[0], p[1], tr) + mark, p)
        index = self.pool.findData(chosen) if chosen is not None else -1
        self.pool.setCurrentIndex(max(index, 0))
        self.pool.blockSignals(False)
        short = f.short()
        text = trf("forecast %1: %2 pool-months with needs, %3 short", f.year, len(f.pools), len(short))
        if f.bound_pool is not None:
            b = f.bound_pool
            text += "\n" + trf(
                "lower bound: someone gives at least %1 h in a month (%2, %3: %4 h for %5 people)",
                f"{f.bound_hours:g}",
                pool_name(plan, b.department, b.qualification, tr),
                f"{b.month:%Y-%m}",
                f"{b.needed_hours:g}",
                b.people,
            )
        if not self.catalog.work_calendar.knows(f.year):
            text += "\n" + trf(
                "the official calendar of %1 is not known yet: weekends alone are days off", f.year
            )
        self.summary.setText("\n".join(line[:1].upper() + line[1:] for line in text.split("\n")))
        self.show_fixes()
        self.show_pool()

    def rows_of(self, pool: Pool) -> list[Any]:
        assert self.result is not None
        by_month = {r.month.month: r for r in self.result.pools if r.pool == pool}
        return [by_month.get(m) for m in range(1, 13)]

    def _chart(self) -> QChart:
        """The chart, made the first time it is wanted in the place kept for it."""
        if self.chart is None:
            from PySide6.QtCharts import QChart, QChartView

            self.chart = QChart()
            self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            self.chart_view = QChartView(self.chart)
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(260)
            self.split.replaceWidget(0, self.chart_view)
            self.chart_place.deleteLater()
        return self.chart

    def show_pool(self, *_args: Any) -> None:
        if self.result is None and self.chart is None:  # nothing to show yet
            return
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        chart = self._chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        pool = self.pool.currentData()
        if pool is None or self.result is None:
            chart.setTitle(tr("No needs in this year."))
            return
        rows = self.rows_of(pool)
        needed = QBarSet(tr("Hours needed"))
        needed.setBrush(QBrush(QColor(NEEDED_COLOUR)))
        available = QBarSet(tr("Hours the pool can give"))
        available.setBrush(QBrush(QColor(AVAILABLE_COLOUR)))
        can = [self.result.available.get((pool, date(self.result.year, m, 1)), 0.0) for m in range(1, 13)]
        for r, c in zip(rows, can, strict=True):
            needed.append(r.needed_hours if r else 0.0)
            available.append(c)
        for i, r in enumerate(rows):
            if r is not None and r.is_short:
                needed.setBarSelected(i, True)
        needed.setSelectedColor(QColor(SHORT_COLOUR))
        series = QBarSeries()
        series.append(needed)
        series.append(available)
        needed.clicked.connect(self.open_month)
        available.clicked.connect(self.open_month)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([tr(m) for m in MONTHS])
        y = QValueAxis()
        y.setLabelFormat("%g")
        top = max([r.needed_hours for r in rows if r] + can + [1.0])
        y.setRange(0, top * 1.1)
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        y.setTitleText(tr("Hours"))
        name = pool_name(self.catalog.plan(), pool[0], pool[1], tr)
        if any(r is not None and r.is_short for r in rows):
            chart.setTitle(trf("%1 · %2 (red: months it runs short)", name, self.result.year))
        else:
            chart.setTitle(f"{name} · {self.result.year}")

    def behind(self, pool: Pool, month: int) -> list[str]:
        """The pairings and activities whose hours make up the pool's need in a month."""
        assert self.result is not None
        plan = self.catalog.plan()
        parts = self.result.behind.get((pool, date(self.result.year, month, 1)), {})
        lines = []
        for (kind, key), hours in sorted(parts.items(), key=lambda kv: (-kv[1], kv[0])):
            if kind == "pairing":
                p = plan.pairings.get(key)
                name = (
                    f"{self.catalog.name_of('branches', p.branch)} — {self.catalog.name_of('partners', p.partner)}"
                    if p
                    else key
                )
                visits = self.result.visits.get(key)
                if visits and visits[month - 1]:
                    name += " · " + trf("%1 visits not yet planned", visits[month - 1])
            else:
                a = plan.activities.get(key)
                name = a.title if a else key
            lines.append(f"{round(hours, 2):g} h  {name}")
        return lines

    def open_month(self, index: int) -> BehindDialog | None:
        pool = self.pool.currentData()
        if pool is None or not 0 <= index < 12:
            return None
        r = self.rows_of(pool)[index]
        title = f"{self.pool.currentText()} · {self.year.value()}-{index + 1:02d}"
        if r is not None:
            title += " · " + trf("needs %1 h, can give %2 h", f"{r.needed_hours:g}", f"{r.available_hours:g}")
        dialog = BehindDialog(title, self.behind(pool, index + 1), self)
        self.behind_dialog = dialog
        dialog.open()
        return dialog

    def show_fixes(self) -> None:
        assert self.result is not None
        plan = self.catalog.plan()
        fixes = self.result.fixes
        self.fixes.setRowCount(len(fixes) or 1)
        self.fixes.setHorizontalHeaderLabels(
            [tr("Pool"), tr("Month"), tr("Hours short"), tr("What would close it")]
        )
        for i, x in enumerate(fixes):
            cells = [
                pool_name(plan, x.department, x.qualification, tr),
                f"{x.month:%Y-%m}",
                f"{x.short_hours:g}",
                describe_fix(x, plan, tr),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setForeground(QBrush(QColor(SHORT_COLOUR)))
                item.setToolTip(text)
                self.fixes.setItem(i, c, item)
        if not fixes:
            self.fixes.setItem(0, 0, QTableWidgetItem(tr("No pool runs short in this year.")))
            for c in (1, 2, 3):
                self.fixes.setItem(0, c, QTableWidgetItem(""))
        header = self.fixes.horizontalHeader()
        for c in (0, 1, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.fixes.resizeRowsToContents()

    def choose_fix(self, row: int) -> None:
        """A gap double-clicked: its pool's chart."""
        if self.result is None or not 0 <= row < len(self.result.fixes):
            return
        x = self.result.fixes[row]
        index = self.pool.findData((x.department, x.qualification))
        if index >= 0:
            self.pool.setCurrentIndex(index)

    # -- Excel

    def export_xlsx(self, path: str | None = None) -> Path | None:
        if self.result is None:  # still being worked out
            return None
        if path is None:
            path = ask_save_path(
                self,
                tr("Export to Excel"),
                str(Path.home() / f"forecast-{self.result.year}.xlsx"),
                tr("Excel workbooks (*.xlsx)"),
                ".xlsx",
            )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from reports.document import translator  # reportlab: loaded on the first export, not with the page

        book = io.BytesIO()
        write_workbook(book, self.result, self.catalog.plan(), translator(current_language()))
        try:
            write_atomically(Path(path), book.getvalue())
        except OSError as exc:
            QMessageBox.warning(self, tr("Export to Excel"), trf("Cannot write %1: %2", path, exc))
            return None
        self.status.emit(trf("Exported to %1.", path))
        return Path(path)
