"""Staff sign-in: password checks, lockout and session time limits.

Lockout follows GOV.UK Notify: after ``MAX_FAILED_LOGINS`` wrong passwords in a row the account
refuses every password, right or wrong, until ``LOCKOUT`` has passed or an admin unlocks it.
Unknown emails cost the same Argon2 work as known ones, so timing does not reveal accounts.
Session limits follow ASVS v4.0.3-3.3.2: 30 minutes idle, 12 hours absolute.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import StaffUser
from survey_app.services.audit import record_event
from survey_app.services.passwords import hash_password, verify_password

MAX_FAILED_LOGINS = 10
LOCKOUT = timedelta(minutes=30)
IDLE_LIMIT = timedelta(minutes=30)
ABSOLUTE_LIMIT = timedelta(hours=12)
REAUTH_WINDOW = timedelta(minutes=15)


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def normalise_email(email: str) -> str:
    """Emails are matched without case or surrounding spaces."""
    return email.strip().lower()


def find_staff(session: Session, email: str) -> StaffUser | None:
    """The account with this email, whatever its case."""
    query = select(StaffUser).where(func.lower(StaffUser.email) == normalise_email(email))
    return session.scalar(query)


def is_locked(user: StaffUser, now: datetime) -> bool:
    """True while a lockout is running."""
    return user.locked_until is not None and user.locked_until > now


def authenticate(session: Session, email: str, password: str, now: datetime) -> StaffUser | None:
    """The user when the email and password match an active, unlocked account; else ``None``.

    Records success, failure and lockout in the audit log; never records the password.
    """
    user = find_staff(session, email)
    if user is None or not user.is_active_account:
        verify_password(_dummy_hash(), password)
        return None
    if is_locked(user, now):
        verify_password(_dummy_hash(), password)
        record_event(session, user, "login.refused_locked", subject=user.email)
        return None
    if not verify_password(user.password_hash, password):
        _count_failure(session, user, now)
        return None
    _start_session(session, user, now)
    return user


def _count_failure(session: Session, user: StaffUser, now: datetime) -> None:
    user.failed_logins += 1
    record_event(session, user, "login.failed", subject=user.email)
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.locked_until = now + LOCKOUT
        user.failed_logins = 0
        record_event(session, user, "account.locked", subject=user.email)


def _start_session(session: Session, user: StaffUser, now: datetime) -> None:
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if not user.session_token:
        user.session_token = new_session_token()
    record_event(session, user, "login.succeeded", subject=user.email)


def new_session_token() -> str:
    """A fresh random token; changing it signs the user out everywhere."""
    return secrets.token_hex(16)


def end_all_sessions(user: StaffUser) -> None:
    """Invalidate every session cookie of ``user`` (sign-out, role change, deactivation)."""
    user.session_token = new_session_token()


def is_session_expired(logged_in_at: datetime, last_seen_at: datetime, now: datetime) -> bool:
    """True after 30 idle minutes or 12 hours since sign-in."""
    return now - last_seen_at > IDLE_LIMIT or now - logged_in_at > ABSOLUTE_LIMIT


def is_recently_confirmed(confirmed_at: datetime | None, now: datetime) -> bool:
    """True when the password was confirmed within ``REAUTH_WINDOW`` (for exports, users)."""
    return confirmed_at is not None and now - confirmed_at <= REAUTH_WINDOW


def confirm_password(session: Session, user: StaffUser, password: str, now: datetime) -> bool:
    """Check a signed-in user's password again; wrong tries count towards the lockout."""
    if is_locked(user, now) or not verify_password(user.password_hash, password):
        _count_failure(session, user, now)
        return False
    user.failed_logins = 0
    record_event(session, user, "login.password_confirmed", subject=user.email)
    return True
