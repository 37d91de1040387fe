"""Paper questionnaires keyed in by an officer, through the same checks as online answers.

A keyed paper response is an ordinary response with mode "paper": ``services.responses`` saves
every answer, so paper and online data are stored identically. Each gets a short reference
(``P-`` and the start of its random public id) for the officer to write on the paper copy. A
second keying of the same paper is compared answer by answer, in the answers' words; the result
is audited, and nothing is changed automatically, because only the paper can say which keying
was right. An officer who finds a keying mistake corrects the response: only the answers that
change are saved again (through the same checks, flags and routing), a changed free-text answer
goes back to moderation, and the audit log records who corrected which response and how many
answers changed, never the answers themselves. Saving the same correction twice changes
nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from questionnaires import InstrumentVersion, Item, visible_items
from survey_app.models import Answer, ModerationDecision, Response, StaffUser, SurveyRound
from survey_app.services.answers import InvalidAnswerError, RawValue, decoded_value, stored_value
from survey_app.services.audit import record_event
from survey_app.services.paper_layout import item_text, option_label, question_numbers
from survey_app.services.responses import complete_response, save_answer, start_response
from survey_app.services.user_errors import N_, UserError

REFERENCE_PREFIX = "P-"


class PaperEntryError(UserError):
    """Answers that failed the checks: ``problems`` maps each item id to its refusal (``""``
    for the whole form); the error's own message is the first of them."""

    def __init__(self, problems: Mapping[str, UserError]) -> None:
        first = next(iter(problems.values()))
        super().__init__(first.message_id, first.field, **first.params)
        self.problems = dict(problems)


def _whole_form(message_id: str) -> PaperEntryError:
    return PaperEntryError({"": UserError(message_id)})


@dataclass(frozen=True)
class Difference:
    """An item two keyings disagree on, with its number and the answers in words (``None``
    means left blank)."""

    item_id: str
    number: int
    question: str
    first: str | None
    second: str | None


def accepts_paper(survey_round: SurveyRound) -> bool:
    """True while paper questionnaires can be entered or corrected: the round is open.

    Pages read this rule from here (a template global) rather than repeating it.
    """
    return survey_round.status == "open"


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
    if not accepts_paper(survey_round):
        raise _whole_form(N_("Paper questionnaires can be entered only while the round is open"))
    response = start_response(session, survey_round.id, version, mode="paper", language=language)
    errors: dict[str, UserError] = {}
    for item in version.items:
        try:
            save_answer(session, response, item, raw.get(item.id, ""))
        except InvalidAnswerError as error:
            errors[item.id] = error
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
    language: str = "en",
) -> list[Difference]:
    """Compare a second keying with the stored answers; audit and return the differences, in
    ``language`` (the officer's)."""
    differences = _differences(version, _stored(response), _second_keying(version, raw), language)
    detail = f"{len(differences)} differences"
    _audit(session, actor, "paper.verified", response.round, response, detail)
    return differences


def correct_paper_response(
    session: Session,
    actor: StaffUser,
    response: Response,
    version: InstrumentVersion,
    raw: Mapping[str, RawValue],
    language: str = "en",
) -> list[Difference]:
    """Replace a keyed paper response's answers with a corrected keying; return what changed.

    Only changed answers are saved again, through ``save_answer`` (checks, safeguarding flags,
    alerts), and ``complete_response`` drops what the corrected route hides. The response is
    reopened only inside this transaction, which the caller commits once, and keeps the day it
    was completed. Nothing changed means nothing saved and nothing audited. Raises
    ``PaperEntryError`` for bad answers or a round that is no longer open.
    """
    if response.mode != "paper" or not accepts_paper(response.round):
        raise _whole_form(N_("Paper questionnaires can be corrected only while the round is open"))
    corrected = _second_keying(version, raw)
    changes = _differences(version, _stored(response), corrected, language)
    if not changes:
        return []
    completed_on, response.status = response.completed_on, "in_progress"
    for change in changes:
        item = version.item(change.item_id)
        _back_to_moderation(session, response, item)
        save_answer(session, response, item, raw.get(item.id, "") if item.id in corrected else "")
    complete_response(session, response)
    response.completed_on = completed_on
    detail = f"{len(changes)} answers changed"
    _audit(session, actor, "paper.corrected", response.round, response, detail)
    return changes


def keyed_answers(response: Response, version: InstrumentVersion) -> dict[str, str | list[str]]:
    """The stored answers as the paper form holds them: a code, a list of codes, or text."""
    stored = _stored(response)
    return {
        item.id: json.loads(stored[item.id]) if item.type == "multi_choice" else stored[item.id]
        for item in version.items
        if item.id in stored
    }


def _stored(response: Response) -> dict[str, str]:
    return {answer.item_id: answer.value for answer in response.answers}


def _differences(
    version: InstrumentVersion,
    first: Mapping[str, str],
    second: Mapping[str, str],
    language: str,
) -> list[Difference]:
    """The items whose stored values differ, numbered and in words."""
    numbers = question_numbers(version)
    return [
        Difference(
            item.id,
            numbers[item.id],
            item_text(item, language),
            answer_words(item, first.get(item.id), language),
            answer_words(item, second.get(item.id), language),
        )
        for item in version.items
        if first.get(item.id) != second.get(item.id)
    ]


def answer_words(item: Item, stored: str | None, language: str) -> str | None:
    """A stored answer as the paper shows it: "All or most of the time", not its code."""
    if stored is None or item.type == "free_text":
        return stored
    codes = json.loads(stored) if item.type == "multi_choice" else [stored]
    labels = {option.value: option_label(option, language) for option in item.options}
    return "; ".join(labels.get(code, code) for code in codes)


def _back_to_moderation(session: Session, response: Response, item: Item) -> None:
    """Forget the moderation decision on a free-text answer that is about to change."""
    if item.type != "free_text":
        return
    answer_ids = select(Answer.id).where(
        Answer.response_id == response.id, Answer.item_id == item.id
    )
    session.execute(delete(ModerationDecision).where(ModerationDecision.answer_id.in_(answer_ids)))


def _second_keying(version: InstrumentVersion, raw: Mapping[str, RawValue]) -> dict[str, str]:
    """The values a second keying would store, after the same checks and routing."""
    stored: dict[str, str] = {}
    errors: dict[str, UserError] = {}
    for item in version.items:
        try:
            value = stored_value(item, raw.get(item.id, ""))
        except InvalidAnswerError as error:
            errors[item.id] = error
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
