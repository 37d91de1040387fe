"""Every staff form drops invisible control characters from what people type."""

from __future__ import annotations

from flask import Flask
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, StringField

from survey_app.common.forms import StaffForm


class _NoteForm(StaffForm):
    note = StringField()
    urgent = BooleanField()


def test_control_characters_are_dropped_and_everything_else_kept() -> None:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="x", WTF_CSRF_ENABLED=False)
    typed = MultiDict({"note": "Ring\x00 the\x1b home\tteam\x7f", "urgent": "y"})
    with app.test_request_context(method="POST"):
        form = _NoteForm(formdata=typed)
    assert form.note.data == "Ring the home\tteam"
    assert form.urgent.data is True
