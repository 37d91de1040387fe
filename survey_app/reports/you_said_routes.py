""" "You said, we will": the plan per age group, a children's page and postcards per group.

Anyone who may read the round's report may see the pages; officers of the authority and
programme admins write the actions (``you_said_plan_routes``). The postcards are a download
like the report's: audited, limited to ``routes.DOWNLOAD_LIMIT`` for each member of staff, and
never cached.
"""

from __future__ import annotations

from flask import Response, abort, render_template
from flask_login import current_user

from questionnaires import load_catalogue
from survey_app.auth.access import scoped_round, staff_required
from survey_app.common.downloads import attachment
from survey_app.common.i18n import current_language
from survey_app.common.rate_keys import staff_account_rate_key
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session, limiter
from survey_app.models import SurveyRound
from survey_app.reports import bp
from survey_app.reports.files import file_stem
from survey_app.reports.forms import STATUS_LABELS
from survey_app.reports.routes import DOWNLOAD_LIMIT
from survey_app.reports.you_said import YouSaidPage, you_said_page
from survey_app.reports.you_said_pdf import you_said_pdf
from survey_app.services.actions import (
    actions_by_band,
    band_labels,
    done_by_band,
    round_bands,
    young_bands,
)
from survey_app.services.child_phrases import shipped_child_phrases
from survey_app.services.reporting import NoResponsesError, build_round_report, record_download


@bp.get("/rounds/<int:round_id>/you-said")
@staff_required()
def you_said(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    catalogue = load_catalogue()
    language = current_language()
    return render_template(
        "reports/you_said_list.html",
        survey_round=survey_round,
        actions=actions_by_band(db_session(), survey_round),
        done=done_by_band(db_session(), survey_round),
        labels=_band_labels(survey_round),
        indicators={i.id: i.label.get(language) for i in catalogue.indicators},
        statuses=STATUS_LABELS,
    )


@bp.get("/rounds/<int:round_id>/you-said/<instrument>")
@staff_required()
def you_said_band(round_id: int, instrument: str) -> str:
    survey_round = round_band(round_id, instrument)
    page = _page(survey_round, instrument)
    return render_template("reports/you_said.html", survey_round=survey_round, page=page)


@bp.get("/rounds/<int:round_id>/you-said/<instrument>/postcard.pdf")
@staff_required()
@limiter.limit(DOWNLOAD_LIMIT, key_func=staff_account_rate_key)
def you_said_download(round_id: int, instrument: str) -> Response:
    survey_round = round_band(round_id, instrument)
    page = _page(survey_round, instrument)
    with unit_of_work(db_session()):  # Audited before a byte is sent.
        record_download(
            db_session(), current_user, survey_round, f"you-said {instrument}.pdf", page.language
        )
    name = f"{file_stem(round_id, page.language)}-you-said-{instrument}.pdf"
    return attachment(you_said_pdf(page), "application/pdf", name)


def round_band(round_id: int, band: str) -> SurveyRound:
    """The round when the user may see it and it asked ``band``; 404 otherwise."""
    survey_round = scoped_round(round_id)
    if band not in round_bands(survey_round):
        abort(404)
    return survey_round


def _page(survey_round: SurveyRound, band: str) -> YouSaidPage:
    catalogue = load_catalogue()
    language = current_language()
    try:
        report = build_round_report(db_session(), catalogue, survey_round.id, language)
    except NoResponsesError:
        abort(404)
    return you_said_page(
        report,
        band,
        actions_by_band(db_session(), survey_round)[band],
        shipped_child_phrases(),
        young=band in young_bands(catalogue, survey_round),
        done=done_by_band(db_session(), survey_round)[band],
    )


def _band_labels(survey_round: SurveyRound) -> dict[str, str]:
    catalogue = load_catalogue()
    return band_labels(catalogue, survey_round, current_language())
