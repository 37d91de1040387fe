""" "You said, we will": reading the actions an authority wrote for each age group of a round.

Writing them (a plan line at a time) is ``action_plans``. At the next round, the previous
round's done actions are what children hear as "you said, we did".
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import Catalogue
from report_builder.report.indicator_results import age_band_label
from report_builder.report.wording import report_language
from survey_app.models import SurveyRound, YouSaidAction


def round_bands(survey_round: SurveyRound) -> list[str]:
    """The age groups (instrument ids) a round asked, in the round's order."""
    return [pinned.instrument for pinned in survey_round.instruments]


def band_labels(catalogue: Catalogue, survey_round: SurveyRound, language: str) -> dict[str, str]:
    """Each age group's label in ``language`` ("Ages 8 to 10"), from the pinned versions."""
    return {
        pinned.instrument: age_band_label(
            catalogue.get(f"{pinned.instrument}@v{pinned.version}"),
            report_language(language),
        )
        for pinned in survey_round.instruments
    }


def young_bands(catalogue: Catalogue, survey_round: SurveyRound) -> set[str]:
    """The round's age groups for children under 11, whose pages use the simplest words."""
    return {
        pinned.instrument
        for pinned in survey_round.instruments
        if catalogue.get(f"{pinned.instrument}@v{pinned.version}").age_max < 11
    }


def actions_by_band(session: Session, survey_round: SurveyRound) -> dict[str, list[YouSaidAction]]:
    """Every age group of the round with its actions in order (empty when none written)."""
    query = (
        select(YouSaidAction)
        .where(YouSaidAction.round_id == survey_round.id)
        .order_by(YouSaidAction.age_band, YouSaidAction.position)
    )
    found: dict[str, list[YouSaidAction]] = {band: [] for band in round_bands(survey_round)}
    for action in session.scalars(query):
        found.setdefault(action.age_band, []).append(action)
    return found


def round_before(session: Session, survey_round: SurveyRound) -> SurveyRound | None:
    """The same authority's round that opened last before ``survey_round``; None for a first
    round. Its done actions are what this round's children hear as "you said, we did"."""
    query = (
        select(SurveyRound)
        .where(SurveyRound.local_authority_id == survey_round.local_authority_id)
        .where(SurveyRound.opens_on < survey_round.opens_on)
        .order_by(SurveyRound.opens_on.desc(), SurveyRound.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def done_by_band(session: Session, survey_round: SurveyRound) -> dict[str, list[YouSaidAction]]:
    """The previous round's done actions for each age group of ``survey_round`` (empty lists
    for a first round or a group the previous round did not ask)."""
    before = round_before(session, survey_round)
    earlier = actions_by_band(session, before) if before else {}
    return {
        band: [action for action in earlier.get(band, []) if action.status == "done"]
        for band in round_bands(survey_round)
    }
