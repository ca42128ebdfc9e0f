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
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from cli import args as cli_args
from cli.assign import cmd_assign
from cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_WANTING,
    CommandError,
    Progress,
    column,
    document_output,
    no_folder,
    open_store,
    read_input,
    say_error,
    say_line,
    write_document,
)
from cli.lang import LANGUAGES, asked, json_text, resolve, t, terminal, tf, use
from db.field import ensure_field_keys, export_package, field_keys_ready, import_package
from db.files import WriteError, disk_full, write_atomically
from db.operations import (
    OperationError,
    import_document,
    import_plan,
    import_records,
    response_times,
)
from db.paths import error_log_path
from db.planio import load_hospital, load_plan
from db.store import DatabaseError, IntegrityError, StoreError
from reports import ReportError
from reports.document import translator
from reports.ics import calendar_file
from reports.messages import (
    REQUEST_STATUS_NAMES,
    describe,
    describe_hospital_change,
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
from scheduler.plan.wording import N_, say

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


def _refused(path: Path, template: str, exc: PlanError) -> int:
    """A file not taken: one line (`template`: %1 the file, %2 how many problems), then every
    problem with its place in the file."""
    say_error(tf(template, path, len(exc.problems)))
    for p in exc.problems:
        print(terminal(f"  {p.say(t)}"), file=sys.stderr)
    return EXIT_FAILED


NOT_IMPORTED = N_("%1 was not imported, nothing changed: %2 problem(s)")
NOT_RECORDED = N_("%1 was not recorded, nothing changed: %2 problem(s)")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_input(path)
    with open_store(args, write=True) as store:
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
    say_line(tf("imported %1: %2", path, t("; ").join(x for x in said if x) or t("nothing to change")))
    for w in warnings:  # taken, but maybe not as meant: said on stderr, the exit stays 0
        print(terminal(tf("warning: %1", w.say(t))), file=sys.stderr)
    return EXIT_OK


def cmd_record(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_input(path)
    with open_store(args, write=True) as store:
        store.user = args.by or getpass.getuser()
        try:
            changes = import_records(store, data)
        except PlanError as exc:
            return _refused(path, NOT_RECORDED, exc)
    say_line(tf("recorded %1: %2 record(s)", path, len(changes.keys.get("records", ()))))
    return EXIT_OK


def cmd_field(args: argparse.Namespace) -> int:
    if args.action == "export":
        out = Path(args.output)
        if not out.parent.exists():
            raise CommandError(no_folder(out))
        start = cli_args.span(args.date_from, args.date_to, date.today())
        assert start is not None
        end = args.date_to or cli_args.until(start, 6)
        with open_store(args) as store:
            ready = field_keys_ready(store)
        if not ready:  # the first package of this database: its identity and key are made once
            with open_store(args, write=True) as store:
                ensure_field_keys(store)
        with open_store(args) as store:
            text = export_package(store, start, end)
        write_atomically(out, text)
        n = len(json.loads(text)["occurrences"])
        say_line(tf("wrote %1: %2 occurrence(s) from %3 to %4", out, n, start, end))
        return EXIT_OK
    path = Path(args.package)
    data = read_input(path)
    with open_store(args, write=True) as store:
        try:
            result = import_package(store, data)
        except PackageError as exc:
            raise CommandError(tf("%1 was refused, nothing changed: %2", path, exc.say(t))) from None
        except PlanError as exc:
            return _refused(path, NOT_IMPORTED, exc)
    if result.already:
        say_line(tf("%1 was imported before: nothing changed", path))
        return EXIT_OK
    say_line(
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


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if not out.parent.exists():
        raise CommandError(no_folder(out))
    with open_store(args) as store:
        plan = load_plan(store)
    write_atomically(out, dump_document(plan_to_document(plan)))
    say_line(tf("exported to %1: %2", out, _counted(plan.counts().items())))
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
    with open_store(args, write=True) as store:
        import_plan(store, plan)
    took = time.perf_counter() - started
    say_line(
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


SEVERITIES = {"error": N_("ERROR"), "warning": N_("WARNING")}


def cmd_check(args: argparse.Namespace) -> int:
    cli_args.span(args.date_from, args.date_to, None)
    today = args.today or date.today()
    with open_store(args) as store:
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
            severity = column(t(SEVERITIES.get(c.severity, c.severity)), 7)
            kind = column(t(KINDS[c.kind].name), 20)  # the kind's name; --json gives its code
            say_line(f"{severity} {kind} {describe(c, plan, t)}")
        say_line(tf("%1 error(s), %2 warning(s)", tally["error"], tally["warning"]))
    return EXIT_WANTING if tally["error"] else EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    start, end = date(args.year, 1, 1), date(args.year, 12, 31)
    if args.output and Path(args.output).suffix.lower() != ".xlsx":
        raise CommandError(
            tf("the workbook is .xlsx: give -o a name ending in .xlsx, not %1", Path(args.output).name)
        )
    if args.output and not Path(args.output).parent.exists():
        raise CommandError(no_folder(args.output))
    with open_store(args) as store:
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
        say_line(tf("wrote %1", out))
    if args.json or not args.output:
        doc = stats_json(st, plan)
        if args.json:
            print(json_text(doc))
        else:
            tot = doc["totals"]
            say_line(
                tf(
                    "%1: %2 occurrences held, %3 people served, %4 volunteer hours",
                    args.year,
                    tot["occurrences"],
                    tot["served"],
                    f"{tot['hours']:g}",
                )
            )
            behind = [p for p in doc["pairings"] if not p["on_track"]]
            say_line(tf("pairings: %1 on track, %2 behind", len(doc["pairings"]) - len(behind), len(behind)))
            own = doc["own_branch_leads"]
            say_line(
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
                say_line(tf("requests: %1; none answered yet", by_status or "0"))
            else:
                say_line(tf("requests: %1; median %2 days to answer", by_status or "0", f"{median:g}"))
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
        raise CommandError(no_folder(out))
    start = cli_args.span(args.date_from, args.date_to, date.today() - timedelta(days=90))
    assert start is not None
    end = args.date_to or cli_args.until(start, 455)
    with open_store(args) as store:
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
    say_line(tf("wrote %1: %2 event(s) from %3 to %4", out, data.count(b"BEGIN:VEVENT"), start, end))
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
    with open_store(args) as store:
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
        say_line(tf("wrote %1", out))
    else:  # the dates it covers: a week is the ISO week (Monday to Sunday) containing --from
        w = kind.window(chosen)
        say_line(tf("wrote %1: %2 – %3", out, w.start, w.end))
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line and exit 2, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from cli.argparse_text import say_argparse  # argparse's own phrases in the user's language

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
    e.add_argument("--from", dest="date_from", type=cli_args.day, help="first day of the window (default: today)")
    e.add_argument("--to", dest="date_to", type=cli_args.day, help="last day of the window (default: a week on)")
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
        type=cli_args.day,
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
        type=cli_args.day,
        help=f"date of the occurrence as first planned ({_roster_users(OCCURRENCE)})",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=cli_args.day,
        help="start of the window; for week, branch-month and annual a day in it: week prints the "
        "ISO week containing it, Monday to Sunday (default: today)",
    )
    p.add_argument(
        "--to", dest="date_to", type=cli_args.day, help="end of the window (person; default: end of month)"
    )
    p.add_argument("--staff", help=f"staff id ({_roster_users(STAFF)})")
    p.add_argument("--branch", help=f"party branch id ({_roster_users(BRANCH)})")
    p.add_argument(
        "-o", "--output", required=True, help="the file to write: .pdf, or .png (one long picture)"
    )
    from cli.notice import add_parser as add_notice  # here: cli/notice.py builds on this module

    add_notice(command)
    p = command(
        "assign",
        cmd_assign,
        "Fill the open needs of a window with the solver, keeping every assignment made.",
    )
    p.add_argument("--from", dest="date_from", type=cli_args.day, help="first day of the window (default: today)")
    p.add_argument("--to", dest="date_to", type=cli_args.day, help="last day of the window (default: four weeks on)")
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
    p.add_argument("--year", type=cli_args.year, required=True, help="the year")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("-o", "--output", help="write an Excel workbook (.xlsx)")
    p.add_argument(
        "--today", type=cli_args.day, help="the day pairings are judged at (default: today, or the year's end)"
    )
    p = command("ics", cmd_ics, "A person's or a branch's occurrences as an iCalendar file (phones, mail).")
    p.add_argument("--staff", help="staff id")
    p.add_argument("--branch", help="party branch id")
    p.add_argument("--from", dest="date_from", type=cli_args.day, help="first day (default: 90 days ago)")
    p.add_argument("--to", dest="date_to", type=cli_args.day, help="last day (default: 15 months on)")
    p.add_argument("-o", "--output", required=True, help="the .ics file to write")
    p = command("check", cmd_check, "Report every conflict of the plan (exit 1 when there is an error).")
    p.add_argument("--from", dest="date_from", type=cli_args.day, help="first day of the window checked")
    p.add_argument("--to", dest="date_to", type=cli_args.day, help="last day of the window checked")
    p.add_argument(
        "--today", type=cli_args.day, help="the day overdue and behind-plan are judged at (default: today)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    from cli.sheets import add_parser as add_sheets  # here: cli/sheets.py builds on this module

    add_sheets(command)
    from cli.find import add_parser as add_find  # here: cli/find.py builds on this module

    add_find(command)
    from cli.review import add_parser as add_review  # here: cli/review.py builds on this module

    add_review(command)
    from cli.forecast import add_parser as add_forecast  # here: cli/forecast.py builds on this module

    add_forecast(command)
    from cli.shift_codes import add_parser as add_shift_codes  # cli/shift_codes.py builds on this module

    add_shift_codes(command)
    from cli.server import add_parser as add_server  # cli/server.py builds on this module

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
        say_error(say(exc, t))
        return EXIT_FAILED
    except KeyboardInterrupt:
        say_error(t("interrupted, nothing more was written"))
        return EXIT_FAILED
    except BrokenPipeError:  # the reader stopped reading (`check | head`): nothing to say to it
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except IntegrityError as exc:
        say_error(tf("the database refused the change, nothing changed: %1", exc))
        return EXIT_FAILED
    except DatabaseError as exc:
        say_error(tf("the database cannot be read: %1", exc))
        return EXIT_FAILED
    except OSError as exc:  # a file out of the app's hands (WriteError says which and why)
        say_error(_file_problem(exc, args))
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
        say_error(tf("internal error (%1); %2", f"{type(exc).__name__}: {exc}", where))
        return EXIT_FAILED


def _file_problem(exc: OSError, args: argparse.Namespace) -> str:
    if isinstance(exc, WriteError):
        return say(exc, t)
    name = exc.filename or getattr(args, "output", None) or t("a file")
    if disk_full(exc):
        return tf("disk full while writing %1", name)
    return tf("cannot use %1: %2", name, exc.strerror or exc)
