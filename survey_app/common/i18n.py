"""Interface language: English (en_GB) or Welsh (cy), chosen by the person and kept in session.

Respondents and staff choose apart: a report link with ``?lang=cy`` does not turn the staff area
Welsh, and a child's choice on a shared device does not change an officer's pages.
"""

from __future__ import annotations

from flask import Flask, request, session
from flask_babel import get_locale, refresh

from survey_app.extensions import babel

SUPPORTED = {"en": "en_GB", "cy": "cy"}


STAFF_AREA = ("/admin", "/reports", "/auth")
STAFF_LANGUAGE_KEY = "staff_lang"
"""The staff area's own language, chosen with its header switch and kept apart from ``lang``."""


def in_staff_area() -> bool:
    """True for the pages of staff: the admin tools, reports and sign-in."""
    path = request.path
    return any(path == area or path.startswith(f"{area}/") for area in STAFF_AREA)


def select_locale() -> str:
    """Use ``?lang=`` when given, else the remembered choice, else English.

    Respondents' and public pages remember ``?lang=`` for later pages. In the staff area it
    holds for that page only (a Welsh report link shows that report in Welsh), and the staff
    area's language is the one the officer chose with its own switch.
    """
    asked = request.args.get("lang")
    if in_staff_area():
        chosen = asked if asked in SUPPORTED else session.get(STAFF_LANGUAGE_KEY, "en")
        return SUPPORTED.get(chosen, "en_GB")
    if asked in SUPPORTED:
        session["lang"] = asked
    return SUPPORTED.get(session.get("lang", "en"), "en_GB")


def current_language() -> str:
    """The two-letter code for the page's ``lang`` attribute: ``en`` or ``cy``."""
    locale = get_locale()  # asked once: a page asks for its language about ten times
    return locale.language if locale else "en"


def register_i18n(app: Flask) -> None:
    """Initialise Flask-Babel with our catalogues and expose the language to templates."""
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories="translations",
    )
    app.jinja_env.globals["current_language"] = current_language
    # Flask-Babel caches the locale on ``g``, which outlives a request when an app context was
    # already pushed (tests, CLI); each request chooses its own language.
    app.before_request(refresh)
