"""The entry pages joined from skeletons are byte-for-byte their full Jinja renders.

The care and age questions (every set of choices the catalogue's versions can offer, with and
without the error), the welcome page of every version (before and after starting) and the
adult helper's briefing, in English and Welsh. Both renders run in one request, so the CSRF
token and CSP nonce are the same and nothing is normalised.
"""

from __future__ import annotations

import pytest
from flask import Flask, g, render_template

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.respond.entry_routes import _welcome_page, values_for
from survey_app.respond.skeletons import EXTENSION, render_from_skeleton
from survey_app.services.respond_entry import EntryStep, next_step
from tests.integration.respond.conftest import (
    in_every_version_and_language,
    text_language,
)

LATEST = tuple(load_catalogue().latest(instrument) for instrument in load_catalogue().instruments())
ERROR = 'Select one answer <to> "continue" & go'


def choice_steps() -> list[EntryStep]:
    """The care question for every version at once, and the age question of each audience."""
    care = next_step(LATEST, None, None)
    audiences = dict.fromkeys(version.audience for version in LATEST)
    ages = [next_step(LATEST, audience, None) for audience in audiences]
    return [care, *(step for step in ages if step.name == "age")]


def twice_and_in_full(template: str, shape: tuple, variables: dict) -> tuple[str, str, str]:
    """The page from a new skeleton, from the cached one, and rendered in full."""
    pages = [render_from_skeleton(template, shape, lambda _slots: variables, {}) for _ in "ab"]
    return pages[0], pages[1], render_template(template, **variables)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_care_and_age_pages_are_their_full_render(page_app: Flask, lang: str) -> None:
    steps = choice_steps()
    assert {step.name for step in steps} == {"care", "age"}
    for step in steps:
        for error in (None, ERROR):
            with page_app.test_request_context(f"/start/{step.name}?lang={lang}"):
                g.offered_languages = ("en", "cy")
                options = values_for(step)
                shape = (tuple((o["value"], o["text"]) for o in options), error)
                variables = {"options": options, "error": error}
                first, cached, full = twice_and_in_full(
                    f"respond/{step.name}.html", shape, variables
                )
            assert first == full, f"{step.name} {error}"
            assert cached == full, f"{step.name} {error} (cached)"


@in_every_version_and_language
def test_welcome_and_briefing_pages_are_their_full_render(
    page_app: Flask, version: InstrumentVersion, lang: str
) -> None:
    text_lang = text_language(version, lang)
    for started in (False, True):
        with page_app.test_request_context(f"/welcome?lang={lang}"):
            g.offered_languages = ("en", "cy")
            full = render_template(
                "respond/welcome.html", version=version, lang=text_lang, started=started
            )
            assert _welcome_page(version, started=started) == full
            assert _welcome_page(version, started=started) == full, "cached"
    with page_app.test_request_context(f"/before-you-start?lang={lang}"):
        shape = (version.key, version.content_hash)
        pages = twice_and_in_full("respond/before_you_start.html", shape, {"version": version})
    assert pages[0] == pages[2]
    assert pages[1] == pages[2]


def test_a_page_in_another_language_has_its_own_skeleton(page_app: Flask) -> None:
    version = LATEST[0]
    shown = {}
    page_app.extensions.pop(EXTENSION, None)
    for lang in ("en", "cy"):
        with page_app.test_request_context(f"/welcome?lang={lang}"):
            shown[lang] = _welcome_page(version, started=False)
    assert len(page_app.extensions[EXTENSION]) == 2
    assert 'lang="cy"' in shown["cy"]
    assert shown["en"] != shown["cy"]
