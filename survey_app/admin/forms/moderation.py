"""The moderation decision form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from survey_app.common.forms import SelectChoice, StaffForm


class ModerationForm(StaffForm):
    """Approve, redact then approve, or reject; what to remove when redacting."""

    action = RadioField(
        _l("Decision"),
        choices=[
            SelectChoice("approve", _l("Approve as a quote, as written")),
            SelectChoice("redact", _l("Remove names or details, then approve")),
            SelectChoice("reject", _l("Reject: never quote this")),
        ],
        widget=GovRadioInput(),
        validators=[InputRequired(_l("Select a decision"))],
    )
    removals = TextAreaField(
        _l("Words or details to remove"),
        description=_l(
            "Only when removing details. Put each on its own line. Each will read [removed]."
        ),
        widget=GovTextArea(),
        validators=[Length(max=2000)],
    )
    submit = SubmitField(_l("Save decision"), widget=GovSubmitInput())

    def removal_lines(self) -> list[str]:
        """The details to remove, one per line."""
        return [line for line in (self.removals.data or "").splitlines() if line.strip()]
