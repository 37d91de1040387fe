"""Version 2 pages in a real browser: the helping adult's page and the 4-7 faces questions pass
axe in English and Welsh, reflow at 320 pixels, and the 4-7 survey can be done by keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from questionnaires import Item, load_catalogue
from survey_app.extensions import db
from tests.factories import make_access_code, make_round
from tests.support.browser import assert_accessible, assert_no_horizontal_scroll

V2 = (("cic-4-7", 2), ("cic-8-10", 2), ("cic-11-17", 2), ("leavers-16-25", 2))
AGES_4_TO_7 = load_catalogue().get("cic-4-7@v2")


@pytest.fixture
def v2_code(live_app: Flask, live_session: None) -> Callable[[str], str]:
    """A code for one instrument in an open round of version 2 questionnaires."""

    def _make(instrument: str) -> str:
        with live_app.app_context():
            survey_round = make_round(db.session, instruments=V2)
            _code, clear = make_access_code(db.session, survey_round, audience=instrument)
            db.session.commit()
        return clear

    return _make


def _item_on(page: Page) -> Item:
    return AGES_4_TO_7.item(page.url.split("/q/")[1].split("?")[0])


def _check(page: Page, lang: str) -> None:
    assert page.get_attribute("html", "lang") == lang, page.url
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_adults_page_and_every_4_to_7_question_pass_axe_and_reflow(
    page: Page, live_url: str, v2_code: Callable[[str], str], lang: str
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_url}/start?lang={lang}")
    page.goto(f"{live_url}/s/{v2_code('cic-4-7')}")
    _check(page, lang)
    page.locator("a.govuk-button").click()
    page.wait_for_url("**/before-you-start")
    _check(page, lang)
    page.locator("form button").click()
    page.wait_for_url("**/q/*")
    for item in AGES_4_TO_7.items:
        if item.answered_by == "child" and item.type == "faces":
            page.goto(f"{live_url}/q/{item.id}")
            expect(page.locator("label.cv-face")).to_have_count(3)
            _check(page, lang)


def test_the_4_to_7_survey_can_be_done_by_keyboard_alone_through_the_adults_page(
    page: Page, live_url: str, v2_code: Callable[[str], str]
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_url}/s/{v2_code('cic-4-7')}")
    _tab_to(page, "a.govuk-button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Before you start: for the adult helping")
    _tab_to(page, "button.govuk-button--start")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    while "/q/" in page.url:
        if _item_on(page).type == "free_text":
            _tab_to(page, "textarea")
            page.keyboard.type("A bigger garden")
        else:
            _tab_to(page, "input[name=answer]")
            page.keyboard.press("Space")
        _tab_to(page, "button[value=continue]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        if "/support/answer" in page.url:
            _tab_to(page, "a.govuk-button")
            with page.expect_navigation():
                page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Check your answers")


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")
