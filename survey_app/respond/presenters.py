"""Turning a questionnaire item into GOV.UK Frontend macro parameters, keyed by item type.

Every choice item becomes radios (or checkboxes for multi-choice) in a fieldset whose legend is
the page's ``<h1>``; nothing is pre-selected. Faces are radios whose labels hold an image and
the face's name; 0-10 scales are eleven inline radios with the end labels as hints; free text is
a character count. Behaviour keys off ``item.type`` only (CR-4).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape

from questionnaires import PREFER_NOT_TO_SAY, Item, Option
from survey_app.services.answers import AnswerValue, RawValue, text_limit

FIELD = "answer"
WIDGETS = {
    "yes_no": "radios",
    "frequency": "radios",
    "count_band": "radios",
    "single_choice": "radios",
    "faces": "radios",
    "scale_0_10": "radios",
    "multi_choice": "checkboxes",
    "free_text": "character_count",
}


def _option_label(option: Option, lang: str) -> str:
    return option.label.get(lang) if option.label else option.value


def _plain_choice(option: Option, lang: str) -> dict[str, Any]:
    return {"value": option.value, "text": _option_label(option, lang)}


def _face_choice(option: Option, lang: str) -> dict[str, Any]:
    # The image repeats the label, so it is decorative (alt=""); the text names the face.
    # "Prefer not to say" has no face, so it is a plain choice rather than a broken image.
    if option.image is None:
        return _plain_choice(option, lang)
    src = url_for("respond.face", name=option.image)
    image = Markup('<img class="cv-face__image" src="{}" alt="" width="60" height="60">').format(
        src
    )
    label = Markup('<span class="cv-face__label">{}</span>').format(_option_label(option, lang))
    return {"value": option.value, "html": image + label, "label": {"classes": "cv-face"}}


def _scale_choice(option: Option, lang: str) -> dict[str, Any]:
    choice: dict[str, Any] = {"value": option.value, "text": option.value}
    if option.label:
        choice["hint"] = {"text": option.label.get(lang)}
    return choice


_CHOICE_BUILDERS: dict[str, Callable[[Option, str], dict[str, Any]]] = {
    "faces": _face_choice,
    "scale_0_10": _scale_choice,
}
_FIELD_CLASSES = {"faces": "cv-faces", "scale_0_10": "govuk-radios--inline cv-scale"}


def choices(item: Item, lang: str) -> list[dict[str, Any]]:
    """The radio or checkbox items, with an "or" divider before "prefer not to say"."""
    build = _CHOICE_BUILDERS.get(item.type, _plain_choice)
    built: list[dict[str, Any]] = []
    for option in item.options:
        if option.value == PREFER_NOT_TO_SAY:
            built.append({"divider": _("or")})
        built.append(build(option, lang))
    return built


def question_params(
    item: Item, lang: str, value: AnswerValue | RawValue | None, error: str | None
) -> dict[str, Any]:
    """The macro parameters for ``item``, showing ``value`` (stored, or as posted when the page is
    shown again with an error) and an inline ``error`` if any."""
    hint = item.hint.get(lang) if item.hint else None
    params: dict[str, Any] = {"name": FIELD, "idPrefix": FIELD}
    if error:
        params["errorMessage"] = {"text": error}
    if item.type == "free_text":
        return params | _text_params(item, lang, value, hint)
    params["fieldset"] = {
        "legend": {
            "text": item.text.get(lang),
            "isPageHeading": True,
            "classes": "govuk-fieldset__legend--l",
        }
    }
    params["items"] = choices(item, lang)
    params["classes"] = _FIELD_CLASSES.get(item.type, "")
    if hint:
        params["hint"] = {"text": hint}
    if item.type == "multi_choice":
        params["values"] = list(value or ())
    elif value:
        params["value"] = value
    return params


def _text_params(
    item: Item, lang: str, value: AnswerValue | RawValue | None, hint: str | None
) -> dict[str, Any]:
    limit = text_limit(item)
    return {
        "id": FIELD,
        "label": {"text": item.text.get(lang), "isPageHeading": True, "classes": "govuk-label--l"},
        "hint": {"text": hint or _("Please do not write anyone’s name.")},
        "maxlength": limit,
        "rows": 6,
        "value": value or "",
        "textareaDescriptionText": _("You can enter up to %(count)s characters", count=limit),
        "charactersUnderLimitText": {
            "one": _("You have %{count} character remaining"),
            "other": _("You have %{count} characters remaining"),
        },
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": {
            "one": _("You have %{count} character too many"),
            "other": _("You have %{count} characters too many"),
        },
    }


def speech_text(item: Item, lang: str) -> str:
    """What the read-aloud button says: the item's own script, or its question and choices."""
    if item.read_aloud and item.read_aloud.has(lang):
        return item.read_aloud.get(lang)
    parts = [item.text.get(lang)]
    if item.hint:
        parts.append(item.hint.get(lang))
    parts.extend(option.label.get(lang) for option in item.options if option.label)
    return ". ".join(parts)


def summary_rows(
    items: tuple[Item, ...], answers: Mapping[str, AnswerValue], lang: str
) -> list[dict[str, Any]]:
    """Check-your-answers rows: each visible question, its answer, and a change link."""
    rows = []
    for item in items:
        answered = item.id in answers
        shown = display_value(item, lang, answers[item.id]) if answered else _("Not answered")
        link = {
            "href": url_for("respond.question", item_id=item.id, change=1),
            "text": _("Change") if answered else _("Answer"),
            "visuallyHiddenText": item.text.get(lang),
        }
        rows.append(
            {
                "key": {"text": item.text.get(lang)},
                "value": {"html": escaped_lines(shown)},
                "actions": {"items": [link]},
            }
        )
    return rows


def display_value(item: Item, lang: str, value: AnswerValue) -> str:
    """An answer as the check-answers page shows it: labels, not codes."""
    if item.type == "free_text":
        return str(value)
    chosen = (value,) if isinstance(value, str) else value
    return ", ".join(_option_label(o, lang) for o in item.options if o.value in chosen)


def escaped_lines(text: str) -> Markup:
    """Free text with its line breaks kept, safe to put in HTML."""
    return Markup("<br>").join(escape(line) for line in text.split("\n"))
