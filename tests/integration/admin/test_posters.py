"""Posters and cards from the officer's batch: each names its code's number (as the codes page
does, to revoke a lost one), the batch, the age group and the closing date, in English or Welsh."""

from __future__ import annotations

import pytest
from babel.dates import format_date
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, SurveyRound
from tests.integration.auth.staff_client import post_form
from tests.support.pdfs import pdf_text, shows


def _make_batch(client: FlaskClient, survey_round: SurveyRound, audience: str) -> None:
    fields = {"label": "Virtual school", "audience": audience, "count": "2"}
    post_form(client, f"/admin/rounds/{survey_round.id}/codes", fields)


@pytest.mark.parametrize("sheet", ["poster", "cards"])
def test_each_sheet_carries_its_codes_number_batch_age_group_and_closing_date(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session, sheet: str
) -> None:
    _make_batch(officer_client, survey_round, "cic-8-10")
    path = f"/admin/rounds/{survey_round.id}/codes/{sheet}.pdf?language=en"

    text = pdf_text(officer_client.get(path).data)

    for code in session.scalars(select(AccessCode)):
        assert f"Code #{code.id} · Batch: Virtual school" in text
        codes_page = officer_client.get(f"/admin/rounds/{survey_round.id}/codes")
        assert f"#{code.id}" in codes_page.get_data(as_text=True)
    assert "Children in care aged 8 to 10" in text
    assert shows(f"closes on {format_date(survey_round.closes_on, 'd MMMM y', 'en_GB')}", text)
    assert shows(survey_round.local_authority.name, text)


def test_a_batch_for_anyone_names_every_age_group_of_the_round(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    _make_batch(officer_client, survey_round, "any")

    text = pdf_text(officer_client.get(f"/admin/rounds/{survey_round.id}/codes/poster.pdf").data)

    assert "Children in care aged 8 to 10 · Children in care aged 11 to 17" in text


def test_welsh_sheets_are_marked_welsh_and_date_the_closing_in_welsh(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    _make_batch(officer_client, survey_round, "any")
    path = f"/admin/rounds/{survey_round.id}/codes/cards.pdf?language=cy"

    reply = officer_client.get(path)

    assert b"/Lang (cy)" in reply.data
    assert format_date(survey_round.closes_on, "d MMMM y", "cy") in pdf_text(reply.data)
    assert reply.headers["Content-Disposition"].endswith('-cy.pdf"')


def test_a_language_we_do_not_print_is_not_found(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    _make_batch(officer_client, survey_round, "any")
    path = f"/admin/rounds/{survey_round.id}/codes/poster.pdf?language=fr"

    assert officer_client.get(path).status_code == 404
