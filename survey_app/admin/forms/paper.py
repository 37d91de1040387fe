"""The paper questionnaire form, built from an instrument version's items (data, not code).

Questions carry the numbers printed on the blank questionnaire (``paper_layout``), so an officer
keys question 12 from question 12. Radios and checkboxes are the small GOV.UK kind, side by
side when the answers are few and short, so a whole questionnaire fits on a few screens; a
follow-up question says which answer to which question it depends on.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import Field, RadioField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import Optional

from questionnaires import InstrumentVersion, Item
from survey_app.common.forms import SelectChoice, StaffForm
from survey_app.services.paper_layout import (
    item_text,
    joined,
    only_if_routes,
    option_label,
    question_numbers,
)

NOT_ITEMS = ("csrf_token", "language", "submit")
LEFT_BLANK = ""
"""A radio question's last choice, "Left blank": a mis-keyed answer can be taken back, since a
chosen radio cannot be unchosen; the responses service stores nothing for it (a skip)."""
INLINE_WORDS = 76
"""Answers go side by side on one line when their words add up to at most this many letters:
yes/no/don't know, a frequency scale, or a 0 to 10 scale, but not a list of long answers."""


def _field(version: InstrumentVersion, item: Item, lang: str) -> Field:
    label = f"{question_numbers(version)[item.id]}. {item_text(item, lang)}"
    hint = _routing_hint(version, item, lang)
    choices = [SelectChoice(option.value, option_label(option, lang)) for option in item.options]
    if item.type == "free_text":
        return TextAreaField(label, widget=GovTextArea(), description=hint)
    if item.type == "multi_choice":
        return SelectMultipleField(
            label,
            choices=choices,
            widget=GovCheckboxesInput(),
            validate_choice=False,
            description=hint,
        )
    return RadioField(
        label,
        choices=[*choices, SelectChoice(LEFT_BLANK, _l("Left blank"))],
        widget=GovRadioInput(),
        validate_choice=False,
        validators=[Optional()],
        description=hint,
    )


def _routing_hint(version: InstrumentVersion, item: Item, lang: str) -> str:
    """The note under a follow-up question (Asked only if question 5 was “Yes”), else ""."""
    return " ".join(
        _(
            "Asked only if question %(number)s was %(answers)s.",
            number=route.number,
            answers=joined(route.answers, _("or")),
        )
        for route in only_if_routes(version, item, lang)
    )


def _classes(item: Item, lang: str) -> str:
    """Small radios or checkboxes; side by side when the answers are few and short."""
    if item.type == "free_text":
        return ""
    if item.type == "multi_choice":
        return "govuk-checkboxes--small"
    words = sum(len(option_label(option, lang)) for option in item.options) + len(_("Left blank"))
    return "govuk-radios--small" + (" govuk-radios--inline" if words <= INLINE_WORDS else "")


def paper_form(
    version: InstrumentVersion,
    lang: str,
    *,
    with_language: bool = True,
    answers: Mapping[str, object] | None = None,
    button: str | None = None,
) -> StaffForm:
    """A form with one numbered field per item (named by item id), the paper's language (for a
    first keying) and a button; ``answers`` fills it in (to correct a keyed paper).

    Every item is optional, as on paper; the responses service checks each answer. The form's
    ``compact`` maps each item id to the GOV.UK classes it is shown with.
    """
    fields: dict[str, Field] = {item.id: _field(version, item, lang) for item in version.items}
    if with_language:
        fields["language"] = RadioField(
            _l("Language of the paper copy"),
            choices=[SelectChoice("en", _l("English")), SelectChoice("cy", _l("Welsh"))],
            default="en",
            widget=GovRadioInput(),
        )
    fields["submit"] = SubmitField(button or _l("Save questionnaire"), widget=GovSubmitInput())
    form = type("PaperForm", (StaffForm,), fields)(data=_with_blanks(version, answers))
    form.compact = {item.id: _classes(item, lang) for item in version.items}
    return form


def _with_blanks(
    version: InstrumentVersion, answers: Mapping[str, object] | None
) -> Mapping[str, object] | None:
    """Stored answers with "Left blank" chosen for each radio question that has none."""
    if answers is None:
        return None
    radios = [item.id for item in version.items if item.type not in ("free_text", "multi_choice")]
    return {**dict.fromkeys(radios, LEFT_BLANK), **answers}


def raw_answers(form: StaffForm) -> dict[str, str | list[str]]:
    """What was keyed for each item: text, one option code, or a list of codes."""
    return {
        name: field.data if field.data is not None else ""
        for name, field in form._fields.items()
        if name not in NOT_ITEMS
    }
