"""Sentences about conflicts, for the command line, the PDFs and (translated) the GUI.

The templates are English; a caller that shows another language passes `t`, which maps a
template to its translation (the GUI passes Qt's translator)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from scheduler.conflicts.conflict import Conflict
from scheduler.conflicts.kinds import KINDS, VENUE_DOUBLE_BOOKED
from scheduler.office.leads import OwnLeads
from scheduler.plan.model import Hospital, Plan
from scheduler.plan.wording import N_
from scheduler.solver.proposal import Bound, Stage, Unfilled

QUALIFICATION_NAMES = {
    "physician": N_("Physician"),
    "nurse": N_("Nurse"),
    "tcm_physician": N_("TCM physician"),
    "acupuncture": N_("Acupuncture"),
    "massage": N_("Massage (tuina)"),
    "moxibustion": N_("Moxibustion"),
    "ecg": N_("ECG"),
    "first_aid_instructor": N_("First-aid instructor"),
    "pharmacist": N_("Pharmacist"),
    "rehab_therapist": N_("Rehabilitation therapist"),
    "dietitian": N_("Dietitian"),
    "psychologist": N_("Psychologist"),
    "lab_technician": N_("Lab technician"),
    "ultrasound": N_("Ultrasound"),
}

WEEKDAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

ACTIVITY_KIND_NAMES = {
    "pairing_visit": N_("Pairing visit"),
    "service_request": N_("Point-order service"),
    "night_market": N_("TCM night market"),
    "market": N_("Market stall"),
    "free_clinic": N_("Free clinic"),
    "lecture": N_("Health lecture"),
    "home_visit": N_("Home visit"),
    "training": N_("Training"),
    "other": N_("Other"),
}

REQUEST_STATUS_NAMES = {
    "new": N_("New"),
    "accepted": N_("Accepted"),
    "scheduled": N_("Scheduled"),
    "done": N_("Done"),
    "declined": N_("Declined"),
}

SERVICE_COUNT_NAMES = {
    "blood_pressure": N_("Blood pressure"),
    "blood_sugar": N_("Blood sugar"),
    "consultation": N_("Consultation"),
    "tcm_constitution": N_("TCM constitution"),
    "acupuncture": N_("Acupuncture"),
    "massage": N_("Massage"),
    "moxibustion": N_("Moxibustion"),
    "ecg": N_("ECG"),
    "cognitive_screening": N_("Cognitive screening"),
    "report_reading": N_("Report reading"),
    "first_aid_training": N_("First-aid training"),
    "lecture": N_("Lecture listeners"),
    "herbal_tea": N_("Herbal tea"),
    "home_visit": N_("Home visits"),
}

REASONS = {
    "leave": N_("on leave"),
    "duty": N_("on clinical duty"),
    "rest": N_("resting after a night shift"),
    "other": N_("unavailable"),
}


def _span(start: datetime | None, end: datetime | None) -> str:
    if start is None:
        return ""
    if end is None:
        return f"{start:%Y-%m-%d %H:%M}"
    if end.date() == start.date():
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"


def describe(conflict: Conflict, plan: Plan, t: Callable[[str], str] = lambda s: s) -> str:
    """One sentence a planner understands, with names and times: the sentence of the conflict's
    kind (scheduler/conflicts/kinds.py) filled in."""

    def name(section: str, key: str | None) -> str:
        if key is None:
            return ""
        item = getattr(plan, section).get(key)
        return getattr(item, "name", None) or key

    def occ(i: int) -> str:
        if i >= len(conflict.occurrences):
            return ""
        aid, day = conflict.occurrences[i]
        a = plan.activities.get(aid)
        return f"{a.title if a else aid} {day:%m-%d}"

    info = conflict.info()
    station = ""
    if conflict.station and conflict.occurrences:
        a = plan.activities.get(conflict.occurrences[0][0])
        station = next(
            (s.name for s in (a.stations if a else ()) if s.id == conflict.station), conflict.station
        )
    values = {
        "staff": name("staff", conflict.staff),
        "department": name("departments", conflict.department),
        "partner": name("partners", conflict.partner),
        "station": station,
        "a": occ(0),
        "b": occ(1),
        "when": _span(conflict.start, conflict.end),
        "occurrences": t(", ").join(occ(i) for i in range(len(conflict.occurrences))),
        "reasons": t(", ").join(t(REASONS.get(r, r)) for r in info.get("reasons", ())),
        "present": info.get("present", ""),
        "minimum": info.get("minimum", ""),
        "met": info.get("met", ""),
        "needed": info.get("needed", ""),
        "hours": f"{info.get('hours', 0):g}",
        "cap": f"{info.get('cap', 0):g}",
        "month": f"{conflict.start:%Y-%m}" if conflict.start else "",
        "holiday": info.get("holiday", ""),
        "held": info.get("held", ""),
        "expected": f"{info.get('expected', 0):g}",
        "target": info.get("target", ""),
        "request": conflict.request or "",
        "deadline": _span(conflict.start, None),
        "venue": "",
        "branch": "",
        "service": "",
    }
    if conflict.kind == VENUE_DOUBLE_BOOKED.code and conflict.occurrences:
        a = plan.activities.get(conflict.occurrences[0][0])
        values["venue"] = (a.venue if a else "") or ""
    if conflict.pairing:
        p = plan.pairings.get(conflict.pairing)
        values["branch"] = name("branches", p.branch if p else None)
    if conflict.request:
        q = plan.requests.get(conflict.request)
        values["service"] = name("services", q.service if q else None)
    return t(KINDS[conflict.kind].template).format(**values)


UNFILLED = {
    "no_qualified_person": N_("no active person matches ({need})"),
    "no_qualified_on_rotation": N_("nobody of {department}, the department on turn, matches ({need})"),
    "all_busy_or_away": N_("everyone matching ({need}) is elsewhere at that time or on leave, duty or rest"),
    "department_cover": N_(
        "taking anyone free matching ({need}) would leave their department under its minimum cover"
    ),
    "hours_cap": N_("everyone free matching ({need}) is at their monthly hours cap"),
    "taken_elsewhere": N_("everyone free matching ({need}) is needed by other occurrences at that time"),
}


def describe_need(
    department: str | None, qualification: str | None, plan: Plan, t: Callable[[str], str]
) -> str:
    """'Nurse, Cardiology', 'Nurse', 'Cardiology' or 'anyone'."""
    dept = plan.departments.get(department) if department else None
    parts = [
        t(QUALIFICATION_NAMES.get(qualification, qualification)) if qualification else "",
        (dept.name if dept else department) or "",
    ]
    return t(", ").join(x for x in parts if x) or t("anyone")


def describe_unfilled(u: Unfilled, plan: Plan, t: Callable[[str], str] = lambda s: s) -> str:
    """Why a need stays open: '<station> of <activity> 12-03: 1 missing — <reason>'."""
    a = plan.activities.get(u.activity)
    station = next((s.name for s in (a.stations if a else ()) if s.id == u.station), u.station)
    dept = plan.departments.get(u.department) if u.department else None
    need = describe_need(u.department, u.qualification, plan, t)
    reason = t(UNFILLED.get(u.reason, u.reason)).format(
        need=need, department=(dept.name if dept else u.department) or ""
    )
    head = t("{station} of {activity} {day}: {missing} missing").format(
        station=station, activity=a.title if a else u.activity, day=f"{u.occurrence:%m-%d}", missing=u.missing
    )
    return f"{head} — {reason}"


# Auto-assign: the stages of the solver's objective, how each ended, and the lower bound.
STAGE_NAMES = {
    "fill": N_("Fill every place"),
    "lead": N_("A lead for every occurrence"),
    "changes": N_("Fewest changed assignments"),
    "max_hours": N_("Smallest maximum of hours per person"),
    "own_branch": N_("Most occurrences led by a party member of their own branch"),
    "at_max": N_("Fewest people at that maximum"),
    "spread": N_("Fewest people at or above {level} h"),
    "preferences": N_("Preference: {rule}"),
}
# A preference's figure, as the preview and the command line show it.
PREFERENCE_FIGURES = {
    "hours_cap": N_("hours over a monthly cap"),
    "paired_branch": N_("people from outside the organizing branch"),
    "evenings": N_("evenings in a row for one person"),
}
STAGE_STATUS = {
    "optimal": N_("the best possible"),
    "stopped": N_("the best found in the time given"),
    "kept": N_("no better one found in the time given"),
    "cancelled": N_("cancelled"),
}
# How a whole run of auto-assign ended (scheduler.solver.proposal.Proposal.status), in plain words.
RUN_STATUS = {
    "optimal": N_("the best plan possible"),
    "stopped": N_("the best plan found in the time given"),
    "cancelled": N_("cancelled"),
    "greedy": N_("filled in order, without searching"),
    "nothing to do": N_("nothing to do"),
    "no solution": N_("no plan found"),
}


def describe_run(status: str, t: Callable[[str], str] = lambda s: s) -> str:
    """How a run of auto-assign ended: 'the best plan possible'."""
    return t(RUN_STATUS.get(status, status))


def describe_stage(stage: Stage, t: Callable[[str], str] = lambda s: s) -> str:
    """'Smallest maximum of hours per person: 3.5 (the best possible)'."""
    rule = t(PREFERENCE_FIGURES.get(stage.rule or "", stage.rule or ""))
    name = t(STAGE_NAMES.get(stage.name, stage.name)).format(level=_hours(stage.level or 0), rule=rule)
    status = t(STAGE_STATUS.get(stage.status, stage.status))
    if stage.bound is not None and stage.status != "optimal" and abs(stage.bound - stage.value) > 1e-6:
        # How far it may be from best: what the search proved no answer passes.
        most = stage.name in ("fill", "lead", "own_branch")
        # Two t() calls, not one of a conditional: tools/translations.py collects literal strings.
        said = t("; perhaps up to {bound}") if most else t("; perhaps as low as {bound}")
        status += said.format(bound=_hours(stage.bound))
    if stage.by_clock:
        status += t(", stopped by the clock: may differ on another run")
    return t("{name}: {value} ({status})").format(name=name, value=_hours(stage.value), status=status)


def describe_own_leads(own: OwnLeads, t: Callable[[str], str] = lambda s: s) -> str:
    """'Led by their own branch: 143 of 146, at most 145' (scheduler/office/leads.py)."""
    text = t("Led by their own branch: {count} of {of}").format(count=own.count, of=own.of)
    if own.bound is not None:
        text += t(", at most {bound}").format(bound=own.bound)
    return text


def describe_pool(bound: Bound, plan: Plan, t: Callable[[str], str] = lambda s: s) -> str:
    """The pool behind a bound ('ECG'), or the person already carrying it."""
    if bound.staff is not None:
        person = plan.staff.get(bound.staff)
        return person.name if person else bound.staff
    return describe_need(bound.department, bound.qualification, plan, t)


def describe_bound(
    bound: Bound | None, max_hours: float, plan: Plan, t: Callable[[str], str] = lambda s: s
) -> str:
    """The busiest person's hours against the least any plan can do with, and why."""
    head = t("The busiest person carries {hours} h").format(hours=_hours(max_hours))
    if bound is None or bound.minutes <= 0:
        return head + "."
    if bound.staff is not None:
        why = t("{name} already carries {bound} h in the window").format(
            name=describe_pool(bound, plan, t), bound=_hours(bound.hours)
        )
    else:
        why = t("{pool} needs {places} places and {people} people can take them").format(
            pool=describe_pool(bound, plan, t), places=bound.places, people=bound.people
        )
    if abs(bound.hours - max_hours) < 1e-6:
        return head + t("; no plan can do with less: {why}.").format(why=why)
    return head + t("; no plan can do with less than {bound} h: {why}.").format(
        bound=_hours(bound.hours), why=why
    )


def _hours(h: float) -> str:
    return f"{round(h, 2):g}"


# What an import changed in the hospital's own record, by field (the plan file's `hospital` keys).
HOSPITAL_FIELDS = {
    "name": N_("name"),
    "timezone": N_("time zone"),
    "clinical_hours": N_("clinical hours"),
    "shift_codes": N_("shift codes"),
}


def describe_hospital_change(
    before: Hospital | None, after: Hospital | None, t: Callable[[str], str] = lambda s: s
) -> str:
    """'name (南湖市中心医院), shift codes (4)': the fields of the hospital record that differ,
    each with its new value (a count for the shift codes), in the plan file's order."""
    old, new = before or Hospital(), after or Hospital()
    said: list[str] = []

    def field(key: str, a: object, b: object, shown: str) -> None:
        if a != b:
            said.append(f"{t(HOSPITAL_FIELDS.get(key, key))} ({shown})")

    field("name", old.name, new.name, new.name)
    field("timezone", old.timezone, new.timezone, new.timezone)
    field(
        "clinical_hours", tuple(old.clinical_hours), tuple(new.clinical_hours), "–".join(new.clinical_hours)
    )
    for key in sorted({*old.extra, *new.extra}):
        value = new.extra.get(key)
        shown = str(len(value)) if isinstance(value, dict | list) else "—" if value is None else str(value)
        field(key, old.extra.get(key), value, shown)
    return t(", ").join(said)
