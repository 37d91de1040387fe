"""Saving one question page of the online journey: an answer or a skip, in one call.

The page also records the language the respondent is answering in, so a response started in
English and finished in Welsh says Welsh.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from questionnaires import Item
from survey_app.models import Response
from survey_app.services.answers import RawValue
from survey_app.services.response_facts import ResponseFacts
from survey_app.services.responses import LANGUAGES, SavedAnswer, save_answer, skip_answer


def record_page(
    session: Session,
    response: ResponseFacts,
    item: Item,
    raw_value: RawValue | None,
    language: str,
) -> SavedAnswer:
    """Save ``raw_value`` for ``item`` (None skips it) and say what was stored.

    Raises ``InvalidAnswerError`` or ``ResponseClosedError`` like ``save_answer``. The language
    is written only when it changed, so a save is usually one statement.
    """
    if language in LANGUAGES and response.language != language:
        session.execute(
            update(Response).where(Response.id == response.id).values(language=language),
            execution_options={"synchronize_session": False},
        )
    if raw_value is None:
        skip_answer(session, response, item)
        return SavedAnswer(None, flagged=False)
    return save_answer(session, response, item, raw_value)
