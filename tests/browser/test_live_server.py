"""The browser tests' server closes what it serves, even when the browser hangs up early."""

from __future__ import annotations

import gc
import socket
import struct
import warnings
from urllib.parse import urlsplit

STATIC_FILE = "/static/icons/favicon.svg"


def fetch_then_reset(live_url: str, path: str) -> None:
    """Read the start of ``path``'s response, then drop the connection with a reset.

    This is what Chromium does to a request still in flight when a test closes its context.
    """
    address = urlsplit(live_url)
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {address.netloc}\r\n\r\n".encode())
        connection.recv(64)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_static_file_is_closed_when_the_browser_resets_the_connection(live_url: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for _ in range(20):
            fetch_then_reset(live_url, STATIC_FILE)
        fetch_then_reset(live_url, "/")  # served after the others, so they have all finished
        gc.collect()
    assert [str(warning.message) for warning in caught] == []
