"""The programme view: every authority's latest round on the headline indicators (admins only)."""

from __future__ import annotations

from flask import render_template

from questionnaires import load_catalogue
from report_builder.disclosure.values import SuppressionReason
from survey_app.auth.access import ADMINS, staff_required
from survey_app.common.i18n import current_language
from survey_app.extensions import db_session
from survey_app.reports import bp
from survey_app.reports.presenters import notes_for
from survey_app.reports.programme import AXIS_LEFT, AXIS_WIDTH, programme_spreads
from survey_app.services.reporting import (
    HEADLINE_INDICATORS,
    authority_names,
    programme_response_rates,
    programme_view,
)


@bp.get("/programme")
@staff_required(*ADMINS)
def programme() -> str:
    catalogue = load_catalogue()
    view = programme_view(db_session(), catalogue)
    names = authority_names(db_session())
    spreads = programme_spreads(catalogue, view, names, current_language())
    rates = programme_response_rates(db_session())
    return render_template(
        "reports/programme.html",
        spreads=spreads,
        headline_count=len(HEADLINE_INDICATORS),
        rates=rates,
        rate_notes=notes_for(
            [SuppressionReason.CONFIDENTIAL.value for r in rates if r.respondents is None],
            current_language(),
        ),
        axis_left=AXIS_LEFT,
        axis_width=AXIS_WIDTH,
    )
