"""Run every benchmark and print its figures. `--small` uses the small demo hospital."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (  # noqa: E402
    bench_assign,
    bench_calendar,
    bench_conflicts,
    bench_duty,
    bench_forecast,
    bench_foundation,
    bench_gui,
    bench_hostile,
    bench_reports,
    bench_review,
    bench_safety,
    bench_server,
    bench_stats,
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--small", action="store_true", help="small demo hospital (CI mode)")
    args = parser.parse_args(argv)
    # No benchmark reads or writes the user's own settings (db/paths.settings_dir).
    os.environ.setdefault("OUTREACH_SETTINGS_DIR", tempfile.mkdtemp(prefix="outreach-bench-settings-"))
    bench_foundation.run(small=args.small)
    bench_calendar.run(small=args.small)
    bench_conflicts.run(small=args.small)
    bench_reports.run(small=args.small)
    bench_assign.run(small=args.small)
    bench_safety.run(small=args.small)
    bench_stats.run(small=args.small)
    bench_gui.run(small=args.small)
    bench_hostile.run(small=args.small)
    bench_duty.run(small=args.small)
    bench_review.run(small=args.small)
    bench_forecast.run(small=args.small)
    bench_server.run(small=args.small)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
