"""Each questionnaire can be completed end to end in Chromium, and every page passes axe.

One walk per instrument: axe-core (WCAG 2.2 A/AA) runs on the first question of each item type,
in its normal and its error state, and on the entry, welcome, check-answers and thank-you pages.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.respond.conftest import answer_by_clicking, item_on
from tests.support.browser import assert_accessible, assert_no_horizontal_scroll

INSTRUMENTS = ["cic-4-7", "cic-8-10", "cic-11-17", "leavers-16-25"]


def _show_error(page: Page, item_type: str) -> None:
    """Put the page in its error state with a value no option has, as a tampered form would."""
    if item_type == "free_text":
        page.eval_on_selector("#answer", "el => el.removeAttribute('maxlength')")
        page.fill("#answer", "a" * 1001)
    else:
        page.eval_on_selector("input[name=answer]", "el => { el.value = 'tampered' }")
        page.check("input[name=answer]")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert page.title().startswith("Error:")


@pytest.mark.parametrize("instrument", INSTRUMENTS)
def test_each_instrument_can_be_completed_end_to_end_with_no_axe_violations(
    page: Page, live_url: str, survey_code: Callable[[str | None], str], instrument: str
) -> None:
    page.goto(f"{live_url}/s/{survey_code(instrument)}")
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/q/*")
    checked: set[str] = set()
    while "/q/" in page.url:
        item = item_on(page, instrument)
        if item.type not in checked:
            checked.add(item.type)
            assert_accessible(page)
            _show_error(page, item.type)
            assert_accessible(page)
        answer_by_clicking(page, item)
        if "/support" in page.url:
            page.get_by_role("button", name="Carry on with the survey").click()
    expect(page.locator("h1")).to_have_text("Check your answers")
    assert_accessible(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Thank you")
    assert_accessible(page)


def test_the_code_field_allows_paste_and_forgives_case_and_spacing(
    page: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    code = survey_code(None)
    page.goto(f"{live_url}/start")
    assert_accessible(page)
    blocked = page.evaluate(
        """() => !document.querySelector('#code').dispatchEvent(
            new ClipboardEvent('paste', {bubbles: true, cancelable: true}))"""
    )
    assert blocked is False
    page.fill("#code", f"  {code.upper().replace('-', ' ')} ")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Are you in care now, or have you left care?")
    assert_accessible(page)
    page.check("#answer")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("How old are you?")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
