"""Public pages every audience shares: home, health check, privacy notice, accessibility."""

from flask import Blueprint

bp = Blueprint("pages", __name__)

from survey_app.pages import routes  # noqa: E402,F401 (routes attach themselves to bp)
