"""Who may open which staff page: roles, local-authority scope and recent password checks.

Every staff view is wrapped in ``staff_required``; views that touch a round load it through
``scoped_round`` so that a round of another local authority is a 404, never data. A missing
role is a 403. ``staff_required`` marks the view so a test can check that none is left bare.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from survey_app.auth.sessions import confirmed_at
from survey_app.extensions import db_session
from survey_app.models import LocalAuthority, StaffUser, SurveyRound
from survey_app.models.staff import ROLES
from survey_app.services.audit import now_utc
from survey_app.services.auth import is_recently_confirmed

View = TypeVar("View", bound=Callable[..., Any])
ROUND_MANAGERS = ("programme_admin", "participation_officer")
ADMINS = ("programme_admin",)


def manages_rounds(user: StaffUser) -> bool:
    """True for the roles that run rounds (``ROUND_MANAGERS``); pages ask this rather than
    repeating the role list."""
    return user.role in ROUND_MANAGERS


def staff_required(*roles: str) -> Callable[[View], View]:
    """Require a signed-in user; with ``roles``, also one of those roles (else 403)."""
    allowed = roles or ROLES

    def decorate(view: View) -> View:
        @wraps(view)
        @login_required
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        guarded.staff_roles = allowed  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate


def recent_password_required(view: View) -> View:
    """Ask for the password again when it was last typed more than 15 minutes ago."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not is_recently_confirmed(confirmed_at(), now_utc()):
            return redirect(url_for("auth.confirm", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def can_see_authority(user: StaffUser, authority_id: int) -> bool:
    """Programme admins see every local authority; everyone else only their own."""
    return user.is_programme_admin or user.local_authority_id == authority_id


def scoped_round(round_id: int) -> SurveyRound:
    """The round when the current user may see it; 404 when it is missing or not theirs."""
    survey_round = db_session().get(SurveyRound, round_id)
    if survey_round is None or not can_see_authority(current_user, survey_round.local_authority_id):
        abort(404)
    return survey_round


def scoped_authority(authority_id: int) -> LocalAuthority:
    """The local authority when the current user may see it; 404 otherwise."""
    authority = db_session().get(LocalAuthority, authority_id)
    if authority is None or not can_see_authority(current_user, authority.id):
        abort(404)
    return authority


def safe_next(target: str | None, default: str) -> str:
    """``target`` when it is a path on this site, so ``?next=`` cannot send people elsewhere."""
    if not target or target.startswith("//"):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or "\\" in target:
        return default
    return target
