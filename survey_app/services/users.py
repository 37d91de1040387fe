"""Staff accounts: the first admin, invitations, roles, deactivation and unlocking.

Invitations carry a random token shown once to the inviting admin (Care Voices sends no email);
only its SHA-256 is stored, and it expires after ``INVITE_LIFETIME``. Every change is audited,
and role or access changes end the user's sessions so new rights apply at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import LocalAuthority, StaffUser
from survey_app.models.staff import ROLES
from survey_app.services.audit import now_utc, record_event
from survey_app.services.auth import end_all_sessions, find_staff, normalise_email
from survey_app.services.common_passwords import password_problem
from survey_app.services.passwords import hash_password
from survey_app.services.sign_in_lockout import unlock_account
from survey_app.services.user_errors import N_, UserError

INVITE_LIFETIME = timedelta(days=7)
UNUSABLE_PASSWORD = "!"  # Not an Argon2 hash, so no password ever matches it.


class AccountError(UserError):
    """A request about an account that cannot be carried out; the message is for the user."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_role(role: str, authority: LocalAuthority | None) -> None:
    """Only programme admins work without a local authority; they never have one."""
    if role not in ROLES:
        raise AccountError(N_("Select a role"))
    if (role == "programme_admin") != (authority is None):
        raise AccountError(
            N_("Select a local authority for this role, or none for a programme admin")
        )


def create_admin(session: Session, email: str, name: str, password: str) -> StaffUser:
    """The first programme admin, for the ``admin create`` command."""
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    if find_staff(session, email) is not None:
        raise AccountError(N_("An account with this email address already exists"))
    user = StaffUser(
        email=normalise_email(email),
        display_name=name,
        password_hash=hash_password(password),
        role="programme_admin",
    )
    session.add(user)
    session.flush()
    record_event(session, None, "user.created", subject=user.email, detail="programme_admin")
    return user


def invite_user(
    session: Session,
    actor: StaffUser,
    *,
    email: str,
    name: str,
    role: str,
    authority: LocalAuthority | None,
) -> tuple[StaffUser, str]:
    """Create an account without a password; return it and the invite token (shown once)."""
    check_role(role, authority)
    if find_staff(session, email) is not None:
        raise AccountError(N_("An account with this email address already exists"))
    token = secrets.token_urlsafe(24)
    user = StaffUser(
        email=normalise_email(email),
        display_name=name,
        password_hash=UNUSABLE_PASSWORD,
        role=role,
        local_authority=authority,
        invite_token_hash=_token_hash(token),
        invite_expires_at=now_utc() + INVITE_LIFETIME,
    )
    session.add(user)
    session.flush()
    _audit(session, actor, "user.invited", user, role)
    return user, token


def find_invited(session: Session, token: str, now: datetime) -> StaffUser | None:
    """The account this unexpired invite token belongs to, else ``None``."""
    query = select(StaffUser).where(StaffUser.invite_token_hash == _token_hash(token))
    user = session.scalar(query)
    if user is None or user.invite_expires_at is None or user.invite_expires_at < now:
        return None
    return user


def accept_invite(session: Session, user: StaffUser, password: str) -> None:
    """Set the first password and spend the invite token."""
    set_password(session, user, password)
    user.invite_token_hash = None
    user.invite_expires_at = None
    record_event(session, user, "user.invite_accepted", subject=user.email)


def set_password(session: Session, user: StaffUser, password: str) -> None:
    """Check and store a new password; raises ``AccountError`` with the rule it breaks."""
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(password)
    end_all_sessions(user)
    session.flush()


def change_role(
    session: Session, actor: StaffUser, user: StaffUser, role: str, authority: LocalAuthority | None
) -> None:
    """Give ``user`` a new role and local authority, ending their current sessions."""
    check_role(role, authority)
    if user.id == actor.id:
        raise AccountError(N_("You cannot change your own role"))
    user.role = role
    user.local_authority = authority
    end_all_sessions(user)
    _audit(session, actor, "user.role_changed", user, role)


def set_active(session: Session, actor: StaffUser, user: StaffUser, *, active: bool) -> None:
    """Deactivate (ending sessions) or reactivate an account, never one's own."""
    if user.id == actor.id:
        raise AccountError(N_("You cannot deactivate your own account"))
    user.is_active_account = active
    end_all_sessions(user)
    _audit(session, actor, "user.reactivated" if active else "user.deactivated", user)


def unlock(session: Session, actor: StaffUser, user: StaffUser) -> None:
    """Lift every client's lockout of ``user`` before it runs out."""
    unlock_account(session, user)
    _audit(session, actor, "user.unlocked", user)


def list_staff(session: Session) -> list[StaffUser]:
    """Every account, by local authority then email."""
    query = select(StaffUser).order_by(StaffUser.local_authority_id, StaffUser.email)
    return list(session.scalars(query))


def _audit(
    session: Session, actor: StaffUser, action: str, user: StaffUser, detail: str = ""
) -> None:
    record_event(
        session,
        actor,
        action,
        subject=user.email,
        authority_id=user.local_authority_id,
        detail=detail,
    )
