"""A throwaway PostgreSQL cluster for the tests: one per test session, in a temp folder, on a
Unix socket there (no TCP port), stopped when the session ends.

initdb refuses to run as root: as root the cluster is made and run by the `postgres` system
user (the Debian package makes it; `runuser -u postgres`). The tests that need the server are
skipped, saying why, only where the binaries are missing and we are not root (tools/setup.sh
installs them when root)."""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


PASSWORD_LOGIN = "pw_login"  # the one login of the test cluster that needs its password


class Cluster:
    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root = os.geteuid() == 0
        self.folder: Path | None = None
        self.error: str | None = None
        self.port = 5432

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / argv[0]), *argv[1:]] if self.bindir else list(argv)
        if self.root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        if self.bindir is None:
            self.error = "PostgreSQL is not installed (tools/setup.sh installs it when run as root)"
            return
        if self.root:
            try:
                import pwd

                pw = pwd.getpwnam("postgres")
            except KeyError:
                self.error = "running as root and there is no `postgres` system user to run initdb"
                return
        self._sweep()
        self.folder = Path(tempfile.mkdtemp(prefix="outreach-pg-"))
        (self.folder / "owner").write_text(str(os.getpid()))
        self.folder.chmod(0o755)
        if self.root:
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
        data = self.folder / "data"
        done = self._run(
            "initdb",
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        if done.returncode != 0:
            self.error = f"initdb failed: {done.stderr.strip()[-500:]}"
            return
        # One login that must give a password (the GUI's prompt, PGPASSWORD): scram on the socket.
        hba = data / "pg_hba.conf"
        hba.write_text(f"local all {PASSWORD_LOGIN} scram-sha-256\n" + hba.read_text())  # root may
        self.port = 20000 + os.getpid() % 20000
        opts = f"-k {self.folder} -c listen_addresses='' -p {self.port} -c fsync=off -c full_page_writes=off"
        done = self._run("pg_ctl", "-D", str(data), "-o", opts, "-l", str(self.folder / "log"), "-w", "start")
        if done.returncode != 0:
            log = (
                (self.folder / "log").read_text(errors="replace")[-500:]
                if (self.folder / "log").exists()
                else ""
            )
            self.error = f"pg_ctl start failed: {done.stderr.strip()[-300:]} {log}"
            return
        atexit.register(self.stop)

    def _sweep(self) -> None:
        """Clusters left by a test session that was killed (no atexit ran): stopped and removed."""
        for folder in Path(tempfile.gettempdir()).glob("outreach-pg-*"):
            try:
                owner = int((folder / "owner").read_text())
                os.kill(owner, 0)
                continue  # its session is still running
            except ProcessLookupError:
                pass
            except (OSError, ValueError):
                continue  # not one of ours as far as we can tell
            if (folder / "data").exists():
                self._run("pg_ctl", "-D", str(folder / "data"), "-m", "immediate", "-w", "stop")
            shutil.rmtree(folder, ignore_errors=True)

    def stop(self) -> None:
        if self.folder is not None and (self.folder / "data").exists():
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@/{dbname}?host={self.folder}&port={self.port}"

    def new_database(self) -> str:
        """A fresh empty database on the cluster: its connection string (as the superuser)."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


_CLUSTER: Cluster | None = None


def cluster() -> Cluster:
    """The session's cluster, started on first use; pytest.skip with the reason when it cannot be."""
    global _CLUSTER
    if _CLUSTER is None:
        _CLUSTER = Cluster()
        _CLUSTER.start()
    if _CLUSTER.error:
        if _CLUSTER.bindir is None and not _CLUSTER.root:
            pytest.skip(_CLUSTER.error)
        pytest.fail(_CLUSTER.error)
    return _CLUSTER


@pytest.fixture
def pg_url() -> str:
    """A fresh, empty PostgreSQL database of the session's cluster (superuser connection string)."""
    return cluster().new_database()
