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
from xml.sax.saxutils import escape

from report_builder.comparison.values import ComparisonKind
from report_builder.report.fixed_text import counted_text, text
from report_builder.report.model import IndicatorResult, Report, Trend
from report_builder.report.wording import Language

BAR_COLOUR = "#1D70B8"
"""GOV.UK blue: 5.2:1 against the white page and 3.8:1 against the near-black whiskers and
comparator markers drawn over it, so every mark meets the 3:1 of WCAG 1.4.11."""
MARK_COLOUR = "#0B0C0C"
"""Whiskers, comparator markers, the axis and all text: 19:1 against white."""
BACKGROUND = "#FFFFFF"
WIDTH = 640
LABEL_WIDTH = 250
PLOT_WIDTH = 320
LINE_HEIGHT = 14
ROW_GAP = 12
BAR_HEIGHT = 18
LEGEND_LINE = 18
FONT_SIZE = 12
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
    (R-A11Y-4, A20); a band with no shown result has no chart."""
    charts = []
    for section in report.sections:
        for band in dict.fromkeys(r.age_band for r in section.results if r.is_shown):
            results = [r for r in section.results if r.age_band == band and r.is_shown]
            title = _finding(section.title, results, report)
            layout = chart_layout(title, results, language=report.language)
            chart_id = f"chart-{section.domain}-{band}"
            charts.append(
                SectionChart(section.domain, band, chart_id, layout, chart_svg(layout, chart_id))
            )
    return tuple(charts)


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
    ids = f"{chart_id}-title {chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ids}" '
        f'viewBox="0 0 {WIDTH} {layout.height:.0f}" width="{WIDTH}" '
        f'height="{layout.height:.0f}" class="cv-report-svg" '
        f'font-family="Arial, Helvetica, sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(layout.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(layout.description)}</desc>',
        _element("rect", x=0, y=0, width=WIDTH, height=layout.height, fill=BACKGROUND),
    ]
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
            parts.append(_element("rect", x=2, y=middle - 6, width=16, height=12, fill=BAR_COLOUR))
            parts.append(_whisker(2, 18, middle))
        else:
            parts.append(_marker(Marker(key), 8, middle))
        parts.append(_text(words, 24, middle + 4))
    return parts


def _svg_bar(bar: Bar) -> str:
    """SVG elements for one bar: its wrapped label, bar, whisker, markers and value."""
    parts = [_text(line, 0, bar.y + 12 + i * LINE_HEIGHT) for i, line in enumerate(bar.label_lines)]
    value_x: float = LABEL_WIDTH + 4
    middle = bar.y + BAR_HEIGHT / 2
    if bar.width is not None and bar.whisker is not None:
        low, high = bar.whisker
        parts.append(
            _element(
                "rect", x=LABEL_WIDTH, y=bar.y, width=bar.width, height=BAR_HEIGHT, fill=BAR_COLOUR
            )
        )
        parts.append(_whisker(low, high, middle))
        parts.extend(_marker(marker, x, middle) for marker, x in bar.markers)
        edges = [high, LABEL_WIDTH + bar.width, *(x + MARKER_SIZE for _, x in bar.markers)]
        value_x = max(edges) + 6
    parts.append(_text(bar.value_text, value_x, middle + 4))
    return "\n".join(parts)


def _svg_axis(axis_y: float, top: float) -> list[str]:
    """The percentage axis under the bars, with a tick and label at every quarter, and the
    zero line the bars start from."""
    parts = [
        _element("line", x1=_x(0), y1=axis_y, x2=_x(100), y2=axis_y, stroke=MARK_COLOUR),
        _element("line", x1=_x(0), y1=top, x2=_x(0), y2=axis_y, stroke=MARK_COLOUR),
    ]
    for tick in _TICKS:
        x = _x(tick)
        parts.append(_element("line", x1=x, y1=axis_y, x2=x, y2=axis_y + 5, stroke=MARK_COLOUR))
        parts.append(_text(f"{tick}%", x, axis_y + 5 + LINE_HEIGHT, anchor="middle"))
    return parts


def _whisker(low: float, high: float, middle: float) -> str:
    """A 95% interval: a line with an end cap at each limit."""
    caps = (
        _element(
            "line", x1=x, y1=middle - 5, x2=x, y2=middle + 5, stroke=MARK_COLOUR, stroke_width=2
        )
        for x in (low, high)
    )
    line = _element(
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
    return _element(
        "polygon",
        points=" ".join(f"{px:.1f},{py:.1f}" for px, py in points),
        fill=MARK_COLOUR,
        data_marker=marker.value,
    )


def _text(words: str, x: float, y: float, *, anchor: str = "start") -> str:
    """Text in the mark colour; ``anchor`` as SVG's text-anchor."""
    return _element("text", escape(words), x=x, y=y, fill=MARK_COLOUR, text_anchor=anchor)


def _element(tag: str, content: str = "", **attributes: object) -> str:
    """One SVG element; underscores in attribute names become hyphens, numbers get 1 decimal."""
    pairs = " ".join(
        f'{name.replace("_", "-")}="{value:.1f}"'
        if isinstance(value, float)
        else f'{name.replace("_", "-")}="{value}"'
        for name, value in attributes.items()
    )
    return f"<{tag} {pairs}>{content}</{tag}>" if content else f"<{tag} {pairs}/>"


TREND_WIDTH = 360
TREND_HEIGHT = 190
_TREND_PLOT = (60.0, 20.0, 330.0, 150.0)
"""Left, top, right and bottom of a trend chart's plotting area at the least margins; the
right (and left) edge moves in so the widest label fits (``_trend_span``)."""
CHAR_WIDTH = 0.7 * FONT_SIZE
"""An estimate of one character's width: generous for Arial, whose digits are 0.56 em and
per cent sign 0.89 em, so a label estimated to fit does fit in the PDF and the browser."""
_VALUE_GAP = 8.0
"""From a point to the start of its value label, clear of the point's whisker."""
_EDGE = 4.0
"""Space kept between any label and the chart's edge."""


def text_width(words: str) -> float:
    """The estimated width of ``words`` at the charts' font size."""
    return len(words) * CHAR_WIDTH


def _trend_span(trend: Trend) -> tuple[float, float]:
    """The plot's left and right x: room on the right for the widest value label (drawn after
    its point) and half the last round's label (centred under it); on the left for half the
    first round's label."""
    least_left, _, widest_right, _ = _TREND_PLOT
    values = [p.percent_text for p in trend.points if p.percent is not None]
    value_room = _VALUE_GAP + max((text_width(v) for v in values), default=0.0)
    last_round = text_width(trend.points[-1].round_label) / 2 if trend.points else 0.0
    right = min(widest_right, TREND_WIDTH - _EDGE - max(value_room, last_round))
    first_round = text_width(trend.points[0].round_label) / 2 if trend.points else 0.0
    return max(least_left, _EDGE + first_round), right


def trend_svg(trend: Trend, chart_id: str, title: str) -> str:
    """A small line chart of one trend: each comparable round's value with its 95% interval,
    joined in order, on a 0-100% axis; rounds with no value to show are labelled, not drawn.
    """
    left, right = _trend_span(trend)
    step = (right - left) / max(len(trend.points) - 1, 1)
    xs = [left + i * step for i in range(len(trend.points))]
    description = "; ".join(
        f"{p.round_label}: {p.percent_text} ({p.ci_text})"
        if p.percent is not None
        else p.round_label
        for p in trend.points
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {TREND_WIDTH} {TREND_HEIGHT}" width="{TREND_WIDTH}" '
        f'height="{TREND_HEIGHT}" class="cv-report-svg" '
        f'font-family="Arial, Helvetica, sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        _element("rect", x=0, y=0, width=TREND_WIDTH, height=TREND_HEIGHT, fill=BACKGROUND),
        *_trend_axes(xs, [p.round_label for p in trend.points], (left, right)),
        *_trend_marks(trend, xs),
        "</svg>",
    ]
    return "\n".join(parts)


def _trend_y(percent: float) -> float:
    _, top, _, bottom = _TREND_PLOT
    return bottom - (bottom - top) * percent / 100


def _trend_axes(xs: list[float], labels: list[str], span: tuple[float, float]) -> list[str]:
    """The 0-100% axis on the left and the rounds along the bottom, from ``span``'s left x
    to its right x."""
    _, top, _, bottom = _TREND_PLOT
    left, right = span
    parts = [
        _element("line", x1=left, y1=top, x2=left, y2=bottom, stroke=MARK_COLOUR),
        _element("line", x1=left, y1=bottom, x2=right, y2=bottom, stroke=MARK_COLOUR),
    ]
    for tick in (0, 50, 100):
        y = _trend_y(tick)
        parts.append(_element("line", x1=left - 5, y1=y, x2=left, y2=y, stroke=MARK_COLOUR))
        parts.append(_text(f"{tick}%", left - 8, y + 4, anchor="end"))
    parts.extend(
        _text(label, x, bottom + 20, anchor="middle") for x, label in zip(xs, labels, strict=True)
    )
    return parts


def _trend_marks(trend: Trend, xs: list[float]) -> list[str]:
    """The joining line, then each shown round's whisker, point and value."""
    shown = [(x, p) for x, p in zip(xs, trend.points, strict=True) if p.percent is not None]
    path = " ".join(f"{x:.1f},{_trend_y(p.percent):.1f}" for x, p in shown)  # type: ignore[arg-type]
    parts = [_element("polyline", points=path, fill="none", stroke=BAR_COLOUR, stroke_width=2)]
    for x, point in shown:
        y = _trend_y(point.percent)  # type: ignore[arg-type]
        if point.ci_lower is not None and point.ci_upper is not None:
            low, high = _trend_y(point.ci_lower), _trend_y(point.ci_upper)
            parts.append(
                _element("line", x1=x, y1=low, x2=x, y2=high, stroke=MARK_COLOUR, stroke_width=2)
            )
        parts.append(_element("circle", cx=x, cy=y, r=5.0, fill=BAR_COLOUR))
        parts.append(_text(point.percent_text, x + _VALUE_GAP, y - 6))
    return parts
