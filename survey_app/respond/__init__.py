"""The respondent journey: codes, questions, saving, check answers, thank you."""

from flask import Blueprint

bp = Blueprint("respond", __name__, url_prefix=None)

from survey_app.respond import routes  # noqa: E402,F401 (routes attach themselves to bp)
