"""Whole-database backups and restores, with each database's own tools.

SQLite uses the online backup API, so a backup taken while the app runs is consistent. PostgreSQL
uses ``pg_dump --format=custom`` and ``pg_restore``, the procedure documented in
``docs/operations.md``; we never hand-roll a dump format.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import URL, make_url


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def create_backup(database_url: str, target: Path) -> Path:
    """Write a backup of ``database_url`` to ``target`` and return its path."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(_sqlite_path(url), target)
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}"], url)
    return target


def restore_backup(database_url: str, source: Path) -> None:
    """Replace the contents of ``database_url`` with the backup in ``source``."""
    if not source.exists():
        raise BackupError(f"No backup file at {source}")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(source, Path(_sqlite_path(url)))
    else:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", str(source)], url)


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up")
    return Path(url.database)


def _sqlite_copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def _run(command: list[str], url: URL) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian package postgresql-client)")
    env = {**os.environ, "PGPASSWORD": url.password or ""}
    result = subprocess.run(
        [*command, *_connection_args(url)], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _connection_args(url: URL) -> list[str]:
    """libpq options for ``url``; a unix-socket URL carries its folder as ``?host=``."""
    host = url.host or url.query.get("host")
    args = [f"--dbname={url.database}"]
    if host:
        args.append(f"--host={host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    return args
