"""Survey rounds: list, create, view, edit and move along the lifecycle."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.codes import ButtonForm
from survey_app.admin.forms.rounds import (
    BAND_FIELDS,
    STATUS_LABELS,
    AdvanceForm,
    RoundForm,
    round_details,
)
from survey_app.admin.instrument_names import pin_label, round_versions, version_name
from survey_app.admin.routes.group_sessions import uk_clock
from survey_app.auth.access import (
    ROUND_MANAGERS,
    scoped_authority,
    scoped_round,
    staff_required,
)
from survey_app.common.forms import SelectChoice, add_error
from survey_app.common.i18n import current_language
from survey_app.common.units_of_work import unit_of_work, user_message
from survey_app.extensions import db_session
from survey_app.models import LocalAuthority, SurveyRound
from survey_app.services.audit import now_utc
from survey_app.services.authorities import list_authorities
from survey_app.services.group_sessions import running_session
from survey_app.services.rounds import (
    EDITABLE,
    advance_round,
    create_round,
    instrument_keys,
    published_versions,
    rounds_for,
    update_round,
)
from survey_app.services.user_errors import UserError
from survey_app.services.welsh_review import unreviewed_welsh_versions

# Whole sentences, so the status reads in lower case mid-sentence and Welsh can word each one.
_NOW_STATUS = {
    "open": _l("The round is now open."),
    "closed": _l("The round is now closed."),
    "archived": _l("The round is now archived."),
}


@bp.get("/")
@staff_required()
def rounds() -> str:
    found = rounds_for(db_session(), current_user)
    return render_template("admin/rounds/list.html", rounds=found, status_labels=STATUS_LABELS)


@bp.route("/rounds/new", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def new_round() -> str | Response:
    form = _round_form()
    if form.validate_on_submit():
        authority = _chosen_authority(form)
        with unit_of_work(db_session()) as work:
            survey_round = create_round(db_session(), current_user, authority, round_details(form))
        if work.refusal is not None:
            _show_error(form, work.refusal)
        else:
            flash(_("Round saved as a draft."), "success")
            return redirect(url_for("admin.round_detail", round_id=survey_round.id))
    return render_template("admin/rounds/form.html", form=form, survey_round=None)


@bp.get("/rounds/<int:round_id>")
@staff_required()
def round_detail(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    questionnaires = round_versions(survey_round, current_language())
    group = running_session(db_session(), round_id, now_utc())
    return render_template(
        "admin/rounds/detail.html",
        group_session_ends=uk_clock(group.ends_at) if group else None,
        survey_round=survey_round,
        button=ButtonForm(),
        status_labels=STATUS_LABELS,
        editable=EDITABLE[survey_round.status],
        questionnaires=questionnaires,
        band_names={named.instrument: named.band for named in questionnaires},
    )


@bp.route("/rounds/<int:round_id>/edit", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def edit_round(round_id: int) -> str | Response:
    survey_round = scoped_round(round_id)
    form = _round_form(survey_round)
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            update_round(db_session(), current_user, survey_round, round_details(form))
        if work.refusal is not None:
            _show_error(form, work.refusal)
        else:
            flash(_("Round saved."), "success")
            return redirect(url_for("admin.round_detail", round_id=round_id))
    return render_template("admin/rounds/form.html", form=form, survey_round=survey_round)


@bp.get("/rounds/<int:round_id>/open")
@staff_required(*ROUND_MANAGERS)
def confirm_open(round_id: int) -> str | Response:
    """What opening means, before the one click that cannot be taken back."""
    return _confirm(round_id, "draft", "admin/rounds/confirm_open.html")


@bp.get("/rounds/<int:round_id>/close")
@staff_required(*ROUND_MANAGERS)
def confirm_close(round_id: int) -> str | Response:
    """What closing means (final figures, no more answers), before it happens."""
    return _confirm(round_id, "open", "admin/rounds/confirm_close.html")


@bp.post("/rounds/<int:round_id>/advance")
@staff_required(*ROUND_MANAGERS)
def advance(round_id: int) -> Response | str:
    survey_round = scoped_round(round_id)
    form = AdvanceForm()
    if not form.validate_on_submit():
        return redirect(url_for("admin.round_detail", round_id=round_id))
    if form.is_stale(survey_round.status):
        flash(_("The round had already moved on, so nothing was changed."), "info")
        return redirect(url_for("admin.round_detail", round_id=round_id))
    with unit_of_work(db_session()) as work:
        status = advance_round(
            db_session(),
            current_user,
            survey_round,
            date.today(),
            welsh_confirmed=bool(form.welsh_confirmed.data),
        )
    if work.refusal is not None and work.refusal.field == "welsh_confirmed":
        form.welsh_confirmed.errors = [work.message]
        return _confirm_page(survey_round, form, "admin/rounds/confirm_open.html")
    if work.refused:
        flash(work.message, "info")
    else:
        flash(str(_NOW_STATUS[status]), "success")
    return redirect(url_for("admin.round_detail", round_id=round_id))


def _confirm(round_id: int, status: str, template: str) -> str | Response:
    """The confirmation page when the round is ``status``; else back to the round's page."""
    survey_round = scoped_round(round_id)
    if survey_round.status != status:
        return redirect(url_for("admin.round_detail", round_id=round_id))
    return _confirm_page(survey_round, AdvanceForm(from_status=status), template)


def _confirm_page(survey_round: SurveyRound, form: AdvanceForm, template: str) -> str:
    """A confirmation page; opening one that would offer unreviewed Welsh asks for a tick."""
    return render_template(
        template,
        survey_round=survey_round,
        form=form,
        questionnaires=round_versions(survey_round, current_language()),
        unreviewed_welsh=[version_name(v) for v in unreviewed_welsh_versions(survey_round)],
    )


def _round_form(survey_round: SurveyRound | None = None) -> RoundForm:
    """The form with the fields this user and this round's status allow, filled in."""
    form = RoundForm(obj=survey_round) if survey_round else RoundForm()
    form.instruments.choices = [
        SelectChoice(key, pin_label(version)) for key, version in published_versions().items()
    ]
    if survey_round is None and current_user.is_programme_admin:
        form.local_authority.choices = [
            SelectChoice(a.id, a.name) for a in list_authorities(db_session())
        ]
    else:
        del form.local_authority
    if survey_round is not None:
        _fill_and_trim(form, survey_round)
    return form


def _fill_and_trim(form: RoundForm, survey_round: SurveyRound) -> None:
    editable = EDITABLE[survey_round.status]
    if not form.is_submitted():
        form.instruments.data = instrument_keys(survey_round)
        _fill_denominators(form, survey_round)
    for part in ("name", "opens_on", "closes_on", "instruments", "denominators"):
        if part not in editable:
            _remove(form, part)


def _fill_denominators(form: RoundForm, survey_round: SurveyRound) -> None:
    for row in survey_round.denominators:
        if row.age_band in BAND_FIELDS:
            getattr(form, BAND_FIELDS[row.age_band]).data = row.population
            form.figures_on.data = row.figures_on


def _remove(form: RoundForm, part: str) -> None:
    names = list(BAND_FIELDS.values()) + ["figures_on"] if part == "denominators" else [part]
    for name in names:
        if name in form._fields:
            delattr(form, name)


def _chosen_authority(form: RoundForm) -> LocalAuthority:
    if "local_authority" in form._fields:
        return scoped_authority(form.local_authority.data)
    return current_user.local_authority


def _show_error(form: RoundForm, error: UserError) -> None:
    target = error.field if error.field is not None and error.field in form._fields else "name"
    add_error(getattr(form, target), user_message(error))
