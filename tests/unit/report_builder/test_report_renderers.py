"""Specification of the CSV, XLSX and SVG renderers: same figures, same suppression.

The PDF is printed from the HTML report by the app: integration/reports/test_report_pdf.py."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pandas as pd

from report_builder.disclosure.control import RELIABLE_BASE
from report_builder.render.charts import section_charts
from report_builder.render.csv import report_csv, report_tables, report_xlsx
from report_builder.render.svg_elements import BAR_COLOUR

SVG = "{http://www.w3.org/2000/svg}"


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
        assert BAR_COLOUR in chart.svg


def test_hidden_results_are_not_charted(large_report):
    charts = section_charts(large_report)
    charted = {(c.domain, c.age_band) for c in charts}
    in_charts = [r for r in large_report.results() if (r.domain, r.age_band) in charted]

    assert sum(len(chart.layout.bars) for chart in charts) == sum(r.is_shown for r in in_charts)
    assert all(bar.width is not None for c in charts for bar in c.layout.bars)


def test_a_band_whose_every_result_is_low_reliability_is_a_table_without_a_chart(small_report):
    """Bars for bases under 30 would suggest differences their wide intervals cannot support."""
    shown = [r for r in small_report.results() if r.is_shown]

    assert shown
    assert all(r.base is not None and r.base < RELIABLE_BASE for r in shown)
    assert section_charts(small_report) == ()


def test_a_band_with_a_result_from_30_or_more_answers_is_charted(large_report):
    bands = {(c.domain, c.age_band) for c in section_charts(large_report)}

    assert bands
    assert bands == {
        (r.domain, r.age_band)
        for r in large_report.results()
        if r.is_shown and (r.base or 0) >= RELIABLE_BASE
    }
