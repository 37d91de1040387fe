"""Demo answers for reports: four authorities, two rounds each (three for the demo authority),
written with bulk inserts.

A newcomer's first ``make run`` should show full reports, so the demo authority's open round
and three more demo authorities each get answers drawn by ``demo_data.synthetic`` with a
fixed seed (the same data every time), a closed previous round a year earlier, and moderated
free text: about half approved as quotes, some rejected, the rest left in the moderation queue.
The last authority is small, so suppression (``[c]``, ``[u]``) shows in its report. Rows are
written with one ``insert()`` per table rather than one ORM object per answer (a few seconds).
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from demo_data.synthetic import (
    SyntheticDesign,
    la_codes,
    round_id,
    synthetic_populations,
    synthetic_quotes,
    synthetic_responses,
)
from questionnaires import Catalogue
from report_builder.inputs import columns as col
from survey_app.models import (
    Answer,
    LocalAuthority,
    ModerationDecision,
    Response,
    RoundDenominator,
    RoundInstrument,
    StaffUser,
    SurveyRound,
)
from survey_app.services.access_codes import issue_access_code
from survey_app.services.audit import now_utc
from survey_app.services.demo import DEMO_STAFF, DemoSeed

SEED = 2026
PERIODS = ("previous", "current")
DEMO_AUTHORITIES = (
    ("Demo City Council", "E08000999", "england", "en"),
    ("Demo County Council", "W06000999", "wales", "en,cy"),
    ("Demo Small Borough Council", "E06000999", "england", "en"),
)
"""The demo authority comes first (its open round is the "current" one); the last is small."""
DESIGN = SyntheticDesign(
    n_las=4,
    periods=PERIODS,
    respondents=240.0,
    small_respondents=22.0,
    versions={"previous": 1, "current": 2},
)
"""The previous rounds were answered in questionnaire version 1 and the current ones in version
2, so a newcomer's first report shows trends only where an indicator's definition held."""
EARLIEST = "earliest"
EARLIEST_DESIGN = SyntheticDesign(
    n_las=1,
    periods=(EARLIEST,),
    respondents=240.0,
    small_respondents=240.0,
    versions={EARLIEST: 1},
)
"""A third, earliest round (two years before the current one, version 1) for the demo authority
alone, so its report shows a trend over three rounds. Drawn with its own seed after the rest,
so the other rounds' answers are the same as without it."""
_MODES = {"with_trusted_adult": "trusted_adult"}
DEMO_BATCHES = ("School visits", "Children's homes", "Care leavers' drop-in")
"""Code batch labels every demo round's online responses are spread over; none is a label the
tests make batches with, since a label can be used once per round."""
DECIDED = ("approved", "rejected")
"""Synthetic review states written as decisions; "pending" stays in the moderation queue."""


@dataclass(frozen=True)
class DemoReports:
    """What the report demo wrote: round ids with answers, and how many responses."""

    round_ids: tuple[int, ...]
    responses: int


def seed_demo_reports(session: Session, catalogue: Catalogue, seed: DemoSeed) -> DemoReports:
    """Add the report demo around the round ``seed_demo`` made (``seed``); flush.

    The demo participation officer is recorded as the moderator of the demo quotes.
    """
    demo_round = session.get_one(SurveyRound, seed.round_id)
    reviewer = session.scalar(select(StaffUser).where(StaffUser.email == DEMO_STAFF[1][0]))
    frame = synthetic_responses(catalogue, DESIGN, seed=SEED)
    rounds = _rounds(session, frame, demo_round)
    populations = synthetic_populations(frame, seed=SEED)
    # Response rates of about 23-55% (the demo round's own denominators would not match).
    for key, survey_round in rounds.items():
        _set_denominators(survey_round, populations[key])
    session.flush()
    batches = {r.id: _code_batches(session, r) for r in rounds.values()}
    response_ids = _insert_responses(session, frame, rounds, batches)
    _insert_answers(session, frame, response_ids, rounds, reviewer)
    earliest, earliest_responses = _seed_earliest_round(session, catalogue, demo_round, reviewer)
    ids = tuple(sorted([*(r.id for r in rounds.values()), earliest.id]))
    return DemoReports(round_ids=ids, responses=len(response_ids) + earliest_responses)


def _seed_earliest_round(
    session: Session, catalogue: Catalogue, demo_round: SurveyRound, reviewer: StaffUser | None
) -> tuple[SurveyRound, int]:
    """The demo authority's closed round two years before its open one, and how many
    responses it got."""
    frame = synthetic_responses(catalogue, EARLIEST_DESIGN, seed=SEED + 1)
    opens = demo_round.opens_on
    two_years_ago = opens.replace(year=opens.year - 2, day=min(opens.day, 28))
    key = round_id(la_codes(EARLIEST_DESIGN)[0], EARLIEST)
    earliest = _closed_round(
        demo_round.local_authority, two_years_ago, _pins(frame, EARLIEST), days=60
    )
    session.add(earliest)
    _set_denominators(earliest, synthetic_populations(frame, seed=SEED + 1)[key])
    session.flush()
    response_ids = _insert_responses(
        session, frame, {key: earliest}, {earliest.id: _code_batches(session, earliest)}
    )
    _insert_answers(session, frame, response_ids, {key: earliest}, reviewer)
    return earliest, len(response_ids)


def _rounds(
    session: Session, frame: pd.DataFrame, demo_round: SurveyRound
) -> dict[str, SurveyRound]:
    """Synthetic round id -> database round: a closed previous round for every authority,
    the demo's open round and a closed current round for the others."""
    authorities = [demo_round.local_authority, *(_authority(*a) for a in DEMO_AUTHORITIES)]
    session.add_all(authorities)
    previous, current = _pins(frame, "previous"), _pins(frame, "current")
    _check_demo_pins(demo_round, current)
    opens = demo_round.opens_on
    rounds = {}
    for code, authority in zip(la_codes(DESIGN), authorities, strict=True):
        last_year = opens.replace(year=opens.year - 1, day=min(opens.day, 28))
        rounds[round_id(code, "previous")] = _closed_round(authority, last_year, previous, days=60)
        rounds[round_id(code, "current")] = (
            demo_round
            if authority is demo_round.local_authority
            else _closed_round(authority, opens, current, days=max((date.today() - opens).days, 0))
        )
    session.add_all(rounds.values())
    return rounds


def _authority(name: str, code: str, nation: str, languages: str) -> LocalAuthority:
    return LocalAuthority(
        name=name,
        code=code,
        nation=nation,
        languages=languages,
        help_contact=f"{name} Children's Services: 0300 000 0000",
        advocacy_contact="Demo Advocacy Service: 0800 000 0000",
        safeguarding_procedure="Tell the duty social worker on 0300 000 0001 the same day.",
    )


def _pins(frame: pd.DataFrame, period: str) -> dict[str, tuple[int, str]]:
    """Instrument -> (version, content hash) the synthetic answers use in ``period``."""
    in_period = frame.loc[frame[col.PERIOD] == period]
    keys = in_period[[col.INSTRUMENT, col.VERSION, col.CONTENT_HASH]].drop_duplicates()
    return {str(i): (int(v), str(h)) for i, v, h in keys.itertuples(index=False)}


def _check_demo_pins(demo_round: SurveyRound, pins: dict[str, tuple[int, str]]) -> None:
    """Raise ValueError when the demo round pins other versions than the synthetic answers."""
    pinned = {p.instrument: (p.version, p.content_hash) for p in demo_round.instruments}
    if pinned != pins:
        raise ValueError(f"demo round pins {pinned}, synthetic answers use {pins}")


def _closed_round(
    authority: LocalAuthority, opens_on: date, pins: dict[str, tuple[int, str]], days: int
) -> SurveyRound:
    survey_round = SurveyRound(
        local_authority=authority,
        name=f"Demo round {opens_on.year}",
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=days),
        status="closed",
    )
    survey_round.instruments = [
        RoundInstrument(instrument=key, version=version, content_hash=content_hash)
        for key, (version, content_hash) in sorted(pins.items())
    ]
    return survey_round


def _set_denominators(survey_round: SurveyRound, populations: dict[str, int]) -> None:
    """Set each band's population in place (a band's row is unique per round)."""
    existing = {d.age_band: d for d in survey_round.denominators}
    figures_on = survey_round.opens_on.replace(day=1)
    for band, population in populations.items():
        if band in existing:
            existing[band].population = population
        else:
            survey_round.denominators.append(
                RoundDenominator(age_band=band, population=population, figures_on=figures_on)
            )


def _code_batches(session: Session, survey_round: SurveyRound) -> list[int]:
    """Ids of one code per demo batch label, for the round's online answers to come through."""
    return [issue_access_code(session, survey_round, label)[0].id for label in DEMO_BATCHES]


def _insert_responses(
    session: Session,
    frame: pd.DataFrame,
    rounds: dict[str, SurveyRound],
    batches: dict[int, list[int]],
) -> dict[int, int]:
    """Insert one response per synthetic respondent; synthetic id -> database id.

    Online answers come through one of the round's code batches, as they do in the app; paper
    questionnaires are keyed in without a code, so monitoring's "no code" row is the paper ones.
    """
    people = frame.drop_duplicates(col.RESPONSE_ID)
    rng = np.random.default_rng(SEED)
    rows = []
    for person in people.to_dict("records"):
        survey_round = rounds[str(person[col.ROUND_ID])]
        row = _response_row(person, survey_round, rng)
        row["access_code_id"] = (
            None if row["mode"] == "paper" else int(rng.choice(batches[survey_round.id]))
        )
        rows.append(row)
    statement = insert(Response).returning(Response.id, sort_by_parameter_order=True)
    ids = session.scalars(statement, rows).all()
    return dict(zip(people[col.RESPONSE_ID].tolist(), ids, strict=True))


def _response_row(
    person: dict[Hashable, Any], survey_round: SurveyRound, rng: np.random.Generator
) -> dict[str, object]:
    """A response's columns: a day within the round, never a time (R-DP-2)."""
    last_day = min(survey_round.closes_on, date.today())
    span = max((last_day - survey_round.opens_on).days, 0)
    day = survey_round.opens_on + timedelta(days=int(rng.integers(0, span + 1)))
    completed = bool(person[col.COMPLETED])
    return {
        "public_id": str(uuid.uuid4()),
        "round_id": survey_round.id,
        "instrument": str(person[col.INSTRUMENT]),
        "version": int(person[col.VERSION]),
        "content_hash": str(person[col.CONTENT_HASH]),
        "mode": _MODES.get(str(person[col.MODE]), str(person[col.MODE])),
        "language": str(person[col.LANGUAGE]),
        "status": "completed" if completed else "in_progress",
        "started_on": day,
        "completed_on": day if completed else None,
    }


def _insert_answers(
    session: Session,
    frame: pd.DataFrame,
    response_ids: dict[int, int],
    rounds: dict[str, SurveyRound],
    reviewer: StaffUser | None,
) -> None:
    """Insert every answer, then moderation decisions on the free text (pending ones left)."""
    quotes = synthetic_quotes(frame, seed=SEED)
    # The same rows ``synthetic_quotes`` drew from, in the same order.
    is_text = frame[col.VALUE].isin(set(quotes[col.QUOTE_TEXT]))
    plain, text = frame.loc[~is_text], frame.loc[is_text]
    session.execute(insert(Answer), _answer_rows(plain, response_ids))
    statement = insert(Answer).returning(Answer.id, sort_by_parameter_order=True)
    answer_ids = session.scalars(statement, _answer_rows(text, response_ids)).all()
    round_ids = text[col.ROUND_ID].astype(str).map({k: r.id for k, r in rounds.items()})
    decided_at = now_utc()
    decisions = [
        {
            "answer_id": answer_id,
            "round_id": int(db_round_id),
            "decision": state,
            "quote": value if state == "approved" else None,
            "is_redacted": False,
            "decided_by_id": reviewer.id if reviewer else None,
            "decided_at": decided_at,
        }
        for answer_id, db_round_id, state, value in zip(
            answer_ids,
            round_ids.tolist(),
            quotes[col.REVIEW_STATE].tolist(),
            text[col.VALUE].astype(str).tolist(),
            strict=True,
        )
        if state in DECIDED
    ]
    if decisions:
        session.execute(insert(ModerationDecision), decisions)


def _answer_rows(frame: pd.DataFrame, response_ids: dict[int, int]) -> list[dict[str, object]]:
    return [
        {"response_id": response_ids[rid], "item_id": str(item), "value": str(value)}
        for rid, item, value in zip(
            frame[col.RESPONSE_ID].tolist(),
            frame[col.ITEM_ID].tolist(),
            frame[col.VALUE].tolist(),
            strict=True,
        )
    ]
