"""A digest of everything a round's report is made from, so a stored report is used only while
all of it is unchanged.

A report is a pure function of: the round and its authority's settings (with its cover's logo
and colour); which rounds it is compared with (other authorities' closed rounds of the same
year, the previous round), the authority's earlier rounds its trends read, and their
denominators; the completed responses of all those rounds,
and, while the round is open, its answers (a keyed paper questionnaire can be corrected until
the round closes; a closed round's answers never change, so its response ids say which answers
are in); the approved quotes; the "you said, we will" actions; the national benchmarks; the
language; and the code and wording that turn these into pages and files. Any change to one of
them gives a new digest, so nothing needs to remember to clear the cache: an answer completed or
corrected, a quote approved, an action saved, a round closed, a benchmark file replaced or the
app upgraded each make the next request build afresh. A closed round's inputs stop changing, so
its report is built once. The database's identity is part of the digest too, so two databases
never share an entry.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

import questionnaires
import report_builder
from survey_app.models import Answer, Response, SurveyRound, YouSaidAction
from survey_app.services.branding import branding_for
from survey_app.services.moderation import approved_quotes
from survey_app.services.reporting import (
    comparison_rounds,
    earlier_rounds,
    national_benchmarks,
    previous_round,
    round_denominators,
)

REPORT_BUILDER = Path(next(iter(report_builder.__path__)))
QUESTIONNAIRES = Path(next(iter(questionnaires.__path__)))
# Found from this file rather than by importing ``survey_app``, which would import Flask.
SURVEY_APP = Path(__file__).resolve().parent.parent
CODE_FILES = (
    (REPORT_BUILDER, "**/*.py"),
    (REPORT_BUILDER, "benchmarks/*.csv"),
    (QUESTIONNAIRES, "instruments/**/*.yaml"),
    (SURVEY_APP, "services/reporting.py"),
    (SURVEY_APP, "reports/*.py"),
    (SURVEY_APP, "templates/reports/*.html"),
    (SURVEY_APP, "static/report-print.css"),
    (SURVEY_APP, "translations/*/LC_MESSAGES/*.mo"),
)
"""The code, wording and templates a report's pages and files are made with."""


def report_fingerprint(session: Session, survey_round: SurveyRound, language: str) -> str:
    """A hex digest that changes whenever the report of ``survey_round`` in ``language``
    could change."""
    digest = hashlib.sha256()
    for part in _parts(session, survey_round, language):
        digest.update(json.dumps(part, default=str, sort_keys=True).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _parts(session: Session, survey_round: SurveyRound, language: str) -> Iterable[object]:
    """Everything the report is made from, as JSON-able values, in a fixed order."""
    previous = previous_round(session, survey_round)
    compared = comparison_rounds(session, survey_round)
    # The trends read every earlier round of the authority (the previous one is the last).
    compared += [r for r in earlier_rounds(session, survey_round) if r not in compared]
    yield code_version(), benchmarks_digest(), language, database_identity(session)
    yield _authority(session, survey_round)
    yield [_round(r) for r in compared], previous.id if previous else None
    yield completed_response_ids(session, [r.id for r in compared])
    yield open_round_answers_digest(session, survey_round)
    yield approved_quotes(session, survey_round)
    yield _actions(session, survey_round)


def database_identity(session: Session) -> str:
    """The database the report is read from (its URL without the password): two databases
    sharing one instance folder, such as a copy for training, never share entries."""
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def _authority(session: Session, survey_round: SurveyRound) -> list[object]:
    """The authority's settings that reach a report, with its cover's logo and colour."""
    authority = survey_round.local_authority
    branding = branding_for(session, authority.id)
    logo = hashlib.sha256(branding.logo.png).hexdigest() if branding.logo else None
    return [
        authority.id,
        authority.code,
        authority.name,
        authority.minimum_response_rate,
        logo,
        branding.colour,
    ]


def _round(survey_round: SurveyRound) -> list[object]:
    """A round's own settings that reach a report."""
    return [
        survey_round.id,
        survey_round.local_authority_id,
        survey_round.name,
        survey_round.status,
        survey_round.opens_on,
        survey_round.closes_on,
        sorted(round_denominators(survey_round).items()),
    ]


def completed_response_ids(session: Session, round_ids: list[int]) -> list[list[int]]:
    """``[round id, response id]`` of every completed response of those rounds, in order.

    A completed response's answers can no longer change, so its id stands for them; the full
    list (not a count and a maximum) also sees one response deleted as another completes.
    """
    query = (
        select(Response.round_id, Response.id)
        .where(Response.round_id.in_(round_ids), Response.status == "completed")
        .order_by(Response.round_id, Response.id)
    )
    return [[round_id, response_id] for round_id, response_id in session.execute(query)]


def open_round_answers_digest(session: Session, survey_round: SurveyRound) -> str | None:
    """A digest of every answer of the round's completed responses while it is open (a paper
    correction changes answers in place); None once it is closed and they can no longer change.
    """
    if survey_round.status != "open":
        return None
    query = (
        select(Answer.id, Answer.item_id, Answer.value)
        .join(Response, Answer.response_id == Response.id)
        .where(Response.round_id == survey_round.id, Response.status == "completed")
        .order_by(Answer.id)
    )
    rows = [tuple(row) for row in session.execute(query)]
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def _actions(session: Session, survey_round: SurveyRound) -> list[list[object]]:
    """Every column of the round's "you said, we will" actions, whatever the table holds."""
    table = YouSaidAction.__table__
    query = select(table).where(table.c.round_id == survey_round.id).order_by(table.c.id)
    return [list(row) for row in session.execute(query)]


@functools.cache
def benchmarks_digest() -> str:
    """A digest of the national benchmarks this process reports with (read once per process,
    like the benchmarks themselves)."""
    hashed = pd.util.hash_pandas_object(national_benchmarks(), index=True)
    return hashlib.sha256(hashed.to_numpy().tobytes()).hexdigest()


@functools.cache
def code_version() -> str:
    """A digest of the report code, wording and templates this process runs, and the PDF
    engine's version: a new release never serves a report an older one built."""
    digest = hashlib.sha256(metadata.version("weasyprint").encode())
    for root, pattern in CODE_FILES:
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
