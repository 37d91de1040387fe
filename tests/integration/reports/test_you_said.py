""" "You said, we will": officers write actions per age group; children get plain words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent
from tests.integration.auth.staff_client import post_form
from tests.integration.reports.conftest import LEAD, OFFICER, Demo
from tests.integration.reports.test_downloads import pdf_text

pytestmark = pytest.mark.xdist_group("reports")
StaffClient = Callable[[str], FlaskClient]
BAND = "cic-11-17"


def test_an_officer_writes_actions_that_children_see_beside_what_they_said(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    officer = staff_client(OFFICER)
    base = f"/reports/rounds/{demo.current_round_id}/you-said"

    # Given the officer writes two actions, with a blank line between
    saved = post_form(
        officer,
        f"{base}/{BAND}/edit",
        {"actions": "We will make meetings shorter.\n\nWe will help you see your family."},
    )
    # When a service lead opens the page for the age group
    page = staff_client(LEAD).get(f"{base}/{BAND}")

    # Then it shows both actions and the findings in plain words
    assert saved.status_code == 302
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    items = [li.get_text(strip=True) for li in soup.select("main li")]
    assert "We will make meetings shorter." in items
    assert "We will help you see your family." in items
    assert any("in 10 of you" in item for item in items)
    with app.app_context():
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "you_said.saved")
        ).one()
    assert event.detail == "2 actions"


def test_the_printable_page_is_a_pdf_with_the_actions(
    staff_client: StaffClient, demo: Demo
) -> None:
    officer = staff_client(OFFICER)
    base = f"/reports/rounds/{demo.current_round_id}/you-said/cic-8-10"
    post_form(officer, f"{base}/edit", {"actions": "We will plan more days out."})

    reply = officer.get(f"{base}/postcard.pdf")

    assert reply.mimetype == "application/pdf"
    assert reply.headers["Cache-Control"] == "no-store"
    assert "We will plan more days out." in pdf_text(reply.data)


def test_too_many_actions_are_refused_with_an_error(staff_client: StaffClient, demo: Demo) -> None:
    path = f"/reports/rounds/{demo.current_round_id}/you-said/{BAND}/edit"

    page = post_form(staff_client(OFFICER), path, {"actions": "\n".join(["Do more"] * 7)})

    assert page.status_code == 200
    assert "Write 6 actions or fewer" in page.get_data(as_text=True)


def test_service_leads_read_the_actions_but_do_not_write_them(
    staff_client: StaffClient, demo: Demo
) -> None:
    lead = staff_client(LEAD)
    base = f"/reports/rounds/{demo.current_round_id}/you-said"

    assert lead.get(base).status_code == 200
    assert lead.get(f"{base}/{BAND}/edit").status_code == 403


def test_an_age_group_the_round_did_not_ask_is_not_found(
    staff_client: StaffClient, demo: Demo
) -> None:
    path = f"/reports/rounds/{demo.current_round_id}/you-said/cic-99-100"

    assert staff_client(OFFICER).get(path).status_code == 404
