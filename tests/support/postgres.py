"""Start a throwaway PostgreSQL server from Debian's packages, on a unix socket only.

The server lives in a temporary directory, listens on no TCP port, and is stopped at the end of
the test session. PostgreSQL refuses to run as root, so when the suite runs as root (CI does) the
server is started as the ``postgres`` system user that Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg


class PostgresNotInstalledError(RuntimeError):
    """Raised when no PostgreSQL server binaries are installed (run ``make test``)."""


def _bin_dir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not candidates:
        raise PostgresNotInstalledError(
            "PostgreSQL server binaries are not installed; `make test` installs them from Debian."
        )
    return Path(candidates[-1]).parent


class PostgresServer:
    """A running server; ``url(dbname)`` gives SQLAlchemy URLs for databases on it."""

    def __init__(self) -> None:
        self.bin_dir = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="cv-pg-"))
        self.data_dir = self.root / "data"
        self.socket_dir = self.root / "socket"
        self._as_postgres = os.geteuid() == 0

    def start(self) -> PostgresServer:
        self.socket_dir.mkdir()
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._run("initdb", "-D", str(self.data_dir), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        )
        log = self.root / "server.log"
        self._run("pg_ctl", "-D", str(self.data_dir), "-o", options, "-l", str(log), "-w", "start")
        return self

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self, name: str) -> str:
        """Create (or re-create) database ``name`` and return its SQLAlchemy URL."""
        with psycopg.connect(self._dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@/{name}?host={self.socket_dir}"

    def _dsn(self, name: str) -> str:
        return f"host={self.socket_dir} user=postgres dbname={name}"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin_dir / tool), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd="/")
