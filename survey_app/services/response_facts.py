"""What a survey page view reads of a response, as plain values from one Core statement.

A question page, a saved answer, check your answers and "carry on" need only the response's
keys, version, mode, language and status, its round's dates and status, its authority's
languages and its answers. The ORM's objects for that cost more than the statement itself
(building the joined loaders' row processors and three identity-mapped objects per request:
about a sixth of a page's CPU on SQLite, ``docs/scaling.md``), so these pages read plain facts
with Core, and an answer is saved with Core statements keyed on ``id``. Submission, resume
codes and the support pages (which show the authority's contacts) read the ORM's ``Response``
(``responses.find_response_with_answers``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from survey_app.models import Answer, LocalAuthority, Response, SurveyRound
from survey_app.models.authority import language_codes
from survey_app.services.answers import AnswerValue, answers_by_item
from survey_app.services.json_objects import json_object_of
from survey_app.services.responses import StoredPair, version_of


@dataclass(frozen=True)
class RoundFacts:
    """A round's status and dates: what ``round_is_open`` reads."""

    status: str
    opens_on: date
    closes_on: date


@dataclass(frozen=True)
class ResponseFacts:
    """A response as a page view sees it: the attributes of ``Response`` that views read."""

    id: int
    public_id: str
    round_id: int
    access_code_id: int | None
    authority_id: int
    instrument: str
    version: int
    mode: str
    language: str
    status: str
    round: RoundFacts
    language_codes: tuple[str, ...]
    """The languages its local authority offers respondents (``LocalAuthority.language_codes``)."""


AnswerTarget = Response | ResponseFacts
"""What an answer is saved to: the ORM's ``Response`` (paper entry) or a page's plain facts
(the online journey); each write of an answer is a Core statement keyed on its ``id``."""


def table_of(model: type[object]) -> Table:
    """The mapped class's table, for Core statements that skip the ORM's per-row work."""
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


_RESPONSES, _ROUNDS, _AUTHORITIES = (
    table_of(model) for model in (Response, SurveyRound, LocalAuthority)
)
_FACTS = (
    select(
        _RESPONSES.c.id,
        _RESPONSES.c.public_id,
        _RESPONSES.c.round_id,
        _RESPONSES.c.access_code_id,
        _ROUNDS.c.local_authority_id,
        _RESPONSES.c.instrument,
        _RESPONSES.c.version,
        _RESPONSES.c.mode,
        _RESPONSES.c.language,
        _RESPONSES.c.status,
        _ROUNDS.c.status.label("round_status"),
        _ROUNDS.c.opens_on,
        _ROUNDS.c.closes_on,
        _AUTHORITIES.c.languages,
        select(json_object_of(Answer.item_id, Answer.value))
        .where(Answer.response_id == _RESPONSES.c.id)
        .scalar_subquery()
        .label("answers"),
    )
    .join(_ROUNDS, _ROUNDS.c.id == _RESPONSES.c.round_id)
    .join(_AUTHORITIES, _AUTHORITIES.c.id == _ROUNDS.c.local_authority_id)
    .where(_RESPONSES.c.public_id == bindparam("public_id"))
)
"""Built once: the response, its round and authority, and its answers as one JSON object."""


def find_response_facts(
    session: Session, public_id: str
) -> tuple[ResponseFacts, Mapping[str, AnswerValue]] | None:
    """The response's facts and its answers decoded for routing, in one Core statement on the
    session's connection; None when there is no such response."""
    row = session.connection().execute(_FACTS, {"public_id": public_id}).one_or_none()
    if row is None:
        return None
    facts = _facts(row)
    version = version_of(facts)
    pairs = (StoredPair(item_id, value) for item_id, value in (row.answers or {}).items())
    return facts, answers_by_item(version.items, pairs)


def _facts(row: Row[*tuple[Any, ...]]) -> ResponseFacts:
    return ResponseFacts(
        id=row.id,
        public_id=row.public_id,
        round_id=row.round_id,
        access_code_id=row.access_code_id,
        authority_id=row.local_authority_id,
        instrument=row.instrument,
        version=row.version,
        mode=row.mode,
        language=row.language,
        status=row.status,
        round=RoundFacts(row.round_status, row.opens_on, row.closes_on),
        language_codes=language_codes(row.languages),
    )
