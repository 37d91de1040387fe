"""The base class of every staff form, so each text field is cleaned the same way, and the two
helpers views use on a validated form's fields. Forms import WTForms' ``SelectChoice`` from here."""

from __future__ import annotations

from typing import Any, TypeVar

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import Field, Form

# SelectChoice is new in WTForms 3.3 and not yet in its stubs (types-WTForms 3.2), so it is
# imported here only, with the one ignore, and forms import it from this module.
from wtforms.fields.choices import SelectChoice as SelectChoice  # type: ignore[attr-defined]
from wtforms.fields.core import UnboundField

from survey_app.common.control_characters import without_control_characters

_T = TypeVar("_T")


def _clean(value: object) -> object:
    return without_control_characters(value) if isinstance(value, str) else value


def _cleaned(posted: MultiDict[str, Any]) -> MultiDict[str, Any]:
    """``posted`` with control characters dropped from every text value (files kept as sent)."""
    return MultiDict([(name, _clean(value)) for name, value in posted.items(multi=True)])


class StaffForm(FlaskForm):
    """A Flask-WTF form that drops invisible control characters from everything posted to it.

    Without this, a pasted or hostile control character would be echoed into the page when the
    form is shown again with an error, making the page malformed HTML, and would reach the
    database, where PostgreSQL refuses NUL outright.
    """

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form: Form, formdata: Any) -> Any:
            """The posted values, cleaned before any field reads them.

            Cleaning the posted text, not only each field's data, matters because number,
            date and button fields redraw the text exactly as posted (their ``raw_data``) when
            it does not parse, and filters never see that.
            """
            posted = super().wrap_formdata(form, formdata)
            return None if posted is None else _cleaned(posted)

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
