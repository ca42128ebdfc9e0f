"""Point-order service requests: response deadlines, which branch answers, the activity that
answers a request, and requests becoming done when their activity is recorded done."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.office.requests import (
    OPEN_STATUSES,
    ResponseTimes,
    deadline,
    is_overdue,
    organizing_branch,
    requests_done,
    schedule_request,
    time_left,
)
from scheduler.plan.model import (
    Activity,
    Attendance,
    Need,
    Pairing,
    Partner,
    Plan,
    Record,
    Service,
    ServiceRequest,
    Slot,
)

RECEIVED = datetime(2026, 11, 20, 9, 30)
STATUSES = ("new", "accepted", "scheduled", "done", "declined")


def request(priority: str = "normal", status: str = "new", **kw) -> ServiceRequest:
    return ServiceRequest("r1", "pt", "bp", kw.pop("received", RECEIVED), priority, status=status, **kw)


# ---- deadlines


def test_deadline_is_24_hours_for_urgent_and_14_days_otherwise() -> None:
    times = ResponseTimes()
    assert deadline(request("urgent"), times) == datetime(2026, 11, 21, 9, 30)
    assert deadline(request("normal"), times) == datetime(2026, 12, 4, 9, 30)
    assert deadline(request("low"), times) == datetime(2026, 12, 4, 9, 30)  # anything not urgent
    office = ResponseTimes(urgent=timedelta(hours=4), normal=timedelta(days=7))
    assert deadline(request("urgent"), office) == datetime(2026, 11, 20, 13, 30)
    assert deadline(request("normal"), office) == datetime(2026, 11, 27, 9, 30)


def test_time_left_counts_down_and_stops_once_answered() -> None:
    times = ResponseTimes()
    r = request("urgent")
    assert time_left(r, times, datetime(2026, 11, 20, 21, 30)) == timedelta(hours=12)
    assert time_left(r, times, datetime(2026, 11, 21, 10, 30)) == timedelta(hours=-1)
    for status in ("scheduled", "done", "declined"):
        assert time_left(request("urgent", status), times, datetime(2027, 1, 1)) is None


def test_overdue_from_the_deadline_itself_and_never_once_answered() -> None:
    times = ResponseTimes()
    due = datetime(2026, 11, 21, 9, 30)
    assert not is_overdue(request("urgent"), times, due - timedelta(minutes=1))
    assert is_overdue(request("urgent"), times, due)
    assert is_overdue(request("urgent", "accepted"), times, due)
    assert not is_overdue(request("urgent", "scheduled"), times, due + timedelta(days=30))


@given(
    priority=st.sampled_from(["urgent", "normal"]),
    status=st.sampled_from(STATUSES),
    hours_later=st.integers(-48, 24 * 30),
)
def test_is_overdue_agrees_with_the_checker(priority: str, status: str, hours_later: int) -> None:
    """The request list's red mark and the conflict report say the same at the same moment."""
    p = Plan()
    r = request(priority, status)
    p.requests[r.id] = r
    now = RECEIVED + timedelta(hours=hours_later)
    ctx = CheckContext(p, WorkCalendar(official_calendar()), now)
    reported = [c.request for c in check(ctx) if c.kind == "request_overdue"]
    assert (reported == ["r1"]) == is_overdue(r, ctx.response, now)
    assert (status in OPEN_STATUSES) == (time_left(r, ctx.response, now) is not None)


# ---- the organizing branch


def test_organizing_branch_is_the_one_paired_on_that_day() -> None:
    pairings = [
        Pairing("p2", "b-new", "pt", date(2026, 7, 1), None, 6),
        Pairing("p1", "b-old", "pt", None, date(2026, 6, 30), 6),
        Pairing("p3", "b-other", "elsewhere", None, None, 6),
    ]
    assert organizing_branch("pt", pairings, datetime(2026, 6, 30, 23, 0)) == "b-old"  # end day included
    assert organizing_branch("pt", pairings, datetime(2026, 7, 1, 0, 0)) == "b-new"  # start day included
    assert organizing_branch("nobody", pairings, datetime(2026, 7, 1)) is None
    both = [*pairings, Pairing("p0", "b-first", "pt", None, None, 6)]
    assert organizing_branch("pt", both, datetime(2026, 8, 1)) == "b-first"  # the first by id


# ---- scheduling a request


def test_schedule_request_makes_the_activity_and_marks_the_request() -> None:
    needs = (Need(None, "nurse", 2), Need("cardio", "ecg", 1))
    service = Service("bp", "血压筛查", needs, 120)
    partner = Partner("pt", "友谊社区", address="友谊路 8 号")
    slot = Slot(datetime(2026, 11, 28, 9, 0), datetime(2026, 11, 28, 11, 0))
    r = request("urgent", "accepted")
    activity, scheduled = schedule_request(r, service, partner, slot, "b", "act-9")
    assert activity == Activity(
        id="act-9",
        title="友谊社区：血压筛查",
        start=slot.start,
        end=slot.end,
        kind="service_request",
        partner="pt",
        venue="友谊路 8 号",
        organizer="b",
        request="r1",
        status="confirmed",
        stations=(activity.stations[0],),
    )
    (station,) = activity.stations
    assert (station.id, station.name, station.needs) == ("main", "血压筛查", needs)
    assert scheduled.status == "scheduled" and scheduled.id == r.id and scheduled.priority == "urgent"
    assert r.status == "accepted"  # the request given is not changed
    no_address = Partner("pt", "友谊社区")
    assert schedule_request(r, service, no_address, slot, None, "a")[0].venue == "友谊社区"


# ---- recorded done


def test_requests_become_done_when_their_activity_is_recorded_done() -> None:
    acts = {
        "a1": Activity("a1", "t", RECEIVED, RECEIVED + timedelta(hours=2), request="r1"),
        "a2": Activity("a2", "t", RECEIVED, RECEIVED + timedelta(hours=2), request="r2"),
        "a3": Activity("a3", "t", RECEIVED, RECEIVED + timedelta(hours=2), request="r3"),
        "plain": Activity("plain", "t", RECEIVED, RECEIVED + timedelta(hours=2)),
        "a4": Activity("a4", "t", RECEIVED, RECEIVED + timedelta(hours=2), request="gone"),
    }
    reqs = {
        "r1": ServiceRequest("r1", "pt", "bp", RECEIVED, status="scheduled"),
        "r2": ServiceRequest("r2", "pt", "bp", RECEIVED, status="scheduled"),
        "r3": ServiceRequest("r3", "pt", "bp", RECEIVED, status="declined"),
    }
    day = RECEIVED.date()
    records = [
        Record("a1", day, "done", attended=(Attendance("s1", 2.0),)),
        Record("a1", day + timedelta(days=7), "done"),  # a second occurrence: r1 once
        Record("a2", day, "cancelled", reason="雨"),
        Record("a3", day, "done"),
        Record("plain", day, "done"),
        Record("a4", day, "done"),
    ]
    done = requests_done(records, acts, reqs)
    assert [(q.id, q.status) for q in done] == [("r1", "done")]
    assert reqs["r1"].status == "scheduled"  # the requests given are not changed
    assert requests_done([], acts, reqs) == []
