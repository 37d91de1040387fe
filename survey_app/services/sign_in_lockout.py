"""Lockout after wrong passwords that an outsider cannot turn against a member of staff.

Failures are counted per account *and* client (the daily-salted address hash the rate limiter
uses, never an address). Ten wrong passwords from one client lock that client out of that
account for 30 minutes, right password or not; the owner on another client is not affected.
While the account as a whole is being guessed at (30 failures within the window, from however
many clients), each client's allowance drops from ten to three. A full sign-in (password and
second factor) clears the client's count; an admin's unlock clears every count of the account.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from survey_app.models import SignInFailure, StaffUser
from survey_app.services.audit import record_event

CLIENT_ALLOWANCE = 10
UNDER_ATTACK_ALLOWANCE = 3
UNDER_ATTACK_FAILURES = 30
WINDOW = timedelta(minutes=30)
LOCKOUT = timedelta(minutes=30)


def _row(session: Session, user: StaffUser, client_key: str) -> SignInFailure | None:
    query = select(SignInFailure).where(
        SignInFailure.staff_user_id == user.id, SignInFailure.client_key == client_key
    )
    return session.scalar(query)


def is_locked_out(session: Session, user: StaffUser, client_key: str, now: datetime) -> bool:
    """True while this client is locked out of this account."""
    row = _row(session, user, client_key)
    return row is not None and row.locked_until is not None and row.locked_until > now


def account_failures(session: Session, user: StaffUser, now: datetime) -> int:
    """Wrong passwords for ``user`` from every client within the window."""
    query = select(func.coalesce(func.sum(SignInFailure.failures), 0)).where(
        SignInFailure.staff_user_id == user.id, SignInFailure.last_failed_at > now - WINDOW
    )
    return int(session.scalar(query) or 0)


def allowance(session: Session, user: StaffUser, now: datetime) -> int:
    """How many wrong passwords one client may send before it is locked out."""
    under_attack = account_failures(session, user, now) >= UNDER_ATTACK_FAILURES
    return UNDER_ATTACK_ALLOWANCE if under_attack else CLIENT_ALLOWANCE


def record_failure(session: Session, user: StaffUser, client_key: str, now: datetime) -> None:
    """Count one wrong password from ``client_key``; lock that client out at its allowance."""
    row = _failure_row(session, user, client_key, now)
    lockout_over = row.locked_until is not None and row.locked_until <= now
    if lockout_over or now - row.last_failed_at > WINDOW:
        row.failures, row.locked_until = 0, None
    row.failures += 1
    row.last_failed_at = now
    session.flush()
    if row.failures >= allowance(session, user, now):
        row.locked_until = now + LOCKOUT
        record_event(session, user, "account.locked", subject=user.email, detail="one client")


def _failure_row(
    session: Session, user: StaffUser, client_key: str, now: datetime
) -> SignInFailure:
    """The client's row, made when missing; a concurrent insert of the same row is re-read."""
    row = _row(session, user, client_key)
    if row is not None:
        return row
    try:
        with session.begin_nested():
            row = SignInFailure(
                staff_user_id=user.id, client_key=client_key, failures=0, last_failed_at=now
            )
            session.add(row)
    except IntegrityError:
        row = _row(session, user, client_key)
        assert row is not None  # The insert that beat ours.
    return row


def clear_failures(session: Session, user: StaffUser, client_key: str) -> None:
    """Forget the client's wrong passwords after its owner signed in from it."""
    session.execute(
        delete(SignInFailure).where(
            SignInFailure.staff_user_id == user.id, SignInFailure.client_key == client_key
        )
    )


def unlock_account(session: Session, user: StaffUser) -> None:
    """Lift every lockout of ``user`` (an admin's unlock)."""
    session.execute(delete(SignInFailure).where(SignInFailure.staff_user_id == user.id))


def locked_account_ids(session: Session, now: datetime) -> set[int]:
    """Accounts that at least one client is locked out of, for the admins' list."""
    query = select(SignInFailure.staff_user_id).where(SignInFailure.locked_until > now)
    return set(session.scalars(query))


def forget_stale_failures(session: Session, now: datetime) -> None:
    """Delete rows whose window and lockout have both passed, so none outlives an hour."""
    session.execute(
        delete(SignInFailure).where(
            SignInFailure.last_failed_at <= now - WINDOW,
            (SignInFailure.locked_until.is_(None)) | (SignInFailure.locked_until <= now),
        )
    )
