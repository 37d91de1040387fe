"""Over HTTPS, in production configuration, children and staff can use every form in Chromium.

The app runs under gunicorn as it is deployed: ``CARE_VOICES_ENV=production``, its own
``SECRET_KEY``, the ``__Host-session`` Secure cookie, two workers. It is reached two ways:

- gunicorn serving TLS itself, with a self-signed certificate made for the test;
- plain HTTP behind one declared proxy (``CARE_VOICES_PROXIES=1``), the browser sending the
  ``X-Forwarded-Proto: https`` and ``X-Forwarded-For`` headers a TLS-terminating proxy adds.

Pages send ``Referrer-Policy: no-referrer``, so Chromium sends no ``Referer`` with any form.
These tests fail if Flask-WTF's Referer check over HTTPS (``WTF_CSRF_SSL_STRICT``) comes back:
the child's first form would be refused with "Sorry, something went wrong".
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bench._stack import app_environment, free_port
from survey_app.models import Response
from tests.browser.admin.test_staff_journey_in_chromium import sign_in, sign_out
from tests.browser.respond.conftest import answer_by_clicking, item_on
from tests.factories import make_access_code, make_answered_response, make_round, make_staff
from tests.security.gunicorn_server import GunicornServer, flask_command
from tests.support.tls import self_signed_certificate

# One worker runs this whole module, so each gunicorn below starts once (``--dist loadgroup``).
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("https")]

INSTRUMENT = "cic-8-10"
SESSION_COOKIE = "__Host-session"
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.23"}
ANSWERED_RESPONSES = 3


@dataclass(frozen=True)
class Seeded:
    """An open round with an access code and an officer of the round's local authority."""

    round_id: int
    code: str
    officer: str


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("https")


@pytest.fixture(scope="module")
def production_env(workdir: Path) -> dict[str, str]:
    """Production settings on a database migrated by the real ``flask db upgrade``."""
    url = f"sqlite:///{workdir / 'care_voices.sqlite3'}"
    env = app_environment(url, workdir, CARE_VOICES_ENV="production")
    flask_command(env, "db", "upgrade")
    return env


@pytest.fixture(scope="module")
def engine(production_env: dict[str, str]) -> Iterator[Engine]:
    engine = create_engine(production_env["DATABASE_URL"])
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def tls_server(production_env: dict[str, str], workdir: Path) -> Iterator[GunicornServer]:
    """gunicorn serving HTTPS itself on a loopback port."""
    tls = self_signed_certificate(workdir)
    server = GunicornServer(production_env, free_port(), workdir / "tls.log", tls=tls)
    yield server.start()
    server.stop()


@pytest.fixture(scope="module")
def proxied_server(production_env: dict[str, str], workdir: Path) -> Iterator[GunicornServer]:
    """gunicorn on plain HTTP, trusting one proxy's forwarded headers."""
    env = {**production_env, "CARE_VOICES_PROXIES": "1"}
    server = GunicornServer(env, free_port(), workdir / "proxied.log")
    yield server.start()
    server.stop()


@contextmanager
def _page(browser: Browser, **options: object) -> Iterator[Page]:
    """A fresh browser context that accepts the test certificate; closed afterwards."""
    context = browser.new_context(ignore_https_errors=True, **options)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def tls_page(browser: Browser) -> Iterator[Page]:
    with _page(browser) as page:
        yield page


@pytest.fixture
def proxied_page(browser: Browser) -> Iterator[Page]:
    """A browser whose every request carries what the proxy in front of the app adds."""
    with _page(browser, extra_http_headers=PROXY_HEADERS) as page:
        yield page


@pytest.fixture
def seeded(engine: Engine) -> Seeded:
    """A round fixed to one questionnaire, with a few completed responses already in."""
    with Session(engine) as session:
        survey_round = make_round(session, instruments=((INSTRUMENT, 1),))
        _code, clear = make_access_code(session, survey_round, audience=INSTRUMENT)
        officer = make_staff(session, local_authority=survey_round.local_authority)
        for _ in range(ANSWERED_RESPONSES):
            make_answered_response(session, survey_round, INSTRUMENT)
        session.commit()
        return Seeded(survey_round.id, clear, officer.email)


def complete_survey(page: Page, base_url: str, code: str) -> None:
    """Type the code, answer every question by clicking, send, and see the thank-you page."""
    page.goto(f"{base_url}/start")
    page.fill("#code", code)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/q/*")
    while "/q/" in page.url:
        answer_by_clicking(page, item_on(page, INSTRUMENT))
        if "/support" in page.url:
            page.get_by_role("button", name="Carry on with the survey").click()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Thank you")


def download_responses_csv(page: Page, base_url: str, round_id: int, folder: Path) -> list[dict]:
    """Download the round's responses as CSV from the exports page; return its rows."""
    page.goto(f"{base_url}/admin/rounds/{round_id}/exports")
    with page.expect_download() as download:
        page.get_by_role("link", name="Responses as CSV").click()
    path = folder / "responses.csv"
    download.value.save_as(path)
    with path.open(newline="", encoding="utf-8-sig") as rows:
        return list(csv.DictReader(rows))


def completed_responses(engine: Engine, round_id: int) -> int:
    with Session(engine) as session:
        query = select(func.count()).where(
            Response.round_id == round_id, Response.status == "completed"
        )
        return session.scalar(query.select_from(Response))


def assert_secure_session_cookie(page: Page) -> None:
    """The browser holds production's session cookie, Secure and host-only."""
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies[SESSION_COOKIE]["secure"] is True
    assert cookies[SESSION_COOKIE]["httpOnly"] is True


def test_a_child_completes_a_survey_over_https(
    tls_server: GunicornServer, tls_page: Page, seeded: Seeded, engine: Engine
) -> None:
    complete_survey(tls_page, tls_server.base_url, seeded.code)
    assert_secure_session_cookie(tls_page)
    assert completed_responses(engine, seeded.round_id) == ANSWERED_RESPONSES + 1


def test_an_officer_signs_in_and_downloads_the_responses_over_https(
    tls_server: GunicornServer, tls_page: Page, seeded: Seeded, tmp_path: Path
) -> None:
    sign_in(tls_page, tls_server.base_url, seeded.officer)
    assert_secure_session_cookie(tls_page)
    rows = download_responses_csv(tls_page, tls_server.base_url, seeded.round_id, tmp_path)
    assert len(rows) == ANSWERED_RESPONSES
    assert {row["instrument_version"] for row in rows} == {f"{INSTRUMENT}@v1"}
    assert {row["status"] for row in rows} == {"completed"}


def test_behind_a_tls_proxy_a_child_completes_a_survey(
    proxied_server: GunicornServer, proxied_page: Page, seeded: Seeded, engine: Engine
) -> None:
    complete_survey(proxied_page, proxied_server.base_url, seeded.code)
    assert completed_responses(engine, seeded.round_id) == ANSWERED_RESPONSES + 1


def test_behind_a_tls_proxy_an_officer_signs_in_and_out(
    proxied_server: GunicornServer, proxied_page: Page, seeded: Seeded
) -> None:
    sign_in(proxied_page, proxied_server.base_url, seeded.officer)
    assert_secure_session_cookie(proxied_page)
    sign_out(proxied_page)
