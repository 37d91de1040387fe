"""``flask demo seed`` gives a newcomer a working authority, round, code and logins."""

import json

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import LocalAuthority, StaffUser, SurveyRound
from survey_app.services.access_codes import find_access_code
from survey_app.services.passwords import verify_password


def test_seed_prints_a_json_last_line_with_a_working_code_and_logins(
    app: Flask, session: Session
) -> None:
    result = app.test_cli_runner().invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    seed = json.loads(result.output.strip().splitlines()[-1])
    code = find_access_code(session, seed["access_code"])
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
    assert session.scalar(select(func.count()).select_from(LocalAuthority)) == 1
    assert session.scalar(select(func.count()).select_from(SurveyRound)) == 1


def test_seed_without_if_empty_refuses_a_database_with_data(app: Flask, session: Session) -> None:
    runner = app.test_cli_runner()
    runner.invoke(args=["demo", "seed"])
    again = runner.invoke(args=["demo", "seed"])
    assert again.exit_code == 1
    assert "already has data" in again.output
