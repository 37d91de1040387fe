"""The second sign-in step: set up an authenticator app, then enter its code or a recovery code.

Each page serves only the account whose password was just right (``pending_user``); anyone
else is sent back to sign in. Tries are limited per account, whatever the client, and audited.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from survey_app.auth import bp
from survey_app.auth.access import safe_next
from survey_app.auth.forms import AuthenticatorCodeForm, RecoveryCodeForm
from survey_app.auth.routes import finish_sign_in, second_factor_limit
from survey_app.auth.sessions import pending_user
from survey_app.common.forms import add_error, submitted
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import StaffUser
from survey_app.services.audit import now_utc
from survey_app.services.second_factor import (
    check_code,
    confirm_enrolment,
    pending_secret,
    provisioning_uri,
    qr_data_uri,
    recovery_codes_left,
    spaced,
    use_recovery_code,
)


def _next_url() -> str:
    return safe_next(request.args.get("next"), url_for("admin.rounds"))


def _back_to_sign_in() -> Response:
    flash(_("Sign in again to continue."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/second-factor", methods=["GET", "POST"])
@second_factor_limit
def second_factor() -> str | Response:
    user = pending_user()
    if user is None:
        return _back_to_sign_in()
    if not user.has_second_factor:
        return redirect(url_for("auth.set_up_second_factor", next=request.args.get("next")))
    form = AuthenticatorCodeForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()):  # Keeps the audit event either way.
            passed = check_code(db_session(), user, submitted(form.code.data), now_utc())
        if passed:
            finish_sign_in(user)
            return redirect(_next_url())
        add_error(form.code, _("Enter the 6-digit code your app shows now"))
    return render_template("auth/second_factor.html", form=form)


@bp.route("/second-factor/recovery", methods=["GET", "POST"])
@second_factor_limit
def recovery() -> str | Response:
    user = pending_user()
    if user is None or not user.has_second_factor:
        return _back_to_sign_in()
    form = RecoveryCodeForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()):  # Keeps the audit event either way.
            used = use_recovery_code(db_session(), user, submitted(form.code.data), now_utc())
        if used:
            left = recovery_codes_left(db_session(), user)
            finish_sign_in(user)
            flash(
                _(
                    "Recovery codes left: %(num)d. If you are running out, ask a programme admin"
                    " to reset your second factor.",
                    num=left,
                ),
                "info",
            )
            return redirect(_next_url())
        add_error(form.code, _("Enter one of your recovery codes that has not been used"))
    return render_template("auth/recovery.html", form=form)


@bp.route("/second-factor/set-up", methods=["GET", "POST"])
@second_factor_limit
def set_up_second_factor() -> str | Response:
    user = pending_user()
    if user is None:
        return _back_to_sign_in()
    if user.has_second_factor:
        return redirect(url_for("auth.second_factor", next=request.args.get("next")))
    with unit_of_work(db_session()):  # A reload shows the same QR code.
        secret = pending_secret(db_session(), user)
    form = AuthenticatorCodeForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()):  # Keeps the audit event either way.
            codes = confirm_enrolment(db_session(), user, submitted(form.code.data), now_utc())
        if codes is not None:
            finish_sign_in(user)
            return render_template("auth/recovery_codes.html", codes=codes, next=_next_url())
        add_error(form.code, _("Enter the 6-digit code your app shows now"))
    return _set_up_page(user, secret, form)


def _set_up_page(user: StaffUser, secret: str, form: AuthenticatorCodeForm) -> str:
    return render_template(
        "auth/set_up_second_factor.html",
        form=form,
        qr=qr_data_uri(provisioning_uri(user, secret)),
        secret=spaced(secret),
    )
