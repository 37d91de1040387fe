"""Staff sign-in, sign-out and account security."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from survey_app.auth import routes  # noqa: E402,F401 (routes attach themselves to bp)
