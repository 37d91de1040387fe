"""Survey rounds: create, edit and move them through draft -> open -> closed -> archived.

What may change depends on the status (``EDITABLE``): a draft is free to change; an open round
keeps its instruments and opening date, because respondents are answering those versions; a
closed or archived round is fixed. Opening a round checks it is complete and pins the content
hash of every instrument version, so the wording respondents see can never drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.models import (
    LocalAuthority,
    RoundDenominator,
    RoundInstrument,
    StaffUser,
    SurveyRound,
)
from survey_app.services.audit import record_event
from survey_app.services.user_errors import N_, UserError, Words
from survey_app.services.welsh_review import unreviewed_welsh_versions

EDITABLE = {
    "draft": frozenset({"name", "opens_on", "closes_on", "instruments", "denominators"}),
    "open": frozenset({"name", "closes_on", "denominators"}),
    "closed": frozenset(),
    "archived": frozenset(),
}
NEXT_STATUS = {"draft": "open", "open": "closed", "closed": "archived"}
_STATUS_IN_SENTENCE = {
    "open": Words(N_("open")),
    "closed": Words(N_("closed")),
    "archived": Words(N_("archived")),
}


class RoundError(UserError):
    """A change the round's status or contents does not allow; ``field`` names the form field."""


@dataclass
class RoundDetails:
    """What an officer enters for a round; ``None`` means "not on the form, leave as it is"."""

    name: str | None = None
    opens_on: date | None = None
    closes_on: date | None = None
    instruments: list[str] | None = None
    denominators: dict[str, int] | None = None
    figures_on: date | None = None


def published_versions() -> dict[str, InstrumentVersion]:
    """Versions a round may use, keyed ``"<instrument>@v<N>"``, youngest band first."""
    return {version.key: version for version in load_catalogue().published()}


def rounds_for(session: Session, user: StaffUser) -> list[SurveyRound]:
    """The rounds ``user`` may see, newest opening date first."""
    query = select(SurveyRound).order_by(SurveyRound.opens_on.desc(), SurveyRound.id.desc())
    if not user.is_programme_admin:
        query = query.where(SurveyRound.local_authority_id == user.local_authority_id)
    return list(session.scalars(query))


def instrument_keys(survey_round: SurveyRound) -> list[str]:
    """The round's instrument versions as public keys."""
    return [f"{ri.instrument}@v{ri.version}" for ri in survey_round.instruments]


def create_round(
    session: Session, actor: StaffUser, authority: LocalAuthority, details: RoundDetails
) -> SurveyRound:
    """A new draft round for ``authority`` from complete ``details``."""
    survey_round = SurveyRound(
        local_authority=authority,
        status="draft",
        name="",
        opens_on=date.today(),
        closes_on=date.today(),
    )
    session.add(survey_round)
    _apply(survey_round, details)
    session.flush()
    _audit(session, actor, "round.created", survey_round)
    return survey_round


def update_round(
    session: Session, actor: StaffUser, survey_round: SurveyRound, details: RoundDetails
) -> None:
    """Apply ``details``; raises ``RoundError`` when a field the status fixes would change."""
    for name in _changed_fields(survey_round, details):
        if name not in EDITABLE[survey_round.status]:
            raise RoundError(
                N_("This cannot change while the round is %(status)s"),
                name,
                status=_STATUS_IN_SENTENCE[survey_round.status],
            )
    _apply(survey_round, details)
    session.flush()
    _audit(session, actor, "round.updated", survey_round)


def _changed_fields(survey_round: SurveyRound, details: RoundDetails) -> list[str]:
    current = {
        "name": survey_round.name,
        "opens_on": survey_round.opens_on,
        "closes_on": survey_round.closes_on,
        "instruments": sorted(instrument_keys(survey_round)),
        "denominators": {d.age_band: d.population for d in survey_round.denominators},
    }
    wanted = {
        "name": details.name,
        "opens_on": details.opens_on,
        "closes_on": details.closes_on,
        "instruments": sorted(details.instruments) if details.instruments is not None else None,
        "denominators": details.denominators,
    }
    changed = [n for n, value in wanted.items() if value is not None and value != current[n]]
    if details.figures_on is not None and any(
        d.figures_on != details.figures_on for d in survey_round.denominators
    ):
        changed.append("denominators")
    return changed


def _apply(survey_round: SurveyRound, details: RoundDetails) -> None:
    opens_on = details.opens_on or survey_round.opens_on
    closes_on = details.closes_on or survey_round.closes_on
    if closes_on < opens_on:
        raise RoundError(
            N_("The closing date must be the same as or after the opening date"), "closes_on"
        )
    survey_round.name = details.name if details.name is not None else survey_round.name
    survey_round.opens_on, survey_round.closes_on = opens_on, closes_on
    if details.instruments is not None:
        _set_instruments(survey_round, details.instruments)
    if details.denominators is not None:
        _set_denominators(survey_round, details.denominators, details.figures_on)


def _set_instruments(survey_round: SurveyRound, keys: list[str]) -> None:
    versions = published_versions()
    unknown = [key for key in keys if key not in versions]
    if unknown:
        raise RoundError(N_("Select questionnaires from the list"), "instruments")
    chosen = [versions[key] for key in keys]
    if len({v.instrument for v in chosen}) != len(chosen):
        raise RoundError(N_("Select one version of each questionnaire"), "instruments")
    survey_round.instruments = [
        RoundInstrument(instrument=v.instrument, version=v.version) for v in chosen
    ]


def _set_denominators(
    survey_round: SurveyRound, populations: dict[str, int], figures_on: date | None
) -> None:
    if any(count < 0 for count in populations.values()):
        raise RoundError(N_("Numbers of children cannot be negative"), "denominators")
    if not populations:
        survey_round.denominators = []
        return
    if figures_on is None:
        raise RoundError(N_("Enter the date of the figures"), "figures_on")
    existing = {d.age_band: d for d in survey_round.denominators}
    kept = []
    for band, count in populations.items():
        row = existing.get(band) or RoundDenominator(
            age_band=band, population=count, figures_on=figures_on
        )
        row.population, row.figures_on = count, figures_on
        kept.append(row)
    survey_round.denominators = kept


def advance_round(
    session: Session,
    actor: StaffUser,
    survey_round: SurveyRound,
    today: date,
    welsh_confirmed: bool = False,
) -> str:
    """Move the round to its next status and return it; opening checks and pins it first.

    Opening a round that would offer Welsh no Welsh speaker has reviewed needs
    ``welsh_confirmed`` (the officer ticked the box saying they know); the audit records it.
    """
    target = NEXT_STATUS.get(survey_round.status)
    if target is None:
        raise RoundError(N_("An archived round cannot change"))
    unreviewed = unreviewed_welsh_versions(survey_round) if target == "open" else []
    if target == "open":
        _check_ready_to_open(survey_round, today)
        _check_welsh_confirmed(unreviewed, welsh_confirmed)
        _pin_content(survey_round)
    survey_round.status = target
    session.flush()
    detail = ", ".join(
        f"{ri.instrument}@v{ri.version}={ri.content_hash}" for ri in survey_round.instruments
    )
    if unreviewed:
        detail += "; unreviewed Welsh confirmed: " + ", ".join(v.key for v in unreviewed)
    _audit(session, actor, f"round.{target}", survey_round, detail if target == "open" else "")
    return target


def _check_welsh_confirmed(unreviewed: list[InstrumentVersion], confirmed: bool) -> None:
    if unreviewed and not confirmed:
        raise RoundError(
            N_(
                "Confirm that you want to offer Welsh that a Welsh speaker has not checked, "
                "or ask for the questionnaires to be reviewed first"
            ),
            "welsh_confirmed",
        )


def _check_ready_to_open(survey_round: SurveyRound, today: date) -> None:
    if not survey_round.instruments:
        raise RoundError(
            N_("Select at least one questionnaire before opening the round"), "instruments"
        )
    counted = {d.age_band for d in survey_round.denominators}
    if any(ri.instrument not in counted for ri in survey_round.instruments):
        raise RoundError(
            N_("Enter the number of children for every questionnaire before opening the round"),
            "denominators",
        )
    if survey_round.closes_on < today:
        raise RoundError(
            N_("The closing date has passed: change it before opening the round"), "closes_on"
        )


def _pin_content(survey_round: SurveyRound) -> None:
    versions = published_versions()
    for pinned in survey_round.instruments:
        pinned.content_hash = versions[f"{pinned.instrument}@v{pinned.version}"].content_hash


def _audit(
    session: Session, actor: StaffUser, action: str, survey_round: SurveyRound, detail: str = ""
) -> None:
    record_event(
        session,
        actor,
        action,
        subject=f"round {survey_round.id}: {survey_round.name}",
        authority_id=survey_round.local_authority_id,
        detail=detail,
    )
