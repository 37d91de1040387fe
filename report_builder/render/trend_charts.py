"""Small line charts of a headline indicator over the authority's rounds, as SVG.

Each comparable round's value is drawn with its 95% interval and joined in order on a 0-100%
axis; a round with no value to show is labelled on the axis but not drawn. Labels are placed
from an estimate of their width so none is clipped at the chart's edge. The same figures are
in the trends table beside the charts.
"""

from __future__ import annotations

from report_builder.disclosure.control import RELIABLE_BASE
from report_builder.render.svg_elements import (
    BAR_COLOUR,
    FONT_SIZE,
    MARK_COLOUR,
    element,
    svg_open,
    text_element,
)
from report_builder.report.model import Trend

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


def is_trend_charted(trend: Trend) -> bool:
    """True when at least one round of ``trend`` is shown from 30 or more answers; a trend of
    low-reliability figures only is given in its table alone, as a band's results are
    (``charts.is_charted``)."""
    return any(p.percent is not None and (p.base or 0) >= RELIABLE_BASE for p in trend.points)


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
        *svg_open(chart_id, (TREND_WIDTH, TREND_HEIGHT), title, description),
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
        element("line", x1=left, y1=top, x2=left, y2=bottom, stroke=MARK_COLOUR),
        element("line", x1=left, y1=bottom, x2=right, y2=bottom, stroke=MARK_COLOUR),
    ]
    for tick in (0, 50, 100):
        y = _trend_y(tick)
        parts.append(element("line", x1=left - 5, y1=y, x2=left, y2=y, stroke=MARK_COLOUR))
        parts.append(text_element(f"{tick}%", left - 8, y + 4, anchor="end"))
    parts.extend(
        text_element(label, x, bottom + 20, anchor="middle")
        for x, label in zip(xs, labels, strict=True)
    )
    return parts


def _trend_marks(trend: Trend, xs: list[float]) -> list[str]:
    """The joining line, then each shown round's whisker, point and value."""
    shown = [(x, p) for x, p in zip(xs, trend.points, strict=True) if p.percent is not None]
    path = " ".join(f"{x:.1f},{_trend_y(p.percent):.1f}" for x, p in shown)  # type: ignore[arg-type]
    parts = [element("polyline", points=path, fill="none", stroke=BAR_COLOUR, stroke_width=2)]
    for x, point in shown:
        y = _trend_y(point.percent)  # type: ignore[arg-type]
        if point.ci_lower is not None and point.ci_upper is not None:
            low, high = _trend_y(point.ci_lower), _trend_y(point.ci_upper)
            parts.append(
                element("line", x1=x, y1=low, x2=x, y2=high, stroke=MARK_COLOUR, stroke_width=2)
            )
        parts.append(element("circle", cx=x, cy=y, r=5.0, fill=BAR_COLOUR))
        parts.append(text_element(point.percent_text, x + _VALUE_GAP, y - 6))
    return parts
