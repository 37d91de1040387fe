"""A round's indicator results with their comparisons: counts, disclosure control, comparators,
tests and Benjamini-Hochberg, then the shown results in words."""

from __future__ import annotations

import pandas as pd

from questionnaires import Catalogue
from report_builder.comparison.assessment import Assessment, assess
from report_builder.comparison.comparators import build_comparators
from report_builder.comparison.values import Benchmark, ComparisonKind, ComparisonStatus
from report_builder.inputs import columns as col
from report_builder.inputs.frames import records
from report_builder.report.indicator_results import (
    assessment_rows,
    indicator_results,
    indicator_table,
    masked_table,
    sensitive_indicators,
)
from report_builder.report.model import CohortCaveat, IndicatorResult
from report_builder.report.report_rounds import PreviousRound, ThisRound
from report_builder.report.wording import Language
from report_builder.statistics.multiple_testing import Adjustment


def assessed_results(
    counts: pd.DataFrame,
    catalogue: Catalogue,
    benchmarks: pd.DataFrame,
    this: ThisRound,
    previous: PreviousRound,
    caveats: tuple[CohortCaveat, ...],
    *,
    adjust: Adjustment,
    language: Language,
) -> tuple[list[IndicatorResult], list[tuple[Benchmark, str]]]:
    """Masked results with their comparisons, and each national figure actually compared with
    the label of its indicator (for the source list). A band's ``caveats`` on changes stand
    beside its comparisons with the previous round (R-STAT-7)."""
    sensitive = sensitive_indicators(catalogue)
    table = indicator_table(
        counts, catalogue, this.versions, la_code=this.la_code, round_id=this.round_id
    )
    masked = masked_table(table, sensitive)
    comparators = build_comparators(
        counts,
        catalogue,
        sensitive,
        la_code=this.la_code,
        period=this.period,
        fingerprints={
            (row[col.INDICATOR_ID], row[col.AGE_BAND]): row[col.FINGERPRINT]
            for row in records(table)
        },
        versions=this.versions,
        previous_round_id=previous.round_id,
        previous_versions=previous.versions,
    )
    rows = assessment_rows(masked, catalogue, this.versions)
    assessments = assess(
        rows, comparators, benchmarks, has_previous=previous.round_id is not None, adjust=adjust
    )
    results = indicator_results(
        masked,
        catalogue,
        this.versions,
        assessments,
        comparators,
        language=language,
        previous_label=previous.label or "",
        round_caveats={c.age_band: c.text for c in caveats if c.on_changes},
    )
    compared = [
        (assessment.benchmark, catalogue.indicator(key[0]).label.get(language))
        for key, assessment in assessments.items()
        if assessment.benchmark is not None and _was_compared_nationally(assessment)
    ]
    return results, compared


def _was_compared_nationally(assessment: Assessment) -> bool:
    """True when the row's national comparison was tested (not hidden or too small)."""
    return any(
        c.kind is ComparisonKind.NATIONAL and c.status is ComparisonStatus.TESTED
        for c in assessment.comparisons
    )
