"""Point-order service requests (点单): response deadlines, and turning a request into an activity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from scheduler.plan.model import Activity, Pairing, Partner, Record, Service, ServiceRequest, Slot, Station

OPEN_STATUSES = ("new", "accepted")


@dataclass(frozen=True, slots=True)
class ResponseTimes:
    """How long the office has to schedule a request (docs/plan-file.md `priority`: urgent 24 h,
    normal 14 days; both settings of the app)."""

    urgent: timedelta = timedelta(hours=24)
    normal: timedelta = timedelta(days=14)

    def of(self, priority: str) -> timedelta:
        return self.urgent if priority == "urgent" else self.normal


def deadline(request: ServiceRequest, times: ResponseTimes) -> datetime:
    return request.received + times.of(request.priority)


def time_left(request: ServiceRequest, times: ResponseTimes, now: datetime) -> timedelta | None:
    """Time until the deadline (negative when overdue); None once the request is answered."""
    if request.status not in OPEN_STATUSES:
        return None
    return deadline(request, times) - now


def is_overdue(request: ServiceRequest, times: ResponseTimes, now: datetime) -> bool:
    left = time_left(request, times, now)
    return left is not None and left <= timedelta(0)


def organizing_branch(partner: str, pairings: Iterable[Pairing], on: datetime) -> str | None:
    """The branch paired with the partner on that day (the first by id when several are)."""
    day = on.date()
    active = [
        p
        for p in pairings
        if p.partner == partner and (p.start is None or p.start <= day) and (p.end is None or day <= p.end)
    ]
    return min(active, key=lambda p: p.id).branch if active else None


def schedule_request(
    request: ServiceRequest,
    service: Service,
    partner: Partner,
    slot: Slot,
    organizer: str | None,
    activity_id: str,
) -> tuple[Activity, ServiceRequest]:
    """The activity that answers a request (its service's needs become one station), and the
    request marked scheduled and linked to it."""
    activity = Activity(
        id=activity_id,
        title=f"{partner.name}：{service.name}",
        start=slot.start,
        end=slot.end,
        kind="service_request",
        partner=partner.id,
        venue=partner.address or partner.name,
        organizer=organizer,
        request=request.id,
        status="confirmed",
        stations=(Station("main", service.name, service.needs),),
    )
    return activity, replace(request, status="scheduled")


def requests_done(
    records: Iterable[Record], activities: dict[str, Activity], requests: dict[str, ServiceRequest]
) -> list[ServiceRequest]:
    """Requests whose activity has been recorded as done: they become done themselves."""
    out: dict[str, ServiceRequest] = {}
    for r in records:
        if r.status != "done":
            continue
        a = activities.get(r.activity)
        if a is None or a.request is None:
            continue
        q = requests.get(a.request)
        if q is not None and q.status in ("accepted", "scheduled", "new"):
            out[q.id] = replace(q, status="done")
    return list(out.values())
