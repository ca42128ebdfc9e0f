"""Report figures: the busiest week's roster (PDF and PNG picture), and every personal duty list of a month."""

from __future__ import annotations

import io
import resource
import time
from collections import Counter
from datetime import date, datetime, timedelta


def run(small: bool = False) -> None:
    from reports.document import translator
    from reports.rosters import personal_duty_list, weekly_roster
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.conflicts.held import held_occurrences
    from scheduler.demo.hospital import build_demo

    scale = "small" if small else "hospital"
    year = date.today().year
    print(f"== report benchmark (demo scale: {scale}, year {year}) ==")
    plan = build_demo(demo_recipe(), scale, 1, year)
    cal = WorkCalendar(official_calendar(), plan.calendar.values())
    t = translator("zh_CN")
    now = datetime.now()
    year_booked = held_occurrences(plan, cal, datetime(year, 1, 1), datetime(year + 1, 1, 1))
    weeks = Counter(b.occ.start.date() - timedelta(days=b.occ.start.weekday()) for b in year_booked)
    monday, n = weeks.most_common(1)[0]
    buf = io.BytesIO()
    t0 = time.perf_counter()
    weekly_roster(buf, plan, cal, monday, t, now)
    print(
        f"weekly roster, busiest week {time.perf_counter() - t0:6.3f} s  ({monday}: {n} occurrences, "
        f"{len(buf.getvalue()) // 1024} KB)   aim < 1 s"
    )
    # The same week as a picture for phones, as `roster week -o FILE.png` makes it: the PDF, then
    # its pages drawn 1080 px wide and stacked (the libraries' first load counted too).
    t0 = time.perf_counter()
    pdf = io.BytesIO()
    weekly_roster(pdf, plan, cal, monday, t, now)
    from reports.picture import WIDTH, pdf_to_png

    png = pdf_to_png(pdf.getvalue(), t)
    took = time.perf_counter() - t0
    height = int.from_bytes(png[20:24], "big")  # the PNG header's height field
    print(
        f"week roster PNG, same week {took:6.3f} s  ({WIDTH} × {height} px, {len(png) // 1024} KB)   aim < 2 s"
    )
    months = Counter((b.occ.start.year, b.occ.start.month) for b in year_booked)
    (y, m), _ = months.most_common(1)[0]
    first = date(y, m, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    booked = held_occurrences(
        plan, cal, datetime(y, m, 1), datetime.combine(last + timedelta(days=1), datetime.min.time())
    )
    people = sorted(plan.staff)
    if small:
        people = people[:100]
    # Peak resident memory (ru_maxrss) after every 250 lists: flat when nothing is kept.
    t0 = time.perf_counter()
    size = 0
    checkpoints = []
    for i, sid in enumerate(people):
        out = io.BytesIO()  # each list is written and let go
        personal_duty_list(out, plan, cal, sid, first, last, t, now, booked)
        size += len(out.getvalue())
        if i % 250 == 0:
            checkpoints.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    took = time.perf_counter() - t0
    print(
        f"personal lists, {first:%Y-%m}   {took:6.3f} s  ({len(people)} people, {size // 1024} KB of PDF; "
        f"peak memory every 250 lists: {checkpoints} MB)   aim < 30 s, flat"
    )
