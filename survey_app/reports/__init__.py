"""Wellbeing reports for service leads and officers, "you said, we will", and the programme view."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports")

from survey_app.reports import (  # noqa: E402,F401 (each module attaches its views to bp)
    cover_style_routes,
    programme_download_routes,
    programme_routes,
    routes,
    you_said_plan_routes,
    you_said_routes,
)
