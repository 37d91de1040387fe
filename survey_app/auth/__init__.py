"""Staff sign-in, sign-out and account security.

Flask-Login and the GOV.UK form helpers are initialised from here when the blueprint is
registered, so the app factory stays wiring only.
"""

from typing import Any

from flask import Blueprint
from flask.blueprints import BlueprintSetupState
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from govuk_frontend_wtf.main import WTFormsHelpers

from survey_app.extensions import login_manager

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _init_staff_extensions(state: BlueprintSetupState) -> None:
    # Flask-Login's own context processor loads the user for every template rendered. On a
    # respondent's page, with "strong" session protection, that found a session without a
    # staff identifier, marked it modified and sent two Set-Cookie headers (the session again,
    # and a remember-me cookie deleted) with every page: wasted work and bytes. The proxy
    # loads the user only where a template reads ``current_user``, which only staff pages do.
    login_manager.init_app(state.app, add_context_processor=False)
    state.app.context_processor(_current_user_when_read)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Sign in to see this page")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    WTFormsHelpers(state.app)


def _current_user_when_read() -> dict[str, Any]:
    return {"current_user": current_user}


bp.record_once(_init_staff_extensions)

from survey_app.auth import (  # noqa: E402,F401 (views and hooks)
    language,
    routes,
    second_factor,
    sessions,
)
