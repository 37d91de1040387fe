"""Safeguarding alert tests: an authority with contacts, a local SMTP server, and a sender.

Respondents' answers go through the real services (``start_response`` with an access code, then
``save_answer``), so an alert is raised exactly as in the journey.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import AccessCode, SafeguardingAlert, StaffUser, SurveyRound
from survey_app.services.audit import now_utc
from survey_app.services.responses import save_answer, start_response
from survey_app.services.safeguarding_outbox import CycleReport, SenderSettings, run_cycle
from survey_app.services.safeguarding_settings import SafeguardingDetails, save_settings
from survey_app.services.smtp_mailer import SmtpMailer, parse_smtp_url
from tests.factories import make_access_code, make_round, make_staff
from tests.integration.auth.staff_client import sign_in
from tests.support.smtp import Inbox, SmtpServer

CONTACTS = ("dsl@council.example", "duty.team@council.example")
WORRYING = "I want to kill myself because of Sam at Oakfield"
BASE_URL = "https://voices.example.org"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(Inbox()).start()
    yield server
    server.stop()


@pytest.fixture
def officer(session: Session) -> StaffUser:
    user = make_staff(session, email="officer@council.example")
    save_settings(session, user, user.local_authority, SafeguardingDetails(CONTACTS, (), 24))
    session.commit()
    return user


@pytest.fixture
def survey_round(session: Session, officer: StaffUser) -> SurveyRound:
    made = make_round(session, officer.local_authority)
    session.commit()
    return made


@pytest.fixture
def code(session: Session, survey_round: SurveyRound) -> AccessCode:
    made, _clear = make_access_code(session, survey_round, label="Oakfield House")
    session.commit()
    return made


@pytest.fixture
def officer_client(client: FlaskClient, officer: StaffUser) -> FlaskClient:
    sign_in(client, officer)
    return client


def answer_worries(
    session: Session, survey_round: SurveyRound, code: AccessCode | None, text: str = WORRYING
) -> SafeguardingAlert | None:
    """A child answers the free-text question ``worries``; the alert it raised, if any."""
    version = load_catalogue().get("cic-8-10@v1")
    response = start_response(
        session,
        survey_round.id,
        version,
        mode="online",
        language="en",
        access_code_id=code.id if code else None,
    )
    save_answer(session, response, version.item("worries"), text)
    session.commit()
    return session.scalars(
        select(SafeguardingAlert)
        .where(SafeguardingAlert.round_id == survey_round.id)
        .order_by(SafeguardingAlert.id.desc())
    ).first()


def sender_settings(app: Flask) -> SenderSettings:
    """The settings the command builds, with links under ``BASE_URL``."""
    adapter = app.url_map.bind("voices.example.org", url_scheme="https")
    return SenderSettings(
        sender="Care Voices <alerts@voices.example.org>",
        link=lambda alert: adapter.build(
            "admin.alert", {"round_id": alert.round_id, "alert_id": alert.id}, force_external=True
        ),
    )


def send_cycle(
    app: Flask, session: Session, server: SmtpServer | str, at: datetime | None = None
) -> CycleReport:
    """One sender cycle through ``server`` (or an ``SMTP_URL``), at ``at`` (default: now)."""
    url = server if isinstance(server, str) else server.url
    mailer = SmtpMailer(parse_smtp_url(url))
    return run_cycle(session, mailer, sender_settings(app), now=lambda: at or now_utc())
