"""A respondent driving a real server over loopback HTTP, as a browser without JavaScript would.

Each respondent has its own cookie jar and its own loopback address (``127.0.0.N``), so the
server's per-address rate limits treat them as the different children they stand for. It
records every question page whose POST the server acknowledged (a 3xx answer): that page
promised the child their answer was safe.
"""

from __future__ import annotations

import http.client
import json
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup

from tests.support.forms import csrf_token_in

ACCEPT_HTML = "text/html,application/xhtml+xml"
MAX_REDIRECTS = 10


class ServerGoneError(ConnectionError):
    """The server did not answer (killed, restarting or refusing connections)."""


@dataclass
class Page:
    """One HTTP answer: status, final path, ``Location`` (for redirects) and body."""

    status: int
    path: str
    location: str
    body: str


@dataclass
class HttpRespondent:
    """One child's browser: cookies, address, and what the server acknowledged."""

    number: int
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    acknowledged: dict[str, str] = field(default_factory=dict)
    unconfirmed: dict[str, str] = field(default_factory=dict)
    started: bool = False
    finished: bool = False

    @property
    def address(self) -> str:
        return f"127.0.0.{10 + self.number}"

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Page:
        """One request; raises ``ServerGoneError`` on any connection failure (never retries)."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=15, source_address=(self.address, 0)
        )
        headers = {"Accept": ACCEPT_HTML, "Cookie": self._cookie_header()}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            raise ServerGoneError(f"{method} {path}: {error!r}") from error
        finally:
            connection.close()
        self._keep_cookies(answer.headers.get_all("Set-Cookie") or [])
        return Page(answer.status, path, answer.headers.get("Location", ""), text)

    def follow(self, path: str) -> Page:
        """GET ``path`` and follow redirects to the page a browser would show."""
        for _ in range(MAX_REDIRECTS):
            page = self.request("GET", path)
            if page.status not in (301, 302, 303, 307, 308):
                return page
            path = _local(page.location)
        raise AssertionError(f"respondent {self.number}: too many redirects from {path}")

    def answer_page(self, page: Page) -> Page:
        """Answer the question on ``page``; record it as acknowledged when the server says so."""
        item_id = page.path.removeprefix("/q/").split("?")[0]
        form = _question_form(page.body, self.number)
        try:
            saved = self.request("POST", page.path, form)
        except ServerGoneError:
            # Sent but never acknowledged: it may or may not have been saved.
            self.unconfirmed[item_id] = form["answer"]
            raise
        assert saved.status == 303, f"{page.path} answered {saved.status}"
        self.acknowledged[item_id] = form["answer"]
        return self.follow(_local(saved.location))

    def _cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def _keep_cookies(self, set_cookies: list[str]) -> None:
        for header in set_cookies:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value


def start(respondent: HttpRespondent, code: str) -> Page:
    """Follow the poster link, press "Start now" and return the first question page."""
    welcome = respondent.follow(f"/s/{code}")
    assert welcome.path == "/welcome", welcome.path
    started = respondent.request("POST", "/welcome", {"csrf_token": csrf_token_in(welcome.body)})
    assert started.status == 303, started.status
    respondent.started = True
    return respondent.follow(_local(started.location))


def answer_until(respondent: HttpRespondent, page: Page, *, pause: float, deadline: float) -> Page:
    """Answer question after question until check your answers (or ``deadline``)."""
    while page.path.startswith("/q/") and time.monotonic() < deadline:
        page = respondent.answer_page(page)
        if not page.path.startswith(("/q/", "/check")):
            page = respondent.follow("/continue")
        time.sleep(pause)
    return page


def submit(respondent: HttpRespondent, check_page: Page) -> None:
    """Press the button on check your answers; the thank-you page must follow.

    Arriving at the thank-you page instead means a send that was in flight when the server
    died had been saved: the journey is over either way.
    """
    if check_page.path == "/done":
        respondent.finished = True
        return
    sent = respondent.request("POST", "/check", {"csrf_token": csrf_token_in(check_page.body)})
    assert sent.status == 303, sent
    assert _local(sent.location) == "/done", sent
    respondent.finished = True


def _question_form(html: str, seed: int) -> dict[str, str]:
    """A valid answer for the question on the page: one option (varied by ``seed``) or text."""
    soup = BeautifulSoup(html, "html.parser")
    options = [
        str(tag["value"])
        for tag in soup.find_all("input", attrs={"name": "answer"})
        if tag.get("type") in {"radio", "checkbox"}
    ]
    if options:
        value = options[seed % len(options)]
    else:
        value = f"Respondent {seed} likes football and drawing"
    return {"csrf_token": csrf_token_in(html), "answer": value, "action": "continue"}


def stored_value_matches(stored: str, sent: str) -> bool:
    """True when the database's value is the one sent (multi-choice stores a JSON list)."""
    if stored == sent:
        return True
    try:
        return json.loads(stored) == [sent]
    except ValueError:
        return False


def _local(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")
