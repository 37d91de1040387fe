"""Acceptance: a participation officer's day with a round, in Chromium, at desktop width and at
320 px. Every page passes axe and, on the narrow screen, never scrolls sideways.

Create a round, confirm opening it, start a group session, make codes and download a poster, a
child answers, monitoring and moderation, key a paper questionnaire and correct it, download
the CSV export, and confirm closing the round.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from tests.browser.admin.test_staff_journey_in_chromium import (
    _staff,
    check_monitoring_and_moderate,
    create_round,
    make_code_and_poster,
    respond_with,
    sign_in,
)
from tests.support.browser import assert_accessible, follow

SCREENS = {"desktop": {"width": 1024, "height": 768}, "320px": {"width": 320, "height": 640}}
SAFE = "1. Do you feel safe where you live?"


def check(page: Page) -> None:
    """axe finds nothing, and the page itself never scrolls sideways."""
    assert_accessible(page)
    overflow = page.evaluate(
        "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def open_round(page: Page) -> None:
    page.get_by_role("button", name="Open the round").click()
    expect(page.locator("h1")).to_have_text("Open this round?")
    check(page)
    welsh = page.get_by_label("I understand, and want to offer this Welsh now")
    if welsh.count():
        welsh.check()
    page.get_by_role("button", name="Yes, open the round").click()
    expect(page.locator(".govuk-tag")).to_have_text("Open")
    check(page)


def start_group_session(page: Page) -> None:
    follow(page.get_by_role("link", name="Start a group session"))
    check(page)
    expect(page.get_by_label("How long the group session lasts, in minutes")).to_have_value("90")
    page.get_by_role("button", name="Start the group session").click()
    expect(page.locator("#group-session-status")).to_contain_text("A group session is running")
    check(page)


def key_and_correct_paper(page: Page, round_url: str) -> None:
    page.goto(f"{round_url}/paper")
    check(page)
    page.get_by_role("link", name=re.compile("Enter a filled-in questionnaire")).first.click()
    page.get_by_role("group", name=SAFE).get_by_label("Sometimes").check()
    check(page)
    page.get_by_role("button", name="Save questionnaire").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Write P-")
    check(page)
    page.get_by_role("link", name=re.compile("Correct P-")).first.click()
    page.get_by_role("group", name=SAFE).get_by_label("Never").check()
    check(page)
    page.get_by_role("button", name="Save the corrections").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Answers changed: 1")


def download_export_and_close(page: Page, round_url: str, tmp_path: Path) -> None:
    page.goto(f"{round_url}/exports")
    check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Responses as CSV").click()
    exported = tmp_path / "responses.csv"
    download.value.save_as(exported)
    assert exported.read_text(encoding="utf-8").startswith("response")
    page.goto(round_url)
    follow(page.get_by_role("button", name="Close the round"))
    check(page)
    page.get_by_role("button", name="Yes, close the round").click()
    expect(page.locator(".govuk-tag").first).to_have_text("Closed")
    check(page)


@pytest.mark.slow
@pytest.mark.parametrize("screen", SCREENS)
def test_an_officer_runs_a_round_from_start_to_close(
    page: Page, browser: Browser, live_app: Flask, live_url: str, tmp_path: Path, screen: str
) -> None:
    page.set_default_timeout(10_000)
    page.set_viewport_size(SCREENS[screen])
    officer, _home = _staff(live_app, "participation_officer")
    sign_in(page, live_url, officer)
    check(page)
    create_round(page)
    round_url = page.url
    open_round(page)
    start_group_session(page)
    code = make_code_and_poster(page, tmp_path)
    check(page)
    respond_with(browser, live_url, code)
    check_monitoring_and_moderate(page, round_url)
    check(page)
    page.goto(f"{round_url}/monitoring")
    expect(page.locator("svg.cv-chart__svg")).to_be_visible()
    check(page)
    key_and_correct_paper(page, round_url)
    download_export_and_close(page, round_url, tmp_path)
