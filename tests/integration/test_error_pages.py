"""Every error page a person can meet offers help and a way back that needs no back button.

A child who meets "Please wait a moment" or "Page not found" mid-survey should find the help
link they see on every survey page, and a link back into the survey; staff get a link back to
their rounds and a word on who can help them, never the children's helplines. 400 (including
a refused CSRF token), 403, 404, 429 and 500 are each reached the way people reach them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from survey_app.extensions import db, limiter
from tests.conftest import make_test_app
from tests.factories import make_staff
from tests.integration.auth.staff_client import sign_in
from tests.integration.respond.conftest import BROWSER, post

HELP = 'href="/help" id="error-help-link"'
HOME = '<a class="govuk-link" href="/">Go to the Care Voices home page</a>'
BACK_TO_SURVEY = 'href="/continue">Go back to the survey</a>'
BACK_TO_ROUNDS = 'href="/admin/">Go to your survey rounds</a>'
STAFF_HELP = "contact your Care Voices administrator"


def _not_found(client: FlaskClient) -> TestResponse:
    return client.get("/no-such-page", headers=BROWSER)


def _csrf_refused(client: FlaskClient) -> TestResponse:
    return client.post("/start", data={"code": "abc"}, headers=BROWSER)


def _server_error(client: FlaskClient) -> TestResponse:
    return client.get("/explode", headers=BROWSER)


def _exploding_app(database_url: str) -> Flask:
    app = make_test_app(database_url)

    def explode() -> str:
        raise RuntimeError("a bug")

    app.add_url_rule("/explode", view_func=explode)
    return app


@pytest.mark.parametrize(
    ("reach", "status"), [(_not_found, 404), (_csrf_refused, 400), (_server_error, 500)]
)
def test_a_respondents_error_page_offers_help_the_survey_and_home(
    database_url: str, reach: Callable[[FlaskClient], TestResponse], status: int
) -> None:
    app = _exploding_app(database_url)
    page = reach(app.test_client())
    with app.app_context():
        db.engine.dispose()
    html = page.get_data(as_text=True)
    assert page.status_code == status
    assert HELP in html
    assert BACK_TO_SURVEY in html
    assert HOME in html
    assert STAFF_HELP not in html


def test_the_please_wait_page_offers_help_and_a_way_back(database_url: str) -> None:
    limited_app = make_test_app(database_url, RATELIMIT_ENABLED=True)
    with limited_app.app_context():
        limiter.reset()
    guesser = limited_app.test_client()
    pages = [post(guesser, "/start", {"code": "wrong-code-10"}) for _ in range(11)]
    with limited_app.app_context():
        db.engine.dispose()
    html = pages[-1].get_data(as_text=True)
    assert pages[-1].status_code == 429
    assert HELP in html
    assert BACK_TO_SURVEY in html


@pytest.mark.parametrize(("path", "status"), [("/admin/users", 403), ("/admin/rounds/999", 404)])
def test_a_staff_error_page_leads_back_to_the_rounds_with_staff_help(
    client: FlaskClient, session: Session, path: str, status: int
) -> None:
    officer = make_staff(session)
    session.commit()
    sign_in(client, officer)
    page = client.get(path, headers=BROWSER)
    html = page.get_data(as_text=True)
    assert page.status_code == status
    assert BACK_TO_ROUNDS in html
    assert STAFF_HELP in html
    assert HELP not in html
    assert HOME in html
