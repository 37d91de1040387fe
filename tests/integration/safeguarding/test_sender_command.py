"""``flask safeguarding send``: sends with ``SMTP_URL``; without it, development only logs.

In production, waiting emails with no mail server are an error (exit status 1), so the
scheduler or monitoring that runs the command notices.
"""

from __future__ import annotations

import logging

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, SafeguardingEmail, SurveyRound
from tests.integration.safeguarding.conftest import WORRYING, answer_worries
from tests.support.smtp import SmtpServer


@pytest.fixture
def mail_config(app: Flask, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The app's mail settings, put back as they were after the test."""
    for key in ("SMTP_URL", "PUBLIC_BASE_URL", "CARE_VOICES_ENV"):
        monkeypatch.setitem(app.config, key, app.config.get(key))
    return app.config


def _statuses(session: Session) -> set[str]:
    session.expire_all()
    return set(session.scalars(select(SafeguardingEmail.status)))


def test_the_command_sends_each_alert_with_a_link_under_the_public_address(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
    mail_config: dict[str, object],
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    mail_config["SMTP_URL"] = smtp_server.url
    mail_config["PUBLIC_BASE_URL"] = "https://council.example/voices"

    result = app.test_cli_runner().invoke(args=["safeguarding", "send"])

    assert result.exit_code == 0, result.output
    assert "1 sent" in result.output
    [email] = smtp_server.inbox.received
    link = f"https://council.example/voices/admin/rounds/{survey_round.id}/alerts/{alert.id}"
    assert link in email.text


def test_without_smtp_url_development_logs_what_it_would_send_and_keeps_it_queued(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    mail_config: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    mail_config["SMTP_URL"] = None

    with caplog.at_level(logging.INFO, logger="care_voices.safeguarding"):
        result = app.test_cli_runner().invoke(args=["safeguarding", "send"])

    assert result.exit_code == 0, result.output
    logged = caplog.text
    assert f"would send the alert email of safeguarding alert {alert.id}" in logged
    assert WORRYING not in logged
    assert "kill" not in logged
    assert _statuses(session) == {"queued"}


def test_without_smtp_url_production_fails_while_emails_are_waiting(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    mail_config: dict[str, object],
) -> None:
    mail_config["SMTP_URL"] = None
    mail_config["CARE_VOICES_ENV"] = "production"
    runner = app.test_cli_runner()
    assert runner.invoke(args=["safeguarding", "send"]).exit_code == 0

    answer_worries(session, survey_round, code)
    result = runner.invoke(args=["safeguarding", "send"])

    assert result.exit_code == 1
    assert "SMTP_URL is not set" in result.output


@pytest.mark.parametrize(
    ("smtp_url", "base_url", "complaint"),
    [
        ("mailto:someone", "https://voices.example.org", "SMTP_URL must look like"),
        ("smtp://mail.example:99999", "https://voices.example.org", "port"),
        ("smtp://mail.example?starttls=maybe", "https://voices.example.org", "starttls"),
        ("smtp://mail.example", None, "PUBLIC_BASE_URL"),
        ("smtp://mail.example", "voices.example.org", "PUBLIC_BASE_URL"),
    ],
)
def test_mail_settings_that_cannot_work_are_a_clear_error(
    app: Flask,
    session: Session,
    mail_config: dict[str, object],
    smtp_url: str,
    base_url: str | None,
    complaint: str,
) -> None:
    mail_config["SMTP_URL"] = smtp_url
    mail_config["PUBLIC_BASE_URL"] = base_url

    result = app.test_cli_runner().invoke(args=["safeguarding", "send"])

    assert result.exit_code == 1
    assert complaint in result.output
