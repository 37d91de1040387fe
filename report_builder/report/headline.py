"""The headline page: each age band's headline results with a mark against each comparator.

A corporate parenting board reads this page first. For each age band it gives the response
rate and the band's cautions (R-STAT-7), then each headline indicator the band was asked, with
its result and one short mark per comparison in the comparison's tier: clear, possible or
none ("Higher", "Possibly higher", "No clear difference"; R-STAT-6). Everything comes from the
already disclosure-controlled results, so a hidden result stays hidden here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from report_builder.comparison.values import ComparisonKind, ComparisonStatus
from report_builder.report.model import (
    CohortCaveat,
    ComparisonResult,
    HeadlineBand,
    HeadlineMark,
    HeadlineRow,
    IndicatorResult,
    ResponseRate,
)
from report_builder.report.wording import Language, short_phrase

HEADLINE_INDICATORS = (
    "trusts_carers",
    "carers_help_faces",
    "knows_social_worker",
    "knows_social_worker_faces",
    "trusts_personal_adviser",
    "has_trusted_adult",
    "always_feels_safe",
    "feels_safe_faces",
    "feels_settled",
    "feels_settled_faces",
    "low_life_satisfaction",
    "ons_low_life_satisfaction",
    "happy_with_life_faces",
)
"""One or two indicators per Bright Spots domain, with the picture-faces version for the
youngest, the care leavers' own where their questionnaire differs, and version 2's ONS life
satisfaction beside version 1's reworded one; a band shows those it was asked, in this order."""

COMPARISON_ORDER = (
    ComparisonKind.NATIONAL,
    ComparisonKind.OTHER_LAS,
    ComparisonKind.PREVIOUS_ROUND,
)
"""The headline columns, in the order every table of the report uses."""


def headline_bands(
    results: Sequence[IndicatorResult],
    rates: Sequence[ResponseRate],
    caveats: Sequence[CohortCaveat],
    *,
    language: Language,
    indicators: Sequence[str] = HEADLINE_INDICATORS,
) -> tuple[HeadlineBand, ...]:
    """Every age band of ``rates`` with its shown headline results (none when all are hidden)."""
    return tuple(
        _band(
            rate,
            tuple(c.text for c in caveats if c.age_band == rate.age_band),
            _rows(results, rate.age_band, indicators, language),
        )
        for rate in rates
    )


def _band(
    rate: ResponseRate, caveats: tuple[str, ...], rows: tuple[HeadlineRow, ...]
) -> HeadlineBand:
    """The band with only the columns its rows use: a national column of nothing but "no
    national figure" tells a board nothing."""
    columns = tuple(
        kind for kind in COMPARISON_ORDER if any(_has_column(row, kind) for row in rows)
    )
    return HeadlineBand(
        age_band=rate.age_band,
        age_band_label=rate.age_band_label,
        response_rate=rate,
        caveats=caveats,
        rows=tuple(
            HeadlineRow(row.result, tuple(m for m in row.marks if m.kind in columns))
            for row in rows
        ),
        columns=columns,
    )


def _has_column(row: HeadlineRow, kind: ComparisonKind) -> bool:
    """True when ``row`` has a mark of ``kind``; a national mark only with a national figure."""
    return any(
        mark.kind is kind
        and not (kind is ComparisonKind.NATIONAL and mark.status is ComparisonStatus.NO_BENCHMARK)
        for mark in row.marks
    )


def _rows(
    results: Sequence[IndicatorResult],
    band: str,
    indicators: Sequence[str],
    language: Language,
) -> tuple[HeadlineRow, ...]:
    """The band's shown headline results in ``indicators`` order."""
    shown = {r.indicator_id: r for r in results if r.age_band == band and r.is_shown}
    return tuple(
        HeadlineRow(shown[indicator], _marks(shown[indicator], language))
        for indicator in indicators
        if indicator in shown
    )


def _marks(result: IndicatorResult, language: Language) -> tuple[HeadlineMark, ...]:
    """One mark per comparison the report makes, in ``COMPARISON_ORDER``."""
    by_kind = {c.kind: c for c in result.comparisons}
    return tuple(_mark(by_kind[kind], language) for kind in COMPARISON_ORDER if kind in by_kind)


def _mark(comparison: ComparisonResult, language: Language) -> HeadlineMark:
    return HeadlineMark(
        kind=comparison.kind,
        status=comparison.status,
        tier=comparison.tier,
        classification=comparison.classification,
        text=short_phrase(
            comparison.kind, comparison.status, comparison.tier, comparison.direction, language
        ),
        comparator_text=comparison.comparator_text,
    )
