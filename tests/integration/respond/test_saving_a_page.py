"""Saving one question page: the answer and the language the respondent is answering in."""

from __future__ import annotations

from sqlalchemy.orm import Session

from survey_app.services.respond_pages import record_page
from tests.factories import make_response
from tests.integration.respond.conftest import version


def test_a_page_saved_in_the_same_language_leaves_the_response_clean(session: Session) -> None:
    """Nothing about the response changes, so committing the save has nothing to flush."""
    response = make_response(session, language="en")
    item = version().items[0]
    record_page(session, response, item, item.option_values[0], "en")
    assert response not in session.dirty


def test_a_page_saved_in_another_language_records_it(session: Session) -> None:
    response = make_response(session, language="en")
    item = version().items[0]
    record_page(session, response, item, item.option_values[0], "cy")
    session.flush()
    session.expire(response, ["language"])
    assert response.language == "cy"
