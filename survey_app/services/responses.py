"""Starting, saving and completing responses: the one write path for online and paper answers.

Every function takes an explicit session, flushes and never commits: the caller commits once, so
a page the respondent sees as saved is durable (CR-2). Saving is an upsert on the unique
``(response_id, item_id)`` key, so a replayed or double-clicked POST leaves one answer, and a
repeated completion changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql import Executable

from questionnaires import InstrumentVersion, Item, load_catalogue, visible_items
from survey_app.models import Answer, Response, SurveyRound
from survey_app.models.response import MODES
from survey_app.services.answers import (
    AnswerValue,
    InvalidAnswerError,
    RawValue,
    answers_by_item,
    stored_value,
)
from survey_app.services.json_objects import json_object_of
from survey_app.services.safeguarding import suggests_risk
from survey_app.services.safeguarding_alerts import raise_alert
from survey_app.services.user_errors import N_

if TYPE_CHECKING:
    from survey_app.services.response_facts import AnswerTarget, ResponseFacts

LANGUAGES = ("en", "cy")
_INSERTS: dict[str, Callable[..., postgresql.Insert | sqlite.Insert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


class ResponseClosedError(Exception):
    """The response is already complete, so its answers can no longer change."""


def version_of(response: Response | ResponseFacts) -> InstrumentVersion:
    """The instrument version ``response`` was started on, from the cached catalogue."""
    return load_catalogue().get(f"{response.instrument}@v{response.version}")


def start_response(
    session: Session,
    round_id: int,
    version: InstrumentVersion,
    *,
    mode: str,
    language: str,
    access_code_id: int | None = None,
) -> Response:
    """Create an in-progress response recording round, version, content hash, mode and language.

    Only the day is recorded (R-DP-2). Raises ``ValueError`` for an unknown mode or language.
    """
    if mode not in MODES or language not in LANGUAGES:
        raise ValueError(f"unknown mode {mode!r} or language {language!r}")
    response = Response(
        public_id=str(uuid.uuid4()),
        round_id=round_id,
        access_code_id=access_code_id,
        instrument=version.instrument,
        version=version.version,
        content_hash=version.content_hash,
        mode=mode,
        language=language,
        status="in_progress",
        started_on=date.today(),
    )
    session.add(response)
    session.flush()
    return response


_RESPONSE_BY_PUBLIC_ID = (
    select(Response)
    .options(joinedload(Response.round).joinedload(SurveyRound.local_authority))
    .where(Response.public_id == bindparam("public_id"))
)
"""Built once: every survey page runs it, and building the joined query cost more than
running it (``docs/scaling.md``)."""


_RESPONSE_WITH_ANSWERS = _RESPONSE_BY_PUBLIC_ID.add_columns(
    select(json_object_of(Answer.item_id, Answer.value))
    .where(Answer.response_id == Response.id)
    .scalar_subquery()
)
"""The response, round and authority as above, and the answers' item ids and values as one
JSON object in the same row: one statement, one round trip, for every question page and save."""


@dataclass(frozen=True)
class StoredPair:
    """An answer's item id and stored value, as ``answers_by_item`` reads them."""

    item_id: str
    value: str


def find_response(session: Session, public_id: str) -> Response | None:
    """The response with this public id, with its round and local authority, in one query."""
    return session.scalar(_RESPONSE_BY_PUBLIC_ID, {"public_id": public_id})


def find_response_with_answers(
    session: Session, public_id: str
) -> tuple[Response, Mapping[str, AnswerValue]] | None:
    """``find_response`` and the response's answers decoded for routing, in one statement.

    Reads the two columns routing needs as one JSON object rather than loading ``Answer``
    objects or sending a second query (``docs/scaling.md``). None when there is no such response.
    """
    row = session.execute(_RESPONSE_WITH_ANSWERS, {"public_id": public_id}).one_or_none()
    if row is None:
        return None
    response, stored = row
    pairs = (StoredPair(item_id, value) for item_id, value in (stored or {}).items())
    return response, answers_by_item(version_of(response).items, pairs)


def current_answers(response: Response) -> Mapping[str, AnswerValue]:
    """The response's answers keyed by item id, decoded for routing."""
    return answers_by_item(version_of(response).items, response.answers)


@dataclass(frozen=True)
class SavedAnswer:
    """What a save stored: the value (None for a skip), and whether it suggests risk."""

    value: str | None
    flagged: bool


def save_answer(
    session: Session, response: AnswerTarget, item: Item, raw_value: RawValue
) -> SavedAnswer:
    """Validate ``raw_value`` for ``item`` and store it, replacing any earlier answer.

    An empty value skips the item. Free text that suggests risk is stored flagged for the
    moderation queue and raises a safeguarding alert in the same transaction, so the alert
    exists exactly when the answer does. Returns what was stored, so a caller can route on it
    without reading it back. Raises ``InvalidAnswerError`` (with a kind message) for bad input and
    ``ResponseClosedError`` once the response is complete; nothing already saved changes then.
    """
    _check_answerable(response, item)
    value = stored_value(item, raw_value)
    if value is None:
        skip_answer(session, response, item)
        return SavedAnswer(None, flagged=False)
    flagged = item.type == "free_text" and suggests_risk(value)
    _upsert(session, response, item.id, value, flagged)
    if flagged:
        raise_alert(session, response, item.id)
    return SavedAnswer(value, flagged)


def skip_answer(session: Session, response: AnswerTarget, item: Item) -> None:
    """Remove any answer to ``item``: a skipped question has no answer at all."""
    _check_answerable(response, item)
    # The loaded answers are expired below, so the ORM need not look for them to update.
    session.execute(
        delete(Answer).where(Answer.response_id == response.id, Answer.item_id == item.id),
        execution_options={"synchronize_session": False},
    )
    _forget_loaded_answers(session, response)


def _forget_loaded_answers(session: Session, response: AnswerTarget) -> None:
    """Expire a loaded ``Response``'s answers after a Core write (facts hold none to expire)."""
    if isinstance(response, Response):
        session.expire(response, ["answers"])


def complete_response(session: Session, response: Response) -> bool:
    """Mark the response complete (the day only); False when it already was.

    Answers to questions the final route hides are dropped, as ``questionnaires.routing`` asks,
    so a changed answer never leaves data from an abandoned route behind.
    """
    if response.status == "completed":
        return False
    version = version_of(response)
    shown = {item.id for item in visible_items(version, current_answers(response))}
    for answer in [a for a in response.answers if a.item_id not in shown]:
        response.answers.remove(answer)
    response.status = "completed"
    response.completed_on = date.today()
    session.flush()
    return True


def _check_answerable(response: AnswerTarget, item: Item) -> None:
    if response.status == "completed":
        raise ResponseClosedError(response.public_id)
    if not version_of(response).has_item(item.id):
        raise InvalidAnswerError(N_("This question is not part of this questionnaire"))


def _upsert(
    session: Session, response: AnswerTarget, item_id: str, value: str, flagged: bool
) -> None:
    """One INSERT ... ON CONFLICT UPDATE, so two racing requests cannot both insert.

    Sent as a Core statement built once per dialect on the session's connection and
    transaction: the ORM's insert path found nothing to do here but cost a third of a save.
    """
    statement = _upsert_statement(session.get_bind().dialect.name)
    params = {"response_id": response.id, "item_id": item_id, "value": value}
    session.connection().execute(statement, params | {"is_flagged": flagged})
    _forget_loaded_answers(session, response)


@cache
def _upsert_statement(dialect: str) -> Executable:
    """The answer upsert for ``dialect``, with the row's values as bound parameters."""
    statement = _INSERTS[dialect](Answer).values(
        {name: bindparam(name) for name in ("response_id", "item_id", "value", "is_flagged")}
    )
    return statement.on_conflict_do_update(
        index_elements=["response_id", "item_id"],
        set_={"value": statement.excluded.value, "is_flagged": statement.excluded.is_flagged},
    )
