"""The command line of `python main.py`: the sub-commands it knows, in the order --help lists them,
and how a run ends (exit codes and the one line said on a failure, docs/command-line.md). Each
sub-command lives in a module of its own under cli/ with an `add_parser(command)` that registers it."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable

from cli import args as cli_args
from cli import (
    check,
    demo,
    field,
    find,
    forecast,
    ics,
    notice,
    plan_files,
    review,
    roster,
    server,
    sheets,
    shift_codes,
    stats,
)
from cli.assign import cmd_assign
from cli.common import EXIT_FAILED, Command, CommandError, say_error
from cli.lang import LANGUAGES, asked, resolve, t, terminal, tf, use
from db.files import WriteError, disk_full
from db.operations import OperationError
from db.paths import error_log_path
from db.store import DatabaseError, IntegrityError, StoreError
from reports import ReportError
from scheduler.plan.wording import say


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line and exit 2, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from cli.argparse_text import say_argparse  # argparse's own phrases in the user's language

        self.exit(EXIT_FAILED, terminal(tf("error: %1 (see --help)", say_argparse(message))) + "\n")


def _add_assign(command: Command) -> None:
    """`assign [--from D] [--to D] [--json] [--dry-run] [--replan] [--method M] [--time-limit S]` (cli/assign.py)."""
    p = command(
        "assign",
        cmd_assign,
        "Fill the open needs of a window with the solver, keeping every assignment made.",
    )
    p.add_argument(
        "--from", dest="date_from", type=cli_args.day, help="first day of the window (default: today)"
    )
    p.add_argument(
        "--to", dest="date_to", type=cli_args.day, help="last day of the window (default: four weeks on)"
    )
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


# Every sub-command, in the order --help lists them: each registers itself and its arguments.
SUB_COMMANDS: tuple[Callable[[Command], None], ...] = (
    plan_files.add_import_parsers,  # import, record
    field.add_parser,
    plan_files.add_export_parser,
    demo.add_parser,
    roster.add_parser,
    notice.add_parser,
    _add_assign,
    stats.add_parser,
    ics.add_parser,
    check.add_parser,
    sheets.add_parser,
    find.add_parser,
    review.add_parser,
    forecast.add_parser,
    shift_codes.add_parser,
    server.add_parser,
)


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

    for register in SUB_COMMANDS:
        register(command)
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
