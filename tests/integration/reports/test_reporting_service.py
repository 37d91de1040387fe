"""What the reporting service reads from the database for a report, and what it leaves out."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from report_builder.inputs import columns as col
from survey_app.models import Answer
from survey_app.services.moderation import decide, moderation_queue
from survey_app.services.reporting import (
    comparison_rounds,
    previous_round,
    quotes_frame,
    responses_frame,
)
from tests.factories import make_answered_response, make_authority, make_round, make_staff

pytestmark = pytest.mark.xdist_group("reports")


def _round(session: Session, authority, opens_on: date, status: str):
    return make_round(
        session, authority, opens_on=opens_on, closes_on=opens_on.replace(day=28), status=status
    )


def test_the_previous_round_is_the_latest_earlier_closed_round_with_answers(
    session: Session,
) -> None:
    authority = make_authority(session)
    older = _round(session, authority, date(2024, 3, 1), "archived")
    make_answered_response(session, older)
    _round(session, authority, date(2025, 2, 1), "closed")  # Later, but nobody answered.
    previous = _round(session, authority, date(2025, 1, 1), "closed")
    make_answered_response(session, previous)
    current = _round(session, authority, date(2026, 3, 1), "open")

    assert previous_round(session, current) == previous
    assert previous_round(session, previous) == older
    assert previous_round(session, older) is None


def test_other_areas_are_each_other_authoritys_latest_closed_round_of_the_same_year(
    session: Session,
) -> None:
    this = _round(session, make_authority(session), date(2026, 3, 1), "open")
    other = make_authority(session)
    _round(session, other, date(2026, 1, 10), "closed")
    closed = _round(session, other, date(2026, 4, 1), "archived")
    _round(session, other, date(2026, 6, 1), "open")  # Still collecting answers.
    _round(session, make_authority(session), date(2026, 2, 1), "open")
    _round(session, make_authority(session), date(2025, 3, 1), "closed")
    _round(session, make_authority(session), date(2026, 3, 1), "draft")

    assert comparison_rounds(session, this) == [this, closed]


def test_the_responses_frame_holds_completed_answers_in_the_builders_columns(
    session: Session,
) -> None:
    survey_round = _round(session, make_authority(session), date(2026, 3, 1), "open")
    make_answered_response(session, survey_round, answers={"feel_safe": "always"})
    make_answered_response(session, survey_round, answers={"feel_safe": "never"}, completed=False)

    frame = responses_frame(session, [survey_round])

    assert list(frame.columns) == list(col.RESPONSE_COLUMNS)
    assert frame[col.VALUE].tolist() == ["always"]
    assert frame[col.ROUND_ID].tolist() == [str(survey_round.id)]
    assert frame[col.LA_CODE].tolist() == [survey_round.local_authority.code]
    assert frame[col.PERIOD].tolist() == ["2026"]
    assert frame[col.COMPLETED].tolist() == [True]


def test_only_approved_quotes_reach_the_quotes_frame(session: Session) -> None:
    survey_round = _round(session, make_authority(session), date(2026, 3, 1), "open")
    officer = make_staff(session, local_authority=survey_round.local_authority)
    for words in ("Please keep my worker.", "My carer is called Sam.", "Not decided yet."):
        make_answered_response(session, survey_round, answers={"worries": words})
    queue = {item.answer.value: item for item in moderation_queue(session, survey_round)}
    decide(session, officer, queue["Please keep my worker."], "approve")
    decide(session, officer, queue["My carer is called Sam."], "reject")

    quotes = quotes_frame(session, survey_round)

    assert quotes[col.QUOTE_TEXT].tolist() == ["Please keep my worker."]
    assert quotes[col.REVIEW_STATE].tolist() == ["approved"]
    assert session.scalar(select(Answer).where(Answer.value == "Not decided yet.")) is not None
