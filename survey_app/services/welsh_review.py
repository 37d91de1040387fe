"""Which questionnaires a round would offer in Welsh that no Welsh speaker has reviewed.

A questionnaire's Welsh is offered to respondents whenever it is complete and the authority
offers Welsh. Until a Welsh speaker has reviewed it (``translation_review: {cy: reviewed}`` in
its file), its status is machine translated or awaiting review, and children could meet wording
nobody has checked. Officers see that status when they pick questionnaires, and must confirm it
before they open such a round (``rounds.advance_round``).
"""

from __future__ import annotations

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.models import SurveyRound


def welsh_unreviewed(version: InstrumentVersion) -> bool:
    """True when ``version`` offers Welsh that a Welsh speaker has not reviewed."""
    return "cy" in version.complete_languages() and not version.translation_reviewed("cy")


def unreviewed_welsh_versions(survey_round: SurveyRound) -> list[InstrumentVersion]:
    """The round's versions whose unreviewed Welsh respondents would be offered.

    Empty when the round's authority does not offer Welsh: English-only rounds need no
    confirmation.
    """
    if "cy" not in survey_round.local_authority.language_codes:
        return []
    catalogue = load_catalogue()
    pinned = (
        catalogue.versions.get(f"{ri.instrument}@v{ri.version}") for ri in survey_round.instruments
    )
    return [version for version in pinned if version is not None and welsh_unreviewed(version)]
