"""One LA round's indicator results: counts → estimates → disclosure control → dataclasses.

``indicator_table`` lists every indicator and age band asked in the round (a band nobody
answered still appears, as [c]); ``estimate_table`` adds percentages and Wilson intervals;
``control.mask_indicator_table`` decides what may be shown; ``assessment.assess`` runs the
comparisons on the raw counts of shown rows only. The dataclasses that leave this module hold
only what disclosure control allows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.typing import NAType

from questionnaires import Catalogue, Indicator, InstrumentVersion
from report_builder.comparison.assessment import Assessment, Row
from report_builder.comparison.comparators import Comparator, Comparators, Key
from report_builder.comparison.plans import classify
from report_builder.comparison.values import Comparison, ComparisonKind, ComparisonStatus, Direction
from report_builder.disclosure.control import mask_indicator_table, published_comparison
from report_builder.disclosure.values import Marker
from report_builder.inputs import columns as col
from report_builder.inputs.catalogue_memo import fingerprint, has_source
from report_builder.inputs.frames import records
from report_builder.report.fixed_text import text
from report_builder.report.model import ComparisonResult, IndicatorResult
from report_builder.report.numbers_and_dates import count_text, percent_text
from report_builder.report.populations import (
    NATIONAL_UNMATCHED,
    Population,
    national_population,
    other_areas_population,
)
from report_builder.report.wording import (
    Language,
    describe_classification,
    describe_comparison,
    method_note,
)
from report_builder.statistics.estimates import estimate_table, whole_percent_of
from report_builder.statistics.intervals import wilson_bounds
from report_builder.statistics.values import Proportion

SENSITIVE_TOPICS = frozenset({"always_feels_safe", "feels_safe_faces"})
"""Indicators R-SDC-4 names as sensitive (feeling safe, asked with words or, at 4-7 in
questionnaire version 2, with faces) although their item is not flagged ``sensitive`` in the
catalogue; sensitive source items are added to these."""

_RAW_COUNT, _RAW_NOBS, _LOWER, _UPPER = "_count", "_nobs", "_lower", "_upper"


def sensitive_indicators(catalogue: Catalogue) -> frozenset[str]:
    """Indicators whose results get the all-or-none rule (R-SDC-4)."""
    flagged = {
        indicator.id
        for indicator in catalogue.indicators
        for version in catalogue.versions.values()
        if (item := indicator.source_item(version)) is not None and item.sensitive
    }
    return frozenset(flagged) | SENSITIVE_TOPICS


def indicator_table(
    counts: pd.DataFrame,
    catalogue: Catalogue,
    versions: Mapping[str, InstrumentVersion],
    *,
    la_code: str,
    round_id: str,
) -> pd.DataFrame:
    """Counts for every indicator and age band asked in the round, zero where nobody counted.

    Columns: ``indicator_id``, ``age_band``, ``fingerprint``, ``numerator``, ``denominator``.
    """
    asked = pd.DataFrame(
        [
            (indicator.id, band, fingerprint(indicator, version))
            for indicator in catalogue.indicators
            for band, version in versions.items()
            if has_source(indicator, version)
        ],
        columns=[col.INDICATOR_ID, col.AGE_BAND, col.FINGERPRINT],
    )
    own = counts.loc[(counts[col.LA_CODE] == la_code) & (counts[col.ROUND_ID] == round_id)]
    keys = [col.INDICATOR_ID, col.AGE_BAND, col.FINGERPRINT]
    merged = asked.merge(own[[*keys, col.NUMERATOR, col.DENOMINATOR]], how="left", on=keys)
    return merged.fillna({col.NUMERATOR: 0, col.DENOMINATOR: 0}).astype(
        {col.NUMERATOR: "int64", col.DENOMINATOR: "int64"}
    )


def masked_table(table: pd.DataFrame, sensitive: frozenset[str]) -> pd.DataFrame:
    """Estimates with disclosure control applied (R-SDC-1, R-SDC-4, R-STAT-4).

    Private columns keep the raw counts (to run tests) and unrounded Wilson bounds (for
    charts); they are read only for rows whose marker allows showing them.
    """
    answered = table[col.DENOMINATOR] > 0
    nobs = table[col.DENOMINATOR].where(answered, 1).to_numpy(dtype=float)
    lower, upper = wilson_bounds(table[col.NUMERATOR].to_numpy(dtype=float), nobs)
    limits: dict[str, pd.Series | np.ndarray] = {
        _RAW_COUNT: table[col.NUMERATOR],
        _RAW_NOBS: table[col.DENOMINATOR],
        _LOWER: lower,
        _UPPER: upper,
    }
    raw = table.assign(**limits)
    flagged = raw.assign(**{_SENSITIVE: raw[col.INDICATOR_ID].isin(sensitive)})
    return mask_indicator_table(estimate_table(flagged), sensitive)


def assessment_rows(
    masked: pd.DataFrame, catalogue: Catalogue, versions: Mapping[str, InstrumentVersion]
) -> list[Row]:
    """Rows for ``assessment.assess``: raw counts plus whether the result is hidden."""
    return [
        Row(
            indicator=catalogue.indicator(record[col.INDICATOR_ID]),
            version=versions[record[col.AGE_BAND]],
            this=Proportion(int(record[_RAW_COUNT]), int(record[_RAW_NOBS])),
            is_hidden=record[col.MARKER] == Marker.CONFIDENTIAL,
        )
        for record in records(masked)
    ]


_SHOWN = (col.NUMERATOR, col.DENOMINATOR, col.PERCENT, col.CI_LOWER, col.CI_UPPER)
_SENSITIVE = "_sensitive"


def indicator_results(
    masked: pd.DataFrame,
    catalogue: Catalogue,
    versions: Mapping[str, InstrumentVersion],
    assessments: Mapping[Key, Assessment],
    comparators: Comparators,
    *,
    language: Language,
    previous_label: str,
    round_caveats: Mapping[str, str] | None = None,
) -> list[IndicatorResult]:
    """The shown results, one per masked row, in table order.

    ``round_caveats`` maps an age band to its cohort caveat (R-STAT-7), set beside each of
    the band's previous-round comparisons.
    """
    results = []
    for record in records(masked):
        indicator = catalogue.indicator(record[col.INDICATOR_ID])
        version = versions[record[col.AGE_BAND]]
        key = (indicator.id, version.instrument)
        comparisons = tuple(
            published_comparison(
                _comparison_result(
                    comparison,
                    _Context(indicator, version, assessments[key], language, previous_label),
                    _comparator_for(comparison.kind, comparators, key),
                    (round_caveats or {}).get(version.instrument, ""),
                ),
                beside_hidden=record[col.MARKER] == Marker.CONFIDENTIAL,
            )
            for comparison in assessments[key].comparisons
        )
        results.append(_result(record, indicator, version, comparisons, language))
    return results


def _comparator_for(kind: ComparisonKind, comparators: Comparators, key: Key) -> Comparator | None:
    """The other-LA or previous-round comparator for ``key`` (None for national figures)."""
    if kind is ComparisonKind.OTHER_LAS:
        return comparators.others.get(key)
    if kind is ComparisonKind.PREVIOUS_ROUND:
        return comparators.previous.get(key)
    return None


def age_band_label(version: InstrumentVersion, language: Language) -> str:
    """ "Ages 8 to 10" or "Care leavers aged 16 to 25", in ``language``."""
    key = "leavers_band" if version.audience == "care_leaver" else "in_care_band"
    return text(key, language, low=version.age_min, high=version.age_max)


def _result(
    record: dict[str, Any],
    indicator: Indicator,
    version: InstrumentVersion,
    comparisons: tuple[ComparisonResult, ...],
    language: Language,
) -> IndicatorResult:
    """One masked row as an IndicatorResult with formatted text."""
    shown = {name: _whole(record[name]) for name in _SHOWN}
    is_shown = shown[col.PERCENT] is not None
    return IndicatorResult(
        indicator_id=indicator.id,
        label=indicator.label.get(language),
        domain=indicator.domain,
        age_band=version.instrument,
        age_band_label=age_band_label(version, language),
        direction=indicator.direction,
        is_sensitive=bool(record[_SENSITIVE]),
        numerator=shown[col.NUMERATOR],
        base=shown[col.DENOMINATOR],
        percent=shown[col.PERCENT],
        ci_lower=shown[col.CI_LOWER],
        ci_upper=shown[col.CI_UPPER],
        proportion=record[_RAW_COUNT] / record[_RAW_NOBS] if is_shown else None,
        lower=float(record[_LOWER]) if is_shown else None,
        upper=float(record[_UPPER]) if is_shown else None,
        marker=str(record[col.MARKER]),
        note=str(record[col.NOTE]),
        percent_text=percent_text(shown[col.PERCENT], language, marker=Marker.CONFIDENTIAL),
        ci_text=interval_text(shown[col.CI_LOWER], shown[col.CI_UPPER], language),
        base_text=base_text(shown[col.DENOMINATOR], language),
        comparisons=comparisons,
    )


@dataclass(frozen=True)
class _Context:
    """What the wording of one row's comparisons needs."""

    indicator: Indicator
    version: InstrumentVersion
    assessment: Assessment
    language: Language
    previous_label: str


def _comparison_result(
    comparison: Comparison, context: _Context, comparator: Comparator | None, caveat: str
) -> ComparisonResult:
    """A comparison with its tier, wording, classification and the comparator's shown figure.

    ``caveat`` is the band's cohort caveat, kept for previous-round comparisons only.
    """
    language = context.language
    classification = classify(comparison, Direction(context.indicator.direction))
    test = comparison.test
    two_sample_test = test if test is not None and test.null_value == 0.0 else None
    scale = 100.0
    population = _population(comparison.kind, context)
    percent = _comparator_percent(comparison, context.assessment, comparator)
    base = _comparator_base(comparison, context.assessment, comparator)
    return ComparisonResult(
        kind=comparison.kind,
        status=comparison.status,
        flag=comparison.flag,
        tier=comparison.tier,
        classification=classification,
        text=describe_comparison(
            comparison, language, context.previous_label, population=population
        ),
        classification_text=describe_classification(classification, language),
        comparator_label=_comparator_label(comparison.kind, context, population),
        comparator_percent=percent,
        comparator_percent_text=percent_text(percent, language),
        comparator_base=base,
        comparator_base_text="" if base is None else base_text(base, language),
        difference=two_sample_test.estimate * scale if two_sample_test else None,
        interval_lower=test.interval.lower * scale if test else None,
        interval_upper=test.interval.upper * scale if test else None,
        pvalue=test.pvalue if test else None,
        adjusted_pvalue=comparison.adjusted_pvalue if test else None,
        method=test.method if test else None,
        is_indicative=comparison.is_indicative,
        note=method_note(language) if test and test.methods_disagree else "",
        caveat=caveat if comparison.kind is ComparisonKind.PREVIOUS_ROUND else "",
        direction=comparison.observed_direction,
    )


def _population(kind: ComparisonKind, context: _Context) -> Population | None:
    """Who a national or other-area comparison is with (None for the previous round)."""
    if kind is ComparisonKind.NATIONAL:
        benchmark = context.assessment.benchmark
        return NATIONAL_UNMATCHED if benchmark is None else national_population(benchmark)
    if kind is ComparisonKind.OTHER_LAS:
        return other_areas_population(context.version.audience)
    return None


def _comparator_label(
    kind: ComparisonKind, context: _Context, population: Population | None
) -> str:
    """Who this LA is compared with, in the report's language, e.g. "Young people aged 16 to
    24 nationally (2017-2019)" or "Care leavers in other areas"."""
    language = context.language
    if population is None:
        return text("previous_round", language, round=context.previous_label)
    benchmark = context.assessment.benchmark
    if kind is ComparisonKind.NATIONAL and benchmark is not None:
        return f"{population.label(language)} ({benchmark.year})"
    return population.label(language)


def _comparator_percent(
    comparison: Comparison, assessment: Assessment, comparator: Comparator | None
) -> int | None:
    """The comparator's whole-number percentage, or None where it may not be shown.

    A changed definition shows no old figure: it was counted another way.
    """
    if comparison.status is ComparisonStatus.NOT_COMPARABLE:
        return None
    if comparison.kind is ComparisonKind.NATIONAL:
        benchmark = assessment.benchmark
        return None if benchmark is None else whole_percent_of(benchmark.value)
    if comparator is None or comparator.is_hidden:
        return None
    return comparator.percent


def _comparator_base(
    comparison: Comparison, assessment: Assessment, comparator: Comparator | None
) -> int | None:
    """The comparator's own base (n) shown beside its percentage (R-STAT-6).

    A national figure's published sample size where the benchmark file has one; the previous
    round's base as its own report shows it; the pooled base of other areas, which is the sum
    of bases their own reports publish (R-SDC-9, ``comparators.pooled_others``).
    """
    if comparison.status is ComparisonStatus.NOT_COMPARABLE:
        return None
    if comparison.kind is ComparisonKind.NATIONAL:
        benchmark = assessment.benchmark
        return None if benchmark is None else benchmark.sample_size
    if comparator is not None:
        shown = not comparator.is_hidden and comparator.percent is not None
        return comparator.proportion.nobs if shown else None
    return None


def interval_text(lower: int | None, upper: int | None, language: Language) -> str:
    """ "38% to 52%", or the marker when the interval is hidden."""
    if lower is None or upper is None:
        return Marker.CONFIDENTIAL.value
    return text(
        "interval",
        language,
        lower=percent_text(lower, language),
        upper=percent_text(upper, language),
    )


def base_text(base: int | None, language: Language) -> str:
    """ "n = 45", or the marker below 10 answers (R-SDC-1 hides the base too)."""
    if base is None:
        return Marker.CONFIDENTIAL.value
    return text("base", language, n=count_text(base, language))


def _whole(value: float | NAType) -> int | None:
    """A shown whole number, or None for a hidden (NA) value."""
    return None if pd.isna(value) else int(value)
