"""The capacity forecast in words and as an Excel workbook: a pool's name, the sentence of each
fix (the one wording the command line, the workbook and the GUI share), and one sheet each for
the pools by month, the months short with their fixes, and the pairings' visits as spread and as
moved. Text cells stay text (reports/stats_xlsx.append_row)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reports.messages import QUALIFICATION_NAMES
from reports.text import fill, one_line, shorten
from scheduler.office.forecast.figures import Fix, Forecast
from scheduler.plan.model import Plan

Translate = Callable[[str], str]


def pool_name(plan: Plan, department: str | None, qualification: str | None, t: Translate) -> str:
    """ "老年医学科 · Physician", or the qualification across departments, or a department's people."""
    q = t(QUALIFICATION_NAMES.get(qualification or "", qualification or "")) if qualification else ""
    if department is None:
        return fill(t("%1 (all departments)"), q)
    d = plan.departments.get(department)
    name = shorten(one_line(d.name if d else department), 40)
    return f"{name} · {q}" if q else fill(t("%1 (anyone)"), name)


def _pairing(plan: Plan, pid: str) -> str:
    p = plan.pairings.get(pid)
    if p is None:
        return pid
    b, q = plan.branches.get(p.branch), plan.partners.get(p.partner)
    return shorten(one_line(f"{b.name if b else p.branch}—{q.name if q else p.partner}"), 60)


OCCURRENCES_NAMED = 6  # of those needing the pool at the moment it is short of people


def _title(plan: Plan, activity: str) -> str:
    a = plan.activities.get(activity)
    return shorten(one_line(a.title), 30) if a is not None else activity


def describe_fix(fix: Fix, plan: Plan, t: Translate) -> str:
    """What would close one gap, in one sentence (or two)."""
    pool = pool_name(plan, fix.department, fix.qualification, t)
    heads, parts = [], []
    if fix.short_hours > 0:
        heads.append(fill(t("%1 short by %2 h in %3"), pool, f"{fix.short_hours:g}", f"{fix.month:%Y-%m}"))
    if fix.short_places > 0 and fix.peak_at is not None:
        heads.append(
            fill(
                t("%1 on %2: %3 places at once, %4 people free then"),
                pool,
                f"{fix.peak_at:%Y-%m-%d %H:%M}",
                fix.peak_places,
                fix.peak_people,
            )
        )
    if fix.moves:
        moved = sum(m.visits for m in fix.moves)
        where = t("; ").join(
            fill(t("%1: %2 to %3"), _pairing(plan, m.pairing), m.visits, f"{m.to_month:%Y-%m}")
            for m in fix.moves[:6]
        )
        if len(fix.moves) > 6:
            where += t("; ") + fill(t("%1 more"), len(fix.moves) - 6)
        parts.append(fill(t("move %1 visit(s) not yet planned to months with room (%2)"), moved, where))
    # Visits not yet planned have no day: the forecast spreads a pairing's evenly over the months
    # to come, so a move holds only once that pairing's visits of the year are planned.
    how = t(
        "these pairings' visits of the year planned month by month as the workbook's “Visits not yet "
        "planned”, row “moved”, gives them (only the moved visits planned is not enough)"
    )
    if fix.moves and fix.short_after_moves <= 0:
        parts.append(fill(t("that closes the gap, with %1"), how))
    elif fix.moves:
        parts.append(fill(t("with %1"), how))
    if fix.short_after_moves > 0:
        if not fix.moves:
            parts.append(t("no other month of the year has room for the visits that need this pool"))
        parts.append(
            fill(
                t(
                    "%1 h still short: %2 more people of this pool giving %3 h a month each, or higher monthly caps"
                ),
                f"{fix.short_after_moves:g}",
                fix.people_needed,
                f"{fix.hours_each:g}",
            )
        )
    if fix.short_places > 0:
        parts.append(
            fill(
                t("move an occurrence to another time, or have %1 more of this pool free then"),
                fix.short_places,
            )
        )
        if fix.peak_occurrences:
            named = [f"{_title(plan, a)} {d:%m-%d}" for a, d in fix.peak_occurrences[:OCCURRENCES_NAMED]]
            if len(fix.peak_occurrences) > OCCURRENCES_NAMED:
                named.append(fill(t("%1 more"), len(fix.peak_occurrences) - OCCURRENCES_NAMED))
            parts.append(fill(t("the occurrences then: %1"), t("; ").join(named)))
    return t("; ").join(heads) + t(": ") + t("; ").join(parts)


def write_workbook(out: str | Path | BinaryIO, f: Forecast, plan: Plan, t: Translate) -> None:
    # openpyxl on first use: the forecast page and command name pools without it (~0.3 s to import)
    from openpyxl import Workbook

    from reports.stats_xlsx import add_sheet

    wb = Workbook()
    wb.remove(wb.active)
    header = [
        t("Pool"),
        t("Month"),
        t("Hours needed"),
        t("Hours the pool can give"),
        t("Hours short"),
        t("Of which planned"),
        t("People"),
        t("Needed in clinical time"),
        t("Can give in clinical time"),
        t("Places short at once"),
        t("Places at once"),
        t("People free then"),
        t("When"),
    ]
    rows: list[list[Any]] = [
        [
            pool_name(plan, r.department, r.qualification, t),
            f"{r.month:%Y-%m}",
            r.needed_hours,
            r.available_hours,
            r.short_hours,
            r.planned_hours,
            r.people,
            r.clinical_needed_hours,
            r.clinical_available_hours,
            r.short_places,
            r.peak_places,
            r.peak_people,
            f"{r.peak_at:%Y-%m-%d %H:%M}" if r.peak_at else "",
        ]
        for r in f.pools
    ]
    add_sheet(wb, t("Pools by month"), header, rows)
    fixes = [
        [
            pool_name(plan, x.department, x.qualification, t),
            f"{x.month:%Y-%m}",
            x.short_hours,
            x.people_needed,
            describe_fix(x, plan, t),
        ]
        for x in f.fixes
    ]
    add_sheet(
        wb,
        t("Short and fixes"),
        [t("Pool"), t("Month"), t("Hours short"), t("People needed"), t("What would close it")],
        fixes,
    )
    months = [f"{m:02d}" for m in range(1, 13)]
    visits = []
    for pid in sorted(f.visits):
        visits.append([_pairing(plan, pid), t("as spread"), *f.visits[pid]])
        if f.proposed.get(pid) != f.visits[pid]:
            visits.append([_pairing(plan, pid), t("moved"), *f.proposed[pid]])
    add_sheet(wb, t("Visits not yet planned"), [t("Pairing"), "", *months], visits)
    summary = [
        [t("Year"), f.year],
        [t("Lower bound on the most hours one person must give in a month"), f.bound_hours],
        [
            t("Pool and month of the bound"),
            ""
            if f.bound_pool is None
            else f"{pool_name(plan, f.bound_pool.department, f.bound_pool.qualification, t)} {f.bound_pool.month:%Y-%m}",
        ],
        [t("Pool-months short"), len(f.short())],
    ]
    add_sheet(wb, t("Summary"), [t("Figure"), t("Value")], summary)
    wb.move_sheet(t("Summary")[:31], offset=-(len(wb.sheetnames) - 1))
    wb.save(out)
