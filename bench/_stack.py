"""The pieces a load benchmark stands up: a database, a seeded round, gunicorn servers, Redis.

Everything listens on loopback or a unix socket in a temporary directory, and every process
started here is stopped (and waited for) by the context manager that started it, so a bench
run or a test leaves nothing running behind it.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

REPO_ROOT = Path(__file__).resolve().parents[1]
GUNICORN_CONFIG = REPO_ROOT / "gunicorn.conf.py"
"""The project's gunicorn settings (no client address in any log line), used wherever it runs."""
READY_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 15.0
BENCH_SECRET = "bench-secret-key-shared-by-every-instance"


def free_port() -> int:
    """A loopback TCP port nobody is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database(kind: str, workdir: Path) -> Iterator[str]:
    """Yield a SQLAlchemy URL for an empty database of ``kind`` ("sqlite" or "postgresql").

    PostgreSQL is the throwaway unix-socket server of the test suite, stopped on exit.
    """
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    if kind != "postgresql":
        raise ValueError(f"unknown database kind {kind!r}")
    from tests.support.postgres import PostgresServer

    server = PostgresServer().start()
    try:
        yield server.create_database("care_voices_bench")
    finally:
        server.stop()


def app_environment(database_url: str, workdir: Path, **extra: str) -> dict[str, str]:
    """The environment every app process gets: one secret (sessions cross instances) and
    an instance folder of its own, so a bench never touches a developer's ``instance/``."""
    instance = workdir / "instance"
    instance.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        CARE_VOICES_ENV="development",
        SECRET_KEY=BENCH_SECRET,
        DATABASE_URL=database_url,
        CARE_VOICES_INSTANCE_PATH=str(instance),
        PYTHONPATH=str(REPO_ROOT),
    )
    env.update(extra)
    return env


def migrate_and_seed(env: dict[str, str]) -> str:
    """Build the schema with the migrations, seed the demo round; return its access code.

    Runs in a child process so this process's environment and extension state stay clean.
    """
    command = [sys.executable, "-m", "bench._seed"]
    done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"migrating and seeding failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


class Server(NamedTuple):
    """A gunicorn to start: the app target, its log, and the source tree it imports from."""

    target: str
    log: Path
    tree: Path = REPO_ROOT


@contextmanager
def gunicorns(
    servers: Sequence[tuple[str, Path] | Server],
    env: dict[str, str],
    *,
    workers: int,
    threads: int = 1,
) -> Iterator[tuple[str, ...]]:
    """Start one gunicorn per ``(target, log)`` (or ``Server``) at once, each on its own
    loopback port, and yield their base URLs when all answer ``/healthz`` (starting together
    halves the wait). A server whose tree is another checkout imports that checkout's code and
    runs under that checkout's gunicorn settings, so a before/after pair measures each as it is."""
    started: list[tuple[subprocess.Popen[bytes], str, Path]] = []
    try:
        for target, log, tree in (Server(*server) for server in servers):
            port = free_port()
            config = tree / GUNICORN_CONFIG.name
            command = [sys.executable, "-m", "gunicorn", "--config", str(config)]
            command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
            command += ["--threads", str(threads), "--pythonpath", str(tree), target]
            with log.open("ab") as log_file:
                process = subprocess.Popen(
                    command, env=env, cwd=tree, stdout=log_file, stderr=subprocess.STDOUT
                )
            started.append((process, f"http://127.0.0.1:{port}", log))
        for process, base, log in started:
            wait_ready(process, f"{base}/healthz", log)
        yield tuple(base for _process, base, _log in started)
    finally:
        for process, _base, _log in started:
            stop_process(process)


def wait_ready(
    process: subprocess.Popen[bytes], url: str, log: Path, context: ssl.SSLContext | None = None
) -> None:
    """Poll ``url`` until it answers 200; fail with the log's tail if the server died.

    ``context`` is the TLS client context for an ``https`` URL (one trusting a test certificate).
    """
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn not ready after {READY_TIMEOUT_S} s")


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (gunicorn's graceful stop), then SIGKILL if it lingers; always reap it."""
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """A private ``redis-server`` on a loopback port with no persistence; yield its URL."""
    port = free_port()
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port)]
    command += ["--save", "", "--appendonly", "no", "--dir", str(workdir)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process(process)


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    """Wait until something accepts connections on ``port``."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port}")
