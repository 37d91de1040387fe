"""Real Chromium (Debian's package) driven by Playwright, plus axe-core checks.

Playwright's own browser download cannot run here or in CI, so we launch Debian's
``/usr/bin/chromium`` with the flags a root, offline, headless machine needs.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

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


def assert_accessible(page: Page) -> None:
    """Run axe-core with the WCAG 2.2 A and AA rules and fail on any violation (R-A11Y-1)."""
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
