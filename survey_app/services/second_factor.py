"""The staff second factor (ASVS 2.8): codes from an authenticator app, and recovery codes.

Codes are time-based one-time passwords (RFC 6238, pyotp): six digits that change every 30
seconds. One step either side of now is accepted for clock drift, and the step last used is
stored, so a code that has worked once cannot be replayed. The secret lives only in the
database, never in a cookie, a log or the audit trail. Ten recovery codes are made when the app
is set up; they are shown once and stored as Argon2 hashes, and each works once.
"""

from __future__ import annotations

import hmac
import re
import secrets
from datetime import UTC, datetime

import pyotp
import segno
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from survey_app.models import RecoveryCode, StaffUser
from survey_app.services.audit import record_event
from survey_app.services.auth import end_all_sessions
from survey_app.services.demo import DEMO_STAFF
from survey_app.services.passwords import hash_password, verify_password

ISSUER = "Care Voices"
VALID_WINDOW = 1
RECOVERY_CODE_COUNT = 10
DEMO_EMAILS = frozenset(email for email, _name, _role in DEMO_STAFF)
_NOT_CODE_CHARACTERS = re.compile(r"[^0-9a-z]")


def is_required(user: StaffUser, *, demo_exempt: bool) -> bool:
    """Every member of staff needs the second factor, except the seeded demo accounts when the
    (never production) demo setting says so, so a newcomer can try ``make run``."""
    return not (demo_exempt and user.email in DEMO_EMAILS)


def pending_secret(session: Session, user: StaffUser) -> str:
    """The secret to set up, made once and kept until a code confirms it (a reload keeps it)."""
    if user.totp_secret is None:
        user.totp_secret = pyotp.random_base32()
        user.totp_enrolled_at = None
        user.totp_last_step = None
        session.flush()
    return user.totp_secret


def provisioning_uri(user: StaffUser, secret: str) -> str:
    """The ``otpauth://`` link an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """The QR code as a ``data:`` SVG image (the CSP allows ``img-src data:``, no inline style)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, dark="#0b0c0c")


def spaced(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _accepted_step(user: StaffUser, code: str, now: datetime) -> int | None:
    """The time-step ``code`` belongs to, if it is valid now and newer than the last one used."""
    digits = re.sub(r"\s", "", code)
    if not user.totp_secret or not re.fullmatch(r"\d{6}", digits):
        return None
    totp = pyotp.TOTP(user.totp_secret)
    current = totp.timecode(now.replace(tzinfo=UTC))
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        fresh = user.totp_last_step is None or step > user.totp_last_step
        if fresh and hmac.compare_digest(totp.generate_otp(step), digits):
            return step
    return None


def check_code(session: Session, user: StaffUser, code: str, now: datetime) -> bool:
    """True when ``code`` is a valid, unused code; spends its time-step. Audited, code never."""
    step = _accepted_step(user, code, now)
    if step is None:
        record_event(session, user, "second_factor.failed", subject=user.email)
        return False
    user.totp_last_step = step
    record_event(session, user, "second_factor.passed", subject=user.email)
    return True


def confirm_enrolment(
    session: Session, user: StaffUser, code: str, now: datetime
) -> list[str] | None:
    """Finish setting up the app with its first code; return the new recovery codes, or None."""
    if user.has_second_factor or not check_code(session, user, code, now):
        return None
    user.totp_enrolled_at = now
    record_event(session, user, "second_factor.enrolled", subject=user.email)
    return new_recovery_codes(session, user)


def new_recovery_codes(session: Session, user: StaffUser) -> list[str]:
    """Replace the user's recovery codes with ten new ones; return them in clear, once."""
    session.execute(delete(RecoveryCode).where(RecoveryCode.staff_user_id == user.id))
    codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    session.add_all(
        RecoveryCode(staff_user_id=user.id, code_hash=hash_password(_normalise(code)))
        for code in codes
    )
    session.flush()
    return codes


def _recovery_code() -> str:
    raw = secrets.token_hex(5)
    return f"{raw[:5]}-{raw[5:]}"


def _normalise(code: str) -> str:
    return _NOT_CODE_CHARACTERS.sub("", code.lower())


def use_recovery_code(session: Session, user: StaffUser, code: str, now: datetime) -> bool:
    """True when ``code`` is one of the user's unused recovery codes, which it then spends."""
    typed = _normalise(code)
    for stored in _unused_codes(session, user) if len(typed) == 10 else []:
        if verify_password(stored.code_hash, typed):
            stored.used_at = now
            record_event(session, user, "second_factor.recovery_code_used", subject=user.email)
            return True
    record_event(session, user, "second_factor.failed", subject=user.email)
    return False


def _unused_codes(session: Session, user: StaffUser) -> list[RecoveryCode]:
    query = select(RecoveryCode).where(
        RecoveryCode.staff_user_id == user.id, RecoveryCode.used_at.is_(None)
    )
    return list(session.scalars(query))


def recovery_codes_left(session: Session, user: StaffUser) -> int:
    """How many recovery codes the user can still use."""
    return len(_unused_codes(session, user))


def reset_second_factor(session: Session, actor: StaffUser, user: StaffUser) -> None:
    """Remove the user's app and recovery codes (a lost phone); they set up again at sign-in.

    Their sessions end, so the next sign-in goes through setting up a new app.
    """
    user.totp_secret = None
    user.totp_enrolled_at = None
    user.totp_last_step = None
    session.execute(delete(RecoveryCode).where(RecoveryCode.staff_user_id == user.id))
    end_all_sessions(user)
    record_event(
        session,
        actor,
        "user.second_factor_reset",
        subject=user.email,
        authority_id=user.local_authority_id,
    )
