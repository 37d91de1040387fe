"""A sender killed mid-batch loses no email, and a second copy comes only from the known window.

The sender runs as the real command (``flask --app wsgi safeguarding send``) in a child process,
sending five alerts. The test SMTP server holds the third message at a chosen step, and the
test SIGKILLs the sender there, so nothing gets to clean up:

- held at ``RCPT``, before the server accepted the message: once the lease has run out, the
  next sender sends it; every alert arrives exactly once;
- held after ``DATA``, when the server has the whole message but has not said "accepted": no
  sender can know it arrived, so the next one sends it again, with the same Message-ID. This
  is the at-least-once window of docs/safeguarding.md, and it is the only second copy.

Two live senders at once (threads, each with its own connection) never send the same email:
PostgreSQL's ``FOR UPDATE SKIP LOCKED`` and SQLite's one-statement claim each give a row to one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.extensions import db
from survey_app.models import AccessCode, SafeguardingEmail, SurveyRound
from survey_app.services.audit import now_utc
from survey_app.services.safeguarding_outbox import LEASE, run_cycle
from survey_app.services.smtp_mailer import SmtpMailer, parse_smtp_url
from tests.integration.safeguarding.conftest import (
    BASE_URL,
    answer_worries,
    send_cycle,
    sender_settings,
)
from tests.support.smtp import Inbox, SmtpServer

# Slow: the sender runs, and is killed, as a child process: not in `make test-fast`.
pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[3]
ALERTS = 5
HELD = 3


def _start_sender(app: Flask, server: SmtpServer, *options: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CARE_VOICES_ENV": "test",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SMTP_URL": server.url,
        "PUBLIC_BASE_URL": BASE_URL,
    }
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "safeguarding", "send", *options]
    return subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _kill_at_hold(sender: subprocess.Popen[bytes], inbox: Inbox) -> None:
    deadline = time.monotonic() + 90
    while not inbox.reached_hold.wait(0.1):
        assert sender.poll() is None, sender.stderr.read().decode() if sender.stderr else ""
        assert time.monotonic() < deadline, "the sender never reached the held message"
    sender.send_signal(signal.SIGKILL)
    sender.communicate(timeout=30)
    inbox.release.set()


def _alert_emails(session: Session) -> list[SafeguardingEmail]:
    session.expire_all()
    return list(
        session.scalars(
            select(SafeguardingEmail)
            .where(SafeguardingEmail.kind == "alert")
            .order_by(SafeguardingEmail.id)
        )
    )


@pytest.mark.parametrize(("hold_at", "copies_of_held"), [("RCPT", 1), ("DATA", 2)])
def test_a_killed_sender_resumes_without_loss_or_duplicates_outside_the_window(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    hold_at: str,
    copies_of_held: int,
) -> None:
    for _ in range(ALERTS):
        answer_worries(session, survey_round, code)
    server = SmtpServer(Inbox(hold_at=hold_at, hold_number=HELD)).start()
    try:
        _kill_at_hold(_start_sender(app, server), server.inbox)
        emails = _alert_emails(session)
        assert [e.status for e in emails] == ["sent"] * (HELD - 1) + ["queued"] * 3
        in_flight = emails[HELD - 1]
        assert in_flight.claimed_until is not None
        assert in_flight.message_id is not None

        assert send_cycle(app, session, server).counts == {"sent": ALERTS - HELD}
        after_lease = now_utc() + LEASE + timedelta(seconds=1)
        assert send_cycle(app, session, server, at=after_lease).counts == {"sent": 1}
    finally:
        server.stop()

    emails = _alert_emails(session)
    assert {e.status for e in emails} == {"sent"}
    copies = Counter(received.message_id for received in server.inbox.received)
    assert set(copies) == {e.message_id for e in emails}
    assert copies.pop(in_flight.message_id) == copies_of_held
    assert set(copies.values()) == {1}


def test_the_worker_loop_sends_alerts_as_they_come_and_stops_cleanly_on_sigterm(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    worker = _start_sender(app, smtp_server, "--loop", "--interval", "1")
    try:
        answer_worries(session, survey_round, code)
        smtp_server.inbox.wait_for(1, timeout=90)
        answer_worries(session, survey_round, code)
        smtp_server.inbox.wait_for(2)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)

    assert worker.returncode == 0
    assert {e.status for e in _alert_emails(session)} == {"sent"}


class SlowMailer(SmtpMailer):
    """Takes a moment over each send, so two senders are busy at the same time."""

    def send(self, message: EmailMessage) -> list[str]:
        time.sleep(0.05)
        return super().send(message)


def test_two_senders_at_once_never_send_the_same_email(
    app: Flask,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
    smtp_server: SmtpServer,
) -> None:
    for _ in range(8):
        answer_worries(session, survey_round, code)
    mailer = SlowMailer(parse_smtp_url(smtp_server.url))
    settings, engine = sender_settings(app), db.engine
    reports = []

    def sender() -> None:
        with Session(engine) as own:
            reports.append(run_cycle(own, mailer, settings))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(r.counts.get("sent", 0) for r in reports) == 8
    assert all(r.counts.get("sent", 0) for r in reports), "both senders should have sent some"
    copies = Counter(received.message_id for received in smtp_server.inbox.received)
    assert len(copies) == 8
    assert set(copies.values()) == {1}
