"""The question page: what shapes it, its full Jinja render, and a fast render from a skeleton.

Rendering the GOV.UK page template and component macros was about half of a question page's
CPU time (``docs/scaling.md``), so the page is joined from a skeleton (``skeletons.py``) per
*shape*: instrument version, item, question language, mode, the answer shown and whether there
is an error. Progress, the back link, the error text and the free text typed are slots.

The result is byte-for-byte the full render's (``tests/integration/respond/
test_question_page_skeletons.py`` checks every item of every instrument version in the
catalogue, in English and Welsh, with and without errors and answers).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import render_template

from questionnaires import Item
from survey_app.respond.presenters import WIDGETS, question_params, speech_text
from survey_app.respond.skeletons import render_from_skeleton
from survey_app.services.answers import AnswerValue, RawValue

TEMPLATE = "respond/question.html"


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
    return render_from_skeleton(TEMPLATE, page.shape(), page.context, page.slots())
