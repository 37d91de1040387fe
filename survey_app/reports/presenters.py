"""Shape a ``Report`` for the templates: each chart beside the table of the same results.

The report model is already disclosure-controlled and formatted for its language; this only
groups it (section -> age band -> rows with their three comparisons) and picks the notes that
explain the markers each table uses (R-SDC-7), so templates hold no logic beyond loops.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from report_builder.comparison.values import ComparisonKind, ComparisonStatus
from report_builder.disclosure.values import SuppressionReason
from report_builder.render.charts import SectionChart, section_charts
from report_builder.render.trend_charts import trend_svg
from report_builder.report.fixed_text import text
from report_builder.report.model import ComparisonResult, IndicatorResult, Report, Trend
from report_builder.report.wording import Language, marker_note, report_language

COMPARISON_ORDER = (
    ComparisonKind.NATIONAL,
    ComparisonKind.OTHER_LAS,
    ComparisonKind.PREVIOUS_ROUND,
)


@dataclass(frozen=True)
class ResultRow:
    """One table row: a result and its comparisons in ``COMPARISON_ORDER`` (None if absent)."""

    result: IndicatorResult
    comparisons: tuple[ComparisonResult | None, ...]


@dataclass(frozen=True)
class BandBlock:
    """A section's results for one age band: the chart and the table of the same figures."""

    age_band: str
    age_band_label: str
    chart_id: str
    chart_title: str
    chart_svg: Markup
    rows: tuple[ResultRow, ...]
    marker_notes: tuple[str, ...]
    caveats: tuple[str, ...]
    hidden_count: int = 0
    """Results of the band not shown (too few answered, or hidden): counted in one line
    rather than listed as rows of [c]."""
    columns: tuple[ComparisonKind, ...] = COMPARISON_ORDER
    """The comparisons made for at least one row; a column no row was compared in is left out
    and named once beneath the table (``untested``)."""
    untested: tuple[ComparisonKind, ...] = ()


@dataclass(frozen=True)
class SectionBlock:
    """One domain of the report."""

    domain: str
    title: str
    bands: tuple[BandBlock, ...]


@dataclass(frozen=True)
class TrendChart:
    """One headline indicator's trend with its small chart."""

    trend: Trend
    chart_id: str
    title: str
    svg: Markup


@dataclass(frozen=True)
class TrendBlock:
    """One age band's trends: their cautions, charts and one table of the same figures."""

    age_band: str
    age_band_label: str
    round_labels: tuple[str, ...]
    caveats: tuple[str, ...]
    charts: tuple[TrendChart, ...]


def trend_blocks(report: Report) -> tuple[TrendBlock, ...]:
    """The report's trends grouped by age band, each with its chart."""
    bands = dict.fromkeys(t.age_band for t in report.trends)
    return tuple(_trend_block([t for t in report.trends if t.age_band == b], report) for b in bands)


def _trend_block(trends: list[Trend], report: Report) -> TrendBlock:
    first = trends[0]
    labels = tuple(point.round_label for point in first.points)
    return TrendBlock(
        age_band=first.age_band,
        age_band_label=first.age_band_label,
        round_labels=labels,
        caveats=first.caveats,
        charts=tuple(_trend_chart(trend, labels, report.language) for trend in trends),
    )


def _trend_chart(trend: Trend, labels: tuple[str, ...], language: Language) -> TrendChart:
    chart_id = f"trend-{trend.indicator_id}-{trend.age_band}"
    title = text(
        "trend_title",
        language,
        label=trend.label,
        band=trend.age_band_label,
        first=labels[0],
        last=labels[-1],
    )
    # The SVG is built by report_builder with every text escaped.
    return TrendChart(trend, chart_id, title, Markup(trend_svg(trend, chart_id, title)))


def report_context(report: Report) -> dict[str, object]:
    """What ``reports/_report.html`` needs: the report, its sections, the rate notes and the
    age groups with no result shown at all."""
    hidden_rates = any(rate.respondents is None for rate in report.response_rates)
    reasons = [SuppressionReason.CONFIDENTIAL.value] if hidden_rates else []
    return {
        "report": report,
        "sections": report_sections(report),
        "rate_notes": notes_for(reasons, report.language),
        "unshown_bands": unshown_bands(report),
        "trends": trend_blocks(report),
    }


def unshown_bands(report: Report) -> tuple[str, ...]:
    """Labels of the age bands none of whose results may be shown, in report order: the
    report says so once instead of repeating a table of [c] in every section."""
    shown = {r.age_band for r in report.results() if r.is_shown}
    return tuple(
        dict.fromkeys(r.age_band_label for r in report.results() if r.age_band not in shown)
    )


def report_sections(report: Report) -> tuple[SectionBlock, ...]:
    """Every section of ``report`` with a result to show, each age band that has one with
    its chart and the table of its shown results."""
    charts = {(c.domain, c.age_band): c for c in section_charts(report)}
    sections = (
        SectionBlock(
            domain=section.domain,
            title=section.title,
            bands=tuple(
                _band(
                    charts[(section.domain, band)],
                    section.results,
                    band,
                    report.language,
                    tuple(c.text for c in report.cohort_caveats if c.age_band == band),
                )
                for band in dict.fromkeys(r.age_band for r in section.results if r.is_shown)
            ),
        )
        for section in report.sections
    )
    return tuple(section for section in sections if section.bands)


def _band(
    chart: SectionChart,
    results: tuple[IndicatorResult, ...],
    band: str,
    language: str,
    caveats: tuple[str, ...],
) -> BandBlock:
    """One age band's chart and table of shown results, with its cohort caveats beside the
    figures (R-STAT-7) and the number of results not shown."""
    band_results = [r for r in results if r.age_band == band]
    shown = [r for r in band_results if r.is_shown]
    columns = tuple(kind for kind in COMPARISON_ORDER if _any_tested(shown, kind))
    rows = tuple(_row(r, columns) for r in shown)
    return BandBlock(
        age_band=band,
        age_band_label=rows[0].result.age_band_label,
        chart_id=chart.chart_id,
        chart_title=chart.layout.title,
        # The SVG is built by report_builder with every text escaped.
        chart_svg=Markup(chart.svg),
        rows=rows,
        marker_notes=notes_for([row.result.note for row in rows], language),
        caveats=caveats,
        hidden_count=len(band_results) - len(rows),
        columns=columns,
        untested=tuple(kind for kind in COMPARISON_ORDER if kind not in columns),
    )


def _row(result: IndicatorResult, columns: tuple[ComparisonKind, ...]) -> ResultRow:
    by_kind = {c.kind: c for c in result.comparisons}
    return ResultRow(result, tuple(by_kind.get(kind) for kind in columns))


def _any_tested(results: list[IndicatorResult], kind: ComparisonKind) -> bool:
    """True when at least one of ``results`` was tested against ``kind``'s comparator."""
    return any(
        c.kind is kind and c.status is ComparisonStatus.TESTED
        for r in results
        for c in r.comparisons
    )


def notes_for(reasons: list[str], language: str) -> tuple[str, ...]:
    """The marker notes for the suppression reasons used, once each, in the model's order."""
    used, in_language = set(reasons), report_language(language)
    return tuple(
        marker_note(reason, in_language) for reason in SuppressionReason if reason.value in used
    )
