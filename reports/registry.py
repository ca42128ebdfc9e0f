"""The printable rosters, each declared once: its name, its label, what it needs and how it is drawn.

The command line takes its `roster KIND` choices and its messages from here, and a menu can list
`ROSTERS` the same way: show `t(kind.label)`, ask for what `kind.needs` names, then call
`kind.render`. A missing or unknown argument raises RosterError saying which one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from reports import ReportError
from reports.rosters import (
    annual_plan,
    branch_month_plan,
    find_occurrence,
    occurrence_roster,
    personal_duty_list,
    sign_in_sheet,
    weekly_roster,
)
from reports.text import clean, shorten
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.held import Booked
from scheduler.plan.model import Plan
from scheduler.plan.wording import N_

# What a roster can need: one occurrence (an activity and the date it was first planned for),
# a staff member, a party branch, or a window of dates (see RosterKind.period for its shape).
OCCURRENCE, STAFF, BRANCH, WINDOW = "occurrence", "staff", "branch", "window"

# How each need is asked for, for messages; the command line names its options instead.
NEED_LABELS = {
    OCCURRENCE: N_("an activity and the date of one of its occurrences"),
    STAFF: N_("a staff member"),
    BRANCH: N_("a party branch"),
    WINDOW: N_("a date"),
}


@dataclass(frozen=True, slots=True)
class RosterArgs:
    """What the user chose; `today` stands in for any date left out."""

    today: date
    activity: str | None = None
    occurrence: date | None = None
    staff: str | None = None
    branch: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date  # inclusive


class RosterError(ReportError):
    """An argument a roster needs is missing or names nothing the plan holds."""

    def __init__(
        self, kind: str, need: str, reason: str = "missing", value: object = None, activity: str = ""
    ):
        self.kind, self.need, self.reason, self.value, self.activity = kind, need, reason, value, activity
        super().__init__(self.message())

    def message(
        self,
        names: Mapping[str, str] | None = None,
        t: Callable[[str], str] = lambda s: s,
        title: str | None = None,
    ) -> str:
        """One sentence naming the argument; `names` says how the caller calls each need (the
        command line: its options), `title` how it calls the roster (default: its kind name)."""
        template = t(ERRORS.get((self.need, self.reason)) or ERRORS[("", self.reason)])
        asked = (names or {}).get(self.need) or t(NEED_LABELS[self.need])
        return (
            template.replace("%1", title or self.kind)
            .replace("%2", asked)
            .replace("%3", repr(shorten(clean(self.value), 80)))
            .replace("%4", shorten(clean(self.activity), 80))
        )


# %1 the roster, %2 the argument as the caller names it, %3 the value given, %4 the activity.
ERRORS = {
    ("", "missing"): N_("%1 needs %2"),
    ("", "unknown"): N_("%1 needs %2, not %3"),
    (OCCURRENCE, "unknown"): N_("%1: no activity with id %3 (%2)"),
    (OCCURRENCE, "not_held"): N_(
        "%1: activity %4 has no occurrence on %3 (none planned then, or called off)"
    ),
    (STAFF, "unknown"): N_("%1: no staff member with id %3 (%2)"),
    (BRANCH, "unknown"): N_("%1: no party branch with id %3 (%2)"),
    (WINDOW, "reversed"): N_("%1: the window ends before it starts (%3)"),
}

Out = str | Path | BinaryIO
Translate = Callable[[str], str]
Render = Callable[[Out, Plan, WorkCalendar, RosterArgs, Translate, datetime], None]


@dataclass(frozen=True, slots=True)
class RosterKind:
    name: str  # as typed on the command line: roster NAME
    label: str  # English, marked for translation: show t(label)
    needs: tuple[str, ...]  # OCCURRENCE, STAFF, BRANCH, WINDOW
    period: str | None  # the shape of the window: "week", "month", "year" or "range"; None: no window
    render: Render
    wide: bool = False  # printed in landscape

    def window(self, args: RosterArgs) -> Window:
        """The dates the roster covers: the week, month or year around `start` (or today), or a
        range from `start` (default the first of this month) to `end` (default that month's end)."""
        day = args.start or args.today
        if self.period == "week":
            monday = day - timedelta(days=day.weekday())
            return Window(monday, monday + timedelta(days=6))
        if self.period == "year":
            return Window(date(day.year, 1, 1), date(day.year, 12, 31))
        first = (args.start or args.today.replace(day=1)) if self.period == "range" else day.replace(day=1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if self.period == "range" and args.end is not None:
            last = args.end
        return Window(first, last)

    def check(self, plan: Plan, calendar: WorkCalendar, args: RosterArgs) -> None:
        """RosterError for the first need that is missing or names nothing in the plan."""
        if OCCURRENCE in self.needs:
            _occurrence(self.name, plan, calendar, args)
        if STAFF in self.needs and (not args.staff or args.staff not in plan.staff):
            raise RosterError(self.name, STAFF, "unknown" if args.staff else "missing", args.staff)
        if BRANCH in self.needs and (not args.branch or args.branch not in plan.branches):
            raise RosterError(self.name, BRANCH, "unknown" if args.branch else "missing", args.branch)
        if WINDOW in self.needs and self.period == "range":
            w = self.window(args)
            if w.end < w.start:
                raise RosterError(self.name, WINDOW, "reversed", f"{w.start} – {w.end}")


def _occurrence(kind: str, plan: Plan, calendar: WorkCalendar, args: RosterArgs) -> Booked:
    if not args.activity or args.occurrence is None:
        raise RosterError(kind, OCCURRENCE)
    if args.activity not in plan.activities:
        raise RosterError(kind, OCCURRENCE, "unknown", args.activity)
    booked = find_occurrence(plan, calendar, args.activity, args.occurrence)
    if booked is None:
        raise RosterError(kind, OCCURRENCE, "not_held", args.occurrence.isoformat(), args.activity)
    return booked


def _occurrence_roster(
    out: Out, plan: Plan, calendar: WorkCalendar, args: RosterArgs, t: Translate, printed: datetime
) -> None:
    occurrence_roster(out, plan, _occurrence("occurrence", plan, calendar, args), t, printed)


def _sign_in(
    out: Out, plan: Plan, calendar: WorkCalendar, args: RosterArgs, t: Translate, printed: datetime
) -> None:
    sign_in_sheet(out, plan, _occurrence("sign-in", plan, calendar, args), t, printed)


def _week(
    out: Out, plan: Plan, calendar: WorkCalendar, args: RosterArgs, t: Translate, printed: datetime
) -> None:
    weekly_roster(out, plan, calendar, WEEK.window(args).start, t, printed)


def _person(
    out: Out, plan: Plan, calendar: WorkCalendar, args: RosterArgs, t: Translate, printed: datetime
) -> None:
    w = PERSON.window(args)
    personal_duty_list(out, plan, calendar, args.staff or "", w.start, w.end, t, printed)


def _branch_month(
    out: Out, plan: Plan, calendar: WorkCalendar, args: RosterArgs, t: Translate, printed: datetime
) -> None:
    branch_month_plan(out, plan, calendar, args.branch or "", BRANCH_MONTH.window(args).start, t, printed)


def _annual(
    out: Out, plan: Plan, calendar: WorkCalendar, args: RosterArgs, t: Translate, printed: datetime
) -> None:
    annual_plan(out, plan, calendar, ANNUAL.window(args).start.year, t, printed)


OCCURRENCE_ROSTER = RosterKind("occurrence", N_("Occurrence roster"), (OCCURRENCE,), None, _occurrence_roster)
SIGN_IN = RosterKind("sign-in", N_("Sign-in sheet"), (OCCURRENCE,), None, _sign_in)
WEEK = RosterKind("week", N_("Weekly roster"), (WINDOW,), "week", _week, wide=True)
PERSON = RosterKind("person", N_("Personal duty list"), (STAFF, WINDOW), "range", _person)
BRANCH_MONTH = RosterKind("branch-month", N_("Branch month plan"), (BRANCH, WINDOW), "month", _branch_month)
ANNUAL = RosterKind("annual", N_("Annual plan"), (WINDOW,), "year", _annual, wide=True)

ROSTERS: dict[str, RosterKind] = {
    k.name: k for k in (OCCURRENCE_ROSTER, WEEK, PERSON, BRANCH_MONTH, SIGN_IN, ANNUAL)
}


def render(
    kind: str,
    out: str | Path | BinaryIO,
    plan: Plan,
    calendar: WorkCalendar,
    args: RosterArgs,
    t: Callable[[str], str],
    printed: datetime,
) -> None:
    """Check the arguments `kind` needs, then draw it (RosterError before anything is written)."""
    k = ROSTERS[kind]
    k.check(plan, calendar, args)
    k.render(out, plan, calendar, args, t, printed)
