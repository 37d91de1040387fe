"""Routes of the ``auth`` blueprint: sign in, sign out, confirm the password, accept an invite."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from survey_app.auth import bp
from survey_app.auth.access import safe_next
from survey_app.auth.forms import ChoosePasswordForm, ConfirmPasswordForm, SignInForm
from survey_app.auth.sessions import end_staff_session, mark_confirmed, start_staff_session
from survey_app.extensions import db, limiter
from survey_app.services.audit import now_utc
from survey_app.services.auth import authenticate, confirm_password
from survey_app.services.users import AccountError, accept_invite, find_invited

LOGIN_LIMIT = "10 per minute; 100 per hour"


def _home() -> str:
    return url_for("admin.rounds")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def login() -> str | Response:
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(db.session, form.email.data, form.password.data, now_utc())
        if user is not None:
            start_staff_session(user)
            db.session.commit()
            return redirect(safe_next(request.args.get("next"), _home()))
        db.session.commit()  # Keep the failure count and the audit event.
        form.email.errors.append(
            _(
                "Enter a correct email address and password. After 10 wrong tries an account is"
                " locked for 30 minutes."
            )
        )
    return render_template("auth/login.html", form=form)


@bp.post("/sign-out")
@login_required
def logout() -> Response:
    end_staff_session(current_user._get_current_object())
    db.session.commit()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/confirm", methods=["GET", "POST"])
@login_required
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def confirm() -> str | Response:
    form = ConfirmPasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if confirm_password(db.session, user, form.password.data, now_utc()):
            mark_confirmed()
            db.session.commit()
            return redirect(safe_next(request.args.get("next"), _home()))
        db.session.commit()
        form.password.errors.append(_("Enter your correct password"))
    return render_template("auth/confirm.html", form=form)


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def invite(token: str) -> str | Response:
    user = find_invited(db.session, token, now_utc())
    if user is None:
        abort(404)
    form = ChoosePasswordForm()
    if form.validate_on_submit():
        try:
            accept_invite(db.session, user, form.password.data)
        except AccountError as error:
            form.password.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Your password is saved. Sign in to continue."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/invite.html", form=form, user=user)
