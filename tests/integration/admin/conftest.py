"""Staff tool tests share the sign-in tests' fixtures, and an officer with a round of their own.

A module that needs a round set up differently defines its own ``survey_round`` fixture.
"""

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.models import StaffUser, SurveyRound
from tests.factories import make_round, make_staff
from tests.integration.auth.staff_client import sign_in


@pytest.fixture
def officer(session: Session) -> StaffUser:
    user = make_staff(session)
    session.commit()
    return user


@pytest.fixture
def survey_round(session: Session, officer: StaffUser) -> SurveyRound:
    made = make_round(session, officer.local_authority)
    session.commit()
    return made


@pytest.fixture
def officer_client(client: FlaskClient, officer: StaffUser) -> FlaskClient:
    sign_in(client, officer)
    return client
