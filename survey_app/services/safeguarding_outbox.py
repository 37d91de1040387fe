"""Sending the queued safeguarding emails: claim one, send it, mark it sent, one at a time.

This is the one service that commits, because it is the caller: an email, once handed to the
mail server, cannot be rolled back, so each step must be durable before the next begins.

1. **Claim** the next due email in its own transaction: write a random ``claimed_by`` token,
   a lease (``claimed_until``, ``LEASE`` from now), one more attempt, and the ``message_id`` it
   will carry (kept from an earlier attempt, so every attempt carries the same one). PostgreSQL
   picks the row with ``SELECT ... FOR UPDATE SKIP LOCKED``, so two senders never wait on or
   take the same row; SQLite, which allows one writer at a time, claims it with one atomic
   ``UPDATE ... WHERE id = (the next due row) AND (still claimable)``.
2. **Send** it through the mail server.
3. **Mark** it sent (only if the token is still ours), and audit that, in one transaction; on a
   mail error, release it with a back-off (1, 2, 4 ... minutes, at most an hour).

Guarantees: an email leaves the queue only when marked sent after the server accepted it, so
none is lost. A sender that dies after claiming leaves a lease that runs out, and the email is
claimed again; if it died *after* the server accepted the message and *before* step 3
committed, the message goes again with the same Message-ID. That window (about the length of
one database commit) is the only way to get a second copy; see docs/safeguarding.md.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Protocol

from sqlalchemy import ColumnElement, Select, or_, select, update
from sqlalchemy.orm import Session

from survey_app.models import SafeguardingAlert, SafeguardingEmail
from survey_app.services.audit import now_utc, record_event
from survey_app.services.safeguarding_alerts import escalation_recipients
from survey_app.services.safeguarding_email import compose
from survey_app.services.safeguarding_settings import settings_for

LEASE = timedelta(minutes=10)
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
MAX_PER_CYCLE = 100
logger = logging.getLogger("care_voices.safeguarding")


class Mailer(Protocol):
    """Anything that can send an email: ``smtp_mailer.SmtpMailer``, or a test double."""

    def send(self, message: EmailMessage) -> list[str]:
        """Send ``message``; return refused recipients, raise if none accepted it."""
        ...


@dataclass(frozen=True)
class SenderSettings:
    """What every email needs besides its alert: the From address and the link to an alert."""

    sender: str
    link: Callable[[SafeguardingAlert], str]

    @property
    def domain(self) -> str:
        """The From address's domain, for Message-IDs."""
        return self.sender.rpartition("@")[2].strip(" >") or "localhost"


@dataclass
class CycleReport:
    """How many emails one cycle sent, failed to send (to retry later) or cancelled."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: str) -> None:
        """Count one email's outcome."""
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    @property
    def total(self) -> int:
        """How many emails the cycle dealt with, whatever the outcome."""
        return sum(self.counts.values())


def run_cycle(
    session: Session,
    mailer: Mailer,
    settings: SenderSettings,
    now: Callable[[], datetime] = now_utc,
    limit: int = MAX_PER_CYCLE,
    keep_going: Callable[[], bool] = lambda: True,
) -> CycleReport:
    """Send every due email (up to ``limit``), each claimed, sent and marked on its own.

    ``keep_going`` is asked before each claim, so a worker told to stop finishes the email in
    hand and claims no more.
    """
    token = secrets.token_hex(16)
    report = CycleReport()
    while report.total < limit and keep_going():
        email = claim_next(session, token, now(), settings.domain)
        session.commit()
        if email is None:
            break
        report.add(deliver(session, email, token, mailer, settings, now))
        session.commit()
    return report


def due_emails(session: Session, now: datetime) -> list[SafeguardingEmail]:
    """Emails that are due and not claimed by a live sender, oldest due first."""
    return list(session.scalars(_due(now)))


def claimable(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """Queued, due, and either never claimed or claimed by a sender whose lease ran out."""
    return (
        SafeguardingEmail.status == "queued",
        SafeguardingEmail.not_before <= now,
        or_(SafeguardingEmail.claimed_until.is_(None), SafeguardingEmail.claimed_until < now),
    )


def _due(now: datetime) -> Select[SafeguardingEmail]:
    return (
        select(SafeguardingEmail)
        .where(*claimable(now))
        .order_by(SafeguardingEmail.not_before, SafeguardingEmail.id)
    )


def claim_next(
    session: Session, token: str, now: datetime, domain: str
) -> SafeguardingEmail | None:
    """Claim the next due email for ``token`` until ``now + LEASE``; None when none is due."""
    if session.get_bind().dialect.name == "postgresql":
        email = session.scalar(_due(now).limit(1).with_for_update(skip_locked=True))
        if email is None:
            return None
        email.claimed_by, email.claimed_until = token, now + LEASE
        email.attempts += 1
    else:
        email = _claim_atomically(session, token, now)
        if email is None:
            return None
    email.message_id = email.message_id or make_msgid(
        idstring=f"alert{email.alert_id}.{email.kind}", domain=domain
    )
    session.flush()
    return email


def _claim_atomically(session: Session, token: str, now: datetime) -> SafeguardingEmail | None:
    next_due = _due(now).with_only_columns(SafeguardingEmail.id).limit(1).scalar_subquery()
    claimed_id = session.scalar(
        update(SafeguardingEmail)
        .where(SafeguardingEmail.id == next_due, *claimable(now))
        .values(
            claimed_by=token,
            claimed_until=now + LEASE,
            attempts=SafeguardingEmail.attempts + 1,
        )
        .returning(SafeguardingEmail.id)
        .execution_options(synchronize_session=False)
    )
    if claimed_id is None:
        return None
    return session.get_one(SafeguardingEmail, claimed_id, populate_existing=True)


def deliver(
    session: Session,
    email: SafeguardingEmail,
    token: str,
    mailer: Mailer,
    settings: SenderSettings,
    now: Callable[[], datetime] = now_utc,
) -> str:
    """Send one claimed email and record the outcome: ``sent``, ``failed`` or ``cancelled``."""
    alert = email.alert
    if email.kind == "escalation" and alert.handled_at is not None:
        _release(session, email, token, status="cancelled")
        return "cancelled"
    recipients = recipients_for(session, email)
    if not recipients:
        return _failed(session, email, token, "NoRecipients", now())
    hours = settings_for(session, alert.round.local_authority_id).escalation_hours
    message = compose(
        alert,
        email.kind,
        recipients,
        sender=settings.sender,
        message_id=email.message_id or "",
        link=settings.link,
        escalation_hours=hours,
    )
    try:
        refused = mailer.send(message)
    except Exception as error:  # smtplib's and socket errors, or any other: retry later
        return _failed(session, email, token, type(error).__name__, now())
    return mark_sent(session, email, token, len(recipients), refused, now())


def recipients_for(session: Session, email: SafeguardingEmail) -> list[str]:
    """The alert's contacts (or, if the authority named none, the escalation list), or the
    escalation list for an escalation."""
    authority_id = email.alert.round.local_authority_id
    if email.kind == "alert":
        contacts = list(settings_for(session, authority_id).contacts)
        if contacts:
            return contacts
    return escalation_recipients(session, authority_id)


def mark_sent(
    session: Session,
    email: SafeguardingEmail,
    token: str,
    recipients: int,
    refused: Sequence[str],
    now: datetime,
) -> str:
    """Mark ``email`` sent if ``token`` still holds it, and audit it; ``sent`` or ``lease_lost``."""
    marked = _release(
        session,
        email,
        token,
        status="sent",
        sent_at=now,
        recipient_count=recipients - len(refused),
        last_error=f"{len(refused)} refused" if refused else "",
    )
    if not marked:
        logger.warning("safeguarding email %s was taken over by another sender", email.id)
        return "lease_lost"
    _audit(session, email, "safeguarding.email_sent", f"to {recipients - len(refused)}")
    return "sent"


def _failed(
    session: Session, email: SafeguardingEmail, token: str, error: str, now: datetime
) -> str:
    """Release ``email`` for a later attempt, after the back-off, and audit the failure."""
    wait = min(FIRST_RETRY * 2 ** max(email.attempts - 1, 0), LONGEST_RETRY)
    _release(session, email, token, not_before=now + wait, last_error=error[:100])
    _audit(session, email, "safeguarding.email_failed", f"{error[:60]}, retry in {wait}")
    logger.warning("safeguarding email %s failed (%s), retry in %s", email.id, error, wait)
    return "failed"


def _release(session: Session, email: SafeguardingEmail, token: str, **values: object) -> bool:
    """Drop ``token``'s claim on ``email`` and set ``values``; False if the claim was lost."""
    result = session.execute(
        update(SafeguardingEmail)
        .where(SafeguardingEmail.id == email.id, SafeguardingEmail.claimed_by == token)
        .values(claimed_by=None, claimed_until=None, **values)
        .execution_options(synchronize_session=False)
    )
    session.expire(email)
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _audit(session: Session, email: SafeguardingEmail, action: str, detail: str) -> None:
    alert = session.get_one(SafeguardingAlert, email.alert_id)
    record_event(
        session,
        None,
        action,
        subject=f"round {alert.round_id}: alert {alert.id}",
        authority_id=alert.round.local_authority_id,
        detail=f"{email.kind} email {detail}",
    )
