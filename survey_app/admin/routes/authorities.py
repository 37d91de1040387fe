"""Local authorities, managed by programme admins."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.authorities import AuthorityForm
from survey_app.auth.access import ADMINS, scoped_authority, staff_required
from survey_app.common.forms import add_error
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import LocalAuthority
from survey_app.services.authorities import list_authorities, save_authority


@bp.get("/authorities")
@staff_required(*ADMINS)
def authorities() -> str:
    return render_template(
        "admin/authorities/list.html", authorities=list_authorities(db_session())
    )


@bp.route("/authorities/new", methods=["GET", "POST"])
@staff_required(*ADMINS)
def new_authority() -> str | Response:
    return _edit(None)


@bp.route("/authorities/<int:authority_id>", methods=["GET", "POST"])
@staff_required(*ADMINS)
def edit_authority(authority_id: int) -> str | Response:
    return _edit(scoped_authority(authority_id))


def _edit(authority: LocalAuthority | None) -> str | Response:
    form = AuthorityForm(obj=authority)
    if authority is not None and not form.is_submitted():
        form.languages.data = list(authority.language_codes)
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            save_authority(db_session(), current_user, form.details(), authority)
        if work.refusal is not None:
            add_error(getattr(form, work.refusal.field or "code"), work.message)
        else:
            flash(_("Local authority saved."), "success")
            return redirect(url_for("admin.authorities"))
    return render_template("admin/authorities/form.html", form=form, authority=authority)
