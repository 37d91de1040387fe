"""Retention deletes response-level data past each LA's period and keeps everything else."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import (
    Answer,
    AuditEvent,
    ModerationDecision,
    Response,
    RoundDenominator,
    SurveyRound,
)
from survey_app.reports.report_store import report_cache
from survey_app.services.moderation import decide, pending_answer
from survey_app.services.report_cache import CacheKey
from survey_app.services.retention import add_months, purge_expired
from tests.factories import make_answered_response, make_authority, make_round, make_staff

TODAY = date(2027, 6, 15)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model))


def _round_closed(session: Session, closed_on: date, retention_months: int = 12) -> SurveyRound:
    authority = make_authority(session, retention_months=retention_months)
    survey_round = make_round(
        session,
        authority,
        status="closed",
        opens_on=closed_on - timedelta(days=30),
        closes_on=closed_on,
    )
    make_answered_response(
        session, survey_round, answers={"feel_safe": "always", "worries": "Tests"}
    )
    return survey_round


def test_responses_past_the_period_are_deleted_with_their_answers_and_decisions(
    session: Session,
) -> None:
    old = _round_closed(session, date(2026, 6, 14))
    officer = make_staff(session, local_authority=old.local_authority)
    answer = session.scalars(select(Answer).where(Answer.item_id == "worries")).one()
    decide(session, officer, pending_answer(session, old, answer.id), "approve")
    recent = _round_closed(session, date(2026, 6, 15))
    purged = purge_expired(session, TODAY)
    assert [(p.round_id, p.responses) for p in purged] == [(old.id, 1)]
    assert session.scalars(select(Response.round_id)).all() == [recent.id]
    assert _count(session, ModerationDecision) == 0
    assert _count(session, Answer) == 2
    assert _count(session, SurveyRound) == 2
    assert _count(session, RoundDenominator) == 4
    assert "retention.purged" in session.scalars(select(AuditEvent.action)).all()


def test_each_authority_has_its_own_period(session: Session) -> None:
    _round_closed(session, date(2025, 1, 1), retention_months=36)
    assert purge_expired(session, TODAY) == []


def test_a_dry_run_deletes_nothing(session: Session) -> None:
    _round_closed(session, date(2020, 1, 1))
    assert len(purge_expired(session, TODAY, dry_run=True)) == 1
    assert _count(session, Response) == 1


def test_month_arithmetic_keeps_to_real_days() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 14) == date(2028, 1, 30)


def test_the_retention_command_deletes_and_reports(app: Flask, session: Session) -> None:
    _round_closed(session, date(2020, 1, 1))
    session.commit()
    result = app.test_cli_runner().invoke(args=["retention", "run", "--today", "2027-06-15"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 responses" in result.output
    session.expire_all()
    assert _count(session, Response) == 0


def test_the_retention_command_removes_the_purged_rounds_cached_reports(
    app: Flask, session: Session
) -> None:
    expired = _round_closed(session, date(2020, 1, 1))
    kept = _round_closed(session, date(2027, 1, 1))
    session.commit()
    with app.app_context():
        cache = report_cache()
        for survey_round in (expired, kept):
            cache.file(CacheKey(survey_round.id, "en", "f"), "pdf", lambda: b"%PDF")

    app.test_cli_runner().invoke(args=["retention", "run", "--today", "2027-06-15"])

    # Other tests on this database may have cached reports of their own rounds in the folder.
    left = {path.name.split("-")[1] for path in cache.folder.iterdir()}
    assert str(kept.id) in left
    assert str(expired.id) not in left
