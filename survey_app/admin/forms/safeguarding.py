"""Safeguarding forms: an authority's settings, and recording how an alert was handled.

The default handling outcomes live here, as interface text, so they are shown in the reader's
language; an authority that writes its own list sees exactly its own words.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import BooleanField, RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from survey_app.admin.forms.fields import WholeNumberField
from survey_app.common.forms import SelectChoice, StaffForm
from survey_app.services.safeguarding_alerts import MAX_NOTE_LENGTH
from survey_app.services.safeguarding_settings import (
    DEFAULT_ESCALATION_HOURS,
    ESCALATION_HOURS_RANGE,
    SafeguardingDetails,
)

DEFAULT_OUTCOMES = (
    _l("Referred under our safeguarding procedure"),
    _l("Passed to the child's social worker team"),
    _l("Already known and being supported"),
    _l("No action: not a disclosure"),
)


def outcome_choices(own: Sequence[str]) -> list[str]:
    """The authority's own outcomes, or the defaults in the reader's language."""
    return list(own) or [str(outcome) for outcome in DEFAULT_OUTCOMES]


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").splitlines() if line.strip())


class SafeguardingSettingsForm(StaffForm):
    """Contacts (one address a line), own outcomes (one a line) and the escalation delay."""

    contacts = TextAreaField(
        _l("Safeguarding contacts"),
        description=_l(
            "Email addresses told at once when an answer is flagged, such as your designated"
            " safeguarding lead and a duty team mailbox. Put each on its own line."
        ),
        widget=GovTextArea(),
        validators=[Length(max=4000)],
    )
    outcomes = TextAreaField(
        _l("What staff can record as done"),
        description=_l("Put each outcome on its own line. Leave empty to use the usual list."),
        widget=GovTextArea(),
        validators=[Length(max=4000)],
    )
    escalation_hours = WholeNumberField(
        _l("Escalate an alert nobody has handled after this many hours"),
        default=DEFAULT_ESCALATION_HOURS,
        validators=[
            InputRequired(_l("Enter a number of hours")),
            NumberRange(
                min=ESCALATION_HOURS_RANGE[0],
                max=ESCALATION_HOURS_RANGE[1],
                message=_l("Enter a number of hours from 1 to 168"),
            ),
        ],
    )
    alert_on_risk_answers = BooleanField(
        _l("Also alert us when a child chooses an answer that signals risk"),
        description=_l(
            "For example never feeling safe, or scoring their life 0 or 1 out of 10. Children"
            " are always shown who they can talk to. An alert cannot reach an anonymous child:"
            " it only tells you that someone in a code batch gave that answer, and children"
            " are told that a trained person is told."
        ),
        widget=GovCheckboxInput(),
    )
    submit = SubmitField(_l("Save safeguarding settings"), widget=GovSubmitInput())

    def fill(self, details: SafeguardingDetails) -> None:
        """Show the stored settings (on a first visit, not over what was just posted)."""
        self.contacts.data = "\n".join(details.contacts)
        self.outcomes.data = "\n".join(details.outcomes)
        self.escalation_hours.data = details.escalation_hours
        self.alert_on_risk_answers.data = details.alert_on_risk_answers

    def details(self) -> SafeguardingDetails:
        """The answers for the settings service."""
        return SafeguardingDetails(
            contacts=_lines(self.contacts.data),
            outcomes=_lines(self.outcomes.data),
            escalation_hours=int(self.escalation_hours.data or 0),
            alert_on_risk_answers=bool(self.alert_on_risk_answers.data),
        )


class AlertHandlingForm(StaffForm):
    """The outcome, from the authority's list, and a note of what was done."""

    outcome = RadioField(
        _l("What was done"),
        widget=GovRadioInput(),
        validate_choice=False,  # the service checks it against the authority's list
        validators=[InputRequired(_l("Select what was done"))],
    )
    note = TextAreaField(
        _l("Note"),
        description=_l(
            "Who you told and any reference number. Do not copy the answer or anything that"
            " could identify the young person."
        ),
        widget=GovTextArea(),
        validators=[
            Length(max=MAX_NOTE_LENGTH, message=_l("Write a note of 2000 characters or fewer"))
        ],
    )
    submit = SubmitField(_l("Record as handled"), widget=GovSubmitInput())

    def offer(self, outcomes: Sequence[str]) -> None:
        """Offer ``outcomes`` as the choices (the authority's, or the defaults)."""
        self.outcome.choices = [SelectChoice(outcome, outcome) for outcome in outcomes]
