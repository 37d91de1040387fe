"""The report specifications share one seeded demo per module: building it costs seconds.

``demo`` runs the real ``flask demo seed`` (four authorities, two rounds each, synthetic
answers and moderated quotes) once per module and database, sets every demo account up with
the factories' authenticator secret, and empties every table after the module. Tests in these
modules sign in with ``staff_client`` and must not use the ``session`` or ``client`` fixtures,
which empty the tables after every test.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import LocalAuthority, StaffUser, SurveyRound
from tests.factories import enrol_all_staff
from tests.integration.auth.staff_client import sign_in

ADMIN = "admin@demo.care-voices.test"
OFFICER = "officer@demo.care-voices.test"
LEAD = "lead@demo.care-voices.test"
DEMO_CODE = "E09000999"
SMALL_CODE = "E06000999"


@dataclass(frozen=True)
class Demo:
    """The seeded demo: its logins and the rounds the specifications read."""

    passwords: dict[str, str]
    current_round_id: int
    previous_round_id: int
    small_round_id: int
    other_round_id: int


@pytest.fixture(scope="module")
def demo(app: Flask) -> Iterator[Demo]:
    # No app context stays pushed during the tests: requests must get their own (g, session).
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["demo", "seed"])
        assert result.exit_code == 0, result.output
        seed = json.loads(result.output.strip().splitlines()[-1])
        enrol_all_staff(db.session)
        db.session.commit()
        seeded = Demo(
            passwords={login["email"]: login["password"] for login in seed["staff"]},
            current_round_id=seed["round_id"],
            previous_round_id=_round_of(DEMO_CODE, status="closed"),
            small_round_id=_latest_round_of(SMALL_CODE),
            other_round_id=_latest_round_of("E08000999"),
        )
    yield seeded
    with app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()


def _round_of(code: str, status: str) -> int:
    """The authority's latest round in ``status`` (the demo authority has two closed ones)."""
    query = (
        select(SurveyRound.id)
        .join(LocalAuthority)
        .where(LocalAuthority.code == code, SurveyRound.status == status)
        .order_by(SurveyRound.opens_on.desc())
    )
    return db.session.scalars(query).first()


def _latest_round_of(code: str) -> int:
    query = (
        select(SurveyRound.id)
        .join(LocalAuthority)
        .where(LocalAuthority.code == code)
        .order_by(SurveyRound.opens_on.desc())
    )
    return db.session.scalars(query).first()


@pytest.fixture(scope="module")
def signed_in_sessions(app: Flask, demo: Demo) -> dict[str, FlaskClient]:
    """One real sign-in per account and module; ``staff_client`` hands out copies of it.

    Signing the same account in afresh for every test would spend a new authenticator code
    each time, and only three are valid in any half minute.
    """
    return {}


@pytest.fixture
def staff_client(
    app: Flask, demo: Demo, signed_in_sessions: dict[str, FlaskClient]
) -> Callable[[str], FlaskClient]:
    """A new client signed in as the staff user with ``email`` (demo logins use their
    passphrase, others the factories' default password)."""

    def signed_in(email: str) -> FlaskClient:
        if email not in signed_in_sessions:
            signed_in_sessions[email] = _sign_in(app, demo, email)
        return _copy(app, signed_in_sessions[email])

    return signed_in


def _sign_in(app: Flask, demo: Demo, email: str) -> FlaskClient:
    client = app.test_client()
    with app.app_context():
        user = db.session.scalars(select(StaffUser).where(StaffUser.email == email)).one()
        password = demo.passwords.get(email)
    response = sign_in(client, user, password) if password else sign_in(client, user)
    assert response.status_code == 302, "sign-in failed"
    return client


def _copy(app: Flask, original: FlaskClient) -> FlaskClient:
    """A client with ``original``'s session cookie and address (sessions are address-bound)."""
    client = app.test_client()
    client.environ_base.update(original.environ_base)
    name = app.config["SESSION_COOKIE_NAME"]
    client.set_cookie(name, original.get_cookie(name).value)
    return client
