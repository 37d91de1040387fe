"""A round with very few completed surveys: no page prints its count, or a rate that gives it.

The response-rates table hides a small count as [c] (R-SDC-2); the sentence above it and the
programme view's response-rate table must hide the same total, and its rate, the same way.
"""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.models import SurveyRound
from tests.factories import make_answered_response, make_round, make_staff
from tests.integration.auth.staff_client import sign_in

pytestmark = pytest.mark.xdist_group("reports")


def _round_with_two_completed(session: Session) -> SurveyRound:
    """A closed round of a new authority (100 children per age group) where two completed."""
    survey_round = make_round(
        session, opens_on=date(2026, 3, 1), closes_on=date(2026, 3, 28), status="closed"
    )
    for _ in range(2):
        make_answered_response(session, survey_round, answers={"feel_safe": "always"})
    return survey_round


def _signed_in_admin(client: FlaskClient, session: Session) -> FlaskClient:
    admin = make_staff(session, role="programme_admin")
    session.commit()
    sign_in(client, admin)
    return client


def test_the_report_summary_hides_a_small_number_of_respondents(
    client: FlaskClient, session: Session
) -> None:
    survey_round = _round_with_two_completed(session)
    admin = _signed_in_admin(client, session)

    page = admin.get(f"/reports/rounds/{survey_round.id}")

    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    summary = soup.select_one(".cv-report-cover__respondents").get_text(" ", strip=True)
    assert summary.startswith("[c] children and young people completed the survey.")
    assert "2" not in summary
    assert "%" not in summary


def test_the_programme_view_hides_a_small_number_of_respondents_and_its_rate(
    client: FlaskClient, session: Session
) -> None:
    survey_round = _round_with_two_completed(session)
    admin = _signed_in_admin(client, session)

    soup = BeautifulSoup(admin.get("/reports/programme").get_data(as_text=True), "html.parser")

    rates = next(
        t for t in soup.select("table") if "Response rates" in t.caption.get_text(strip=True)
    )
    row = next(
        r
        for r in rates.select("tbody tr")
        if r.th.get_text(strip=True) == survey_round.local_authority.name
    )
    completed, population, rate = (td.get_text(strip=True) for td in row.select("td")[1:])
    assert (completed, population, rate) == ("[c]", "200", "[c]")
    notes = rates.find_next_sibling("div", class_="cv-report-notes")
    assert "[c] hidden to protect confidentiality" in notes.get_text(" ", strip=True)
