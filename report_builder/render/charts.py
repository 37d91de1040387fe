"""Bar charts with 95% interval whiskers, as SVG for the HTML report and the PDF printed from it.

R-A11Y-4 and docs/sources.md A18-A20: the two Analysis Function series colours (dark blue for this
area, orange for other areas), direct labels rather than a colour-only legend, horizontal
text, a title stating the finding and a description listing every value, and always a data
table next to the chart (the renderers place one). The PDF prints the same SVG, so the HTML
and PDF charts cannot differ. Hidden results get no bar, only their marker.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from report_builder.comparison.values import ComparisonKind
from report_builder.report.fixed_text import counted_text, text
from report_builder.report.model import IndicatorResult, Report

DARK_BLUE = "#12436D"
ORANGE = "#F46A25"
TEXT_COLOUR = "#0B0C0C"
WIDTH = 480
LABEL_WIDTH = 200
ROW_HEIGHT = 34
TOP = 30
FONT_SIZE = 9
_LABEL_CHARS = 38


@dataclass(frozen=True)
class Bar:
    """One row of a chart in layout units (origin top left, y downwards)."""

    label_lines: tuple[str, ...]
    y: float
    width: float | None
    whisker: tuple[float, float] | None
    comparator_x: float | None
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
    """Everything the SVG draws."""

    title: str
    description: str
    key: str
    height: float
    bars: tuple[Bar, ...]


def section_charts(report: Report) -> tuple[SectionChart, ...]:
    """A chart per section and age band, titled with its finding (R-A11Y-4, A20)."""
    language = report.language
    charts = []
    for section in report.sections:
        for band in dict.fromkeys(r.age_band for r in section.results):
            results = [r for r in section.results if r.age_band == band]
            title = _finding(section.title, results, report)
            key = text("chart_key", language)
            layout = chart_layout(title, results, key=key)
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


def chart_layout(title: str, results: Sequence[IndicatorResult], *, key: str) -> ChartLayout:
    """Lay out one bar per result; ``title`` should state the finding (R-A11Y-4)."""
    bars = tuple(_bar(result, TOP + i * ROW_HEIGHT) for i, result in enumerate(results))
    description = "; ".join(_describe(result) for result in results)
    return ChartLayout(title, description, key, TOP + len(results) * ROW_HEIGHT + 10, bars)


def chart_svg(layout: ChartLayout, chart_id: str) -> str:
    """The chart as a standalone SVG string with ``<title>`` and ``<desc>`` (role="img")."""
    ids = f"{chart_id}-title {chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ids}" '
        f'viewBox="0 0 {WIDTH} {layout.height:.0f}" width="{WIDTH}" height="{layout.height:.0f}" '
        f'font-family="Arial, Helvetica, sans-serif" font-size="{FONT_SIZE + 3}">',
        f'<title id="{chart_id}-title">{escape(layout.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(layout.description)}</desc>',
        f'<text x="0" y="14" fill="{TEXT_COLOUR}">{escape(layout.key)}</text>',
    ]
    parts.extend(_svg_bar(bar) for bar in layout.bars)
    parts.append("</svg>")
    return "\n".join(parts)


def _x(percent: float) -> float:
    """Horizontal position of a percentage (0-100) in the plotting area."""
    return LABEL_WIDTH + (WIDTH - LABEL_WIDTH - 40) * percent / 100


def _bar(result: IndicatorResult, y: float) -> Bar:
    """One result's bar, whisker and other-areas marker, or just its marker if hidden."""
    other = _other_percent(result)
    shown = result.proportion is not None and result.lower is not None and result.upper is not None
    return Bar(
        label_lines=tuple(textwrap.wrap(result.label, _LABEL_CHARS)[:2]),
        y=y,
        width=_x(100 * result.proportion) - LABEL_WIDTH if shown else None,
        whisker=(_x(100 * result.lower), _x(100 * result.upper)) if shown else None,
        comparator_x=_x(other) if shown and other is not None else None,
        value_text=f"{result.percent_text} {result.marker}".strip(),
    )


def _other_percent(result: IndicatorResult) -> int | None:
    """The shown other-areas percentage of a result, if any."""
    for comparison in result.comparisons:
        if comparison.kind is ComparisonKind.OTHER_LAS:
            return comparison.comparator_percent
    return None


def _describe(result: IndicatorResult) -> str:
    """One result in words for ``<desc>``: value, interval and the other-areas phrase."""
    phrases = [c.text for c in result.comparisons if c.kind is ComparisonKind.OTHER_LAS]
    if not result.is_shown:
        return f"{result.label}: {result.percent_text}"
    return f"{result.label}: {result.percent_text} ({result.ci_text}), " + ", ".join(phrases)


def _svg_bar(bar: Bar) -> str:
    """SVG elements for one bar."""
    lines = "".join(
        f'<tspan x="0" dy="{0 if i == 0 else 12}">{escape(text)}</tspan>'
        for i, text in enumerate(bar.label_lines)
    )
    parts = [_element("text", lines, x=0, y=bar.y + 10, fill=TEXT_COLOUR, font_size=FONT_SIZE + 1)]
    value_x = LABEL_WIDTH + 4
    if bar.width is not None and bar.whisker is not None:
        low, high = bar.whisker
        mid = bar.y + 9
        parts.append(
            _element("rect", x=LABEL_WIDTH, y=bar.y, width=bar.width, height=18, fill=DARK_BLUE)
        )
        parts.append(
            _element("line", x1=low, y1=mid, x2=high, y2=mid, stroke=TEXT_COLOUR, stroke_width=1.5)
        )
        value_x = max(high, LABEL_WIDTH + bar.width, bar.comparator_x or 0) + 5
        if bar.comparator_x is not None:
            x = bar.comparator_x
            parts.append(
                _element(
                    "line", x1=x, y1=bar.y - 3, x2=x, y2=bar.y + 21, stroke=ORANGE, stroke_width=3
                )
            )
    parts.append(
        _element("text", escape(bar.value_text), x=value_x, y=bar.y + 13, fill=TEXT_COLOUR)
    )
    return "\n".join(parts)


def _element(tag: str, content: str = "", **attributes: object) -> str:
    """One SVG element; underscores in attribute names become hyphens, numbers get 1 decimal."""
    pairs = " ".join(
        f'{name.replace("_", "-")}="{value:.1f}"'
        if isinstance(value, float)
        else f'{name.replace("_", "-")}="{value}"'
        for name, value in attributes.items()
    )
    return f"<{tag} {pairs}>{content}</{tag}>" if content else f"<{tag} {pairs}/>"
