"""Security headers, cookies and rate limits (R-SEC-1, R-SEC-3, R-SEC-4) on every page.

``tests/integration/test_security_headers.py`` checks the home page; here every GET route of the
URL map is visited (respondent pages mid-journey, every staff and report page signed in), so a
new page cannot ship without the headers, and every inline script's nonce is the one in that
response's CSP. Production settings are checked through a real production-config app.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from survey_app import create_app
from survey_app.models import Answer, SafeguardingAlert
from survey_app.services.paper_entry import paper_reference
from tests.factories import (
    make_access_code,
    make_action,
    make_answered_response,
    make_round,
    make_staff,
)
from tests.integration.auth.staff_client import csrf_token, sign_in
from tests.support.pages import page_nonces

NOT_PAGES = {"static", "pages.govuk_assets", "respond.face", "pages.healthz"}
DOWNLOAD_SUFFIXES = (".pdf", ".zip", ".xlsx", ".csv", ".sav")


def assert_security_headers(response: TestResponse, what: str) -> None:
    """The R-SEC-1 headers every response carries, and the page's nonce is the CSP's."""
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in csp, (what, directive)
    assert "'unsafe-inline'" not in csp, what
    assert headers["X-Content-Type-Options"] == "nosniff", what
    assert headers["X-Frame-Options"] == "DENY", what
    assert headers["Referrer-Policy"] == "no-referrer", what
    for feature in ("geolocation=()", "camera=()", "microphone=()", "payment=()"):
        assert feature in headers["Permissions-Policy"], (what, feature)
    if response.mimetype == "text/html":
        assert headers["Cache-Control"] == "no-store", what
        nonce = csp.split("'nonce-")[1].split("'")[0]
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        assert page_nonces(soup) <= {nonce}, what


def _get_rules(app: Flask, prefixes: tuple[str, ...]) -> list:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods
        and rule.endpoint.startswith(prefixes)
        and rule.endpoint not in NOT_PAGES
    ]


def test_every_respondent_page_carries_the_headers_and_is_never_cached(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    """Mid-journey, every survey page: headers on, nonce right, no-store."""
    _code, clear = make_access_code(session, make_round(session), audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    client.post("/welcome", data={"csrf_token": csrf_token(client, "/welcome")})
    arguments = {"item_id": "feel_safe", "code": clear}
    visited = 0
    for rule in _get_rules(app, ("respond.", "pages.")):
        if rule.endpoint == "respond.code_link":
            continue  # a new code starts afresh; it was followed above
        response = client.get(rule.build(arguments)[1])
        assert_security_headers(response, rule.endpoint)
        if response.status_code == 200 and response.mimetype == "text/html":
            visited += 1
        response.close()
    assert visited >= 8


@pytest.fixture
def staff_arguments(session: Session) -> dict[str, object]:
    """Objects of the admin's programme for every staff path argument, with real answers."""
    officer = make_staff(session, role="participation_officer")
    survey_round = make_round(session, officer.local_authority)
    code, _clear = make_access_code(session, survey_round)
    for _ in range(3):
        make_answered_response(session, survey_round, answers={"worries": "More trips out"})
    paper = make_answered_response(session, survey_round, mode="paper")
    answer = session.scalars(select(Answer).where(Answer.item_id == "worries")).first()
    make_answered_response(session, survey_round, answers={"make_care_better": "kill myself"})
    alert = session.scalars(select(SafeguardingAlert)).one()
    action = make_action(session, survey_round)
    session.commit()
    return {
        "round_id": survey_round.id,
        "code_id": code.id,
        "answer_id": answer.id if answer else 0,
        "alert_id": alert.id,
        "action_id": action.id,
        "authority_id": officer.local_authority_id,
        "user_id": officer.id,
        "instrument": "cic-8-10",
        "language": "en",
        "reference": paper_reference(paper),
        "kind": "csv",
        "table": "indicators",
    }


def test_every_staff_and_report_page_carries_the_headers_and_is_never_cached(
    app: Flask, client: FlaskClient, session: Session, staff_arguments: dict[str, object]
) -> None:
    """Signed in as a programme admin: every staff page and every download, never cached."""
    sign_in(client, make_staff(session, role="programme_admin"))
    rules = _get_rules(app, ("admin.", "auth.", "reports."))
    for rule in rules:
        if rule.endpoint == "auth.invite":
            continue
        path = rule.build({name: staff_arguments[name] for name in rule.arguments})[1]
        response = client.get(path)
        assert_security_headers(response, rule.endpoint)
        if response.status_code == 200:
            assert response.headers.get("Cache-Control") == "no-store", rule.endpoint
        response.close()


@pytest.fixture
def production_app(monkeypatch: pytest.MonkeyPatch, app: Flask) -> Flask:
    """The app as ``CARE_VOICES_ENV=production`` builds it from the environment alone."""
    monkeypatch.setenv("CARE_VOICES_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "p" * 64)
    monkeypatch.setenv("DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    return create_app()


def test_production_sends_hsts_and_never_debugs(production_app: Flask) -> None:
    """HSTS for a year with subdomains (ASVS 14.4.5); no debugger (ASVS 14.3.2)."""
    assert production_app.debug is False
    assert production_app.testing is False
    response = production_app.test_client().get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert_security_headers(response, "home in production")


def test_development_and_test_never_send_hsts(client: FlaskClient) -> None:
    """HSTS pins browsers to HTTPS: a developer's plain-HTTP localhost must never get it."""
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_production_session_cookie_is_host_only_secure_httponly_and_samesite(
    production_app: Flask,
) -> None:
    """``__Host-`` with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain (ASVS 3.4.1-3.4.4)."""
    response = production_app.test_client().get("/start", base_url="https://localhost")
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 1, cookies
    parts = [part.strip() for part in cookies[0].split(";")]
    assert parts[0].startswith("__Host-session=")
    flags = {part.split("=")[0].lower(): part for part in parts[1:]}
    assert "secure" in flags
    assert "httponly" in flags
    assert flags["samesite"].lower() == "samesite=lax"
    assert flags["path"] == "Path=/"
    assert "domain" not in flags


def test_production_refuses_a_post_without_its_csrf_token(production_app: Flask) -> None:
    """CSRF protection is not a test-only setting (ASVS 4.2.2)."""
    client = production_app.test_client()
    refused = client.post("/start", data={"code": "otter-maple-42"}, base_url="https://localhost")
    assert refused.status_code == 400


def test_survey_posts_are_limited_to_sixty_a_minute(client: FlaskClient, session: Session) -> None:
    """R-SEC-4 for survey POSTs (ASVS 11.1.4); code entry, sign-in and exports have their own.

    The others are specified in ``test_entering_a_code.py``, ``test_signing_in.py``,
    ``test_exports.py`` and ``test_downloads.py``.
    """
    _code, clear = make_access_code(session, make_round(session), audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    client.post("/welcome", data={"csrf_token": csrf_token(client, "/welcome")})
    token = csrf_token(client, "/q/feel_safe")
    statuses = [
        client.post("/q/like_bedroom", data={"csrf_token": token, "answer": "yes"}).status_code
        for _ in range(60)
    ]
    assert 429 not in statuses
    assert client.post("/q/like_bedroom", data={"csrf_token": token}).status_code == 429
