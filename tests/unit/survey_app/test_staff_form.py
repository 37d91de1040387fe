"""Every staff form drops invisible control characters from what people type."""

from __future__ import annotations

from flask import Flask
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, StringField

from survey_app.common.forms import StaffForm


class _NoteForm(StaffForm):
    note = StringField()
    urgent = BooleanField()


def test_control_characters_are_dropped_and_everything_else_kept() -> None:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="x", WTF_CSRF_ENABLED=False)
    typed = MultiDict({"note": "Ring\x00 the\x1b home\tteam\x7f\x85\x9f", "urgent": "y"})
    with app.test_request_context(method="POST"):
        form = _NoteForm(formdata=typed)
    assert form.note.data == "Ring the home\tteam"
    assert form.urgent.data is True


def _all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    return found.union(*(_all_subclasses(sub) for sub in found))


def test_every_form_in_the_app_is_a_staff_form() -> None:
    import survey_app.admin.routes
    import survey_app.auth
    import survey_app.reports  # noqa: F401 (importing the blueprints defines every form)

    app_forms = {f for f in _all_subclasses(FlaskForm) if f.__module__.startswith("survey_app.")}
    assert app_forms
    assert {f.__qualname__ for f in app_forms if not issubclass(f, StaffForm)} == set()
