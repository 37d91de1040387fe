"""Free-text moderation: approve as a quote, redact then approve, or reject. All audited.

Only a decision's ``quote`` may ever reach a report or export (``approved_quotes``); the raw
answer never does. Redaction only removes: the moderator lists words or details to take out and
each is replaced by "[removed]", so a child's words are never rewritten. Answers the
safeguarding phrase list flagged come first in the queue and show the LA's procedure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import Answer, ModerationDecision, Response, StaffUser, SurveyRound
from survey_app.services.audit import now_utc, record_event
from survey_app.services.user_errors import N_, UserError

REMOVED = "[removed]"
ACTIONS = ("approve", "redact", "reject")


class ModerationError(UserError):
    """A decision that cannot be made as asked; the message is for the moderator."""


@dataclass(frozen=True)
class QueueItem:
    """A free-text answer waiting for a decision, with the question it answers."""

    answer: Answer
    instrument: str
    question: str


def free_text_questions(survey_round: SurveyRound) -> dict[tuple[str, str], str]:
    """The English wording of each free-text question, keyed by (instrument, item id).

    An item id is shared by every instrument that asks the same thing, in that instrument's
    own words ("What would make being in care better?" for 11-17s, "...leaving care?" for care
    leavers), so the item id alone would caption an answer with another instrument's question.
    A round pins one version per instrument, so the instrument settles the wording.
    """
    catalogue = load_catalogue()
    found: dict[tuple[str, str], str] = {}
    for pinned in survey_round.instruments:
        version = catalogue.get(f"{pinned.instrument}@v{pinned.version}")
        found.update(
            {(pinned.instrument, i.id): i.text.en for i in version.items if i.type == "free_text"}
        )
    return found


def moderation_queue(session: Session, survey_round: SurveyRound) -> list[QueueItem]:
    """Undecided free-text answers of the round, flagged ones first, then oldest first."""
    questions = free_text_questions(survey_round)
    query = (
        select(Answer, Response.instrument)
        .join(Response, Answer.response_id == Response.id)
        .outerjoin(ModerationDecision, ModerationDecision.answer_id == Answer.id)
        .where(Response.round_id == survey_round.id)
        .where(Answer.item_id.in_({item_id for _, item_id in questions}))
        .where(ModerationDecision.id.is_(None))
        .order_by(Answer.is_flagged.desc(), Answer.id)
    )
    return [
        QueueItem(answer, instrument, questions[instrument, answer.item_id])
        for answer, instrument in session.execute(query)
        if (instrument, answer.item_id) in questions
    ]


def pending_answer(session: Session, survey_round: SurveyRound, answer_id: int) -> QueueItem | None:
    """The queue item for ``answer_id`` when it is an undecided free-text answer of this round."""
    return next(
        (q for q in moderation_queue(session, survey_round) if q.answer.id == answer_id), None
    )


def redact(text: str, removals: Iterable[str]) -> str:
    """``text`` with every occurrence of each removal (any case) replaced by "[removed]"."""
    for removal in (r.strip() for r in removals):
        if not removal:
            continue
        pattern = re.compile(re.escape(removal), re.IGNORECASE)
        if not pattern.search(text):
            raise ModerationError(N_("‘%(words)s’ is not in the answer"), words=removal)
        text = pattern.sub(REMOVED, text)
    return text


def decide(
    session: Session,
    actor: StaffUser,
    item: QueueItem,
    action: str,
    removals: Iterable[str] = (),
) -> ModerationDecision:
    """Record the decision on ``item`` and audit it; a redaction must remove something."""
    removals = [r for r in removals if r.strip()]
    if action == "redact" and not removals:
        raise ModerationError(N_("Enter the words or details to remove"))
    quote = None
    if action != "reject":
        quote = redact(item.answer.value, removals) if action == "redact" else item.answer.value
    survey_round_id = item.answer.response.round_id
    decision = ModerationDecision(
        answer_id=item.answer.id,
        round_id=survey_round_id,
        decision="rejected" if action == "reject" else "approved",
        quote=quote,
        is_redacted=action == "redact",
        decided_by_id=actor.id,
        decided_at=now_utc(),
    )
    session.add(decision)
    session.flush()
    record_event(
        session,
        actor,
        f"moderation.{decision.decision}",
        subject=f"round {survey_round_id}: answer {item.answer.id}",
        authority_id=item.answer.response.round.local_authority_id,
        detail=f"redacted {len(removals)} details" if decision.is_redacted else "",
    )
    return decision


def approved_quotes(session: Session, survey_round: SurveyRound) -> list[tuple[str, str]]:
    """``(item_id, quote)`` for every approved answer of the round: all a report may quote."""
    query = (
        select(Answer.item_id, ModerationDecision.quote)
        .join(ModerationDecision, ModerationDecision.answer_id == Answer.id)
        .where(ModerationDecision.round_id == survey_round.id)
        .where(ModerationDecision.decision == "approved")
        .order_by(Answer.item_id, Answer.id)
    )
    # An approved decision always holds its quote; the test narrows the column's type.
    return [(item_id, quote) for item_id, quote in session.execute(query) if quote is not None]


def approved_quote_map(session: Session, survey_round: SurveyRound) -> dict[int, str]:
    """Approved quotes keyed by answer id, for exports."""
    query = select(ModerationDecision.answer_id, ModerationDecision.quote).where(
        ModerationDecision.round_id == survey_round.id, ModerationDecision.decision == "approved"
    )
    rows = session.execute(query)
    return {answer_id: quote for answer_id, quote in rows if quote is not None}
