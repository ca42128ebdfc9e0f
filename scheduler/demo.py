"""A made-up but believable hospital for demos, tests and benchmarks, from a recipe and a seed."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from .model import (
    Activity,
    Assignment,
    Attendance,
    Branch,
    Campus,
    Contact,
    Department,
    Hospital,
    Need,
    Pairing,
    Partner,
    Plan,
    Record,
    RotationEntry,
    Service,
    ServiceRequest,
    Slot,
    Staff,
    Station,
    Unavailability,
)
from .planning import department_on_turn
from .recurrence import Occurrence, expand
from .workdays import WorkCalendar

SCALES: dict[str, dict[str, Any]] = {
    # departments taken from the recipe, head-count factor, partners, extra branches
    "small": {"departments": 12, "size_factor": 0.45, "partners": 12, "split_largest": 2},
    "hospital": {"departments": 44, "size_factor": 1.08, "partners": 60, "split_largest": 28},
}

_CN_NUM = "一二三四五六七八九十"


def _need(raw: list[Any]) -> Need:
    return Need(department=raw[0], qualification=raw[1], count=raw[2])


def build_demo(
    recipe: dict[str, Any],
    scale: str,
    seed: int,
    year: int,
    today: date | None = None,
    calendar: WorkCalendar | None = None,
    staffed: bool = True,
) -> Plan:
    """The demo hospital for one calendar year, as a living office on its `today` (default: the
    last day of the year): the months before it staffed and recorded, the weeks after it mostly
    staffed, and a handful of teachable problems left for the user. With the official
    `calendar`, staffing keeps each department's clinical cover on working days. Not `staffed`:
    the same hospital and calendar with nobody assigned and nothing recorded (a year to plan,
    for the solver's benchmark). Same arguments: same plan."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    cfg = SCALES[scale]
    rng = random.Random(f"{seed}-{scale}-{year}")
    today = today or date(year, 12, 31)
    plan = Plan(hospital=Hospital(name=recipe["hospital"], extra={"demo_today": today.isoformat()}))
    names = _Names(recipe, rng)
    dept_rows, sizes, kinds = _departments(plan, recipe, scale, cfg)
    branch_of_dept = _branches(plan, dept_rows, sizes, cfg)
    dept_staff = _people(plan, recipe, rng, names, dept_rows, sizes, kinds, branch_of_dept)
    _secretaries(plan, dept_staff)
    _partners(plan, recipe, rng, names, cfg)
    _pairings(plan, rng, kinds, year)
    for sid, name, minutes, needs, _counts in recipe["services"]:
        plan.services[sid] = Service(sid, name, tuple(_need(n) for n in needs), minutes)
    _demo_activities(plan, recipe, rng, year, today, calendar)
    _demo_unavailability(plan, rng, year)
    if staffed:
        staffer = _Staffer(plan, rng, calendar)
        staffer.staff_all()
        _teachable_problems(plan, rng, staffer, today)
        _record_the_past(plan, recipe, rng, today)
    return plan


def demo_today(year: int, real_today: date) -> date:
    """The demo's own today: the real one when it falls in the demo year, else the year's last
    day (a past year, all recorded) or first day (a coming year, all ahead)."""
    if real_today.year == year:
        return real_today
    return date(year, 12, 31) if year < real_today.year else date(year, 1, 1)


class _Names:
    """Made-up Chinese names, mostly unique (the rare repeat of a common name is realistic)."""

    def __init__(self, recipe: dict[str, Any], rng: random.Random):
        self.surnames, self.given, self.rng = recipe["surnames"], recipe["given"], rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        rng = self.rng
        for _ in range(50):
            name = rng.choice(self.surnames) + "".join(
                rng.choice(self.given) for _ in range(rng.choice((1, 2, 2)))
            )
            if name not in self.used:
                self.used.add(name)
                return name
        return name


_SMALL_DEPARTMENTS = {
    "cardio",
    "ortho",
    "tcm",
    "acu",
    "rehab",
    "geri",
    "emerg",
    "pharm",
    "health",
    "gp",
    "tuina",
    "outreach",
}


def _departments(
    plan: Plan, recipe: dict[str, Any], scale: str, cfg: dict[str, Any]
) -> tuple[list[Any], dict[str, int], dict[str, str]]:
    for cid, cname in recipe["campuses"]:
        plan.campuses[cid] = Campus(cid, cname)
    campus_ids = list(plan.campuses)
    dept_rows = recipe["departments"]
    if scale == "small":
        dept_rows = [d for d in dept_rows if d[0] in _SMALL_DEPARTMENTS]
    dept_rows = dept_rows[: cfg["departments"]]
    sizes: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for i, (did, dname, kind, size, _quals) in enumerate(dept_rows):
        n = max(6, round(size * cfg["size_factor"]))
        sizes[did] = n
        kinds[did] = kind
        cover = math.ceil(n * (0.55 if kind == "clinical" else 0.4)) if kind != "support" else 2
        plan.departments[did] = Department(did, dname, campus_ids[i % len(campus_ids)], cover)
    return dept_rows, sizes, kinds


def _branches(
    plan: Plan, dept_rows: list[Any], sizes: dict[str, int], cfg: dict[str, Any]
) -> dict[str, list[str]]:
    """Branches are built on departments; the largest departments carry several branches."""
    by_size = sorted(sizes, key=lambda d: (-sizes[d], d))
    split = set(by_size[: cfg["split_largest"]])
    branch_of_dept: dict[str, list[str]] = {}
    for did, dname, _kind, _size, _q in dept_rows:
        parts = 2 if did in split else 1
        if did in split and sizes[did] >= 55:
            parts = 3
        ids = []
        for k in range(parts):
            bid = f"b-{did}" if parts == 1 else f"b-{did}-{k + 1}"
            suffix = "党支部" if parts == 1 else f"第{_CN_NUM[k]}党支部"
            plan.branches[bid] = Branch(bid, f"{dname}{suffix}", (did,))
            ids.append(bid)
        branch_of_dept[did] = ids
    return branch_of_dept


def _role_and_qualifications(
    rng: random.Random, did: str, kind: str, k: int, extra: list[str]
) -> tuple[str, list[str]]:
    if kind == "support":
        role, quals = "support", []
    elif did == "pharm":
        role, quals = "pharmacist", ["pharmacist"]
    elif kind == "technical":
        role = "physician" if k % 3 == 0 else "technical"
        quals = ["physician"] if role == "physician" else []
    else:
        role = "physician" if k % 20 < 9 else "nurse"
        quals = [role]
    for q in extra:
        if rng.random() < (0.7 if kind != "clinical" else 0.45):
            quals.append(q)
    if kind == "clinical" and rng.random() < 0.06:
        quals.append("first_aid_instructor")
    if did in ("tcm", "acu", "tuina") and role == "physician":
        quals.append("tcm_physician")
    return role, list(dict.fromkeys(quals))


def _people(
    plan: Plan,
    recipe: dict[str, Any],
    rng: random.Random,
    names: _Names,
    dept_rows: list[Any],
    sizes: dict[str, int],
    kinds: dict[str, str],
    branch_of_dept: dict[str, list[str]],
) -> dict[str, list[str]]:
    titles = recipe["titles"]
    seq = 0
    dept_staff: dict[str, list[str]] = {}
    for did, _dname, kind, _size, extra in dept_rows:
        dept_staff[did] = []
        for k in range(sizes[did]):
            seq += 1
            sid = f"s{seq:04d}"
            role, quals = _role_and_qualifications(rng, did, kind, k, extra)
            party = rng.random() < 0.42
            branch = rng.choice(branch_of_dept[did]) if party else None
            title_list = titles[role]
            title = title_list[min(len(title_list) - 1, int(rng.random() ** 1.6 * len(title_list)))]
            phone = "1" + rng.choice("3578") + "".join(str(rng.randrange(10)) for _ in range(9))
            cap = rng.choice((12.0, 16.0, 16.0, 16.0, 20.0, 24.0))
            active = rng.random() > 0.015
            # Most party members and some others are registered volunteers on the national platform.
            volunteer = (
                f"4302{rng.randrange(10**9, 10**10)}" if rng.random() < (0.8 if party else 0.3) else None
            )
            plan.staff[sid] = Staff(
                sid, names(), did, branch, party, title, tuple(quals), phone, cap, active, volunteer
            )
            dept_staff[did].append(sid)
    return dept_staff


def _secretaries(plan: Plan, dept_staff: dict[str, list[str]]) -> None:
    """Each branch: the secretary is a senior party member of its department, plus a contact."""
    for bid, b in list(plan.branches.items()):
        members = [s for s in dept_staff[b.departments[0]] if plan.staff[s].branch == bid]
        if not members:
            pick = dept_staff[b.departments[0]][0]
            st = plan.staff[pick]
            plan.staff[pick] = replace(st, party_member=True, branch=bid)
            members = [pick]
        secretary = members[0]
        contact_id = members[1] if len(members) > 1 else members[0]
        plan.branches[bid] = Branch(b.id, b.name, b.departments, secretary, contact_id)


def _partners(
    plan: Plan, recipe: dict[str, Any], rng: random.Random, names: _Names, cfg: dict[str, Any]
) -> None:
    """Partners of every kind."""
    kinds_all = list(recipe["partners"])
    names_by_kind = {k: list(v) for k, v in recipe["partners"].items()}
    for i in range(cfg["partners"]):
        kind = kinds_all[i % len(kinds_all)]
        pool = names_by_kind[kind]
        if not pool:
            kind = "community"
            pool = names_by_kind[kind] or ["社区"]
        name = pool.pop(0) if pool else f"{recipe['partners'][kind][0]}{i}"
        pid = f"p{i + 1:03d}"
        population = {
            "community": rng.randrange(4000, 16000),
            "subdistrict": rng.randrange(30000, 90000),
            "village": rng.randrange(800, 4000),
        }.get(kind, rng.randrange(200, 6000))
        share = (
            round(rng.uniform(0.12, 0.38), 2)
            if kind in ("community", "subdistrict", "village")
            else round(rng.uniform(0.02, 0.2), 2)
        )
        contact = Contact(
            names(), "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9))
        )
        district = rng.choice(recipe["districts"])
        address = f"{rng.choice(recipe['districts'])}{name}服务中心"
        plan.partners[pid] = Partner(pid, name, kind, district, address, population, share, contact)


def _pairings(plan: Plan, rng: random.Random, kinds: dict[str, str], year: int) -> None:
    """Every branch of a clinical department with one or two partners."""
    partner_ids = list(plan.partners)
    community_like = [
        p for p in partner_ids if plan.partners[p].kind in ("community", "subdistrict", "village")
    ]
    others = [p for p in partner_ids if p not in community_like]
    pr = 0
    for bid, b in plan.branches.items():
        dk = kinds[b.departments[0]]
        count = 2 if dk == "clinical" and rng.random() < 0.35 else 1
        chosen = rng.sample(community_like, min(count, len(community_like)))
        if dk != "clinical" and others:
            chosen = [rng.choice(others)]
        for pid in chosen:
            pr += 1
            elders = plan.partners[pid].share_60_plus or 0.1
            target = max(4, min(24, round(6 + elders * 40 + rng.uniform(-2, 2))))
            start = date(year - rng.choice((0, 1, 2, 3)), rng.randrange(1, 13), 1)
            plan.pairings[f"pr{pr:03d}"] = Pairing(f"pr{pr:03d}", bid, pid, start, None, target)


_WEEKDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _meets(person: Staff, need: Need) -> bool:
    return (need.department is None or person.department == need.department) and (
        need.qualification is None or need.qualification in person.qualifications
    )


def _demo_activities(
    plan: Plan,
    recipe: dict[str, Any],
    rng: random.Random,
    year: int,
    today: date,
    calendar: WorkCalendar | None,
) -> None:
    jan1 = date(year, 1, 1)
    _night_market(plan, recipe["night_market"], jan1)
    _pairing_visits(plan, rng, jan1, calendar)
    _monthly_series(plan, rng, jan1)
    _home_visits(plan, jan1)
    _requests(plan, rng, jan1, today)


def _night_market(plan: Plan, nm: dict[str, Any], jan1: date) -> None:
    """The weekly TCM night market; departments take weekly turns at the consultation station."""
    first = jan1 + timedelta(days=(3 - jan1.weekday()) % 7)  # the first Thursday
    mall = next((p for p in plan.partners.values() if p.kind == "mall"), None)
    stations = tuple(
        Station(sid, name, tuple(_need(n) for n in needs)) for sid, name, needs in nm["stations"]
    )
    rot_depts = [d for d in nm["rotation_departments"] if d in plan.departments]
    night = Activity(
        id=f"nm-{jan1.year}",
        title=nm["title"],
        start=datetime.combine(first, time(18, 0)),
        end=datetime.combine(first, time(21, 0)),
        kind="night_market",
        partner=mall.id if mall else None,
        venue=nm["venue"],
        rrule="FREQ=WEEKLY;BYDAY=TH;COUNT=50",
        organizer=next((b for b in plan.branches if b.startswith("b-tcm")), None),
        status="confirmed",
        stations=stations,
    )
    rotation = tuple(
        RotationEntry(rot_depts[w % len(rot_depts)], occ.date, "consult")
        for w, occ in enumerate(expand(night))
        if rot_depts
    )
    plan.activities[night.id] = replace(night, rotation=rotation)


_VISIT_SERVICES = (
    "free-clinic",
    "lecture-chronic",
    "constitution",
    "report-reading",
    "home-visit",
    "cognitive",
    "ecg-screen",
    "nutrition",
)


def _pairing_visits(plan: Plan, rng: random.Random, jan1: date, calendar: WorkCalendar | None) -> None:
    """Visits spread over the year from the pairing's start, mostly weekend mornings, some weekday
    afternoons; never two at one venue on a day, never on a statutory holiday. One pairing is
    left behind its yearly target (a teachable warning)."""
    taken: set[tuple[str, date]] = set()
    for number, pairing in enumerate(list(plan.pairings.values())):
        branch = plan.branches[pairing.branch]
        partner = plan.partners[pairing.partner]
        dept = branch.departments[0]
        first = max(jan1, pairing.start or jan1)
        days = (date(jan1.year, 12, 31) - first).days + 1
        n = math.ceil(pairing.visits_per_year * days / 365)
        venue = f"{partner.name}党群服务中心"
        for k in range(n):
            # On or before the day the yearly target calls for (a pairing keeps pace with it).
            day = first + timedelta(days=int(k * days / n) + 3)
            # Mostly in the staff's rest time (weekends), some on weekday afternoons.
            target, hour = rng.choices(((5, None), (6, None), (rng.randrange(1, 4), 14)), (5, 3, 2))[0]
            day -= timedelta(days=(day.weekday() - target) % 7)
            if day < first:
                day += timedelta(days=7)
            while (venue, day) in taken or (calendar is not None and calendar.is_holiday(day)):
                day += timedelta(days=1)
            if day.year != jan1.year:
                continue
            taken.add((venue, day))
            svc = plan.services[rng.choice(_VISIT_SERVICES)]
            # Half of the open needs are narrowed to the branch's own department, where it has
            # people enough with that qualification.
            needs = tuple(
                replace(need, department=dept)
                if need.department is None
                and rng.random() < 0.5
                and _has(plan, dept, need.qualification, need.count)
                else need
                for need in svc.needs
            )
            start = datetime.combine(day, time(hour or rng.choice((8, 9)), rng.choice((0, 30))))
            act = Activity(
                id=f"v-{pairing.id}-{k + 1:02d}",
                title=f"{partner.name}{svc.name}",
                start=start,
                end=start + timedelta(minutes=svc.duration_minutes or 120),
                kind="pairing_visit",
                partner=partner.id,
                venue=venue,
                organizer=branch.id,
                status="confirmed",
                stations=(Station("main", svc.name, needs),),
                extra={"service": svc.id},
            )
            plan.activities[act.id] = act
        if number == 0:  # promised more than was planned
            plan.pairings[pairing.id] = replace(pairing, visits_per_year=pairing.visits_per_year + 8)


def _monthly_series(plan: Plan, rng: random.Random, jan1: date) -> None:
    """Monthly free clinics and lectures by a few branches, as recurring series."""
    for i, bid in enumerate(rng.sample(sorted(plan.branches), min(8, len(plan.branches)))):
        branch = plan.branches[bid]
        pairing = next((p for p in plan.pairings.values() if p.branch == bid), None)
        host = plan.partners[pairing.partner] if pairing else None
        service = plan.services["free-clinic" if i % 2 == 0 else "lecture-chronic"]
        wd = i % 5
        start = datetime.combine(jan1 + timedelta(days=(wd - jan1.weekday()) % 7), time(14, 30))
        act = Activity(
            id=f"m-{bid}",
            title=f"{branch.name}每月{service.name}",
            start=start,
            end=start + timedelta(minutes=service.duration_minutes or 120),
            kind="free_clinic" if service.id == "free-clinic" else "lecture",
            partner=host.id if host else None,
            venue=f"{host.name}活动室" if host else "门诊大厅",
            rrule=f"FREQ=MONTHLY;BYDAY={(i % 4) + 1}{_WEEKDAY[wd]};COUNT=12",
            organizer=bid,
            status="confirmed",
            stations=(Station("main", service.name, service.needs),),
            extra={"service": service.id},
        )
        # dateutil does not count a first start that the rule itself would not produce.
        first = expand(act)
        if first:
            plan.activities[act.id] = replace(act, start=first[0].start, end=first[0].end)


def _home_visits(plan: Plan, jan1: date) -> None:
    """Building doctors: fortnightly home visits by the geriatrics and general-practice branches."""
    for n, bid in enumerate([b for b in plan.branches if b.startswith(("b-geri", "b-gp"))][:2]):
        pairing = next((p for p in plan.pairings.values() if p.branch == bid), None)
        if pairing is None:
            continue
        host = plan.partners[pairing.partner]
        weekday = 2 + n  # Wednesdays and Thursdays: two branches may share a partner
        start = datetime.combine(jan1 + timedelta(days=(weekday - jan1.weekday()) % 7), time(15, 0))
        aid = f"hv-{bid}"
        plan.activities[aid] = Activity(
            id=aid,
            title=f"{host.name}楼栋医生上门巡诊",
            start=start,
            end=start + timedelta(hours=2),
            kind="home_visit",
            partner=host.id,
            venue=host.name,
            rrule=f"FREQ=WEEKLY;INTERVAL=2;BYDAY={_WEEKDAY[weekday]};COUNT=26",
            organizer=bid,
            status="confirmed",
            stations=(Station("main", "上门巡诊", plan.services["home-visit"].needs),),
            extra={"service": "home-visit"},
        )


def _requests(plan: Plan, rng: random.Random, jan1: date, today: date) -> None:
    """Point-order requests received up to the demo's today: most answered with an activity at the
    preferred time (done once it took place), a few declined, the last fortnight's still waiting
    (new or accepted), and one older one forgotten."""
    services = sorted(plan.services)
    pairings = sorted(plan.pairings.values(), key=lambda p: p.id)
    n_requests = max(12, len(plan.partners) // 2)
    span = max(14, (today - jan1).days)
    # Spread over the year; the last four came in during the last fortnight.
    offsets = [int(i * (span - 14) / (n_requests - 4)) for i in range(n_requests - 4)] + [
        span - d for d in (13, 9, 5, 2)
    ]
    for i, offset in enumerate(offsets):
        pairing = pairings[(i * 7) % len(pairings)]
        host = plan.partners[pairing.partner]
        svc = plan.services[rng.choice(services)]
        received = datetime.combine(jan1 + timedelta(days=max(0, offset)), time(9 + i % 8, 0))
        pref_day = received.date() + timedelta(days=7 + (5 - received.weekday()) % 7)
        pref_start = datetime.combine(pref_day, time(9, 0))
        slot = Slot(pref_start, pref_start + timedelta(minutes=svc.duration_minutes or 120))
        rid = f"r{i + 1:03d}"
        waiting = (today - received.date()).days < 14 or i % 11 == 7
        if waiting:
            status = "new" if i % 2 == 0 or i % 11 == 7 else "accepted"
        elif i % 13 == 5:
            status = "declined"
        else:
            status = "done" if slot.end.date() < today else "scheduled"
        plan.requests[rid] = ServiceRequest(
            rid,
            host.id,
            svc.id,
            received,
            "urgent" if i % 9 == 4 else "normal",
            (slot,),
            rng.choice((30, 50, 80, 120, 200)),
            status,
        )
        if status in ("scheduled", "done"):
            aid = f"q-{rid}"
            plan.activities[aid] = Activity(
                id=aid,
                title=f"{host.name}点单：{svc.name}",
                start=slot.start,
                end=slot.end,
                kind="service_request",
                partner=host.id,
                venue=f"{host.name}党群服务中心",
                organizer=pairing.branch,
                request=rid,
                status="confirmed",
                stations=(Station("main", svc.name, svc.needs),),
                extra={"service": svc.id},
            )


def _has(plan: Plan, dept: str, qualification: str | None, count: int) -> bool:
    """Whether a department has `count` active people with the qualification."""
    found = sum(
        1
        for s in plan.staff.values()
        if s.active and s.department == dept and (qualification is None or qualification in s.qualifications)
    )
    return found >= count * 3


def _demo_unavailability(plan: Plan, rng: random.Random, year: int) -> None:
    staff = sorted(plan.staff)
    for sid in rng.sample(staff, max(5, len(staff) // 8)):
        day = date(year, 1, 1) + timedelta(days=rng.randrange(0, 360))
        length = rng.choice((1, 1, 2, 3, 5))
        reason = rng.choice(("leave", "leave", "duty", "rest", "other"))
        start = datetime.combine(day, time(8, 0))
        end = datetime.combine(day + timedelta(days=length - 1), time(17, 30))
        u = Unavailability(sid, start, end, reason)
        plan.unavailability[u.key] = u


# ---------------------------------------------------------------- staffing the year


def _hours(occ: Occurrence) -> float:
    return round((occ.end - occ.start).total_seconds() / 3600 * 4) / 4


class _Staffer:
    """Staffs every occurrence the way a careful office would: one outreach a day per person,
    nobody away, the department on turn, the monthly hours cap, each department's clinical
    cover on working days, the lightest-loaded of a sample of candidates, a party-member lead
    of the organizing branch where one is free."""

    SAMPLE = 40

    def __init__(self, plan: Plan, rng: random.Random, calendar: WorkCalendar | None):
        self.plan, self.rng, self.calendar = plan, rng, calendar
        active = [s for s in plan.staff.values() if s.active]
        self.by_need: dict[tuple[str | None, str | None], list[str]] = {}
        self.people = active
        self.busy: set[tuple[str, date]] = set()
        self.load: dict[str, float] = {}
        self.month: dict[tuple[str, int], float] = {}
        self.away: set[tuple[str, date]] = set()
        self.away_count: dict[tuple[str, date], int] = {}
        for u in plan.unavailability.values():
            day = u.start.date()
            while day <= u.end.date():
                self.away.add((u.staff, day))
                dept = plan.staff[u.staff].department
                self.away_count[(dept, day)] = self.away_count.get((dept, day), 0) + 1
                day += timedelta(days=1)
        self.active_in = {d: sum(1 for s in active if s.department == d) for d in plan.departments}
        self.out: dict[tuple[str, date], int] = {}
        self.occurrences: list[tuple[Activity, Occurrence]] = sorted(
            ((a, o) for a in plan.activities.values() for o in expand(a)), key=lambda x: (x[1].start, x[0].id)
        )

    def candidates(self, need: Need, department: str | None) -> list[str]:
        key = (department or need.department, need.qualification)
        if key not in self.by_need:
            self.by_need[key] = [
                s.id
                for s in self.people
                if (key[0] is None or s.department == key[0])
                and (key[1] is None or key[1] in s.qualifications)
            ]
        return self.by_need[key]

    def _in_clinical_hours(self, occ: Occurrence) -> bool:
        day = occ.start.date()
        working = self.calendar.is_working(day) if self.calendar is not None else day.weekday() < 5
        return working and occ.start.time() < time(17, 30) and occ.end.time() > time(8, 0)

    def free(self, sid: str, occ: Occurrence) -> bool:
        day = occ.start.date()
        person = self.plan.staff[sid]
        if (sid, day) in self.busy or (sid, day) in self.away:
            return False
        cap = person.max_hours_month
        if cap is not None and self.month.get((sid, day.month), 0.0) + _hours(occ) > cap:
            return False
        if self._in_clinical_hours(occ):
            dept = person.department
            cover = self.plan.departments[dept].min_on_duty
            spare = self.active_in[dept] - cover - self.away_count.get((dept, day), 0)
            if self.out.get((dept, day), 0) >= spare:
                return False
        return True

    def take(self, activity: Activity, occ: Occurrence, station: str | None, sid: str, role: str) -> None:
        day = occ.start.date()
        a = Assignment(activity.id, sid, occ.date, station, role)
        self.plan.assignments[a.key] = a
        self.busy.add((sid, day))
        self.load[sid] = self.load.get(sid, 0.0) + _hours(occ)
        self.month[(sid, day.month)] = self.month.get((sid, day.month), 0.0) + _hours(occ)
        if self._in_clinical_hours(occ):
            dept = self.plan.staff[sid].department
            self.out[(dept, day)] = self.out.get((dept, day), 0) + 1

    def pick(self, pool: list[str], occ: Occurrence, prefer: set[str]) -> str | None:
        sample = pool if len(pool) <= self.SAMPLE else self.rng.sample(pool, self.SAMPLE)
        free = [s for s in sample if self.free(s, occ)]
        if not free and len(pool) > self.SAMPLE:
            free = [s for s in pool if self.free(s, occ)]
        if not free:
            return None
        return min(free, key=lambda s: (s not in prefer, self.load.get(s, 0.0), s))

    def staff_occurrence(self, activity: Activity, occ: Occurrence) -> None:
        branch = self.plan.branches.get(activity.organizer or "")
        home = set(branch.departments) if branch else set()
        prefer = {s.id for s in self.people if s.department in home}
        chosen: list[tuple[str, str]] = []
        for station in activity.stations:
            turn = department_on_turn(activity, occ.date, station.id)
            for need in station.needs:
                for _ in range(need.count):
                    sid = self.pick(self.candidates(need, turn), occ, prefer)
                    if sid is not None:
                        self.take(activity, occ, station.id, sid, "member")
                        chosen.append((station.id, sid))
        self._lead(activity, occ, branch, chosen)

    def _lead(
        self, activity: Activity, occ: Occurrence, branch: Branch | None, chosen: list[tuple[str, str]]
    ) -> None:
        staff = self.plan.staff
        members = [(st, s) for st, s in chosen if staff[s].party_member]
        own = [(st, s) for st, s in members if branch is not None and staff[s].branch == branch.id]
        if own or members:
            st, sid = (own or members)[0]
            a = self.plan.assignments.pop((activity.id, occ.date, st, sid))
            self.plan.assignments[a.key] = replace(a, role="lead")
            return
        leaders = [branch.secretary, branch.contact] if branch else []
        for leader in leaders:
            if leader and self.free(leader, occ):
                self.take(activity, occ, None, leader, "lead")
                return

    def staff_all(self) -> None:
        for activity, occ in self.occurrences:
            self.staff_occurrence(activity, occ)


def _teachable_problems(plan: Plan, rng: random.Random, staffer: _Staffer, today: date) -> None:
    """A handful of problems in the weeks after today, each of a kind the conflicts panel
    explains: a place left open, an occurrence without a lead, a leave taken after the roster
    was made, a person in two places at once, a venue booked twice, a department emptied on a
    working morning, someone outside the station's needs, a month over the hours cap."""
    ahead = [
        (a, o)
        for a, o in staffer.occurrences
        if today + timedelta(days=3) <= o.date <= today + timedelta(days=35)
    ]
    if len(ahead) < 12:
        return
    picks = rng.sample(ahead, 12)
    assigned: dict[tuple[str, date], list[Assignment]] = {}
    for a in plan.assignments.values():
        if a.occurrence is not None:
            assigned.setdefault((a.activity, a.occurrence), []).append(a)
    # Places left open in four occurrences (understaffed), no lead in two.
    for activity, occ in picks[:4]:
        members = [a for a in assigned.get((activity.id, occ.date), []) if a.role == "member"]
        if members:
            del plan.assignments[members[-1].key]
    for activity, occ in picks[4:6]:
        for a in assigned.get((activity.id, occ.date), []):
            if a.role == "lead":
                if a.station is None:
                    del plan.assignments[a.key]
                else:
                    plan.assignments[a.key] = replace(a, role="member")
    # A leave entered after the roster was made (staff unavailable).
    activity, occ = picks[6]
    people = assigned.get((activity.id, occ.date), [])
    if people:
        sid = people[-1].staff
        day = occ.start.date()
        u = Unavailability(
            sid,
            datetime.combine(day, time(0, 0)),
            datetime.combine(day + timedelta(days=1), time(0, 0)),
            "leave",
        )
        plan.unavailability[u.key] = u
    # The same person and the same venue twice at once: an extra session planned over another.
    activity, occ = picks[7]
    people = assigned.get((activity.id, occ.date), [])
    if people and activity.venue:
        extra = Activity(
            id=f"x-{occ.date.isoformat()}",
            title=f"{activity.venue}临时加场健康咨询",
            start=occ.start + timedelta(minutes=30),
            end=occ.end,
            kind="free_clinic",
            partner=activity.partner,
            venue=activity.venue,
            organizer=activity.organizer,
            status="planned",
            stations=(Station("main", "健康咨询", (Need(None, "physician", 1),)),),
        )
        plan.activities[extra.id] = extra
        lead = people[0].staff
        plan.assignments[(extra.id, None, "main", lead)] = Assignment(extra.id, lead, None, "main", "lead")
    _department_emptied(plan, picks[8], staffer)
    # Someone on a station whose needs they do not meet (unqualified).
    activity, occ = picks[9]
    for station in activity.stations:
        outsider = next(
            (
                s
                for s in staffer.people
                if not any(_meets(s, n) for n in station.needs) and staffer.free(s.id, occ)
            ),
            None,
        )
        if outsider is not None and station.needs:
            staffer.take(activity, occ, station.id, outsider.id, "member")
            break
    # A month over the hours cap: of those busier in the coming month than in any other, the
    # one with the widest gap gets a cap between the two.
    month = (today + timedelta(days=14)).month
    gaps = []
    for (sid, m), hours in staffer.month.items():
        if m == month:
            other = max((h for (s2, m2), h in staffer.month.items() if s2 == sid and m2 != m), default=0.0)
            gaps.append((hours - other, sid, hours))
    gap, sid, hours = max(gaps, default=(0.0, "", 0.0))
    if gap >= 1:
        plan.staff[sid] = replace(plan.staff[sid], max_hours_month=hours - gap / 2)


def _department_emptied(plan: Plan, pick: tuple[Activity, Occurrence], staffer: _Staffer) -> None:
    """A working-morning lecture at a partner that takes one person too many from a small
    department (department cover)."""
    activity, occ = pick
    day = occ.date
    while staffer.calendar is not None and not staffer.calendar.is_working(day) or day.weekday() >= 5:
        day += timedelta(days=1)
    dept = min(plan.departments.values(), key=lambda d: (staffer.active_in[d.id] - d.min_on_duty, d.id))
    spare = staffer.active_in[dept.id] - dept.min_on_duty - staffer.away_count.get((dept.id, day), 0)
    people = [
        s.id
        for s in staffer.people
        if s.department == dept.id and (s.id, day) not in staffer.busy and (s.id, day) not in staffer.away
    ][: max(spare, 0) + 1]
    if len(people) <= max(spare, 0):
        return
    start = datetime.combine(day, time(9, 0))
    lecture = Activity(
        id=f"x-cover-{day.isoformat()}",
        title=f"{dept.name}进{plan.partners[activity.partner].name if activity.partner else '社区'}集中义诊",
        start=start,
        end=start + timedelta(hours=2),
        kind="free_clinic",
        partner=activity.partner,
        venue=f"{dept.name}义诊点",
        organizer=activity.organizer,
        status="planned",
        stations=(Station("main", "义诊", (Need(dept.id, None, len(people)),)),),
    )
    plan.activities[lecture.id] = lecture
    for i, sid in enumerate(people):
        role = "lead" if plan.staff[sid].party_member and i == 0 else "member"
        plan.assignments[(lecture.id, None, "main", sid)] = Assignment(lecture.id, sid, None, "main", role)


# ---------------------------------------------------------------- recording the past


def _served(kind: str, rng: random.Random, audience: int | None) -> int:
    low, high = {
        "night_market": (150, 420),
        "free_clinic": (40, 220),
        "lecture": (30, 120),
        "home_visit": (3, 12),
        "service_request": (20, 150),
    }.get(kind, (20, 160))
    if audience:
        low, high = max(1, audience // 2), audience + audience // 3
    return rng.randrange(low, high + 1)


def _record_the_past(plan: Plan, recipe: dict[str, Any], rng: random.Random, today: date) -> None:
    """Every occurrence that ended before the demo's today recorded: most done, with people
    served, service counts and every assigned person's hours; a few called off with a reason."""
    counts = {sid: keys for sid, _name, _m, _needs, keys in recipe["services"]}
    people: dict[tuple[str, date], list[str]] = {}
    for a in plan.assignments.values():
        if a.occurrence is not None:
            people.setdefault((a.activity, a.occurrence), []).append(a.staff)
    cutoff = datetime.combine(today, time(0, 0))
    for activity in plan.activities.values():
        for occ in expand(activity):
            if occ.end > cutoff:
                break
            key = (activity.id, occ.date)
            at = occ.end + timedelta(hours=rng.randrange(1, 20))
            if rng.random() < 0.03:
                reason = rng.choice(recipe["cancel_reasons"])
                plan.records[key] = Record(
                    activity.id, occ.date, "cancelled", reason, recorded_at=at, recorded_by="外联办"
                )
                continue
            audience = plan.requests[activity.request].audience if activity.request in plan.requests else None
            served = _served(activity.kind, rng, audience)
            keys = counts.get(activity.extra.get("service", ""), recipe["night_market"]["counts"])
            services = tuple((k, max(1, served * rng.randrange(30, 90) // 100)) for k in keys)
            hours = _hours(occ)
            attended = tuple(Attendance(s, hours) for s in sorted(set(people.get(key, ()))))
            plan.records[key] = Record(
                activity.id,
                occ.date,
                "done",
                None,
                served,
                services,
                attended,
                rng.choice(recipe["notes"]) or None,
                at,
                "外联办",
            )
