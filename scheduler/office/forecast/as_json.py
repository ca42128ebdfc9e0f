"""The forecast as `forecast --json` prints it (the keys: docs/review-forecast.md). Pure."""

from __future__ import annotations

from scheduler.office.forecast.figures import Forecast, PoolMonth


def _pool_json(r: PoolMonth) -> dict:
    return {
        "qualification": r.qualification,
        "department": r.department,
        "month": f"{r.month:%Y-%m}",
        "needed_hours": r.needed_hours,
        "available_hours": r.available_hours,
        "short_hours": r.short_hours,
        "planned_hours": r.planned_hours,
        "people": r.people,
        "clinical_needed_hours": r.clinical_needed_hours,
        "clinical_available_hours": r.clinical_available_hours,
        "short_places": r.short_places,
        "peak_places": r.peak_places,
        "peak_people": r.peak_people,
        "peak_at": r.peak_at.isoformat(timespec="minutes") if r.peak_at else None,
    }


def to_json(f: Forecast) -> dict:
    """The forecast as `forecast --json` prints it (docs/review-forecast.md), fixes without their text
    (the caller adds it in the reader's language)."""
    return {
        "year": f.year,
        # One entry per qualification and month (its people in every department), as the
        # docs/review-forecast.md says; the pools of one department (with or without a qualification) beside.
        "pools": [_pool_json(r) for r in f.pools if r.department is None and r.qualification is not None],
        "department_pools": [_pool_json(r) for r in f.pools if r.department is not None],
        "bound_hours": f.bound_hours,
        "bound_pool": None
        if f.bound_pool is None
        else {
            "qualification": f.bound_pool.qualification,
            "department": f.bound_pool.department,
            "month": f"{f.bound_pool.month:%Y-%m}",
            "people": f.bound_pool.people,
            "needed_hours": f.bound_pool.needed_hours,
        },
        "fixes": [
            {
                "qualification": x.qualification,
                "department": x.department,
                "month": f"{x.month:%Y-%m}",
                "short_hours": x.short_hours,
                "moves": [
                    {
                        "pairing": v.pairing,
                        "from": f"{v.from_month:%Y-%m}",
                        "to": f"{v.to_month:%Y-%m}",
                        "visits": v.visits,
                    }
                    for v in x.moves
                ],
                "short_after_moves": x.short_after_moves,
                "people_needed": x.people_needed,
                "short_places": x.short_places,
                "peak_at": x.peak_at.isoformat(timespec="minutes") if x.peak_at else None,
                "peak_occurrences": [
                    {"activity": a, "occurrence": d.isoformat()} for a, d in x.peak_occurrences
                ],
            }
            for x in f.fixes
        ],
    }
