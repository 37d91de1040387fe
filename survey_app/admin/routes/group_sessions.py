"""Group sessions: start one for a round's room of respondents, see when it ends, end it early."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.codes import ButtonForm
from survey_app.admin.forms.group_sessions import GroupSessionForm
from survey_app.auth.access import ROUND_MANAGERS, scoped_round, staff_required
from survey_app.common.forms import submitted
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.services.audit import now_utc
from survey_app.services.group_sessions import (
    end_group_session,
    open_group_session,
    running_session,
)

UK_TIME = ZoneInfo("Europe/London")


def uk_clock(moment: datetime) -> str:
    """A stored UTC time as the 24-hour clock time in the UK, which officers work to."""
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(UK_TIME).strftime("%H:%M")


@bp.route("/rounds/<int:round_id>/group-session", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def group_session(round_id: int) -> str | Response:
    """The running session and a button to end it, or the form that starts one."""
    survey_round = scoped_round(round_id)
    if survey_round.status != "open":
        return redirect(url_for("admin.round_detail", round_id=round_id))
    form = GroupSessionForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            started = open_group_session(
                db_session(), current_user, survey_round, submitted(form.minutes.data), now_utc()
            )
        if work.refused:
            flash(work.message, "info")
        else:
            until = uk_clock(started.ends_at)
            flash(_("Group session started. It ends at %(time)s.", time=until), "success")
        return redirect(url_for("admin.round_detail", round_id=round_id))
    running = running_session(db_session(), round_id, now_utc())
    return render_template(
        "admin/rounds/group_session.html",
        survey_round=survey_round,
        form=form,
        end_form=ButtonForm(),
        running=running,
        ends_at=uk_clock(running.ends_at) if running else None,
    )


@bp.post("/rounds/<int:round_id>/group-session/end")
@staff_required(*ROUND_MANAGERS)
def end_group(round_id: int) -> Response:
    survey_round = scoped_round(round_id)
    if ButtonForm().validate_on_submit():
        with unit_of_work(db_session()) as work:
            end_group_session(db_session(), current_user, survey_round, now_utc())
        if work.refused:
            flash(work.message, "info")
        else:
            flash(_("Group session ended."), "success")
    return redirect(url_for("admin.round_detail", round_id=round_id))
