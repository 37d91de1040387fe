"""Interface language: English (en_GB) or Welsh (cy), chosen by the person and kept in session."""

from __future__ import annotations

from flask import Flask, request, session
from flask_babel import get_locale

from survey_app.extensions import babel

SUPPORTED = {"en": "en_GB", "cy": "cy"}


def select_locale() -> str:
    """Use ``?lang=`` when given (and remember it), else the session's choice, else English."""
    asked = request.args.get("lang")
    if asked in SUPPORTED:
        session["lang"] = asked
    return SUPPORTED.get(session.get("lang", "en"), "en_GB")


def current_language() -> str:
    """The two-letter code for the page's ``lang`` attribute: ``en`` or ``cy``."""
    return get_locale().language if get_locale() else "en"


def register_i18n(app: Flask) -> None:
    """Initialise Flask-Babel with our catalogues and expose the language to templates."""
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories="translations",
    )
    app.jinja_env.globals["current_language"] = current_language
