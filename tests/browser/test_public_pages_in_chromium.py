"""The shared public pages meet WCAG 2.2 AA in Chromium and reflow at 320 CSS pixels."""

import pytest
from playwright.sync_api import Page

from tests.support.browser import (
    AccessibilityError,
    assert_accessible,
    assert_no_horizontal_scroll,
)

PAGES = ["/", "/privacy", "/accessibility", "/no-such-page"]


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("path", PAGES)
def test_public_page_has_no_axe_violations(page: Page, live_url: str, path: str, lang: str) -> None:
    page.goto(f"{live_url}{path}?lang={lang}")
    assert page.get_attribute("html", "lang") == lang
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGES)
def test_public_page_reflows_at_320_pixels(page: Page, live_url: str, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_url}{path}")
    assert_no_horizontal_scroll(page)


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page: Page, live_url: str) -> None:
    page.goto(f"{live_url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main-content"


def test_the_axe_check_fails_on_an_inaccessible_page(page: Page) -> None:
    """Guards the guard: axe must really run and report, or every check above is empty."""
    page.set_content('<html><head><title>t</title></head><body><img src="x.png"></body></html>')
    with pytest.raises(AccessibilityError, match="image-alt"):
        assert_accessible(page)
