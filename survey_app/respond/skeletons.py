"""Respondent pages joined from skeletons: rendered once per shape, then filled in per request.

Rendering the GOV.UK page template and component macros was most of a respondent page's CPU
time (``docs/scaling.md``). Most of a page is the same for every respondent who sees it in the
same state, so a template is rendered once per *shape* (what the page's markup depends on,
named by the caller, plus the interface language, the script root and the languages the switch
offers) with unique markers in place of what changes per request: the CSRF token, the CSP
nonce, the language-switch addresses and whatever the caller names as slots. The output is
cut at the markers into a skeleton; later requests join its pieces with their own values,
escaped as Jinja's autoescaping escapes them.

The result is byte-for-byte the full render's, as tests check for every page built this way.
A value may be a slot only where the templates print it; anything a template branches on, or
reads from outside its context (the session, the request), must be part of the shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from flask import current_app, render_template, request
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf
from markupsafe import escape

from survey_app.common.security import csp_nonce
from survey_app.respond.layout import language_links

MAX_SKELETONS = 1000
"""Shapes kept per process. A round has a few hundred (items x languages x answers shown);
past the bound, pages are rendered in full rather than evicting, so memory stays bounded
(about 15 KB a skeleton) whatever a client sends."""
EXTENSION = "respondent_page_skeletons"
_MARKER = re.compile("\x00cv-slot:([a-z0-9_]+)\x00")

Skeleton = tuple[str, ...]
"""Template text and slot names, alternating: text, slot, text, slot, ..., text."""
Context = Callable[[Mapping[str, Any]], dict[str, Any]]
"""Builds a template's context from its slots' values (real values, or markers)."""


def _marker(name: str) -> str:
    """A string no template or questionnaire holds, left unchanged by HTML escaping."""
    return f"\x00cv-slot:{name}\x00"


def render_from_skeleton(
    template: str, shape: Hashable | None, context: Context, slots: Mapping[str, Any]
) -> str:
    """``render_template(template, **context(slots))``, joined from the skeleton of ``shape``.

    ``shape`` must name everything ``template``'s markup depends on apart from ``slots`` and
    the request's own values; None renders in full (a shape that cannot be a key).
    """
    if shape is None:
        return render_template(template, **context(slots))
    links = language_links()
    key = (template, shape, str(get_locale()), request.script_root, _link_shape(links))
    skeletons: dict[Hashable, Skeleton] = current_app.extensions.setdefault(EXTENSION, {})
    skeleton = skeletons.get(key)
    if skeleton is None:
        skeleton = _build(template, context, [*slots, *_request_slots(links)], links)
        if len(skeletons) < MAX_SKELETONS:
            skeletons[key] = skeleton
    return _fill(skeleton, {**slots, **_request_slots(links)})


def _link_shape(links: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((link["lang"], link["name"]) for link in links)


def _request_slots(links: list[dict[str, str]]) -> dict[str, Any]:
    """The values the request supplies: CSRF token, CSP nonce, language-switch addresses."""
    slots: dict[str, Any] = {"csrf": generate_csrf(), "nonce": csp_nonce()}
    slots.update({f"link_{index}": link["href"] for index, link in enumerate(links)})
    return slots


def _build(
    template: str, context: Context, names: list[str], links: list[dict[str, str]]
) -> Skeleton:
    """Render the template once with a marker for every varying value; cut it at the markers."""
    markers = {name: _marker(name) for name in names}
    variables = {
        **context(markers),
        "language_links": [
            {**link, "href": markers[f"link_{index}"]} for index, link in enumerate(links)
        ],
        "csrf_token": _constant(markers["csrf"]),
        "csp_nonce": _constant(markers["nonce"]),
    }
    return tuple(_MARKER.split(render_template(template, **variables)))


def _constant(text: str) -> Callable[[], str]:
    return lambda: text


def _fill(skeleton: Skeleton, slots: Mapping[str, Any]) -> str:
    """Join the skeleton's text with each slot's value, escaped as the template escapes it."""
    escaped = {name: escape(value) for name, value in slots.items()}
    pieces = [text if index % 2 == 0 else escaped[text] for index, text in enumerate(skeleton)]
    return "".join(pieces)
