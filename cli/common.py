"""What every sub-command shares: the exit codes, the one error a user can act on, opening the
database, saying a line, reading an input file, checking where a file goes, a progress bar and a
document written as PDF or PNG. The command line's contract (exit codes, --json, --lang) is
docs/command-line.md."""

from __future__ import annotations

import argparse
import getpass
import io
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from cli.lang import t, terminal, tf
from db.files import atomic_path, write_atomically
from db.paths import default_db_path
from db.pg import is_server_url
from db.store import MissingDatabase, Store

# 0: done, the plan as wished; 1: done, but the plan wants attention (an error found, a place
# left open, a conflict to choose); 2: could not run (bad arguments, a file or database refused).
EXIT_OK, EXIT_WANTING, EXIT_FAILED = 0, 1, 2

# How a module adds its sub-command (cli/commands.build_parser hands it over): the name, the
# function that runs it, its help; it gives back the sub-command's parser for its arguments.
Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


class CommandError(Exception):
    """A failure the user can act on; printed as one line, exit 2 (made in the user's language)."""


def say_line(text: str) -> None:
    """A line on the standard output, shown as text (see lang.terminal)."""
    print(terminal(text))


def say_error(text: str) -> None:
    """An error line on the standard error: "error: …" in the user's language."""
    print(terminal(tf("error: %1", text)), file=sys.stderr)


def open_store(args: argparse.Namespace, *, write: bool = False) -> Store:
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


def read_input(path: Path) -> bytes:
    """The bytes of a file the user names; CommandError when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(tf("cannot read %1: %2", path, exc.strerror or exc)) from exc


def no_folder(out: Path | str) -> str:
    """The refusal of an output file whose folder does not exist."""
    return tf("cannot write %1: folder %2 does not exist", out, Path(out).parent)


def column(text: str, width: int) -> str:
    """`text` padded to `width` columns of a terminal, where a Chinese character takes two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


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


def document_output(out: Path, template: str) -> Path:
    """`out` checked for a document: a .pdf or .png name (else `template`'s refusal) in a folder that exists."""
    if out.suffix.lower() not in (".pdf", ".png"):
        raise CommandError(tf(template, out.name))
    if not out.parent.exists():
        raise CommandError(no_folder(out))
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
