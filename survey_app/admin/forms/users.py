"""Forms for inviting staff and changing their role."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import EmailField, RadioField, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Regexp

from survey_app.common.forms import SelectChoice, StaffForm

ROLE_LABELS = {
    "programme_admin": _l("Programme admin (every local authority)"),
    "participation_officer": _l("Participation officer (runs rounds for one local authority)"),
    "service_lead": _l("Service lead (reads reports and monitoring for one local authority)"),
}
NO_AUTHORITY = 0


class RoleForm(StaffForm):
    """A role and, except for programme admins, a local authority; choices set by the view."""

    role = RadioField(
        _l("Role"),
        choices=[SelectChoice(value, label) for value, label in ROLE_LABELS.items()],
        widget=GovRadioInput(),
        validators=[InputRequired(_l("Select a role"))],
    )
    local_authority = SelectField(
        _l("Local authority"),
        description=_l("Leave as none for a programme admin."),
        coerce=int,
        widget=GovSelect(),
    )
    submit = SubmitField(_l("Save role"), widget=GovSubmitInput())


class InviteForm(RoleForm):
    """A new account's email, name, role and local authority."""

    email = EmailField(
        _l("Email address"),
        widget=GovTextInput(),
        validators=[
            InputRequired(_l("Enter an email address")),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message=_l("Enter an email address in the correct format, like name@example.org"),
            ),
            Length(max=320),
        ],
    )
    display_name = StringField(
        _l("Full name"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter the person's name")), Length(max=200)],
    )
    submit = SubmitField(_l("Invite"), widget=GovSubmitInput())
