"""The calendar's words for days and periods: the weekday names, a week's and a month's title."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from ui.i18n import N_, tr, trf

WEEKDAY_NAMES = [N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")]


def week_title(first: date, last: date) -> str:
    """The days of a week as people write them: "23–29 Nov 2026", "2026年11月23日–29日";
    the month and the year said again only where they change."""
    month = QLocale().monthName
    short = QLocale.FormatType.ShortFormat
    if (first.year, first.month) == (last.year, last.month):
        return trf("%1–%2 %3 %4", first.day, last.day, month(first.month, short), first.year)
    if first.year == last.year:
        return trf(
            "%1 %2 – %3 %4 %5",
            first.day,
            month(first.month, short),
            last.day,
            month(last.month, short),
            first.year,
        )
    return trf(
        "%1 %2 %3 – %4 %5 %6",
        first.day,
        month(first.month, short),
        first.year,
        last.day,
        month(last.month, short),
        last.year,
    )


def month_title(day: date) -> str:
    """The month as people write it: "November 2026", "2026年11月"."""
    return QLocale().toString(QDate(day.year, day.month, 1), tr("MMMM yyyy"))
