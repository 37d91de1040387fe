"""Template globals keep Jinja's meaning with set-valued keys (docs/scaling.md, issue 19)."""

from __future__ import annotations

from flask import Flask
from jinja2 import DictLoader

from survey_app.common.templating import TemplateEnvironment, TemplateGlobals

MACROS = "{% macro hello() %}{{ greeting }}, {{ who() }}{% endmacro %}"
PAGE = '{% from "macros.html" import hello %}{{ hello() }}'


def _app() -> Flask:
    app = Flask(__name__)
    app.jinja_environment = TemplateEnvironment
    app.jinja_loader = DictLoader({"macros.html": MACROS, "page.html": PAGE})
    app.jinja_env.globals["greeting"] = "Hello"
    return app


def test_a_templates_globals_keys_are_a_set_of_its_own_and_the_environments_names() -> None:
    app = _app()
    template = app.jinja_env.get_template("page.html", globals={"own": 1})
    assert isinstance(template.globals, TemplateGlobals)
    assert isinstance(template.globals.keys(), set)
    assert template.globals.keys() == set(app.jinja_env.globals) | {"own"}


def test_an_imported_macro_sees_globals_added_after_its_template_was_loaded() -> None:
    app = _app()
    with app.app_context():
        app.jinja_env.get_template("macros.html")
        app.jinja_env.globals["who"] = lambda: "world"
        assert app.jinja_env.get_template("page.html").render() == "Hello, world"


def test_the_app_renders_its_pages_with_this_environment(app: Flask) -> None:
    assert isinstance(app.jinja_env, TemplateEnvironment)
    with app.test_request_context("/start"):
        template = app.jinja_env.get_template("respond/start.html")
        assert isinstance(template.globals, TemplateGlobals)
