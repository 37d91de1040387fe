"""The base class of every staff form, so each text field is cleaned the same way, and the two
helpers views use on a validated form's fields. Forms import WTForms' ``SelectChoice`` from here."""

from __future__ import annotations

from typing import Any, TypeVar

from flask_wtf import FlaskForm
from wtforms import Field, Form

# SelectChoice is new in WTForms 3.3 and not yet in its stubs (types-WTForms 3.2), so it is
# imported here only, with the one ignore, and forms import it from this module.
from wtforms.fields.choices import SelectChoice as SelectChoice  # type: ignore[attr-defined]
from wtforms.fields.core import UnboundField

from survey_app.common.control_characters import without_control_characters

_T = TypeVar("_T")


def _clean(value: object) -> object:
    return without_control_characters(value) if isinstance(value, str) else value


class StaffForm(FlaskForm):
    """A Flask-WTF form whose text fields drop invisible control characters as they arrive.

    Without this, a pasted or hostile control character would be echoed into the page when the
    form is shown again with an error, making the page malformed HTML, and would reach the
    database, where PostgreSQL refuses NUL outright.
    """

    class Meta:
        def bind_field(
            self, form: Form, unbound_field: UnboundField[Field], options: dict[str, Any]
        ) -> Field:
            options["filters"] = (*options.get("filters", ()), _clean)
            field: Field = unbound_field.bind(form=form, **options)
            return field


def submitted(data: _T | None) -> _T:
    """A required field's data once its form has validated (its data is then never None).

    WTForms types every field's data as optional, since a form that has not been submitted
    holds none; this narrows it, and fails loudly if a view forgot to validate first.
    """
    if data is None:
        raise ValueError("a required field has no data: validate the form first")
    return data


def add_error(field: Field, message: str) -> None:
    """Show ``message`` under ``field``, beside any errors validation found."""
    field.errors = [*field.errors, message]
