"""Saving one question page of the online journey: an answer or a skip, in one call.

The page also records the language the respondent is answering in, so a response started in
English and finished in Welsh says Welsh.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from questionnaires import Item
from survey_app.models import Response
from survey_app.services.answers import RawValue
from survey_app.services.responses import LANGUAGES, save_answer, skip_answer
from survey_app.services.safeguarding import suggests_risk


@dataclass(frozen=True)
class SavedPage:
    """What one page saved: the stored value (None for a skip), and whether it suggests risk."""

    value: str | None
    flagged: bool


def record_page(
    session: Session, response: Response, item: Item, raw_value: RawValue | None, language: str
) -> SavedPage:
    """Save ``raw_value`` for ``item`` (None skips it).

    The stored value is returned so the caller can route on it without reading it back.
    Raises ``InvalidAnswerError`` or ``ResponseClosedError`` like ``save_answer``.
    """
    if language in LANGUAGES:
        response.language = language
    if raw_value is None:
        skip_answer(session, response, item)
        return SavedPage(None, flagged=False)
    value = save_answer(session, response, item, raw_value)
    risky = item.type == "free_text" and isinstance(raw_value, str) and suggests_risk(raw_value)
    return SavedPage(value, flagged=risky)
