"""Acceptance: an officer runs a round end to end in Chromium, and every staff page passes axe.

One long walk, as the issue describes it: sign in, create a round with two questionnaires and
denominators, open it, make a code and download its poster, a respondent answers with that code,
monitoring shows the response rate, a free-text answer is moderated; then a service lead of the
same authority can look but not change, and a user of another authority gets nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from survey_app.extensions import db
from survey_app.models import LocalAuthority
from tests.browser.respond.conftest import answer_by_clicking, item_on
from tests.factories import make_staff
from tests.support.browser import assert_accessible, follow, sign_in_staff

TODAY = date.today()


def _staff(live_app: Flask, role: str, authority_id: int | None = None) -> tuple[str, int]:
    """Make a member of staff in the live app; return their email and authority id."""
    with live_app.app_context():
        authority = db.session.get(LocalAuthority, authority_id) if authority_id else None
        user = make_staff(db.session, role=role, local_authority=authority)
        db.session.commit()
        return user.email, user.local_authority_id


def sign_in(page: Page, live_url: str, email: str) -> None:
    sign_in_staff(page, live_url, email)
    expect(page.locator("h1")).to_have_text("Survey rounds")


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("Sign in to Care Voices")


def _fill_date(page: Page, field: str, day: date) -> None:
    page.fill(f"#{field}", str(day.day))
    page.fill(f"#{field}-month", str(day.month))
    page.fill(f"#{field}-year", str(day.year))


def create_round(page: Page) -> None:
    follow(page.get_by_role("button", name="Create a round"))
    assert_accessible(page)
    page.get_by_role("button", name="Save round").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.fill("#name", "Spring survey")
    _fill_date(page, "opens_on", TODAY)
    _fill_date(page, "closes_on", TODAY + timedelta(days=28))
    page.get_by_label("Children in care aged 8 to 10, version 1").check()
    page.get_by_label("Children in care aged 11 to 17, version 1").check()
    page.fill("#population_cic_8_10", "120")
    page.fill("#population_cic_11_17", "300")
    _fill_date(page, "figures_on", TODAY - timedelta(days=7))
    page.get_by_role("button", name="Save round").click()
    expect(page.locator("h1")).to_have_text("Spring survey")
    assert_accessible(page)


def make_code_and_poster(page: Page, tmp_path: Path) -> str:
    follow(page.get_by_role("link", name="Access codes and posters"))
    assert_accessible(page)
    page.fill("#label", "Virtual school")
    page.get_by_label("Children in care aged 8 to 10 only").check()
    page.get_by_role("button", name="Make codes").click()
    expect(page.locator("h1")).to_have_text("Your new codes")
    assert_accessible(page)
    code = page.locator(".cv-codes code").first.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download posters (PDF, one page per code)").click()
    poster = tmp_path / "poster.pdf"
    download.value.save_as(poster)
    assert poster.read_bytes().startswith(b"%PDF")
    return code


def respond_with(browser: Browser, live_url: str, code: str) -> None:
    """A respondent, in a browser of their own, answers every question with the code."""
    context = browser.new_context()
    child = context.new_page()
    child.goto(f"{live_url}/s/{code}")
    child.get_by_role("button", name="Start now").click()
    while "/q/" in child.url:
        answer_by_clicking(child, item_on(child, "cic-8-10"))
        if "/support" in child.url:
            child.get_by_role("button", name="Carry on with the survey").click()
    child.get_by_role("button", name="Send my answers").click()
    expect(child.locator(".govuk-panel__title")).to_have_text("Thank you")
    context.close()


def check_monitoring_and_moderate(page: Page, round_url: str) -> None:
    page.goto(f"{round_url}/monitoring")
    expect(page.locator("#monitoring-figures")).to_contain_text("1 completed")
    expect(page.locator("#monitoring-figures")).to_contain_text("0.8%")
    assert_accessible(page)
    page.goto(f"{round_url}/moderation")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Moderate").first)
    assert_accessible(page)
    page.get_by_label("Approve as a quote, as written").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Decision saved.")


@pytest.mark.slow
def test_an_officer_runs_a_round_and_others_see_only_what_they_may(
    page: Page, browser: Browser, live_app: Flask, live_url: str, tmp_path: Path
) -> None:
    page.set_default_timeout(10_000)
    officer, home = _staff(live_app, "participation_officer")
    lead, _home = _staff(live_app, "service_lead", home)
    stranger, _other = _staff(live_app, "participation_officer")

    sign_in(page, live_url, officer)
    assert_accessible(page)
    create_round(page)
    round_url = page.url
    page.get_by_role("button", name="Open the round").click()
    expect(page.locator("h1")).to_have_text("Open this round?")
    assert_accessible(page)
    page.get_by_label("I understand, and want to offer this Welsh now").check()
    page.get_by_role("button", name="Yes, open the round").click()
    expect(page.locator(".govuk-tag")).to_have_text("Open")
    code = make_code_and_poster(page, tmp_path)
    respond_with(browser, live_url, code)
    check_monitoring_and_moderate(page, round_url)
    page.goto(f"{round_url}/exports")
    assert_accessible(page)
    sign_out(page)

    sign_in(page, live_url, lead)
    page.goto(f"{round_url}/monitoring")
    expect(page.locator("#monitoring-figures")).to_contain_text("1 completed")
    page.goto(round_url)
    expect(page.get_by_role("button", name="Close the round")).to_have_count(0)
    assert page.goto(f"{round_url}/edit").status == 403
    page.goto(f"{live_url}/admin/")
    sign_out(page)

    sign_in(page, live_url, stranger)
    expect(page.locator("body")).not_to_contain_text("Spring survey")
    assert page.goto(round_url).status == 404
    assert page.goto(f"{round_url}/monitoring").status == 404
