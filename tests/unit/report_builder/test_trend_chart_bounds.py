"""Trend charts keep every label inside the drawing: nothing is clipped at an edge."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from report_builder.render.svg_elements import FONT_SIZE
from report_builder.render.trend_charts import text_width, trend_svg
from report_builder.report.model import Trend, TrendPoint

SVG = "{http://www.w3.org/2000/svg}"


def _point(label: str, percent: int | None) -> TrendPoint:
    return TrendPoint(
        round_label=label,
        comparable=True,
        percent=percent,
        ci_lower=None if percent is None else max(percent - 9, 0),
        ci_upper=None if percent is None else min(percent + 9, 100),
        base=None if percent is None else 40,
        marker="",
        percent_text="" if percent is None else f"{percent}%",
        ci_text="",
        base_text="",
    )


def _trend(*points: TrendPoint) -> Trend:
    return Trend("feels_safe", "Feels safe", "cic-11-17", "Ages 11 to 17", points, ())


def _extent(text: ET.Element) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of a text element, from its anchor and estimated width."""
    x, y, width = float(text.attrib["x"]), float(text.attrib["y"]), text_width(text.text or "")
    start = {"start": x, "middle": x - width / 2, "end": x - width}[text.attrib["text-anchor"]]
    return start, y - FONT_SIZE, start + width, y + FONT_SIZE / 4


@pytest.mark.parametrize(
    "trend",
    [
        _trend(_point("2024", 41), _point("2025", 57)),
        _trend(_point("Autumn 2024", 100), _point("Spring 2025", None), _point("Autumn 2025", 100)),
        _trend(_point("Round one", 3), _point("Round two", 8), _point("Round three", 0)),
    ],
)
def test_every_label_of_a_trend_chart_lies_within_its_view_box(trend: Trend) -> None:
    svg = ET.fromstring(trend_svg(trend, "trend-1", "Feels safe"))
    _, _, width, height = (float(n) for n in svg.attrib["viewBox"].split())

    for text in svg.iter(f"{SVG}text"):
        left, top, right, bottom = _extent(text)
        assert min(left, top) >= 0, text.text
        assert right <= width, text.text
        assert bottom <= height, text.text
