"""The form officers use to write "we will" actions for an age group."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length

from survey_app.common.forms import StaffForm


class ActionsForm(StaffForm):
    """One action a line; the service checks how many and how long."""

    actions = TextAreaField(
        _l("What will you do?"),
        description=_l(
            "Put each action on its own line, in words a child would understand. "
            "For example: We will make sure you can always reach your social worker."
        ),
        widget=GovTextArea(),
        validators=[Length(max=4000)],
    )
    submit = SubmitField(_l("Save actions"), widget=GovSubmitInput())

    def action_lines(self) -> list[str]:
        """The text as lines."""
        return (self.actions.data or "").splitlines()
