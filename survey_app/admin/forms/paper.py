"""The paper questionnaire form, built from an instrument version's items (data, not code)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import Field, RadioField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from questionnaires import InstrumentVersion, Item, LocalisedText

NOT_ITEMS = ("csrf_token", "language", "submit")


def _text(text: LocalisedText, lang: str) -> str:
    return text.get(lang) if text.has(lang) else text.en


def _field(item: Item, lang: str) -> Field:
    label = _text(item.text, lang)
    choices = [
        SelectChoice(option.value, _text(option.label, lang) if option.label else option.value)
        for option in item.options
    ]
    if item.type == "free_text":
        return TextAreaField(label, widget=GovTextArea())
    if item.type == "multi_choice":
        return SelectMultipleField(
            label, choices=choices, widget=GovCheckboxesInput(), validate_choice=False
        )
    return RadioField(
        label,
        choices=choices,
        widget=GovRadioInput(),
        validate_choice=False,
        validators=[Optional()],
    )


def paper_form(version: InstrumentVersion, lang: str) -> FlaskForm:
    """A form with one field per item (named by item id), the paper's language and a button.

    Every item is optional, as on paper; the responses service checks each answer.
    """
    fields = {item.id: _field(item, lang) for item in version.items}
    fields["language"] = RadioField(
        _l("Language of the paper copy"),
        choices=[SelectChoice("en", _l("English")), SelectChoice("cy", _l("Welsh"))],
        default="en",
        widget=GovRadioInput(),
    )
    fields["submit"] = SubmitField(_l("Save questionnaire"), widget=GovSubmitInput())
    return type("PaperForm", (FlaskForm,), fields)()


def raw_answers(form: FlaskForm) -> dict[str, str | list[str]]:
    """What was keyed for each item: text, one option code, or a list of codes."""
    return {
        name: field.data if field.data is not None else ""
        for name, field in form._fields.items()
        if name not in NOT_ITEMS
    }
