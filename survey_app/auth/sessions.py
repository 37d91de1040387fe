"""Staff sessions: who is signed in, and for how long.

Flask's session is a signed cookie, so a copy could outlive sign-out. The user id in the cookie
therefore carries the account's ``session_token``: changing the token (sign-out, role change,
deactivation, new password) makes every older cookie load no user (ASVS v4.0.3-3.3.1).
Sign-in and last-seen times in the cookie enforce the 30-minute idle and 12-hour absolute limits.
Between a right password and the second factor the session names the account only as
``pending_staff`` (no one is signed in), for at most ten minutes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import flash, g, request, session
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from survey_app.auth import bp
from survey_app.common.i18n import STAFF_LANGUAGE_KEY
from survey_app.common.rate_keys import anonymous_rate_key
from survey_app.extensions import db_session, login_manager
from survey_app.models import StaffUser
from survey_app.services.audit import now_utc
from survey_app.services.auth import end_all_sessions, is_session_expired

# Sent by the monitoring page's auto-refresh so that it does not count as activity.
BACKGROUND_HEADER = "X-Care-Voices-Refresh"
_KEPT_ON_SIGN_IN = ("lang", STAFF_LANGUAGE_KEY)
PENDING_KEY = "pending_staff"
PENDING_LIMIT = timedelta(minutes=10)


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    """The user named by ``"<id>:<token>"`` while the token is still the account's current one."""
    number, _sep, token = user_id.partition(":")
    user = db_session().get(StaffUser, int(number)) if number.isdigit() else None
    if user is None or not token or token != user.session_token:
        return None
    return user


def start_staff_session(user: StaffUser) -> None:
    """A fresh session for ``user`` (ASVS 3.2.1: no fixation), stamped with the sign-in time."""
    _fresh_session()
    login_user(user)
    stamp = now_utc().isoformat()
    session.update(signed_in_at=stamp, seen_at=stamp, confirmed_at=stamp)


def begin_second_step(user: StaffUser) -> None:
    """Remember, in a fresh session, whose password was right; nobody is signed in yet.

    Only the account id and session token are kept (signed, so they cannot be forged); the
    second factor's secret stays on the server.
    """
    _fresh_session()
    session[PENDING_KEY] = user.get_id()
    session["pending_at"] = now_utc().isoformat()


def pending_user() -> StaffUser | None:
    """The account half way through signing in, for ``PENDING_LIMIT`` after its password."""
    stamp = session.get("pending_at")
    if not stamp or now_utc() - datetime.fromisoformat(stamp) > PENDING_LIMIT:
        return None
    user = load_user(session.get(PENDING_KEY, ""))
    return user if user is not None and user.is_active_account else None


def pending_account_rate_key() -> str:
    """Rate-limit second-factor tries per account (half or fully signed in), not per client."""
    number = (session.get(PENDING_KEY) or session.get("_user_id") or "").partition(":")[0]
    return f"staff-{number}" if number.isdigit() else anonymous_rate_key()


def _fresh_session() -> None:
    kept = {key: session[key] for key in _KEPT_ON_SIGN_IN if key in session}
    session.clear()
    session.update(kept)


def end_staff_session(user: StaffUser | None) -> None:
    """Sign out here and everywhere, and drop everything the session held (codes included)."""
    if user is not None:
        end_all_sessions(user)
    logout_user()
    _fresh_session()


def confirmed_at() -> datetime | None:
    """When the user last typed their password in this session."""
    stamp = session.get("confirmed_at")
    return datetime.fromisoformat(stamp) if stamp else None


def mark_confirmed() -> None:
    """Record that the password was just confirmed (before exports and user management)."""
    session["confirmed_at"] = now_utc().isoformat()


@bp.before_app_request
def forget_request_caches() -> None:
    """Make Flask-Login and Flask-WTF read the user and CSRF secret from this request's session.

    Both cache in ``g``; when an outer app context (a CLI, a test) outlives a request, the next
    request would otherwise see the previous one's user or a CSRF token from before sign-in.
    """
    g.pop("_login_user", None)
    g.pop("csrf_token", None)


@bp.before_app_request
def enforce_session_limits() -> None:
    """Sign out sessions past a limit; otherwise note this request as activity."""
    if "signed_in_at" not in session:
        return
    now = now_utc()
    signed_in = datetime.fromisoformat(session["signed_in_at"])
    seen = datetime.fromisoformat(session.get("seen_at", session["signed_in_at"]))
    if is_session_expired(signed_in, seen, now):
        # A copied cookie carries the same stale times, so clearing this one is enough.
        end_staff_session(None)
        flash(_("You were signed out to keep the data safe. Sign in again."), "info")
        return
    if request.headers.get(BACKGROUND_HEADER) != "1":
        session["seen_at"] = now.isoformat()
