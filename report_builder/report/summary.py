"""The report's summary lists: bright spots, areas for improvement and worth looking into.

``highlights`` gives one row per called-out comparison (for the data files); ``findings`` gives
each indicator and age band once with all its called-out comparisons (for the summary pages).

Bright spots and areas for improvement come from the clear tier only, and only for indicators
with a direction of good (``plans.classify``); a possible difference goes to "worth looking
into", each indicator and age band once with all its tested comparisons (R-STAT-6, R-STAT-8).
A previous-round comparison in a band with a cohort caveat carries the caveat in its sentence,
beside the figures (R-STAT-7).
"""

from __future__ import annotations

from collections.abc import Sequence

from report_builder.comparison.values import Classification, ComparisonKind, ComparisonStatus
from report_builder.report.model import (
    ComparisonResult,
    Finding,
    Highlight,
    IndicatorResult,
    WorthLookingInto,
)


def highlights(
    results: Sequence[IndicatorResult], classification: Classification
) -> tuple[Highlight, ...]:
    """Every shown result's comparisons classed as ``classification``, one sentence each."""
    return tuple(
        Highlight(
            indicator_id=result.indicator_id,
            age_band=result.age_band,
            kind=comparison.kind,
            classification=classification,
            text=f"{_opening(result)}, {comparison_phrase(comparison)}",
        )
        for result in results
        if result.is_shown
        for comparison in result.comparisons
        if comparison.classification is classification
    )


def findings(
    results: Sequence[IndicatorResult], classification: Classification
) -> tuple[Finding, ...]:
    """Each shown indicator and age band with a comparison classed as ``classification``,
    once, with all those comparisons in one sentence ("Label (band): 45%, higher than ...;
    up since 2025 ...")."""
    found = []
    for result in results:
        matching = [c for c in result.comparisons if c.classification is classification]
        if result.is_shown and matching:
            phrases = "; ".join(comparison_phrase(c) for c in matching)
            found.append(
                Finding(
                    indicator_id=result.indicator_id,
                    age_band=result.age_band,
                    kinds=tuple(c.kind for c in matching),
                    text=f"{_opening(result)}, {phrases}",
                )
            )
    return tuple(found)


def worth_looking_into(results: Sequence[IndicatorResult]) -> tuple[WorthLookingInto, ...]:
    """Each shown indicator and age band with a possible difference, once, with every tested
    comparison it has."""
    return tuple(
        WorthLookingInto(
            indicator_id=result.indicator_id,
            age_band=result.age_band,
            text="; ".join(
                [
                    _opening(result),
                    *(comparison_phrase(c) for c in result.comparisons if _is_tested(c)),
                ]
            ),
        )
        for result in results
        if result.is_shown
        and any(c.classification is Classification.WORTH_LOOKING_INTO for c in result.comparisons)
    )


def comparison_phrase(comparison: ComparisonResult) -> str:
    """The comparison's words, the comparator's figure and base, and any cohort caveat."""
    phrase = comparison.text
    if comparison.comparator_text:
        phrase += f" ({comparison.comparator_text})"
    if comparison.kind is ComparisonKind.PREVIOUS_ROUND and comparison.caveat:
        phrase += f". {comparison.caveat}"
    return phrase


def _opening(result: IndicatorResult) -> str:
    """ "Label (age band): 45%"."""
    return f"{result.label} ({result.age_band_label}): {result.percent_text}"


def _is_tested(comparison: ComparisonResult) -> bool:
    return comparison.status is ComparisonStatus.TESTED
