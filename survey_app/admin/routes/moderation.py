"""Free-text moderation for a round: the queue and one decision at a time."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.moderation import ModerationForm
from survey_app.admin.instrument_names import round_versions
from survey_app.auth.access import ROUND_MANAGERS, scoped_round, staff_required
from survey_app.common.forms import add_error
from survey_app.common.i18n import current_language
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.services.moderation import (
    decide,
    moderation_queue,
    pending_answer,
)


@bp.get("/rounds/<int:round_id>/moderation")
@staff_required(*ROUND_MANAGERS)
def moderation(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    queue = moderation_queue(db_session(), survey_round)
    return render_template(
        "admin/moderation/queue.html",
        survey_round=survey_round,
        queue=queue,
        band_names={v.instrument: v.band for v in round_versions(survey_round, current_language())},
    )


@bp.route("/rounds/<int:round_id>/moderation/<int:answer_id>", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def moderate(round_id: int, answer_id: int) -> str | Response:
    survey_round = scoped_round(round_id)
    item = pending_answer(db_session(), survey_round, answer_id)
    if item is None:
        abort(404)
    form = ModerationForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            decide(db_session(), current_user, item, form.action.data, form.removal_lines())
        if work.refused:
            add_error(form.removals, work.message)
        else:
            flash(_("Decision saved."), "success")
            return redirect(url_for("admin.moderation", round_id=round_id))
    return render_template(
        "admin/moderation/answer.html", survey_round=survey_round, item=item, form=form
    )
