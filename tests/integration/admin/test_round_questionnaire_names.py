"""Staff read a round's questionnaires by name; keys and hashes wait in a details component."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.models import StaffUser
from tests.factories import make_access_code, make_round
from tests.integration.auth.staff_client import csrf_token

NAMES = ("Children in care aged 8 to 10, version 1", "Children in care aged 11 to 17, version 1")
RAW = re.compile(r"@v\d|sha256")


def _outside_details(html: str) -> str:
    return re.sub(r'<details class="govuk-details".*?</details>', "", html, flags=re.DOTALL)


def _opened_round_page(client: FlaskClient, session: Session, officer: StaffUser) -> str:
    survey_round = make_round(session, officer.local_authority, status="draft")
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    token = csrf_token(client, f"{path}/open")
    client.post(
        f"{path}/advance",
        data={"csrf_token": token, "from_status": "draft", "welsh_confirmed": "y"},
    )
    return client.get(path).get_data(as_text=True)


def test_an_open_rounds_page_names_its_questionnaires_and_keeps_hashes_in_details(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    html = _opened_round_page(officer_client, session, officer)
    assert all(name in html for name in NAMES)
    assert RAW.search(_outside_details(html)) is None
    details = html[html.index('<details class="govuk-details"') :]
    assert "cic-8-10@v1" in details
    assert "sha256:" in details
    assert "Your life, your care: ages 8 to 10" in details


def test_the_numbers_of_children_are_labelled_by_age_group(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    html = _opened_round_page(officer_client, session, officer)
    assert "Children in care aged 8 to 10: 100" in html
    assert "cic-8-10:" not in html


def test_the_confirmation_to_open_names_the_questionnaires_it_will_pin(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority, status="draft")
    session.commit()
    html = officer_client.get(f"/admin/rounds/{survey_round.id}/open").get_data(as_text=True)
    assert all(name in html for name in NAMES)
    assert RAW.search(_outside_details(html)) is None


def test_the_round_form_offers_questionnaires_by_name(officer_client: FlaskClient) -> None:
    html = officer_client.get("/admin/rounds/new").get_data(as_text=True)
    assert "Care leavers aged 16 to 25, version 1" in html
    assert 'value="leavers-16-25@v1"' in html
    assert re.search(r">\s*cic-4-7@v1\s*<", html) is None


def test_the_codes_page_names_who_a_code_is_for(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority)
    make_access_code(session, survey_round, label="Virtual school", audience="cic-8-10")
    session.commit()
    html = officer_client.get(f"/admin/rounds/{survey_round.id}/codes").get_data(as_text=True)
    assert "Children in care aged 11 to 17 only" in html
    assert re.search(r"<td[^>]*>\s*Children in care aged 8 to 10\s*</td>", html)
    assert re.search(r">\s*cic-8-10\s*<", html) is None
