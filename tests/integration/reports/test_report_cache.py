"""A round's report is stored per round and language, and rebuilt only when what it is made
from changes: responses, moderation, actions, the round, the benchmarks or the code."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from report_builder.report.model import Report
from survey_app.models import Response, SurveyRound, YouSaidAction
from survey_app.services import report_fingerprint
from survey_app.services.branding import BrandingChange, save_branding
from survey_app.services.cached_reports import cached_round_report, round_report_key
from survey_app.services.moderation import decide, moderation_queue
from survey_app.services.paper_entry import correct_paper_response
from survey_app.services.report_cache import CacheKey, ReportCache
from survey_app.services.reporting import NoResponsesError
from tests.factories import (
    ALL_INSTRUMENTS,
    make_answered_response,
    make_authority,
    make_round,
    make_staff,
)

pytestmark = pytest.mark.xdist_group("reports")


@pytest.fixture
def cache(tmp_path: Path) -> ReportCache:
    return ReportCache(tmp_path / "report-cache", b"test secret")


@pytest.fixture
def answered_round(session: Session) -> SurveyRound:
    survey_round = make_round(session, make_authority(session), instruments=ALL_INSTRUMENTS)
    for words in ("More days out please.", "My carer listens."):
        make_answered_response(session, survey_round, answers={"worries": words})
    make_answered_response(session, survey_round, answers={"feel_safe": "always"})
    survey_round.status = "closed"
    session.flush()
    return survey_round


def _key(session: Session, survey_round: SurveyRound, language: str = "en") -> CacheKey:
    return round_report_key(session, survey_round, language)


def _counting(cache: ReportCache, session: Session) -> Callable[[SurveyRound], int]:
    """Ask ``cache`` for a round's report; returns how many builds it has taken so far."""
    builds: list[CacheKey] = []

    def build_count(survey_round: SurveyRound) -> int:
        key = _key(session, survey_round)

        def build() -> Report:
            builds.append(key)
            return Report.__new__(Report)  # The cache stores whatever it is given.

        cache.report(key, build)
        return len(builds)

    return build_count


def test_a_closed_rounds_report_is_built_once_and_then_read_from_the_cache(
    app: Flask, session: Session, answered_round: SurveyRound, cache: ReportCache
) -> None:
    catalogue = load_catalogue()

    first_key, first = cached_round_report(session, catalogue, cache, answered_round, "en")
    second_key, second = cached_round_report(session, catalogue, cache, answered_round, "en")

    assert first_key == second_key
    assert second == first
    assert [p.suffix for p in cache.folder.iterdir()] == [".model"]


def test_each_language_has_its_own_entry(
    session: Session, answered_round: SurveyRound, cache: ReportCache
) -> None:
    assert _key(session, answered_round, "en") != _key(session, answered_round, "cy")


def test_a_newly_completed_response_invalidates_the_report(
    session: Session, answered_round: SurveyRound, cache: ReportCache
) -> None:
    builds = _counting(cache, session)
    assert builds(answered_round) == builds(answered_round) == 1

    make_answered_response(session, answered_round, answers={"feel_safe": "never"})

    assert builds(answered_round) == 2


def test_a_response_still_in_progress_does_not_invalidate_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    before = _key(session, answered_round)

    make_answered_response(session, answered_round, completed=False)

    assert _key(session, answered_round) == before


def test_correcting_a_keyed_paper_answer_in_an_open_round_invalidates_the_report(
    session: Session,
) -> None:
    survey_round = make_round(session, instruments=ALL_INSTRUMENTS)
    keyed = make_answered_response(
        session, survey_round, answers={"feel_safe": "always"}, mode="paper"
    )
    officer = make_staff(session, local_authority=survey_round.local_authority)
    before = _key(session, survey_round)

    version = load_catalogue().get("cic-8-10@v1")
    correct_paper_response(session, officer, keyed, version, {"feel_safe": "never"})

    assert _key(session, survey_round) != before


def test_a_deleted_response_invalidates_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    before = _key(session, answered_round)

    first = session.scalars(select(Response).where(Response.round_id == answered_round.id)).first()
    session.delete(first)
    session.flush()

    assert _key(session, answered_round) != before


def test_approving_or_rejecting_a_quote_invalidates_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    officer = make_staff(session, local_authority=answered_round.local_authority)
    queue = {item.answer.value: item for item in moderation_queue(session, answered_round)}
    before = _key(session, answered_round)

    decide(session, officer, queue["More days out please."], "approve")
    approved = _key(session, answered_round)
    decide(session, officer, queue["My carer listens."], "reject")

    assert len({before, approved}) == 2
    # A rejection adds no quote: the report is the same, so its entry still stands.
    assert _key(session, answered_round) == approved


def test_adding_or_changing_an_action_invalidates_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    before = _key(session, answered_round)
    action = YouSaidAction(
        round=answered_round,
        age_band="cic-8-10",
        position=1,
        text="More days out.",
        written_on=date(2026, 1, 10),
    )
    session.add(action)
    session.flush()
    added = _key(session, answered_round)
    action.text = "More days out, chosen by you."
    session.flush()

    assert len({before, added, _key(session, answered_round)}) == 3


def test_closing_the_round_or_changing_its_denominators_invalidates_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    answered_round.status = "open"
    session.flush()
    open_key = _key(session, answered_round)

    answered_round.status = "closed"
    session.flush()
    closed_key = _key(session, answered_round)
    answered_round.denominators[0].population += 1
    session.flush()

    assert len({open_key, closed_key, _key(session, answered_round)}) == 3


def test_another_authority_closing_a_round_of_the_same_year_invalidates_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    before = _key(session, answered_round)
    other = make_round(
        session,
        make_authority(session),
        opens_on=answered_round.opens_on,
        closes_on=answered_round.closes_on,
        status="closed",
    )
    make_answered_response(session, other)

    assert _key(session, answered_round) != before


def test_new_benchmarks_or_new_code_invalidate_the_report(
    session: Session, answered_round: SurveyRound, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _key(session, answered_round)

    monkeypatch.setattr(report_fingerprint, "benchmarks_digest", lambda: "other benchmarks")
    new_benchmarks = _key(session, answered_round)
    monkeypatch.setattr(report_fingerprint, "code_version", lambda: "next release")

    assert len({before, new_benchmarks, _key(session, answered_round)}) == 3


def test_the_benchmark_digest_follows_the_benchmark_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    figures = report_fingerprint.national_benchmarks().copy()
    before = report_fingerprint.benchmarks_digest()
    figures.loc[figures.index[0], "value_pct"] += 1
    monkeypatch.setattr(report_fingerprint, "national_benchmarks", lambda: figures)
    report_fingerprint.benchmarks_digest.cache_clear()

    try:
        assert report_fingerprint.benchmarks_digest() != before
    finally:
        report_fingerprint.benchmarks_digest.cache_clear()


def test_a_round_with_no_completed_response_stores_nothing(
    app: Flask, session: Session, cache: ReportCache
) -> None:
    empty = make_round(session, instruments=ALL_INSTRUMENTS, opens_on=date(2026, 1, 5))

    with pytest.raises(NoResponsesError):
        cached_round_report(session, load_catalogue(), cache, empty, "en")

    assert not cache.folder.exists() or not any(cache.folder.iterdir())


def test_changing_the_authoritys_logo_or_colour_invalidates_the_report(
    session: Session, answered_round: SurveyRound
) -> None:
    officer = make_staff(session, local_authority=answered_round.local_authority)
    authority = answered_round.local_authority
    before = _key(session, answered_round)
    save_branding(session, officer, authority, BrandingChange(None, False, "#12436d"))
    coloured = _key(session, answered_round)
    save_branding(session, officer, authority, BrandingChange(_logo(), False, "#12436d"))
    with_logo = _key(session, answered_round)
    save_branding(session, officer, authority, BrandingChange(_logo("#8a1538"), False, "#12436d"))

    assert len({before, coloured, with_logo, _key(session, answered_round)}) == 4


def _logo(colour: str = "#0b0c0c") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 32), colour).save(out, format="PNG")
    return out.getvalue()
