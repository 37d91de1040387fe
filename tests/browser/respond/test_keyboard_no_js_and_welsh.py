"""Keyboard only at 320 pixels, JavaScript off, and every page type in Welsh (read-aloud is in
``test_signposting_help_and_read_aloud.py``)."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from questionnaires import load_catalogue
from tests.browser.respond.conftest import answer_by_clicking, item_on
from tests.support.browser import assert_accessible, assert_no_horizontal_scroll, follow

FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const inside = y >= 0 && y <= window.innerHeight && x >= 0 && x <= window.innerWidth;
    const top = document.elementFromPoint(x, y);
    return inside && (top === el || el.contains(top) || (el.labels && [...el.labels].some(
        label => label.contains(top))));
}"""


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has focus, checking it is not hidden."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            assert page.evaluate(FOCUS_IS_VISIBLE), f"focus hidden on {selector} at {page.url}"
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def test_a_questionnaire_can_be_completed_with_the_keyboard_alone_at_320_pixels(
    page: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_url}/s/{survey_code('cic-4-7')}")
    assert_no_horizontal_scroll(page)
    _tab_to(page, "button.govuk-button--start")
    page.keyboard.press("Enter")
    page.wait_for_url("**/q/*")
    while "/q/" in page.url:
        assert_no_horizontal_scroll(page)
        item = item_on(page, "cic-4-7")
        if item.type == "free_text":
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
    assert_no_horizontal_scroll(page)
    _tab_to(page, "form button")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-panel__title")).to_have_text("Thank you")
    assert_no_horizontal_scroll(page)


def test_a_questionnaire_can_be_completed_with_javascript_off(
    page_without_js: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    page = page_without_js
    page.goto(f"{live_url}/s/{survey_code('leavers-16-25')}")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/q/*")
    while "/q/" in page.url:
        item = item_on(page, "leavers-16-25")
        expect(page.locator("[data-cv-read-aloud]")).to_be_hidden()
        answer_by_clicking(page, item)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Thank you")


def test_every_respondent_page_type_passes_axe_in_welsh_and_reflows_at_320_pixels(
    page: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    code = survey_code(None)

    def check(path: str) -> None:
        page.goto(f"{live_url}{path}")
        assert page.get_attribute("html", "lang") == "cy", path
        assert_accessible(page)
        assert_no_horizontal_scroll(page)

    for path in ("/start?lang=cy", "/resume", "/help", f"/s/{code}", "/start/care"):
        check(path)
    page.check("input[value=care_leaver]")
    follow(page.locator("form button"))
    check("/welcome")
    page.locator("form button").click()
    leavers = load_catalogue().get("leavers-16-25@v1")
    shown = {}
    for item in leavers.items:
        if not item.show_if:
            shown.setdefault(item.type, item)
    for item in shown.values():
        check(f"/q/{item.id}")
    for path in ("/save", "/help", "/check"):
        check(path)
    page.locator("form button").click()
    expect(page.locator(".govuk-panel")).to_be_visible()
    check("/done")
