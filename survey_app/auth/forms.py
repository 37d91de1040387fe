"""Forms for signing in, the second factor, confirming who you are and choosing a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length

from survey_app.common.forms import StaffForm
from survey_app.services.common_passwords import MAX_LENGTH


class SignInForm(StaffForm):
    """Email and password."""

    email = EmailField(
        _l("Email address"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter your email address")), Length(max=320)],
    )
    password = PasswordField(
        _l("Password"),
        widget=GovPasswordInput(),
        validators=[InputRequired(_l("Enter your password")), Length(max=MAX_LENGTH)],
    )
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class ConfirmPasswordForm(StaffForm):
    """The current password again, before exports and user management."""

    password = PasswordField(
        _l("Password"),
        widget=GovPasswordInput(),
        validators=[InputRequired(_l("Enter your password")), Length(max=MAX_LENGTH)],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class ChoosePasswordForm(StaffForm):
    """A new password typed twice; the strength rule is checked by the users service."""

    password = PasswordField(
        _l("New password"),
        description=_l("Use 12 characters or more. A few random words make a strong password."),
        widget=GovPasswordInput(),
        validators=[InputRequired(_l("Enter a new password"))],
    )
    repeat = PasswordField(
        _l("Type the new password again"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(_l("Type the new password again")),
            EqualTo("password", _l("The two passwords must match")),
        ],
    )
    submit = SubmitField(_l("Save password"), widget=GovSubmitInput())


class AuthenticatorCodeForm(StaffForm):
    """The six-digit code an authenticator app shows now."""

    code = StringField(
        _l("Code from your authenticator app"),
        description=_l("For example, 123456. The code changes every 30 seconds."),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter the 6-digit code")), Length(max=20)],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class RecoveryCodeForm(StaffForm):
    """One of the recovery codes given when the authenticator app was set up."""

    code = StringField(
        _l("Recovery code"),
        description=_l("For example, 3f9a2-b71c0. Each recovery code works once."),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter a recovery code")), Length(max=40)],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class ConfirmIdentityForm(ConfirmPasswordForm):
    """The password and a code from the app, before exports and user management."""

    code = StringField(
        _l("Code from your authenticator app"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter the 6-digit code")), Length(max=20)],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())
