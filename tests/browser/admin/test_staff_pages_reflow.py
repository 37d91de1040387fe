"""Every staff page reflows at 320 CSS pixels without the page scrolling sideways (WCAG 1.4.10).

The walk takes every GET route of the admin, reports and sign-in blueprints from the URL map
(downloads aside), so a new staff page is checked without being listed. Wide tables may
scroll inside their own labelled region; the page itself may not.
"""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page
from werkzeug.routing import Rule

from survey_app.extensions import db
from tests.browser.admin.test_staff_journey_in_chromium import sign_in
from tests.factories import make_staff
from tests.integration.admin.test_isolation import _objects_of

NARROW = {"width": 320, "height": 640}
STAFF_BLUEPRINTS = ("admin.", "reports.", "auth.")
# An invitation's page needs the token from a real invitation; it uses the sign-in page's layout.
NOT_WALKED = {"auth.invite"}
OVERFLOW = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


def _staff_pages(app: Flask) -> list[Rule]:
    """GET routes of the staff blueprints that answer with a page, not a file."""
    return sorted(
        (
            rule
            for rule in app.url_map.iter_rules()
            if rule.endpoint.startswith(STAFF_BLUEPRINTS)
            and rule.endpoint not in NOT_WALKED
            and "GET" in rule.methods
            and "." not in rule.rule.rsplit("/", 1)[-1]
        ),
        key=lambda rule: rule.rule,
    )


def _overflows(page: Page, url: str) -> str | None:
    page.goto(url)
    overflow = page.evaluate(OVERFLOW)
    return f"{page.url} scrolls sideways by {overflow}px" if overflow > 0 else None


@pytest.fixture
def narrow_page(browser: Browser, live_session: None):
    context = browser.new_context(viewport=NARROW)
    yield context.new_page()
    context.close()


@pytest.mark.slow
def test_every_staff_page_reflows_at_320_pixels(
    narrow_page: Page, live_app: Flask, live_url: str
) -> None:
    narrow_page.set_default_timeout(10_000)
    with live_app.app_context():
        owner = make_staff(db.session, email="reflow.owner@example.test")
        values = _objects_of(db.session, owner, "Reflow")
        admin = make_staff(db.session, role="programme_admin").email
        db.session.commit()
    failures = [_overflows(narrow_page, f"{live_url}/auth/sign-in")]
    sign_in(narrow_page, live_url, admin)
    for rule in _staff_pages(live_app):
        path = rule.build({name: values[name] for name in rule.arguments})[1]
        failures.append(_overflows(narrow_page, f"{live_url}{path}"))
    problems = [failure for failure in failures if failure]
    assert not problems, "\n".join(problems)
