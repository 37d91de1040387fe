"""The base class of every staff form, so each text field is cleaned the same way."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, Form
from wtforms.fields.core import UnboundField

from survey_app.common.control_characters import without_control_characters


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
            self, form: Form, unbound_field: UnboundField, options: dict[str, Any]
        ) -> Field:
            options["filters"] = (*options.get("filters", ()), _clean)
            return unbound_field.bind(form=form, **options)
