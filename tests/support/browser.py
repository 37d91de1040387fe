"""Real Chromium (Debian's package) driven by Playwright, plus axe-core checks.

Playwright's own browser download cannot run here or in CI, so we launch Debian's
``/usr/bin/chromium`` with the flags a root, offline, headless machine needs.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

from tests.factories import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class AccessibilityError(AssertionError):
    """axe-core found WCAG 2.2 A/AA violations on a page."""


def follow(locator: Locator) -> None:
    """Click a link or submit button and return once the page it leads to has loaded.

    Checking straight after a bare ``click()`` races the navigation: axe can start on the old
    document and meet a null one as Chromium swaps it out, or check the page being left.
    """
    with locator.page.expect_navigation(wait_until="load"):
        locator.click()


def assert_accessible(page: Page) -> None:
    """Run axe-core with the WCAG 2.2 A and AA rules and fail on any violation (R-A11Y-1).

    Waits for the current document to finish loading first, so axe never runs mid-swap.
    """
    page.wait_for_load_state("load")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}})
    violations = results.response["violations"]
    if violations:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in violations
        ]
        raise AccessibilityError(f"{page.url}:\n" + "\n".join(lines))


def assert_no_horizontal_scroll(page: Page) -> None:
    """At the page's current width nothing may overflow sideways (WCAG 1.4.10 reflow)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def sign_in_staff(
    page: Page,
    base_url: str,
    email: str,
    password: str = DEFAULT_PASSWORD,
    totp_secret: str = DEFAULT_TOTP_SECRET,
) -> str:
    """Sign in through the real forms: the password, then a code from the authenticator app.

    Someone without an app is set up first with the key the page shows, as a person typing it
    into their phone would be. Returns the secret that now signs this account in. Works in
    either language, since it clicks each form's own button.
    """
    page.goto(f"{base_url}/auth/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    _submit(page)
    key = page.locator(".cv-setup-key")
    if key.count():
        totp_secret = key.inner_text().replace(" ", "")
        _enter_code(page, totp_secret)
        with page.expect_navigation():
            page.locator("a.govuk-button").click()  # "I have saved my recovery codes"
    else:
        _enter_code(page, totp_secret)
    return totp_secret


def _submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()


def _enter_code(page: Page, secret: str) -> None:
    """Type codes of the last, current and next time-step until one is accepted (an earlier
    sign-in of the same account in this half minute may have used one already)."""
    totp = pyotp.TOTP(secret)
    now = totp.timecode(datetime.now(UTC))
    for step in (now - 1, now, now + 1):
        page.fill("#code", totp.generate_otp(step))
        _submit(page)
        if not page.locator("#code").count():
            return
    raise AssertionError(f"{page.url}: no authenticator code was accepted")
