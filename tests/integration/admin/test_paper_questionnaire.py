"""The blank questionnaire to print: every version the catalogue holds, in each of its languages."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.models import StaffUser
from survey_app.services.paper_layout import item_text
from tests.factories import make_round
from tests.support.pdfs import pdf_text, shows

COPIES = [
    pytest.param(version, language, id=f"{version.key}-{language}")
    for version in load_catalogue().versions.values()
    for language in version.complete_languages()
]


@pytest.mark.parametrize(("version", "language"), COPIES)
def test_the_blank_questionnaire_numbers_and_words_every_question(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    version: InstrumentVersion,
    language: str,
) -> None:
    survey_round = make_round(
        session, officer.local_authority, instruments=((version.instrument, version.version),)
    )
    session.commit()
    path = (
        f"/admin/rounds/{survey_round.id}/paper/{version.instrument}/questionnaire-{language}.pdf"
    )

    reply = officer_client.get(path)

    assert reply.mimetype == "application/pdf"
    assert "attachment" in reply.headers["Content-Disposition"]
    text = pdf_text(reply.data)
    for number, item in enumerate(version.items, start=1):
        assert f"{number}." in text.split(), (number, item.id)
        assert shows(item_text(item, language), text), item.id
    assert shows(officer.local_authority.name, text)
    assert version.key in text


def test_the_paper_page_offers_each_questionnaire_to_print(
    officer_client: FlaskClient, survey_round
) -> None:
    html = officer_client.get(f"/admin/rounds/{survey_round.id}/paper").get_data(as_text=True)

    for instrument in ("cic-8-10", "cic-11-17"):
        for language in ("en", "cy"):
            assert f"/paper/{instrument}/questionnaire-{language}.pdf" in html


def test_a_language_the_version_is_not_translated_into_is_not_found(
    officer_client: FlaskClient, survey_round
) -> None:
    path = f"/admin/rounds/{survey_round.id}/paper/cic-8-10/questionnaire-fr.pdf"

    assert officer_client.get(path).status_code == 404


def test_an_instrument_the_round_does_not_use_is_not_found(
    officer_client: FlaskClient, survey_round
) -> None:
    path = f"/admin/rounds/{survey_round.id}/paper/leavers-16-25/questionnaire-en.pdf"

    assert officer_client.get(path).status_code == 404
