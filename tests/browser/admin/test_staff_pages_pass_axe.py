"""The staff pages the acceptance walk does not reach pass axe too, and monitoring refreshes."""

from __future__ import annotations

import pyotp
from flask import Flask
from playwright.sync_api import Page, expect

from survey_app.extensions import db
from survey_app.models import SurveyRound
from tests.browser.admin.test_staff_journey_in_chromium import sign_in, sign_out
from tests.factories import (
    DEFAULT_PASSWORD,
    make_access_code,
    make_answered_response,
    make_round,
    make_staff,
)
from tests.support.browser import assert_accessible

ROUND_PAGES = ("codes", "paper", "paper/new/cic-8-10", "edit", "close")


def _admin_and_round(live_app: Flask) -> tuple[str, int]:
    with live_app.app_context():
        admin = make_staff(db.session, role="programme_admin")
        survey_round = make_round(db.session)
        make_access_code(db.session, survey_round, label="Leaving care team")
        db.session.commit()
        return admin.email, survey_round.id


def test_admin_pages_pass_axe_in_normal_and_error_states(
    page: Page, live_app: Flask, live_url: str
) -> None:
    page.set_default_timeout(10_000)
    email, round_id = _admin_and_round(live_app)
    sign_in(page, live_url, email)
    pages = ["/admin/users", "/admin/authorities", "/admin/audit"]
    pages += [f"/admin/rounds/{round_id}/{part}" for part in ROUND_PAGES]
    for path in pages:
        page.goto(f"{live_url}{path}")
        assert_accessible(page)
    page.goto(f"{live_url}/admin/users/invite")
    page.get_by_role("button", name="Invite").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_url}/admin/authorities/new")
    page.get_by_role("button", name="Save local authority").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_url}/auth/confirm")
    assert_accessible(page)


def test_monitoring_refreshes_in_place_with_javascript(
    page: Page, live_app: Flask, live_url: str
) -> None:
    page.set_default_timeout(10_000)
    email, round_id = _admin_and_round(live_app)
    sign_in(page, live_url, email)
    page.clock.install()
    page.goto(f"{live_url}/admin/rounds/{round_id}/monitoring")
    expect(page.locator("#monitoring-figures")).to_contain_text("0 completed")
    with live_app.app_context():
        make_answered_response(db.session, db.session.get(SurveyRound, round_id))
        db.session.commit()
    page.clock.run_for(31_000)
    expect(page.locator("#monitoring-figures")).to_contain_text("1 completed")
    expect(page.locator("#monitoring-status")).to_contain_text("Figures updated")


def test_monitoring_is_a_plain_page_without_javascript(
    page_without_js: Page, live_app: Flask, live_url: str
) -> None:
    email, round_id = _admin_and_round(live_app)
    sign_in(page_without_js, live_url, email)
    page_without_js.goto(f"{live_url}/admin/rounds/{round_id}/monitoring")
    expect(page_without_js.locator("#monitoring-figures")).to_contain_text("0 completed")


def test_the_second_factor_pages_pass_axe(page: Page, live_app: Flask, live_url: str) -> None:
    """Set-up (with its error), recovery codes, the code page and the recovery-code page."""
    page.set_default_timeout(10_000)
    with live_app.app_context():
        newcomer = make_staff(db.session, totp_secret=None, totp_enrolled_at=None)
        db.session.commit()
        email = newcomer.email
    page.goto(f"{live_url}/auth/sign-in")
    page.fill("#email", email)
    page.fill("#password", DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Set up your authenticator app")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    secret = page.locator(".cv-setup-key").inner_text().replace(" ", "")
    page.fill("#code", pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Save your recovery codes")
    assert_accessible(page)
    page.get_by_role("link", name="I have saved my recovery codes").click()
    sign_out(page)
    page.fill("#email", email)
    page.fill("#password", DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Enter the code from your authenticator app")
    assert_accessible(page)
    page.get_by_role("link", name="I do not have my phone: use a recovery code").click()
    expect(page.locator("h1")).to_have_text("Enter a recovery code")
    assert_accessible(page)
