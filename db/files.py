"""Writing an output file whole or not at all: the one way every command and window writes one.

The data goes to a temporary file beside the target (same folder, so the rename stays on one
filesystem), is flushed to disk, then renamed over the target. On any error the temporary file
is removed, so a full disk or a crash never leaves half a file under the user's name. New files
get the usual permissions (0666 less the umask), whatever wrote them: a PDF, a workbook and a
calendar file come out alike. A file that exists keeps its permission bits when replaced (an
export over a 0600 file stays private), and one the user may not write is refused, never
replaced: no write permission for this user, or no write bit at all (a file marked read-only,
which root could otherwise replace)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from scheduler.plan.wording import N_, fill

# Errors that mean "no room": the disk (ENOSPC) or the user's quota (EDQUOT) is full.
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class WriteError(OSError):
    """An output file that could not be written; the message says which and why, in one line
    (a template and its values, as scheduler.plan.wording.Worded, to be said in the reader's language).
    An OSError, so callers that catch OSError keep working."""

    def __init__(self, path: Path, cause: OSError | None = None):
        self.path = path
        self.disk_full = disk_full(cause)
        self.values: tuple[object, ...]
        if self.disk_full:
            self.template, self.values = N_("disk full while writing %1"), (path,)
        else:
            reason = (cause.strerror if cause is not None else None) or str(cause)
            self.template, self.values = N_("cannot write %1: %2"), (path, reason)
        text = fill(self.template, *self.values)
        super().__init__(cause.errno if cause is not None else None, text)
        self.text = text

    def __str__(self) -> str:
        return self.text


class ReadOnlyFile(WriteError):
    """An output file that exists and may not be written: left as it is."""

    def __init__(self, path: Path):
        super().__init__(path, PermissionError(errno.EACCES, "read-only", str(path)))
        self.template, self.values = (
            N_("cannot write %1: the file is read-only (it was left as it is)"),
            (path,),
        )
        self.text = fill(self.template, *self.values)


def _existing_mode(target: Path, shown: Path) -> int | None:
    """The permission bits of the file to be replaced (None when there is none); ReadOnlyFile
    when the user may not write it."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(shown, exc) from exc
    if not stat.S_ISREG(info.st_mode):
        return None  # a folder or a device: the rename itself says what is wrong
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyFile(shown)
    return mode


def disk_full(exc: BaseException | None) -> bool:
    """Whether an error means the disk (or the quota) is full."""
    return isinstance(exc, OSError) and exc.errno in _FULL


def _temp_beside(path: Path) -> Path:
    """A new empty file in the target's folder. Created with mode 0666 so that the umask alone
    decides its permissions (tempfile.mkstemp would make it 0600)."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path))


def _sync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write to (by a library that wants a file name: reportlab, openpyxl,
    SQLite); when the block ends without error, the file is flushed and takes `path`'s place.
    OSError inside the block or while finishing becomes WriteError; any error removes the
    temporary file."""
    shown = Path(os.path.abspath(path))
    target = shown.resolve()  # a symbolic link is written through, as editors do
    mode = _existing_mode(target, shown)
    try:
        tmp = _temp_beside(target)
    except OSError as exc:
        raise WriteError(shown, exc) from exc
    try:
        yield tmp
        _sync(tmp)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        _remove(tmp)
        if isinstance(exc, WriteError):
            raise
        raise WriteError(shown, exc) from exc
    except BaseException:
        _remove(tmp)
        raise


def write_atomically(path: str | Path, data: bytes | str | Callable[[BinaryIO], None]) -> None:
    """Write `path` whole or not at all: bytes, text (UTF-8, newlines as given) or a function
    that writes to the open binary file."""
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        if callable(data):
            data(f)
        else:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)


def _remove(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)
