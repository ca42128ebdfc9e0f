"""Statistics: held occurrences, people served and volunteer hours by month, branch, department,
partner or kind (chart and table; a bar or row opens the occurrences behind it), the pairings
against their targets, requests and how fast they were answered, the busiest people; and the
whole as an Excel workbook."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.files import write_atomically
from db.operations import response_times
from scheduler.office.stats import Row, Statistics, compute
from scheduler.plan.model import SECTIONS
from ui.i18n import N_, current_language, tr, trf
from ui.labels import ACTIVITY_KINDS, REQUEST_STATUSES, label
from ui.masterdata.catalog import Catalog
from ui.office.timebank_page import MONTHS
from ui.session import Session
from ui.widgets import ChangeFollower, ask_save_path

BREAKDOWNS = {
    "month": N_("By month"),
    "branch": N_("By party branch"),
    "department": N_("By department"),
    "partner": N_("By partner"),
    "kind": N_("By kind"),
}
COLUMN = {
    "month": N_("Month"),
    "branch": N_("Party branch"),
    "department": N_("Department"),
    "partner": N_("Partner"),
    "kind": N_("Kind"),
}
FIGURES = {
    "occurrences": N_("Occurrences held"),
    "served": N_("People served"),
    "hours": N_("Volunteer hours"),
}
TOP = 15  # bars shown for the breakdowns other than months
# By branch and by month: of the occurrences organized, those led by the branch itself (scheduler/office/leads.py).
OWN_LEADS = N_("Led by their own branch")
OWN_LEADS_TIP = N_(
    "Occurrences led by a party member of their organizing branch, of that branch's occurrences "
    "planned or held in the period"
)


def _share(led: int, of: int) -> QTableWidgetItem:
    """'12 / 14', right-aligned like a number."""
    item = _cell(f"{led} / {of}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _cell(value: Any) -> QTableWidgetItem:
    item = QTableWidgetItem(
        "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    )
    if isinstance(value, (int, float)):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class OccurrencesDialog(QDialog):
    """The occurrences behind a figure; double-click opens one in the calendar."""

    def __init__(
        self, title: str, keys: list[tuple[str, date]], catalog: Catalog, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.keys = keys
        self.list = QListWidget()
        self.list.setObjectName("occurrences")
        for aid, day in keys:
            a = catalog.activities.get(aid)
            rec = catalog.records.get((aid, day))
            served = f" · {tr('People served')} {rec.served}" if rec and rec.served is not None else ""
            item = QListWidgetItem(f"{day:%Y-%m-%d}  {a.title if a else aid}{served}")
            item.setData(Qt.ItemDataRole.UserRole, (aid, day))
            self.list.addItem(item)
        self.chosen: tuple[str, date] | None = None
        self.list.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Double-click an occurrence to open it in the calendar.")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _open(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()


class StatsPage(QWidget):
    status = Signal(str)
    open_occurrence = Signal(str, object)  # activity id, occurrence date

    def __init__(self, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.stats: Statistics | None = None
        self.shown_rows: list[Row] = []
        self._build_choices()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_overview(), tr("Overview"))
        self._build_tables()
        self.tabs.addTab(self.pairings, tr("Pairings"))
        self.tabs.addTab(self.own_leads, tr("Own-branch leads"))
        self.tabs.addTab(self.requests, tr("Requests"))
        self.tabs.addTab(self.busiest, tr("Busiest people"))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year")))
        top.addWidget(self.year)
        top.addWidget(QLabel(tr("From")))
        top.addWidget(self.first)
        top.addWidget(QLabel(tr("To")))
        top.addWidget(self.last)
        top.addWidget(self.breakdown)
        top.addWidget(self.figure)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh()
        ChangeFollower(self, session, lambda c: c.touches(*SECTIONS), self.refresh)

    def _build_choices(self) -> None:
        """The year or dates, the breakdown and the figure shown; export."""
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for w, name in ((self.first, "from"), (self.last, "to")):
            w.setObjectName(name)
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self._set_year_range()
        self.breakdown = QComboBox()
        self.breakdown.setObjectName("breakdown")
        for k, v in BREAKDOWNS.items():
            self.breakdown.addItem(tr(v), k)
        self.figure = QComboBox()
        self.figure.setObjectName("figure")
        for k, v in FIGURES.items():
            self.figure.addItem(tr(v), k)
        self.export_button = QPushButton(tr("Export to Excel…"))
        self.export_button.setObjectName("export_xlsx")
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.year.valueChanged.connect(self._year_changed)
        self.first.dateChanged.connect(self.refresh)
        self.last.dateChanged.connect(self.refresh)
        self.breakdown.currentIndexChanged.connect(self.show_breakdown)
        self.figure.currentIndexChanged.connect(self.show_breakdown)

    def _build_overview(self) -> QWidget:
        """The bar chart over the breakdown's table (a bar or row opens its occurrences)."""
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # One pair of axes, relabelled for each breakdown: an axis removed from the chart left its
        # labels drawn under the new one's (the months under the branches' names).
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%g")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("breakdown_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        overview = QSplitter(Qt.Orientation.Vertical)
        overview.addWidget(self.chart_view)
        overview.addWidget(self.table)
        overview.setSizes([320, 240])
        return overview

    def _build_tables(self) -> None:
        self.pairings = QTableWidget(0, 6)
        self.pairings.setObjectName("pairings")
        self.pairings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairings.verticalHeader().hide()
        self.requests = QLabel()
        self.requests.setObjectName("requests")
        self.requests.setWordWrap(True)
        self.requests.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.busiest = QTableWidget(0, 4)
        self.busiest.setObjectName("busiest")
        self.busiest.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.busiest.verticalHeader().hide()
        self.busiest.cellDoubleClicked.connect(lambda r, _c: self.open_person(r))
        self.own_leads = QTableWidget(0, 2)
        self.own_leads.setObjectName("own_leads")
        self.own_leads.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.own_leads.verticalHeader().hide()
        self.own_leads.setToolTip(tr(OWN_LEADS_TIP))

    # -- figures

    def _set_year_range(self) -> None:
        year = self.year.value()
        for w, d in ((self.first, date(year, 1, 1)), (self.last, date(year, 12, 31))):
            w.blockSignals(True)
            w.setDate(QDate(d.year, d.month, d.day))
            w.blockSignals(False)

    def _year_changed(self, *_args: Any) -> None:
        """A year chosen: the window becomes that whole year."""
        self._set_year_range()
        self.refresh()

    def window(self) -> tuple[date, date]:
        d0, d1 = self.first.date().toPython(), self.last.date().toPython()
        return (d0, d1) if d0 <= d1 else (d1, d0)

    def refresh(self, *_args: Any) -> None:
        start, end = self.window()
        judged = min(end, date.today())
        self.stats = compute(
            self.catalog.plan(),
            self.catalog.work_calendar,
            start,
            end,
            judged,
            response_times(self.session.store),
        )
        t = self.stats.totals
        self.summary.setText(
            trf(
                "%1 occurrences held, %2 people served, %3 volunteer hours",
                t.occurrences,
                t.served,
                f"{t.hours:g}",
            )
        )
        self.show_breakdown()
        self.show_pairings()
        self.show_own_leads()
        self.show_requests()
        self.show_busiest()

    def _name(self, kind: str, key: str) -> str:
        if kind == "month":
            return key
        if kind == "kind":
            return tr(label(ACTIVITY_KINDS, key))
        section = {"branch": "branches", "department": "departments", "partner": "partners"}[kind]
        return self.catalog.name_of(section, key)

    def rows(self) -> list[Row]:
        assert self.stats is not None
        kind = self.breakdown.currentData()
        source = {
            "month": self.stats.by_month,
            "branch": self.stats.by_branch,
            "department": self.stats.by_department,
            "partner": self.stats.by_partner,
            "kind": self.stats.by_kind,
        }[kind]
        rows = list(source.values())
        if kind != "month":
            figure = self.figure.currentData()
            rows.sort(key=lambda r: (-getattr(r, figure), r.key))
        return rows

    def show_breakdown(self, *_args: Any) -> None:
        if self.stats is None:
            return
        kind = self.breakdown.currentData()
        figure = self.figure.currentData()
        rows = self.rows()
        self.shown_rows = rows
        own = self.own_lead_totals(kind)
        self.table.setColumnCount(5 if own is not None else 4)
        self.table.setRowCount(len(rows))
        labels = [tr(COLUMN[kind]), *(tr(v) for v in FIGURES.values()), tr(OWN_LEADS)]
        self.table.setHorizontalHeaderLabels(labels[: self.table.columnCount()])
        for r, row in enumerate(rows):
            for c, value in enumerate((self._name(kind, row.key), row.occurrences, row.served, row.hours)):
                self.table.setItem(r, c, _cell(value))
            if own is not None:
                self.table.setItem(r, 4, _share(*own.get(row.key, (0, 0))))
        if own is not None:
            self.table.horizontalHeaderItem(4).setToolTip(tr(OWN_LEADS_TIP))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # The chart: every month, or the top of the others.
        self.chart.removeAllSeries()
        bars = rows if kind == "month" else rows[:TOP]
        series = QBarSeries()
        values = QBarSet(tr(FIGURES[figure]))
        values.setBrush(QBrush(QColor("#2f6fb0")))
        for row in bars:
            values.append(float(getattr(row, figure)))
        series.append(values)
        values.clicked.connect(self.open_bar)
        self.chart.addSeries(series)
        one_year = self.stats.start.year == self.stats.end.year
        x, y = self.x_axis, self.y_axis
        x.clear()
        x.append(
            [
                (tr(MONTHS[int(r.key[5:]) - 1]) if one_year else r.key)
                if kind == "month"
                else self._name(kind, r.key)[:8]
                for r in bars
            ]
        )
        top = max((getattr(r, figure) for r in bars), default=0)
        y.setTickCount(5)  # as a new axis has it: applyNiceNumbers changed it for the last breakdown
        y.setRange(0, max(1, top * 1.1))
        y.applyNiceNumbers()
        series.attachAxis(x)
        series.attachAxis(y)
        self.chart.setTitle(tr(FIGURES[figure]) + " · " + tr(BREAKDOWNS[kind]))

    def open_bar(self, index: int) -> OccurrencesDialog | None:
        return self.open_row(index)

    def open_row(self, index: int) -> OccurrencesDialog | None:
        """The occurrences behind one bar or row."""
        if not 0 <= index < len(self.shown_rows):
            return None
        row = self.shown_rows[index]
        title = f"{self._name(self.breakdown.currentData(), row.key)} · {row.occurrences}"
        return self._show_occurrences(title, row.keys)

    def open_person(self, index: int) -> OccurrencesDialog | None:
        assert self.stats is not None
        people = self.stats.busiest_people()
        if not 0 <= index < len(people):
            return None
        row = people[index]
        return self._show_occurrences(self.catalog.name_of("staff", row.key), row.keys)

    def _show_occurrences(self, title: str, keys: list[tuple[str, date]]) -> OccurrencesDialog:
        dialog = OccurrencesDialog(title, keys, self.catalog, self)
        self.occurrences_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.chosen and self.open_occurrence.emit(*dialog.chosen))
        dialog.open()
        return dialog

    def show_pairings(self) -> None:
        assert self.stats is not None
        items = sorted(self.stats.pairings, key=lambda p: (p.on_track, p.held - p.expected))
        self.pairings.setRowCount(len(items))
        self.pairings.setHorizontalHeaderLabels(
            [
                tr("Party branch"),
                tr("Partner"),
                tr("Target a year"),
                tr("Held"),
                tr("Expected by now"),
                tr("On track"),
            ]
        )
        for r, p in enumerate(items):
            cells = [
                self.catalog.name_of("branches", p.branch),
                self.catalog.name_of("partners", p.partner),
                p.target,
                p.held,
                p.expected,
                tr("Yes") if p.on_track else tr("Behind"),
            ]
            for c, value in enumerate(cells):
                item = _cell(value)
                if not p.on_track:
                    item.setForeground(QBrush(QColor("#b00020")))
                self.pairings.setItem(r, c, item)
        self.pairings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def own_lead_totals(self, kind: str) -> dict[str, tuple[int, int]] | None:
        """By branch or by month: (led by the branch itself, occurrences); None for the others."""
        if kind not in ("branch", "month") or self.stats is None:
            return None
        totals: dict[str, tuple[int, int]] = {}
        for r in self.stats.own_leads:
            key = r.branch if kind == "branch" else r.month
            led, of = totals.get(key, (0, 0))
            totals[key] = (led + r.led_by_branch, of + r.occurrences)
        return totals

    def show_own_leads(self) -> None:
        """Each organizing branch by month: its occurrences led by the branch itself, of all."""
        assert self.stats is not None
        months = sorted(self.stats.by_month)
        grid: dict[str, dict[str, tuple[int, int]]] = {}
        for r in self.stats.own_leads:
            grid.setdefault(r.branch, {})[r.month] = (r.led_by_branch, r.occurrences)
        one_year = self.stats.start.year == self.stats.end.year
        self.own_leads.setColumnCount(2 + len(months))
        self.own_leads.setHorizontalHeaderLabels(
            [
                tr("Party branch"),
                tr("Whole period"),
                *((tr(MONTHS[int(m[5:]) - 1]) if one_year else m) for m in months),
            ]
        )
        branches = sorted(grid, key=lambda b: self.catalog.name_of("branches", b))
        self.own_leads.setRowCount(len(branches))
        for r, branch in enumerate(branches):
            cells = grid[branch]
            self.own_leads.setItem(r, 0, _cell(self.catalog.name_of("branches", branch)))
            whole = (sum(v[0] for v in cells.values()), sum(v[1] for v in cells.values()))
            self.own_leads.setItem(r, 1, _share(*whole))
            for c, month in enumerate(months, start=2):
                self.own_leads.setItem(r, c, _share(*cells[month]) if month in cells else _cell(""))
        self.own_leads.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_requests(self) -> None:
        assert self.stats is not None
        by_status = self.stats.requests_by_status()
        lines = [
            trf("%1 requests received in the period.", len(self.stats.requests)),
            "、".join(f"{tr(label(REQUEST_STATUSES, k))} {v}" for k, v in sorted(by_status.items())),
        ]
        median = self.stats.median_days_to_answer()
        if median is not None:
            in_time = sum(1 for r in self.stats.requests if r.within_response_time)
            late = sum(1 for r in self.stats.requests if r.within_response_time is False)
            lines.append(
                trf(
                    "Answered (first held) after %1 days (median); %2 within the response time, %3 late.",
                    f"{median:g}",
                    in_time,
                    late,
                )
            )
        self.requests.setText("\n\n".join(lines))

    def show_busiest(self) -> None:
        assert self.stats is not None
        people = self.stats.busiest_people()
        self.busiest.setRowCount(len(people))
        self.busiest.setHorizontalHeaderLabels(
            [tr("Full name"), tr("Department"), tr("Occurrences held"), tr("Volunteer hours")]
        )
        for r, row in enumerate(people):
            s = self.catalog.staff.get(row.key)
            cells = [
                s.name if s else row.key,
                self.catalog.name_of("departments", s.department) if s else "",
                row.occurrences,
                row.hours,
            ]
            for c, value in enumerate(cells):
                self.busiest.setItem(r, c, _cell(value))
        self.busiest.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    # -- Excel

    def export_xlsx(self, path: str | None = None) -> Path | None:
        assert self.stats is not None
        if path is None:
            path = ask_save_path(
                self,
                tr("Export to Excel"),
                str(Path.home() / f"outreach-{self.year.value()}.xlsx"),
                tr("Excel workbooks (*.xlsx)"),
                ".xlsx",
            )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        target = Path(path)
        # The workbook writer (openpyxl, numpy) and the translator of the documents (reportlab)
        # are loaded on export, not when the page is first shown.
        from reports.document import translator
        from reports.stats_xlsx import write_workbook

        book = io.BytesIO()  # made in memory, then written whole (db/files.py)
        write_workbook(book, self.stats, self.catalog.plan(), translator(current_language()))
        try:
            write_atomically(target, book.getvalue())
        except OSError as exc:
            QMessageBox.warning(
                self,
                tr("Export to Excel"),
                trf("Cannot write %1: %2", path, exc),
            )
            return None
        self.status.emit(trf("Exported to %1.", path))
        return target
