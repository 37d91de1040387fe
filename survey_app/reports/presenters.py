"""Shape a ``Report`` for the templates: each chart beside the table of the same results.

The report model is already disclosure-controlled and formatted for its language; this only
groups it (section -> age band -> rows with their three comparisons) and picks the notes that
explain the markers each table uses (R-SDC-7), so templates hold no logic beyond loops.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from report_builder.comparison.values import ComparisonKind, ComparisonStatus
from report_builder.disclosure.values import SuppressionReason
from report_builder.render.charts import SectionChart, section_charts
from report_builder.render.trend_charts import is_trend_charted, trend_svg
from report_builder.report.fixed_text import text
from report_builder.report.model import (
    CohortCaveat,
    ComparisonResult,
    IndicatorResult,
    Report,
    Trend,
)
from report_builder.report.wording import Language, marker_note, report_language

COMPARISON_ORDER = (
    ComparisonKind.NATIONAL,
    ComparisonKind.OTHER_LAS,
    ComparisonKind.PREVIOUS_ROUND,
)

LONG_TABLE_ROWS = 8
"""A results table of up to this many rows fits on an A4 page, so the PDF keeps it whole:
WeasyPrint tags each page's part of a split table as a table of its own (docs/reports.md)."""


@dataclass(frozen=True)
class ResultRow:
    """One table row: a result and its comparisons in ``COMPARISON_ORDER`` (None if absent)."""

    result: IndicatorResult
    comparisons: tuple[ComparisonResult | None, ...]


@dataclass(frozen=True)
class BandBlock:
    """A section's results for one age band: the chart, if any (``charts.is_charted``), and
    the table of the same figures."""

    age_band: str
    age_band_label: str
    chart: SectionChart | None
    rows: tuple[ResultRow, ...]
    marker_notes: tuple[str, ...]
    caveats: tuple[str, ...]
    hidden_count: int = 0
    """Results of the band not shown (too few answered, or hidden): counted in one line
    rather than listed as rows of [c]."""
    columns: tuple[ComparisonKind, ...] = COMPARISON_ORDER
    """The comparisons made for at least one row; a column no row was compared in is left out
    and named once beneath the table (``untested``), or once for the report when no table
    could make it (``report_context``'s ``untested``)."""
    untested: tuple[ComparisonKind, ...] = ()

    @property
    def is_long(self) -> bool:
        """True when the table may run onto a second page when printed (more than
        ``LONG_TABLE_ROWS`` rows); a shorter one is kept whole (``report-print.css``)."""
        return len(self.rows) > LONG_TABLE_ROWS

    @property
    def chart_svg(self) -> Markup:
        """The chart as markup: built by report_builder with every text escaped."""
        return Markup(self.chart.svg if self.chart else "")


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
    """One age band's trends: their cautions, the charts of those with a figure from 30 or
    more answers (``is_trend_charted``) and one table of them all."""

    age_band: str
    age_band_label: str
    round_labels: tuple[str, ...]
    caveats: tuple[str, ...]
    trends: tuple[Trend, ...]
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
        trends=tuple(trends),
        charts=tuple(
            _trend_chart(trend, labels, report.language)
            for trend in trends
            if is_trend_charted(trend)
        ),
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
    """What ``reports/_report.html`` needs: the report, its sections, the rate notes, the age
    groups with no result shown at all, and what is said once for every section: the
    comparisons no table could make, and whether any table stands without a chart."""
    hidden_rates = any(rate.respondents is None for rate in report.response_rates)
    reasons = [SuppressionReason.CONFIDENTIAL.value] if hidden_rates else []
    sections, untested = _said_once(report_sections(report))
    return {
        "report": report,
        "sections": sections,
        "untested": untested,
        "tables_without_charts": any(b.chart is None for s in sections for b in s.bands),
        "rate_notes": notes_for(reasons, report.language),
        "unshown_bands": unshown_bands(report),
        "shown_caveats": shown_caveats(report),
        "trends": trend_blocks(report),
    }


def _said_once(
    sections: tuple[SectionBlock, ...],
) -> tuple[tuple[SectionBlock, ...], tuple[ComparisonKind, ...]]:
    """The sections without the comparisons no table could make, and those comparisons, to be
    named once for the whole report rather than beneath every table."""
    bands = [band for section in sections for band in section.bands]
    untested = tuple(k for k in COMPARISON_ORDER if bands and all(k in b.untested for b in bands))
    trimmed = tuple(
        replace(
            section,
            bands=tuple(
                replace(b, untested=tuple(k for k in b.untested if k not in untested))
                for b in section.bands
            ),
        )
        for section in sections
    )
    return trimmed, untested


def shown_caveats(report: Report) -> tuple[CohortCaveat, ...]:
    """The cohort caveats of the age bands with a result shown: a caution qualifies figures,
    so a band with none shown needs none (R-STAT-7)."""
    shown = {r.age_band for r in report.results() if r.is_shown}
    return tuple(c for c in report.cohort_caveats if c.age_band in shown)


def unshown_bands(report: Report) -> tuple[str, ...]:
    """Labels of the age bands none of whose results may be shown, in report order: the
    report says so once instead of repeating a table of [c] in every section."""
    shown = {r.age_band for r in report.results() if r.is_shown}
    return tuple(
        dict.fromkeys(r.age_band_label for r in report.results() if r.age_band not in shown)
    )


def report_sections(report: Report) -> tuple[SectionBlock, ...]:
    """Every section of ``report`` with a result to show, each age band that has one with
    its chart (if it has one) and the table of its shown results."""
    charts = {(c.domain, c.age_band): c for c in section_charts(report)}
    sections = (
        SectionBlock(
            domain=section.domain,
            title=section.title,
            bands=tuple(
                _band(
                    charts.get((section.domain, band)),
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
    chart: SectionChart | None,
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
        chart=chart,
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
