"""The form officers use to write one "you said, we will" action of a plan.

Fields are shaped here; what makes an action complete (Welsh unless English-only, "what we
did" once done, a known indicator) is the service's check, so the rules live in one place.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length

from survey_app.admin.forms.fields import DayMonthYearField
from survey_app.common.forms import SelectChoice, StaffForm
from survey_app.services.action_plans import ActionDraft

TEXT_LIMIT = Length(max=2000)
"""Far past the service's limits, so an over-long action gets the service's kind message."""
STATUS_LABELS = {"planned": _l("Planned"), "in_progress": _l("In progress"), "done": _l("Done")}


class ActionPlanForm(StaffForm):
    """One action: the indicator it answers, its words in English and Welsh, owner, due date,
    status and, once done, what was done. The view fills ``indicator_id``'s choices."""

    indicator_id = SelectField(
        _l("What did children tell you that this action is about?"),
        widget=GovSelect(),
        validate_choice=False,
    )
    text = TextAreaField(
        _l("What will you do? (English)"),
        description=_l(
            'Start with "We will". Use short, plain words a 7-year-old would understand. '
            "For example: We will make sure you can always reach your social worker."
        ),
        widget=GovTextArea(),
        validators=[TEXT_LIMIT],
    )
    english_only = BooleanField(
        _l("This action is in English only for now"),
        description=_l("Welsh pages will show the English words with a note in Welsh."),
        widget=GovCheckboxInput(),
    )
    text_cy = TextAreaField(
        _l("What will you do? (Welsh)"),
        description=_l("Leave this empty only when the action is in English only."),
        widget=GovTextArea(),
        validators=[TEXT_LIMIT],
    )
    owner = StringField(
        _l("Who will make it happen?"),
        description=_l("A role or a team, for example Participation team. Never a child."),
        widget=GovTextInput(),
        validators=[Length(max=500)],
    )
    due_on = DayMonthYearField(
        _l("When will it be done by?"),
        description=_l("For example, 30 6 2027"),
        invalid_message=_l("The date it will be done by must be a real date"),
    )
    status = RadioField(
        _l("Where is it up to?"),
        choices=[SelectChoice(value, label) for value, label in STATUS_LABELS.items()],
        default="planned",
        widget=GovRadioInput(),
        validate_choice=False,
    )
    done_text = TextAreaField(
        _l("What did you do? (English)"),
        description=_l("Only when it is done. Children will read this at the next round."),
        widget=GovTextArea(),
        validators=[TEXT_LIMIT],
    )
    done_text_cy = TextAreaField(
        _l("What did you do? (Welsh)"),
        widget=GovTextArea(),
        validators=[TEXT_LIMIT],
    )
    submit = SubmitField(_l("Save action"), widget=GovSubmitInput())

    def draft(self) -> ActionDraft:
        """The action as typed, for the service to check."""
        return ActionDraft(
            indicator_id=self.indicator_id.data or "",
            text=self.text.data or "",
            text_cy=self.text_cy.data or "",
            english_only=bool(self.english_only.data),
            owner=self.owner.data or "",
            due_on=self.due_on.data,
            status=self.status.data or "",
            done_text=self.done_text.data or "",
            done_text_cy=self.done_text_cy.data or "",
        )

    def fill(self, draft: ActionDraft) -> None:
        """Show a saved action's values."""
        for name, value in vars(draft).items():
            getattr(self, name).data = value


class RemoveActionForm(StaffForm):
    """The button that removes an action (a POST with its CSRF token)."""

    remove = SubmitField(_l("Remove this action"), widget=GovSubmitInput())


PROBLEMS = {
    ("indicator_id", "unknown"): _l("Choose what children told you from the list"),
    ("indicator_id", "not_asked"): _l(
        "This age group was not asked about that in this round. Choose something they were asked"
    ),
    ("text", "missing"): _l("Enter what you will do, in English"),
    ("text", "too_long"): _l("What you will do must be 300 characters or fewer"),
    ("text", "too_many"): _l("An age group can have 6 actions at most. Remove one first"),
    ("text_cy", "missing"): _l(
        "Enter what you will do in Welsh, or say the action is in English only"
    ),
    ("text_cy", "too_long"): _l("The Welsh must be 300 characters or fewer"),
    ("owner", "missing"): _l("Enter the role or team who will make it happen"),
    ("owner", "too_long"): _l("Who will make it happen must be 120 characters or fewer"),
    ("due_on", "missing"): _l("Enter the date it will be done by"),
    ("status", "unknown"): _l("Choose where it is up to"),
    ("done_text", "missing"): _l("Enter what you did, in English, now that it is done"),
    ("done_text", "too_long"): _l("What you did must be 200 characters or fewer"),
    ("done_text_cy", "missing"): _l(
        "Enter what you did in Welsh, or say the action is in English only"
    ),
    ("done_text_cy", "too_long"): _l("The Welsh for what you did must be 200 characters or fewer"),
}
"""The officer's words for each problem the service finds, by field and problem code."""


def show_problems(form: ActionPlanForm, problems: dict[str, str]) -> None:
    """Put the service's problems on the form's fields, where the error summary finds them."""
    for field, code in problems.items():
        getattr(form, field).errors.append(str(PROBLEMS[(field, code)]))
