""" "You said, we will" plans: officers add, change and remove one action at a time.

Officers of the authority and programme admins may write; ``scoped_round`` keeps every other
authority's rounds (and so their actions) out of reach, and an action id is looked up within
the round and age group in the path, so another round's action is not found.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from questionnaires import load_catalogue
from survey_app.auth.access import ROUND_MANAGERS, staff_required
from survey_app.common.forms import SelectChoice, add_error
from survey_app.common.i18n import current_language
from survey_app.common.units_of_work import UnitOfWork, unit_of_work
from survey_app.extensions import db_session
from survey_app.models import SurveyRound, YouSaidAction
from survey_app.reports import bp
from survey_app.reports.forms import ActionPlanForm, RemoveActionForm, show_problems
from survey_app.reports.you_said_routes import round_band
from survey_app.services.action_plans import (
    GENERAL,
    ActionDraft,
    PlanError,
    add_action,
    band_indicators,
    find_action,
    remove_action,
    update_action,
)
from survey_app.services.actions import band_labels

BASE = "/rounds/<int:round_id>/you-said/<instrument>/actions"


@bp.route(f"{BASE}/new", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def new_action(round_id: int, instrument: str) -> str | BaseResponse:
    survey_round = round_band(round_id, instrument)
    form = _form(survey_round, instrument)
    catalogue = load_catalogue()
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            add_action(
                db_session(), current_user, survey_round, instrument, form.draft(), catalogue
            )
        if not work.refused:
            return _saved(round_id)
        _show_refusal(form, work)
    return _render(survey_round, instrument, form, action=None)


@bp.route(f"{BASE}/<int:action_id>", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def edit_action(round_id: int, instrument: str, action_id: int) -> str | BaseResponse:
    survey_round = round_band(round_id, instrument)
    action = find_action(db_session(), survey_round, instrument, action_id) or abort(404)
    form = _form(survey_round, instrument)
    catalogue = load_catalogue()
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            update_action(db_session(), current_user, action, form.draft(), catalogue)
        if not work.refused:
            return _saved(round_id)
        _show_refusal(form, work)
    elif not form.is_submitted():
        form.fill(ActionDraft.of(action))
    return _render(survey_round, instrument, form, action=action)


@bp.post(f"{BASE}/<int:action_id>/remove")
@staff_required(*ROUND_MANAGERS)
def remove_plan_action(round_id: int, instrument: str, action_id: int) -> BaseResponse:
    survey_round = round_band(round_id, instrument)
    action = find_action(db_session(), survey_round, instrument, action_id) or abort(404)
    if not RemoveActionForm().validate_on_submit():
        abort(400)
    with unit_of_work(db_session()):
        remove_action(db_session(), current_user, action)
    flash(_("Action removed."), "success")
    return redirect(url_for("reports.you_said", round_id=round_id))


def _form(survey_round: SurveyRound, band: str) -> ActionPlanForm:
    """The form, its indicator list limited to what the age group was asked in the round."""
    form = ActionPlanForm()
    catalogue = load_catalogue()
    language = current_language()
    form.indicator_id.choices = [
        SelectChoice(GENERAL, _("General: not about one question")),
        *(
            SelectChoice(i, catalogue.indicator(i).label.get(language))
            for i in band_indicators(catalogue, survey_round, band)
        ),
    ]
    return form


def _show_refusal(form: ActionPlanForm, work: UnitOfWork) -> None:
    """Each of the plan's problems on its field; any other refusal on the action's text."""
    if isinstance(work.refusal, PlanError):
        show_problems(form, work.refusal.problems)
    else:
        add_error(form.text, work.message)


def _saved(round_id: int) -> BaseResponse:
    flash(_("Action saved."), "success")
    return redirect(url_for("reports.you_said", round_id=round_id))


def _render(
    survey_round: SurveyRound, band: str, form: ActionPlanForm, action: YouSaidAction | None
) -> str:
    labels = band_labels(load_catalogue(), survey_round, current_language())
    return render_template(
        "reports/you_said_action.html",
        survey_round=survey_round,
        band=band,
        band_label=labels[band],
        form=form,
        action=action,
        remove_form=RemoveActionForm() if action else None,
    )
