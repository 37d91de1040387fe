"""Wellbeing reports for service leads and officers."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports")

from survey_app.reports import routes  # noqa: E402,F401 (routes attach themselves to bp)
