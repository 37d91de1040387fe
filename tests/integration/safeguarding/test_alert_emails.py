"""A flagged answer queues an alert with the answer, and one sender cycle emails the contacts.

The email links to the alert and says which code batch; it never holds the answer's words.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import (
    AccessCode,
    Answer,
    AuditEvent,
    SafeguardingAlert,
    SafeguardingEmail,
    SurveyRound,
)
from survey_app.services.audit import now_utc
from survey_app.services.responses import save_answer
from survey_app.services.safeguarding_outbox import FIRST_RETRY
from tests.factories import make_access_code, make_authority, make_round, make_staff
from tests.integration.respond.conftest import post
from tests.integration.safeguarding.conftest import (
    CONTACTS,
    WORRYING,
    answer_worries,
    send_cycle,
)
from tests.support.smtp import SmtpServer, free_port


def test_a_flagged_answer_emails_the_contacts_once_in_one_cycle_without_its_words(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None

    report = send_cycle(app, session, smtp_server)

    assert report.counts == {"sent": 1}
    [email] = smtp_server.inbox.received
    assert sorted(email.recipients) == sorted(CONTACTS)
    body = email.text
    assert f"https://voices.example.org/admin/rounds/{survey_round.id}/alerts/{alert.id}" in body
    assert "Code batch: Oakfield House" in body
    for fragment in ("kill", "Sam", "myself", WORRYING):
        assert fragment not in body
        assert fragment not in str(email.message["Subject"])
    assert send_cycle(app, session, smtp_server).counts == {}
    assert len(smtp_server.inbox.received) == 1


def test_the_alert_is_queued_with_the_answer_in_one_transaction(
    session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    answer = session.get_one(Answer, alert.answer_id)
    assert answer.is_flagged
    kinds = {e.kind: e.status for e in alert.emails}
    assert kinds == {"alert": "queued", "escalation": "queued"}


def test_worrying_words_typed_online_queue_the_same_alert_as_on_paper(
    client: FlaskClient, session: Session, survey_round: SurveyRound
) -> None:
    """The online journey saves through the page's plain facts, not the ORM's response: the
    alert still names the round, the code's batch and the authority, with both emails."""
    _made, clear = make_access_code(
        session, survey_round, label="Oakfield House", audience="cic-8-10"
    )
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")
    post(client, "/q/worries", {"answer": WORRYING})
    session.expire_all()
    alert = session.scalars(select(SafeguardingAlert)).one()
    assert (alert.round_id, alert.batch_label) == (survey_round.id, "Oakfield House")
    assert session.get_one(Answer, alert.answer_id).is_flagged
    assert sorted(email.kind for email in alert.emails) == ["alert", "escalation"]
    raised = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "safeguarding.alert_raised")
    ).one()
    assert raised.local_authority_id == survey_round.local_authority_id


def test_an_answer_that_suggests_no_risk_raises_no_alert(
    session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    assert answer_worries(session, survey_round, code, "More trips to the seaside") is None
    assert session.scalars(select(SafeguardingEmail)).all() == []


def test_saving_the_same_flagged_answer_again_raises_no_second_alert(
    session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    assert alert.answer is not None
    item = load_catalogue().get("cic-8-10@v1").item("worries")
    save_answer(session, alert.answer.response, item, WORRYING + " really")
    session.commit()
    assert len(session.scalars(select(SafeguardingAlert)).all()) == 1


def test_a_refused_send_is_retried_after_a_back_off_and_then_sent_once(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    answer_worries(session, survey_round, code)
    nobody_listening = f"smtp://127.0.0.1:{free_port()}?starttls=false"

    assert send_cycle(app, session, nobody_listening).counts == {"failed": 1}
    email = session.scalars(
        select(SafeguardingEmail).where(SafeguardingEmail.kind == "alert")
    ).one()
    assert email.last_error == "ConnectionRefusedError"
    assert email.not_before > now_utc() + FIRST_RETRY - timedelta(seconds=5)
    assert send_cycle(app, session, smtp_server).counts == {}

    later = now_utc() + FIRST_RETRY + timedelta(seconds=1)
    assert send_cycle(app, session, smtp_server, at=later).counts == {"sent": 1}
    assert len(smtp_server.inbox.received) == 1
    actions = session.scalars(
        select(AuditEvent.action).where(AuditEvent.action.like("safeguarding.email%"))
    ).all()
    assert sorted(actions) == ["safeguarding.email_failed", "safeguarding.email_sent"]


def test_an_authority_without_contacts_is_alerted_through_its_officers(
    app: Flask, session: Session, smtp_server: SmtpServer
) -> None:
    authority = make_authority(session)
    make_staff(session, local_authority=authority, email="officer.two@elsewhere.example")
    make_staff(session, "service_lead", local_authority=authority, email="lead@elsewhere.example")
    survey_round = make_round(session, authority)
    session.commit()
    answer_worries(session, survey_round, None)

    assert send_cycle(app, session, smtp_server).counts == {"sent": 1}
    [email] = smtp_server.inbox.received
    assert email.recipients == ("officer.two@elsewhere.example",)
    assert "Code batch: none" in email.text


def test_a_welsh_authority_is_written_to_in_welsh_then_english(
    app: Flask, session: Session, smtp_server: SmtpServer
) -> None:
    authority = make_authority(session, nation="wales")
    make_staff(session, local_authority=authority)
    survey_round = make_round(session, authority)
    session.commit()
    answer_worries(session, survey_round, None)

    send_cycle(app, session, smtp_server)
    [email] = smtp_server.inbox.received
    assert str(email.message["Subject"]).startswith("Rhybudd diogelu")
    assert email.text.index("Swp codau") < email.text.index("Code batch")
