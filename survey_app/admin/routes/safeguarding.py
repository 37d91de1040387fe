"""Safeguarding: an authority's settings, a round's alerts, and recording how one was handled.

Alerts are for the roles that read raw answers (programme admins and participation officers of
the round's authority); a round or alert of another authority is a 404, like every round page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.safeguarding import (
    AlertHandlingForm,
    SafeguardingSettingsForm,
    outcome_choices,
)
from survey_app.auth.access import (
    ADMINS,
    ROUND_MANAGERS,
    scoped_authority,
    scoped_round,
    staff_required,
)
from survey_app.common.forms import add_error
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import SurveyRound
from survey_app.services.safeguarding_alerts import (
    answer_in_words,
    handle_alert,
    round_alert,
    round_alerts,
    unhandled_count,
)
from survey_app.services.safeguarding_settings import save_settings, settings_for

UK_TIME = ZoneInfo("Europe/London")


@bp.app_template_filter("uk_time")
def uk_time(moment: datetime) -> str:
    """A stored UTC time as staff in England and Wales read it, such as ``03/12/2026 14:05``."""
    return moment.replace(tzinfo=UTC).astimezone(UK_TIME).strftime("%d/%m/%Y %H:%M")


@bp.app_template_global("unhandled_alerts")
def unhandled_alerts(survey_round: SurveyRound) -> int:
    """Unhandled alerts of ``survey_round`` for the banner; 0 for roles that cannot open them."""
    if not current_user.is_authenticated or current_user.role not in ROUND_MANAGERS:
        return 0
    return unhandled_count(db_session(), survey_round.id)


@bp.route("/authorities/<int:authority_id>/safeguarding", methods=["GET", "POST"])
@staff_required(*ADMINS)
def safeguarding_settings(authority_id: int) -> str | Response:
    authority = scoped_authority(authority_id)
    form = SafeguardingSettingsForm()
    if not form.is_submitted():
        form.fill(settings_for(db_session(), authority.id))
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            save_settings(
                db_session(),
                current_user,
                authority,
                form.details(),
                test_domains=current_app.config["CARE_VOICES_ENV"] != "production",
            )
        if work.refusal is not None:
            add_error(getattr(form, work.refusal.field or "contacts"), work.message)
        else:
            flash(_("Safeguarding settings saved."), "success")
            return redirect(url_for("admin.authorities"))
    return render_template(
        "admin/safeguarding/settings.html",
        form=form,
        authority=authority,
        default_outcomes=outcome_choices(()),
        mail_configured=bool(current_app.config.get("SMTP_URL")),
    )


@bp.get("/rounds/<int:round_id>/alerts")
@staff_required(*ROUND_MANAGERS)
def alerts(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    return render_template(
        "admin/safeguarding/alerts.html",
        survey_round=survey_round,
        alerts=round_alerts(db_session(), survey_round),
        hide_alert_banner=True,
    )


@bp.route("/rounds/<int:round_id>/alerts/<int:alert_id>", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def alert(round_id: int, alert_id: int) -> str | Response:
    survey_round = scoped_round(round_id)
    found = round_alert(db_session(), survey_round, alert_id)
    if found is None:
        abort(404)
    outcomes = outcome_choices(settings_for(db_session(), survey_round.local_authority_id).outcomes)
    form = AlertHandlingForm()
    form.offer(outcomes)
    if found.handled_at is None and form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            note = form.note.data or ""
            handle_alert(db_session(), current_user, found, form.outcome.data, note, outcomes)
        if work.refusal is not None:
            add_error(getattr(form, work.refusal.field or "outcome"), work.message)
        else:
            flash(_("Alert recorded as handled."), "success")
            return redirect(url_for("admin.alerts", round_id=round_id))
    return render_template(
        "admin/safeguarding/alert.html",
        survey_round=survey_round,
        alert=found,
        wording=answer_in_words(found.answer) if found.answer else None,
        form=form,
        hide_alert_banner=True,
    )
