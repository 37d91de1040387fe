"""Officers key in paper questionnaires through the online checks, and can key them again."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, Response, StaffUser, SurveyRound
from survey_app.services.paper_entry import paper_reference
from tests.factories import make_round
from tests.integration.auth.staff_client import post_form

PAPER = {"language": "en", "feel_safe": "sometimes", "worries": "Exams", "like_school": "yes"}


def _enter(client: FlaskClient, survey_round: SurveyRound, data: dict[str, str]):
    return post_form(client, f"/admin/rounds/{survey_round.id}/paper/new/cic-8-10", data)


def test_a_paper_questionnaire_is_stored_as_a_completed_paper_response(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    page = _enter(officer_client, survey_round, PAPER)
    response = session.scalars(select(Response)).one()
    assert page.headers["Location"] == f"/admin/rounds/{survey_round.id}/paper"
    assert (response.mode, response.status, response.instrument) == (
        "paper",
        "completed",
        "cic-8-10",
    )
    assert {a.item_id: a.value for a in response.answers} == {
        "feel_safe": "sometimes",
        "worries": "Exams",
        "like_school": "yes",
    }
    listing = officer_client.get(page.headers["Location"]).get_data(as_text=True)
    assert paper_reference(response) in listing


def test_bad_answers_are_refused_and_nothing_is_stored(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    page = _enter(
        officer_client, survey_round, {**PAPER, "worries": "x" * 501, "feel_safe": "purple"}
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "There is a problem" in html
    assert "Choose one of the answers shown" in html
    assert session.scalars(select(Response)).first() is None


def test_a_matching_second_keying_is_confirmed_and_audited(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _enter(officer_client, survey_round, PAPER)
    reference = paper_reference(session.scalars(select(Response)).one())
    path = f"/admin/rounds/{survey_round.id}/paper/check/{reference}"
    html = post_form(officer_client, path, PAPER).get_data(as_text=True)
    assert "The two keyings match." in html
    details = list(
        session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "paper.verified"))
    )
    assert details == ["0 differences"]


def test_a_different_second_keying_lists_each_difference(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _enter(officer_client, survey_round, PAPER)
    reference = paper_reference(session.scalars(select(Response)).one())
    path = f"/admin/rounds/{survey_round.id}/paper/check/{reference}"
    html = post_form(
        officer_client, path, {**PAPER, "feel_safe": "never", "like_school": ""}
    ).get_data(as_text=True)
    assert "differ on 2 questions" in html
    assert re.search(r"sometimes</td>\s*<td[^>]*>never", html)


def test_paper_cannot_be_entered_for_a_closed_round(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    closed = make_round(session, officer.local_authority, status="closed")
    session.commit()
    page = _enter(officer_client, closed, PAPER)
    assert "only while the round is open" in page.get_data(as_text=True)
    assert session.scalars(select(Response)).first() is None
