"""Every staff form drops invisible control characters from what people type."""

from __future__ import annotations

from flask import Flask
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, IntegerField, StringField, SubmitField

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


class _CountForm(StaffForm):
    children = IntegerField()
    save = SubmitField()


def test_a_field_that_redraws_what_was_typed_shows_no_control_characters() -> None:
    """A number or a button redraws the posted text itself, not the filtered data: found by the
    fuzzer, a NUL in a number box and C0/C1 controls in a button's value made malformed pages."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY="x", WTF_CSRF_ENABLED=False)
    typed = MultiDict({"children": "twelve\x00", "save": "Save\x0f\x8f"})
    with app.test_request_context(method="POST"):
        form = _CountForm(formdata=typed)
        assert not form.validate()
        number_box = str(form.children())
    assert 'value="twelve"' in number_box
    assert form.save._value() == "Save"  # What GOV.UK's button puts in its value attribute.


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
