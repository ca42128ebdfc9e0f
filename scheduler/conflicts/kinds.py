"""Every kind of conflict, declared once: its code (as `check --json` and the acknowledgements
spell it), its severity, the unit the incremental checker re-checks it by, its display name and
its sentence (English, marked for translation; the Chinese is in the translation file).

The finders (scheduler/conflicts/people.py, cover.py, progress.py) make conflicts of these kinds,
the checker runs one finder per kind in the order of KINDS, reports/messages.py fills in the
sentence, the conflicts panel offers the names as its filter, and docs/check.md describes each
kind (tests/scheduler/conflicts/test_check_doc.py holds the page to this table)."""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.plan.wording import N_

ERROR, WARNING = "error", "warning"

# The units a kind is re-checked by after an edit (the incremental checker keeps conflicts per
# unit and re-runs a unit's kinds when an edit touches the unit).
OCCURRENCE = "occurrence"  # one occurrence: its activity, assignments, record or people changed
STAFF = "staff"  # one person: their bookings, unavailability or details changed
DEPARTMENT = "department"  # one department: its members or their bookings changed
VENUE = "venue"  # one venue: an occurrence there moved, came or went
STAFF_MONTH = "staff_month"  # one person in one calendar month
GLOBAL = "global"  # judged on the whole plan at `today`: re-run after every edit
SCOPES = (OCCURRENCE, STAFF, DEPARTMENT, VENUE, STAFF_MONTH, GLOBAL)


@dataclass(frozen=True, slots=True, eq=False)
class ConflictKind:
    """One kind of conflict (FET's constraint interface, without the finding: see checker.FINDERS).
    Each is declared once below and compared by identity."""

    code: str  # as the JSON report and the acknowledgements spell it (docs/check.md)
    severity: str  # ERROR or WARNING
    scope: str  # one of SCOPES
    name: str  # the display name (English, translatable)
    # The sentence (English, translatable); its placeholders are those reports.messages.describe fills.
    template: str


STAFF_DOUBLE_BOOKED = ConflictKind(
    "staff_double_booked",
    ERROR,
    STAFF,
    N_("Double booking"),
    N_("{staff} is booked twice: {a} and {b} overlap ({when})."),
)
STAFF_UNAVAILABLE = ConflictKind(
    "staff_unavailable",
    ERROR,
    STAFF,
    N_("Staff unavailable"),
    N_("{staff} is assigned to {a} ({when}) but is away: {reasons}."),
)
DEPARTMENT_COVER = ConflictKind(
    "department_cover",
    ERROR,
    DEPARTMENT,
    N_("Department cover"),
    N_(
        "{department} keeps only {present} of the {minimum} people it needs in the hospital {when}, "
        "because of {occurrences}."
    ),
)
UNDERSTAFFED = ConflictKind(
    "understaffed",
    ERROR,
    OCCURRENCE,
    N_("Understaffed"),
    N_("{station} of {a} ({when}) is understaffed: {met} of {needed} places filled."),
)
UNQUALIFIED = ConflictKind(
    "unqualified",
    WARNING,
    OCCURRENCE,
    N_("Unqualified"),
    N_("{staff} at {station} of {a} ({when}) meets none of the station's needs."),
)
NO_LEAD = ConflictKind(
    "no_lead",
    WARNING,
    OCCURRENCE,
    N_("No lead"),
    N_("{a} ({when}) has no lead who is a party member."),
)
VENUE_DOUBLE_BOOKED = ConflictKind(
    "venue_double_booked",
    WARNING,
    VENUE,
    N_("Venue double-booked"),
    N_("{venue} is booked twice: {a} and {b} overlap ({when})."),
)
HOURS_CAP = ConflictKind(
    "hours_cap",
    WARNING,
    STAFF_MONTH,
    N_("Hours cap"),
    N_("{staff} is planned for {hours} h of outreach in {month}, over the cap of {cap} h."),
)
HOLIDAY = ConflictKind(
    "holiday",
    WARNING,
    OCCURRENCE,
    N_("Statutory holiday"),
    N_("{a} ({when}) falls on a statutory holiday: {holiday}."),
)
PAIRING_BEHIND_PLAN = ConflictKind(
    "pairing_behind_plan",
    WARNING,
    GLOBAL,
    N_("Pairing behind plan"),
    N_(
        "The pairing of {branch} with {partner} is behind plan: {held} held, {expected} expected by now "
        "(target {target} a year)."
    ),
)
REQUEST_OVERDUE = ConflictKind(
    "request_overdue",
    WARNING,
    GLOBAL,
    N_("Request overdue"),
    N_("Request {request} of {partner} ({service}) is overdue: it was due by {deadline}."),
)

# Every kind by its code, in the order a report lists them.
KINDS: dict[str, ConflictKind] = {
    k.code: k
    for k in (
        STAFF_DOUBLE_BOOKED,
        STAFF_UNAVAILABLE,
        DEPARTMENT_COVER,
        UNDERSTAFFED,
        UNQUALIFIED,
        NO_LEAD,
        VENUE_DOUBLE_BOOKED,
        HOURS_CAP,
        HOLIDAY,
        PAIRING_BEHIND_PLAN,
        REQUEST_OVERDUE,
    )
}
