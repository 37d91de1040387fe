"""The HTML report, the "you said, we will" children's pages (with last round's "you said, we
did"), the action plan and its form, and the programme view pass axe, in both languages.

The demo seed (four authorities with synthetic answers) is loaded once for the module, and the
pages are read as the demo programme admin, who may open all three.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from survey_app.extensions import db
from tests.factories import enrol_all_staff
from tests.support.browser import assert_accessible, sign_in_staff

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def admin_login(live_app: Flask) -> Iterator[tuple[str, str, int]]:
    """The demo admin's email and passphrase, and the demo's current round id."""
    with live_app.app_context():
        result = live_app.test_cli_runner().invoke(args=["demo", "seed"])
        enrol_all_staff(db.session)
        db.session.commit()
    seed = json.loads(result.output.strip().splitlines()[-1])
    admin = next(login for login in seed["staff"] if login["role"] == "programme_admin")
    yield admin["email"], admin["password"], seed["round_id"]
    with live_app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()


@pytest.fixture
def report_page(browser: Browser) -> Iterator[Page]:
    """A page whose test leaves the demo data in place (unlike the shared ``page`` fixture)."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_report_pages_pass_axe(
    report_page: Page, live_url: str, admin_login: tuple[str, str, int], lang: str
) -> None:
    email, password, round_id = admin_login
    sign_in_staff(report_page, live_url, email, password)
    expect(report_page.locator("h1")).to_have_text("Survey rounds")
    paths = (
        f"/reports/rounds/{round_id}",
        f"/reports/rounds/{round_id}/you-said/cic-8-10",
        f"/reports/rounds/{round_id}/you-said/cic-4-7",
        f"/reports/rounds/{round_id}/you-said",
        f"/reports/rounds/{round_id}/you-said/cic-11-17/actions/new",
        "/reports/programme",
    )
    for path in paths:
        report_page.goto(f"{live_url}{path}?lang={lang}")
        expect(report_page.locator("html")).to_have_attribute("lang", lang)
        assert_accessible(report_page)
