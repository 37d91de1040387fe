"""A tiny browser for the load bench: stdlib ``http.client``, a cookie jar, a sample per request.

Each request is timed from connect to the last body byte and recorded as a ``Sample`` with its
page type (``"POST /q/<id>"``), status, bytes and the server's ``X-Bench-SQL`` count. A request
refused, timed out or answered with an unexpected status raises ``JourneyFailedError`` after it
is recorded, so a respondent abandons that journey and starts afresh. Loopback only.
"""

from __future__ import annotations

import http.client
import re
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from bench._sql_count import SQL_HEADER

TIMEOUT_S = 10.0
EXPECTED = (200, 303)
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_DYNAMIC = re.compile(r"^/(q|s)/[^/?]+")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class JourneyFailedError(Exception):
    """A request failed; the sample is recorded, and the journey should stop."""


class OutOfTimeError(Exception):
    """The phase's deadline passed before this request was sent."""


@dataclass(frozen=True)
class Sample:
    """One request as the respondent saw it."""

    page: str
    status: int
    seconds: float
    sql: int | None
    size: int
    error: str | None = None


@dataclass(frozen=True)
class Page:
    """A reply: its path (after the request), status, redirect target and text."""

    path: str
    status: int
    location: str | None
    text: str

    @property
    def token(self) -> str:
        """The CSRF token of the page's form (every survey form has one)."""
        found = _TOKEN.search(self.text)
        if not found:
            raise JourneyFailedError(f"no CSRF token on {self.path}")
        return found.group(1)


def page_type(method: str, path: str) -> str:
    """``"GET /q/<id>"`` for ``GET /q/feel_safe?change=1``: one bucket per kind of page."""
    bare = urlsplit(path).path
    return f"{method} {_DYNAMIC.sub(lambda m: f'/{m.group(1)}/<id>', bare)}"


class Browser:
    """One simulated respondent's browser: a cookie, a deadline, a shared sample list."""

    def __init__(
        self, base_url: str, samples: list[Sample], deadline: float, *, keep_pages: bool = False
    ) -> None:
        parts = urlsplit(base_url)
        if parts.hostname not in LOOPBACK:
            raise ValueError("the load bench only talks to loopback addresses")
        self.host, self.port = parts.hostname, parts.port or 80
        self.samples, self.deadline = samples, deadline
        self.cookies: dict[str, str] = {}
        self.pages: list[Page] | None = [] if keep_pages else None
        """Every page received, when ``keep_pages`` (the page-weight probe reads them)."""

    def get(self, path: str) -> Page:
        return self._request("GET", path, None)

    def post(self, path: str, form: dict[str, str | list[str]]) -> Page:
        return self._request("POST", path, urlencode(form, doseq=True).encode())

    def follow(self, page: Page, limit: int = 5) -> Page:
        """GET each 303 ``Location`` in turn, as a browser would (at most ``limit`` hops)."""
        for _ in range(limit):
            if page.status != 303 or page.location is None:
                return page
            page = self.get(page.location)
        raise JourneyFailedError(f"too many redirects from {page.path}")

    def _request(self, method: str, path: str, body: bytes | None) -> Page:
        if time.monotonic() >= self.deadline:
            raise OutOfTimeError
        started = time.perf_counter()
        try:
            status, headers, data = self._exchange(method, path, body)
        except (OSError, http.client.HTTPException) as failure:
            self._record(method, path, started, 0, None, 0, type(failure).__name__)
            raise JourneyFailedError(type(failure).__name__) from failure
        sql = headers.get(SQL_HEADER)
        error = None if status in EXPECTED else f"HTTP {status}"
        self._record(method, path, started, status, int(sql) if sql else None, len(data), error)
        if error:
            raise JourneyFailedError(f"{error} on {method} {path}")
        location = headers.get("Location")
        page = Page(path, status, urlsplit(location).path if location else None, data.decode())
        if self.pages is not None:
            self.pages.append(page)
        return page

    def _exchange(
        self, method: str, path: str, body: bytes | None
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """Send one request on a fresh connection; keep any cookie the reply sets."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
        try:
            connection.request(method, path, body=body, headers=self._headers(body))
            reply = connection.getresponse()
            data = reply.read()
        finally:
            connection.close()
        for cookie in reply.headers.get_all("Set-Cookie") or ():
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name] = value
        return reply.status, reply.headers, data

    def _headers(self, body: bytes | None) -> dict[str, str]:
        headers = {"Accept": "text/html,application/xhtml+xml", "Accept-Language": "en-GB"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items() if v)
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers

    def _record(
        self,
        method: str,
        path: str,
        started: float,
        status: int,
        sql: int | None,
        size: int,
        error: str | None,
    ) -> None:
        elapsed = time.perf_counter() - started
        self.samples.append(Sample(page_type(method, path), status, elapsed, sql, size, error))
