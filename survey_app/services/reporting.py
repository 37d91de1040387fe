"""From the database to reports: ORM rows -> the report builder's frames -> ``Report``.

``report_builder`` is pure pandas (CR-12, docs/architecture.md); this module is the
only place that reads answers for reports. It loads a report's rows with two ``select()``
queries (the rounds, then the answers of their completed responses), never one ORM object per
answer, and it hands the builder only approved quotes (``moderation.approved_quotes``), so free
text nobody approved cannot reach a report, chart or download.

A round's *period* is the year it opens. "Other areas" are the other authorities' latest
closed or archived rounds opening in the same year, and the previous round is the authority's
latest closed or archived round that opened before this one. Comparators come from closed rounds
only: an open round's figures move with every answer, so a report downloaded twice would
otherwise differ, and the difference would reveal another authority's newest answers.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from questionnaires import Catalogue
from report_builder.comparison.national_benchmarks import load_benchmarks
from report_builder.inputs import columns as col
from report_builder.report import headline
from report_builder.report.build import build_report
from report_builder.report.demographics import shown_total
from report_builder.report.model import ProgrammeView, Report
from report_builder.report.programme import build_programme_view
from report_builder.report.wording import report_language
from report_builder.statistics.estimates import whole_percent_of
from survey_app.models import Answer, LocalAuthority, Response, StaffUser, SurveyRound
from survey_app.services.audit import record_event
from survey_app.services.moderation import approved_quotes

REPORT_STATUSES = ("open", "closed", "archived")
"""Rounds that can have answers; a draft has none."""
CLOSED_STATUSES = ("closed", "archived")
"""Rounds whose answers can no longer change: the only ones a report compares with."""
PREVIOUS_STATUSES = CLOSED_STATUSES
HEADLINE_INDICATORS = headline.HEADLINE_INDICATORS
"""The programme view's indicators: every headline indicator of the reports' headline page."""

_ANSWER_COLUMNS = (
    col.RESPONSE_ID,
    "db_round_id",
    col.INSTRUMENT,
    col.VERSION,
    col.CONTENT_HASH,
    col.MODE,
    col.LANGUAGE,
    col.ITEM_ID,
    col.VALUE,
)


class NoResponsesError(LookupError):
    """The round has no completed responses yet, so there is nothing to report."""


def round_period(survey_round: SurveyRound) -> str:
    """The period a round is compared in: the year it opens, e.g. ``"2026"``."""
    return str(survey_round.opens_on.year)


def round_denominators(survey_round: SurveyRound) -> dict[str, int]:
    """Eligible children per instrument (the round's age bands), for response rates."""
    return {d.age_band: d.population for d in survey_round.denominators}


def completed_counts(session: Session, round_ids: Iterable[int]) -> dict[int, int]:
    """Completed responses per round id (rounds without any are left out)."""
    query = (
        select(Response.round_id, func.count())
        .where(Response.round_id.in_(list(round_ids)), Response.status == "completed")
        .group_by(Response.round_id)
    )
    return {round_id: count for round_id, count in session.execute(query)}  # noqa: C416 (rows)


def previous_round(session: Session, survey_round: SurveyRound) -> SurveyRound | None:
    """The authority's latest closed or archived round that opened before ``survey_round``
    and has completed responses; None for a first round."""
    query = (
        select(SurveyRound)
        .where(SurveyRound.local_authority_id == survey_round.local_authority_id)
        .where(SurveyRound.status.in_(PREVIOUS_STATUSES))
        .where(SurveyRound.opens_on < survey_round.opens_on)
        .order_by(SurveyRound.opens_on.desc(), SurveyRound.id.desc())
    )
    candidates = list(session.scalars(query))
    answered = completed_counts(session, [r.id for r in candidates])
    return next((r for r in candidates if r.id in answered), None)


def earlier_rounds(session: Session, survey_round: SurveyRound) -> list[SurveyRound]:
    """The authority's closed or archived rounds that opened before ``survey_round`` and have
    completed responses, oldest first: the rounds of its trends (the previous round is the
    last of them)."""
    query = (
        select(SurveyRound)
        .where(SurveyRound.local_authority_id == survey_round.local_authority_id)
        .where(SurveyRound.status.in_(PREVIOUS_STATUSES))
        .where(SurveyRound.opens_on < survey_round.opens_on)
        .order_by(SurveyRound.opens_on, SurveyRound.id)
    )
    candidates = list(session.scalars(query))
    answered = completed_counts(session, [r.id for r in candidates])
    return [r for r in candidates if r.id in answered]


def comparison_rounds(session: Session, survey_round: SurveyRound) -> list[SurveyRound]:
    """``survey_round`` and every other authority's latest closed round opening in the same year.

    One round per authority, so an authority that ran two rounds in a year is not counted
    twice among "other areas". Only closed or archived rounds, whose answers are final, so
    "other areas" never changes while another authority is still collecting answers.
    """
    year = survey_round.opens_on.year
    query = (
        select(SurveyRound)
        .options(selectinload(SurveyRound.local_authority))
        .where(SurveyRound.status.in_(CLOSED_STATUSES))
        .where(SurveyRound.local_authority_id != survey_round.local_authority_id)
        .where(SurveyRound.opens_on.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(SurveyRound.opens_on, SurveyRound.id)
    )
    latest = {r.local_authority_id: r for r in session.scalars(query)}
    return [survey_round, *latest.values()]


def responses_frame(session: Session, rounds: Sequence[SurveyRound]) -> pd.DataFrame:
    """The responses frame (``columns.RESPONSE_COLUMNS``) of the completed responses of
    ``rounds``: one row per answer, round ids as strings, authority codes and periods added
    from the rounds rather than joined into every row."""
    query = (
        select(
            Response.id,
            Response.round_id,
            Response.instrument,
            Response.version,
            Response.content_hash,
            Response.mode,
            Response.language,
            Answer.item_id,
            Answer.value,
        )
        .join(Answer, Answer.response_id == Response.id)
        .where(Response.round_id.in_([r.id for r in rounds]), Response.status == "completed")
        .order_by(Response.id, Answer.id)
    )
    frame = pd.DataFrame(session.execute(query).all(), columns=list(_ANSWER_COLUMNS))
    by_id = {r.id: r for r in rounds}
    round_ids = frame.pop("db_round_id")
    frame[col.ROUND_ID] = round_ids.map(str)
    frame[col.LA_CODE] = round_ids.map({i: r.local_authority.code for i, r in by_id.items()})
    frame[col.PERIOD] = round_ids.map({i: round_period(r) for i, r in by_id.items()})
    frame[col.COMPLETED] = True
    return frame[list(col.RESPONSE_COLUMNS)]


def quotes_frame(session: Session, survey_round: SurveyRound) -> pd.DataFrame:
    """The round's approved quotes as a quotes frame (``columns.QUOTE_COLUMNS``).

    ``approved_quotes`` gives the question and approved text only; the builder themes quotes
    by question and never reads the instrument, so that column is left empty.
    """
    quotes = approved_quotes(session, survey_round)
    return pd.DataFrame(
        {
            col.QUOTE_ID: [f"{n:06d}" for n in range(len(quotes))],
            col.LA_CODE: survey_round.local_authority.code,
            col.ROUND_ID: str(survey_round.id),
            col.INSTRUMENT: "",
            col.ITEM_ID: [item_id for item_id, _ in quotes],
            col.QUOTE_TEXT: [text for _, text in quotes],
            col.REVIEW_STATE: "approved",
        },
        columns=list(col.QUOTE_COLUMNS),
    )


def build_round_report(
    session: Session, catalogue: Catalogue, round_id: int, language: str = "en"
) -> Report:
    """The report of round ``round_id`` in ``language`` ("en" or "cy").

    Compared with other authorities' rounds of the same period and with the previous round,
    with cohort caveats against the authority's minimum response rate; an open round's figures
    are marked provisional (R-STAT-7).
    Raises LookupError for an unknown round and NoResponsesError when nothing is completed.
    """
    survey_round = session.get(SurveyRound, round_id)
    if survey_round is None:
        raise LookupError(f"no survey round {round_id}")
    earlier = earlier_rounds(session, survey_round)
    previous = earlier[-1] if earlier else None  # the same round ``previous_round`` finds
    rounds = comparison_rounds(session, survey_round) + earlier
    responses = responses_frame(session, rounds)
    if not (responses[col.ROUND_ID] == str(survey_round.id)).any():
        raise NoResponsesError(f"round {round_id} has no completed responses")
    return build_report(
        responses,
        catalogue,
        national_benchmarks(),
        la_code=survey_round.local_authority.code,
        round_id=str(survey_round.id),
        previous_round_id=str(previous.id) if previous else None,
        denominators=round_denominators(survey_round),
        quotes=quotes_frame(session, survey_round),
        language=report_language(language),
        la_name=survey_round.local_authority.name,
        generated_on=date.today(),
        previous_denominators=round_denominators(previous) if previous else None,
        minimum_response_rate=survey_round.local_authority.minimum_response_rate,
        is_provisional=survey_round.status == "open",
        earlier_rounds=[(str(r.id), round_period(r)) for r in earlier],
    )


@dataclass(frozen=True)
class RoundSummary:
    """A round on the reports list, with how many responses are completed."""

    survey_round: SurveyRound
    completed: int


def reportable_rounds(session: Session, user: StaffUser) -> list[RoundSummary]:
    """The non-draft rounds ``user`` may see, newest first, with completed counts."""
    query = (
        select(SurveyRound)
        .options(selectinload(SurveyRound.local_authority))
        .where(SurveyRound.status.in_(REPORT_STATUSES))
        .order_by(SurveyRound.opens_on.desc(), SurveyRound.id.desc())
    )
    if not user.is_programme_admin:
        query = query.where(SurveyRound.local_authority_id == user.local_authority_id)
    found = list(session.scalars(query))
    counts = completed_counts(session, [r.id for r in found])
    return [RoundSummary(r, counts.get(r.id, 0)) for r in found]


def record_download(
    session: Session, user: StaffUser, survey_round: SurveyRound, what: str, language: str
) -> None:
    """Audit a report download (``what``: pdf, zip, xlsx or a table's file name)."""
    record_event(
        session,
        user,
        "report.download",
        subject=f"round {survey_round.id}: {what}",
        authority_id=survey_round.local_authority_id,
        detail=f"language {language}",
    )


def latest_answered_rounds(session: Session) -> list[SurveyRound]:
    """Each authority's latest non-draft round with completed responses, by authority code."""
    query = (
        select(SurveyRound)
        .options(selectinload(SurveyRound.local_authority))
        .where(SurveyRound.status.in_(REPORT_STATUSES))
        .order_by(SurveyRound.opens_on, SurveyRound.id)
    )
    candidates = list(session.scalars(query))
    answered = completed_counts(session, [r.id for r in candidates])
    latest = {r.local_authority_id: r for r in candidates if r.id in answered}
    return sorted(latest.values(), key=lambda r: r.local_authority.code)


def programme_view(session: Session, catalogue: Catalogue) -> ProgrammeView:
    """Headline indicators across every authority's latest answered round (same suppression
    as the authorities' own reports, through ``build_programme_view``)."""
    rounds = latest_answered_rounds(session)
    if not rounds:
        return ProgrammeView(())
    responses = responses_frame(session, rounds)
    return build_programme_view(responses, catalogue, HEADLINE_INDICATORS)


@dataclass(frozen=True)
class ProgrammeRate:
    """One authority's latest answered round: how many took part, of how many could."""

    name: str
    period: str
    respondents: int | None
    population: int | None
    rate_percent: int | None


def programme_response_rates(session: Session) -> list[ProgrammeRate]:
    """Each authority's latest answered round with its completed responses and, where its
    denominators are set, its overall response rate. The total is hidden (None), and its rate
    with it, exactly when the authority's own report hides it (``shown_total``); the
    populations are the authority's own published figures, so this reveals nothing a report
    hides."""
    rounds = latest_answered_rounds(session)
    counts = completed_counts(session, [r.id for r in rounds])
    rates = []
    for survey_round in rounds:
        population = sum(round_denominators(survey_round).values()) or None
        taking_part = shown_total(counts[survey_round.id])
        rates.append(
            ProgrammeRate(
                name=survey_round.local_authority.name,
                period=round_period(survey_round),
                respondents=taking_part,
                population=population,
                rate_percent=_rate(taking_part, population),
            )
        )
    return rates


def _rate(respondents: int | None, population: int | None) -> int | None:
    """The whole-percent response rate, or None when the count is hidden or there is no
    population to divide by."""
    if respondents is None or not population:
        return None
    return whole_percent_of(respondents / population)


def authority_names(session: Session) -> dict[str, str]:
    """Every authority's name by code."""
    rows = session.execute(select(LocalAuthority.code, LocalAuthority.name))
    return {code: name for code, name in rows}  # noqa: C416 (rows, not pairs)


@functools.cache
def national_benchmarks() -> pd.DataFrame:
    """The national comparator table, read once per process (the builder never mutates it)."""
    return load_benchmarks()
