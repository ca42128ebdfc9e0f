"""The week in review (一周一复盘): what became of each occurrence of an ISO week, who went and for
how long, the places left open, the conflicts the week's occurrences carry, the requests, and the
week ahead; every figure beside the week before's.

Readings (the rest as in stats.py, whose figures these are; docs/review-forecast.md says them for a
developer):
- The week's occurrences are those taking place in it (a moved occurrence on its new day), as in
  the statistics; an occurrence first planned in the week and moved out of it is listed as moved.
- Fate: held (a record says done), called off (a record says cancelled, or the activity is),
  not recorded (ended before `today` with no record), planned (not over yet, no record).
- People served, volunteer hours and the people who went are the statistics' for the week's dates.
- Open places: the places of the week's held or planned occurrences that no assigned person fills
  (the checker's understaffed figures). Filled late: places filled less than LATE_FILL before the
  occurrence began, read from the audit history; unknown (None) when that history starts later
  than LATE_FILL before the week (a database made or imported since then cannot say).
- Requests: received in the week; answered in the week (the activity answering it first held in
  the week) with the days it took; declined of those received; overdue at the week's end (or at
  `today`, the earlier): still new or accepted with the response time passed.
- Time bank: the hours the ledger credits for the week's occurrences.
- The week ahead: its occurrences, open places, conflicts, and the requests whose response time
  ends in it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.conflict import Conflict
from scheduler.conflicts.kinds import UNDERSTAFFED
from scheduler.office.recording import LedgerEntry
from scheduler.office.requests import OPEN_STATUSES, ResponseTimes, deadline
from scheduler.office.stats import RequestLine, compute, request_lines
from scheduler.plan.history import AuditEntry
from scheduler.plan.model import Plan
from scheduler.plan.wording import N_

OccKey = tuple[str, date]

# A place filled less than this before its occurrence began was filled late.
LATE_FILL = timedelta(days=2)
FIRST_WEEK, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)

HELD, CALLED_OFF, MOVED_AWAY, NOT_RECORDED, PLANNED = (
    "held",
    "called_off",
    "moved_away",
    "not_recorded",
    "planned",
)
FATES = (HELD, CALLED_OFF, MOVED_AWAY, NOT_RECORDED, PLANNED)


class WeekError(ValueError):
    """Not an ISO week the app can review ("2026-W49", 2000 to 2100). `weeks`: the number of ISO
    weeks of the year named, when the text is a week of the right form past that year's last."""

    def __init__(self, text: str, weeks: int | None = None):
        super().__init__(text)
        self.weeks = weeks


def weeks_in(year: int) -> int:
    """The number of ISO weeks of `year` (52 or 53): the week of its 28 December."""
    return date(year, 12, 28).isocalendar()[1]


def parse_week(text: str) -> date:
    """The Monday of an ISO week written YYYY-Www; WeekError when it is not one, or when the week
    lies outside 2000-01-01 – 2100-12-31."""
    t = text.strip()
    if len(t) != 8 or not t.isascii() or t[4:6].upper() != "-W" or not (t[:4].isdigit() and t[6:].isdigit()):
        raise WeekError(text)
    year, week = int(t[:4]), int(t[6:])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise WeekError(text, weeks_in(year) if 1 <= year <= 9998 and week > 0 else None) from None
    if monday < FIRST_WEEK or monday + timedelta(days=6) > LAST_DAY:
        raise WeekError(text)
    return monday


def week_name(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


@dataclass(frozen=True, slots=True)
class OccurrenceLine:
    activity: str
    occurrence: date  # its identity: the date first planned
    start: datetime
    end: datetime
    fate: str  # one of FATES
    served: int | None = None
    hours: float = 0.0
    people: int = 0  # attended (held) or assigned (otherwise)
    reason: str | None = None  # why called off
    moved_from: date | None = None  # moved into the week from this date
    moved_to: datetime | None = None  # moved out of the week to this time
    open_places: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class Went:
    """The people of one department or branch who went, and their hours."""

    key: str
    people: int
    hours: float


@dataclass(slots=True)
class Figures:
    """One week's figures (the review shows two: the week's and the week before's)."""

    start: date
    end: date  # inclusive (the Sunday)
    held: int = 0
    called_off: int = 0
    moved: int = 0
    not_recorded: int = 0
    planned: int = 0
    served: int = 0
    hours: float = 0.0
    people: int = 0
    services: dict[str, int] = field(default_factory=dict)
    open_places: int = 0
    filled_late: int | None = None
    conflicts: dict[str, int] = field(default_factory=dict)  # severity -> count
    received: int = 0
    answered: int = 0
    declined: int = 0
    overdue: int = 0
    median_days_to_answer: float | None = None
    answered_in_time: int = 0
    credited: float = 0.0

    @property
    def occurrences(self) -> int:
        return self.held + self.called_off + self.not_recorded + self.planned


@dataclass(slots=True)
class Ahead:
    start: date
    end: date
    occurrences: int = 0
    open_places: int = 0
    conflicts: dict[str, int] = field(default_factory=dict)
    requests_due: list[str] = field(default_factory=list)  # request ids, by deadline


@dataclass(slots=True)
class Review:
    week: str
    figures: Figures
    before: Figures
    lines: list[OccurrenceLine]
    by_department: list[Went]
    by_branch: list[Went]  # by the people's own party branch ("" for those without)
    conflicts: list[Conflict]  # carried by the week's occurrences
    answered: list[RequestLine]  # requests answered in the week
    ahead: Ahead
    ahead_lines: list[OccurrenceLine]
    # What a reader must know to read the figures right (the week not over, before the plan, a
    # figure that cannot be told): English templates (N_) and the values filling their %1, %2 …
    notes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def _day0(d: date) -> datetime:
    return datetime.combine(d, time.min)


def _week_lines(plan: Plan, calendar: WorkCalendar, monday: date, today: date) -> list[OccurrenceLine]:
    """Every occurrence of the week with its fate (open places and conflicts filled in later)."""
    w0, w1 = _day0(monday), _day0(monday + timedelta(days=7))
    now = _day0(today)
    people: dict[str, dict[date | None, set[str]]] = defaultdict(lambda: defaultdict(set))
    for x in plan.assignments.values():
        people[x.activity][x.occurrence].add(x.staff)
    out: list[OccurrenceLine] = []
    for a in plan.activities.values():
        if not a.rrule and not a.moved and (a.start >= w1 or a.end <= w0):
            continue
        for o in expand(a, w0, w1, calendar):
            rec = plan.records.get((a.id, o.date))
            mine = people.get(a.id, {})
            assigned = len(mine.get(None, set()) | mine.get(o.date, set()))
            moved_from = o.date if o.moved and o.date != o.start.date() else None
            if rec is not None and rec.status == "done":
                line = OccurrenceLine(
                    a.id,
                    o.date,
                    o.start,
                    o.end,
                    HELD,
                    rec.served,
                    sum(x.hours for x in rec.attended),
                    len({x.staff for x in rec.attended}),
                    moved_from=moved_from,
                )
            elif rec is not None or a.status == "cancelled":
                reason = rec.reason if rec is not None else None
                line = OccurrenceLine(
                    a.id,
                    o.date,
                    o.start,
                    o.end,
                    CALLED_OFF,
                    people=assigned,
                    reason=reason,
                    moved_from=moved_from,
                )
            else:
                fate = NOT_RECORDED if o.end <= now else PLANNED
                line = OccurrenceLine(
                    a.id, o.date, o.start, o.end, fate, people=assigned, moved_from=moved_from
                )
            out.append(line)
        # First planned in the week, moved out of it.
        for m in a.moved:
            if monday <= m.from_date < monday + timedelta(days=7) and (m.end <= w0 or m.start >= w1):
                if m.from_date in a.exdates:
                    continue
                start = datetime.combine(m.from_date, a.start.time())
                out.append(
                    OccurrenceLine(
                        a.id, m.from_date, start, start + (a.end - a.start), MOVED_AWAY, moved_to=m.start
                    )
                )
    out.sort(key=lambda x: (x.start, x.activity, x.occurrence))
    return out


def _open_places(conflicts: Iterable[Conflict]) -> dict[OccKey, int]:
    out: dict[OccKey, int] = defaultdict(int)
    for c in conflicts:
        if c.kind == UNDERSTAFFED.code and c.occurrences:
            info = c.info()
            out[c.occurrences[0]] += max(int(info.get("needed", 0)) - int(info.get("met", 0)), 0)
    return out


def _carried(conflicts: Iterable[Conflict], keys: set[OccKey]) -> list[Conflict]:
    return [c for c in conflicts if any(k in keys for k in c.occurrences)]


def _severities(conflicts: Iterable[Conflict]) -> dict[str, int]:
    out = {"error": 0, "warning": 0}
    for c in conflicts:
        out[c.severity] += 1
    return out


def _late_fills(lines: list[OccurrenceLine], audit: list[AuditEntry], start: date) -> int | None:
    """Places of the week's occurrences filled less than LATE_FILL before they began; None when
    the audit history of assignments starts too late to tell."""
    created = [e for e in audit if e.section == "assignments" and e.old is None and e.new]
    first = min((e.at for e in audit if e.section == "assignments"), default=None)
    if first is None or first > _day0(start) - LATE_FILL:
        return None
    by_activity: dict[str, list[OccurrenceLine]] = defaultdict(list)
    for x in lines:
        if x.fate in (HELD, NOT_RECORDED, PLANNED):
            by_activity[x.activity].append(x)
    late: set[tuple] = set()
    for e in created:
        new = e.new or {}
        for x in by_activity.get(str(new.get("activity")), ()):
            occ = new.get("occurrence")
            if occ is not None and occ != x.occurrence.isoformat():
                continue
            if x.start - LATE_FILL <= e.at < x.end:
                late.add((x.activity, x.occurrence, new.get("station"), new.get("staff")))
    return len(late)


def _figures(
    plan: Plan,
    calendar: WorkCalendar,
    monday: date,
    today: date,
    response: ResponseTimes,
    conflicts: list[Conflict],
    requests: list[RequestLine],
    audit: list[AuditEntry],
    ledger: list[LedgerEntry],
) -> tuple[Figures, list[OccurrenceLine], list[Went], list[Went], list[Conflict], list[RequestLine]]:
    sunday = monday + timedelta(days=6)
    lines = _week_lines(plan, calendar, monday, today)
    keys = {(x.activity, x.occurrence) for x in lines if x.fate != MOVED_AWAY}
    mine = _carried(conflicts, keys)
    open_by = _open_places(mine)
    per_occ: dict[OccKey, int] = defaultdict(int)
    for c in mine:
        for k in set(c.occurrences):
            per_occ[k] += 1
    lines = [
        _with(x, open_by.get((x.activity, x.occurrence), 0), per_occ.get((x.activity, x.occurrence), 0))
        for x in lines
    ]
    st = compute(plan, calendar, monday, sunday, min(sunday, today), response)
    f = Figures(monday, sunday)
    for x in lines:
        if x.fate == HELD:
            f.held += 1
        elif x.fate == CALLED_OFF:
            f.called_off += 1
        elif x.fate == NOT_RECORDED:
            f.not_recorded += 1
        elif x.fate == PLANNED:
            f.planned += 1
        if x.fate == MOVED_AWAY or x.moved_from is not None:
            f.moved += 1
    f.served, f.hours, f.people = st.totals.served, st.totals.hours, len(st.people)
    services: dict[str, int] = defaultdict(int)
    for key in st.totals.keys:
        for name, n in plan.records[key].services:
            services[name] += n
    f.services = dict(sorted(services.items(), key=lambda kv: (-kv[1], kv[0])))
    f.open_places = sum(open_by.values())
    f.filled_late = _late_fills(lines, audit, monday)
    f.conflicts = _severities(mine)
    w0, w1 = _day0(monday), _day0(sunday + timedelta(days=1))
    received = [q for q in requests if w0 <= q.received < w1]
    answered = [q for q in requests if q.first_occurrence is not None and w0 <= q.first_occurrence < w1]
    f.received = len(received)
    f.declined = sum(1 for q in received if q.status == "declined")
    f.answered = len(answered)
    days = [q.days_to_answer for q in answered if q.days_to_answer is not None]
    f.median_days_to_answer = round(median(days), 2) if days else None
    f.answered_in_time = sum(1 for q in answered if q.within_response_time)
    judged = min(w1, _day0(today))
    f.overdue = sum(
        1
        for q in plan.requests.values()
        if q.status in OPEN_STATUSES and q.received < judged and deadline(q, response) <= judged
    )
    f.credited = round(sum(e.hours for e in ledger if (e.activity, e.occurrence) in keys), 4)
    by_dept: dict[str, list] = defaultdict(lambda: [0, 0.0])
    by_branch: dict[str, list] = defaultdict(lambda: [0, 0.0])
    for sid, row in st.people.items():
        s = plan.staff.get(sid)
        for table, group in (
            (by_dept, s.department if s else ""),
            (by_branch, (s.branch or "") if s else ""),
        ):
            table[group][0] += 1
            table[group][1] = round(table[group][1] + row.hours, 4)

    def went(table: dict[str, list]) -> list[Went]:
        return sorted(
            (Went(k, v[0], v[1]) for k, v in table.items()), key=lambda w: (-w.hours, -w.people, w.key)
        )

    return f, lines, went(by_dept), went(by_branch), mine, answered


def _with(x: OccurrenceLine, open_places: int, conflicts: int) -> OccurrenceLine:
    if x.fate in (CALLED_OFF, MOVED_AWAY):
        return x
    return OccurrenceLine(
        x.activity,
        x.occurrence,
        x.start,
        x.end,
        x.fate,
        x.served,
        x.hours,
        x.people,
        x.reason,
        x.moved_from,
        x.moved_to,
        open_places,
        conflicts,
    )


def week_review(
    plan: Plan,
    calendar: WorkCalendar,
    monday: date,
    today: date,
    response: ResponseTimes | None = None,
    audit: Iterable[AuditEntry] = (),
    ledger: Iterable[LedgerEntry] = (),
) -> Review:
    """The review of the week starting on `monday` (any day of it will do), judged at `today`
    (what has ended before it without a record is "not recorded"; overdue is judged at it)."""
    monday = monday - timedelta(days=monday.weekday())
    response = response or ResponseTimes()
    audit, ledger = list(audit), list(ledger)
    prev, nxt = monday - timedelta(days=7), monday + timedelta(days=7)
    conflicts = check(
        CheckContext(
            plan,
            calendar,
            _day0(today),
            window_from=max(prev, FIRST_WEEK),
            window_to=min(nxt + timedelta(days=6), LAST_DAY),
            response=response,
        )
    )
    requests = request_lines(plan, calendar, date.min, nxt + timedelta(days=6), response)
    f, lines, by_dept, by_branch, mine, answered = _figures(
        plan, calendar, monday, today, response, conflicts, requests, audit, ledger
    )
    before = _figures(plan, calendar, prev, today, response, conflicts, requests, audit, ledger)[0]
    ahead_lines = _week_lines(plan, calendar, nxt, today)
    ahead_keys = {(x.activity, x.occurrence) for x in ahead_lines if x.fate in (NOT_RECORDED, PLANNED, HELD)}
    ahead_conflicts = _carried(conflicts, ahead_keys)
    a0, a1 = _day0(nxt), _day0(nxt + timedelta(days=7))
    due = sorted(
        (q for q in plan.requests.values() if q.status in OPEN_STATUSES and a0 <= deadline(q, response) < a1),
        key=lambda q: (deadline(q, response), q.id),
    )
    ahead = Ahead(
        nxt,
        nxt + timedelta(days=6),
        len(ahead_keys),
        sum(_open_places(ahead_conflicts).values()),
        _severities(ahead_conflicts),
        [q.id for q in due],
    )
    notes = _notes(plan, monday, today, f, before, audit)
    return Review(
        week_name(monday), f, before, lines, by_dept, by_branch, mine, answered, ahead, ahead_lines, notes
    )


def _notes(
    plan: Plan, monday: date, today: date, f: Figures, before: Figures, audit: list[AuditEntry]
) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    sunday = monday + timedelta(days=6)
    if monday >= today:
        out.append(
            (
                N_(
                    "This week has not come yet (today is %1): its occurrences are still to come, none held or missing."
                ),
                (today.isoformat(),),
            )
        )
    elif sunday >= today:
        out.append(
            (
                N_("This week is not over (today is %1): what is still to come is not counted yet."),
                (today.isoformat(),),
            )
        )
    first = min((a.start.date() for a in plan.activities.values()), default=None)
    if first is None:
        out.append((N_("The plan holds no activities yet."), ()))
    elif sunday < first:
        out.append(
            (N_("This week lies before the plan: its first occurrence is on %1."), (first.isoformat(),))
        )
    if (f.filled_late is None or before.filled_late is None) and (first is None or sunday >= first):
        began = min((e.at for e in audit if e.section == "assignments"), default=None)
        if began is None:
            out.append(
                (
                    N_(
                        "Places filled late (—): this database holds no history of assignments to tell them by."
                    ),
                    (),
                )
            )
        else:
            out.append(
                (
                    N_(
                        "Places filled late (—): cannot be told, the history of assignments in this database "
                        "begins on %1 (kept from the day the plan was made or imported here)."
                    ),
                    (began.date().isoformat(),),
                )
            )
    return out


def _figures_json(f: Figures) -> dict:
    return {
        "from": f.start.isoformat(),
        "to": f.end.isoformat(),
        "occurrences": f.occurrences,
        "held": f.held,
        "called_off": f.called_off,
        "moved": f.moved,
        "not_recorded": f.not_recorded,
        "planned": f.planned,
        "served": f.served,
        "hours": f.hours,
        "people": f.people,
        "services": f.services,
        "open_places": f.open_places,
        "filled_late": f.filled_late,
        "conflicts": f.conflicts,
        "requests": {
            "received": f.received,
            "answered": f.answered,
            "declined": f.declined,
            "overdue": f.overdue,
            "answered_in_time": f.answered_in_time,
            "median_days_to_answer": f.median_days_to_answer,
        },
        "credited_hours": f.credited,
    }


def to_json(r: Review) -> dict:
    """The review as `review --json` prints it (the keys: docs/review-forecast.md), the week before
    under "before"."""
    doc = {"week": r.week, **_figures_json(r.figures)}
    doc["before"] = {"week": week_name(r.before.start), **_figures_json(r.before)}
    doc["occurrence_list"] = [
        {
            "activity": x.activity,
            "occurrence": x.occurrence.isoformat(),
            "start": x.start.isoformat(timespec="minutes"),
            "end": x.end.isoformat(timespec="minutes"),
            "fate": x.fate,
            "served": x.served,
            "hours": x.hours,
            "people": x.people,
            "reason": x.reason,
            "moved_from": x.moved_from.isoformat() if x.moved_from else None,
            "moved_to": x.moved_to.isoformat(timespec="minutes") if x.moved_to else None,
            "open_places": x.open_places,
            "conflicts": x.conflicts,
        }
        for x in r.lines
    ]
    doc["by_department"] = [
        {"department": w.key, "people": w.people, "hours": w.hours} for w in r.by_department
    ]
    doc["by_branch"] = [{"branch": w.key or None, "people": w.people, "hours": w.hours} for w in r.by_branch]
    doc["ahead"] = {
        "week": week_name(r.ahead.start),
        "from": r.ahead.start.isoformat(),
        "to": r.ahead.end.isoformat(),
        "occurrences": r.ahead.occurrences,
        "open_places": r.ahead.open_places,
        "conflicts": sum(r.ahead.conflicts.values()),
        "conflicts_by_severity": r.ahead.conflicts,
        "requests_due": r.ahead.requests_due,
    }
    return doc
