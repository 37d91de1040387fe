"""The respondent journey: codes, questions, saving, check answers, thank you."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from questionnaires import load_catalogue

bp = Blueprint("respond", __name__, url_prefix=None)


@bp.record_once
def _load_catalogue(state: BlueprintSetupState) -> None:
    # Parse and check the questionnaires once at start-up, so a broken file stops the app early
    # and no request ever parses YAML (``load_catalogue`` caches the result).
    state.app.extensions["catalogue"] = load_catalogue()


from survey_app.respond import (  # noqa: E402,F401 (views attach themselves to bp)
    entry_routes,
    layout,
    question_routes,
    support_routes,
)
from survey_app.respond.kind_pages import register_kind_pages  # noqa: E402 (needs bp first)

register_kind_pages(bp)
