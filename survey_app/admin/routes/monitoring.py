"""The monitoring page: live counts for a round, refreshed in place when JavaScript runs."""

from __future__ import annotations

from flask import render_template

from survey_app.admin import bp
from survey_app.auth.access import scoped_round, staff_required
from survey_app.extensions import db
from survey_app.services.monitoring import monitor_round

REFRESH_SECONDS = 30


@bp.get("/rounds/<int:round_id>/monitoring")
@staff_required()
def monitoring(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    return render_template(
        "admin/monitoring.html",
        survey_round=survey_round,
        figures=monitor_round(db.session, survey_round),
        refresh_seconds=REFRESH_SECONDS,
    )
