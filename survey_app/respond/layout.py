"""What the respondent layout needs on every page: the language switch and the help link."""

from __future__ import annotations

from typing import Any

from flask import g, request, url_for
from flask_babel import refresh

from survey_app.common.i18n import current_language
from survey_app.respond import bp

# Each language is named in itself, so a Welsh speaker finds "Cymraeg" on an English page.
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}


def this_page_in(lang: str) -> str:
    """The address of the current page (with its query) in the language ``lang``."""
    args = {**request.args.to_dict(), **(request.view_args or {})}
    args.pop("lang", None)
    return url_for(request.endpoint or "respond.start", **args, lang=lang)


def language_links() -> list[dict[str, str]]:
    """Links to this page in each other language offered (none when only one is offered)."""
    offered = g.get("offered_languages", ())
    if len(offered) < 2 or request.endpoint is None:
        return []
    shown = current_language()
    return [
        {"lang": lang, "name": LANGUAGE_NAMES[lang], "href": this_page_in(lang)}
        for lang in offered
        if lang != shown and lang in LANGUAGE_NAMES
    ]


@bp.before_request
def _start_with_every_language() -> None:
    # Reset per request: ``g`` (with Babel's cached locale) outlives a request when an outer
    # app context is pushed, as in a CLI or a test, and a stale language must never show.
    refresh()
    g.offered_languages = tuple(LANGUAGE_NAMES)


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    return {"language_links": language_links()}
