"""A page view's plain facts about a response say what the ORM's objects say.

Question pages, check your answers and "carry on" read the response with one Core statement
(``find_response_facts``); saves read the ORM's ``Response`` (``find_response_with_answers``).
Both must agree on every attribute a page reads and on every answer, on both databases.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from survey_app.services.response_facts import RoundFacts, find_response_facts
from survey_app.services.responses import find_response_with_answers
from tests.factories import make_authority, make_response, make_round
from tests.integration.respond.conftest import item_of_type, version


def test_the_facts_are_the_orm_responses_attributes_and_answers(session: Session) -> None:
    authority = make_authority(session, languages="cy,en")
    survey_round = make_round(session, authority, instruments=(("leavers-16-25", 1),))
    multi = item_of_type("multi_choice", "leavers-16-25")
    text = item_of_type("free_text", "leavers-16-25")
    answers = {multi.id: list(multi.option_values[:2]), text.id: 'Tom & "Jo"\nsee you'}
    response = make_response(
        session, survey_round, "leavers-16-25", mode="paper", language="cy", answers=answers
    )
    session.commit()

    facts, read = find_response_facts(session, response.public_id)
    orm, orm_answers = find_response_with_answers(session, response.public_id)

    assert (facts.public_id, facts.instrument, facts.version) == (orm.public_id, "leavers-16-25", 1)
    assert (facts.mode, facts.status) == (orm.mode, orm.status) == ("paper", "in_progress")
    assert facts.round == RoundFacts(orm.round.status, orm.round.opens_on, orm.round.closes_on)
    assert facts.language_codes == authority.language_codes == ("cy", "en")
    assert dict(read) == dict(orm_answers)
    assert read[multi.id] == tuple(multi.option_values[:2])
    assert read[text.id] == 'Tom & "Jo"\nsee you'


def test_there_are_no_facts_for_an_unknown_response(session: Session) -> None:
    assert find_response_facts(session, "no-such-response") is None


def test_a_response_with_no_answers_has_empty_answers(session: Session) -> None:
    response = make_response(session)
    session.commit()
    facts, read = find_response_facts(session, response.public_id)
    assert facts.status == "in_progress"
    assert read == {}
    assert version().key == f"{facts.instrument}@v{facts.version}"
