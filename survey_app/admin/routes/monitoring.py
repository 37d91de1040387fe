"""The monitoring page: live counts for a round, refreshed in place when JavaScript runs, with
a progress chart against the target and the same figures as a CSV."""

from __future__ import annotations

from datetime import date

from flask import Response, render_template

from survey_app.admin import bp
from survey_app.admin.instrument_names import round_versions
from survey_app.admin.monitoring_chart import progress_chart
from survey_app.auth.access import scoped_round, staff_required
from survey_app.common.downloads import attachment
from survey_app.common.i18n import current_language
from survey_app.extensions import db_session
from survey_app.services.monitoring import monitor_round, monitoring_csv

REFRESH_SECONDS = 30


@bp.get("/rounds/<int:round_id>/monitoring")
@staff_required()
def monitoring(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    figures = monitor_round(db_session(), survey_round)
    last_day = min(date.today(), survey_round.closes_on)
    return render_template(
        "admin/monitoring.html",
        survey_round=survey_round,
        figures=figures,
        chart=progress_chart(figures.progress, figures.target, survey_round.opens_on, last_day),
        band_names={v.instrument: v.band for v in round_versions(survey_round, current_language())},
        refresh_seconds=REFRESH_SECONDS,
    )


@bp.get("/rounds/<int:round_id>/monitoring.csv")
@staff_required()
def monitoring_download(round_id: int) -> Response:
    """Counts only (no answers), so not audited or limited like the response exports."""
    survey_round = scoped_round(round_id)
    name = f"care-voices-round-{survey_round.id}-monitoring.csv"
    return attachment(monitoring_csv(monitor_round(db_session(), survey_round)), "text/csv", name)
