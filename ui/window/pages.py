"""The screens of the main window, each declared once (name, label, how it is made), the areas
of the navigation that list them, and the print and calendar-file actions of the staff and
branch tables. A screen is made the first time it is wanted; its module is imported then."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.edits import describe_error
from ui.i18n import N_, tr, trf
from ui.masterdata.entities import ALL_SPECS
from ui.masterdata.screen import EntitySpec
from ui.window.roles import may

if TYPE_CHECKING:
    from ui.conflicts.watch import ConflictWatch
    from ui.exchange.printing import PreviewDialog
    from ui.masterdata.catalog import Catalog
    from ui.masterdata.table import EntityPage
    from ui.session import Session


class Window(Protocol):
    """What a screen takes from the main window when it is made (ui/window/mainwindow.py)."""

    session: Session
    catalog: Catalog
    watch: ConflictWatch
    field: dict[str, Any] | None  # the field package worked on (on a laptop), or None

    def open_occurrence(self, activity_id: str, day: date) -> None: ...


@dataclass(frozen=True)
class Page:
    name: str
    label: str  # marked for translation, translated where shown
    make: Callable[[Window], QWidget]


# -- what the staff and branch tables can do with the chosen row


def _chosen(page: EntityPage, title: str) -> Any | None:
    items = page.selected_items()
    if not items:
        QMessageBox.information(page, title, tr("Choose a row first."))
        return None
    return items[0]


def _this_month(today: date | None = None) -> tuple[date, date]:
    first = (today or date.today()).replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def print_duty_list(page: EntityPage) -> PreviewDialog | None:
    """The chosen person's duty list for this month, in the print preview."""
    from reports.rosters import personal_duty_list
    from ui.exchange.printing import save_pdf

    person = _chosen(page, tr("Print"))
    if person is None:
        return None
    first, last = _this_month()
    catalog = page.catalog
    return save_pdf(
        page,
        f"{person.name}-{first:%Y-%m}.pdf",
        lambda p, t, now: personal_duty_list(
            p, catalog.plan(), catalog.work_calendar, person.id, first, last, t, now
        ),
    )


def print_month_plan(page: EntityPage) -> PreviewDialog | None:
    """The chosen party branch's plan for this month, in the print preview."""
    from reports.rosters import branch_month_plan
    from ui.exchange.printing import save_pdf

    branch = _chosen(page, tr("Print"))
    if branch is None:
        return None
    first, _last = _this_month()
    catalog = page.catalog
    return save_pdf(
        page,
        f"{branch.name}-{first:%Y-%m}.pdf",
        lambda p, t, now: branch_month_plan(
            p, catalog.plan(), catalog.work_calendar, branch.id, first, t, now
        ),
    )


def save_ics(page: EntityPage, path: str | None = None, today: date | None = None) -> Path | None:
    """The chosen person's or branch's occurrences as an .ics file for phones."""
    from db.files import write_atomically
    from reports.ics import calendar_file

    item = _chosen(page, tr("Calendar file"))
    if item is None:
        return None
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            page, tr("Calendar file"), str(Path.home() / f"{item.name}.ics"), tr("Calendar files (*.ics)")
        )
    if not path:
        return None
    if not path.lower().endswith(".ics"):
        path += ".ics"
    start = (today or date.today()) - timedelta(days=90)
    whose = {"staff": item.id} if page.spec.section == "staff" else {"branch": item.id}
    catalog = page.catalog
    try:
        data = calendar_file(
            catalog.plan(), catalog.work_calendar, start, start + timedelta(days=455), tr, **whose
        )
        write_atomically(path, data)
    except OSError as exc:
        QMessageBox.warning(page, tr("Calendar file"), describe_error(exc))
        return None
    page.status.emit(trf("Exported to %1.", path))
    return Path(path)


# Further buttons of a table: (label, object name, action on the page).
TABLE_ACTIONS: dict[str, tuple[tuple[str, str, Callable[[EntityPage], Any]], ...]] = {
    "staff": (
        (N_("Print duty list…"), "print", print_duty_list),
        (N_("Calendar file (.ics)…"), "ics", save_ics),
    ),
    "branches": (
        (N_("Calendar file (.ics)…"), "ics", save_ics),
        (N_("Print month plan…"), "print", print_month_plan),
    ),
}


# -- how each screen is made


def _calendar(w: Window) -> QWidget:
    from ui.calendar.page import CalendarPage

    page = CalendarPage(w.session, w.watch, w.field)
    if not may(w.session.store.role, "edit_activity"):  # as on site: no dragging, double-click records
        page.field_mode = True  # (the buttons: ui/window/roles.py, applied by the window)
    return page


def _requests(w: Window) -> QWidget:
    from ui.office.requests_page import RequestsPage

    return RequestsPage(w.session, w.catalog)  # its buttons: ui/window/roles.py


def _time_bank(w: Window) -> QWidget:
    from ui.office.timebank_page import TimeBankPage

    return TimeBankPage(w.session, w.catalog)


def _stats(w: Window) -> QWidget:
    from ui.office.stats_page import StatsPage

    page = StatsPage(w.session, w.catalog)
    page.open_occurrence.connect(w.open_occurrence)
    return page


def _review(w: Window) -> QWidget:
    from ui.office.review_page import ReviewPage

    page = ReviewPage(w.session, w.catalog)
    page.open_occurrence.connect(w.open_occurrence)
    return page


def _forecast(w: Window) -> QWidget:
    from ui.office.forecast_page import ForecastPage

    return ForecastPage(w.session, w.catalog)


def _table(spec: EntitySpec) -> Callable[[Window], QWidget]:
    def make(w: Window) -> QWidget:
        from ui.masterdata.table import EntityPage

        page = EntityPage(spec, w.session, w.catalog)
        if w.field or not may(w.session.store.role, "edit"):
            page.set_read_only()
        for text, name, action in TABLE_ACTIONS.get(spec.section, ()):
            page.add_action_button(tr(text), name, lambda _checked=False, act=action: act(page))
        if spec.section == "calendar":
            _beside_holidays(w, page)
        return page

    return make


def _beside_holidays(w: Window, page: EntityPage) -> None:
    """The official calendar, read-only, beside the office's own holidays (which it greys where
    the office's entry applies)."""
    from ui.calendar.official import OfficialCalendarPanel

    catalog = w.catalog
    panel = OfficialCalendarPanel(catalog.work_calendar.official, catalog.calendar, date.today())
    page.add_side(
        panel,
        tr("The office's own days (editable)"),
        tr("A year the official calendar does not know yet, or a local change: these take precedence."),
    )
    page.official = panel
    w.session.changed.connect(
        lambda changes, _by: panel.set_entries(catalog.calendar) if changes.touches("calendar") else None
    )


PAGES: dict[str, Page] = {
    p.name: p
    for p in (
        Page("calendar_view", N_("Calendar"), _calendar),
        Page("requests_view", N_("Service requests"), _requests),
        Page("time_bank", N_("Volunteer time bank"), _time_bank),
        Page("stats", N_("Statistics"), _stats),
        Page("review", N_("Week in review"), _review),
        Page("forecast", N_("Capacity forecast"), _forecast),
        *(Page(spec.section, spec.title, _table(spec)) for spec in ALL_SPECS),
    )
}

# The areas of the navigation, each a heading over the screens it holds.
AREAS: list[tuple[str, list[str]]] = [
    (N_("Planning"), ["calendar_view", "requests_view"]),
    (N_("People"), ["staff", "time_bank"]),
    (N_("Organisation"), ["departments", "branches", "campuses", "calendar"]),
    (N_("Pairings"), ["partners", "pairings"]),
    (N_("Services"), ["services"]),
    (N_("Statistics"), ["stats", "review", "forecast"]),
]
# On a laptop with a field package: record, see the people and their hours; no planning.
FIELD_AREAS: list[tuple[str, list[str]]] = [
    (N_("Planning"), ["calendar_view"]),
    (N_("People"), ["staff", "time_bank"]),
]
