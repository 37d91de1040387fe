"""Retention (R-DP-4, ASVS v4.0.3-8.3.8): delete response-level data past each LA's period.

A round's responses, answers and moderation decisions are deleted once its closing date is more
than the local authority's ``retention_months`` ago. The round itself, its denominators and
codes (which identify no one) and every aggregated report table stay, so published reports and
comparisons with later rounds still work. Each purge is written to the audit log.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from survey_app.models import Answer, ModerationDecision, Response, SurveyRound
from survey_app.services.audit import record_event


@dataclass(frozen=True)
class PurgedRound:
    """What retention removed from one round."""

    round_id: int
    name: str
    responses: int


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expired_rounds(session: Session, today: date) -> list[SurveyRound]:
    """Rounds whose response-level data is past its retention period and not yet deleted."""
    with_responses = select(Response.round_id).distinct()
    candidates = session.scalars(
        select(SurveyRound).where(SurveyRound.id.in_(with_responses)).order_by(SurveyRound.id)
    )
    return [
        r for r in candidates if add_months(r.closes_on, r.local_authority.retention_months) < today
    ]


def purge_expired(session: Session, today: date, *, dry_run: bool = False) -> list[PurgedRound]:
    """Delete (or with ``dry_run`` only count) the response-level data of expired rounds."""
    purged = []
    for survey_round in expired_rounds(session, today):
        count = _count_responses(session, survey_round)
        if not dry_run:
            _delete_responses(session, survey_round)
            record_event(
                session,
                None,
                "retention.purged",
                subject=f"round {survey_round.id}: {survey_round.name}",
                authority_id=survey_round.local_authority_id,
                detail=f"{count} responses deleted",
            )
        purged.append(PurgedRound(survey_round.id, survey_round.name, count))
    return purged


def _count_responses(session: Session, survey_round: SurveyRound) -> int:
    query = select(func.count()).select_from(Response).where(Response.round_id == survey_round.id)
    return session.scalar(query) or 0


def _delete_responses(session: Session, survey_round: SurveyRound) -> None:
    """Children first, so no database relies on cascades being switched on."""
    responses = select(Response.id).where(Response.round_id == survey_round.id)
    answers = select(Answer.id).where(Answer.response_id.in_(responses))
    session.execute(delete(ModerationDecision).where(ModerationDecision.answer_id.in_(answers)))
    session.execute(delete(Answer).where(Answer.response_id.in_(responses)))
    session.execute(delete(Response).where(Response.round_id == survey_round.id))
    session.flush()
