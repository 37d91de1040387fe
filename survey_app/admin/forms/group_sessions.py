"""The form that starts a group session: how long it lasts."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField
from wtforms.validators import InputRequired, NumberRange

from survey_app.admin.forms.fields import WholeNumberField
from survey_app.common.forms import StaffForm
from survey_app.services.group_sessions import DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES


class GroupSessionForm(StaffForm):
    """Minutes from 30 to 180, 90 unless changed."""

    minutes = WholeNumberField(
        _l("How long the group session lasts, in minutes"),
        description=_l(
            "From %(low)s to %(high)s minutes. It ends by itself, or you can end it sooner.",
            low=MIN_MINUTES,
            high=MAX_MINUTES,
        ),
        default=DEFAULT_MINUTES,
        invalid_message=_l("Enter a whole number of minutes, like 90"),
        validators=[
            InputRequired(_l("Enter how many minutes the group session lasts")),
            NumberRange(
                min=MIN_MINUTES,
                max=MAX_MINUTES,
                message=_l(
                    "Enter a number of minutes from %(low)s to %(high)s",
                    low=MIN_MINUTES,
                    high=MAX_MINUTES,
                ),
            ),
        ],
    )
    submit = SubmitField(_l("Start the group session"), widget=GovSubmitInput())
