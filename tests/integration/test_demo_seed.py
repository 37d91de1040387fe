"""``flask demo seed`` gives a newcomer a working authority, round, code and logins."""

import json

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import (
    LocalAuthority,
    ModerationDecision,
    Response,
    StaffUser,
    SurveyRound,
)
from survey_app.services.code_facts import code_facts_by_text
from survey_app.services.demo_reports import DEMO_BATCHES
from survey_app.services.monitoring import monitor_round
from survey_app.services.passwords import verify_password

# Slow: every test runs the whole demo seed; left out of `make test-fast`, run by `make test`.
pytestmark = pytest.mark.slow


def test_seed_prints_a_json_last_line_with_a_working_code_and_logins(
    app: Flask, session: Session
) -> None:
    result = app.test_cli_runner().invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    seed = json.loads(result.output.strip().splitlines()[-1])
    code = code_facts_by_text(session, seed["access_code"])
    assert code is not None
    assert code.round.status == "open"
    assert {login["role"] for login in seed["staff"]} == {
        "programme_admin",
        "participation_officer",
        "service_lead",
    }
    for login in seed["staff"]:
        user = session.scalar(select(StaffUser).where(StaffUser.email == login["email"]))
        assert verify_password(user.password_hash, login["password"])


def test_seed_if_empty_leaves_an_existing_database_alone(app: Flask, session: Session) -> None:
    runner = app.test_cli_runner()
    runner.invoke(args=["demo", "seed"])
    again = runner.invoke(args=["demo", "seed", "--if-empty"])
    assert again.exit_code == 0
    assert session.scalar(select(func.count()).select_from(LocalAuthority)) == 4
    assert session.scalar(select(func.count()).select_from(SurveyRound)) == 9


def test_seed_without_if_empty_refuses_a_database_with_data(app: Flask, session: Session) -> None:
    runner = app.test_cli_runner()
    runner.invoke(args=["demo", "seed"])
    again = runner.invoke(args=["demo", "seed"])
    assert again.exit_code == 1
    assert "already has data" in again.output


def test_seed_gives_four_authorities_a_previous_and_a_current_round_and_one_a_third_for_trends(
    app: Flask, session: Session
) -> None:
    app.test_cli_runner().invoke(args=["demo", "seed"])

    completed_query = (
        select(Response.round_id, func.count())
        .where(Response.status == "completed")
        .group_by(Response.round_id)
    )
    completed = dict(session.execute(completed_query).all())
    earlier_rounds = 0
    for authority in session.scalars(select(LocalAuthority)):
        query = select(SurveyRound).where(SurveyRound.local_authority_id == authority.id)
        *earlier, previous, current = session.scalars(query.order_by(SurveyRound.opens_on)).all()
        earlier_rounds += len(earlier)
        assert all(r.status == "closed" and completed[r.id] > 0 for r in earlier), authority.name
        assert previous.status == "closed", authority.name
        assert completed[previous.id] > 0, authority.name
        assert completed[current.id] > 0, authority.name
    assert earlier_rounds == 1, "one authority has three rounds, so its report shows a trend"
    assert min(completed.values()) < 30, "one small authority, so suppression shows"
    approved = select(func.count()).where(ModerationDecision.decision == "approved")
    assert session.scalar(approved) > 0


def test_seed_answers_the_previous_rounds_in_version_1_and_the_current_ones_in_version_2(
    app: Flask, session: Session
) -> None:
    # So a newcomer's first report compares with last year only where an indicator's
    # definition held from version 1 to version 2, and says "not comparable" elsewhere.
    app.test_cli_runner().invoke(args=["demo", "seed"])
    for authority in session.scalars(select(LocalAuthority)):
        query = select(SurveyRound).where(SurveyRound.local_authority_id == authority.id)
        *_earlier, previous, current = session.scalars(query.order_by(SurveyRound.opens_on)).all()
        assert {ri.version for ri in previous.instruments} == {1}, authority.name
        assert {ri.version for ri in current.instruments} == {2}, authority.name
        for survey_round, version in ((previous, 1), (current, 2)):
            answered = select(Response.version).where(Response.round_id == survey_round.id)
            assert set(session.scalars(answered)) == {version}, authority.name


def test_the_demo_monitoring_counts_agree_no_code_means_paper(app: Flask, session: Session) -> None:
    """Online demo answers come through code batches, so "No code (paper)" counts only paper."""
    app.test_cli_runner().invoke(args=["demo", "seed"])

    for survey_round in session.scalars(select(SurveyRound)):
        figures = monitor_round(session, survey_round)
        without_code = dict(figures.by_label).get(None, 0)
        assert without_code == dict(figures.by_mode).get("paper", 0), survey_round.name
        if survey_round.status == "open":
            assert {label for label, _n in figures.by_label} >= set(DEMO_BATCHES)
