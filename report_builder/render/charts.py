"""Bar charts with 95% interval whiskers, as SVG for the HTML report and the PDF printed from it.

R-A11Y-4 and docs/sources.md A18-A20: a title stating the finding, a description listing every
value, horizontal text, labels wrapped in full (never cut), a percentage axis, a legend naming
each mark, and always a data table next to the chart (the renderers place one). Every mark
meets 3:1 contrast (WCAG 1.4.11) against the page and against the bar it is drawn over:
the bar is GOV.UK blue, and the whiskers and comparator markers are near-black, told apart by
shape (a diamond for other areas, a triangle for the national figure), not by colour. The PDF
prints the same SVG, so the HTML and PDF charts cannot differ. Only shown results are charted.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from report_builder.comparison.values import ComparisonKind
from report_builder.disclosure.control import RELIABLE_BASE
from report_builder.render.svg_elements import (
    BAR_COLOUR,
    LINE_HEIGHT,
    MARK_COLOUR,
    element,
    svg_open,
    text_element,
)
from report_builder.report.fixed_text import counted_text, text
from report_builder.report.model import IndicatorResult, Report
from report_builder.report.wording import Language

WIDTH = 640
LABEL_WIDTH = 250
PLOT_WIDTH = 320
ROW_GAP = 12
BAR_HEIGHT = 18
LEGEND_LINE = 18
MARKER_SIZE = 6
_LABEL_CHARS = 36
_TICKS = (0, 25, 50, 75, 100)


class Marker(StrEnum):
    """The comparator markers, each its own shape so no colour has to tell them apart."""

    OTHER_AREAS = "other_areas"
    NATIONAL = "national"


@dataclass(frozen=True)
class Bar:
    """One row of a chart in layout units (origin top left, y downwards).

    ``label_lines`` is the whole label wrapped, never cut; ``markers`` holds each shown
    comparator's x position by marker.
    """

    label_lines: tuple[str, ...]
    y: float
    width: float | None
    whisker: tuple[float, float] | None
    markers: tuple[tuple[Marker, float], ...]
    value_text: str


@dataclass(frozen=True)
class SectionChart:
    """One chart of a report: a section's results for one age band, as layout and SVG."""

    domain: str
    age_band: str
    chart_id: str
    layout: ChartLayout
    svg: str


@dataclass(frozen=True)
class ChartLayout:
    """Everything the SVG draws: the legend names this area's bars and each marker shown."""

    title: str
    description: str
    legend: tuple[tuple[str, str], ...]
    height: float
    axis_y: float
    bars: tuple[Bar, ...]


def section_charts(report: Report) -> tuple[SectionChart, ...]:
    """A chart per section and age band of its shown results, titled with its finding
    (R-A11Y-4, A20); a band with no shown result, or none from 30 or more answers
    (``is_charted``), has no chart."""
    charts = []
    for section in report.sections:
        for band in dict.fromkeys(r.age_band for r in section.results if r.is_shown):
            results = [r for r in section.results if r.age_band == band and r.is_shown]
            if not is_charted(results):
                continue
            title = _finding(section.title, results, report)
            layout = chart_layout(title, results, language=report.language)
            chart_id = f"chart-{section.domain}-{band}"
            charts.append(
                SectionChart(section.domain, band, chart_id, layout, chart_svg(layout, chart_id))
            )
    return tuple(charts)


def is_charted(results: Sequence[IndicatorResult]) -> bool:
    """True when at least one of ``results`` is shown from 30 or more answers.

    A band whose every result is low reliability ([u], R-STAT-4) is given as its table
    alone: its intervals span 30 to 50 points, so bars side by side suggest differences the
    figures cannot support, and the table already gives each figure with its interval.
    """
    return any(r.is_shown and (r.base or 0) >= RELIABLE_BASE for r in results)


def _finding(section_title: str, results: Sequence[IndicatorResult], report: Report) -> str:
    """An active title: how many bright spots and areas for improvement the chart holds,
    each indicator counted once however many of its comparisons are called out."""
    keys = {(r.indicator_id, r.age_band) for r in results}
    bright = sum((f.indicator_id, f.age_band) in keys for f in report.bright_spot_findings)
    areas = sum((f.indicator_id, f.age_band) in keys for f in report.improvement_findings)
    return text(
        "chart_title",
        report.language,
        section=section_title,
        band=results[0].age_band_label,
        bright=counted_text("bright_spots", bright, report.language),
        areas=counted_text("areas_for_improvement", areas, report.language),
    )


def chart_layout(
    title: str, results: Sequence[IndicatorResult], *, language: Language
) -> ChartLayout:
    """Lay out one bar per result under a legend; ``title`` should state the finding."""
    bars = []
    markers_used: set[Marker] = set()
    y: float = len(_LEGEND_KEYS) * LEGEND_LINE + ROW_GAP
    for result in results:
        bar = _bar(result, y)
        bars.append(bar)
        markers_used.update(marker for marker, _ in bar.markers)
        y += _row_height(bar)
    legend = tuple(
        (key, text(f"chart_legend_{key}", language))
        for key in _LEGEND_KEYS
        if key == "this_area" or Marker(key) in markers_used
    )
    description = "; ".join(_describe(result, language) for result in results)
    return ChartLayout(title, description, legend, y + 2 * LINE_HEIGHT + 8, y, tuple(bars))


_LEGEND_KEYS = ("this_area", Marker.OTHER_AREAS.value, Marker.NATIONAL.value)


def chart_svg(layout: ChartLayout, chart_id: str) -> str:
    """The chart as a standalone SVG string with ``<title>`` and ``<desc>`` (role="img")."""
    parts = svg_open(chart_id, (WIDTH, layout.height), layout.title, layout.description)
    parts.extend(_svg_legend(layout.legend))
    parts.extend(_svg_bar(bar) for bar in layout.bars)
    parts.extend(_svg_axis(layout.axis_y, layout.bars[0].y - ROW_GAP / 2 if layout.bars else 0))
    parts.append("</svg>")
    return "\n".join(parts)


def _x(percent: float) -> float:
    """Horizontal position of a percentage (0-100) in the plotting area."""
    return LABEL_WIDTH + PLOT_WIDTH * percent / 100


def _row_height(bar: Bar) -> float:
    """A row is as tall as its wrapped label, and never shorter than its bar."""
    return max(BAR_HEIGHT, len(bar.label_lines) * LINE_HEIGHT) + ROW_GAP


def _bar(result: IndicatorResult, y: float) -> Bar:
    """One result's bar, whisker and comparator markers, or just its marker if hidden."""
    shown = result.proportion is not None and result.lower is not None and result.upper is not None
    markers = tuple(
        (marker, _x(percent))
        for marker, percent in _comparator_percents(result)
        if shown and percent is not None
    )
    return Bar(
        label_lines=tuple(textwrap.wrap(result.label, _LABEL_CHARS)),
        y=y,
        width=_x(100 * result.proportion) - LABEL_WIDTH if shown else None,  # type: ignore[operator]
        whisker=(_x(100 * result.lower), _x(100 * result.upper)) if shown else None,  # type: ignore[operator]
        markers=markers,
        value_text=f"{result.percent_text} {result.marker}".strip(),
    )


_MARKER_KINDS = {
    ComparisonKind.OTHER_LAS: Marker.OTHER_AREAS,
    ComparisonKind.NATIONAL: Marker.NATIONAL,
}


def _comparator_percents(result: IndicatorResult) -> list[tuple[Marker, int | None]]:
    """The shown other-areas and national percentages of a result, by marker."""
    return [
        (_MARKER_KINDS[c.kind], c.comparator_percent)
        for c in result.comparisons
        if c.kind in _MARKER_KINDS
    ]


def _describe(result: IndicatorResult, language: Language) -> str:
    """One result in words for ``<desc>``: value, interval and each comparison phrase."""
    phrases = [
        f"{c.text} ({c.comparator_text})" if c.comparator_text else c.text
        for c in result.comparisons
        if c.kind in _MARKER_KINDS
    ]
    return f"{result.label}: {result.percent_text} ({result.ci_text}), " + ", ".join(phrases)


def _svg_legend(legend: Sequence[tuple[str, str]]) -> list[str]:
    """The legend, one entry a line: a sample of each mark and its words."""
    parts = []
    for i, (key, words) in enumerate(legend):
        middle = i * LEGEND_LINE + 9
        if key == "this_area":
            parts.append(element("rect", x=2, y=middle - 6, width=16, height=12, fill=BAR_COLOUR))
            parts.append(_whisker(2, 18, middle))
        else:
            parts.append(_marker(Marker(key), 8, middle))
        parts.append(text_element(words, 24, middle + 4))
    return parts


def _svg_bar(bar: Bar) -> str:
    """SVG elements for one bar: its wrapped label, bar, whisker, markers and value."""
    parts = [
        text_element(line, 0, bar.y + 12 + i * LINE_HEIGHT)
        for i, line in enumerate(bar.label_lines)
    ]
    value_x: float = LABEL_WIDTH + 4
    middle = bar.y + BAR_HEIGHT / 2
    if bar.width is not None and bar.whisker is not None:
        low, high = bar.whisker
        parts.append(
            element(
                "rect", x=LABEL_WIDTH, y=bar.y, width=bar.width, height=BAR_HEIGHT, fill=BAR_COLOUR
            )
        )
        parts.append(_whisker(low, high, middle))
        parts.extend(_marker(marker, x, middle) for marker, x in bar.markers)
        edges = [high, LABEL_WIDTH + bar.width, *(x + MARKER_SIZE for _, x in bar.markers)]
        value_x = max(edges) + 6
    parts.append(text_element(bar.value_text, value_x, middle + 4))
    return "\n".join(parts)


def _svg_axis(axis_y: float, top: float) -> list[str]:
    """The percentage axis under the bars, with a tick and label at every quarter, and the
    zero line the bars start from."""
    parts = [
        element("line", x1=_x(0), y1=axis_y, x2=_x(100), y2=axis_y, stroke=MARK_COLOUR),
        element("line", x1=_x(0), y1=top, x2=_x(0), y2=axis_y, stroke=MARK_COLOUR),
    ]
    for tick in _TICKS:
        x = _x(tick)
        parts.append(element("line", x1=x, y1=axis_y, x2=x, y2=axis_y + 5, stroke=MARK_COLOUR))
        parts.append(text_element(f"{tick}%", x, axis_y + 5 + LINE_HEIGHT, anchor="middle"))
    return parts


def _whisker(low: float, high: float, middle: float) -> str:
    """A 95% interval: a line with an end cap at each limit."""
    caps = (
        element(
            "line", x1=x, y1=middle - 5, x2=x, y2=middle + 5, stroke=MARK_COLOUR, stroke_width=2
        )
        for x in (low, high)
    )
    line = element(
        "line", x1=low, y1=middle, x2=high, y2=middle, stroke=MARK_COLOUR, stroke_width=2
    )
    return "\n".join([line, *caps])


def _marker(marker: Marker, x: float, middle: float) -> str:
    """A comparator's marker: a diamond for other areas, a triangle for the national figure."""
    size = MARKER_SIZE
    if marker is Marker.OTHER_AREAS:
        points = [(x, middle - size), (x + size, middle), (x, middle + size), (x - size, middle)]
    else:
        points = [(x, middle - size), (x + size, middle + size), (x - size, middle + size)]
    return element(
        "polygon",
        points=" ".join(f"{px:.1f},{py:.1f}" for px, py in points),
        fill=MARK_COLOUR,
        data_marker=marker.value,
    )
