"""Staff accounts, managed by programme admins after confirming their password."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.codes import ButtonForm
from survey_app.admin.forms.users import NO_AUTHORITY, ROLE_LABELS, InviteForm, RoleForm
from survey_app.auth.access import ADMINS, recent_password_required, staff_required
from survey_app.common.forms import SelectChoice, add_error
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import LocalAuthority, StaffUser
from survey_app.services.audit import now_utc
from survey_app.services.authorities import list_authorities
from survey_app.services.second_factor import reset_second_factor
from survey_app.services.sign_in_lockout import locked_account_ids
from survey_app.services.users import (
    change_role,
    invite_user,
    list_staff,
    set_active,
    unlock,
)


@bp.get("/users")
@staff_required(*ADMINS)
@recent_password_required
def users() -> str:
    return render_template(
        "admin/users/list.html",
        users=list_staff(db_session()),
        role_labels=ROLE_LABELS,
        locked_ids=locked_account_ids(db_session(), now_utc()),
    )


@bp.route("/users/invite", methods=["GET", "POST"])
@staff_required(*ADMINS)
@recent_password_required
def invite_staff() -> str:
    form = _with_authorities(InviteForm())
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            user, token = invite_user(
                db_session(),
                current_user,
                email=form.email.data,
                name=form.display_name.data.strip(),
                role=form.role.data,
                authority=_authority(form.local_authority.data),
            )
        if work.refused:
            add_error(form.email, work.message)
        else:
            link = url_for("auth.invite", token=token, _external=True)
            return render_template("admin/users/invited.html", user=user, link=link)
    return render_template("admin/users/invite.html", form=form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@staff_required(*ADMINS)
@recent_password_required
def user_detail(user_id: int) -> str | Response:
    user = _user(user_id)
    form = _with_authorities(RoleForm(obj=user))
    if not form.is_submitted():
        form.local_authority.data = user.local_authority_id or NO_AUTHORITY
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            change_role(
                db_session(),
                current_user,
                user,
                form.role.data,
                _authority(form.local_authority.data),
            )
        if work.refused:
            add_error(form.role, work.message)
        else:
            flash(_("Role saved. The person must sign in again."), "success")
            return redirect(url_for("admin.users"))
    return render_template(
        "admin/users/detail.html",
        user=user,
        form=form,
        button=ButtonForm(),
        locked=user.id in locked_account_ids(db_session(), now_utc()),
    )


@bp.post("/users/<int:user_id>/active")
@staff_required(*ADMINS)
@recent_password_required
def toggle_active(user_id: int) -> Response:
    user = _user(user_id)
    if ButtonForm().validate_on_submit():
        with unit_of_work(db_session()) as work:
            set_active(db_session(), current_user, user, active=not user.is_active_account)
        if work.refused:
            flash(work.message, "info")
        else:
            flash(_("Account updated."), "success")
    return redirect(url_for("admin.user_detail", user_id=user_id))


@bp.post("/users/<int:user_id>/unlock")
@staff_required(*ADMINS)
@recent_password_required
def unlock_user(user_id: int) -> Response:
    user = _user(user_id)
    if ButtonForm().validate_on_submit():
        with unit_of_work(db_session()):
            unlock(db_session(), current_user, user)
        flash(_("Account unlocked."), "success")
    return redirect(url_for("admin.user_detail", user_id=user_id))


@bp.post("/users/<int:user_id>/second-factor/reset")
@staff_required(*ADMINS)
@recent_password_required
def reset_user_second_factor(user_id: int) -> Response:
    user = _user(user_id)
    if ButtonForm().validate_on_submit():
        with unit_of_work(db_session()):
            reset_second_factor(db_session(), current_user, user)
        flash(
            _("Second factor reset. They will set up their app again when they sign in."), "success"
        )
    return redirect(url_for("admin.user_detail", user_id=user_id))


def _user(user_id: int) -> StaffUser:
    user = db_session().get(StaffUser, user_id)
    if user is None:
        abort(404)
    return user


def _with_authorities(form: RoleForm) -> RoleForm:
    none = [SelectChoice(NO_AUTHORITY, _("None (programme admin)"))]
    authorities = [SelectChoice(a.id, a.name) for a in list_authorities(db_session())]
    form.local_authority.choices = none + authorities
    return form


def _authority(authority_id: int) -> LocalAuthority | None:
    return db_session().get(LocalAuthority, authority_id) if authority_id else None
