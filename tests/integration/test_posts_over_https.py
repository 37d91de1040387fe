"""Forms work over HTTPS with no Referer, and a post another site makes is refused kindly.

The app runs with production's cookie settings (``__Host-session``, Secure) and the test client
speaks HTTPS. Pages send ``Referrer-Policy: no-referrer``, so browsers never send a Referer:
Flask-WTF's Referer check must be off, and ``Sec-Fetch-Site`` / ``Origin`` decide instead
(``survey_app/common/same_origin.py``). The POST used is "Start now" on the welcome page, which
creates a response, so a refusal can be seen to write nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from survey_app.extensions import db, limiter
from survey_app.models import Response
from tests.conftest import make_test_app
from tests.factories import make_access_code, make_round
from tests.integration.respond.conftest import BROWSER, token

HOST = "care-voices.example"
SITE = f"https://{HOST}"
PRODUCTION_COOKIES = {
    "CARE_VOICES_ENV": "production",
    "SESSION_COOKIE_SECURE": True,
    "SESSION_COOKIE_NAME": "__Host-session",
}


@contextmanager
def _production_app(database_url: str, scheme: str, **overrides: object) -> Iterator[Flask]:
    """The app with production cookies; its test client speaks ``scheme`` to our host name."""
    settings = {"SERVER_NAME": HOST, "PREFERRED_URL_SCHEME": scheme, **PRODUCTION_COOKIES}
    app = make_test_app(database_url, TESTING=False, **settings, **overrides)
    with app.app_context():
        limiter.reset()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def https_client(database_url: str, session: Session) -> Iterator[FlaskClient]:
    """A client of a production-configured app, on ``https://care-voices.example``."""
    with _production_app(database_url, "https") as app:
        yield app.test_client()


@pytest.fixture
def proxied_client(database_url: str, session: Session) -> Iterator[FlaskClient]:
    """A client reaching the app over plain HTTP from one declared TLS-terminating proxy."""
    with _production_app(database_url, "http", CARE_VOICES_PROXIES=1) as app:
        yield app.test_client()


def _at_welcome(client: FlaskClient, session: Session) -> str:
    """Follow a poster link to the welcome page; return the page's CSRF token."""
    _code, clear = make_access_code(session, make_round(session), audience="cic-8-10")
    session.commit()
    assert client.get(f"/s/{clear}").status_code == 303
    return token(client, "/welcome")


def _start_now(client: FlaskClient, csrf: str | None, headers: dict[str, str]) -> TestResponse:
    """Press "Start now" with ``csrf`` (None: no token) and the browser ``headers`` given."""
    data = {"csrf_token": csrf} if csrf else {}
    return client.post("/welcome", data=data, headers={**BROWSER, **headers})


def _responses(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Response))


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, id="chromium"),
        pytest.param({"Origin": SITE}, id="origin-only"),
        pytest.param({"Origin": "https://CARE-VOICES.example:443"}, id="default-port"),
        pytest.param({"Sec-Fetch-Site": "none"}, id="typed-by-user"),
        pytest.param({}, id="no-browser-headers"),
    ],
)
def test_a_same_origin_post_without_a_referer_is_accepted_over_https(
    https_client: FlaskClient, session: Session, headers: dict[str, str]
) -> None:
    csrf = _at_welcome(https_client, session)
    started = _start_now(https_client, csrf, headers)
    assert started.status_code == 303
    assert _responses(session) == 1


def test_the_session_cookie_is_the_production_one(
    https_client: FlaskClient, session: Session
) -> None:
    _at_welcome(https_client, session)
    cookie = https_client.get_cookie("__Host-session", domain=HOST)
    assert cookie is not None
    assert cookie.secure


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"Origin": "https://evil.example"}, id="foreign-origin"),
        pytest.param({"Origin": "http://care-voices.example"}, id="plain-http-origin"),
        pytest.param({"Origin": "https://care-voices.example:8443"}, id="other-port"),
        pytest.param({"Sec-Fetch-Site": "cross-site", "Origin": "null"}, id="cross-site"),
        pytest.param({"Sec-Fetch-Site": "same-site"}, id="same-site"),
        pytest.param({"Origin": "not a url"}, id="unreadable-origin"),
    ],
)
def test_a_post_from_another_site_is_refused_kindly_and_writes_nothing(
    https_client: FlaskClient, session: Session, headers: dict[str, str]
) -> None:
    csrf = _at_welcome(https_client, session)
    refused = _start_now(https_client, csrf, headers)
    assert refused.status_code == 400
    assert "Sorry, something went wrong with that page" in refused.get_data(as_text=True)
    assert _responses(session) == 0


def test_a_post_without_its_token_is_still_refused_over_https(
    https_client: FlaskClient, session: Session
) -> None:
    _at_welcome(https_client, session)
    refused = _start_now(https_client, None, {"Origin": SITE})
    assert refused.status_code == 400
    assert _responses(session) == 0


def test_behind_a_proxy_the_forwarded_scheme_is_the_origin_to_match(
    proxied_client: FlaskClient, session: Session
) -> None:
    inside = f"http://{HOST}"
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
    csrf = _at_welcome(proxied_client, session)
    refused = _start_now(proxied_client, csrf, {**forwarded, "Origin": inside})
    assert refused.status_code == 400
    started = _start_now(proxied_client, csrf, {**forwarded, "Origin": SITE})
    assert started.status_code == 303
    assert _responses(session) == 1
