"""gunicorn's own log lines never hold a client address (``gunicorn.conf.py``).

gunicorn refuses a malformed request before the app sees it, and logs "Invalid request from
ip=<address>". A real gunicorn, started as the project starts it, is sent malformed request
lines from 127.0.0.1 and one good request; its log must still name the refusals, but no address
and no access-log line.
"""

from __future__ import annotations

import logging
import runpy
import socket
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from bench._stack import GUNICORN_CONFIG, app_environment, free_port
from tests.security.gunicorn_server import GunicornServer, flask_command

MALFORMED = (
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/9.9\r\n\r\n",
    b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
)


def _send_raw(port: int, request: bytes) -> bytes:
    """Send ``request`` as it is and return what the server answers before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request)
        return connection.recv(1024)


@pytest.mark.slow
def test_malformed_requests_are_logged_without_the_clients_address(tmp_path: Path) -> None:
    env = app_environment(f"sqlite:///{tmp_path / 'logs.sqlite3'}", tmp_path)
    flask_command(env, "db", "upgrade")
    server = GunicornServer(env=env, port=free_port(), log=tmp_path / "gunicorn.log").start()
    try:
        answers = [_send_raw(server.port, request) for request in MALFORMED]
        answers.append(_send_raw(server.port, b"GET /healthz HTTP/1.0\r\n\r\n"))
    finally:
        server.stop()
    log = server.log.read_text(errors="replace")
    assert all(answer.startswith(b"HTTP/1.") for answer in answers)
    assert log.count("Invalid request from ip=[address]") == len(MALFORMED)
    assert "127.0.0.1" not in log
    assert "/healthz" not in log


def test_the_scrubber_removes_every_kind_of_address_and_nothing_else() -> None:
    scrubber = runpy.run_path(str(GUNICORN_CONFIG))["AddressScrubber"]()
    record = logging.LogRecord(
        "gunicorn.error",
        logging.WARNING,
        __file__,
        1,
        "from ip=%s, %s and ::1: at 12:30:45 (v1.2.3), peer ('%s', 5555)",
        ("203.0.113.7", "2001:db8::8a2e:370:7334", "10.0.0.1"),
        None,
    )
    assert scrubber.filter(record)
    assert record.getMessage() == (
        "from ip=[address], [address] and [address]: at 12:30:45 (v1.2.3), peer ('[address]', 5555)"
    )


@pytest.mark.parametrize(("logger_name", "lines"), [("Logger", 1), ("QuietLogger", 0)])
def test_the_projects_logger_writes_no_access_line_even_when_one_is_asked_for(
    tmp_path: Path, logger_name: str, lines: int
) -> None:
    """gunicorn's own logger writes the line an ``--access-logfile`` asks for; the project's
    writes none (and so never builds one, address and all)."""
    loggers = {"Logger": Logger, "QuietLogger": runpy.run_path(str(GUNICORN_CONFIG))["QuietLogger"]}
    access_log = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(access_log))
    logger = loggers[logger_name](config)
    environ = {
        "REMOTE_ADDR": "203.0.113.7",
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/q/feel_safe",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    response = SimpleNamespace(status="200 OK", headers=[], sent=10)
    logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=5))
    for handler in list(logger.access_log.handlers):  # gunicorn's loggers are process-wide
        handler.close()
        logger.access_log.removeHandler(handler)
    written = access_log.read_text() if access_log.exists() else ""
    assert len(written.splitlines()) == lines
