"""The question page: what shapes it, its full Jinja render, and a fast render from a skeleton.

Rendering the GOV.UK page template and component macros was about half of a question page's
CPU time (``docs/scaling.md``). Most of a page is the same for every respondent who sees the
same item in the same state, so the template is rendered once per *shape* (instrument version,
item, question and interface language, mode, the answer shown, whether there is an error, the
languages the switch offers) with unique markers in place of what changes per request: the
CSRF token, the CSP nonce, progress, the back link, the language-switch addresses, the error
text and the free text typed. The output is cut at the markers into a skeleton; later requests
join its pieces with their own values, escaped as Jinja's autoescaping escapes them.

The result is byte-for-byte the full render's (``tests/integration/respond/
test_question_page_skeletons.py`` checks every item of every instrument version in the
catalogue, in English and Welsh, with and without errors and answers). A value is a marker only
where the templates print it; anything a template branches on is part of the shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app, render_template, request
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf
from markupsafe import escape

from questionnaires import Item
from survey_app.common.security import csp_nonce
from survey_app.respond.layout import language_links
from survey_app.respond.presenters import WIDGETS, question_params, speech_text
from survey_app.services.answers import AnswerValue, RawValue

TEMPLATE = "respond/question.html"
MAX_SKELETONS = 1000
"""Shapes kept per process. A round has a few hundred (items x languages x answers shown);
past the bound, pages are rendered in full rather than evicting, so memory stays bounded
(about 15 KB a skeleton) whatever a client sends."""
_EXTENSION = "question_page_skeletons"
_MARKER = re.compile("\x00cv-slot:([a-z0-9_]+)\x00")

Skeleton = tuple[str, ...]
"""Template text and slot names, alternating: text, slot, text, slot, ..., text."""


def _marker(name: str) -> str:
    """A string no template or questionnaire holds, left unchanged by HTML escaping."""
    return f"\x00cv-slot:{name}\x00"


@dataclass(frozen=True)
class QuestionPage:
    """Everything a question page shows, apart from what the request and session supply."""

    version_key: str
    item: Item
    text_lang: str
    value: AnswerValue | RawValue | None
    error: str | None
    position: int
    total: int
    back: str
    mode: str

    def context(self, slots: Mapping[str, Any]) -> dict[str, Any]:
        """The template context, with ``slots`` supplying the values that vary per request."""
        free_text = self.item.type == "free_text"
        value = slots["value"] if free_text else self.value
        error = slots["error"] if self.error else None
        return {
            "item": self.item,
            "widget": WIDGETS[self.item.type],
            "params": question_params(self.item, self.text_lang, value, error),
            "error": error,
            "position": slots["position"],
            "total": slots["total"],
            "back": slots["back"],
            "mode": self.mode,
            "speech": speech_text(self.item, self.text_lang),
            "text_lang": self.text_lang,
            "has_errors": bool(self.error),
        }

    def slots(self) -> dict[str, Any]:
        """This page's own varying values (the request's are added by ``_request_slots``)."""
        return {
            "value": (self.value or "") if self.item.type == "free_text" else "",
            "error": self.error,
            "position": self.position,
            "total": self.total,
            "back": self.back,
        }

    def shape(self) -> tuple[object, ...] | None:
        """What decides the page's markup; None when the answer shown cannot be a key."""
        value = self.value
        if self.item.type == "free_text":
            value = None
        elif isinstance(value, list | tuple):
            value = tuple(value)
        elif value is not None and not isinstance(value, str):
            return None
        shown = (self.version_key, self.item.id, self.text_lang, self.mode, value)
        return (*shown, bool(self.error))


def full_render(page: QuestionPage) -> str:
    """The page as the template renders it, with every value supplied directly."""
    return render_template(TEMPLATE, **page.context(page.slots()))


def render_question_page(page: QuestionPage) -> str:
    """The page, joined from its shape's skeleton; identical to ``full_render(page)``."""
    links = language_links()
    shape = page.shape()
    if shape is None:
        return full_render(page)
    key = (*shape, str(get_locale()), request.script_root, _link_shape(links))
    skeletons: dict[tuple[object, ...], Skeleton] = current_app.extensions.setdefault(
        _EXTENSION, {}
    )
    skeleton = skeletons.get(key)
    if skeleton is None:
        skeleton = _build(page, links)
        if len(skeletons) < MAX_SKELETONS:
            skeletons[key] = skeleton
    return _fill(skeleton, {**page.slots(), **_request_slots(links)})


def _link_shape(links: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((link["lang"], link["name"]) for link in links)


def _request_slots(links: list[dict[str, str]]) -> dict[str, Any]:
    """The values the request supplies: CSRF token, CSP nonce, language-switch addresses."""
    slots: dict[str, Any] = {"csrf": generate_csrf(), "nonce": csp_nonce()}
    slots.update({f"link_{index}": link["href"] for index, link in enumerate(links)})
    return slots


def _build(page: QuestionPage, links: list[dict[str, str]]) -> Skeleton:
    """Render the template once with a marker for every varying value; cut it at the markers."""
    names = [*page.slots(), *_request_slots(links)]
    markers = {name: _marker(name) for name in names}
    context = page.context(markers)
    context["language_links"] = [
        {**link, "href": markers[f"link_{index}"]} for index, link in enumerate(links)
    ]
    context["csrf_token"] = _constant(markers["csrf"])
    context["csp_nonce"] = _constant(markers["nonce"])
    return tuple(_MARKER.split(render_template(TEMPLATE, **context)))


def _constant(text: str) -> Callable[[], str]:
    return lambda: text


def _fill(skeleton: Skeleton, slots: Mapping[str, Any]) -> str:
    """Join the skeleton's text with each slot's value, escaped as the template escapes it."""
    escaped = {name: escape(value) for name, value in slots.items()}
    pieces = [text if index % 2 == 0 else escaped[text] for index, text in enumerate(skeleton)]
    return "".join(pieces)
