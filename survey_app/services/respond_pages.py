"""Saving one question page of the online journey: an answer or a skip, in one call.

The page also records the language the respondent is answering in, so a response started in
English and finished in Welsh says Welsh.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from questionnaires import Item
from survey_app.models import Response
from survey_app.services.answers import RawValue
from survey_app.services.responses import LANGUAGES, SavedAnswer, save_answer, skip_answer


def record_page(
    session: Session, response: Response, item: Item, raw_value: RawValue | None, language: str
) -> SavedAnswer:
    """Save ``raw_value`` for ``item`` (None skips it) and say what was stored.

    Raises ``InvalidAnswerError`` or ``ResponseClosedError`` like ``save_answer``.
    """
    # Only a change is assigned: assigning the same value still marks the response dirty, and
    # the commit would then run the ORM's whole flush to find nothing to write.
    if language in LANGUAGES and response.language != language:
        response.language = language
    if raw_value is None:
        skip_answer(session, response, item)
        return SavedAnswer(None, flagged=False)
    return save_answer(session, response, item, raw_value)
