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
from .recurrence import expand

SCALES: dict[str, dict[str, Any]] = {
    # departments taken from the recipe, head-count factor, partners, extra branches
    "small": {"departments": 12, "size_factor": 0.45, "partners": 12, "split_largest": 2},
    "hospital": {"departments": 44, "size_factor": 1.08, "partners": 60, "split_largest": 28},
}

_CN_NUM = "一二三四五六七八九十"


def _need(raw: list[Any]) -> Need:
    return Need(department=raw[0], qualification=raw[1], count=raw[2])


def build_demo(recipe: dict[str, Any], scale: str, seed: int, year: int) -> Plan:
    """The demo hospital for one calendar year. Same recipe, scale, seed, year: same plan."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    cfg = SCALES[scale]
    rng = random.Random(f"{seed}-{scale}-{year}")
    plan = Plan(hospital=Hospital(name=recipe["hospital"]))

    for cid, cname in recipe["campuses"]:
        plan.campuses[cid] = Campus(cid, cname)
    campus_ids = list(plan.campuses)

    dept_rows = recipe["departments"]
    if scale == "small":
        wanted = {
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
        dept_rows = [d for d in dept_rows if d[0] in wanted]
    dept_rows = dept_rows[: cfg["departments"]]
    sizes: dict[str, int] = {}
    kinds: dict[str, str] = {}
    extra_quals: dict[str, list[str]] = {}
    for i, (did, dname, kind, size, quals) in enumerate(dept_rows):
        n = max(6, round(size * cfg["size_factor"]))
        sizes[did] = n
        kinds[did] = kind
        extra_quals[did] = quals
        cover = math.ceil(n * (0.55 if kind == "clinical" else 0.4)) if kind != "support" else 2
        plan.departments[did] = Department(did, dname, campus_ids[i % len(campus_ids)], cover)

    # Branches are built on departments; the largest departments carry several branches.
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

    surnames = recipe["surnames"]
    given = recipe["given"]
    used_names: set[str] = set()

    def person_name() -> str:
        for _ in range(50):
            name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))
            if name not in used_names:
                used_names.add(name)
                return name
        return name  # the rare repeat of a common name is realistic

    titles = recipe["titles"]
    seq = 0
    dept_staff: dict[str, list[str]] = {}
    for did, _dname, kind, _size, _q in dept_rows:
        dept_staff[did] = []
        for k in range(sizes[did]):
            seq += 1
            sid = f"s{seq:04d}"
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
            for q in extra_quals[did]:
                if rng.random() < (0.7 if kind != "clinical" else 0.45):
                    quals.append(q)
            if kind == "clinical" and rng.random() < 0.06:
                quals.append("first_aid_instructor")
            if did in ("tcm", "acu", "tuina") and role == "physician":
                quals.append("tcm_physician")
            quals = list(dict.fromkeys(quals))
            party = rng.random() < 0.42
            branch = rng.choice(branch_of_dept[did]) if party else None
            title_list = titles[role]
            title = title_list[min(len(title_list) - 1, int(rng.random() ** 1.6 * len(title_list)))]
            phone = "1" + rng.choice("3578") + "".join(str(rng.randrange(10)) for _ in range(9))
            cap = rng.choice((12.0, 16.0, 16.0, 16.0, 20.0, 24.0))
            active = rng.random() > 0.015
            plan.staff[sid] = Staff(
                sid, person_name(), did, branch, party, title, tuple(quals), phone, cap, active
            )
            dept_staff[did].append(sid)

    # Each branch: the secretary is a senior party member of its department, plus a contact.
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

    # Partners of every kind.
    kinds_all = list(recipe["partners"])
    names_by_kind = {k: list(v) for k, v in recipe["partners"].items()}
    partner_ids: list[str] = []
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
            person_name(), "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9))
        )
        plan.partners[pid] = Partner(
            pid,
            name,
            kind,
            rng.choice(recipe["districts"]),
            f"{rng.choice(recipe['districts'])}{name}服务中心",
            population,
            share,
            contact,
        )
        partner_ids.append(pid)

    # Pairings: every branch of a clinical department with one or two partners.
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

    # The service catalogue.
    for sid, name, minutes, needs, _counts in recipe["services"]:
        plan.services[sid] = Service(sid, name, tuple(_need(n) for n in needs), minutes)

    _demo_activities(plan, recipe, rng, year, dept_staff)
    _demo_unavailability(plan, rng, year)
    return plan


_WEEKDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class _Staffing:
    """Assigns demo people without double booking anyone on a day."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.busy: set[tuple[str, date]] = set()

    def assign(self, activity: Activity, day: date, station: str | None, sid: str, role: str) -> None:
        a = Assignment(activity.id, sid, None, station, role)
        self.plan.assignments[a.key] = a
        self.busy.add((sid, day))

    def free(self, candidates: list[str], day: date) -> list[str]:
        return [s for s in candidates if self.plan.staff[s].active and (s, day) not in self.busy]


def _meets(person: Staff, need: Need) -> bool:
    return (need.department is None or person.department == need.department) and (
        need.qualification is None or need.qualification in person.qualifications
    )


def _demo_activities(
    plan: Plan, recipe: dict[str, Any], rng: random.Random, year: int, dept_staff: dict[str, list[str]]
) -> None:
    jan1 = date(year, 1, 1)
    staffing = _Staffing(plan)
    _night_market(plan, recipe["night_market"], jan1)
    _pairing_visits(plan, rng, jan1, dept_staff, staffing)
    _monthly_series(plan, rng, jan1)
    _home_visits(plan, jan1)
    _requests(plan, rng, jan1)


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


def _pairing_visits(
    plan: Plan, rng: random.Random, jan1: date, dept_staff: dict[str, list[str]], staffing: _Staffing
) -> None:
    """Visits spread over the year, mostly weekend mornings; the first half already staffed."""
    for pairing in list(plan.pairings.values()):
        branch = plan.branches[pairing.branch]
        partner = plan.partners[pairing.partner]
        dept = branch.departments[0]
        n = pairing.visits_per_year
        for k in range(n):
            day = jan1 + timedelta(days=int((k + rng.random() * 0.6) * 365 / n))
            # Mostly in the staff's rest time (weekends), some on weekday afternoons.
            target, hour = rng.choices(((5, None), (6, None), (rng.randrange(1, 4), 14)), (5, 3, 2))[0]
            day += timedelta(days=(target - day.weekday()) % 7)
            if day.year != jan1.year:
                continue
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
                venue=f"{partner.name}党群服务中心",
                organizer=branch.id,
                status="confirmed" if k < n // 2 else "planned",
                stations=(Station("main", svc.name, needs),),
            )
            plan.activities[act.id] = act
            if k < n // 2:
                lead = staffing.free([branch.secretary] if branch.secretary else [], day)
                if lead:
                    staffing.assign(act, day, None, lead[0], "lead")
                # The branch's own people fill what they can, each the first need they meet;
                # one place is left open in most visits for the planner (or the solver).
                pool = staffing.free(dept_staff[dept], day)
                rng.shuffle(pool)
                places = [need for need in needs for _ in range(need.count)]
                if rng.random() < 0.7:
                    places = places[:-1]
                for need in places:
                    who = next((sid for sid in pool if _meets(plan.staff[sid], need)), None)
                    if who is not None:
                        pool.remove(who)
                        staffing.assign(act, day, "main", who, "member")


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
        )
        # dateutil does not count a first start that the rule itself would not produce.
        first = expand(act)
        if first:
            plan.activities[act.id] = replace(act, start=first[0].start, end=first[0].end)


def _home_visits(plan: Plan, jan1: date) -> None:
    """Building doctors: fortnightly home visits by the geriatrics and general-practice branches."""
    for bid in [b for b in plan.branches if b.startswith(("b-geri", "b-gp"))][:2]:
        pairing = next((p for p in plan.pairings.values() if p.branch == bid), None)
        if pairing is None:
            continue
        host = plan.partners[pairing.partner]
        start = datetime.combine(jan1 + timedelta(days=(2 - jan1.weekday()) % 7), time(15, 0))
        aid = f"hv-{bid}"
        plan.activities[aid] = Activity(
            id=aid,
            title=f"{host.name}楼栋医生上门巡诊",
            start=start,
            end=start + timedelta(hours=2),
            kind="home_visit",
            partner=host.id,
            venue=host.name,
            rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=26",
            organizer=bid,
            status="confirmed",
            stations=(Station("main", "上门巡诊", plan.services["home-visit"].needs),),
        )


def _requests(plan: Plan, rng: random.Random, jan1: date) -> None:
    """Point-order requests from partners; those of the first ten months are scheduled."""
    services = sorted(plan.services)
    pairings = sorted(plan.pairings.values(), key=lambda p: p.id)
    n_requests = max(6, len(plan.partners) // 2)
    for i in range(n_requests):
        pairing = pairings[(i * 7) % len(pairings)]
        host = plan.partners[pairing.partner]
        svc = plan.services[rng.choice(services)]
        received = datetime.combine(jan1 + timedelta(days=int(i * 360 / n_requests)), time(9 + i % 8, 0))
        pref_day = received.date() + timedelta(days=7 + (5 - received.weekday()) % 7)
        pref_start = datetime.combine(pref_day, time(9, 0))
        slot = Slot(pref_start, pref_start + timedelta(minutes=svc.duration_minutes or 120))
        rid = f"r{i + 1:03d}"
        # Answered through October; the last weeks' orders still wait (one older one forgotten).
        scheduled = received.month < 11 and i % 11 != 7
        plan.requests[rid] = ServiceRequest(
            rid,
            host.id,
            svc.id,
            received,
            "urgent" if i % 9 == 4 else "normal",
            (slot,),
            rng.choice((30, 50, 80, 120, 200)),
            "scheduled" if scheduled else rng.choice(("new", "accepted")),
        )
        if scheduled:
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
