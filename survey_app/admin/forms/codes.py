"""Forms for access codes: issue a batch, revoke one, forget a batch's clear codes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import RadioField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, NumberRange

from survey_app.admin.forms.fields import WholeNumberField
from survey_app.common.forms import StaffForm
from survey_app.services.access_codes import MAX_BATCH

ANYONE = "any"


class CodeBatchForm(StaffForm):
    """A label, who the codes are for, and how many; audience choices are set by the view."""

    label = StringField(
        _l("Label"),
        description=_l("Who will hand out these codes, for example Virtual school"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter a label for the codes")), Length(max=100)],
    )
    audience = RadioField(
        _l("Who can use these codes"),
        default=ANYONE,
        widget=GovRadioInput(),
        validators=[InputRequired(_l("Select who can use these codes"))],
    )
    count = WholeNumberField(
        _l("How many codes"),
        description=_l("Each code can be shared by a group, such as a school or a team."),
        default=1,
        validators=[
            InputRequired(_l("Enter how many codes to make")),
            NumberRange(
                min=1, max=MAX_BATCH, message=_l("Enter a number from 1 to %(max)s", max=MAX_BATCH)
            ),
        ],
    )
    submit = SubmitField(_l("Make codes"), widget=GovSubmitInput())


class ButtonForm(StaffForm):
    """A form that is only a button: revoke, forget codes, open or close a round."""
