"""What the entry pages read of an access code, as plain values from one Core statement.

Each entry page (the code, "in care or left care", the age band, welcome) re-checks the code the
session remembers and reads which questionnaires its round offers, in which languages. Loading
the ORM's code with its round, authority and pinned versions cost the entry pages about as much
as rendering them (``docs/scaling.md``), so they read these plain facts instead. A typed code
and a remembered one are read by the same statement, so every refusal costs the same one query
and its timing tells a guesser nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, bindparam, cast, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, LocalAuthority, RoundInstrument, SurveyRound
from survey_app.models.authority import language_codes
from survey_app.services.access_codes import hash_code
from survey_app.services.json_objects import json_object_of
from survey_app.services.response_facts import RoundFacts, table_of

_CODES, _ROUNDS, _AUTHORITIES, _PINNED = (
    table_of(model) for model in (AccessCode, SurveyRound, LocalAuthority, RoundInstrument)
)


@dataclass(frozen=True)
class CodeFacts:
    """An access code as the entry pages see it."""

    id: int
    round_id: int
    authority_id: int
    audience: str | None
    is_revoked: bool
    round: RoundFacts
    pinned: Mapping[str, str | None]
    """Each questionnaire the round uses, by version key (``instrument@vN``), with the content
    hash pinned when the round opened (None until then)."""
    language_codes: tuple[str, ...]
    """The languages the round's local authority offers respondents."""


_FACTS = (
    select(
        _CODES.c.id,
        _CODES.c.round_id,
        _ROUNDS.c.local_authority_id,
        _CODES.c.audience,
        _CODES.c.is_revoked,
        _ROUNDS.c.status,
        _ROUNDS.c.opens_on,
        _ROUNDS.c.closes_on,
        _AUTHORITIES.c.languages,
        select(
            json_object_of(
                _PINNED.c.instrument + "@v" + cast(_PINNED.c.version, String),
                _PINNED.c.content_hash,
            )
        )
        .where(_PINNED.c.round_id == _CODES.c.round_id)
        .scalar_subquery()
        .label("pinned"),
    )
    .join(_ROUNDS, _ROUNDS.c.id == _CODES.c.round_id)
    .join(_AUTHORITIES, _AUTHORITIES.c.id == _ROUNDS.c.local_authority_id)
)
_BY_ID = _FACTS.where(_CODES.c.id == bindparam("code_id"))
_BY_HASH = _FACTS.where(_CODES.c.code_hash == bindparam("code_hash"))


def code_facts_by_id(session: Session, code_id: int) -> CodeFacts | None:
    """The facts of the code with row id ``code_id`` (remembered in the session), or None."""
    row = session.connection().execute(_BY_ID, {"code_id": code_id}).one_or_none()
    return _facts(row) if row else None


def code_facts_by_text(session: Session, raw: str) -> CodeFacts | None:
    """The facts of the code a respondent typed or followed (case and spacing forgiven), or None."""
    row = session.connection().execute(_BY_HASH, {"code_hash": hash_code(raw)}).one_or_none()
    return _facts(row) if row else None


def _facts(row: Row[*tuple[Any, ...]]) -> CodeFacts:
    return CodeFacts(
        id=row.id,
        round_id=row.round_id,
        authority_id=row.local_authority_id,
        audience=row.audience,
        is_revoked=row.is_revoked,
        round=RoundFacts(row.status, row.opens_on, row.closes_on),
        pinned=dict(row.pinned or {}),
        language_codes=language_codes(row.languages),
    )
