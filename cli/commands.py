"""Sub-commands of `python main.py`: each returns an exit code (0 ok, 1 plan wanting, 2 could not run)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import io
import json
import os
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from db.field import ensure_field_keys, export_package, field_keys_ready, import_package
from db.files import WriteError, atomic_path, disk_full, write_atomically
from db.operations import (
    Edit,
    OperationError,
    Stale,
    import_document,
    import_plan,
    import_records,
    response_times,
    solver_settings,
    write,
)
from db.paths import default_db_path, error_log_path
from db.pg import is_server_url
from db.planio import load_hospital, load_plan, revision
from db.store import DatabaseError, IntegrityError, MissingDatabase, Store, StoreError
from reports import ReportError
from reports.document import translator
from reports.ics import calendar_file
from reports.messages import (
    REQUEST_STATUS_NAMES,
    describe,
    describe_bound,
    describe_hospital_change,
    describe_own_leads,
    describe_pool,
    describe_run,
    describe_stage,
    describe_unfilled,
)
from reports.registry import BRANCH, OCCURRENCE, ROSTERS, STAFF, WINDOW, RosterArgs, RosterError
from reports.stats_xlsx import write_workbook
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.conflicts.checker import CheckContext, check
from scheduler.conflicts.conflict import counts, to_json
from scheduler.conflicts.kinds import KINDS
from scheduler.demo.hospital import SCALES, build_demo, demo_today
from scheduler.exchange.field import PackageError
from scheduler.exchange.planfile.problems import PlanError, Problem
from scheduler.exchange.planfile.writer import dump_document, plan_to_document
from scheduler.office.stats import compute as compute_stats
from scheduler.office.stats import to_json as stats_json
from scheduler.plan.model import clinical_hours_of
from scheduler.plan.wording import N_, say
from scheduler.solver.assign import Bound, StaffingWindow, greedy, solve

from . import args as cli_args
from .args import CommandError
from .lang import LANGUAGES, asked, json_text, resolve, t, terminal, tf, use

EXIT_OK, EXIT_WANTING, EXIT_FAILED = 0, 1, 2


def _say(text: str) -> None:
    """A line on the standard output, shown as text (see lang.terminal)."""
    print(terminal(text))


def _error(text: str) -> None:
    """An error line on the standard error: "error: …" in the user's language."""
    print(terminal(tf("error: %1", text)), file=sys.stderr)


# How a number of records of a section reads ("3 staff"), by the plan file's section names.
COUNTED = {
    "campuses": N_("%1 campuses"),
    "departments": N_("%1 departments"),
    "branches": N_("%1 branches"),
    "staff": N_("%1 staff"),
    "unavailability": N_("%1 unavailability"),
    "partners": N_("%1 partners"),
    "pairings": N_("%1 pairings"),
    "services": N_("%1 services"),
    "activities": N_("%1 activities"),
    "assignments": N_("%1 assignments"),
    "requests": N_("%1 requests"),
    "records": N_("%1 records"),
    "calendar": N_("%1 calendar"),
    "acknowledgements": N_("%1 acknowledgements"),
}


def _counted(numbers: Iterable[tuple[str, int]]) -> str:
    """'3 staff, 12 activities': the sections with records, each with its number."""
    return t(", ").join(tf(COUNTED[k], n) if k in COUNTED else f"{n} {k}" for k, n in numbers if n)


class Progress:
    """A text progress bar on a terminal; silent when stderr is not one."""

    def __init__(self, label: str, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label

    def __call__(self, done: int, total: int) -> bool:
        if self.enabled and total:
            width = 30
            filled = int(width * done / total)
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
        return True


def _open(args: argparse.Namespace, *, write: bool = False) -> Store:
    """The database named by --db (or the user's own). A command that only reads opens it
    read-only: it works on a read-only disk, and a database that does not exist is an error
    (a mistyped --db creates nothing). A command that writes creates it when missing."""
    path: Path | str = Path(args.db) if args.db else default_db_path()
    if args.db and is_server_url(args.db):
        path = args.db  # the office server (db/pg.py): the login is the audit's user
    try:
        store = Store(path, readonly=not write)
    except MissingDatabase:
        raise CommandError(
            tf(
                "there is no database at %1 (nothing was created; check --db, or make one with "
                "import or demo)",
                path,
            )
        ) from None
    store.user = getpass.getuser()  # recorded in the audit history and the time bank
    return store


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(tf("cannot read %1: %2", path, exc.strerror or exc)) from exc


def _refused(path: Path, template: str, exc: PlanError) -> int:
    """A file not taken: one line (`template`: %1 the file, %2 how many problems), then every
    problem with its place in the file."""
    _error(tf(template, path, len(exc.problems)))
    for p in exc.problems:
        print(terminal(f"  {p.say(t)}"), file=sys.stderr)
    return EXIT_FAILED


NOT_IMPORTED = N_("%1 was not imported, nothing changed: %2 problem(s)")
NOT_RECORDED = N_("%1 was not recorded, nothing changed: %2 problem(s)")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = _read(path)
    with _open(args, write=True) as store:
        before = load_hospital(store)
        warnings: list[Problem] = []
        try:
            changes = import_document(store, data, Progress(t("import")), warnings)
        except PlanError as exc:
            return _refused(path, NOT_IMPORTED, exc)
        after = load_hospital(store)
    said = [_counted((k, len(v)) for k, v in changes.keys.items())]
    if changes.hospital:
        said.append(tf("the hospital's %1", describe_hospital_change(before, after, t)))
    _say(tf("imported %1: %2", path, t("; ").join(x for x in said if x) or t("nothing to change")))
    for w in warnings:  # taken, but maybe not as meant: said on stderr, the exit stays 0
        print(terminal(tf("warning: %1", w.say(t))), file=sys.stderr)
    return EXIT_OK


def cmd_record(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = _read(path)
    with _open(args, write=True) as store:
        store.user = args.by or getpass.getuser()
        try:
            changes = import_records(store, data)
        except PlanError as exc:
            return _refused(path, NOT_RECORDED, exc)
    _say(tf("recorded %1: %2 record(s)", path, len(changes.keys.get("records", ()))))
    return EXIT_OK


def cmd_field(args: argparse.Namespace) -> int:
    if args.action == "export":
        out = Path(args.output)
        if not out.parent.exists():
            raise CommandError(_no_folder(out))
        start = cli_args.span(args.date_from, args.date_to, date.today())
        assert start is not None
        end = args.date_to or cli_args.until(start, 6)
        with _open(args) as store:
            ready = field_keys_ready(store)
        if not ready:  # the first package of this database: its identity and key are made once
            with _open(args, write=True) as store:
                ensure_field_keys(store)
        with _open(args) as store:
            text = export_package(store, start, end)
        write_atomically(out, text)
        n = len(json.loads(text)["occurrences"])
        _say(tf("wrote %1: %2 occurrence(s) from %3 to %4", out, n, start, end))
        return EXIT_OK
    path = Path(args.package)
    data = _read(path)
    with _open(args, write=True) as store:
        try:
            result = import_package(store, data)
        except PackageError as exc:
            raise CommandError(tf("%1 was refused, nothing changed: %2", path, exc.say(t))) from None
        except PlanError as exc:
            return _refused(path, NOT_IMPORTED, exc)
    if result.already:
        _say(tf("%1 was imported before: nothing changed", path))
        return EXIT_OK
    _say(
        tf(
            "imported %1: %2 record(s) taken, %3 unchanged, %4 changed both here and in the field "
            "(choose in the app: File ▸ Field conflicts)",
            path,
            result.taken,
            result.same,
            result.conflicts,
        )
    )
    return EXIT_WANTING if result.conflicts else EXIT_OK


def _no_folder(out: Path | str) -> str:
    return tf("cannot write %1: folder %2 does not exist", out, Path(out).parent)


def document_output(out: Path, template: str) -> Path:
    """`out` checked for a document: a .pdf or .png name (else `template`'s refusal) in a folder that exists."""
    if out.suffix.lower() not in (".pdf", ".png"):
        raise CommandError(tf(template, out.name))
    if not out.parent.exists():
        raise CommandError(_no_folder(out))
    return out


def write_document(out: Path, render: Callable[[Any], None]) -> None:
    """The PDF `render` draws, written to `out` whole: as it is, or as one long PNG for phones."""
    if out.suffix.lower() == ".png":
        from reports.picture import pdf_to_png  # pypdfium2 and Pillow: loaded only here

        pdf = io.BytesIO()
        render(pdf)
        write_atomically(out, pdf_to_png(pdf.getvalue(), t))
    else:
        with atomic_path(out) as tmp:
            render(tmp)


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if not out.parent.exists():
        raise CommandError(_no_folder(out))
    with _open(args) as store:
        plan = load_plan(store)
    write_atomically(out, dump_document(plan_to_document(plan)))
    _say(tf("exported to %1: %2", out, _counted(plan.counts().items())))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    try:
        year = args.year or cli_args.demo_year(str(args.today.year if args.today else date.today().year))
    except argparse.ArgumentTypeError as exc:
        raise CommandError(str(exc)) from None
    today = args.today or demo_today(year, date.today())
    if today.year != year:
        raise CommandError(tf("--today %1 is not in the demo year %2", today, year))
    started = time.perf_counter()
    calendar = WorkCalendar(official_calendar())
    plan = build_demo(demo_recipe(), args.scale, args.seed, year, today, calendar)
    with _open(args, write=True) as store:
        import_plan(store, plan)
    took = time.perf_counter() - started
    _say(
        tf(
            "demo hospital (%1, seed %2, %3, as on %4) written in %5 s: %6",
            args.scale,
            args.seed,
            year,
            today,
            f"{took:.1f}",
            _counted(plan.counts().items()),
        )
    )
    return EXIT_OK


_date = cli_args.day  # every date option of every command (cli/notice.py and cli/sheets.py too)


SEVERITIES = {"error": N_("ERROR"), "warning": N_("WARNING")}


def _column(text: str, width: int) -> str:
    """`text` padded to `width` columns of a terminal, where a Chinese character takes two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def cmd_check(args: argparse.Namespace) -> int:
    cli_args.span(args.date_from, args.date_to, None)
    today = args.today or date.today()
    with _open(args) as store:
        plan = load_plan(store)
        times = response_times(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    ctx = CheckContext(
        plan, calendar, datetime.combine(today, datetime.min.time()), args.date_from, args.date_to, times
    )
    conflicts = check(ctx)
    tally = counts(conflicts)
    if args.json:
        doc = {"conflicts": [to_json(c, describe(c, plan, t)) for c in conflicts], "counts": tally}
        print(json_text(doc))
    else:
        for c in conflicts:
            severity = _column(t(SEVERITIES.get(c.severity, c.severity)), 7)
            kind = _column(t(KINDS[c.kind].name), 20)  # the kind's name; --json gives its code
            _say(f"{severity} {kind} {describe(c, plan, t)}")
        _say(tf("%1 error(s), %2 warning(s)", tally["error"], tally["warning"]))
    return EXIT_WANTING if tally["error"] else EXIT_OK


def cmd_assign(args: argparse.Namespace) -> int:
    start = cli_args.span(args.date_from, args.date_to, date.today())
    assert start is not None
    end = args.date_to or cli_args.until(start, 27)
    with _open(args, write=not args.dry_run) as store:
        # Save only onto the plan that was solved: when another assign or an edit committed
        # meanwhile, solve again from what is there now (twice at most), else refuse.
        for attempt in range(3):
            version = revision(store)
            plan = load_plan(store)
            settings = solver_settings(store)
            if args.time_limit is not None:
                settings = replace(settings, time_limit=args.time_limit)
            calendar = WorkCalendar(official_calendar(), plan.calendar.values())
            hours = clinical_hours_of(plan.hospital)
            problem = StaffingWindow(plan, calendar, start, end, hours, settings, replan=args.replan)
            run = greedy if args.method == "greedy" else solve
            proposal = run(problem, Progress(t("assign")))
            if args.dry_run or not (proposal.assignments or proposal.removed):
                break
            try:
                # One step: the solver's earlier assignments it moves go, the new ones come.
                dropped = {"assignments": [a.key for a in proposal.removed]}
                added = {"assignments": proposal.assignments}
                write(store, Edit(saves=added, deletes=dropped, expect_revision=version))
                break
            except Stale as exc:
                if attempt == 2:
                    raise CommandError(tf("%1; run assign again", say(exc, t))) from exc
    if args.json:
        bound = proposal.bound or Bound(0)
        doc = {
            "filled": proposal.filled,
            "unfilled": [
                {
                    "activity": u.activity,
                    "occurrence": u.occurrence.isoformat(),
                    "station": u.station,
                    "reason": u.reason,
                    "need": u.need,
                    "missing": u.missing,
                    "message": describe_unfilled(u, plan, t),
                }
                for u in proposal.unfilled
            ],
            "max_hours": round(proposal.max_hours, 2),
            "people_at_max": proposal.people_at_max,
            "bound": {
                "hours": round(bound.hours, 2),
                "pool": describe_pool(bound, plan, t) if bound.minutes else "",
                "department": bound.department,
                "qualification": bound.qualification,
                "staff": bound.staff,
                "places": bound.places,
                "people": bound.people,
            },
            "own_branch_leads": proposal.own_leads.to_json(),
            "stages": [
                {
                    "stage": st.name,
                    "status": st.status,
                    "value": st.value,
                    "bound": st.bound,
                    "level": st.level,
                    "seconds": round(st.seconds, 3),
                    "repeatable": not st.by_clock,
                }
                for st in proposal.stages
            ],
            "seconds": round(proposal.seconds, 3),
            "leads": proposal.leads_added,
            "assignments": len(proposal.assignments),
            "removed": len(proposal.removed),
            "status": proposal.status,
            "dry_run": args.dry_run,
        }
        print(json_text(doc))
    else:
        for u in proposal.unfilled:
            _say(tf("UNFILLED %1", describe_unfilled(u, plan, t)))
        if proposal.replan:
            for (aid, day), (gone, came, moved) in proposal.changes().items():
                names = [
                    t(", ").join(plan.staff[x].name if x in plan.staff else x for x in ids) or "-"
                    for ids in (gone, came, moved)
                ]
                _say(tf("CHANGED %1 %2: removed %3; added %4; moved %5", aid, day, *names))
        n = len(proposal.assignments)
        made = tf("would add %1 assignment(s)", n) if args.dry_run else tf("added %1 assignment(s)", n)
        if proposal.replan:
            made += tf(", removed %1", len(proposal.removed))
        _say(
            tf(
                "%1 – %2: %3: %4 of %5 open place(s) filled, %6 lead(s); %7 place(s) left open; %8 s (%9)",
                start,
                end,
                made,
                proposal.filled,
                proposal.needs_open,
                proposal.leads_added,
                sum(u.missing for u in proposal.unfilled),
                f"{proposal.seconds:.1f}",
                describe_run(proposal.status, t),
            )
        )
        _say(describe_bound(proposal.bound, proposal.max_hours, plan, t))
        _say(describe_own_leads(proposal.own_leads, t))
        if proposal.stages:
            _say(t("The goals, most important first (each one kept while the next was sought):"))
        for i, st in enumerate(proposal.stages, 1):
            _say(f"  {i}. {describe_stage(st, t)}")
    return EXIT_WANTING if proposal.unfilled else EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    start, end = date(args.year, 1, 1), date(args.year, 12, 31)
    if args.output and Path(args.output).suffix.lower() != ".xlsx":
        raise CommandError(
            tf("the workbook is .xlsx: give -o a name ending in .xlsx, not %1", Path(args.output).name)
        )
    if args.output and not Path(args.output).parent.exists():
        raise CommandError(_no_folder(args.output))
    with _open(args) as store:
        plan = load_plan(store)
        times = response_times(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    judged = min(end, args.today or date.today())
    st = compute_stats(plan, calendar, start, end, judged, times)
    if args.output:
        out = Path(args.output)
        # Made in memory, then written whole: openpyxl leaves its zip file open when the disk fills.
        book = io.BytesIO()
        write_workbook(book, st, plan, translator(args.lang))
        write_atomically(out, book.getvalue())
        _say(tf("wrote %1", out))
    if args.json or not args.output:
        doc = stats_json(st, plan)
        if args.json:
            print(json_text(doc))
        else:
            tot = doc["totals"]
            _say(
                tf(
                    "%1: %2 occurrences held, %3 people served, %4 volunteer hours",
                    args.year,
                    tot["occurrences"],
                    tot["served"],
                    f"{tot['hours']:g}",
                )
            )
            behind = [p for p in doc["pairings"] if not p["on_track"]]
            _say(tf("pairings: %1 on track, %2 behind", len(doc["pairings"]) - len(behind), len(behind)))
            own = doc["own_branch_leads"]
            _say(
                tf(
                    "led by their own branch: %1 of %2 occurrences planned or held",
                    sum(r["led_by_branch"] for r in own),
                    sum(r["occurrences"] for r in own),
                )
            )
            by_status = t(", ").join(
                f"{t(REQUEST_STATUS_NAMES.get(s, s))} {n}" for s, n in doc["requests"]["by_status"].items()
            )
            median = doc["requests"]["median_days_to_answer"]
            if median is None:
                _say(tf("requests: %1; none answered yet", by_status or "0"))
            else:
                _say(tf("requests: %1; median %2 days to answer", by_status or "0", f"{median:g}"))
    return EXIT_OK


def cmd_ics(args: argparse.Namespace) -> int:
    if bool(args.staff) == bool(args.branch):
        raise CommandError(t("ics needs either --staff ID or --branch ID"))
    out = Path(args.output)
    if out.suffix.lower() != ".ics":
        raise CommandError(
            tf("the calendar is an .ics file: give -o a name ending in .ics, not %1", out.name)
        )
    if not out.parent.exists():
        raise CommandError(_no_folder(out))
    start = cli_args.span(args.date_from, args.date_to, date.today() - timedelta(days=90))
    assert start is not None
    end = args.date_to or cli_args.until(start, 455)
    with _open(args) as store:
        plan = load_plan(store)
    if args.staff and args.staff not in plan.staff:
        raise CommandError(tf("no staff member with id %1", repr(args.staff)))
    if args.branch and args.branch not in plan.branches:
        raise CommandError(tf("no party branch with id %1", repr(args.branch)))
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    data = calendar_file(
        plan, calendar, start, end, translator(args.lang), staff=args.staff, branch=args.branch
    )
    write_atomically(out, data)
    _say(tf("wrote %1: %2 event(s) from %3 to %4", out, data.count(b"BEGIN:VEVENT"), start, end))
    return EXIT_OK


# How the command line names what a roster needs (the kinds and their needs: reports/registry.py).
ROSTER_OPTIONS = {
    OCCURRENCE: N_("--activity ID and --occurrence DATE"),
    STAFF: N_("--staff ID"),
    BRANCH: N_("--branch ID"),
    WINDOW: N_("--from DATE"),
}


ROSTER_OUTPUT = N_("the roster is a PDF or a PNG picture: give -o a name ending in .pdf or .png, not %1")


def _roster_users(need: str) -> str:
    return ", ".join(k.name for k in ROSTERS.values() if need in k.needs)


def cmd_roster(args: argparse.Namespace) -> int:
    kind = ROSTERS[args.kind]
    out = document_output(Path(args.output), ROSTER_OUTPUT)
    with _open(args) as store:
        plan = load_plan(store)
    calendar = WorkCalendar(official_calendar(), plan.calendar.values())
    chosen = RosterArgs(
        today=date.today(),
        activity=args.activity,
        occurrence=args.occurrence,
        staff=args.staff,
        branch=args.branch,
        start=args.date_from,
        end=args.date_to,
    )
    try:
        kind.check(plan, calendar, chosen)
    except RosterError as exc:
        raise CommandError(
            exc.message({k: t(v) for k, v in ROSTER_OPTIONS.items()}, t, title=tf("roster %1", kind.name))
        ) from None
    try:
        write_document(
            out,
            lambda stream: kind.render(stream, plan, calendar, chosen, translator(args.lang), datetime.now()),
        )
    except ReportError as exc:
        raise CommandError(tf("roster %1: %2", kind.name, say(exc, t))) from None
    if kind.period is None:
        _say(tf("wrote %1", out))
    else:  # the dates it covers: a week is the ISO week (Monday to Sunday) containing --from
        w = kind.window(chosen)
        _say(tf("wrote %1: %2 – %3", out, w.start, w.end))
    return EXIT_OK


_year = cli_args.year


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line and exit 2, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from .argparse_text import say_argparse  # argparse's own phrases in the user's language

        self.exit(EXIT_FAILED, terminal(tf("error: %1 (see --help)", say_argparse(message))) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Community health outreach scheduler.")
    parser.add_argument("--db", help="database file (default: your own database in the user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages and documents")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--db", default=argparse.SUPPRESS, help="database file")
        p.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=argparse.SUPPRESS,
            help="language of messages and documents (default: the app's setting, else the system's)",
        )
        p.set_defaults(func=func)
        return p

    p = command("import", cmd_import, "Import a plan file (adds to or updates the database by id).")
    p.add_argument("file", help="the plan file (JSON)")
    p = command("record", cmd_record, "Import completion records (the records section of a plan file).")
    p.add_argument("file", help="the plan file holding only records (JSON)")
    p.add_argument("--by", help="who recorded them, for the time bank (default: your login name)")
    p = command(
        "field", cmd_field, "Field packages: export a window for a laptop, import what was recorded there."
    )
    # Sub-commands of their own, so that options go before or after the package alike.
    actions = p.add_subparsers(
        dest="action",
        parser_class=_Parser,
        required=True,
        metavar="export|import",
        help="export a package, or import one brought back",
    )
    help_ = "Export the occurrences of a window as a package for a laptop at the venue."
    e = actions.add_parser("export", help=help_, description=help_)
    e.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    e.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages")
    e.add_argument("--from", dest="date_from", type=_date, help="first day of the window (default: today)")
    e.add_argument("--to", dest="date_to", type=_date, help="last day of the window (default: a week on)")
    e.add_argument("-o", "--output", required=True, help="the package to write")
    help_ = "Import the records of a package brought back from the field."
    i = actions.add_parser("import", help=help_, description=help_)
    i.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    i.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages")
    i.add_argument("package", help="the package to import")
    p = command("export", cmd_export, "Export the whole database as a plan file.")
    p.add_argument("-o", "--output", required=True, help="the plan file to write")
    p = command("demo", cmd_demo, "Fill the database with a made-up hospital.")
    p.add_argument("--scale", choices=sorted(SCALES), default="small", help="how big (default: small)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument(
        "--year", type=cli_args.demo_year, default=None, help="the year of activities (default: this year)"
    )
    p.add_argument(
        "--today",
        type=_date,
        default=None,
        help="the demo's today: staffed and recorded up to it (default: today, when in the year)",
    )
    p = command("roster", cmd_roster, "Print a roster or sheet as PDF, or as one long PNG for phones.")
    p.add_argument(
        "kind",
        choices=tuple(ROSTERS),
        help="which document: " + "; ".join(f"{k.name}: {k.label}" for k in ROSTERS.values()),
    )
    p.add_argument("--activity", help=f"activity id ({_roster_users(OCCURRENCE)})")
    p.add_argument(
        "--occurrence",
        type=_date,
        help=f"date of the occurrence as first planned ({_roster_users(OCCURRENCE)})",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=_date,
        help="start of the window; for week, branch-month and annual a day in it: week prints the "
        "ISO week containing it, Monday to Sunday (default: today)",
    )
    p.add_argument(
        "--to", dest="date_to", type=_date, help="end of the window (person; default: end of month)"
    )
    p.add_argument("--staff", help=f"staff id ({_roster_users(STAFF)})")
    p.add_argument("--branch", help=f"party branch id ({_roster_users(BRANCH)})")
    p.add_argument(
        "-o", "--output", required=True, help="the file to write: .pdf, or .png (one long picture)"
    )
    from .notice import add_parser as add_notice  # here: cli/notice.py builds on this module

    add_notice(command)
    p = command(
        "assign",
        cmd_assign,
        "Fill the open needs of a window with the solver, keeping every assignment made.",
    )
    p.add_argument("--from", dest="date_from", type=_date, help="first day of the window (default: today)")
    p.add_argument("--to", dest="date_to", type=_date, help="last day of the window (default: four weeks on)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--dry-run", action="store_true", help="show what would be added; change nothing")
    p.add_argument(
        "--replan",
        action="store_true",
        help="may also move the solver's own earlier assignments (wrong now, or to fill a place), fewest changes",
    )
    p.add_argument(
        "--method", choices=("solver", "greedy"), default="solver", help="solver (default) or greedy"
    )
    p.add_argument(
        "--time-limit",
        type=cli_args.seconds,
        help="budget of search in CP-SAT deterministic seconds, a count of work (default: the setting, 3)",
    )
    p = command(
        "stats", cmd_stats, "Figures of a year: held, served and hours by month, branch, partner and kind."
    )
    p.add_argument("--year", type=_year, required=True, help="the year")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("-o", "--output", help="write an Excel workbook (.xlsx)")
    p.add_argument(
        "--today", type=_date, help="the day pairings are judged at (default: today, or the year's end)"
    )
    p = command("ics", cmd_ics, "A person's or a branch's occurrences as an iCalendar file (phones, mail).")
    p.add_argument("--staff", help="staff id")
    p.add_argument("--branch", help="party branch id")
    p.add_argument("--from", dest="date_from", type=_date, help="first day (default: 90 days ago)")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (default: 15 months on)")
    p.add_argument("-o", "--output", required=True, help="the .ics file to write")
    p = command("check", cmd_check, "Report every conflict of the plan (exit 1 when there is an error).")
    p.add_argument("--from", dest="date_from", type=_date, help="first day of the window checked")
    p.add_argument("--to", dest="date_to", type=_date, help="last day of the window checked")
    p.add_argument(
        "--today", type=_date, help="the day overdue and behind-plan are judged at (default: today)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    from .sheets import add_parser as add_sheets  # here: cli/sheets.py builds on this module

    add_sheets(command)
    from .find import add_parser as add_find  # here: cli/find.py builds on this module

    add_find(command)
    from .review import add_parser as add_review  # here: cli/review.py builds on this module

    add_review(command)
    from .forecast import add_parser as add_forecast  # here: cli/forecast.py builds on this module

    add_forecast(command)
    from .shift_codes import add_parser as add_shift_codes  # cli/shift_codes.py builds on this module

    add_shift_codes(command)
    from .server import add_parser as add_server  # cli/server.py builds on this module

    add_server(command)
    return parser


def run(argv: list[str]) -> int:
    use(resolve(asked(argv)))  # argparse's complaints in that language too
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_FAILED
    args.lang = resolve(args.lang)
    use(args.lang)
    try:
        return args.func(args)
    except (CommandError, StoreError, OperationError, ReportError) as exc:
        _error(say(exc, t))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error(t("interrupted, nothing more was written"))
        return EXIT_FAILED
    except BrokenPipeError:  # the reader stopped reading (`check | head`): nothing to say to it
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except IntegrityError as exc:
        _error(tf("the database refused the change, nothing changed: %1", exc))
        return EXIT_FAILED
    except DatabaseError as exc:
        _error(tf("the database cannot be read: %1", exc))
        return EXIT_FAILED
    except OSError as exc:  # a file out of the app's hands (WriteError says which and why)
        _error(_file_problem(exc, args))
        return EXIT_FAILED
    except Exception as exc:  # a bug: one line for the user, the details in a log file
        log = error_log_path()
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with open(log, "a", encoding="utf-8") as f:
                f.write(traceback.format_exc() + "\n")
            where = tf("the details are written to the log %1", log)
        except OSError as log_exc:
            where = tf(
                "the details could not be written to the log %1 (%2)", log, log_exc.strerror or log_exc
            )
        _error(tf("internal error (%1); %2", f"{type(exc).__name__}: {exc}", where))
        return EXIT_FAILED


def _file_problem(exc: OSError, args: argparse.Namespace) -> str:
    if isinstance(exc, WriteError):
        return say(exc, t)
    name = exc.filename or getattr(args, "output", None) or t("a file")
    if disk_full(exc):
        return tf("disk full while writing %1", name)
    return tf("cannot use %1: %2", name, exc.strerror or exc)
