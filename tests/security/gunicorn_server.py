"""The app under gunicorn, as production runs it, in its own process group so it can be killed.

Only loopback is used. Every wait is bounded in time; the process group is always reaped, so
no worker outlives the test.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_TIMEOUT = 60.0


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_environment(database_url: str, instance: Path, secret: str) -> dict[str, str]:
    """The environment the operations guide asks for, pointing at ``database_url``."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "CARE_VOICES_ENV": "test",
        "SECRET_KEY": secret,
        "CARE_VOICES_INSTANCE_PATH": str(instance),
    }


def flask_command(env: dict[str, str], *args: str) -> None:
    """Run ``flask --app wsgi ARGS`` (for example ``db upgrade``) and fail loudly if it fails."""
    result = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@dataclass
class GunicornServer:
    """``gunicorn -w 2 wsgi:app`` on ``port``; ``kill`` is SIGKILL to master and workers."""

    env: dict[str, str]
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> GunicornServer:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{self.port}", "wsgi:app"],
                cwd=PROJECT_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_healthy()
        return self

    def kill(self) -> None:
        """SIGKILL the whole process group at once: no shutdown hook, no flush, no goodbye."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._wait_until_port_closed()
        self.process = None

    def stop(self) -> None:
        """A normal shutdown (SIGTERM), falling back to SIGKILL; safe to call twice."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            self.process.wait(timeout=10)
        self.process = None

    def is_healthy(self) -> bool:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            answer = connection.getresponse()
            answer.read()
            return answer.status == 200
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {self.log.read_text(errors='replace')}")
            if self.is_healthy():
                return
            time.sleep(0.2)
        raise AssertionError(f"gunicorn did not become healthy: {self.log.read_text()}")

    def _wait_until_port_closed(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.is_healthy():
            time.sleep(0.1)
