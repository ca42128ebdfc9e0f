"""Opening the SQLite store: connection settings, migrations, transactions, user errors; a
read-only opening for commands that only read; no writing on a network filesystem."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

from sqlite_utils import Database

from db.schema import MIGRATIONS, SCHEMA_VERSION
from scheduler.plan.wording import N_, Worded

BUSY_TIMEOUT_MS = 10_000

# A file that opened but turns out damaged while being read: callers outside db/ catch this.
DatabaseError = sqlite3.DatabaseError
# A constraint (foreign key, unique, check) that refused a change: what was wrong, not damage.
IntegrityError = sqlite3.IntegrityError


class StoreError(Worded):
    """A problem with the database file a user can act on (locked, damaged, too new): an English
    template and its values, said in the reader's language where it is shown."""


class MissingDatabase(StoreError):
    """A database opened for reading that does not exist (nothing was created)."""


class NetworkDatabase(StoreError):
    """A database on a network filesystem, refused for writing."""

    def __init__(self, path: Path, kind: str):
        super().__init__(
            N_(
                "database %1 is on a network filesystem (%2): it is not opened for writing there, "
                "because SQLite's locking and write-ahead log do not work between computers and the "
                "file can be corrupted. Keep the database on the disk of the one computer that owns it "
                "(give --db a local path, or copy the file there); sharing a plan between computers is "
                "the job of the office server, not of a shared folder."
            ),
            path,
            kind,
        )
        self.path = path
        self.kind = kind  # e.g. "cifs", "nfs4", "a network drive"


class ForeignDatabase(StoreError):
    """A SQLite file of another application (tables this app never made): refused by every
    command and window, for reading and for writing, never converted."""

    def __init__(self, path: Path, tables: list[str]):
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        super().__init__(
            N_(
                "%1 is the SQLite database of another application (it has tables of its own: %2); "
                "it is not opened and nothing was changed: give --db a database of this app or a new "
                "file name"
            ),
            path,
            shown,
        )
        self.path = path
        self.tables = tables


# Every table the migrations make (whatever the file's schema version); SQLite's own tables
# (sqlite_sequence, sqlite_stat1 …) begin with "sqlite_".
OUR_TABLES = frozenset(
    re.findall(r"CREATE TABLE\s+(?:IF NOT EXISTS\s+)?\"?(\w+)", "\n".join(MIGRATIONS), re.IGNORECASE)
)


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of a database file this app did not make: any table in a file of schema
    version 0 (this app sets the version as it makes its tables), else any it never makes."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    names = [
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        if not str(r[0]).startswith("sqlite_")
    ]
    if version == 0:
        return names
    return [n for n in names if n not in OUR_TABLES]


class ReadOnlyDatabase(StoreError):
    """A database to be opened for writing on a read-only disk or folder."""

    def __init__(self, path: Path):
        super().__init__(
            N_(
                "database %1 cannot be written: its disk or folder is read-only (commands that only "
                "read it, such as check and export, still work)"
            ),
            path,
        )
        self.path = path


class Store:
    """One connection to one database file, migrated to the current schema.

    `readonly` opens an existing database for reading only (SQLite's mode=ro): nothing is
    created, nothing migrated, and it works on a read-only disk. Opened for writing, the file
    must not be on a network filesystem (see `network_filesystem`)."""

    engine = "sqlite"
    role: str | None = None  # on the office server: planner, recorder or viewer (None: everything)
    # Where a PostgreSQL connection string opens the office server's store: set by db/__init__.py
    # (the store itself, db/pg_store.py, builds on this module and is loaded only when needed).
    server_store: ClassVar[Callable[[], type[Store]] | None] = None

    def __new__(cls, path: str | Path, *args: object, **kwargs: object) -> Store:
        if (
            cls is Store
            and isinstance(path, str)
            and path.lower().startswith(("postgresql://", "postgres://"))
        ):
            assert Store.server_store is not None, "set by db/__init__.py"
            return super().__new__(Store.server_store())
        return super().__new__(cls)

    def __init__(self, path: str | Path, *, migrate: bool = True, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.user: str | None = None  # who is working: recorded with time bank entries
        memory = str(self.path) == ":memory:"
        if readonly:
            conn = connect_readonly(self.path)
        else:
            if not memory:
                refuse_network_filesystem(self.path)
            try:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
                )
            except (sqlite3.Error, OSError) as exc:
                if not _writable(self.path):
                    raise _read_only(self.path) from exc
                raise StoreError(N_("cannot open database %1: %2"), self.path, exc) from exc
        self.conn = conn
        self.db = Database(conn, execute_plugins=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not memory and (foreign := foreign_tables(conn)):
                conn.close()
                raise ForeignDatabase(self.path, foreign)
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                with self.db.ensure_autocommit_on():
                    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal" and not memory:
                    raise StoreError(N_("database %1 cannot use write-ahead logging"), self.path)
                conn.execute("PRAGMA synchronous = FULL")  # a committed record survives a power cut
            self.version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            if not readonly and not memory and not _writable(self.path):
                raise _read_only(self.path) from exc
            raise StoreError(N_("%1 is not a usable database: %2"), self.path, exc) from exc
        if self.version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                N_(
                    "database %1 was written by a newer version of the app (schema %2, this app knows up to %3)"
                ),
                self.path,
                self.version,
                SCHEMA_VERSION,
            )
        if readonly and self.version < SCHEMA_VERSION:
            conn.close()
            if self.version == 0:
                raise StoreError(N_("%1 holds no database of this app (it is empty)"), self.path)
            raise StoreError(
                N_(
                    "database %1 has the older schema %2 (this app uses %3); a command that changes it, "
                    "or the app, upgrades it first"
                ),
                self.path,
                self.version,
                SCHEMA_VERSION,
            )
        if migrate and not readonly:
            self.migrate()

    def migrate(self, up_to: int = SCHEMA_VERSION) -> None:
        """Apply the migrations not yet applied, each in a transaction of its own."""
        while self.version < up_to:
            n = self.version + 1
            script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[n - 1]}\nPRAGMA user_version = {n};\nCOMMIT;"
            try:
                self.conn.executescript(script)
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(
                    N_("cannot upgrade database %1 to schema %2: %3"), self.path, n, exc
                ) from exc
            self.version = n

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested). The outermost one takes the write lock
        at once, so two copies of the app wait for each other instead of failing."""
        if self.readonly:
            raise StoreError(N_("database %1 is open for reading only"), self.path)
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(N_("database %1 is busy: %2"), self.path, exc) from exc
        try:
            with self.db.atomic():
                yield self.db
            # Deferred foreign keys are checked here, so a failing COMMIT must roll back too.
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def data_version(self) -> int:
        """Changes when another connection commits (not this one): how a window notices."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(N_("cannot read %1: %2"), self.path, exc) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _writable(path: Path) -> bool:
    """Whether the database and its folder (where SQLite puts its -wal and -shm files) can be
    written; a read-only filesystem says no even to root."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect_readonly(path: Path) -> sqlite3.Connection:
    """An existing database file opened read-only (SQLite's mode=ro); nothing is created.

    A database in write-ahead-log mode needs its -shm file, which cannot be made when the
    folder is read-only (a read-only disk): then the file is opened as immutable, which is
    safe because nobody can be writing it there, unless a -wal file holds changes not yet in
    the database (a refusal then)."""
    if not path.is_file():
        raise MissingDatabase(N_("there is no database at %1"), path)
    base = path.resolve().as_uri() + "?mode=ro"
    for extra in ("", "&immutable=1"):
        try:
            conn = sqlite3.connect(
                base + extra, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(N_("cannot open database %1: %2"), path, exc) from exc
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if extra or _writable(path):
                raise StoreError(N_("cannot read database %1: %2"), path, exc) from exc
            wal = Path(f"{path}-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise StoreError(
                    N_(
                        "cannot read database %1: its folder cannot be written, and %2 holds changes "
                        "not yet in the file (open it once where it can be written)"
                    ),
                    path,
                    wal.name,
                ) from exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(N_("%1 is not a usable database: %2"), path, exc) from exc
    raise AssertionError("unreachable")


def _read_only(path: Path) -> StoreError:
    return ReadOnlyDatabase(path)


# ---- network filesystems
# SQLite's locking and write-ahead log (its shared-memory index) work between processes of one
# computer only: on SMB/CIFS, NFS and the like, two computers writing can corrupt the file
# (https://www.sqlite.org/wal.html, "all processes using a database must be on the same host").
# So a database there is not opened for writing at all.

NETWORK_TYPES = frozenset(
    {
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "9p",
        "afs",
        "afpfs",
        "webdav",
        "davfs",
        "ncpfs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "gfs2",
        "ocfs2",
        "vboxsf",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.davfs2",
        "fuse.smbnetfs",
        "fuse.cephfs",
    }
)

_OCTAL = re.compile(r"\\([0-7]{3})")
_BSD_LINE = re.compile(r"^(?P<src>.*?) on (?P<mnt>.*?) \((?P<type>[^,)]+)")
_LINUX_MOUNT_LINE = re.compile(r"^(?P<src>.*?) on (?P<mnt>.*?) type (?P<type>\S+)")


def _unescape(field: str) -> str:
    """/proc/mounts writes a space in a path as \\040, a tab as \\011 and so on."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, filesystem type) of each line of a mount table: Linux /proc/mounts
    ("src /mnt type opts 0 0", spaces in paths written \\040), or the output of `mount` on
    macOS ("src on /mnt (type, …)") or on Linux ("src on /mnt type type (…)")."""
    out = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 6 and fields[1].startswith("/") and fields[4].isdigit() and fields[5].isdigit():
            out.append((_unescape(fields[1]), fields[2].lower()))
            continue
        m = _LINUX_MOUNT_LINE.match(line) or _BSD_LINE.match(line)
        if m:
            out.append((m.group("mnt"), m.group("type").strip().lower()))
    return out


def filesystem_of(path: str, mounts: str) -> tuple[str, str] | None:
    """(mount point, type) of the filesystem holding the absolute, resolved `path`: the mount
    with the longest mount point that contains it (the later one when two are mounted on the
    same point: it hides the earlier)."""
    best: tuple[str, str] | None = None
    best_len = -1
    for mnt, kind in parse_mounts(mounts):
        root = mnt.rstrip("/")  # "" for "/"
        if (path in (mnt, root) or path.startswith(root + "/")) and len(root) >= best_len:
            best, best_len = (mnt, kind), len(root)
    return best


def is_network_type(kind: str) -> bool:
    kind = kind.lower()
    return kind in NETWORK_TYPES or kind.split(".")[-1] in NETWORK_TYPES or kind.startswith(("nfs", "smb"))


def network_filesystem(path: str, mounts: str) -> str | None:
    """The network filesystem type (e.g. "cifs", "nfs4") holding `path`, per the mount table
    text; None when the path is on a local disk."""
    found = filesystem_of(path, mounts)
    return found[1] if found and is_network_type(found[1]) else None


def windows_remote_path(path: str) -> bool:
    """A UNC path (\\\\server\\share\\…, also \\\\?\\UNC\\…) names a file on another computer."""
    p = path.replace("/", "\\")
    if p.upper().startswith("\\\\?\\UNC\\"):
        return True
    return p.startswith("\\\\") and not p.startswith(("\\\\?\\", "\\\\.\\"))


def mount_table() -> str:
    """This computer's mount table as text ("" when it cannot be read: then nothing is refused)."""
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/self/mounts", encoding="utf-8", errors="replace") as f:
                return f.read()
        if sys.platform == "darwin" or "bsd" in sys.platform:
            done = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False)
            return done.stdout
    except (OSError, subprocess.SubprocessError):
        pass
    return ""


def _windows_drive_remote(path: str) -> bool:
    import ctypes

    drive = os.path.splitdrive(path)[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)  # type: ignore[attr-defined]


def _existing(path: Path) -> Path:
    """The path itself when it exists, else its nearest existing folder (a new database)."""
    p = Path(os.path.abspath(path))
    while not p.exists() and p.parent != p:
        p = p.parent
    return p.resolve()


def network_kind(path: Path) -> str | None:
    """What network filesystem the database file at `path` would be on, or None."""
    where = _existing(path)
    if os.name == "nt":
        text = str(where)
        if windows_remote_path(text):
            return "a network share (UNC path)"
        try:
            return "a network drive" if _windows_drive_remote(text) else None
        except (OSError, AttributeError):
            return None
    return network_filesystem(str(where), mount_table())


def refuse_network_filesystem(path: Path) -> None:
    kind = network_kind(path)
    if kind is None:
        return
    raise NetworkDatabase(path, kind)
