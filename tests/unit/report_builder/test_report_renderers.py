"""Specification of the CSV, XLSX, SVG and PDF renderers: same figures, same suppression."""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from report_builder.render.charts import DARK_BLUE, ORANGE, section_charts
from report_builder.render.csv import report_csv, report_tables, report_xlsx
from report_builder.render.pdf import report_pdf
from report_builder.report.model import Report

SVG = "{http://www.w3.org/2000/svg}"


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as pdftotext (poppler) extracts it, whitespace collapsed."""
    result = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


@pytest.fixture(scope="module")
def small_pdf_text(small_report) -> str:
    return pdf_text(report_pdf(small_report))


def shown_percent_texts(report: Report) -> set[str]:
    """Every percentage the model allows anywhere in the report."""
    texts = {"95%"}
    for result in report.results():
        texts |= {result.percent_text, *re.findall(r"\d+%", result.ci_text)}
        texts |= {c.comparator_percent_text for c in result.comparisons}
    texts |= {rate.rate_text for rate in report.response_rates}
    texts |= {row.percent_text for table in report.demographics for row in table.rows}
    methods = report.methods
    return texts | set(
        re.findall(r"\d+%", " ".join([*methods.paragraphs, methods.significance_note]))
    )


def test_the_pdf_shows_no_percentage_the_model_does_not(small_report, small_pdf_text):
    """R-SDC-8: the PDF goes through the same suppression as the model, so every percentage
    in its text is one the model shows, and every hidden result appears as [c]."""
    hidden = [r for r in small_report.results() if not r.is_shown]

    assert set(re.findall(r"\d+%", small_pdf_text)) <= shown_percent_texts(small_report)
    assert small_pdf_text.count("[c]") >= len(hidden) > 0


def test_the_csv_shows_c_wherever_the_model_hides_a_value(small_report):
    indicators = pd.read_csv(io.BytesIO(report_csv(small_report)["indicators.csv"]), dtype=str)
    hidden = [r for r in small_report.results() if not r.is_shown]

    assert (indicators["percent"] == "[c]").sum() == len(hidden)
    tiny = indicators["base"] == "[c]"
    assert (
        (indicators.loc[tiny, ["numerator", "percent", "ci_lower", "ci_upper"]] == "[c]")
        .all()
        .all()
    )


def test_the_csv_notes_explain_every_marker_used(small_report):
    notes = report_tables(small_report)["notes"]["note"].tolist()

    assert any(note.startswith("[c] fewer than 10 answered") for note in notes)


def test_the_xlsx_workbook_holds_every_table(large_report):
    workbook = pd.read_excel(io.BytesIO(report_xlsx(large_report)), sheet_name=None)

    assert set(workbook) == set(report_tables(large_report))


def test_the_pdf_has_the_indicator_labels_title_and_accessibility_note(large_report):
    text = pdf_text(report_pdf(large_report, html_url="https://example.org/report"))

    for label in {r.label for r in large_report.results()}:
        assert label in text
    assert large_report.title in text
    assert "This PDF is not fully accessible" in text
    assert "https://example.org/report" in text
    assert "Page 3" in text


def test_the_pdf_carries_its_title_and_language_in_metadata(large_report):
    pdf = report_pdf(large_report)

    assert b"/Lang (en-GB)" in pdf
    assert large_report.title.encode() in pdf
    assert b"/Outlines" in pdf


def test_the_welsh_pdf_renders_welsh_text(national):
    report = national.report("SYN002", language="cy")
    text = pdf_text(report_pdf(report))

    assert report.results()[0].label in text
    assert "Grŵp oedran" in text
    assert "Tudalen 2" in text


def test_each_chart_is_an_svg_with_a_title_and_a_description(large_report):
    """R-A11Y-4: the palette's two series, a title stating the finding, values in <desc>."""
    for chart in section_charts(large_report):
        root = ET.fromstring(chart.svg)
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title").text == chart.layout.title
        description = root.find(f"{SVG}desc").text
        shown = [
            r
            for r in large_report.results()
            if r.age_band == chart.age_band and r.domain == chart.domain
        ]
        assert all(r.label in description for r in shown)
        assert DARK_BLUE in chart.svg


def test_hidden_results_get_no_bar(small_report):
    for chart in section_charts(small_report):
        for bar in chart.layout.bars:
            if bar.value_text.startswith("[c]"):
                assert bar.width is None
                assert bar.whisker is None


def test_the_other_areas_marker_uses_orange(large_report):
    assert any(ORANGE in chart.svg for chart in section_charts(large_report))
