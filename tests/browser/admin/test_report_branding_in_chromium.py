"""The report cover page passes axe in Chromium: empty, with an error, and with a logo shown."""

from __future__ import annotations

import io
from pathlib import Path

from flask import Flask
from PIL import Image
from playwright.sync_api import Page, expect

from survey_app.extensions import db
from tests.browser.admin.test_staff_journey_in_chromium import sign_in
from tests.factories import make_staff
from tests.support.browser import assert_accessible


def _officer(live_app: Flask) -> tuple[str, int]:
    with live_app.app_context():
        officer = make_staff(db.session)
        db.session.commit()
        return officer.email, officer.local_authority_id


def _logo(folder: Path) -> Path:
    path = folder / "crest.png"
    out = io.BytesIO()
    Image.new("RGB", (300, 100), "#8a1538").save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return path


def test_the_report_cover_page_passes_axe_empty_refused_and_saved(
    page: Page, live_app: Flask, live_url: str, tmp_path: Path
) -> None:
    page.set_default_timeout(10_000)
    email, authority_id = _officer(live_app)
    sign_in(page, live_url, email)
    page.goto(f"{live_url}/admin/authorities/{authority_id}/report-cover")
    assert_accessible(page)

    page.get_by_label("Colour").fill("#ffdd00")
    page.get_by_role("button", name="Save the report cover").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a darker colour")
    assert_accessible(page)

    page.get_by_label("Upload a logo").set_input_files(_logo(tmp_path))
    page.get_by_label("Colour").fill("#8a1538")
    page.get_by_role("button", name="Save the report cover").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Report cover saved")
    expect(page.locator("img.cv-branding-logo")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=str(tmp_path.parent / "report-cover-page.png"), full_page=True)
