"""Paper questionnaires keyed in by an officer, through the same checks as online answers.

A keyed paper response is an ordinary response with mode "paper": ``services.responses`` saves
every answer, so paper and online data are stored identically. Each gets a short reference
(``P-`` and the start of its random public id) for the officer to write on the paper copy. A
second keying of the same paper is compared answer by answer; the result is audited, and
nothing is changed automatically, because only the paper can say which keying was right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import InstrumentVersion, visible_items
from survey_app.models import Response, StaffUser, SurveyRound
from survey_app.services.answers import InvalidAnswerError, RawValue, decoded_value, stored_value
from survey_app.services.audit import record_event
from survey_app.services.responses import complete_response, save_answer, start_response

REFERENCE_PREFIX = "P-"


class PaperEntryError(ValueError):
    """Answers that failed the checks, as ``{item_id: message}`` (``""`` for the whole form)."""

    def __init__(self, errors: Mapping[str, object]) -> None:
        super().__init__(dict(errors))
        self.errors = dict(errors)


@dataclass(frozen=True)
class Difference:
    """An item the two keyings disagree on (``None`` means left blank)."""

    item_id: str
    question: str
    first: str | None
    second: str | None


def paper_reference(response: Response) -> str:
    """The short reference to write on the paper copy, e.g. ``P-1A2B3C4D``."""
    return REFERENCE_PREFIX + response.public_id[:8].upper()


def enter_paper_response(
    session: Session,
    actor: StaffUser,
    survey_round: SurveyRound,
    version: InstrumentVersion,
    raw: Mapping[str, RawValue],
    language: str = "en",
) -> Response:
    """Store a completed paper response; raises ``PaperEntryError`` listing every bad answer.

    On error the caller rolls back, so a half-keyed paper never stays in the database.
    """
    if survey_round.status != "open":
        raise PaperEntryError(
            {"": _l("Paper questionnaires can be entered only while the round is open")}
        )
    response = start_response(session, survey_round, version, mode="paper", language=language)
    errors: dict[str, object] = {}
    for item in version.items:
        try:
            save_answer(session, response, item, raw.get(item.id, ""))
        except InvalidAnswerError as error:
            errors[item.id] = error.message
    if errors:
        raise PaperEntryError(errors)
    complete_response(session, response)
    _audit(session, actor, "paper.entered", survey_round, response)
    return response


def paper_responses(session: Session, survey_round: SurveyRound) -> list[Response]:
    """The round's paper responses, newest first."""
    query = select(Response).where(Response.round_id == survey_round.id, Response.mode == "paper")
    return list(session.scalars(query.order_by(Response.id.desc())))


def find_paper_response(
    session: Session, survey_round: SurveyRound, reference: str
) -> Response | None:
    """The round's paper response with this reference, else ``None``."""
    found = [
        r
        for r in paper_responses(session, survey_round)
        if paper_reference(r) == reference.strip().upper()
    ]
    return found[0] if len(found) == 1 else None


def verify_paper_response(
    session: Session,
    actor: StaffUser,
    response: Response,
    version: InstrumentVersion,
    raw: Mapping[str, RawValue],
) -> list[Difference]:
    """Compare a second keying with the stored answers; audit and return the differences."""
    second = _second_keying(version, raw)
    first = {answer.item_id: answer.value for answer in response.answers}
    differences = [
        Difference(item.id, item.text.en, first.get(item.id), second.get(item.id))
        for item in version.items
        if first.get(item.id) != second.get(item.id)
    ]
    detail = f"{len(differences)} differences"
    _audit(session, actor, "paper.verified", response.round, response, detail)
    return differences


def _second_keying(version: InstrumentVersion, raw: Mapping[str, RawValue]) -> dict[str, str]:
    """The values a second keying would store, after the same checks and routing."""
    stored: dict[str, str] = {}
    errors: dict[str, object] = {}
    for item in version.items:
        try:
            value = stored_value(item, raw.get(item.id, ""))
        except InvalidAnswerError as error:
            errors[item.id] = error.message
            continue
        if value is not None:
            stored[item.id] = value
    if errors:
        raise PaperEntryError(errors)
    decoded = {i.id: decoded_value(i, stored[i.id]) for i in version.items if i.id in stored}
    shown = {item.id for item in visible_items(version, decoded)}
    return {item_id: value for item_id, value in stored.items() if item_id in shown}


def _audit(
    session: Session,
    actor: StaffUser,
    action: str,
    survey_round: SurveyRound,
    response: Response,
    detail: str = "",
) -> None:
    record_event(
        session,
        actor,
        action,
        subject=f"round {survey_round.id}: {paper_reference(response)} ({response.instrument})",
        authority_id=survey_round.local_authority_id,
        detail=detail,
    )
