"""The report cover's branding: the logo and colour an authority's officers choose.

Participation officers of the authority and programme admins may set it; another authority
is a 404 (``scoped_authority``) and a service lead is a 403, like the other round tools.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.branding import BrandingForm
from survey_app.auth.access import ROUND_MANAGERS, scoped_authority, staff_required
from survey_app.common.forms import add_error
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.services.branding import branding_for, save_branding


@bp.route("/authorities/<int:authority_id>/report-cover", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def report_branding(authority_id: int) -> str | Response:
    authority = scoped_authority(authority_id)
    form = BrandingForm()
    if not form.is_submitted():
        form.fill(branding_for(db_session(), authority.id))
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            save_branding(db_session(), current_user, authority, form.change())
        if work.refusal is not None:
            add_error(getattr(form, work.refusal.field or "colour"), work.message)
        else:
            flash(_("Report cover saved."), "success")
            return redirect(url_for("admin.report_branding", authority_id=authority.id))
    return render_template(
        "admin/authorities/branding.html",
        form=form,
        authority=authority,
        branding=branding_for(db_session(), authority.id),
    )
