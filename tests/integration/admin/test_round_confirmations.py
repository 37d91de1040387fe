"""Opening and closing a round go through a page that says what the step means.

Opening pins the questionnaires and lets codes work; closing makes the figures final for other
authorities' comparisons. Neither can be undone, so each is a GET page with a warning, a
button that posts and a way back; the GET itself never changes the round.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, StaffUser
from tests.factories import make_round, make_staff
from tests.integration.auth.staff_client import csrf_token, post_form, sign_in

# (confirmation page, status it confirms a move from, the status after, its audit action)
STEPS = [("open", "draft", "open", "round.open"), ("close", "open", "closed", "round.closed")]
WARNINGS = {
    "open": "Once the round is open, you cannot change its questionnaires.",
    "close": "A closed round cannot be opened again.",
}


def _actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEvent.action)))


@pytest.mark.parametrize(("page", "status", "after", "action"), STEPS)
def test_the_confirmation_page_warns_and_offers_a_way_back_without_changing_the_round(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    page: str,
    status: str,
    after: str,
    action: str,
) -> None:
    survey_round = make_round(session, officer.local_authority, status=status)
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    html = officer_client.get(f"{path}/{page}").get_data(as_text=True)
    assert "govuk-warning-text" in html
    assert WARNINGS[page] in html
    assert re.search(rf'<a class="govuk-link" href="{path}">\s*Cancel', html)
    assert f'action="{path}/advance"' in html
    assert f'name="from_status" type="hidden" value="{status}"' in html
    session.refresh(survey_round)
    assert survey_round.status == status
    assert action not in _actions(session)


@pytest.mark.parametrize(("page", "status", "after", "action"), STEPS)
def test_the_confirmation_button_moves_the_round_on_and_audits_it(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    page: str,
    status: str,
    after: str,
    action: str,
) -> None:
    survey_round = make_round(session, officer.local_authority, status=status)
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    confirmed = {"from_status": status, "welsh_confirmed": "y"}
    post_form(officer_client, f"{path}/advance", confirmed, form_page=f"{path}/{page}")
    session.refresh(survey_round)
    assert survey_round.status == after
    assert action in _actions(session)


def test_a_second_click_on_open_does_not_close_the_round(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority, status="draft")
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    confirmed = {
        "csrf_token": csrf_token(officer_client, f"{path}/open"),
        "from_status": "draft",
        "welsh_confirmed": "y",
    }
    for _ in range(2):
        page = officer_client.post(f"{path}/advance", data=confirmed)
    session.refresh(survey_round)
    assert survey_round.status == "open"
    assert "round.closed" not in _actions(session)
    assert "nothing was changed" in officer_client.get(page.headers["Location"]).get_data(
        as_text=True
    )


@pytest.mark.parametrize(("page", "status"), [("open", "open"), ("close", "draft")])
def test_a_confirmation_page_for_a_step_the_round_is_not_at_goes_back_to_the_round(
    officer_client: FlaskClient, officer: StaffUser, session: Session, page: str, status: str
) -> None:
    survey_round = make_round(session, officer.local_authority, status=status)
    session.commit()
    answer = officer_client.get(f"/admin/rounds/{survey_round.id}/{page}")
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/admin/rounds/{survey_round.id}"


@pytest.mark.parametrize(("page", "status"), [("open", "draft"), ("close", "open")])
def test_another_authoritys_round_has_no_confirmation_page(
    officer_client: FlaskClient, session: Session, page: str, status: str
) -> None:
    theirs = make_round(session, status=status)
    session.commit()
    assert officer_client.get(f"/admin/rounds/{theirs.id}/{page}").status_code == 404


@pytest.mark.parametrize(("page", "status"), [("open", "draft"), ("close", "open")])
def test_a_service_lead_cannot_see_the_confirmation_pages(
    client: FlaskClient, session: Session, page: str, status: str
) -> None:
    lead = make_staff(session, role="service_lead")
    survey_round = make_round(session, lead.local_authority, status=status)
    session.commit()
    sign_in(client, lead)
    assert client.get(f"/admin/rounds/{survey_round.id}/{page}").status_code == 403


@pytest.mark.parametrize(
    ("status", "page", "label"), [("draft", "open", "Open the round"), ("open", "close", "Close")]
)
def test_the_round_page_links_to_the_confirmation_instead_of_posting(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    status: str,
    page: str,
    label: str,
) -> None:
    survey_round = make_round(session, officer.local_authority, status=status)
    session.commit()
    html = officer_client.get(f"/admin/rounds/{survey_round.id}").get_data(as_text=True)
    assert re.search(rf'href="/admin/rounds/{survey_round.id}/{page}"[^>]*>\s*{label}', html)
    assert f'action="/admin/rounds/{survey_round.id}/advance"' not in html
