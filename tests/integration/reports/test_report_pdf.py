"""The report PDF is the report's own HTML printed by WeasyPrint: tagged PDF/UA-1 (headings,
tables with header cells, figures with alternative text, language and title), a cover that
names the authority, the round and who took part, headings kept with what follows, tables
never split leaving fewer than three rows, and every page drawable."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from flask import Flask
from flask_babel import force_locale, gettext

from questionnaires import load_catalogue
from report_builder.report.model import Report
from survey_app.extensions import db
from survey_app.models import SurveyRound
from survey_app.reports.cover import report_cover, response_total
from survey_app.reports.files import print_html, report_pdf
from survey_app.reports.presenters import LONG_TABLE_ROWS
from survey_app.services.reporting import build_round_report
from tests.integration.reports.conftest import Demo
from tests.support.pdf_layout import page_layouts, pages_ending_with_a_heading, table_splits
from tests.support.pdf_structure import read_tagged_pdf
from tests.support.pdfs import pdf_text

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]


def _built(app: Flask, round_id: int, language: str) -> tuple[Report, bytes]:
    with app.app_context():
        survey_round = db.session.get(SurveyRound, round_id)
        catalogue = load_catalogue()
        report = build_round_report(db.session, catalogue, round_id, language)
        return report, report_pdf(report, report_cover(survey_round, report))


@pytest.fixture(scope="module")
def open_round(app: Flask, demo: Demo) -> tuple[Report, bytes]:
    """Demo Borough's open round in English: the demo's largest report."""
    return _built(app, demo.current_round_id, "en")


@pytest.fixture(scope="module")
def welsh(app: Flask, demo: Demo) -> tuple[Report, bytes]:
    """Demo Small Borough's closed round in Welsh."""
    return _built(app, demo.small_round_id, "cy")


def _pages(pdf: bytes) -> list[str]:
    """Each page's text, whitespace collapsed."""
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_the_pdf_is_tagged_pdf_ua_with_the_reports_language_and_title(
    open_round: tuple[Report, bytes],
) -> None:
    report, pdf = open_round
    tagged = read_tagged_pdf(pdf)

    assert tagged.is_marked
    assert tagged.pdfua_part == "1"
    assert tagged.language == "en-GB"
    assert tagged.title == report.title
    assert tagged.shows_title


def test_the_structure_tree_has_headings_tables_with_header_cells_and_figures_with_alt_text(
    open_round: tuple[Report, bytes],
) -> None:
    report, pdf = open_round
    tagged = read_tagged_pdf(pdf)

    assert [h.type for h in tagged.root.walk() if h.type.startswith("H")][0] == "H1"
    assert len(tagged.elements("H1")) == 1
    assert len(tagged.elements("H2")) >= len(report.sections)
    tables = tagged.elements("Table")
    assert tables
    assert all(table.count("TH") > 0 and table.count("TD") > 0 for table in tables)
    figures = tagged.elements("Figure")
    assert len(figures) >= len(report.sections)
    assert all(figure.alt for figure in figures)


def test_the_welsh_pdf_is_tagged_in_welsh_and_numbers_its_pages_in_welsh(
    app: Flask, welsh: tuple[Report, bytes]
) -> None:
    report, pdf = welsh
    pages = _pages(pdf)
    with app.test_request_context(), force_locale("cy"):
        page, of = gettext("Page"), gettext("of")

    assert read_tagged_pdf(pdf).language == "cy"
    assert report.title in pages[0]
    assert f"{page} 2 {of} {len(pages)}" in pages[1]


def test_the_cover_names_the_authority_round_dates_and_response_rate_and_is_provisional(
    open_round: tuple[Report, bytes],
) -> None:
    report, pdf = open_round
    cover = _pages(pdf)[0]

    assert report.la_name in cover
    assert report.title in cover
    assert re.search(r"Demo round \d{4}: \d+ \w+ \d{4} to \d+ \w+ \d{4}", cover)
    assert re.search(r"That is \d+% of the [\d,]+ who could take part", cover)
    assert report.provisional_text in cover


def test_every_page_of_an_open_rounds_pdf_says_its_figures_are_provisional(
    open_round: tuple[Report, bytes],
) -> None:
    report, pdf = open_round
    pages = _pages(pdf)

    assert len(pages) > 3
    assert all(report.provisional_text in page for page in pages)


def test_a_closed_rounds_pdf_does_not_say_provisional(welsh: tuple[Report, bytes]) -> None:
    report, pdf = welsh

    assert not report.is_provisional
    assert "dros dro" not in pdf_text(pdf)


def test_the_pdf_no_longer_says_it_is_not_fully_accessible(
    open_round: tuple[Report, bytes],
) -> None:
    assert "not fully accessible" not in pdf_text(open_round[1]).lower()


def test_no_page_ends_with_a_heading_or_a_caption(
    open_round: tuple[Report, bytes], welsh: tuple[Report, bytes]
) -> None:
    for _, pdf in (open_round, welsh):
        assert pages_ending_with_a_heading(pdf) == []


def test_no_table_split_leaves_fewer_than_three_rows_on_a_page(
    open_round: tuple[Report, bytes], welsh: tuple[Report, bytes]
) -> None:
    for _, pdf in (open_round, welsh):
        short = [
            (before, after)
            for before, after in table_splits(pdf)
            if min(before.body_rows, after.body_rows) < 3
        ]
        assert short == []


def test_a_table_that_fits_on_a_page_is_one_table_in_the_structure_tree(
    app: Flask, demo: Demo, open_round: tuple[Report, bytes], welsh: tuple[Report, bytes]
) -> None:
    """WeasyPrint tags each page's part of a split table as a table of its own (upstream
    issue #2903), so a table short enough for one page is never split: only a long results
    table adds a Table element, one for each page it runs onto."""
    for round_id, (report, pdf) in (
        (demo.current_round_id, open_round),
        (demo.small_round_id, welsh),
    ):
        html_tables = _printed_tables(app, round_id, report)
        splits = table_splits(pdf)

        assert all(before.body_rows + after.body_rows > LONG_TABLE_ROWS for before, after in splits)
        assert len(read_tagged_pdf(pdf).elements("Table")) == len(html_tables) + len(splits)


def _printed_tables(app: Flask, round_id: int, report: Report) -> list[Tag]:
    """The tables of the HTML the PDF of ``report`` is printed from."""
    with app.app_context():
        survey_round = db.session.get(SurveyRound, round_id)
        html = print_html(report, report_cover(survey_round, report))
    return BeautifulSoup(html, "html.parser").select("table")


def test_a_split_table_repeats_its_header_row_on_the_next_page(
    open_round: tuple[Report, bytes],
) -> None:
    _, pdf = open_round
    splits = table_splits(pdf)
    pages = {page.number: page for page in page_layouts(pdf)}

    assert splits, "the demo report has tables long enough to run onto a second page"
    for _, after in splits:
        assert "THead" in pages[after.page].blocks


def test_every_page_draws_without_error(open_round: tuple[Report, bytes], tmp_path: Path) -> None:
    _, pdf = open_round
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)

    drawn = subprocess.run(
        ["/usr/bin/pdftoppm", "-r", "20", "-png", str(source), str(tmp_path / "page")],
        capture_output=True,
        check=False,
    )

    assert drawn.returncode == 0
    assert drawn.stderr == b""
    assert len(list(tmp_path.glob("page-*.png"))) == len(_pages(pdf))


def test_the_small_authoritys_pdf_shows_no_percentage_its_report_hides(
    welsh: tuple[Report, bytes],
) -> None:
    """R-SDC-8: the PDF is drawn from the same disclosure-controlled report as the page."""
    report, pdf = welsh
    shown = {r.percent_text for r in report.results()} | {"95%"}
    shown |= {c.comparator_percent_text for r in report.results() for c in r.comparisons}
    shown |= {rate.rate_text for rate in report.response_rates}
    shown |= {row.percent_text for table in report.demographics for row in table.rows}
    shown |= {p for r in report.results() for p in re.findall(r"\d+%", r.ci_text)}
    caveats = [caveat.text for caveat in report.cohort_caveats]
    methods = " ".join([*report.methods.paragraphs, report.methods.significance_note, *caveats])
    shown |= set(re.findall(r"\d+%", methods))
    total = response_total(report.response_rates, "cy")
    shown |= {total.rate_text} if total else set()

    text = pdf_text(pdf)

    assert set(re.findall(r"\d+%", text)) <= shown
    assert "[c]" in text
