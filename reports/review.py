"""The week in review (一周一复盘) on one A4 landscape page: the week's figures beside the week
before's, who went, the services given, the conflicts met, the week ahead, and every occurrence
of the week with what became of it (in three columns, so that a normal week fits one page)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from reports.document import Frame, build, para, styles, table
from reports.messages import SERVICE_COUNT_NAMES, describe
from reports.text import fill, one_line, shorten
from scheduler.office.review import (
    CALLED_OFF,
    HELD,
    MOVED_AWAY,
    NOT_RECORDED,
    Figures,
    OccurrenceLine,
    Review,
)
from scheduler.plan.model import Plan

Translate = Callable[[str], str]

FRAME_WIDTH = 267 * mm  # A4 landscape less the margins of document.build
COLUMN_GAP = 4 * mm
TITLE_LIMIT = 11  # characters of an activity's title in the list of occurrences
LIST_COLUMNS = 3
# The height of a page's frame (A4 landscape less document.build's margins and the frame's
# padding), and the room the list's heading and legend take above it.
PAGE_BODY = 180 * mm - 12
HEADING_ROOM = 40.0
FIRST_PAGE_SLACK = 3.0  # points kept free under the first page's list, for rounding in the layout
TOP_ROWS = 5  # departments and branches shown (the rest summed in one row)
CONFLICTS_SHOWN = 6


def _small(st: dict[str, ParagraphStyle]) -> dict[str, ParagraphStyle]:
    """The document's styles a size smaller: the review is a dense page."""
    body = ParagraphStyle("rv-body", parent=st["body"], fontSize=7.5, leading=9.2)
    return {
        **st,
        "body": body,
        "head": ParagraphStyle("rv-head", parent=st["head"], fontSize=7.5, leading=9.2),
        "h2": ParagraphStyle("rv-h2", parent=st["h2"], fontSize=9, leading=11, spaceBefore=0),
        "small": ParagraphStyle("rv-small", parent=body, fontSize=7, leading=8.6),
    }


def _num(x: float | int | None) -> str:
    if x is None:
        return "—"
    return f"{x:g}" if isinstance(x, float) else str(x)


def _name(plan: Plan, section: str, key: str | None, limit: int = 24) -> str:
    item = getattr(plan, section).get(key) if key else None
    return shorten(one_line(getattr(item, "name", None) or key or ""), limit)


def _title(plan: Plan, activity: str) -> str:
    a = plan.activities.get(activity)
    return shorten(one_line(a.title if a else activity), TITLE_LIMIT)


def _figure_rows(f: Figures, b: Figures, t: Translate) -> list[list[str]]:
    def pair(name: str, x: Any, y: Any) -> list[str]:
        return [name, _num(x), _num(y)]

    return [
        pair(t("Held"), f.held, b.held),
        pair(t("Called off"), f.called_off, b.called_off),
        pair(t("Moved"), f.moved, b.moved),
        pair(t("Past, not recorded"), f.not_recorded, b.not_recorded),
        pair(t("Still to come"), f.planned, b.planned),
        pair(t("People served"), f.served, b.served),
        pair(t("Volunteer hours"), f.hours, b.hours),
        pair(t("People who went"), f.people, b.people),
        pair(t("Places left open"), f.open_places, b.open_places),
        pair(t("Places filled late"), f.filled_late, b.filled_late),
        [
            t("Conflicts (errors / warnings)"),
            f"{f.conflicts.get('error', 0)} / {f.conflicts.get('warning', 0)}",
            f"{b.conflicts.get('error', 0)} / {b.conflicts.get('warning', 0)}",
        ],
        pair(t("Requests received"), f.received, b.received),
        [t("Requests answered (median days)"), _answered(f), _answered(b)],
        pair(t("Requests declined"), f.declined, b.declined),
        pair(t("Requests overdue"), f.overdue, b.overdue),
        pair(t("Time bank hours credited"), f.credited, b.credited),
    ]


def _answered(f: Figures) -> str:
    if f.median_days_to_answer is None:
        return str(f.answered)
    return f"{f.answered} ({_num(f.median_days_to_answer)})"


def _went_rows(rows: list[Any], name: Callable[[str], str], t: Translate) -> list[list[str]]:
    out = [[name(w.key), str(w.people), _num(w.hours)] for w in rows[:TOP_ROWS]]
    rest = rows[TOP_ROWS:]
    if rest:
        out.append(
            [
                fill(t("%1 more"), len(rest)),
                str(sum(w.people for w in rest)),
                _num(round(sum(w.hours for w in rest), 2)),
            ]
        )
    return out


def _outcome(x: OccurrenceLine, t: Translate) -> str:
    if x.fate == HELD:
        text = f"✓ {_num(x.served)} · {_num(x.hours)} h"
    elif x.fate == CALLED_OFF:
        text = t("Called off") + (": " + shorten(one_line(x.reason), 16) if x.reason else "")
    elif x.fate == MOVED_AWAY:
        text = fill(t("Moved to %1"), f"{x.moved_to:%m-%d %H:%M}") if x.moved_to else t("Moved")
    elif x.fate == NOT_RECORDED:
        text = t("Not recorded")
    else:
        text = t("Still to come")
    if x.moved_from is not None:
        text += " · " + fill(t("moved from %1"), f"{x.moved_from:%m-%d}")
    if x.open_places:
        text += " · " + fill(t("%1 open"), x.open_places)
    if x.conflicts:
        text += " · ！" + str(x.conflicts)
    return text


def _dense(tbl: Table) -> Table:
    """A table of `document.table` with its rows' padding cut to a point: the page is dense."""
    tbl.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return tbl


def _grid(cells: list[Any], widths: list[float]) -> Table:
    """Flowables side by side, without borders or padding of their own."""
    grid = Table([cells], colWidths=widths)
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return grid


def _split(items: list[Any], parts: int) -> list[list[Any]]:
    per = -(-len(items) // parts) if items else 0
    return [items[i * per : (i + 1) * per] for i in range(parts)]


def review_story(plan: Plan, r: Review, t: Translate) -> list[Any]:
    """The review's page: its title, three columns (the week beside the week before; who went;
    the conflicts and the week ahead), then the week's occurrences in columns."""
    st = _small(styles())
    f = r.figures
    story: list[Any] = [
        para(
            f"{t('Week in review')} {r.week} · {f.start:%Y-%m-%d} – {f.end:%Y-%m-%d}",
            styles()["h1"],
        ),
    ]
    col = (FRAME_WIDTH - 2 * COLUMN_GAP) / 3
    left = _beside_the_week_before(r, t, st, col)
    middle = _who_went(plan, r, t, st, col)
    right = _conflicts_and_ahead(plan, r, t, st, col)
    story.append(_grid([left, "", middle, "", right], [col, COLUMN_GAP, col, COLUMN_GAP, col]))
    story.append(Spacer(1, 3 * mm))
    return story + _occurrence_list(plan, r, t, st, story)


def _beside_the_week_before(r: Review, t: Translate, st: dict[str, ParagraphStyle], col: float) -> list[Any]:
    f, b = r.figures, r.before
    before_week = f"{b.start.isocalendar()[0]}-W{b.start.isocalendar()[1]:02d}"
    figures = _dense(
        table(
            [
                t("Figure"),
                fill(t("This week (%1)"), r.week[5:]),
                fill(t("Week before (%1)"), before_week[5:]),
            ],
            _figure_rows(f, b, t),
            [col * 0.56, col * 0.22, col * 0.22],
            st,
        )
    )
    return [para(t("The week beside the week before"), st["h2"]), figures]


def _who_went(plan: Plan, r: Review, t: Translate, st: dict[str, ParagraphStyle], col: float) -> list[Any]:
    """The people and hours by department and by party branch, and the services given."""
    dept = _dense(
        table(
            [t("Department"), t("People"), t("Hours")],
            _went_rows(r.by_department, lambda k: _name(plan, "departments", k), t),
            [col * 0.6, col * 0.2, col * 0.2],
            st,
        )
    )
    branch = _dense(
        table(
            [t("Party branch"), t("People"), t("Hours")],
            _went_rows(r.by_branch, lambda k: _name(plan, "branches", k) if k else t("No party branch"), t),
            [col * 0.6, col * 0.2, col * 0.2],
            st,
        )
    )
    services = "、".join(f"{t(SERVICE_COUNT_NAMES.get(k, k))} {n}" for k, n in r.figures.services.items())
    return [
        para(t("Who went"), st["h2"]),
        dept,
        Spacer(1, 2 * mm),
        branch,
        Spacer(1, 2 * mm),
        para(t("Services given") + "：" + (services or t("none recorded")), st["small"]),
    ]


def _conflicts_and_ahead(
    plan: Plan, r: Review, t: Translate, st: dict[str, ParagraphStyle], col: float
) -> list[Any]:
    """The conflicts the week's occurrences carry, the week ahead's figures and requests falling
    due, and the review's notes."""
    a = r.ahead
    conflicts = [describe(c, plan, t) for c in r.conflicts[:CONFLICTS_SHOWN]]
    if len(r.conflicts) > CONFLICTS_SHOWN:
        conflicts.append(fill(t("%1 more"), len(r.conflicts) - CONFLICTS_SHOWN))
    due = [
        f"{_name(plan, 'partners', plan.requests[q].partner)}：{_name(plan, 'services', plan.requests[q].service)}"
        for q in a.requests_due
        if q in plan.requests
    ]
    ahead_rows = [
        [t("Occurrences"), str(a.occurrences)],
        [t("Places left open"), str(a.open_places)],
        [
            t("Conflicts (errors / warnings)"),
            f"{a.conflicts.get('error', 0)} / {a.conflicts.get('warning', 0)}",
        ],
        [t("Requests falling due"), str(len(a.requests_due))],
    ]
    right = [
        para(t("Conflicts the week's occurrences carry"), st["h2"]),
        *(
            [para("• " + shorten(one_line(c), 160), st["small"]) for c in conflicts]
            or [para(t("None."), st["small"])]
        ),
        Spacer(1, 2 * mm),
        para(fill(t("The week ahead (%1 – %2)"), f"{a.start:%m-%d}", f"{a.end:%m-%d}"), st["h2"]),
        _dense(table([t("Figure"), t("Next week")], ahead_rows, [col * 0.7, col * 0.3], st)),
    ]
    if due:
        right.append(para(t("Requests falling due") + "：" + "；".join(due[:6]), st["small"]))
    if r.notes:
        right.append(Spacer(1, 2 * mm))
        right += [para("※ " + fill(t(template), *values), st["small"]) for template, values in r.notes]
    return right


def _occurrence_list(
    plan: Plan, r: Review, t: Translate, st: dict[str, ParagraphStyle], above: list[Any]
) -> list[Any]:
    """The week's occurrences and what became of each, in columns side by side: the first block
    fills what `above` (the page so far) leaves of the first page and keeps its heading."""
    heading = para(fill(t("The week's occurrences (%1)"), len(r.lines)), st["h2"])
    legend = para(
        t("✓ held: people served · volunteer hours; ！ conflicts the occurrence carries"), st["small"]
    )
    rows = [
        [
            f"{x.start:%m-%d %H:%M}",
            _title(plan, x.activity),
            _outcome(x, t),
        ]
        for x in r.lines
    ]
    if not rows:
        return [heading, para(t("No activities."), st["small"])]
    lc = (FRAME_WIDTH - (LIST_COLUMNS - 1) * COLUMN_GAP) / LIST_COLUMNS

    def column(part: list[list[str]]) -> Table:
        return _dense(
            table(
                [t("When"), t("Activity"), t("What became of it")],
                part,
                [lc * 0.17, lc * 0.43, lc * 0.4],
                st,
                whole=(0,),
            )
        )

    # A block of columns side by side cannot break across pages: a long week gets several blocks,
    # each short enough for a page (the rows measured laid out as they will be).
    measured = column(rows)
    measured.wrap(lc, 1e9)
    head, *heights = measured._rowHeights
    capacity = PAGE_BODY - head - HEADING_ROOM
    # What the figures above take of the first page, as laid out.
    used = sum(x.wrap(FRAME_WIDTH, PAGE_BODY)[1] + x.getSpaceBefore() + x.getSpaceAfter() for x in above)
    above_list = sum(
        x.wrap(FRAME_WIDTH, PAGE_BODY)[1] + x.getSpaceBefore() + x.getSpaceAfter() for x in (heading, legend)
    )
    first = PAGE_BODY - head - used - above_list - FIRST_PAGE_SLACK
    out: list[Any] = []
    for n, block in enumerate(_blocks(heights, capacity, LIST_COLUMNS, first)):
        cells: list[Any] = []
        widths: list[float] = []
        for i, indices in enumerate(block):
            if i:
                cells.append("")
                widths.append(COLUMN_GAP)
            cells.append(column([rows[j] for j in indices]) if indices else "")
            widths.append(lc)
        grid = _grid(cells, widths)
        out.append(KeepTogether([heading, legend, grid]) if n == 0 else grid)
    return out


def _blocks(
    heights: list[float], capacity: float, parts: int, first: float | None = None
) -> list[list[list[int]]]:
    """Rows (by their heights) in blocks of `parts` columns side by side, no column taller than
    `capacity` (`first`: the room left on the first page, used first when rows are enough to
    fill it): a block's columns as even as the count allows when they fit, else filled in turn."""
    rows = list(range(len(heights)))

    def fits(block: list[list[int]], room: float) -> bool:
        return all(sum(heights[j] for j in col) <= room for col in block)

    def filled(rows: list[int], room: float) -> list[list[int]]:
        columns: list[list[int]] = [[]]
        used = 0.0
        for j in rows:
            if columns[-1] and used + heights[j] > room:
                columns.append([])
                used = 0.0
            columns[-1].append(j)
            used += heights[j]
        return columns

    out: list[list[list[int]]] = []
    if first is not None and first >= 3 * max(heights, default=0.0):
        if fits(_split(rows, parts), first):
            return [_split(rows, parts)]
        page = filled(rows, first)[:parts]
        out.append(page)
        rows = rows[sum(len(c) for c in page) :]
    if not rows:
        return out
    if fits(_split(rows, parts), capacity):
        return [*out, _split(rows, parts)]
    columns = filled(rows, capacity)
    columns += [[]] * (-len(columns) % parts)
    return out + [columns[i : i + parts] for i in range(0, len(columns), parts)]


def review_pdf(out: str | Path | BinaryIO, plan: Plan, r: Review, t: Translate, printed: datetime) -> None:
    """The review as a PDF: A4 landscape, one page for a normal week."""
    hospital = plan.hospital.name if plan.hospital else ""
    period = f"{r.week} · {r.figures.start:%Y-%m-%d} – {r.figures.end:%Y-%m-%d}"
    build(out, Frame(hospital, t("Week in review"), period, printed, t), review_story(plan, r, t), wide=True)
