""" "You said, we will": the actions an authority writes for each age group of a round.

An officer writes a short list per age group (one action a line); saving replaces the group's
list, so what children see is always exactly what was last agreed. Every save is audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from questionnaires import Catalogue
from report_builder.report.indicator_results import age_band_label
from survey_app.models import StaffUser, SurveyRound, YouSaidAction
from survey_app.services.audit import record_event

MAX_ACTIONS = 6
MAX_LENGTH = 300
"""Short enough to read aloud to a child and to fit one printed page per age group."""


class ActionError(ValueError):
    """Actions that cannot be saved as written; the message is for the officer."""

    def __init__(self, message: object) -> None:
        super().__init__(message)
        self.message = message


def round_bands(survey_round: SurveyRound) -> list[str]:
    """The age groups (instrument ids) a round asked, in the round's order."""
    return [pinned.instrument for pinned in survey_round.instruments]


def band_labels(catalogue: Catalogue, survey_round: SurveyRound, language: str) -> dict[str, str]:
    """Each age group's label in ``language`` ("Ages 8 to 10"), from the pinned versions."""
    return {
        pinned.instrument: age_band_label(
            catalogue.get(f"{pinned.instrument}@v{pinned.version}"),
            language,  # type: ignore[arg-type] ("en" or "cy")
        )
        for pinned in survey_round.instruments
    }


def actions_by_band(session: Session, survey_round: SurveyRound) -> dict[str, list[str]]:
    """Every age group of the round with its actions in order (empty when none written)."""
    query = (
        select(YouSaidAction.age_band, YouSaidAction.text)
        .where(YouSaidAction.round_id == survey_round.id)
        .order_by(YouSaidAction.age_band, YouSaidAction.position)
    )
    found: dict[str, list[str]] = {band: [] for band in round_bands(survey_round)}
    for band, text in session.execute(query):
        found.setdefault(band, []).append(text)
    return found


def clean_actions(lines: Iterable[str]) -> list[str]:
    """The actions in ``lines`` without blank lines or outer spaces; ActionError when there
    are too many or one is too long."""
    actions = [" ".join(line.split()) for line in lines if line.strip()]
    if len(actions) > MAX_ACTIONS:
        raise ActionError(_l("Write %(max)s actions or fewer", max=MAX_ACTIONS))
    if any(len(action) > MAX_LENGTH for action in actions):
        raise ActionError(_l("Each action must be %(max)s characters or fewer", max=MAX_LENGTH))
    return actions


def save_actions(
    session: Session, user: StaffUser, survey_round: SurveyRound, band: str, lines: Iterable[str]
) -> list[YouSaidAction]:
    """Replace the age group's actions with ``lines`` (one action each) and audit it; flush.

    Raises ActionError for too many or too long actions, ValueError for a band the round
    did not ask.
    """
    if band not in round_bands(survey_round):
        raise ValueError(f"round {survey_round.id} has no age group {band!r}")
    actions = clean_actions(lines)
    # Delete first, in SQL, so the new rows can take the same positions.
    session.execute(
        delete(YouSaidAction).where(
            YouSaidAction.round_id == survey_round.id, YouSaidAction.age_band == band
        )
    )
    rows = [
        YouSaidAction(
            round_id=survey_round.id,
            age_band=band,
            position=position,
            text=text,
            written_by_id=user.id,
            written_on=date.today(),
        )
        for position, text in enumerate(actions, start=1)
    ]
    session.add_all(rows)
    session.flush()
    record_event(
        session,
        user,
        "you_said.saved",
        subject=f"round {survey_round.id}: {band}",
        authority_id=survey_round.local_authority_id,
        detail=f"{len(rows)} actions",
    )
    return rows
