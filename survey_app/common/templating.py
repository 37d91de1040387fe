"""Jinja set-up: our templates first, then the GOV.UK Frontend macro packages."""

from __future__ import annotations

from flask import Flask
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader


def register_templating(app: Flask) -> None:
    """Load ``survey_app/templates`` and the ``govuk_frontend_jinja``/``_wtf`` packages."""
    app.jinja_loader = ChoiceLoader(
        [
            PackageLoader("survey_app"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
