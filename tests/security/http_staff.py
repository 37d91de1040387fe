"""A member of staff driving a real server over HTTP(S), as a browser without JavaScript would.

It keeps cookies in a ``http.cookiejar`` jar (so production's Secure ``__Host-session`` cookie
travels over HTTPS), follows redirects, and signs in through the real forms: the password page,
then the second-factor page with the code an authenticator app shows for the account's secret.
Only loopback is used; every request has a time limit.
"""

from __future__ import annotations

import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from http.cookiejar import CookieJar
from urllib.parse import urlencode, urlsplit

import pyotp

from tests.factories import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET
from tests.support.forms import csrf_token_in

TIMEOUT_S = 60


@dataclass(frozen=True)
class Reply:
    """One HTTP answer after redirects: status, final path, headers and body."""

    status: int
    path: str
    headers: HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class HttpStaff:
    """One member of staff's browser session against ``base_url``."""

    def __init__(self, base_url: str, context: ssl.SSLContext | None = None) -> None:
        self.base_url = base_url
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()),
            urllib.request.HTTPSHandler(context=context),
        )

    def get(self, path: str) -> Reply:
        return self._open(urllib.request.Request(self.base_url + path))

    def post_form(self, path: str, fields: dict[str, str | int]) -> Reply:
        """POST ``fields`` with the CSRF token of the form on the page at ``path``."""
        form = self.get(path)
        assert form.status == 200, f"GET {path} answered {form.status}"
        data = urlencode({"csrf_token": csrf_token_in(form.text), **fields}).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=data))

    def sign_in(self, email: str, password: str = DEFAULT_PASSWORD) -> None:
        """Sign in with the password and then the second factor; fail unless both succeed.

        The account must not have signed in during the current 30-second step (a code works
        once); a member of staff made for the test never has.
        """
        second_factor = self.post_form("/auth/sign-in", {"email": email, "password": password})
        assert second_factor.path == "/auth/second-factor", second_factor.path
        code = pyotp.TOTP(DEFAULT_TOTP_SECRET).now()
        signed_in = self.post_form("/auth/second-factor", {"code": code})
        assert signed_in.status == 200, f"second factor answered {signed_in.status}"
        assert not signed_in.path.startswith("/auth/"), signed_in.path

    def _open(self, request: urllib.request.Request) -> Reply:
        try:
            with self._opener.open(request, timeout=TIMEOUT_S) as answer:
                return Reply(
                    answer.status, urlsplit(answer.url).path, answer.headers, answer.read()
                )
        except urllib.error.HTTPError as error:
            return Reply(error.code, urlsplit(error.url).path, error.headers, error.read())
