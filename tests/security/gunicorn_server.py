"""The app under gunicorn, as production runs it, in its own process group so it can be killed.

Starting, waiting for ``/healthz`` and stopping are the load bench's (``bench/_stack.py``);
what is added here is the crash: SIGKILL to the master and every worker at once, and a restart
on the same port. Only loopback is used, and every wait is bounded in time.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench._stack import GUNICORN_CONFIG, REPO_ROOT, stop_process, wait_ready
from tests.support.tls import TlsFiles

BIN = Path(sys.executable).parent


def flask_command(env: dict[str, str], *args: str) -> None:
    """Run ``flask --app wsgi ARGS`` (for example ``db upgrade``) and fail loudly if it fails."""
    result = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@dataclass
class GunicornServer:
    """``gunicorn -c gunicorn.conf.py -w 2 wsgi:app`` on ``port``; ``kill`` is SIGKILL to master
    and workers.

    With ``tls`` it serves HTTPS with that certificate, as a deployment without a proxy would.
    """

    env: dict[str, str]
    port: int
    log: Path
    tls: TlsFiles | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """``https://127.0.0.1:<port>`` with ``tls``, else ``http://...``."""
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> GunicornServer:
        command = [str(BIN / "gunicorn"), "-c", str(GUNICORN_CONFIG), "-w", "2"]
        command += ["-b", f"127.0.0.1:{self.port}", "wsgi:app"]
        context = None
        if self.tls:
            command += self.tls.gunicorn_args()
            context = self.tls.client_context()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, for ``kill``
            )
        wait_ready(self.process, f"{self.base_url}/healthz", self.log, context)
        return self

    def kill(self) -> None:
        """SIGKILL the whole process group at once: no shutdown hook, no flush, no goodbye."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._wait_until_port_closed()
        self.process = None

    def stop(self) -> None:
        """A normal shutdown; safe to call when the server is already down."""
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def _is_answering(self) -> bool:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return True
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()

    def _wait_until_port_closed(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self._is_answering():
            time.sleep(0.1)
