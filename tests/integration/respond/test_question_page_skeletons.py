"""Question pages joined from a cached skeleton are byte-for-byte the full Jinja render.

Every item of every instrument version the catalogue finds (new versions are covered as they
are added), in English and Welsh, with and without a previous answer and an error. Both
renders run in one request, so the CSRF token and CSP nonce are the same and nothing is
normalised. Values that HTML escapes (quotes, ``&``, ``<``) check that slots are escaped
exactly as the template escapes them.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, g

from questionnaires import InstrumentVersion, Item
from survey_app.respond.question_page import (
    QuestionPage,
    full_render,
    render_question_page,
)
from survey_app.respond.skeletons import EXTENSION
from tests.integration.respond.conftest import (
    EVERY_VERSION,
    in_every_version_and_language,
    text_language,
)

TYPED = 'He said "stop" & <b>left</b>, it\'s fine\nSecond line'
ERROR = 'Choose one answer <only> & "then" Continue'


def shown_answer(item: Item) -> str | list[str]:
    """An answer as a returning respondent would see it selected or typed."""
    if item.type == "free_text":
        return TYPED
    values = list(item.option_values)
    return values[:2] if item.type == "multi_choice" else values[-1]


def pages(version: InstrumentVersion, item: Item, lang: str) -> Iterator[QuestionPage]:
    """The item's page with and without an answer shown, with and without an error."""
    mode = "trusted_adult" if version.trusted_adult else "online"
    for value in (None, shown_answer(item)):
        for error in (None, ERROR):
            yield QuestionPage(
                version_key=version.key,
                item=item,
                text_lang=lang,
                value=value,
                error=error,
                position=3,
                total=27,
                back="/q/earlier?change=1&x=<y>",
                mode=mode,
            )


@in_every_version_and_language
def test_skeleton_pages_are_the_full_render_for_every_item(
    page_app: Flask, version: InstrumentVersion, lang: str
) -> None:
    text_lang = text_language(version, lang)
    for item in version.items:
        path = f"/q/{item.id}?change=1&lang={lang}"
        with page_app.test_request_context(path):
            g.offered_languages = ("en", "cy")
            for page in pages(version, item, text_lang):
                first, cached = render_question_page(page), render_question_page(page)
                expected = full_render(page)
                assert first == expected, f"{version.key} {item.id} {page}"
                assert cached == expected, f"{version.key} {item.id} {page} (cached)"


def test_skeletons_are_reused_for_the_same_shape(page_app: Flask) -> None:
    version = EVERY_VERSION[0]
    item = version.items[0]
    with page_app.test_request_context(f"/q/{item.id}"):
        page_app.extensions.pop(EXTENSION, None)
        shown = [
            render_question_page(
                QuestionPage(version.key, item, "en", None, None, position, 9, "/welcome", "online")
            )
            for position in (1, 2)
        ]
        assert len(page_app.extensions[EXTENSION]) == 1
    assert "Question 1 of 9" in shown[0]
    assert "Question 2 of 9" in shown[1]
