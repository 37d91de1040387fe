"""Routes of the ``auth`` blueprint: sign in, sign out, confirm who you are, accept an invite.

Signing in takes two steps: the password here, then the second factor (``second_factor``).
"""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from survey_app.auth import bp
from survey_app.auth.access import manages_rounds, safe_next
from survey_app.auth.forms import (
    ChoosePasswordForm,
    ConfirmIdentityForm,
    ConfirmPasswordForm,
    SignInForm,
)
from survey_app.auth.sessions import (
    begin_second_step,
    end_staff_session,
    mark_confirmed,
    pending_account_rate_key,
    start_staff_session,
)
from survey_app.common.forms import add_error, submitted
from survey_app.common.rate_keys import anonymous_rate_key
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session, limiter
from survey_app.models import StaffUser
from survey_app.services.audit import now_utc
from survey_app.services.auth import authenticate, complete_sign_in, confirm_password
from survey_app.services.second_factor import check_code, is_required
from survey_app.services.users import accept_invite, find_invited

LOGIN_LIMIT = "10 per minute; 100 per hour"
# Per account, shared by every page that takes a code, so six digits cannot be guessed.
SECOND_FACTOR_LIMIT = "5 per minute; 20 per hour"
second_factor_limit = limiter.shared_limit(
    SECOND_FACTOR_LIMIT, scope="second-factor", key_func=pending_account_rate_key, methods=["POST"]
)


# Templates ask whether someone runs rounds rather than repeating the list of roles.
bp.add_app_template_global(manages_rounds)


def _home() -> str:
    return url_for("admin.rounds")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def login() -> str | Response:
    form = SignInForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()):  # Keeps the failure count and the audit event.
            user = authenticate(
                db_session(),
                submitted(form.email.data),
                submitted(form.password.data),
                anonymous_rate_key(),
                now_utc(),
            )
        if user is not None:
            return _second_step(user)
        add_error(
            form.email,
            _(
                "Enter a correct email address and password. After 10 wrong tries this device"
                " cannot sign in to the account for 30 minutes."
            ),
        )
    return render_template("auth/login.html", form=form)


def needs_second_factor(user: StaffUser) -> bool:
    """True unless ``user`` is a demo account and the demo setting lets it skip the step."""
    exempt = current_app.config.get("CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR", False)
    return is_required(user, demo_exempt=exempt)


def _second_step(user: StaffUser) -> Response:
    """After the password: the code page, setting up an app first, or (demo only) straight in."""
    next_url = request.args.get("next")
    if not needs_second_factor(user):
        finish_sign_in(user)
        return redirect(safe_next(next_url, _home()))
    begin_second_step(user)
    step = "auth.second_factor" if user.has_second_factor else "auth.set_up_second_factor"
    return redirect(url_for(step, next=next_url) if next_url else url_for(step))


def finish_sign_in(user: StaffUser) -> None:
    """Sign ``user`` in after both steps: audit, forget this client's failures, fresh session."""
    with unit_of_work(db_session()):
        complete_sign_in(db_session(), user, anonymous_rate_key(), now_utc())
        start_staff_session(user)


@bp.post("/sign-out")
@login_required
def logout() -> Response:
    with unit_of_work(db_session()):
        end_staff_session(current_user._get_current_object())
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/confirm", methods=["GET", "POST"])
@login_required
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
@second_factor_limit
def confirm() -> str | Response:
    user = current_user._get_current_object()
    form = ConfirmIdentityForm() if needs_second_factor(user) else ConfirmPasswordForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()):  # Keeps failure counts and audit events either way.
            confirmed = _identity_confirmed(user, form)
        if confirmed:
            mark_confirmed()
            return redirect(safe_next(request.args.get("next"), _home()))
        if hasattr(form, "code"):
            add_error(form.password, _("Enter your correct password and the code shown now"))
        else:
            add_error(form.password, _("Enter your correct password"))
    return render_template("auth/confirm.html", form=form)


def _identity_confirmed(user: StaffUser, form: ConfirmPasswordForm) -> bool:
    """The password, then (when the form asks for one) a fresh code from the app."""
    now = now_utc()
    if not confirm_password(
        db_session(), user, submitted(form.password.data), anonymous_rate_key(), now
    ):
        return False
    code = getattr(form, "code", None)
    return code is None or check_code(db_session(), user, code.data, now)


@bp.route("/invite/<token>", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def invite(token: str) -> str | Response:
    user = find_invited(db_session(), token, now_utc())
    if user is None:
        abort(404)
    form = ChoosePasswordForm()
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            accept_invite(db_session(), user, submitted(form.password.data))
        if work.refused:
            add_error(form.password, work.message)
        else:
            flash(_("Your password is saved. Sign in to continue."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/invite.html", form=form, user=user)
