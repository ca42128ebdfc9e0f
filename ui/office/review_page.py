"""Statistics ▸ Week in review (周复盘): a week picker, the week's figures beside the week before's,
each occurrence with what became of it (double-click opens it in the calendar), the week ahead;
print preview of the one-page review and the review as a picture for a WeChat group."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.operations import response_times
from db.planio import load_audit, load_ledger
from db.store import Store
from scheduler.plan.model import SECTIONS, Plan
from ui.i18n import current_language, tr, trf
from ui.masterdata.catalog import Catalog
from ui.session import Session
from ui.tasks import Handle, run_quietly
from ui.widgets import ChangeFollower

if TYPE_CHECKING:
    from scheduler.office.recording import LedgerEntry
    from scheduler.office.review import Figures, Review
    from scheduler.plan.history import AuditEntry
    from ui.exchange.printing import PreviewDialog

RED = QColor("#b00020")
BACK, ON = "‹", "›"  # the week before and after: arrows, the same in every language


def _num(x: Any) -> str:
    if x is None:
        return "—"
    return f"{x:g}" if isinstance(x, float) else str(x)


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def figure_rows(f: Figures, b: Figures) -> list[tuple[str, str, str]]:
    """(figure, this week, the week before), as the printed review has them."""

    def answered(x: Figures) -> str:
        return (
            str(x.answered)
            if x.median_days_to_answer is None
            else f"{x.answered} ({_num(x.median_days_to_answer)})"
        )

    def conflicts(x: Figures) -> str:
        return f"{x.conflicts.get('error', 0)} / {x.conflicts.get('warning', 0)}"

    return [
        (tr("Held"), _num(f.held), _num(b.held)),
        (tr("Called off"), _num(f.called_off), _num(b.called_off)),
        (tr("Moved"), _num(f.moved), _num(b.moved)),
        (tr("Past, not recorded"), _num(f.not_recorded), _num(b.not_recorded)),
        (tr("Still to come"), _num(f.planned), _num(b.planned)),
        (tr("People served"), _num(f.served), _num(b.served)),
        (tr("Volunteer hours"), _num(f.hours), _num(b.hours)),
        (tr("People who went"), _num(f.people), _num(b.people)),
        (tr("Places left open"), _num(f.open_places), _num(b.open_places)),
        (tr("Places filled late"), _num(f.filled_late), _num(b.filled_late)),
        (tr("Conflicts (errors / warnings)"), conflicts(f), conflicts(b)),
        (tr("Requests received"), _num(f.received), _num(b.received)),
        (tr("Requests answered (median days)"), answered(f), answered(b)),
        (tr("Requests declined"), _num(f.declined), _num(b.declined)),
        (tr("Requests overdue"), _num(f.overdue), _num(b.overdue)),
        (tr("Time bank hours credited"), _num(f.credited), _num(b.credited)),
    ]


class ReviewPage(QWidget):
    status = Signal(str)
    open_occurrence = Signal(str, object)  # activity id, occurrence date

    def __init__(self, session: Session, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.catalog = catalog
        self.review: Review | None = None
        self._task: Handle | None = None
        self._asked = 0  # reviews asked for: only the last one's result is shown
        self.today = date.today()
        self.day = QDateEdit()
        self.day.setObjectName("week_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        last_week = self.today - timedelta(days=7)
        self.day.setDate(QDate(last_week.year, last_week.month, last_week.day))
        self.day.dateChanged.connect(self.refresh)
        self.prev_button = QToolButton()
        self.prev_button.setText(BACK)
        self.prev_button.setToolTip(tr("The week before"))
        self.prev_button.clicked.connect(lambda: self.step(-7))
        self.next_button = QToolButton()
        self.next_button.setText(ON)
        self.next_button.setToolTip(tr("Next week"))
        self.next_button.clicked.connect(lambda: self.step(7))
        self.week_label = QLabel()
        self.week_label.setObjectName("week_label")
        self.print_button = QPushButton(tr("Print preview…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(lambda: self.print_preview())
        self.picture_button = QPushButton(tr("Copy as picture"))
        self.picture_button.setObjectName("copy_picture")
        self.picture_button.clicked.connect(lambda: self.copy_picture())
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Week of")))
        for w in (self.prev_button, self.day, self.next_button, self.week_label):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.picture_button)
        top.addWidget(self.print_button)

        self.figures = QTableWidget(0, 3)
        self.figures.setObjectName("figures")
        self.occurrences = QTableWidget(0, 3)
        self.occurrences.setObjectName("occurrences")
        self.occurrences.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        for t in (self.figures, self.occurrences):
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.verticalHeader().hide()
            t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.ahead = QLabel()
        self.ahead.setObjectName("ahead")
        self.ahead.setWordWrap(True)
        self.ahead.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.figures, 1)
        left_layout.addWidget(self.notes)
        left_layout.addWidget(self.ahead)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.occurrences)
        split.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.refresh()
        ChangeFollower(self, session, lambda c: c.touches(*SECTIONS), self.refresh)

    def chosen(self) -> date:
        q = self.day.date()
        return date(q.year(), q.month(), q.day())

    def monday(self) -> date:
        d = self.chosen()
        return d - timedelta(days=d.weekday())

    def _dates(self) -> str:
        monday = self.monday()
        return f"{monday:%m-%d} – {monday + timedelta(days=6):%m-%d}"

    def step(self, days: int) -> None:
        d = self.chosen() + timedelta(days=days)
        self.day.setDate(QDate(d.year, d.month, d.day))

    def compute(self) -> Review:
        """The review of the week shown, worked out here and now (the page itself works it out
        beside the window: `refresh`)."""
        return self._job()(lambda _done, _total: True)

    def _job(self) -> Callable[[Callable[[int, int], bool]], Review]:
        """The review as a job for the thread pool. The plan's sections are copied (the window
        goes on editing its own); the history and the time bank are read on the job's own
        connection (SQLite), else here."""
        store = self.session.store
        shared = self.catalog.plan()
        plan = Plan(**{f: _copy(getattr(shared, f)) for f in Plan.__slots__})
        calendar, monday, today = self.catalog.work_calendar, self.monday(), self.today
        response = response_times(store)
        path = self.session.path if store.engine == "sqlite" else None
        read = None if path is not None else _reads(store)

        def job(_progress: Callable[[int, int], bool]) -> Review:
            from scheduler.office.review import week_review  # loaded here, not on the GUI thread

            if read is None:
                assert path is not None
                with Store(path) as own:
                    audit, ledger = _reads(own)
            else:
                audit, ledger = read
            return week_review(plan, calendar, monday, today, response, audit, ledger)

        return job

    def refresh(self, *_args: Any) -> None:
        """Work the week's review out beside the window; the tables follow when it is done (a
        newer week or edit meanwhile: the older result is dropped)."""
        self._asked += 1
        asked = self._asked
        if self._task is not None:
            self._task.abandon()
        self.week_label.setText(self._dates() + " · " + tr("working it out…"))
        self.print_button.setEnabled(False)
        self.picture_button.setEnabled(False)
        self._task = run_quietly(
            None,
            self._job(),
            lambda r: self._done(asked, r),
            lambda exc: self._failed(asked, exc),
            owner=self,
        )

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the review under way and show it (tests, benchmarks): True when shown."""
        deadline = time.monotonic() + msecs / 1000
        while self._task is not None and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return self._task is None

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked:
            return
        self._task = None
        self.week_label.setText(self._dates() + " · " + tr("could not be worked out"))
        QMessageBox.warning(self, tr("Week in review"), str(exc))

    def _done(self, asked: int, r: Review) -> None:
        if asked != self._asked:
            return
        self._task = None
        self.print_button.setEnabled(True)
        self.picture_button.setEnabled(True)
        self.show_review(r)

    def show_review(self, r: Review) -> None:
        """Fill the tables with a review worked out."""
        from scheduler.office.review import NOT_RECORDED

        self.review = r
        self.notes.setText("\n".join("※ " + trf(template, *values) for template, values in r.notes))
        self.notes.setVisible(bool(r.notes))
        f = r.figures
        self.week_label.setText(f"{r.week} · {f.start:%m-%d} – {f.end:%m-%d}")
        rows = figure_rows(f, r.before)
        self.figures.setRowCount(len(rows))
        before = r.before.start.isocalendar()
        self.figures.setHorizontalHeaderLabels(
            [tr("Figure"), trf("This week (%1)", r.week[5:]), trf("Week before (%1)", f"W{before[1]:02d}")]
        )
        for i, (name, now, then) in enumerate(rows):
            self.figures.setItem(i, 0, _item(name))
            self.figures.setItem(i, 1, _item(now, True))
            self.figures.setItem(i, 2, _item(then, True))
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.occurrences.setRowCount(len(r.lines))
        self.occurrences.setHorizontalHeaderLabels([tr("When"), tr("Activity"), tr("What became of it")])
        for i, x in enumerate(r.lines):
            act = self.catalog.activities.get(x.activity)
            outcome = self.outcome(x)
            cells = [f"{x.start:%m-%d %H:%M}", act.title if act else x.activity, outcome]
            for c, text in enumerate(cells):
                item = _item(text)
                if x.fate == NOT_RECORDED or x.open_places or x.conflicts:
                    item.setForeground(QBrush(RED))
                self.occurrences.setItem(i, c, item)
        header = self.occurrences.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        a = r.ahead
        due = "、".join(
            f"{self.catalog.name_of('partners', q.partner)}：{self.catalog.name_of('services', q.service)}"
            for q in (self.catalog.requests.get(k) for k in a.requests_due)
            if q is not None
        )
        lines = [
            trf("The week ahead (%1 – %2)", f"{a.start:%m-%d}", f"{a.end:%m-%d}"),
            trf(
                "week ahead: %1 occurrences, %2 open places, %3 conflicts, %4 requests falling due",
                a.occurrences,
                a.open_places,
                sum(a.conflicts.values()),
                len(a.requests_due),
            ),
        ]
        if due:
            lines.append(tr("Requests falling due") + "：" + due)
        self.ahead.setText("\n".join(lines))

    def outcome(self, x: Any) -> str:
        from scheduler.office.review import CALLED_OFF, HELD, MOVED_AWAY, NOT_RECORDED

        if x.fate == HELD:
            text = "✓ " + trf("%1 served, %2 h", _num(x.served), _num(x.hours))
        elif x.fate == CALLED_OFF:
            text = tr("Called off") + (f": {x.reason}" if x.reason else "")
        elif x.fate == MOVED_AWAY:
            text = trf("Moved to %1", f"{x.moved_to:%m-%d %H:%M}") if x.moved_to else tr("Moved")
        elif x.fate == NOT_RECORDED:
            text = tr("Not recorded")
        else:
            text = tr("Still to come")
        if x.moved_from is not None:
            text += " · " + trf("moved from %1", f"{x.moved_from:%m-%d}")
        if x.open_places:
            text += " · " + trf("%1 open", x.open_places)
        if x.conflicts:
            text += " · " + trf("%1 conflicts", x.conflicts)
        return text

    def open_row(self, row: int) -> None:
        if self.review is not None and 0 <= row < len(self.review.lines):
            x = self.review.lines[row]
            self.open_occurrence.emit(x.activity, x.occurrence)

    # -- printing

    def _make(self, out: Any, t: Any, printed: datetime) -> None:
        from reports.review import review_pdf  # reportlab: loaded when printing, not on the first visit

        assert self.review is not None
        review_pdf(out, self.catalog.plan(), self.review, t, printed)

    def print_preview(self) -> PreviewDialog | None:
        from ui.exchange.printing import save_pdf

        assert self.review is not None
        return save_pdf(self, f"{tr('Week in review')}-{self.review.week}.pdf", self._make)

    def copy_picture(self) -> bool:
        """The review as one picture on the clipboard, to paste into a WeChat group."""
        from reports import ReportError
        from reports.document import translator
        from reports.picture import pdf_to_png

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = io.BytesIO()
            self._make(pdf, translator(current_language()), datetime.now())
            png = pdf_to_png(pdf.getvalue(), translator(current_language()))
        except ReportError as exc:
            QMessageBox.warning(self, tr("Copy as picture"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        QGuiApplication.clipboard().setImage(QImage.fromData(png, "PNG"))  # type: ignore[arg-type]  # PySide6 takes the str
        self.status.emit(tr("The review is on the clipboard as a picture."))
        return True


def _reads(store: Store) -> tuple[list[AuditEntry], list[LedgerEntry]]:
    """What the review reads from the database besides the plan: the assignments' history (places
    filled late) and the time bank."""
    return load_audit(store, "assignments"), load_ledger(store)


def _copy(value: Any) -> Any:
    """A shallow copy of one section of a plan (the records themselves are frozen values)."""
    return dict(value) if isinstance(value, dict) else value
