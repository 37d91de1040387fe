"""Getting a respondent from an access code to the right instrument version of an open round.

A code admits its round only while the round is open and the code is not revoked. The round's
pinned instrument versions are then narrowed by the code's audience (when the officer issued it
for one instrument or one audience), by "in care now or left care", and by age band.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.models import SurveyRound
from survey_app.services.access_codes import normalise_code
from survey_app.services.code_facts import CodeFacts, code_facts_by_id, code_facts_by_text
from survey_app.services.response_facts import RoundFacts

REFUSAL_REASONS = ("unknown", "revoked", "closed")


class EntryRefusedError(Exception):
    """The code cannot start a survey; ``reason`` is one of ``REFUSAL_REASONS``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class EntryStep:
    """What the entry journey asks next: ``"care"``, ``"age"`` or ``"welcome"`` (with a version)."""

    name: str
    choices: tuple[InstrumentVersion, ...] = ()
    version: InstrumentVersion | None = None


def round_is_open(survey_round: SurveyRound | RoundFacts, today: date | None = None) -> bool:
    """True while the round is open and today is inside its dates."""
    today = today or date.today()
    return (
        survey_round.status == "open" and survey_round.opens_on <= today <= survey_round.closes_on
    )


def admit_code(session: Session, raw: str) -> CodeFacts:
    """The access code for ``raw`` (case and spacing forgiven); raises ``EntryRefusedError``."""
    code = code_facts_by_text(session, raw) if normalise_code(raw) else None
    return check_code(code)


def admitted_code(session: Session, code_id: int | None) -> CodeFacts:
    """Re-check the code remembered in the session; raises ``EntryRefusedError``."""
    code = code_facts_by_id(session, code_id) if code_id else None
    return check_code(code)


def check_code(code: CodeFacts | None) -> CodeFacts:
    """Return ``code`` when it may start a survey now; raises ``EntryRefusedError`` otherwise."""
    if code is None:
        raise EntryRefusedError("unknown")
    if code.is_revoked:
        raise EntryRefusedError("revoked")
    if not round_is_open(code.round):
        raise EntryRefusedError("closed")
    return code


def offered_versions(code: CodeFacts) -> tuple[InstrumentVersion, ...]:
    """The round's pinned versions this code may start, youngest band first.

    A version whose pinned content hash differs from the catalogue is never offered: answers
    must always match the exact wording the round fixed.
    """
    catalogue = load_catalogue()
    found = []
    for key, content_hash in code.pinned.items():
        version = catalogue.versions.get(key)
        if version is None or content_hash not in (None, version.content_hash):
            continue
        if code.audience in (None, version.instrument, version.audience):
            found.append(version)
    return tuple(sorted(found, key=lambda v: (v.age_min, v.instrument)))


def next_step(
    versions: tuple[InstrumentVersion, ...], audience: str | None, instrument: str | None
) -> EntryStep:
    """Decide the next entry question from what the respondent has chosen so far.

    Raises ``EntryRefusedError("closed")`` when the code offers no version at all.
    """
    if not versions:
        raise EntryRefusedError("closed")
    chosen = [v for v in versions if v.instrument == instrument]
    if chosen:
        return EntryStep("welcome", version=chosen[0])
    audiences = tuple(dict.fromkeys(v.audience for v in versions))
    if audience not in audiences:
        if len(audiences) > 1:
            return EntryStep("care", choices=versions)
        audience = audiences[0]
    band = tuple(v for v in versions if v.audience == audience)
    if len(band) == 1:
        return EntryStep("welcome", version=band[0])
    return EntryStep("age", choices=band)
