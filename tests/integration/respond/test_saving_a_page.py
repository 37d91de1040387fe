"""Saving one question page: the answer and the language the respondent is answering in."""

from __future__ import annotations

from sqlalchemy.orm import Session

from survey_app.models import Response
from survey_app.services.respond_pages import record_page
from survey_app.services.response_facts import ResponseFacts, find_response_facts
from tests.factories import make_response
from tests.integration.respond.conftest import counted_statements, stored_answers, version


def facts_of(session: Session, response: Response) -> ResponseFacts:
    """The response as a page reads it, once it is committed."""
    session.commit()
    found = find_response_facts(session, response.public_id)
    assert found is not None
    return found[0]


def test_a_page_saved_in_the_same_language_writes_only_the_answer(session: Session) -> None:
    facts = facts_of(session, make_response(session, language="en"))
    item = version().items[0]
    with counted_statements() as statements:
        record_page(session, facts, item, item.option_values[0], "en")
    assert len(statements) == 1
    assert statements[0].lstrip().upper().startswith("INSERT")
    assert stored_answers(session) == {item.id: item.option_values[0]}


def test_a_page_saved_in_another_language_records_it(session: Session) -> None:
    facts = facts_of(session, make_response(session, language="en"))
    item = version().items[0]
    record_page(session, facts, item, item.option_values[0], "cy")
    session.commit()
    session.expire_all()
    assert session.get_one(Response, facts.id).language == "cy"


def test_a_skipped_page_removes_the_earlier_answer(session: Session) -> None:
    item = version().items[0]
    response = make_response(session, answers={item.id: item.option_values[0]})
    record_page(session, facts_of(session, response), item, None, "en")
    session.commit()
    assert stored_answers(session) == {}
