""" "You said, we will": officers write actions per age group; a page and a printout per group.

Anyone who may read the round's report may see the pages; officers of the authority and
programme admins write the actions. The printout is a download like the report's: audited,
limited to 10 an hour for each member of staff, and never cached.
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from survey_app.auth.access import ROUND_MANAGERS, scoped_round, staff_required
from survey_app.common.i18n import current_language
from survey_app.common.rate_keys import staff_account_rate_key
from survey_app.extensions import db, limiter
from survey_app.models import SurveyRound
from survey_app.reports import bp
from survey_app.reports.files import file_stem
from survey_app.reports.forms import ActionsForm
from survey_app.reports.routes import DOWNLOAD_LIMIT
from survey_app.reports.you_said import YouSaidPage, you_said_page
from survey_app.reports.you_said_pdf import you_said_pdf
from survey_app.services.actions import (
    ActionError,
    actions_by_band,
    band_labels,
    round_bands,
    save_actions,
)
from survey_app.services.reporting import NoResponsesError, build_round_report, record_download


@bp.get("/rounds/<int:round_id>/you-said")
@staff_required()
def you_said(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    actions = actions_by_band(db.session, survey_round)
    return render_template(
        "reports/you_said_list.html",
        survey_round=survey_round,
        actions=actions,
        labels=_band_labels(survey_round),
    )


@bp.route("/rounds/<int:round_id>/you-said/<instrument>/edit", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def edit_actions(round_id: int, instrument: str) -> str | BaseResponse:
    survey_round = _round_band(round_id, instrument)
    form = ActionsForm()
    if form.validate_on_submit():
        try:
            save_actions(db.session, current_user, survey_round, instrument, form.action_lines())
        except ActionError as error:
            form.actions.errors.append(str(error.message))
        else:
            db.session.commit()
            flash(_("Actions saved."), "success")
            return redirect(url_for("reports.you_said", round_id=round_id))
    elif not form.is_submitted():
        form.actions.data = "\n".join(actions_by_band(db.session, survey_round)[instrument])
    return render_template(
        "reports/you_said_edit.html",
        survey_round=survey_round,
        band_label=_band_labels(survey_round)[instrument],
        form=form,
    )


@bp.get("/rounds/<int:round_id>/you-said/<instrument>")
@staff_required()
def you_said_band(round_id: int, instrument: str) -> str:
    survey_round = _round_band(round_id, instrument)
    page = _page(survey_round, instrument)
    return render_template("reports/you_said.html", survey_round=survey_round, page=page)


@bp.get("/rounds/<int:round_id>/you-said/<instrument>/postcard.pdf")
@staff_required()
@limiter.limit(DOWNLOAD_LIMIT, key_func=staff_account_rate_key)
def you_said_download(round_id: int, instrument: str) -> Response:
    survey_round = _round_band(round_id, instrument)
    page = _page(survey_round, instrument)
    record_download(
        db.session, current_user, survey_round, f"you-said {instrument}.pdf", page.language
    )
    db.session.commit()  # Audited before a byte is sent.
    reply = Response(you_said_pdf(page), mimetype="application/pdf")
    name = f"{file_stem(round_id, page.language)}-you-said-{instrument}.pdf"
    reply.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    reply.headers["Cache-Control"] = "no-store"
    return reply


def _round_band(round_id: int, band: str) -> SurveyRound:
    """The round when the user may see it and it asked ``band``; 404 otherwise."""
    survey_round = scoped_round(round_id)
    if band not in round_bands(survey_round):
        abort(404)
    return survey_round


def _page(survey_round: SurveyRound, band: str) -> YouSaidPage:
    catalogue = current_app.extensions["catalogue"]
    language = current_language()
    try:
        report = build_round_report(db.session, catalogue, survey_round.id, language)
    except NoResponsesError:
        abort(404)
    actions = actions_by_band(db.session, survey_round)[band]
    return you_said_page(report, band, actions)


def _band_labels(survey_round: SurveyRound) -> dict[str, str]:
    catalogue = current_app.extensions["catalogue"]
    return band_labels(catalogue, survey_round, current_language())
