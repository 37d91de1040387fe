"""An officer keys a paper questionnaire, keys it again, and corrects it, in Chromium: every page
passes axe, at desktop width and at 320 px without sideways scrolling."""

from __future__ import annotations

import re

from flask import Flask
from playwright.sync_api import Page, expect

from survey_app.extensions import db
from tests.browser.admin.test_staff_journey_in_chromium import sign_in
from tests.factories import make_round, make_staff
from tests.support.browser import assert_accessible, follow


def _officer_and_round(live_app: Flask) -> tuple[str, int]:
    with live_app.app_context():
        officer = make_staff(db.session)
        survey_round = make_round(db.session, officer.local_authority)
        db.session.commit()
        return officer.email, survey_round.id


def _fits_the_width(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_officer_keys_checks_and_corrects_a_paper_questionnaire(
    page: Page, live_app: Flask, live_url: str
) -> None:
    page.set_default_timeout(10_000)
    email, round_id = _officer_and_round(live_app)
    sign_in(page, live_url, email)
    page.goto(f"{live_url}/admin/rounds/{round_id}/paper")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Enter a filled-in questionnaire")).first.click()
    page.get_by_role("group", name="1. Do you feel safe where you live?").get_by_label(
        "Sometimes"
    ).check()
    assert_accessible(page)
    page.get_by_role("button", name="Save questionnaire").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Write P-")
    page.get_by_role("link", name=re.compile("Key again to check")).click()
    page.get_by_role("group", name="1. Do you feel safe where you live?").get_by_label(
        "Never"
    ).check()
    page.get_by_role("button", name="Check").click()
    expect(page.locator("table")).to_contain_text("Sometimes")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Correct P-")).click()
    safe = page.get_by_role("group", name="1. Do you feel safe where you live?")
    expect(safe.get_by_label("Sometimes")).to_be_checked()
    safe.get_by_label("Never").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save the corrections").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Answers changed: 1")
    page.set_viewport_size({"width": 320, "height": 640})
    follow(page.get_by_role("link", name=re.compile("Correct")).first)
    assert _fits_the_width(page)
    assert_accessible(page)
