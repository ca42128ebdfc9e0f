"""How codes from the plan file are shown to people (translated at the moment of showing)."""

from __future__ import annotations

from reports.messages import ACTIVITY_KIND_NAMES, QUALIFICATION_NAMES, REQUEST_STATUS_NAMES
from scheduler.plan.model import KNOWN_QUALIFICATIONS
from ui.i18n import N_, tr, trf

PARTNER_KINDS = {
    "community": N_("Community"),
    "subdistrict": N_("Subdistrict"),
    "village": N_("Village"),
    "enterprise": N_("Enterprise"),
    "school": N_("School"),
    "station": N_("Railway station"),
    "agency": N_("Agency"),
    "mall": N_("Mall"),
    "other": N_("Other"),
}

QUALIFICATIONS = QUALIFICATION_NAMES
assert set(QUALIFICATIONS) == set(KNOWN_QUALIFICATIONS)


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of a code; an unknown code is shown as written."""
    if code is None:
        return ""
    text = table.get(code)
    return tr(text) if text is not None else code


def in_sentence(text: str) -> str:
    """A label as a word inside a sentence: "Staff member" -> "staff member" ("Edit staff
    member", not "Edit Staff member"); a word in capitals (ICS) and Chinese stay as they are."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def qualification_label(code: str) -> str:
    return label(QUALIFICATIONS, code)


def yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")


# What a record of each section is called, for messages that name records of any kind.
SECTION_NAMES = {
    "campuses": N_("Campus"),
    "departments": N_("Department"),
    "branches": N_("Party branch"),
    "staff": N_("Staff member"),
    "partners": N_("Partner"),
    "pairings": N_("Pairing"),
    "services": N_("Service"),
    "activities": N_("Activity"),
    "requests": N_("Service request"),
    "assignments": N_("Assignment"),
    "records": N_("Record"),
    "calendar": N_("Calendar day"),
}

ACTIVITY_KINDS = ACTIVITY_KIND_NAMES

ACTIVITY_STATUSES = {
    "planned": N_("Planned"),
    "confirmed": N_("Confirmed"),
    "done": N_("Done"),
    "cancelled": N_("Cancelled"),
}

HOLIDAY_POLICIES = {
    "keep": N_("Hold it on holidays too"),
    "skip": N_("Skip statutory holidays"),
    "next_working_day": N_("Move to the next working day"),
}

REQUEST_STATUSES = REQUEST_STATUS_NAMES

REQUEST_PRIORITIES = {"normal": N_("Normal"), "urgent": N_("Urgent")}

ROLES = {"lead": N_("Lead"), "member": N_("Member")}

CALENDAR_KINDS = {"holiday": N_("Statutory holiday"), "workday": N_("Make-up workday")}

# The words for the codes of each declared field with choices (scheduler/plan/fields.py), by
# (section, key), in the order a form offers them; a code not here is shown as written.
CODE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("staff", "qualifications"): QUALIFICATIONS,
    ("partners", "kind"): PARTNER_KINDS,
    ("activities", "kind"): ACTIVITY_KINDS,
    ("activities", "status"): ACTIVITY_STATUSES,
    ("activities", "holiday_policy"): HOLIDAY_POLICIES,
    ("assignments", "role"): ROLES,
    ("requests", "status"): REQUEST_STATUSES,
    ("requests", "priority"): REQUEST_PRIORITIES,
    ("calendar", "kind"): CALENDAR_KINDS,
}

# The official calendar's holiday names (scheduler/calendar/workdays.py gives them in Chinese, as offices
# know them), said in the UI's language; a name the office typed is shown as typed.
HOLIDAY_NAMES = {
    "元旦": N_("New Year's Day"),
    "春节": N_("Spring Festival"),
    "清明节": N_("Qingming Festival"),
    "劳动节": N_("Labour Day"),
    "端午节": N_("Dragon Boat Festival"),
    "中秋节": N_("Mid-Autumn Festival"),
    "国庆节": N_("National Day"),
    "抗战胜利70周年纪念日": N_("Victory Day (70th anniversary)"),
}
MAKEUP_SUFFIX = "调休"


def holiday_label(name: str | None) -> str:
    """A holiday's name in the UI's language: "国庆节" is "National Day" in English; the
    official make-up workday "国庆节调休" is "National Day (make-up workday)"."""
    if not name:
        return ""
    if name in HOLIDAY_NAMES:
        return tr(HOLIDAY_NAMES[name])
    base = name.removesuffix(MAKEUP_SUFFIX)
    if base != name and base in HOLIDAY_NAMES:
        return trf("%1 (make-up workday)", tr(HOLIDAY_NAMES[base]))
    return name
