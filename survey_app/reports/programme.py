"""Shape the programme view for its page: names, labels in the page language, formatted spread.

``build_programme_view`` has already hidden every value an authority's own report hides and
takes its spread over shown values only; this adds the authority names and the Welsh or
English labels, and formats numbers with Babel.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import format_decimal

from questionnaires import Catalogue
from report_builder.report.indicator_results import age_band_label
from report_builder.report.model import ProgrammeIndicator, ProgrammeView
from report_builder.report.wording import report_language
from survey_app.reports.presenters import notes_for

AXIS_LEFT = 240
AXIS_WIDTH = 340
"""Chart geometry shared with ``reports/_strip_chart.html`` (a 640-unit-wide SVG whose left
240 units hold the authorities' names)."""


@dataclass(frozen=True)
class AreaValue:
    """One authority's latest-round value, or its marker when hidden."""

    name: str
    period: str
    percent: int | None
    text: str
    base_text: str
    x: float | None


@dataclass(frozen=True)
class IndicatorSpread:
    """One headline indicator and age band across authorities."""

    chart_id: str
    label: str
    band_label: str
    values: tuple[AreaValue, ...]
    shown: int
    suppressed: int
    median_text: str
    range_text: str
    quartiles_text: str
    median_x: float | None
    marker_notes: tuple[str, ...]


def programme_spreads(
    catalogue: Catalogue, view: ProgrammeView, names: dict[str, str], language: str
) -> tuple[IndicatorSpread, ...]:
    """The page's blocks, one per indicator and age band, in the view's order; ``names``
    maps authority codes to names."""
    return tuple(_spread(catalogue, indicator, names, language) for indicator in view.indicators)


def _spread(
    catalogue: Catalogue, indicator: ProgrammeIndicator, names: dict[str, str], language: str
) -> IndicatorSpread:
    values = tuple(
        AreaValue(
            name=names.get(v.la_code, v.la_code),
            period=v.period,
            percent=v.percent,
            text=f"{_percent(v.percent)} {v.marker}".strip() if v.percent is not None else v.marker,
            base_text=format_decimal(v.base) if v.base is not None else v.marker,
            x=_x(v.percent),
        )
        for v in indicator.values
    )
    version = catalogue.latest(indicator.age_band)
    return IndicatorSpread(
        chart_id=f"spread-{indicator.indicator_id}-{indicator.age_band}",
        label=catalogue.indicator(indicator.indicator_id).label.get(language),
        band_label=age_band_label(version, report_language(language)),
        values=values,
        shown=indicator.shown,
        suppressed=indicator.suppressed,
        median_text=_percent(indicator.median),
        range_text=_between(indicator.minimum, indicator.maximum),
        quartiles_text=_between(indicator.lower_quartile, indicator.upper_quartile),
        median_x=_x(indicator.median),
        marker_notes=notes_for([v.note for v in indicator.values], language),
    )


def _between(low: float | None, high: float | None) -> str:
    return f"{_percent(low)} – {_percent(high)}"


def _percent(value: float | None) -> str:
    """A percentage to at most one decimal place, or a dash when nothing was shown."""
    return "–" if value is None else f"{format_decimal(value, format='0.#')}%"


def _x(percent: float | None) -> float | None:
    """Horizontal position of a percentage on the chart's axis."""
    return None if percent is None else AXIS_LEFT + AXIS_WIDTH * percent / 100
