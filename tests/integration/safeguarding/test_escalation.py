"""An alert nobody handles escalates once, after the authority's delay, to its officers."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, StaffUser, SurveyRound
from survey_app.services.audit import now_utc
from survey_app.services.safeguarding_alerts import handle_alert
from survey_app.services.safeguarding_outbox import claim_next, deliver
from survey_app.services.safeguarding_settings import SafeguardingDetails, save_settings
from survey_app.services.smtp_mailer import SmtpMailer, parse_smtp_url
from tests.integration.safeguarding.conftest import (
    CONTACTS,
    answer_worries,
    send_cycle,
    sender_settings,
)
from tests.support.smtp import SmtpServer

HANDLED = "No action: not a disclosure"


def test_an_unhandled_alert_escalates_once_to_the_officers_after_the_delay(
    app: Flask,
    session: Session,
    officer: StaffUser,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    answer_worries(session, survey_round, code)
    start = now_utc()
    assert send_cycle(app, session, smtp_server, at=start).counts == {"sent": 1}
    assert send_cycle(app, session, smtp_server, at=start + timedelta(hours=23)).counts == {}

    due = start + timedelta(hours=24, minutes=1)
    assert send_cycle(app, session, smtp_server, at=due).counts == {"sent": 1}
    assert send_cycle(app, session, smtp_server, at=due + timedelta(days=3)).counts == {}

    first, escalation = smtp_server.inbox.received
    assert sorted(first.recipients) == sorted(CONTACTS)
    assert escalation.recipients == (officer.email,)
    assert str(escalation.message["Subject"]).startswith("Not handled yet")
    assert "within 24 hours" in escalation.text
    assert "kill" not in escalation.text


def test_a_handled_alert_never_escalates(
    app: Flask,
    session: Session,
    officer: StaffUser,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    send_cycle(app, session, smtp_server)
    handle_alert(session, officer, alert, HANDLED, "", [HANDLED])
    session.commit()

    later = now_utc() + timedelta(days=2)
    assert send_cycle(app, session, smtp_server, at=later).counts == {}
    assert len(smtp_server.inbox.received) == 1


def test_the_authoritys_own_delay_decides_when_an_alert_escalates(
    app: Flask,
    session: Session,
    officer: StaffUser,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    details = SafeguardingDetails(CONTACTS, (), escalation_hours=2)
    save_settings(session, officer, survey_round.local_authority, details)
    session.commit()
    answer_worries(session, survey_round, code)
    start = now_utc()
    send_cycle(app, session, smtp_server, at=start)

    assert send_cycle(app, session, smtp_server, at=start + timedelta(hours=1)).counts == {}
    due = start + timedelta(hours=2, minutes=1)
    assert send_cycle(app, session, smtp_server, at=due).counts == {"sent": 1}


def test_an_escalation_already_claimed_when_the_alert_is_handled_is_cancelled_not_sent(
    app: Flask,
    session: Session,
    officer: StaffUser,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    send_cycle(app, session, smtp_server)
    due = now_utc() + timedelta(hours=25)
    escalation = claim_next(session, "a-sender", due, "voices.example.org")
    session.commit()
    assert escalation is not None
    assert escalation.kind == "escalation"
    handle_alert(session, officer, alert, HANDLED, "", [HANDLED])
    session.commit()

    mailer = SmtpMailer(parse_smtp_url(smtp_server.url))
    outcome = deliver(session, escalation, "a-sender", mailer, sender_settings(app))
    session.commit()

    assert outcome == "cancelled"
    assert len(smtp_server.inbox.received) == 1
