"""Staff sign-in, sign-out and account security.

Flask-Login and the GOV.UK form helpers are initialised from here when the blueprint is
registered, so the app factory stays wiring only.
"""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState
from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.main import WTFormsHelpers

from survey_app.extensions import login_manager

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _init_staff_extensions(state: BlueprintSetupState) -> None:
    login_manager.init_app(state.app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Sign in to see this page")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    WTFormsHelpers(state.app)


bp.record_once(_init_staff_extensions)

from survey_app.auth import (  # noqa: E402,F401 (views and hooks)
    language,
    routes,
    second_factor,
    sessions,
)
