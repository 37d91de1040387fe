"""The local authority form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from survey_app.admin.forms.fields import WholeNumberField
from survey_app.common.forms import SelectChoice, StaffForm, submitted
from survey_app.services.authorities import AuthorityDetails


class AuthorityForm(StaffForm):
    """Name, code, nation, languages, contacts, safeguarding procedure, retention, warning rate."""

    name = StringField(
        _l("Name"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter the local authority's name")), Length(max=200)],
    )
    code = StringField(
        _l("DfE or Welsh Government code"),
        description=_l("For example, E10000002 or W06000015"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter the local authority's code")), Length(max=20)],
    )
    nation = RadioField(
        _l("Nation"),
        choices=[SelectChoice("england", _l("England")), SelectChoice("wales", _l("Wales"))],
        widget=GovRadioInput(),
        validators=[InputRequired(_l("Select England or Wales"))],
    )
    languages = SelectMultipleField(
        _l("Languages offered to respondents"),
        choices=[SelectChoice("en", _l("English")), SelectChoice("cy", _l("Welsh"))],
        widget=GovCheckboxesInput(),
        validators=[InputRequired(_l("Select at least one language"))],
    )
    help_contact = TextAreaField(
        _l("Help contacts shown to respondents"),
        widget=GovTextArea(),
        validators=[Length(max=2000)],
    )
    advocacy_contact = TextAreaField(
        _l("Advocacy contact shown to respondents"),
        widget=GovTextArea(),
        validators=[Length(max=2000)],
    )
    safeguarding_procedure = TextAreaField(
        _l("Safeguarding procedure shown to moderators"),
        widget=GovTextArea(),
        validators=[Length(max=4000)],
    )
    retention_months = WholeNumberField(
        _l("Keep response-level data for this many months after a round closes"),
        default=24,
        validators=[
            InputRequired(_l("Enter how many months to keep response-level data")),
            NumberRange(min=1, max=120, message=_l("Enter a number of months from 1 to 120")),
        ],
    )
    minimum_response_rate = WholeNumberField(
        _l("Warn when a response rate is below this percentage"),
        default=30,
        validators=[
            InputRequired(_l("Enter the minimum response rate")),
            NumberRange(min=0, max=100, message=_l("Enter a percentage from 0 to 100")),
        ],
    )
    submit = SubmitField(_l("Save local authority"), widget=GovSubmitInput())

    def details(self) -> AuthorityDetails:
        """The answers for the authorities service."""
        return AuthorityDetails(
            name=submitted(self.name.data).strip(),
            code=submitted(self.code.data).strip().upper(),
            nation=self.nation.data,
            languages=",".join(submitted(self.languages.data)),
            help_contact=self.help_contact.data or "",
            advocacy_contact=self.advocacy_contact.data or "",
            safeguarding_procedure=self.safeguarding_procedure.data or "",
            retention_months=submitted(self.retention_months.data),
            minimum_response_rate=submitted(self.minimum_response_rate.data),
        )
