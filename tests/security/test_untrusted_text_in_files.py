"""People's text is printed as data in every file the app makes, never run as instructions.

Hypothesis feeds arbitrary Unicode, leaning on the nasty cases (HTML and ReportLab markup and
entities, formula triggers, control characters, very long words, right-to-left script, emoji),
into each PDF (the report, printed from its HTML by WeasyPrint; "you said, we will", access-code
posters and cards, drawn by ReportLab) and each spreadsheet-shaped
report download (CSV tables, their zip, the XLSX workbook). A PDF must build, read back with
poppler, embed no image it did not embed for plain words, and print printable text exactly as
typed. No spreadsheet cell may start a formula, and numbers must stay numbers. The responses
exports are checked against the database in ``integration/admin/test_export_formulas.py``.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from dataclasses import replace

import openpyxl
import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings

from report_builder.disclosure.values import Quote
from report_builder.render.csv import CSV_ENCODING, report_csv, report_xlsx
from report_builder.report.model import Report
from survey_app.reports.files import csv_zip, report_pdf
from survey_app.reports.you_said import ChildAction, YouSaidPage
from survey_app.reports.you_said_pdf import you_said_pdf
from survey_app.services.posters import PosterText, PrintedCode, cards_pdf, poster_pdf
from tests.conftest import make_test_app
from tests.support.hostile_text import literal_text, stored_text, untrusted_text
from tests.support.pdfs import image_count, pdf_text, shows
from tests.unit.report_builder.conftest import large_report, national  # noqa: F401 (fixtures)

EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
REPORT_PDF_EXAMPLES = settings(EXAMPLES, max_examples=10)
"""Fewer for the report PDF: each is laid out by WeasyPrint, in about a second."""
PLAIN = "Plain words"
NEGATIVE = -3.5
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


@pytest.fixture(scope="module")
def report(large_report: Report) -> Report:  # noqa: F811 (the imported fixture)
    """The synthetic report cut to three measures of its first section, so each example builds
    in a moment."""
    section = large_report.sections[0]
    return replace(large_report, sections=(replace(section, results=section.results[:3]),))


@pytest.fixture(scope="module")
def report_app() -> Flask:
    """The report PDF is rendered from the app's templates (no database is read); the other
    PDFs are made outside any app, as the services make them."""
    return make_test_app("sqlite://")


def printed(app: Flask, report: Report) -> bytes:
    """``report`` as the app prints it."""
    with app.app_context():
        return report_pdf(report)


@pytest.fixture(scope="module")
def plain_report_images(report: Report, report_app: Flask) -> int:
    """How many images the report embeds when every text is plain words."""
    return image_count(printed(report_app, with_text(report, PLAIN)))


def with_text(report: Report, text: str) -> Report:
    """``report`` with ``text`` as its title, authority, first heading, first measure's label,
    first comparator's name and a quote; that comparison's difference is ``NEGATIVE``."""
    section = report.sections[0]
    first = section.results[0]
    compared = replace(first.comparisons[0], comparator_label=text, difference=NEGATIVE)
    result = replace(first, label=text, comparisons=(compared, *first.comparisons[1:]))
    section = replace(section, title=text, results=(result, *section.results[1:]))
    quotes = (Quote(text, None), Quote(PLAIN, None))
    return replace(report, title=text, la_name=text, sections=(section,), quotes=quotes)


def you_said(text: str) -> bytes:
    action = (ChildAction(text, text),)
    page = YouSaidPage(text, "cic-8-10", text, text, "en", (text,), (text,), action, done=action)
    return you_said_pdf(page)


def poster(text: str) -> bytes:
    return poster_pdf([CODE], lambda code: f"https://x.test/s/{code}", _poster_text(text))


def cards(text: str) -> bytes:
    """A card's longest box holds three short lines (at least 80 of the widest letters) and
    ends longer text with "…" (``print_fit``, tested in test_posters_fit_the_cut.py), so the
    text is cut to what a card always shows whole: what it prints, it must print exactly."""
    cut = text[:CARD_ROOM]
    return cards_pdf([CODE], lambda code: f"https://x.test/s/{code}", _poster_text(cut))


CODE = PrintedCode("ABCD-EFGH", 1)
CARD_ROOM = 80


def _poster_text(text: str) -> PosterText:
    fields = ("title", "authority", "age_group", "closes", "scan", "code_label", "privacy", "batch")
    return PosterText(**dict.fromkeys(fields, text), number="#%(number)s")


APP_PDFS = {"you said, we will": you_said, "poster": poster, "cards": cards}


@functools.cache
def plain_images(make) -> int:
    """How many images ``make`` embeds for plain words."""
    return image_count(make(PLAIN))


@REPORT_PDF_EXAMPLES
@given(text=untrusted_text)
def test_any_text_builds_a_report_pdf_that_embeds_no_new_image(
    report: Report, plain_report_images: int, report_app: Flask, text: str
) -> None:
    built = printed(report_app, with_text(report, text))

    assert pdf_text(built)
    assert image_count(built) == plain_report_images


@REPORT_PDF_EXAMPLES
@given(text=literal_text)
def test_the_report_pdf_prints_text_exactly_as_typed(
    report: Report, report_app: Flask, text: str
) -> None:
    assert shows(text, pdf_text(printed(report_app, with_text(report, text))))


@pytest.mark.parametrize("make", APP_PDFS.values(), ids=APP_PDFS.keys())
@EXAMPLES
@given(text=untrusted_text)
def test_any_text_builds_each_app_pdf_with_no_new_image(make, text: str) -> None:
    built = make(text)

    assert pdf_text(built)
    assert image_count(built) == plain_images(make)


@pytest.mark.parametrize("make", APP_PDFS.values(), ids=APP_PDFS.keys())
@EXAMPLES
@given(text=literal_text)
def test_each_app_pdf_prints_text_exactly_as_typed(make, text: str) -> None:
    assert shows(text, pdf_text(make(text)))


def csv_cells(body: bytes) -> list[str]:
    """Every cell of a CSV file, read as a spreadsheet would split it."""
    rows = csv.reader(io.StringIO(body.decode(CSV_ENCODING), newline=""))
    return [cell for row in rows for cell in row]


def starts_no_formula(cell: str) -> bool:
    """Text that cannot start a formula; a plain number such as -3.5 is a number."""
    return not cell.startswith(FORMULA_START) or NUMBER.fullmatch(cell) is not None


@EXAMPLES
@given(text=stored_text)
def test_no_report_csv_or_zipped_csv_cell_starts_a_formula(report: Report, text: str) -> None:
    hostile = with_text(report, text)
    with zipfile.ZipFile(io.BytesIO(csv_zip(hostile, round_id=1))) as archive:
        zipped = [archive.read(name) for name in archive.namelist()]

    for body in [*report_csv(hostile).values(), *zipped]:
        assert all(starts_no_formula(cell) for cell in csv_cells(body))


@EXAMPLES
@given(text=stored_text)
def test_no_report_xlsx_cell_is_or_starts_a_formula(report: Report, text: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(with_text(report, text))))

    for cell in (cell for sheet in book for row in sheet.iter_rows() for cell in row):
        assert cell.data_type != "f"
        assert not isinstance(cell.value, str) or starts_no_formula(cell.value)


def test_numbers_stay_numbers_in_the_report_spreadsheets(report: Report) -> None:
    hostile = with_text(report, "=1+1")

    comparisons = list(
        csv.DictReader(io.StringIO(report_csv(hostile)["comparisons.csv"].decode(CSV_ENCODING)))
    )
    assert comparisons[0]["difference_points"] == str(NEGATIVE)
    assert comparisons[0]["comparator"] == "'=1+1"
    sheet = openpyxl.load_workbook(io.BytesIO(report_xlsx(hostile)))["comparisons"]
    header = [cell.value for cell in sheet[1]]
    difference = sheet.cell(row=2, column=header.index("difference_points") + 1)
    assert (difference.data_type, difference.value) == ("n", NEGATIVE)
