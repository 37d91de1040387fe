"""Free-text answers are approved, redacted or rejected; only approved text can be quoted."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import Answer, AuditEvent, ModerationDecision, StaffUser, SurveyRound
from survey_app.services.moderation import approved_quotes, moderation_queue, redact
from tests.factories import make_answered_response, make_round, make_staff
from tests.integration.auth.staff_client import post_form, sign_in

SAFE = "More days out at the beach with Jamie from Oakfield school"
WORRYING = "My carer hits me when I am late"
BOTH_AGES = (("cic-11-17", 1), ("leavers-16-25", 1))


@pytest.fixture
def survey_round(session: Session, officer: StaffUser) -> SurveyRound:
    made = make_round(session, officer.local_authority)
    make_answered_response(session, made, answers={"make_care_better": SAFE, "feel_safe": "always"})
    make_answered_response(session, made, answers={"worries": WORRYING})
    session.commit()
    return made


def _answer(session: Session, text: str) -> Answer:
    return session.scalars(select(Answer).where(Answer.value == text)).one()


def test_the_queue_lists_free_text_only_with_flagged_answers_first(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    html = officer_client.get(f"/admin/rounds/{survey_round.id}/moderation").get_data(as_text=True)
    assert html.index("My carer hits me") < html.index("More days out")
    assert "Safeguarding check" in html
    assert ">always<" not in html


def test_each_answer_is_captioned_with_its_own_questionnaires_wording(
    session: Session, officer: StaffUser
) -> None:
    """One item id, two wordings: the 11-17 and care-leaver questions must not swap."""
    made = make_round(session, officer.local_authority, instruments=BOTH_AGES)
    make_answered_response(session, made, "cic-11-17", {"make_care_better": "More trips"})
    make_answered_response(session, made, "leavers-16-25", {"make_care_better": "A flat"})
    session.commit()
    captions = {item.answer.value: item.question for item in moderation_queue(session, made)}
    assert captions == {
        "More trips": "What would make being in care better?",
        "A flat": "What would make life better for young people leaving care?",
    }


def test_the_queue_names_each_question_and_questionnaire_in_words_not_ids(
    officer_client: FlaskClient, session: Session, officer: StaffUser
) -> None:
    made = make_round(session, officer.local_authority, instruments=BOTH_AGES)
    make_answered_response(session, made, "leavers-16-25", {"make_care_better": "A flat"})
    session.commit()

    html = officer_client.get(f"/admin/rounds/{made.id}/moderation").get_data(as_text=True)

    question = (
        BeautifulSoup(html, "html.parser").select_one("tbody tr td").get_text(" ", strip=True)
    )
    assert question == (
        "What would make life better for young people leaving care? (Care leavers aged 16 to 25)"
    )


def test_a_flagged_answer_shows_the_authoritys_procedure(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    answer = _answer(session, WORRYING)
    page = officer_client.get(f"/admin/rounds/{survey_round.id}/moderation/{answer.id}")
    assert "Call the duty team the same day." in page.get_data(as_text=True)


def test_redacting_replaces_each_detail_then_approves_and_audits(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    answer = _answer(session, SAFE)
    path = f"/admin/rounds/{survey_round.id}/moderation/{answer.id}"
    page = post_form(
        officer_client, path, {"action": "redact", "removals": "jamie\nOakfield school"}
    )
    assert page.headers["Location"] == f"/admin/rounds/{survey_round.id}/moderation"
    assert approved_quotes(session, survey_round) == [
        ("make_care_better", "More days out at the beach with [removed] from [removed]")
    ]
    assert "moderation.approved" in list(session.scalars(select(AuditEvent.action)))
    assert officer_client.get(path).status_code == 404


def test_a_rejected_answer_is_never_quoted(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    answer = _answer(session, WORRYING)
    post_form(
        officer_client,
        f"/admin/rounds/{survey_round.id}/moderation/{answer.id}",
        {"action": "reject"},
    )
    decision = session.scalars(select(ModerationDecision)).one()
    assert (decision.decision, decision.quote) == ("rejected", None)
    assert approved_quotes(session, survey_round) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "redact", "removals": ""}, "Enter the words or details to remove"),
        ({"action": "redact", "removals": "Birmingham"}, "is not in the answer"),
        ({}, "Select a decision"),
    ],
)
def test_bad_decisions_are_refused(
    officer_client: FlaskClient,
    survey_round: SurveyRound,
    session: Session,
    data: dict[str, str],
    message: str,
) -> None:
    answer = _answer(session, SAFE)
    page = post_form(
        officer_client, f"/admin/rounds/{survey_round.id}/moderation/{answer.id}", data
    )
    assert message in page.get_data(as_text=True)
    assert session.scalars(select(ModerationDecision)).first() is None


def test_redaction_ignores_case_and_blank_lines() -> None:
    assert redact("Ask Sam. sam knows.", ["SAM", " "]) == "Ask [removed]. [removed] knows."


def test_service_leads_cannot_moderate(client: FlaskClient, session: Session) -> None:
    lead = make_staff(session, role="service_lead")
    survey_round = make_round(session, lead.local_authority)
    session.commit()
    sign_in(client, lead)
    assert client.get(f"/admin/rounds/{survey_round.id}/moderation").status_code == 403
