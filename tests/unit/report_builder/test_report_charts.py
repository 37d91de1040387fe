"""Specification of the report's SVG charts: contrast, full labels, an axis and a legend.

Every mark (bars, interval whiskers, comparator markers, the axis and all text) must reach 3:1
contrast (WCAG 1.4.11) against the page, and every mark that can sit on a bar against the
bar too. The colours are read back from the SVG itself and the ratios computed with
coloraide's WCAG 2.1 contrast.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_builder.render.charts import section_charts
from report_builder.render.svg_elements import BACKGROUND, BAR_COLOUR
from tests.support.svg_contrast import contrast, mark_colours

SVG = "{http://www.w3.org/2000/svg}"


def test_every_mark_has_three_to_one_contrast_with_the_page_and_the_bars(large_report):
    charts = section_charts(large_report)
    bars, others = set(), set()
    for chart in charts:
        chart_bars, chart_others = mark_colours(chart.svg, BACKGROUND)
        bars |= chart_bars
        others |= chart_others

    assert bars == {BAR_COLOUR.upper()}
    for colour in bars | others:
        assert contrast(colour, BACKGROUND) >= 3, colour
    for colour in others:
        for bar in bars:
            assert contrast(colour, bar) >= 3, (colour, bar)


def test_labels_are_wrapped_in_full_never_cut(large_report):
    labels = {(r.domain, r.age_band, r.label) for r in large_report.results() if r.is_shown}
    charted = {
        (chart.domain, chart.age_band, " ".join(bar.label_lines))
        for chart in section_charts(large_report)
        for bar in chart.layout.bars
    }

    assert charted == labels
    assert any(
        len(bar.label_lines) > 2 for c in section_charts(large_report) for bar in c.layout.bars
    )


def test_each_chart_has_a_percentage_axis(large_report):
    for chart in section_charts(large_report):
        texts = {t.text for t in ET.fromstring(chart.svg).iter(f"{SVG}text")}
        assert {"0%", "25%", "50%", "75%", "100%"} <= texts


def test_the_legend_names_each_comparator_marker_drawn(large_report):
    for chart in section_charts(large_report):
        root = ET.fromstring(chart.svg)
        drawn = {p.get("data-marker") for p in root.iter(f"{SVG}polygon")}
        legend = dict(chart.layout.legend)
        assert drawn <= set(legend)
        assert "this_area" in legend
    words = {w for c in section_charts(large_report) for _, w in c.layout.legend}
    assert {"Other areas", "Young people nationally"} <= words
