"""Staff sign-in: the password step, session time limits and re-authentication.

A right password is only the first step: the second factor (``second_factor``) completes the
sign-in. Wrong passwords count towards a lockout of the client that sent them, never of the whole
account (``sign_in_lockout``). Unknown emails cost the same Argon2 work as known ones, so timing
does not reveal accounts. Session limits follow ASVS v4.0.3-3.3.2: 30 minutes idle, 12 hours
absolute.
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
from survey_app.services.sign_in_lockout import (
    clear_failures,
    forget_stale_failures,
    is_locked_out,
    record_failure,
)

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


def authenticate(
    session: Session, email: str, password: str, client_key: str, now: datetime
) -> StaffUser | None:
    """The user when the password is right and ``client_key`` is not locked out; else ``None``.

    This is the first of two steps: ``complete_sign_in`` follows the second factor. Records
    failures and refusals in the audit log; never records the password.
    """
    forget_stale_failures(session, now)
    user = find_staff(session, email)
    if user is None or not user.is_active_account:
        verify_password(_dummy_hash(), password)
        return None
    if is_locked_out(session, user, client_key, now):
        verify_password(_dummy_hash(), password)
        record_event(session, user, "login.refused_locked", subject=user.email)
        return None
    if not verify_password(user.password_hash, password):
        _count_failure(session, user, client_key, now)
        return None
    if not user.session_token:
        user.session_token = new_session_token()
    record_event(session, user, "login.password_accepted", subject=user.email)
    return user


def _count_failure(session: Session, user: StaffUser, client_key: str, now: datetime) -> None:
    record_event(session, user, "login.failed", subject=user.email)
    record_failure(session, user, client_key, now)


def complete_sign_in(session: Session, user: StaffUser, client_key: str, now: datetime) -> None:
    """Record a full sign-in (password and second factor) and forget the client's failures."""
    clear_failures(session, user, client_key)
    user.last_login_at = now
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


def confirm_password(
    session: Session, user: StaffUser, password: str, client_key: str, now: datetime
) -> bool:
    """Check a signed-in user's password again; wrong tries count towards the client's lockout."""
    if is_locked_out(session, user, client_key, now):
        return False
    if not verify_password(user.password_hash, password):
        _count_failure(session, user, client_key, now)
        return False
    record_event(session, user, "login.password_confirmed", subject=user.email)
    return True
