"""A made-up but believable hospital for demos, tests and benchmarks, from a recipe and a seed."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.calendar.recurrence import expand
from scheduler.calendar.workdays import WorkCalendar
from scheduler.demo.daily_life import Staffer, record_the_past, teachable_problems
from scheduler.plan.model import (
    Activity,
    Branch,
    Campus,
    Contact,
    Department,
    Hospital,
    Need,
    Pairing,
    Partner,
    Plan,
    RotationEntry,
    Service,
    ServiceRequest,
    Slot,
    Staff,
    Station,
    Unavailability,
)

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
        staffer = Staffer(plan, rng, calendar)
        staffer.staff_all()
        teachable_problems(plan, rng, staffer, today)
        record_the_past(plan, recipe, rng, today)
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
    # A kind whose names ran out gives its place to a community, each with a name of its own
    # (a bare "社区" read as "社区义诊" and "… with 社区").
    spare = list(recipe.get("more_communities", ()))
    for i in range(cfg["partners"]):
        kind = kinds_all[i % len(kinds_all)]
        pool = names_by_kind[kind]
        if not pool:
            kind = "community"
            pool = names_by_kind[kind] or spare
        name = pool.pop(0) if pool else f"{rng.choice(recipe['districts'])}第{i + 1}社区"
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
    # The longest-standing pairing promised twice what it plans: behind its target all year.
    behind = min(plan.pairings.values(), key=lambda p: (p.start or jan1, p.id), default=None)
    for pairing in list(plan.pairings.values()):
        branch = plan.branches[pairing.branch]
        partner = plan.partners[pairing.partner]
        dept = branch.departments[0]
        first = max(jan1, pairing.start or jan1)
        days = (date(jan1.year, 12, 31) - first).days + 1
        n = math.ceil(pairing.visits_per_year * days / 365)
        venue = f"{partner.name}党群服务中心"
        phase = rng.uniform(0, 0.3)  # pairings spread over the weeks, not all on the first weekend
        for k in range(n):
            # On or before the day the yearly target calls for (a pairing keeps pace with it).
            # The first visits of the year spread over its first weeks (not all on 1 January).
            day = first + timedelta(days=int((k + (phase if k else rng.uniform(0.1, 0.7))) * days / n))
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
        if pairing is behind:
            plan.pairings[pairing.id] = replace(pairing, visits_per_year=2 * pairing.visits_per_year)


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
