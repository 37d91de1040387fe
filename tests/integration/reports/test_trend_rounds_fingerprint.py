"""A report's trends read every earlier closed round of its authority, so the cached report
must be rebuilt when any of them changes, not only when the previous round does."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import Response, SurveyRound
from survey_app.services.cached_reports import round_report_key
from tests.factories import ALL_INSTRUMENTS, make_answered_response, make_authority, make_round

pytestmark = pytest.mark.xdist_group("reports")


def _rounds_of_three_years(session: Session) -> tuple[SurveyRound, SurveyRound]:
    """An authority's earliest closed round, then a previous closed one, then this round;
    each with answers. Returns the earliest and this round."""
    authority = make_authority(session)
    rounds = [
        make_round(
            session,
            authority,
            instruments=ALL_INSTRUMENTS,
            opens_on=date(year, 3, 1),
            closes_on=date(year, 3, 28),
            status="closed",
        )
        for year in (2024, 2025, 2026)
    ]
    for survey_round in rounds:
        for answer in ("always", "never"):
            make_answered_response(session, survey_round, answers={"feel_safe": answer})
    return rounds[0], rounds[-1]


def test_a_response_removed_from_an_earlier_round_of_the_trends_invalidates_the_report(
    session: Session,
) -> None:
    earliest, this_round = _rounds_of_three_years(session)
    before = round_report_key(session, this_round, "en")

    removed = session.scalars(select(Response).where(Response.round_id == earliest.id)).first()
    session.delete(removed)
    session.flush()

    assert round_report_key(session, this_round, "en") != before
