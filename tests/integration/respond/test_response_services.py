"""The service API paper entry shares with the online journey: same validation, same codes."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import Answer
from survey_app.services.answers import InvalidAnswerError
from survey_app.services.responses import (
    ResponseClosedError,
    complete_response,
    save_answer,
    skip_answer,
    start_response,
)
from tests.factories import make_access_code, make_response
from tests.integration.respond.conftest import item_of_type, open_round, version


def test_a_paper_response_records_round_version_hash_mode_and_language(session: Session) -> None:
    survey_round = open_round(session)
    code, _clear = make_access_code(session, survey_round)
    response = start_response(
        session, survey_round.id, version(), mode="paper", language="cy", access_code_id=code.id
    )
    assert (response.instrument, response.version) == ("cic-8-10", 1)
    assert response.content_hash == version().content_hash
    assert (response.mode, response.language, response.status) == ("paper", "cy", "in_progress")
    assert response.access_code_id == code.id


def test_an_unknown_mode_is_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="mode"):
        start_response(session, open_round(session).id, version(), mode="pigeon", language="en")


def test_save_answer_refuses_bad_values_with_a_kind_message(session: Session) -> None:
    response = make_response(session)
    item = version().items[0]
    with pytest.raises(InvalidAnswerError) as refused:
        save_answer(session, response, item, "not-an-option")
    assert "skip this question" in str(refused.value)


def test_save_answer_refuses_an_item_from_another_instrument(session: Session) -> None:
    response = make_response(session)
    elsewhere = next(i for i in version("cic-11-17").items if not version().has_item(i.id))
    with pytest.raises(InvalidAnswerError):
        save_answer(session, response, elsewhere, elsewhere.option_values[0])


def test_saving_twice_replaces_the_answer_and_skipping_removes_it(session: Session) -> None:
    response = make_response(session)
    item = version().items[0]
    save_answer(session, response, item, item.option_values[0])
    save_answer(session, response, item, item.option_values[1])
    assert session.scalars(select(Answer.value)).all() == [item.option_values[1]]
    skip_answer(session, response, item)
    assert session.scalars(select(Answer)).all() == []


def test_free_text_matching_a_risk_phrase_is_flagged(session: Session) -> None:
    item = item_of_type("free_text")
    make_response(session, answers={item.id: "I want to run away"})
    assert session.scalars(select(Answer.is_flagged)).one() is True


def test_completing_is_idempotent_and_then_answers_are_frozen(session: Session) -> None:
    item = version().items[0]
    response = make_response(session, answers={item.id: item.option_values[0]})
    assert complete_response(session, response) is True
    assert complete_response(session, response) is False
    with pytest.raises(ResponseClosedError):
        save_answer(session, response, item, item.option_values[1])
