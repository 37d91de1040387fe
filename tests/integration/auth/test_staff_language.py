"""The staff area's language is the officer's own choice, made with the switch in its header.

A Welsh report link (``?lang=cy``) shows that page in Welsh and nothing more; a respondent's
Welsh on a shared device does not reach the staff area, nor the staff switch the survey.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.models import StaffUser
from tests.factories import make_staff
from tests.integration.auth.staff_client import csrf_token, sign_in

_LANG = re.compile(r'<html lang="(\w+)"')


@pytest.fixture
def officer_client(client: FlaskClient, session: Session) -> FlaskClient:
    officer: StaffUser = make_staff(session)
    session.commit()
    sign_in(client, officer)
    return client


def _language(client: FlaskClient, path: str) -> str:
    found = _LANG.search(client.get(path).get_data(as_text=True))
    assert found, path
    return found.group(1)


def _switch(client: FlaskClient, language: str, next_path: str = "/admin/"):
    data = {"csrf_token": csrf_token(client, "/admin/"), "language": language, "next": next_path}
    return client.post("/auth/language", data=data)


def test_a_welsh_report_link_shows_that_page_in_welsh_and_leaves_the_staff_area_english(
    officer_client: FlaskClient,
) -> None:
    assert _language(officer_client, "/reports/?lang=cy") == "cy"
    assert _language(officer_client, "/reports/") == "en"
    assert _language(officer_client, "/admin/") == "en"


def test_the_header_switch_turns_the_whole_staff_area_welsh_and_back(
    officer_client: FlaskClient,
) -> None:
    assert 'id="staff-language-switch"' in officer_client.get("/admin/").get_data(as_text=True)

    switched = _switch(officer_client, "cy", "/reports/")

    assert switched.status_code == 303
    assert switched.headers["Location"] == "/reports/"
    assert _language(officer_client, "/admin/") == "cy"
    assert _language(officer_client, "/reports/?lang=en") == "en"
    assert _language(officer_client, "/reports/") == "cy"
    _switch(officer_client, "en")
    assert _language(officer_client, "/admin/") == "en"


def test_respondents_and_staff_choose_their_languages_apart(
    officer_client: FlaskClient,
) -> None:
    assert _language(officer_client, "/start?lang=cy") == "cy"
    assert _language(officer_client, "/admin/") == "en"
    _switch(officer_client, "cy")
    assert _language(officer_client, "/start?lang=en") == "en"
    assert _language(officer_client, "/admin/") == "cy"


def test_the_choice_is_kept_through_signing_out_and_in(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    data = {"csrf_token": csrf_token(client, "/auth/sign-in"), "language": "cy"}
    client.post("/auth/language", data={**data, "next": "/auth/sign-in"})
    assert _language(client, "/auth/sign-in") == "cy"
    sign_in(client, officer)
    assert _language(client, "/admin/") == "cy"


@pytest.mark.parametrize("next_path", ["//evil.example/", "https://evil.example/", ""])
def test_the_switch_never_leads_off_the_site(officer_client: FlaskClient, next_path: str) -> None:
    assert _switch(officer_client, "cy", next_path).headers["Location"] == "/admin/"


def test_an_unknown_language_changes_nothing(officer_client: FlaskClient) -> None:
    _switch(officer_client, "fr")
    assert _language(officer_client, "/admin/") == "en"
