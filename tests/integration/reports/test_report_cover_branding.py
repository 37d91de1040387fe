"""The authority's logo and colour are on its report's cover: the page (the logo as an image
named by the authority, the colour from a stylesheet the page's policy allows), the one-file
report and the tagged PDF (the logo an image on page 1 with its alternative text)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pdfplumber
import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image, ImageDraw

from questionnaires import load_catalogue
from report_builder.report.model import Report
from survey_app.extensions import db
from survey_app.models import AuthorityBranding, SurveyRound
from survey_app.reports.cover import round_cover
from survey_app.reports.files import report_pdf, standalone_html
from survey_app.services.logo_images import checked_logo
from survey_app.services.reporting import build_round_report
from tests.integration.reports.conftest import ADMIN, Demo
from tests.support.pdf_structure import read_tagged_pdf

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]

COLOUR = "#8a1538"


def _crest() -> bytes:
    picture = Image.new("RGB", (360, 120), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 119, 119), fill=COLOUR)
    draw.ellipse((20, 20, 99, 99), fill="white")
    draw.rectangle((140, 40, 350, 80), fill="#0b0c0c")
    out = io.BytesIO()
    picture.save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture(scope="module")
def branded(app: Flask, demo: Demo) -> Iterator[SurveyRound]:
    """Demo Small Borough's closed round, its authority with a logo and a colour."""
    with app.app_context():
        survey_round = db.session.get_one(SurveyRound, demo.small_round_id)
        logo = checked_logo(_crest())
        row = AuthorityBranding(
            local_authority_id=survey_round.local_authority_id,
            logo_png=logo.png,
            logo_width=logo.width,
            logo_height=logo.height,
            colour=COLOUR,
        )
        db.session.add(row)
        db.session.commit()
        yield survey_round
        db.session.delete(row)
        db.session.commit()


@pytest.fixture(scope="module")
def printed(app: Flask, branded: SurveyRound) -> tuple[Report, bytes, str]:
    """The branded round's report, its PDF and its one-file HTML, in English."""
    with app.app_context():
        survey_round = db.session.merge(branded)
        catalogue = load_catalogue()
        report = build_round_report(db.session, catalogue, survey_round.id, "en")
        cover = round_cover(db.session, survey_round, report)
        return report, report_pdf(report, cover), standalone_html(report, cover)


def test_the_pdf_cover_carries_the_logo_as_a_figure_named_by_the_authority(
    printed: tuple[Report, bytes, str],
) -> None:
    report, pdf, _html = printed
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        first_page_images = document.pages[0].images
        later_images = sum(len(page.images) for page in document.pages[1:])

    assert len(first_page_images) == 1
    assert later_images == 0
    tagged = read_tagged_pdf(pdf)
    assert report.la_name in [figure.alt for figure in tagged.elements("Figure")]
    assert all(figure.alt for figure in tagged.elements("Figure"))
    assert tagged.pdfua_part == "1"


def test_the_pdf_and_the_one_file_report_carry_the_colour(
    printed: tuple[Report, bytes, str],
) -> None:
    _report, _pdf, html = printed

    assert f"--cv-authority-colour: {COLOUR};" in html
    assert 'class="cv-report-cover cv-report-cover--coloured"' in html
    assert 'class="cv-report-cover__logo" src="data:image/png;base64,' in html


def test_the_report_page_shows_the_logo_and_links_the_colours_stylesheet(
    staff_client: Callable[[str], FlaskClient],
    branded: SurveyRound,
    printed: tuple[Report, bytes, str],
) -> None:
    report = printed[0]
    client = staff_client(ADMIN)
    page = client.get(f"/reports/rounds/{branded.id}").get_data(as_text=True)
    style_path = f"/reports/authorities/{branded.local_authority_id}/cover-style"

    assert f'alt="{report.la_name}"' in page
    assert f'<link rel="stylesheet" href="{style_path}">' in page
    style = client.get(style_path)
    assert style.mimetype == "text/css"
    assert style.get_data(as_text=True).strip() == (
        f".cv-report-cover {{ --cv-authority-colour: {COLOUR}; }}"
    )
