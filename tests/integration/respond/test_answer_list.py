"""Check your answers lists the answers exactly as GOV.UK Frontend's summary list would, and
the page joined from its skeleton is its full render.

``respond/_answer_list.html`` writes out ``govukSummaryList`` for the check page's rows, for
speed (``docs/scaling.md``). Here both render the same rows, for every item of every
instrument version the catalogue finds, in English and Welsh, answered and not, with free
text that HTML escapes and that has line breaks and stray spaces, and must match byte for byte.
"""

from __future__ import annotations

import itertools

import pytest
from flask import Flask, g, render_template, render_template_string
from markupsafe import Markup

from questionnaires import InstrumentVersion, Item
from survey_app.respond.presenters import summary_rows
from survey_app.respond.question_routes import check_answers_page
from survey_app.respond.skeletons import EXTENSION
from survey_app.services.answers import AnswerValue
from tests.integration.respond.conftest import (
    EVERY_VERSION,
    in_every_version_and_language,
    text_language,
)

TYPED = '  He said "stop" & <b>left</b>\nSecond line\u2028third\r\nfourth  '
MACRO = (
    '{% from "govuk_frontend_jinja/components/summary-list/macro.html" import govukSummaryList %}'
    "{{ govukSummaryList({'rows': rows}) }}"
)
OURS = '{% from "respond/_answer_list.html" import answerList %}{{ answerList(rows) }}'


def an_answer(item: Item, index: int) -> AnswerValue:
    """A stored answer of the item's type: typed text, two boxes, or one of the options."""
    if item.type == "free_text":
        return TYPED
    values = list(item.option_values)
    return tuple(values[:2]) if item.type == "multi_choice" else values[index % len(values)]


def both_lists(page_app: Flask, version: InstrumentVersion, lang: str, answered: bool) -> None:
    """Render the version's rows both ways (every item answered, or none) and compare."""
    items = version.items
    answers = {item.id: an_answer(item, i) for i, item in enumerate(items)} if answered else {}
    with page_app.test_request_context(f"/check?lang={lang}"):
        rows = summary_rows(items, answers, lang)
        expected = render_template_string(MACRO, rows=rows)
        assert render_template_string(OURS, rows=rows) == expected, f"{version.key} {lang}"


@in_every_version_and_language
def test_the_answer_list_is_the_summary_list_macros_for_every_item(
    page_app: Flask, version: InstrumentVersion, lang: str
) -> None:
    text_lang = text_language(version, lang)
    for answered in (True, False):
        both_lists(page_app, version, text_lang, answered)


def test_the_answer_list_escapes_typed_text_and_keeps_its_line_breaks(page_app: Flask) -> None:
    item = next(item for item in EVERY_VERSION[0].items if item.type == "free_text")
    with page_app.test_request_context("/check"):
        rows = summary_rows((item,), {item.id: 'Tom & "Jo" <3\nsee you'}, "en")
        shown = render_template_string(OURS, rows=rows)
    assert "Tom &amp; &#34;Jo&#34; &lt;3<br>see you" in shown
    assert "<3" not in shown


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_check_page_joined_from_its_skeleton_is_its_full_render(
    page_app: Flask, lang: str
) -> None:
    version = EVERY_VERSION[0]
    answers = {item.id: an_answer(item, i) for i, item in enumerate(version.items)}
    page_app.extensions.pop(EXTENSION, None)
    for back, answered in itertools.product((None, "/respond/q/last?x=<1>&y=2"), (True, False)):
        with page_app.test_request_context(f"/check?lang={lang}"):
            g.offered_languages = ("en", "cy")
            rows = summary_rows(version.items, answers if answered else {}, lang)
            listed = Markup(render_template_string(OURS, rows=rows))
            full = render_template("respond/check_answers.html", answers=listed, back=back)
            for attempt in ("new skeleton", "cached skeleton"):
                assert check_answers_page(rows, back) == full, f"{back} {answered} {attempt}"
