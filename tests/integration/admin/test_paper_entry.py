"""Officers key in paper questionnaires through the online checks, key them again to check, and
correct a keying mistake (audited, and idempotent)."""

from __future__ import annotations

import csv
import re

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import Answer, AuditEvent, Response, StaffUser, SurveyRound
from survey_app.services.moderation import decide, moderation_queue, pending_answer
from survey_app.services.paper_entry import paper_reference
from tests.factories import make_round
from tests.integration.auth.staff_client import post_form

CIC_8_10 = load_catalogue().get("cic-8-10@v1")
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
    assert "Questions where the two keyings differ: 2." in html
    question = r"1\. Do you feel safe where you live\?</td>\s*"
    assert re.search(question + r"<td[^>]*>Sometimes</td>\s*<td[^>]*>Never", html)


def test_paper_cannot_be_entered_for_a_closed_round(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    closed = make_round(session, officer.local_authority, status="closed")
    session.commit()
    page = _enter(officer_client, closed, PAPER)
    assert "only while the round is open" in page.get_data(as_text=True)
    assert session.scalars(select(Response)).first() is None


def test_the_entry_form_numbers_its_questions_as_the_printed_copy_does(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    html = officer_client.get(f"/admin/rounds/{survey_round.id}/paper/new/cic-8-10").get_data(
        as_text=True
    )

    assert "1. Do you feel safe where you live?" in html
    assert "5. Do you know who your social worker is?" in html
    assert "Asked only if question 5 was “Yes”." in html
    assert "govuk-radios--small" in html
    assert html.count("Left blank") == sum(
        item.type not in ("free_text", "multi_choice") for item in CIC_8_10.items
    )


def test_the_second_keying_shows_answers_in_words_not_codes(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _enter(officer_client, survey_round, {**PAPER, "trust_carers": "all_or_most_of_the_time"})
    reference = paper_reference(session.scalars(select(Response)).one())
    path = f"/admin/rounds/{survey_round.id}/paper/check/{reference}"

    html = post_form(officer_client, path, {**PAPER, "trust_carers": "never"}).get_data(
        as_text=True
    )

    assert "All or most of the time" in html
    assert "all_or_most_of_the_time" not in html


CORRECTION = {"feel_safe": "always", "worries": "Exams", "like_school": "", "pet": "yes"}


def _correct(client: FlaskClient, survey_round: SurveyRound, reference: str, data: dict):
    path = f"/admin/rounds/{survey_round.id}/paper/correct/{reference}"
    return post_form(client, path, data)


def _exported(client: FlaskClient, survey_round: SurveyRound) -> list[dict[str, str]]:
    reply = client.get(f"/admin/rounds/{survey_round.id}/exports/responses.csv")
    body = reply.get_data(as_text=True)
    reply.close()
    lines = [line for line in body.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def test_a_correction_starts_from_the_keyed_answers(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _enter(officer_client, survey_round, PAPER)
    reference = paper_reference(session.scalars(select(Response)).one())

    html = officer_client.get(
        f"/admin/rounds/{survey_round.id}/paper/correct/{reference}"
    ).get_data(as_text=True)

    assert re.search(r'name="feel_safe" type="radio" value="sometimes" checked', html)
    assert re.search(r'name="pet" type="radio" value="" checked', html)
    assert "Exams</textarea>" in html


def test_a_correction_is_saved_audited_without_answers_and_exported(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session, officer: StaffUser
) -> None:
    _enter(officer_client, survey_round, PAPER)
    response = session.scalars(select(Response)).one()
    reference = paper_reference(response)

    page = _correct(officer_client, survey_round, reference, CORRECTION)

    assert page.headers["Location"] == f"/admin/rounds/{survey_round.id}/paper"
    session.expire_all()
    assert {a.item_id: a.value for a in response.answers} == {
        "feel_safe": "always",
        "worries": "Exams",
        "pet": "yes",
    }
    assert (response.status, response.mode) == ("completed", "paper")
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "paper.corrected")).one()
    assert (event.actor_email, event.detail) == (officer.email, "3 answers changed")
    assert reference in event.subject
    assert not {"always", "yes", "Exams"} & set(f"{event.subject} {event.detail}".split())
    [row] = _exported(officer_client, survey_round)
    assert (row["feel_safe"], row["like_school"], row["pet"]) == ("always", "", "yes")


def test_saving_the_same_correction_again_changes_and_audits_nothing(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _enter(officer_client, survey_round, PAPER)
    reference = paper_reference(session.scalars(select(Response)).one())
    _correct(officer_client, survey_round, reference, CORRECTION)
    answer_ids = set(session.scalars(select(Answer.id)))

    again = _correct(officer_client, survey_round, reference, CORRECTION)

    listing = officer_client.get(again.headers["Location"]).get_data(as_text=True)
    assert "Nothing changed" in listing
    assert set(session.scalars(select(Answer.id))) == answer_ids
    corrected = select(AuditEvent).where(AuditEvent.action == "paper.corrected")
    assert len(session.scalars(corrected).all()) == 1
    assert len(session.scalars(select(Response)).all()) == 1


def test_a_corrected_free_text_answer_goes_back_to_moderation(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session, officer: StaffUser
) -> None:
    _enter(officer_client, survey_round, PAPER)
    worries = session.scalars(select(Answer).where(Answer.item_id == "worries")).one()
    decide(session, officer, pending_answer(session, survey_round, worries.id), "approve")
    session.commit()
    reference = paper_reference(session.scalars(select(Response)).one())

    _correct(officer_client, survey_round, reference, {**CORRECTION, "worries": "Tests"})

    assert [item.answer.value for item in moderation_queue(session, survey_round)] == ["Tests"]


def test_a_closed_rounds_paper_cannot_be_corrected(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _enter(officer_client, survey_round, PAPER)
    response = session.scalars(select(Response)).one()
    survey_round.status = "closed"
    session.commit()

    page = _correct(officer_client, survey_round, paper_reference(response), CORRECTION)

    assert "corrected only while the round is open" in page.get_data(as_text=True)
    session.expire_all()
    assert {a.item_id: a.value for a in response.answers}["feel_safe"] == "sometimes"
