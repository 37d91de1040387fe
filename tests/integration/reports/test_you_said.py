""" "You said, we will": officers write actions per age group; children get plain words."""

from __future__ import annotations

import re
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


def test_a_group_with_nothing_called_out_hears_its_main_results_in_plain_words(
    staff_client: StaffClient, demo: Demo
) -> None:
    """Issue 13: enough of the 8-10s answered last round, but nothing was called out; the
    page says what they said instead of "we did not hear from enough of you"."""
    page = staff_client(LEAD).get(f"/reports/rounds/{demo.previous_round_id}/you-said/cic-8-10")

    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    text = soup.get_text(" ")
    told = [li.get_text(" ", strip=True) for li in soup.select("main li")]
    assert "What you told us" in text
    assert any(
        re.match(r"(Nearly all|Most|About half|Some|A few|Very few) of you", t) for t in told
    )
    assert any("said you always feel safe where you live" in t for t in told)
    assert "Nothing stood out clearly this time." in text
    assert "We did not hear from enough of you" not in text
    assert "Provisional" not in text


def test_an_open_rounds_page_and_printout_say_the_figures_are_provisional(
    staff_client: StaffClient, demo: Demo
) -> None:
    base = f"/reports/rounds/{demo.current_round_id}/you-said/{BAND}"
    lead = staff_client(LEAD)

    assert "Provisional figures: this round is still open" in lead.get(base).get_data(as_text=True)
    assert "Provisional figures: this round is still open" in pdf_text(
        lead.get(f"{base}/postcard.pdf").get_data()
    )
