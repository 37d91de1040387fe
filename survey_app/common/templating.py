"""Jinja set-up: our templates first, then the GOV.UK Frontend macro packages."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import MutableMapping
from typing import Any

from flask import Flask
from flask.templating import Environment
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader


class TemplateGlobals(ChainMap[str, Any]):
    """Jinja's map of a template's globals over the environment's, whose ``keys()`` is a set.

    Each ``{% from ... import %}`` takes the importing context's global names minus the
    imported template's ``globals.keys()``. A ``ChainMap``'s keys view makes that difference in
    Python, one name at a time: about 3% of a worker's CPU under load, for GOV.UK pages that
    import a dozen macros each (``docs/scaling.md``). A set makes it in C. The set is taken
    afresh on each call, so a global added to the environment later is still seen, as with
    Jinja's own map.
    """

    # A set offers all a keys view does, and faster set arithmetic.
    def keys(self) -> set[str]:  # type: ignore[override]
        return set(self)


class TemplateEnvironment(Environment):
    """Flask's Jinja environment, with ``TemplateGlobals`` as every template's globals."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return TemplateGlobals({} if d is None else d, self.globals)


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
