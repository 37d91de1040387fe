"""The respondent journey: codes, questions, saving, check answers, thank you."""

from flask import Blueprint

# Views read the questionnaires from ``questionnaires.load_catalogue()``, which ``create_app``
# loads and checks once at start-up (it is cached), so no request ever parses YAML.
bp: Blueprint = Blueprint("respond", __name__, url_prefix=None)

from survey_app.respond import (  # noqa: E402,F401 (views attach themselves to bp)
    entry_routes,
    layout,
    question_routes,
    support_routes,
)
from survey_app.respond.kind_pages import register_kind_pages  # noqa: E402 (needs bp first)

register_kind_pages(bp)
