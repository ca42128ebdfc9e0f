"""Week in review: the demo hospital's review of its busiest week (2026-W41) and of the week of
its today (2026-W49): the figures, the PDF and the PNG (wall and CPU time, pages)."""

from __future__ import annotations

import io
import time
from datetime import date, datetime
from pathlib import Path

if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def run(small: bool = False) -> None:
    from pypdf import PdfReader

    from reports.document import translator
    from reports.picture import pdf_to_png
    from reports.review import review_pdf
    from resources import demo_recipe
    from scheduler.calendar.workdays import WorkCalendar, official_calendar
    from scheduler.demo.hospital import build_demo
    from scheduler.office.review import parse_week, week_review

    scale = "small" if small else "hospital"
    today = date(2026, 12, 6)
    print(f"== week in review benchmark (demo scale: {scale}, today {today}) ==")
    cal = WorkCalendar(official_calendar())
    plan = build_demo(demo_recipe(), scale, 1, 2026, today, cal)
    for week in ("2026-W41", "2026-W49"):
        w, c = time.perf_counter(), time.process_time()
        r = week_review(plan, cal, parse_week(week), today)
        figures = time.perf_counter() - w
        pdf = io.BytesIO()
        review_pdf(pdf, plan, r, translator("zh_CN"), datetime(2026, 12, 7, 9))
        made = time.perf_counter() - w
        png = pdf_to_png(pdf.getvalue())
        print(
            f"{week}: figures {figures:6.3f} s, + PDF {made:6.3f} s, + PNG {time.perf_counter() - w:6.3f} s wall "
            f"({time.process_time() - c:6.3f} s CPU); {len(r.lines)} occurrences, "
            f"{len(PdfReader(io.BytesIO(pdf.getvalue())).pages)} page(s), PNG {len(png) // 1024} KB"
        )


if __name__ == "__main__":
    import sys

    run(small="--small" in sys.argv)
